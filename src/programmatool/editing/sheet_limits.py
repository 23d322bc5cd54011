"""The limits of a sheet of measurements and the error that reading one raises."""

from __future__ import annotations

#: More rows than this is not an annual account but a mistake (or a hostile file).
MAX_ROWS = 100_000
#: A cell longer than this (a source, an explanation) is no measurement.
MAX_CELL = 10_000
#: A CSV file, or everything in an .xlsx unpacked, may be at most this big: a sheet of
#: MAX_ROWS rows fits easily, a "zip bomb" (100 KB that unpacks to gigabytes) does not.
MAX_BYTES = 64 * 1024 * 1024
#: More files than this inside an .xlsx is no workbook made by a spreadsheet program.
MAX_MEMBERS = 10_000


class SheetError(Exception):
    """A sheet that cannot be read as a whole; the message is Dutch."""
