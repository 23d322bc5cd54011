"""Everything a user can get wrong on the command line: a Dutch message, exit 2, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import MINIMAAL

ENGLISH = ("Traceback", "Input should", "No such file", "File exists", "Error:", "Usage:")


def _cases(tmp: Path) -> list[tuple[list[str], str]]:
    a_file = tmp / "een-bestand"
    a_file.write_text("x")
    m = str(MINIMAAL)
    return [
        (["check", str(tmp / "weg.yaml")], "pad bestaat niet"),
        (["check", "--format", "xml", m], "onbekend formaat 'xml'"),
        (["check", "--config", str(tmp / "weg.toml"), m], "configuratiebestand bestaat niet"),
        (["check", "--jobs", "0", m], "ongeldige waarde voor --jobs: moet ten minste 1 zijn"),
        (["check"], "ontbrekend argument"),
        (["check", "--onbekend", m], "onbekende optie --onbekend"),
        (["controleer", m], "onbekend commando"),
        (["progress", "--format", "xml", m], "onbekend formaat 'xml'"),
        (
            ["progress", "--jaar", "twintig", m],
            "ongeldige waarde voor --jaar: verwacht een geheel getal",
        ),
        (["progress", str(tmp / "weg")], "bestaat niet"),
        (["render", m, "--format", "docx", "--out", str(tmp / "o")], "onbekend formaat 'docx'"),
        (["render", m, "--format", "html", "--out", str(a_file)], str(a_file.name)),
        (
            ["render", m, "--format", "html", "--out", str(tmp / "o"), "--templates", str(a_file)],
            "sjablonen",
        ),
        (
            ["render", str(tmp / "weg.yaml"), "--format", "html", "--out", str(tmp / "o")],
            "bestaat niet",
        ),
        (["record", str(tmp / "weg.yaml"), "scholen", "2021", "5"], "bestaat niet"),
        (["schema", "-o", str(tmp)], "is een map"),
        (["rules", "PT999"], "onbekende regel 'PT999'"),
    ]


@pytest.mark.parametrize("index", range(17))
def test_user_mistakes_get_dutch_message_and_exit_two(cli, tmp_path: Path, index: int) -> None:  # type: ignore[no-untyped-def]
    args, fragment = _cases(tmp_path)[index]
    run = cli(*args)
    assert run.code == 2, (args, run.out, run.err)
    assert fragment in run.err, (args, run.err)
    for word in ENGLISH:
        assert word not in run.out + run.err, (args, word, run.err)


def test_case_count_matches(tmp_path: Path) -> None:
    assert len(_cases(tmp_path)) == 17


@pytest.mark.parametrize("command", ["check", "progress", "record", "render", "rules", "schema"])
def test_help_is_dutch_and_free_of_type_jargon(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    run = cli(command, "--help")
    assert run.code == 0
    text = " ".join(run.out.split())
    assert f"Gebruik: programmatool {command} [OPTIES]" in text
    assert "Toon deze hulp en stop." in text
    # Flags take no value, and arguments are named by their metavar (PAD..., BESTAND, …).
    assert not re.search(r"<[a-z]", text), text  # no <bool>, <str>, <list[Path]>, <float>, …
    for jargon in ("{", "OPTIONS", "Usage"):
        assert jargon not in text, jargon


def test_usage_line_names_the_arguments(cli) -> None:  # type: ignore[no-untyped-def]
    assert "Gebruik: programmatool check [OPTIES] PAD..." in cli("check", "--help").out
    run = cli("record", "--help")
    assert "Gebruik: programmatool record [OPTIES] BESTAND INDICATOR JAAR WAARDE" in run.out
    assert "ontbrekend argument PAD..." in cli("check").err


def test_an_absurd_number_of_jobs_is_refused(cli) -> None:  # type: ignore[no-untyped-def]
    # Each job is a whole process: 10^20 of them would exhaust the machine.
    run = cli("check", "--jobs", "100000000000000000000", MINIMAAL)
    assert run.code == 2
    assert "ongeldige waarde voor --jobs: mag hoogstens 256 zijn" in run.err
