"""What PDF/UA-1 asks of a document's structure that can be checked here, read with pikepdf.

No PDF/UA validator (veraPDF, PAC) runs on this machine; docs/documenten.md says which parts of
the standard these tests cover and which they do not.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pikepdf
import pytest

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = {f"/H{n}": n for n in range(1, 7)}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from programmatool.pipeline.render import render

    out = tmp_path_factory.mktemp("pdf-ua")
    paths = [ROOT / "programmas" / "omgevingswet.yaml", ROOT / "programmas" / "zorg.yaml"]
    render(paths, "pdf", out)
    return out


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element in the order of the structure tree (the reading order)."""
    stack = list(reversed(_kids(pdf.Root.StructTreeRoot)))
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            yield element
            stack.extend(reversed(_kids(element)))


def _contains(element: pikepdf.Dictionary, kind: str) -> bool:
    return any(
        isinstance(k, pikepdf.Dictionary) and (k.get("/S") == kind or _contains(k, kind))
        for k in _kids(element)
    )


NAMES = ["omgevingswet.pdf", "zorg.pdf", "index.pdf"]


@pytest.mark.parametrize("name", NAMES)
def test_the_document_declares_pdf_ua_its_language_and_title(pdfs: Path, name: str) -> None:
    with pikepdf.open(pdfs / name) as pdf:
        assert pdf.Root.Lang == "nl"
        assert bool(pdf.Root.MarkInfo.Marked)
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == str(pdf.docinfo["/Title"])
    if name == "omgevingswet.pdf":
        assert meta["dc:title"] == "Programmacontract Omgevingswet 2019–2024 – Almelo"


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_has_alternative_text(pdfs: Path, name: str) -> None:
    with pikepdf.open(pdfs / name) as pdf:
        figures = [e for e in _elements(pdf) if e.S == "/Figure"]
        assert [str(f.get("/Alt", "")) for f in figures if not str(f.get("/Alt", "")).strip()] == []
    if name == "omgevingswet.pdf":
        # The network is drawn once (no per-goal copies) and Omgevingswet has no chart.
        assert len(figures) == 1


@pytest.mark.parametrize("name", NAMES)
def test_every_table_with_rows_marks_its_header_cells(pdfs: Path, name: str) -> None:
    with pikepdf.open(pdfs / name) as pdf:
        tables = [e for e in _elements(pdf) if e.S == "/Table" and _contains(e, "/TR")]
        assert tables
        assert [t for t in tables if not _contains(t, "/TH")] == []


@pytest.mark.parametrize("name", NAMES)
def test_headings_start_at_one_title_and_skip_no_level(pdfs: Path, name: str) -> None:
    with pikepdf.open(pdfs / name) as pdf:
        levels = [HEADINGS[str(e.S)] for e in _elements(pdf) if str(e.S) in HEADINGS]
    assert levels[0] == 1 and levels.count(1) == 1
    assert [(a, b) for a, b in pairwise(levels) if b > a + 1] == []


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded_with_a_unicode_map(pdfs: Path, name: str) -> None:
    problems = []
    with pikepdf.open(pdfs / name) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for key, font in page.Resources.get("/Font", {}).items():
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in font:
                    descriptor = font.DescendantFonts[0].FontDescriptor
                embedded = descriptor is not None and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                if not embedded or "/ToUnicode" not in font:
                    problems.append((number, key, str(font.get("/BaseFont"))))
    assert problems == []
