"""Progress for spreadsheets: ``--format excel-csv`` opens in Dutch Excel (and pandas with Dutch
settings) as columns with numbers, ``--format xlsx`` is a workbook with numeric cells, both
written whole to ``--output`` and byte for byte the same for the same input."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from programmatool.presenting.progress import CSV_KOLOMMEN

from .conftest import minimal_text


def _contract(tmp_path: Path) -> Path:
    """The small contract with a fraction, a letter beyond ASCII, a comparison series and a
    source that a spreadsheet would take for a formula."""
    text = (
        minimal_text()
        .replace("programma: Schone Stad", "programma: Schone Stad één")
        .replace("2020: {waarde: 11, bron:", "2020: {waarde: 11.25, bron:")
        .replace(
            "    bron: Gemeente Voorbeeldstad\n",
            "    bron: Gemeente Voorbeeldstad\n"
            "    vergelijkingen:\n"
            "      - naam: Nederland\n"
            '        bron: "=1+1"\n'
            "        waarden: {2020: 10.5}\n",
        )
    )
    path = tmp_path / "schoon.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _progress(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "programmatool", "progress", *args],
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def _plain_csv(cwd: Path) -> dict[str, str]:
    run = _progress(cwd, "schoon.yaml", "--format", "csv")
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout.decode("utf-8"))))
    assert len(rows) == 1
    return rows[0]


def test_excel_csv_reads_in_pandas_with_dutch_settings(tmp_path: Path) -> None:
    _contract(tmp_path)
    run = _progress(tmp_path, "schoon.yaml", "--format", "excel-csv", "--output", "v.csv")
    assert run.returncode == 0, run.stderr
    assert run.stdout == b""
    assert run.stderr.decode() == "Voortgang geschreven naar v.csv\n"
    data = (tmp_path / "v.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfbestand;programma;code;")
    assert data.count(b"\r\n") == 2
    frame = pd.read_csv(tmp_path / "v.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert list(frame.columns) == list(CSV_KOLOMMEN)
    assert frame.shape == (1, len(CSV_KOLOMMEN))
    row = frame.iloc[0]
    assert row["programma"] == "Schone Stad één"
    assert (row["peilwaarde"], row["peiljaar"], row["realisatie"]) == (5, 2018, 11.25)
    assert (row["streefwaarde"], row["eindwaarde"], row["eindjaar"]) == (12, 20, 2022)
    assert row["voortgang"] == 0.4167
    assert row["vergelijking_waarde"] == 10.5
    assert frame["realisatie"].dtype.kind == "f"
    assert frame["voortgang"].dtype.kind == "f"
    assert frame["peiljaar"].dtype.kind == "i"
    # A text cell that would start a formula gets a quote, as in --format csv.
    assert row["vergelijking_bron"] == "'=1+1"
    # Every text is the one of --format csv.
    plain = _plain_csv(tmp_path)
    for column in ("naam", "status", "uitleg", "doel_telling", "vergelijking"):
        assert row[column] == plain[column]


def test_excel_csv_on_standard_output_is_the_same_bytes(tmp_path: Path) -> None:
    _contract(tmp_path)
    written = _progress(tmp_path, "schoon.yaml", "--format", "excel-csv", "-o", "v.csv")
    shown = _progress(tmp_path, "schoon.yaml", "--format", "excel-csv")
    assert written.returncode == shown.returncode == 0
    assert shown.stdout == (tmp_path / "v.csv").read_bytes()
    assert b";11,25;2020;;12;2020;20;2022;0,4167;kleine achterstand;" in shown.stdout


def test_xlsx_has_numbers_as_numbers_and_a_frozen_header(tmp_path: Path) -> None:
    _contract(tmp_path)
    run = _progress(tmp_path, "schoon.yaml", "--format", "xlsx", "--output", "v.xlsx")
    assert run.returncode == 0, run.stderr
    assert run.stderr.decode() == "Voortgang geschreven naar v.xlsx\n"
    book = openpyxl.load_workbook(tmp_path / "v.xlsx")
    assert book.sheetnames == ["Voortgang"]
    sheet = book["Voortgang"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:AL2"
    header = [cell.value for cell in sheet[1]]
    assert header == list(CSV_KOLOMMEN)
    assert all(cell.font.bold for cell in sheet[1])
    cells = dict(zip(header, sheet[2], strict=True))
    values = {name: cell.value for name, cell in cells.items()}
    assert values["programma"] == "Schone Stad één"
    assert (values["peilwaarde"], values["peiljaar"], values["realisatie"]) == (5, 2018, 11.25)
    assert (values["voortgang"], values["vergelijking_waarde"]) == (0.4167, 10.5)
    assert type(values["realisatie"]) is float
    assert type(values["peiljaar"]) is int
    assert type(values["doel_gemeten"]) is int
    assert cells["voortgang"].number_format == "0.0%"
    assert cells["peiljaar"].number_format == "0"
    assert cells["realisatie"].data_type == "n"
    # Text stays text: the source "=1+1" is shown as it is, never calculated.
    assert (cells["vergelijking_bron"].value, cells["vergelijking_bron"].data_type) == ("=1+1", "s")
    assert values["voorlopig"] is None
    plain = _plain_csv(tmp_path)
    for column in ("naam", "status", "uitleg", "doel_telling", "vergelijking"):
        assert values[column] == plain[column]


def test_xlsx_bytes_do_not_depend_on_the_moment(tmp_path: Path) -> None:
    _contract(tmp_path)
    first = _progress(tmp_path, "schoon.yaml", "--format", "xlsx", "-o", "a.xlsx")
    second = _progress(tmp_path, "schoon.yaml", "--format", "xlsx", "--no-cache")
    assert first.returncode == second.returncode == 0
    assert second.stdout == (tmp_path / "a.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "<dcterms:created" in core and "1980-01-01T00:00:00Z" in core
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert book.properties.creator == "programmatool"


def test_several_series_are_joined_as_in_the_csv(tmp_path: Path) -> None:
    path = _contract(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "        waarden: {2020: 10.5}\n",
            "        waarden: {2020: 10.5}\n      - naam: Regio\n        waarden: {2020: 9}\n",
        ),
        encoding="utf-8",
    )
    run = _progress(tmp_path, "schoon.yaml", "--format", "excel-csv")
    frame = pd.read_csv(io.BytesIO(run.stdout), sep=";", decimal=",", encoding="utf-8-sig")
    assert frame.iloc[0]["vergelijking_waarde"] == "10,5 | 9"
    assert _progress(tmp_path, "schoon.yaml", "--format", "xlsx", "-o", "v.xlsx").returncode == 0
    sheet = openpyxl.load_workbook(tmp_path / "v.xlsx")["Voortgang"]
    assert sheet["AL2"].value == "10.5 | 9"  # vergelijking_waarde
    assert sheet["AI2"].value == "Nederland | Regio"  # vergelijking


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    _contract(tmp_path)
    old = tmp_path / "v.xlsx"
    old.write_bytes(b"oud")
    (tmp_path / "map").mkdir()
    refused = _progress(tmp_path, "schoon.yaml", "--format", "xlsx", "-o", "map")
    assert refused.returncode == 2
    assert refused.stderr.decode() == "programmatool: map is een map; geef een bestandsnaam\n"
    missing = _progress(tmp_path, "schoon.yaml", "--format", "xlsx", "-o", "weg/v.xlsx")
    assert missing.returncode == 2
    assert missing.stderr.decode().startswith("programmatool: kan weg/v.xlsx niet schrijven: ")
    assert old.read_bytes() == b"oud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map", "schoon.yaml", "v.xlsx"]


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_output_writes_the_text_formats_as_shown(tmp_path: Path, fmt: str) -> None:
    _contract(tmp_path)
    shown = _progress(tmp_path, "schoon.yaml", "--format", fmt)
    written = _progress(tmp_path, "schoon.yaml", "--format", fmt, "-o", "uit.txt")
    assert shown.returncode == written.returncode == 0
    assert (tmp_path / "uit.txt").read_bytes() == shown.stdout
