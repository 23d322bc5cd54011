"""Progress for spreadsheets: the CSV that Dutch Excel opens (``excel-csv``) and a workbook
(``xlsx``), from the same rows as ``--format csv``.

Excel reads a CSV with the list separator and decimal sign of Windows' regional settings; with
Dutch settings those are ``;`` and ``,``, and without a byte order mark it takes the file for
Windows-1252 (``ë`` becomes ``Ã«``). ``--format csv`` stays comma and point for other tools
(pandas, R, a database). A workbook needs no guessing at all: numbers are numeric cells with a
number format, text is text (never a formula), the header row is frozen. Its bytes are the same
for the same input: fixed document properties and fixed times in the ZIP archive.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from programmatool.presenting.progress import CSV_KOLOMMEN, CSV_REEKS_SCHEIDING
from programmatool.text.terminal import neutralise, spreadsheet_cell

#: The number of trailing columns that hold one value per comparison series.
SERIES_COLUMNS = 4

#: Number formats of the workbook by column; every other number shows as Excel's "Standaard".
YEAR_COLUMNS = frozenset(
    {"peiljaar", "jaar", "realisatie_jaar", "streefjaar", "eindjaar", "vergelijking_jaar"}
)
COUNT_COLUMNS = frozenset(
    {"doel_gemeten", "doel_indicatoren", "programma_gemeten", "programma_indicatoren"}
)
PERCENT_COLUMNS = frozenset({"voortgang"})

#: The time in the workbook's properties and in its archive: the earliest a ZIP file can hold,
#: so the same progress gives the same bytes (``SOURCE_DATE_EPOCH`` is for builds, not this).
FIXED_TIME = dt.datetime(1980, 1, 1)

SHEET_TITLE = "Voortgang"
#: Column widths (characters) of the workbook: as wide as the longest cell, within these.
MIN_WIDTH = 8
MAX_WIDTH = 60


# --- Dutch Excel CSV ---------------------------------------------------------------------------


def dutch_number(value: int | float) -> str:
    """A number as Dutch Excel reads it from a CSV: decimal comma, no thousands separator, no
    exponent (``0,1234``, ``-3``, ``1250000``)."""
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text.replace(".", ",")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _excel_cell(value: Any) -> str:
    if value is None:
        return ""
    if _is_number(value):
        return dutch_number(value)
    return spreadsheet_cell(str(value))


def _excel_series(values: list[Any]) -> str:
    return CSV_REEKS_SCHEIDING.join(_excel_cell(v) for v in values)


def excel_csv_document(programmas: Iterable[list[list[Any]]]) -> bytes:
    """``progress --format excel-csv``: the rows of ``--format csv`` separated by ``;``, with a
    decimal comma, as UTF-8 with a byte order mark; line ends CR LF, as Excel writes them."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_KOLOMMEN)
    for rows in programmas:
        for row in rows:
            head, series = row[:-SERIES_COLUMNS], row[-SERIES_COLUMNS:]
            writer.writerow([*map(_excel_cell, head), *map(_excel_series, series)])
    return out.getvalue().encode("utf-8-sig")


# --- the workbook --------------------------------------------------------------------------------


def _sheet_value(value: Any) -> Any:
    """A cell's value: a number as it is, text with control characters made visible (a cell
    can hold none), several comparison series joined as in the CSV."""
    if isinstance(value, list):
        if not value:
            return None
        if len(value) == 1:
            return _sheet_value(value[0])
        return neutralise(CSV_REEKS_SCHEIDING.join("" if v is None else str(v) for v in value))
    if value is None or _is_number(value):
        return value
    return neutralise(str(value))


def _number_format(column: str) -> str:
    if column in YEAR_COLUMNS or column in COUNT_COLUMNS:
        return "0"
    if column in PERCENT_COLUMNS:
        return "0.0%"
    return "General"


def workbook_document(programmas: Iterable[list[list[Any]]]) -> bytes:
    """``progress --format xlsx``: one sheet "Voortgang" with the columns of ``--format csv``,
    numbers as numeric cells, a bold and frozen header row with a filter; same input, same
    bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET_TITLE
    sheet.append(list(CSV_KOLOMMEN))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(name) for name in CSV_KOLOMMEN]
    formats = [_number_format(name) for name in CSV_KOLOMMEN]
    for rows in programmas:
        for row in rows:
            values = [_sheet_value(v) for v in row]
            sheet.append(values)
            for index, (cell, value) in enumerate(zip(sheet[sheet.max_row], values, strict=True)):
                if isinstance(value, str):
                    # Text is text: "=1+1" from a contract is shown, never calculated.
                    cell.data_type = "s"
                elif value is not None:
                    cell.number_format = formats[index]
                widths[index] = max(widths[index], len(str(value or "")))
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return _fixed_bytes(book)


def _fixed_bytes(book: Any) -> bytes:
    """The workbook as bytes without the moment it was made: openpyxl stamps the properties
    and every archive member with the current time, so both are set to :data:`FIXED_TIME`."""
    from openpyxl.writer.excel import ExcelWriter

    props = book.properties
    props.creator = "programmatool"
    props.title = SHEET_TITLE
    props.created = props.modified = FIXED_TIME
    props.lastModifiedBy = None
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(made) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member))
    return fixed.getvalue()
