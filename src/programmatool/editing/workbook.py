"""Reading the first worksheet of an .xlsx workbook that may come from anyone (by e-mail).

An .xlsx is a zip of XML files. Before anything is parsed, the zip's own table is checked: how
many members and how big they are unpacked (``file_size``), and while every member is unpacked
once in pieces, that it holds no more than it says and no document type declaration (an XLSX
never has one; entities are how an "XML bomb" grows). Then openpyxl reads the sheet in
read-only mode, with its XML parsed by defusedxml (a dependency, so openpyxl always finds it),
without trusting the sheet's stored ``<dimension>``: a stale one would silently drop rows and
columns. Every kind of damage becomes a Dutch :class:`SheetError`.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

from programmatool.editing.sheet_limits import (
    MAX_BYTES,
    MAX_CELL,
    MAX_MEMBERS,
    MAX_ROWS,
    SheetError,
)

_MB = 1024 * 1024
_CHUNK = 1024 * 1024
#: Markup that has no place in a workbook and is how entity expansion starts.
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")


def read_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    """The first worksheet's rows with the row numbers Excel shows; raises SheetError."""
    name = path.as_posix()
    check_archive(path, name)
    book = _open(path, name)
    try:
        if not book.worksheets:
            raise SheetError(f"{name}: de werkmap bevat geen werkblad")
        sheet = book.worksheets[0]
        # The stored <dimension> can be stale (or a lie): read every row and column there is.
        sheet.reset_dimensions()
        return _rows(name, sheet)
    finally:
        book.close()


def check_archive(path: Path, name: str) -> None:
    """Refuse an .xlsx before parsing: not a zip, too many members, too big unpacked (as the
    zip's table says, and as unpacking actually gives), or XML with a DTD or entities."""
    from programmatool.text.oserrors import reason

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise SheetError(f"{name}: het .xlsx-bestand bevat meer dan {MAX_MEMBERS} delen")
            declared = sum(m.file_size for m in members)
            if declared > MAX_BYTES:
                raise SheetError(_too_big(name, declared))
            total = 0
            for member in members:
                total += _scan_member(archive, member, name, MAX_BYTES - total)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise SheetError(f"{name}: geen geldig .xlsx-bestand (geen leesbare zip: {exc})") from None
    except OSError as exc:
        raise SheetError(f"{name}: kan het bestand niet lezen: {reason(exc)}") from None


def _too_big(name: str, size: int) -> str:
    return (
        f"{name}: het .xlsx-bestand is uitgepakt {size / _MB:.0f} MB; meer dan "
        f"{MAX_BYTES // _MB} MB is geen tabel met metingen"
    )


def _scan_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, room: int) -> int:
    """Unpack one member in pieces; its real size. A member that unpacks to more than it
    declares or than the room left, or XML with a DTD, is refused."""
    size = 0
    tail = b""
    with archive.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > member.file_size or size > room:
                raise SheetError(_too_big(name, MAX_BYTES + 1))
            window = tail + chunk
            if any(mark in window for mark in _FORBIDDEN):
                raise SheetError(
                    f"{name}: {member.filename} in het .xlsx-bestand bevat een DTD of entiteiten "
                    "(zo werkt een 'XML-bom'); een werkmap van Excel of LibreOffice heeft die niet"
                )
            tail = chunk[-16:]
    return size


def _open(path: Path, name: str) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except SheetError:
        raise
    except Exception as exc:  # any damage in an untrusted file is a message
        raise SheetError(f"{name}: geen geldig .xlsx-bestand ({_damage(exc)})") from None


def _rows(name: str, sheet: Any) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS + 1:
                raise SheetError(f"{name}: meer dan {MAX_ROWS} rijen")
            cells = [_cell(v) for v in values]
            if any(len(c) > MAX_CELL for c in cells):
                raise SheetError(f"{name}:{number}: een cel is langer dan {MAX_CELL} tekens")
            rows.append((number, cells))
    except SheetError:
        raise
    except Exception as exc:  # any damage in an untrusted file is a message
        raise SheetError(
            f"{name}:{number + 1}: geen geldig .xlsx-bestand ({_damage(exc)})"
        ) from None
    return rows


def _damage(exc: Exception) -> str:
    """What is wrong with a damaged workbook, in Dutch."""
    from xml.etree.ElementTree import ParseError

    kind = type(exc).__name__
    if kind in {"EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"}:
        return "het bevat XML-entiteiten of een DTD, die niet worden gelezen"
    if isinstance(exc, ParseError | SyntaxError):
        return "de XML is beschadigd of afgebroken"
    if isinstance(exc, IndexError):
        return "een cel verwijst naar een tekst die niet in de werkmap staat"
    if isinstance(exc, KeyError):
        return f"een onderdeel ontbreekt: {exc}"
    if isinstance(exc, ValueError | OverflowError | TypeError):
        return "een cel heeft een waarde die niet past bij haar soort (getal of datum)"
    if isinstance(exc, zipfile.BadZipFile):
        return "geen leesbare zip"
    return f"beschadigd ({kind})"


def _cell(value: object) -> str:
    """A cell as text the way a user typed it: 12, 12.5, 2021-11-02, ja."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        # A number cell is a number, not text: written in Dutch notation (decimal comma, no
        # grouping), so that the one figure parser of text/numbers.py reads it back exactly.
        if value.is_integer():
            return str(int(value))
        from decimal import Decimal

        return format(Decimal(repr(value)), "f").replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
