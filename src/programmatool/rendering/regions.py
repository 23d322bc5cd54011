"""Every table of an HTML document sits in a box that scrolls sideways on its own (a phone),
and that box can be reached with the keyboard and is named after the table.

WCAG asks that a region a reader can scroll is reachable by keyboard (axe:
``scrollable-region-focusable``). Rather than wrapping each table in each template, this runs
once over the finished document, like ``columns``: a table not yet in a ``div.breed`` gets a
``div.schuif`` (a scrolling box that leaves the table its size in print),
and every ``div.breed`` gets ``role="region"``, ``tabindex="0"`` and the table's caption as its
name.
"""

from __future__ import annotations

import html
import re

#: A table, with the ``div.breed`` right before it if there is one. Written to start with the
#: literal ``<`` (the box and the table each lose theirs to it), which lets the regular
#: expression engine jump from ``<`` to ``<`` instead of trying every position of the document.
_TABLE = re.compile(r'<(?:(div class="breed[^"]*"[^>]*>\s*)<)?(table\b.*?</table>)', re.S)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
_TAG = re.compile(r"<[^>]*>")


def _label(table: str) -> str:
    caption = _CAPTION.search(table)
    text = " ".join(html.unescape(_TAG.sub(" ", caption.group(1))).split()) if caption else ""
    return html.escape(text or "Tabel")


def _region(match: re.Match[str]) -> str:
    inner, table = match.group(1), "<" + match.group(2)
    box = None if inner is None else "<" + inner
    if box is None:
        return (
            f'<div class="schuif" role="region" tabindex="0" aria-label="{_label(table)}">'
            f"{table}</div>"
        )
    if "tabindex=" in box:
        return box + table
    opened = box.rstrip()
    rest = box[len(opened) :]
    attrs = f' role="region" tabindex="0" aria-label="{_label(table)}"'
    return opened[:-1] + attrs + ">" + rest + table


def scrollable_regions(document: str) -> str:
    """``document`` with every table in a keyboard-reachable, named scrolling box."""
    return _TABLE.sub(_region, document)
