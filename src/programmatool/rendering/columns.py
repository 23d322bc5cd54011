"""Columns that are empty in every row are left out of every table of a document.

A column of dashes tells a council member nothing and makes the real figures harder to find.
Rather than deciding per table in each template, this runs once over the finished document
(HTML, and through it PDF, or Markdown) and drops every column whose body cells are all empty
or a dash. The header row is not looked at: a header above nothing is no reason to keep it.
A table whose rows do not line up (an uneven ``colspan``) and a table that would keep no more
than its row headers are left as they are, so that nothing is ever lost.
"""

from __future__ import annotations

import html
import re

#: Cell text that says nothing: empty, or a dash standing for "no value".
EMPTY = frozenset({"", "–", "-", "—", "\\-"})

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</\1>\s*", re.S)
_COLSPAN = re.compile(r'\scolspan="(\d+)"')
_TAG = re.compile(r"<[^>]*>")


def _empty_html(content: str) -> bool:
    return html.unescape(_TAG.sub("", content)).strip() in EMPTY


def _keep(body: list[list[tuple[int, bool]]], width: int) -> list[bool] | None:
    """Per logical column whether it has content in some body row; None to leave the table."""
    if not body:
        return None
    keep = [False] * width
    for row in body:
        column = 0
        for span, empty in row:
            for c in range(column, column + span):
                keep[c] = keep[c] or not empty
            column += span
    # Nothing to drop, or nothing but the row headers would remain.
    if all(keep) or sum(keep[1:]) == 0:
        return None
    return keep


def _html_table(table: str) -> str:
    rows = list(_ROW.finditer(table))
    if not rows:
        return table
    head_end = table.find("</thead>")
    parsed: list[list[tuple[re.Match[str], int]]] = []
    for row in rows:
        cells = []
        for cell in _CELL.finditer(row.group(1)):
            colspan = _COLSPAN.search(cell.group(2))
            cells.append((cell, int(colspan.group(1)) if colspan else 1))
        parsed.append(cells)
    widths = {sum(span for _c, span in cells) for cells in parsed}
    if len(widths) != 1:
        return table
    body = [
        [(span, _empty_html(cell.group(3))) for cell, span in cells]
        for row, cells in zip(rows, parsed, strict=True)
        if row.start() > head_end
    ]
    keep = _keep(body, widths.pop())
    if keep is None:
        return table
    out: list[str] = []
    last = 0
    for row, cells in zip(rows, parsed, strict=True):
        inner_start = row.start(1)
        out.append(table[last:inner_start])
        inner = row.group(1)
        pos = 0
        column = 0
        for cell, span in cells:
            out.append(inner[pos : cell.start()])
            kept = sum(keep[column : column + span])
            if kept == span:
                out.append(cell.group(0))
            elif kept:
                attrs = _COLSPAN.sub(f' colspan="{kept}"', cell.group(2))
                tag = cell.group(1)
                text = cell.group(0)
                out.append(f"<{tag}{attrs}>" + text[text.index(">") + 1 :])
            column += span
            pos = cell.end()
        out.append(inner[pos:])
        last = row.end(1)
    out.append(table[last:])
    return "".join(out)


def without_empty_columns_html(document: str) -> str:
    """The HTML document with every column left out that is empty in all body rows."""
    return _TABLE.sub(lambda m: _html_table(m.group(0)), document)


_SEPARATOR = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def _md_cells(line: str) -> list[str]:
    return _PIPE.split(line.strip())[1:-1]


def _md_table(lines: list[str]) -> list[str]:
    header, separator, body = lines[0], lines[1], lines[2:]
    rows = [_md_cells(line) for line in [header, separator, *body]]
    widths = {len(cells) for cells in rows}
    if len(widths) != 1:
        return lines
    keep = _keep([[(1, c.strip() in EMPTY) for c in cells] for cells in rows[2:]], widths.pop())
    if keep is None:
        return lines
    return [
        "|" + "|".join(c for c, k in zip(cells, keep, strict=True) if k) + "|" for cells in rows
    ]


def without_empty_columns_md(document: str) -> str:
    """The Markdown document with every table column left out that is empty in all rows."""
    lines = document.split("\n")
    out: list[str] = []
    i = 0
    fence = False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("```"):
            fence = not fence
        if (
            not fence
            and line.startswith("|")
            and i + 1 < len(lines)
            and _SEPARATOR.match(lines[i + 1])
        ):
            end = i + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            out.extend(_md_table(lines[i:end]))
            i = end
            continue
        out.append(line)
        i += 1
    return "\n".join(out)
