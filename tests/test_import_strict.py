"""`import` is strict and bounded: a malformed CSV row is an error with its line, an .xlsx is
read whole whatever its stored dimension says, a damaged or oversized workbook is a Dutch
message (never "interne fout"), and nothing is written then."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from .conftest import FIXTURES, MINIMAAL

HANDGESCHREVEN = FIXTURES / "progress" / "handgeschreven.yaml"


@pytest.fixture
def werk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "programmas"
    folder.mkdir()
    shutil.copyfile(HANDGESCHREVEN, folder / "handwerk.yaml")
    shutil.copyfile(MINIMAAL, folder / "schoon.yaml")
    monkeypatch.chdir(tmp_path)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def test_a_stray_quote_that_never_closes_is_an_error_with_its_line(
    cli, werk: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(
        "contract;indicator;jaar;waarde;bron\n"
        "handwerk;blok;2020;11;Monitor\n"
        'handwerk;stroom;2020;88;"Meting maart\n'
        "schone-stad;scholen;2021;15;Jaarverslag\n"
        "handwerk;mijlpaal;2021;2021-11-02;Raadsbesluit\n"
    )
    before = snapshot(werk)
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 2
    assert run.err.splitlines() == [
        f"programmatool: {sheet.as_posix()}:3: geen geldige CSV: een aanhalingsteken opent hier "
        "een cel die nergens sluit"
    ]
    assert snapshot(werk) == before


def test_a_stray_quote_that_closes_rows_later_is_an_error(cli, werk: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(
        "contract;indicator;jaar;waarde;bron\n"
        'handwerk;blok;2020;11;"Monitor\n'
        "handwerk;stroom;2020;88;Meting\n"
        'schone-stad;scholen;2021;15;Jaarverslag"\n'
        "handwerk;mijlpaal;2021;2021-11-02;Raadsbesluit\n"
    )
    before = snapshot(werk)
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 2
    assert (
        f"{sheet.as_posix()}:2: geen geldige CSV: een cel tussen aanhalingstekens loopt van "
        "regel 2 tot regel 4 door en bevat daar hele rijen; staat er een aanhalingsteken te veel?"
    ) in run.err
    assert snapshot(werk) == before


def test_a_quoted_cell_over_two_lines_is_still_fine(cli, werk: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(
        'contract;indicator;jaar;waarde;toelichting\nhandwerk;blok;2020;11;"Eerste regel\ntweede"\n'
    )
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 0, run.err
    assert "1 meting in 1 bestand vastgelegd." in run.out


def test_a_cell_longer_than_the_limit_is_refused(cli, werk: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(f"contract;indicator;jaar;waarde;bron\nhandwerk;blok;2020;11;{'b' * 20_000}\n")
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 2
    assert "geen geldige CSV: een cel is langer dan 10000 tekens" in run.err


# --- .xlsx ------------------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["contract", "indicator", "jaar", "waarde"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _rewrite(path: Path, member: str, change) -> None:  # type: ignore[no-untyped-def]
    """Replace one member of the zip with ``change(old_bytes)`` (None: leave it out)."""
    with zipfile.ZipFile(path) as old:
        parts = {info.filename: old.read(info) for info in old.infolist()}
    new = change(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for filename, data in parts.items():
            if filename != member:
                out.writestr(filename, data)
            elif new is not None:
                out.writestr(filename, new)


SHEET = "xl/worksheets/sheet1.xml"


def test_a_stale_dimension_drops_no_rows(cli, werk: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(
        tmp_path / "m.xlsx",
        [["handwerk", "blok", 2020, 11], ["schone-stad", "scholen", 2021, 15]],
    )
    _rewrite(
        path, SHEET, lambda x: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', x)
    )
    run = cli("import", path, "--map", "programmas", "--proef")
    assert run.code == 0, run.err
    assert "Proef: 2 metingen in 2 bestanden zouden veranderen" in run.out


def test_a_bad_row_past_a_stale_dimension_still_refuses_the_sheet(
    cli, werk: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(
        tmp_path / "m.xlsx",
        [["handwerk", "blok", 2020, 11], ["schone-stad", "scholen", 2021, "vijftien"]],
    )
    _rewrite(
        path, SHEET, lambda x: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:D2"', x)
    )
    before = snapshot(werk)
    run = cli("import", path, "--map", "programmas")
    assert run.code == 2
    assert f"{path.as_posix()}:3: programmas/schoon.yaml: indicator scholen verwacht een getal" in (
        run.err
    )
    assert snapshot(werk) == before


def _bad_number(x: bytes) -> bytes:
    return re.sub(rb'<c r="D2"( t="n")?><v>[^<]*</v>', b'<c r="D2" t="n"><v>elf</v>', x)


def _bad_date(x: bytes) -> bytes:
    return re.sub(rb'<c r="D2"( t="n")?><v>[^<]*</v>', b'<c r="D2" t="d"><v>2021-13-45</v>', x)


def _missing_string(x: bytes) -> bytes:
    return re.sub(
        rb'<c r="A2" t="inlineStr"><is><t>[^<]*</t></is>', b'<c r="A2" t="s"><v>999</v>', x
    )


def _entities(x: bytes) -> bytes:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    return bomb + re.sub(rb"^<\?xml[^>]*\?>", b"", x).replace(b"<v>", b"<v>&lol2;", 1)


@pytest.mark.parametrize(
    ("member", "change", "message"),
    [
        (SHEET, _bad_number, ":2: geen geldig .xlsx-bestand (een cel heeft een waarde die niet"),
        (SHEET, _bad_date, ":2: geen geldig .xlsx-bestand (een cel heeft een waarde die niet"),
        (SHEET, _missing_string, "een cel verwijst naar een tekst die niet in de werkmap staat"),
        (SHEET, lambda x: x[: len(x) // 2], "de XML is beschadigd of afgebroken"),
        (SHEET, _entities, "bevat een DTD of entiteiten"),
        ("xl/workbook.xml", _entities, "bevat een DTD of entiteiten"),
        (SHEET, lambda x: None, "de werkmap bevat geen werkblad"),
        (
            "xl/workbook.xml",
            lambda x: re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", x),
            "de werkmap bevat geen werkblad",
        ),
    ],
    ids=[
        "getal",
        "datum",
        "gedeelde-tekst",
        "afgebroken",
        "entiteiten-blad",
        "entiteiten-werkmap",
        "geen-blad-bestand",
        "geen-werkblad",
    ],
)
def test_damaged_workbooks_get_a_dutch_message(
    cli, werk: Path, tmp_path: Path, member: str, change, message: str
) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "m.xlsx", [["handwerk", "blok", 2020, 11]])
    _rewrite(path, member, change)
    before = snapshot(werk)
    run = cli("import", path, "--map", "programmas")
    assert run.code == 2, run.err
    assert "interne fout" not in run.err
    assert message in run.err, run.err
    assert snapshot(werk) == before


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_parsing(
    cli, werk: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "m.xlsx", [["handwerk", "blok", 2020, 11]])
    # 100 MB of spaces inside the sheet's XML compresses to about 100 KB.
    _rewrite(path, SHEET, lambda x: x.replace(b"<sheetData>", b"<sheetData>" + b" " * 100 * 2**20))
    assert path.stat().st_size < 200_000
    run = cli("import", path, "--map", "programmas")
    assert run.code == 2
    assert "het .xlsx-bestand is uitgepakt 100 MB; meer dan 64 MB is geen tabel met metingen" in (
        run.err
    )


def test_a_member_that_unpacks_to_more_than_it_declares_is_refused(tmp_path: Path) -> None:
    from programmatool.editing.sheets import SheetError
    from programmatool.editing.workbook import check_archive

    path = tmp_path / "m.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("a.xml", b"x" * 3_000_000)
    raw = bytearray(path.read_bytes())
    # Lower the declared size in both the local header and the central directory.
    for at in [m.start() for m in re.finditer(rb"PK\x03\x04", raw)]:
        raw[at + 22 : at + 26] = (1000).to_bytes(4, "little")
    for at in [m.start() for m in re.finditer(rb"PK\x01\x02", raw)]:
        raw[at + 24 : at + 28] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    with pytest.raises(SheetError):
        check_archive(path, "m.xlsx")


# --- all or nothing across files --------------------------------------------------------------


TWO_FILES = "contract;indicator;jaar;waarde\nhandwerk;blok;2020;11\nschone-stad;scholen;2021;15\n"


def test_a_second_file_that_cannot_be_written_leaves_the_first_untouched(
    cli, werk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import tempfile

    real_mkstemp = tempfile.mkstemp

    def refuse_schoon(*args, **kwargs):  # type: ignore[no-untyped-def]
        if str(kwargs.get("prefix", "")).startswith(".schoon.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse_schoon)
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(TWO_FILES)
    before = snapshot(werk)
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 2
    assert snapshot(werk) == before
    assert run.err.splitlines() == [
        "programmas/schoon.yaml: kan het bestand niet schrijven: geen toegang (rechten); "
        "er is niets gewijzigd",
        f"programmatool: {sheet.as_posix()}: niets vastgelegd",
    ]
    assert not list(werk.glob(".*.tmp"))


def test_a_rename_that_fails_after_another_names_exactly_what_changed(
    cli, werk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import os

    real_replace = os.replace

    def refuse_schoon(src, dst):  # type: ignore[no-untyped-def]
        if str(dst).endswith("schoon.yaml"):
            raise OSError(5, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_schoon)
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(TWO_FILES)
    before = snapshot(werk)
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 2
    after = snapshot(werk)
    assert after["schoon.yaml"] == before["schoon.yaml"]
    assert after["handwerk.yaml"] != before["handwerk.yaml"]
    lines = run.err.splitlines()
    assert lines[-2:] == [
        "wel gewijzigd: programmas/handwerk.yaml; niet gewijzigd: programmas/schoon.yaml",
        f"programmatool: {sheet.as_posix()}: deels vastgelegd, in programmas/handwerk.yaml; "
        "controleer die",
    ]
    assert "niets vastgelegd" not in run.err
    assert not list(werk.glob(".*.tmp"))
