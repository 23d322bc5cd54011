"""No table of a council document has a column that is empty in every row.

The rendered documents of the seven contracts and of the examples (contract, annual accounts
and the portfolio page, in HTML and Markdown) are parsed and every table is walked.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from programmatool.rendering.columns import (
    EMPTY,
    without_empty_columns_html,
    without_empty_columns_md,
)

from .conftest import PROGRAMMAS

VOORBEELDEN = PROGRAMMAS.parent / "voorbeelden"


class _Tables(HTMLParser):
    """Every table as its body rows of cell texts (header rows left out), with its caption."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[str, list[list[str]]]] = []
        self._stack: list[tuple[str, list[list[str]]]] = []
        self._in_head = False
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append(("", []))
        elif tag == "caption":
            self._caption = []
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self._stack and not self._in_head:
            self._stack[-1][1].append([])
        elif tag in ("td", "th") and self._stack and not self._in_head:
            self._cell = []
            self._span = int(dict(attrs).get("colspan") or 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._stack:
            self.tables.append(self._stack.pop())
        elif tag == "caption" and self._caption is not None and self._stack:
            self._stack[-1] = ("".join(self._caption).strip(), self._stack[-1][1])
            self._caption = None
        elif tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell).strip()
            self._stack[-1][1][-1].extend([text] * self._span)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)


def _empty_columns(rows: list[list[str]]) -> list[int]:
    if not rows or len({len(r) for r in rows}) != 1:
        return []
    return [c for c in range(len(rows[0])) if all(r[c] in EMPTY for r in rows)]


def _md_tables(text: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        if line.startswith("|") and lines[i + 1].startswith("| ---"):
            body = []
            for row in lines[i + 2 :]:
                if not row.startswith("|"):
                    break
                cells = row.replace("\\|", "").split("|")[1:-1]
                body.append([c.strip() for c in cells])
            tables.append(body)
    return tables


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from programmatool.cli.app import main

    out = tmp_path_factory.mktemp("documenten")
    for bron in (PROGRAMMAS, VOORBEELDEN):
        for fmt in ("html", "md"):
            assert main(["render", str(bron), "--format", fmt, "--out", str(out / fmt)]) == 0
            for jaar in ("2019", "2020", "2021", "2022"):
                main(["render", str(bron), "--format", fmt, "--out", str(out / fmt),
                      "--verantwoording", jaar])  # fmt: skip
    return sorted(out.rglob("*.*"))


def test_the_documents_hold_tables(documents: list[Path]) -> None:
    names = {p.name for p in documents}
    assert {"zorg.html", "zorg.md", "index.html", "zorg-verantwoording-2020.html"} <= names
    assert len([n for n in names if n.endswith(".html")]) > 20


def test_no_table_has_a_column_empty_in_every_row(documents: list[Path]) -> None:
    problems = []
    for path in documents:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            parser = _Tables()
            parser.feed(text)
            for caption, rows in parser.tables:
                for column in _empty_columns(rows):
                    problems.append(f"{path.name}: table '{caption}' column {column + 1}")
        else:
            for n, rows in enumerate(_md_tables(text), 1):
                for column in _empty_columns(rows):
                    problems.append(f"{path.name}: table {n} column {column + 1}")
    assert not problems, f"{len(problems)} empty columns:\n" + "\n".join(problems[:60])


def test_an_empty_column_is_dropped_and_a_full_one_kept() -> None:
    table = (
        '<table><thead><tr><th scope="col">Rol</th><th scope="col">Uren per week</th>'
        '<th scope="col">Uren</th></tr></thead><tbody>\n'
        '<tr><th scope="row">Manager</th><td class="getal">36</td><td class="getal">–</td></tr>\n'
        '<tr><th scope="row">Adviseur</th><td class="getal">4</td><td class="getal"></td></tr>\n'
        "</tbody></table>"
    )
    out = without_empty_columns_html(table)
    assert "Uren</th>" not in out and "–" not in out
    assert '<td class="getal">36</td>' in out and "Uren per week" in out
    md = "| Rol | Uren per week | Uren |\n| --- | ---: | ---: |\n| Manager | 36 | – |\n"
    assert (
        without_empty_columns_md(md)
        == "| Rol | Uren per week |\n| --- | ---: |\n| Manager | 36 |\n"
    )
