"""Reading a sheet of measurements: CSV as Dutch Excel writes it, or an .xlsx workbook.

Only reading and shaping: every row becomes text per known column (numbers and dates are read
by :mod:`programmatool.text.numbers`, the same parser as ``record``), with the row number the
spreadsheet shows, so that ``recording`` can validate it and name the row in its messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

#: Every column a sheet may have; the first four are required.
COLUMNS = ("contract", "indicator", "jaar", "waarde", "bron", "toelichting", "voorlopig")
REQUIRED = COLUMNS[:4]
#: More rows than this is not an annual account but a mistake (or a hostile file).
MAX_ROWS = 100_000

_JA = {"ja", "j", "x", "1", "true", "waar", "voorlopig"}
_NEE = {"", "nee", "n", "0", "false", "onwaar"}


class SheetError(Exception):
    """A sheet that cannot be read as a whole; the message is Dutch."""


@dataclass(frozen=True)
class Row:
    """One row of measurements: the row number as the spreadsheet shows it, text per column."""

    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The cell of ``kolom``, stripped; empty when the column is absent."""
        return self.cells.get(column, "").strip()


def read_sheet(path: Path) -> list[Row]:
    """The rows of a CSV or .xlsx file (header row first); raises :class:`SheetError`."""
    name = path.as_posix()
    if path.is_dir():
        raise SheetError(f"{name} is een map; geef een .csv- of .xlsx-bestand")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx(path)
    elif suffix in {".csv", ".txt"}:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            from programmatool.text.oserrors import reason

            raise SheetError(f"{name}: kan het bestand niet lezen: {reason(exc)}") from None
        rows = _csv(name, raw)
    else:
        raise SheetError(f"{name}: onbekend soort bestand '{path.suffix}'; gebruik .csv of .xlsx")
    return _by_header(name, rows)


def _csv(name: str, raw: bytes) -> list[tuple[int, list[str]]]:
    """CSV rows with their record numbers. Excel writes UTF-8 with a BOM ("CSV UTF-8") or
    Windows-1252 ("CSV (gescheiden door lijstscheidingsteken)"); the Dutch list separator is
    a semicolon, so that the decimal comma needs no quotes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS + 1:
                raise SheetError(f"{name}: meer dan {MAX_ROWS} rijen")
            rows.append((number, cells))
    except csv.Error as exc:
        raise SheetError(f"{name}:{reader.line_num}: geen geldige CSV ({exc})") from None
    return rows


def _xlsx(path: Path) -> list[tuple[int, list[str]]]:
    """The first worksheet's rows with the row numbers Excel shows."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    name = path.as_posix()
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SheetError(f"{name}: geen geldig .xlsx-bestand ({type(exc).__name__})") from None
    except OSError as exc:
        from programmatool.text.oserrors import reason

        raise SheetError(f"{name}: kan het bestand niet lezen: {reason(exc)}") from None
    try:
        sheet = book.worksheets[0]
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            if number > MAX_ROWS + 1:
                raise SheetError(f"{name}: meer dan {MAX_ROWS} rijen")
            rows.append((number, [_cell(v) for v in values]))
        return rows
    finally:
        book.close()


def _cell(value: object) -> str:
    """A cell as text the way a user typed it: 12, 12.5, 2021-11-02, ja."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        # A number cell is a number, not text: written in Dutch notation (decimal comma, no
        # grouping), so that the one figure parser reads it back exactly.
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f").replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _by_header(name: str, rows: list[tuple[int, list[str]]]) -> list[Row]:
    """Rows as column → text, by the header in the first non-empty row."""
    filled = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
    if not filled:
        raise SheetError(
            f"{name}: de tabel is leeg; verwacht een kopregel met {', '.join(REQUIRED)}"
        )
    kop_rij, kop = filled[0]
    columns = [c.strip().lstrip("\ufeff").casefold() for c in kop]
    problems = []
    for column in columns:
        if column and column not in COLUMNS:
            problems.append(
                f"{name}:{kop_rij}: onbekende kolom '{column}'; bekend zijn {', '.join(COLUMNS)}"
            )
    dubbel = sorted({c for c in columns if c and columns.count(c) > 1})
    if dubbel:
        problems.append(f"{name}:{kop_rij}: kolom '{dubbel[0]}' staat er twee keer")
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        problems.append(
            f"{name}:{kop_rij}: kolom {', '.join(missing)} ontbreekt in de kopregel "
            f"(gevonden: {', '.join(c for c in columns if c) or 'niets'})"
        )
    if problems:
        raise SheetError("\n".join(problems))
    result: list[Row] = []
    for number, cells in filled[1:]:
        extra = [c for c in cells[len(columns) :] if c.strip()]
        if extra:
            problems.append(f"{name}:{number}: meer cellen dan kolommen in de kopregel")
            continue
        by_column = {
            col: cells[i] if i < len(cells) else "" for i, col in enumerate(columns) if col
        }
        result.append(Row(number, by_column))
    if problems:
        raise SheetError("\n".join(problems))
    return result


def read_provisional(tekst: str) -> bool:
    """The ``voorlopig`` column: ja/nee (also j, x, 1, true; empty is nee)."""
    text = tekst.strip().casefold()
    if text in _JA:
        return True
    if text in _NEE:
        return False
    raise ValueError(f"voorlopig moet ja of nee zijn, gevonden '{tekst}'")
