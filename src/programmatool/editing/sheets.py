"""Reading a sheet of measurements: CSV as Dutch Excel writes it, or an .xlsx workbook.

Only reading and shaping: every row becomes text per known column (numbers and dates are read
by :mod:`programmatool.text.numbers`, the same parser as ``record``), with the row number the
spreadsheet shows, so that ``recording`` can validate it and name the row in its messages.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from programmatool.editing.sheet_limits import (
    MAX_BYTES,
    MAX_CELL,
    MAX_MEMBERS,
    MAX_ROWS,
    SheetError,
)

__all__ = ["MAX_BYTES", "MAX_CELL", "MAX_MEMBERS", "MAX_ROWS", "Row", "SheetError", "read_sheet"]

#: Every column a sheet may have; the first four are required.
COLUMNS = (
    "contract",
    "indicator",
    "jaar",
    "waarde",
    "bron",
    "toelichting",
    "voorlopig",
    "benadering",
)
REQUIRED = COLUMNS[:4]
_JA = {"ja", "j", "x", "1", "true", "waar", "voorlopig"}
_NEE = {"", "nee", "n", "0", "false", "onwaar"}
_MB = 1024 * 1024


@dataclass(frozen=True)
class Row:
    """One row of measurements: the row number as the spreadsheet shows it, text per column."""

    number: int
    #: Per column its cell, stripped of the spaces around it.
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The cell of ``kolom``, stripped; empty when the column is absent."""
        return self.cells.get(column, "")


def read_sheet(path: Path) -> list[Row]:
    """The rows of a CSV or .xlsx file (header row first); raises :class:`SheetError`."""
    name = path.as_posix()
    if path.is_dir():
        raise SheetError(f"{name} is een map; geef een .csv- of .xlsx-bestand")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from programmatool.editing.workbook import read_xlsx

        rows = read_xlsx(path)
    elif suffix in {".csv", ".txt"}:
        rows = _csv(name, _read_bytes(path, name))
    else:
        raise SheetError(f"{name}: onbekend soort bestand '{path.suffix}'; gebruik .csv of .xlsx")
    return _by_header(name, rows)


def _read_bytes(path: Path, name: str) -> bytes:
    """The whole file, at most MAX_BYTES (checked before it is read)."""
    from programmatool.text.oserrors import reason

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SheetError(f"{name}: kan het bestand niet lezen: {reason(exc)}") from None
    if len(raw) > MAX_BYTES:
        raise SheetError(f"{name}: het bestand is groter dan {MAX_BYTES // _MB} MB")
    return raw


#: What Python's csv module says, in Dutch.
_CSV_REASONS = (
    ("unexpected end of data", "een aanhalingsteken opent hier een cel die nergens sluit"),
    ("expected after", "na het aanhalingsteken dat een cel sluit hoort een scheidingsteken"),
    ("NUL", "de regel bevat een NUL-teken; is dit wel een CSV-bestand?"),
    ("field larger", f"een cel is langer dan {MAX_CELL} tekens"),
)


def _csv(name: str, raw: bytes) -> list[tuple[int, list[str]]]:
    """CSV rows with their record numbers. Excel writes UTF-8 with a BOM ("CSV UTF-8"),
    Windows-1252 ("CSV (gescheiden door lijstscheidingsteken)") or UTF-16 with a BOM and tabs
    ("Unicode-tekst"); the Dutch list separator is a semicolon, so that the decimal comma
    needs no quotes.

    Strict: an aanhalingsteken that never closes, or that closes a cell after rows that
    belong to other records, is an error with its line number, never a cell that swallows the
    rows after it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _utf16(name, raw)
    else:
        text = _utf8_or_cp1252(name, raw.removeprefix(b"\xef\xbb\xbf"))
    # The separator as the header shows it: the first line that is not blank.
    found = re.search(r"\S.*", text)
    first = found.group() if found else ""
    delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    limit = csv.field_size_limit(MAX_CELL + 1)
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS + 1:
                raise SheetError(f"{name}: meer dan {MAX_ROWS} rijen")
            _refuse_swallowed(name, line, reader.line_num, cells, delimiter)
            _refuse_long(name, number, cells)
            rows.append((number, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        reason = next((d for e, d in _CSV_REASONS if e in str(exc)), f"ongeldig ({exc})")
        raise SheetError(f"{name}:{line}: geen geldige CSV: {reason}") from None
    finally:
        csv.field_size_limit(limit)
    return rows


def _utf16(name: str, raw: bytes) -> str:
    """Text that Excel saved as "Unicode-tekst": UTF-16 (little-endian) with a BOM."""
    try:
        return raw.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise SheetError(
            f"{name}: het bestand begint als UTF-16 maar byte {exc.start + 1} is daarin geen teken"
        ) from None


def _utf8_or_cp1252(name: str, raw: bytes) -> str:
    """UTF-8 ("CSV UTF-8"), else Windows-1252 ("CSV (gescheiden door lijstscheidingsteken)")."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise SheetError(
                f"{name}: het bestand is geen tekst in UTF-8, UTF-16 of Windows-1252 (byte "
                f"{exc.start + 1} is in geen daarvan een teken)"
            ) from None


def _refuse_swallowed(name: str, line: int, last: int, cells: list[str], sep: str) -> None:
    """A quoted cell that runs over several lines and holds the separator after a line break
    is rows of the sheet taken into one cell by a stray aanhalingsteken."""
    if last == line:
        return
    for cell in cells:
        if any(sep in part for part in cell.splitlines()[1:]):
            raise SheetError(
                f"{name}:{line}: geen geldige CSV: een cel tussen aanhalingstekens loopt van "
                f"regel {line} tot regel {last} door en bevat daar hele rijen; staat er een "
                "aanhalingsteken te veel?"
            )


def _refuse_long(name: str, number: int, cells: list[str]) -> None:
    if cells and max(map(len, cells)) > MAX_CELL:
        raise SheetError(f"{name}:{number}: een cel is langer dan {MAX_CELL} tekens")


def _by_header(name: str, rows: list[tuple[int, list[str]]]) -> list[Row]:
    """Rows as column → text, by the header in the first non-empty row."""
    # A row is empty when all its cells are blank, i.e. when they are blank joined together.
    filled = [(n, cells) for n, cells in rows if "".join(cells).strip()]
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
    width = len(columns)
    named = all(columns)
    for number, cells in filled[1:]:
        if len(cells) > width and "".join(cells[width:]).strip():
            problems.append(f"{name}:{number}: meer cellen dan kolommen in de kopregel")
            continue
        if named:
            by_column = dict(zip(columns, map(str.strip, cells), strict=False))
        else:
            pairs = zip(columns, cells, strict=False)
            by_column = {col: cell.strip() for col, cell in pairs if col}
        result.append(Row(number, by_column))
    if problems:
        raise SheetError("\n".join(problems))
    return result


def read_provisional(tekst: str, column: str = "voorlopig") -> bool:
    """A yes/no column (``voorlopig``, ``benadering``): ja/nee (also j, x, 1, true; empty is
    nee; ``voorlopig`` and ``ca.`` say yes in their own column)."""
    if not tekst:
        return False  # the usual case: an empty cell, or no such column
    text = tekst.strip().casefold()
    if text in _JA or (text in {column, "ca.", "ca"} and column == "benadering"):
        return True
    if text in _NEE:
        return False
    raise ValueError(f"{column} moet ja of nee zijn, gevonden '{tekst}'")
