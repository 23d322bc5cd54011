"""Values from a contract never reach a terminal or a CI log as control sequences, JUnit XML is
always well-formed, JSON never holds Infinity or NaN, and any terminal width gives readable
output."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from programmatool.text.terminal import defuse_command, neutralise

from .conftest import minimal_text

#: Raw control characters that must never be printed: ESC, BEL, CR, NEL, LS, PS, the C1 CSI and
#: OSC, and a few XML 1.0 forbids.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

HOSTILE_KEYS = (
    '"clear\\e[2J\\e]0;titel\\a": 1\n'
    '"x\\n::error file=a.yaml::ingevoegd\\r::set-output name=a::b": 2\n'
    '"ls\\u2028::warning::ps\\u2029nel\\x85": 3\n'
    '"xml\\x01\\x08\\x0b\\x1f": 4\n'
)

HOSTILE_VALUES = {
    "programma: Schone Stad": 'programma: "::error::Schone\\e[2J Stad\\n::set-output name=a::b"',
    "    titel: De stad is schoner": '    titel: "De stad\\r\\n::error::is schoner\\e]0;x\\a"',
    "    naam: Aantal scholen dat meedoet aan educatieprojecten over afval": (
        '    naam: "Aantal\\e[31m scholen\\n::error::rood\\u2028::warning::ls"'
    ),
}


def _no_command_lines(text: str, allowed: int = 0) -> None:
    lines = [line for line in text.split("\n") if line.lstrip().startswith("::")]
    assert len(lines) == allowed, lines


@pytest.fixture
def hostile_keys(tmp_path: Path) -> Path:
    path = tmp_path / "sleutels.yaml"
    path.write_text(minimal_text() + HOSTILE_KEYS, encoding="utf-8")
    return path


@pytest.fixture
def hostile_values(tmp_path: Path) -> Path:
    text = minimal_text()
    for old, new in HOSTILE_VALUES.items():
        assert text.count(old + "\n") == 1, old
        text = text.replace(old + "\n", new + "\n")
    path = tmp_path / "waarden.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_neutralise_shows_every_control_character_as_an_escape() -> None:
    assert neutralise("a\x1b[2Jb\x07c\rd\ne\tf") == "a\\x1b[2Jb\\x07c\\rd\\ne\\tf"
    assert neutralise("\x85\u2028\u2029\u202e\x9b\x7f") == "\\x85\\u2028\\u2029\\u202e\\x9b\\x7f"
    assert neutralise("x\udcff.yaml") == "x\\xff.yaml"  # an undecodable byte in a file name
    assert (
        neutralise("gewone tekst: € 1.000, ‘quotes’ – é") == "gewone tekst: € 1.000, ‘quotes’ – é"
    )
    assert defuse_command("  ::error::x") == "  \\x3a:error::x"
    assert defuse_command("a ::error::x") == "a ::error::x"


def test_check_text_escapes_keys_with_control_sequences(cli, hostile_keys: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", hostile_keys)
    assert run.code == 1
    assert not RAW.search(run.out), run.out
    lines = run.out.splitlines()
    assert len(lines) == 5  # four findings and the summary: every finding stays on its line
    assert "onbekend veld 'clear\\x1b[2J\\x1b]0;titel\\x07'" in run.out
    assert "'x\\n::error file=a.yaml::ingevoegd\\r::set-output name=a::b'" in run.out
    _no_command_lines(run.out)


def test_github_format_has_exactly_one_command_per_finding(cli, hostile_keys: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--format", "github", hostile_keys)
    assert run.code == 1
    assert not RAW.search(run.out)
    commands = [line for line in run.out.splitlines() if line.startswith("::")]
    assert len(commands) == 4
    assert all(line.startswith("::error file=") for line in commands)
    _no_command_lines(run.out, allowed=4)


def test_junit_is_well_formed_with_characters_xml_forbids(cli, hostile_keys: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--format", "junit", hostile_keys)
    assert run.code == 1
    root = ET.fromstring(run.out)  # raises on a character XML 1.0 forbids
    messages = [f.get("message") or "" for f in root.iter("failure")]
    assert any("xml\\x01\\x08\\x0b\\x1f" in m for m in messages)


def test_file_names_with_control_characters_and_undecodable_bytes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "map"
    folder.mkdir()
    text = minimal_text().replace("totalen: {2019: 10000,", "totalen: {2019: 10001,")
    (folder / "a\x1b[2J\n::error::b.yaml").write_text(text, encoding="utf-8")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(os.fsencode(folder), b"c\xff.yaml"), "w", encoding="utf-8") as handle:
        handle.write(text.replace("code: schone-stad", "code: andere-stad"))
    for fmt in ("text", "github", "junit", "json", "sarif"):
        run = cli("check", "--format", fmt, folder)
        assert run.code == 1, (fmt, run.err)
        assert "interne fout" not in run.err
        assert not RAW.search(run.out)
        _no_command_lines(run.out, allowed=2 if fmt == "github" else 0)
        if fmt == "junit":
            ET.fromstring(run.out)
        if fmt in ("json", "sarif"):
            json.loads(run.out)
    run = cli("check", folder)
    assert "c\\xff.yaml" in run.out
    assert "a\\x1b[2J\\n::error::b.yaml" in run.out


def test_progress_table_and_toelichting_escape_values(cli, hostile_values: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("check", hostile_values).code == 0
    for width in ("120", "30"):
        os.environ["COLUMNS"] = width
        try:
            run = cli("progress", "--toelichting", hostile_values)
        finally:
            del os.environ["COLUMNS"]
        assert run.code == 0, run.err
        assert not RAW.search(run.out), run.out
        _no_command_lines(run.out)
        assert "\\x1b[31m" in run.out


def test_record_messages_escape_what_the_user_typed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.yaml"
    path.write_text(minimal_text(), encoding="utf-8")
    run = cli("record", path, "x\x1b[2J\n::error::y", "2021", "1")
    assert run.code == 2
    assert not RAW.search(run.err)
    assert "onbekende indicator 'x\\x1b[2J\\n::error::y'" in run.err
    _no_command_lines(run.err)
    run = cli("record", path, "scholen", "2021", "14", "--bron", "b\x1b]0;x\x07\n::error::z")
    assert run.code == 0
    assert not RAW.search(run.out)
    _no_command_lines(run.out)


def test_tiny_numbers_get_a_located_message(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A target so close to 0 that progress towards it would be infinite (once an internal error
    # in the table, and Infinity in JSON).
    text = minimal_text().replace("peilwaarde: 5\n", "peilwaarde: 0\n")
    text = text.replace(
        "streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}", "streefwaarden: {2022: 1e-320}"
    )
    path = tmp_path / "klein.yaml"
    path.write_text(text, encoding="utf-8")
    run = cli("check", path)
    assert run.code == 1
    line = next(n for n, s in enumerate(text.splitlines(), 1) if "1e-320" in s)
    assert f"klein.yaml:{line}:" in run.out
    assert "getal 1e-320 ligt te dicht bij 0 (kleiner dan 10^-9)" in run.out
    for args in (("progress",), ("progress", "--format", "json"), ("progress", "--format", "csv")):
        run = cli(*args, path)
        assert run.code == 1
        assert "interne fout" not in run.err
        assert "Infinity" not in run.out and "NaN" not in run.out


def test_progress_json_never_holds_infinity() -> None:
    from programmatool.presenting.progress import _getal

    assert _getal(float("inf")) is None
    assert _getal(float("nan")) is None
    assert _getal(0.123456) == 0.1235


@pytest.mark.parametrize("columns", ["0", "1", "5", "-3", "abc", "100000000"])
def test_any_terminal_width_gives_readable_progress(
    cli, tmp_path: Path, columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.yaml"
    path.write_text(minimal_text(), encoding="utf-8")
    monkeypatch.setenv("COLUMNS", columns)
    run = cli("progress", path)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].startswith("Schone Stad (")
    # Every word of every name is there, and no line is cut to a letter or two.
    words = " ".join(line.strip() for line in lines).split()
    for word in ("Aantal", "scholen", "dat", "meedoet", "educatieprojecten", "afval"):
        assert word in words
    assert all(len(line.strip()) > 2 for line in lines if line.strip())
    run = cli("check", path)
    assert run.code == 0
    assert run.out == "Geen fouten of waarschuwingen in 1 bestand.\n"
