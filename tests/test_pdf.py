"""`programmatool render --format pdf`: A4 PDFs per contract, annual account and portfolio.

The PDFs are read the way a council's systems and a screen reader read them: poppler's
pdftotext, pdfinfo, pdffonts and pdfimages (Debian package poppler-utils), and pypdf for the
catalog entries pdfinfo does not show (language, tagging). ``.ci/run`` installs poppler-utils and
WeasyPrint's libraries; in CI (CI=true) a missing tool fails these tests, elsewhere they are
skipped with the reason.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from programmatool.loading import load_contract
from programmatool.pipeline.render import render, render_contract, render_contract_pdf
from programmatool.rendering.environment import environment

from . import goldens
from .conftest import FIXTURES, PROGRAMMAS

RIJK = FIXTURES / "render" / "rijk.yaml"
POPPLER = ("pdftotext", "pdfinfo", "pdffonts", "pdfimages")


def _missing() -> str | None:
    from programmatool.rendering.environment import RenderProblem, check_pdf_engine

    try:
        check_pdf_engine()
    except RenderProblem as exc:
        return str(exc)
    for tool in POPPLER:
        if shutil.which(tool) is None:
            return f"{tool} ontbreekt (apt-get install poppler-utils)"
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return "Python-pakket pypdf ontbreekt (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    reason = _missing()
    if reason:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"PDF-tests kunnen niet draaien in CI: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The big Zorg contract and the rich fixture as PDFs with the portfolio; the fixture's
    annual account of 2020 in ``verantwoording/``; the golden PDFs of Duurzaamheid in
    ``golden/`` (contract and annual account, each with its portfolio)."""
    out = tmp_path_factory.mktemp("pdf")
    result = render([PROGRAMMAS / "zorg.yaml", RIJK], "pdf", out)
    assert not result.problems and not result.findings, result.problems
    jaar = render([RIJK], "pdf", out / "verantwoording", jaar=2020)
    assert not jaar.problems and not jaar.findings, jaar.problems
    goldens.pdf_files(out / "golden")
    return out


DUURZAAMHEID = Path("golden") / "contract" / "duurzaamheid.pdf"


def _run(*args: str | Path) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    return done.stdout


def _info(pdf: Path) -> dict[str, str]:
    lines = _run("pdfinfo", pdf).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def _pages(pdf: Path) -> list[str]:
    """The text of every page, as pdftotext reads it (in reading order, not in columns)."""
    return _run("pdftotext", pdf, "-").split("\f")[:-1]


def _catalog(pdf: Path) -> dict[str, object]:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    return {"root": reader.trailer["/Root"], "info": reader.metadata}


# --- files --------------------------------------------------------------------------------------


def test_render_pdf_writes_a_pdf_per_contract_and_the_portfolio(pdfs: Path) -> None:
    assert sorted(p.name for p in pdfs.iterdir() if p.is_file()) == [
        "index.pdf",
        "levendige-binnenstad.pdf",
        "zorg.pdf",
    ]
    assert sorted(p.name for p in (pdfs / "verantwoording").iterdir()) == [
        "index.pdf",
        "levendige-binnenstad-verantwoording-2020.pdf",
    ]
    for pdf in pdfs.rglob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF-1.7"), pdf


def test_cli_renders_pdf_and_reports_the_files(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    run = cli("render", FIXTURES / "minimaal.yaml", "--format", "pdf", "--out", out)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        f"geschreven: {(out / 'schone-stad.pdf').as_posix()}",
        f"geschreven: {(out / 'index.pdf').as_posix()}",
    ]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_help_names_pdf(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("render", "--help")
    assert "md, html of pdf" in run.out


# --- the page ---------------------------------------------------------------------------------


def test_contract_pdf_is_a4_with_many_pages_and_its_title(pdfs: Path) -> None:
    info = _info(pdfs / "zorg.pdf")
    assert info["Page size"] == "595.276 x 841.89 pts (A4)"
    assert int(info["Pages"]) > 20
    assert info["Title"] == "Programmacontract Zorg 2019–2022 – Almelo"
    assert info["Creator"] == "programmatool 0.1.0"
    assert int(_info(pdfs / "levendige-binnenstad.pdf")["Pages"]) > 1


def test_every_page_has_the_programme_in_its_header_and_a_page_number(pdfs: Path) -> None:
    pages = _pages(pdfs / "zorg.pdf")
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"pagina {number} van {total}" in text, number
        if number > 1:  # the first page has the title itself
            assert text.lstrip().startswith("Programmacontract Zorg"), (number, text[:80])
    # The header names the chapter on the right; a chapter that starts on a page names it.
    kosten = next(i for i, t in enumerate(pages, 1) if "\nWat mag het kosten?\n" in t)
    assert "Wat mag het kosten?" in pages[kosten - 1].split("\n", 3)[2]


def test_table_of_contents_gives_the_page_of_every_chapter(pdfs: Path) -> None:
    pages = _pages(pdfs / "zorg.pdf")
    # The contents follow the title block and the programme card; only they have leaders.
    layout = _run("pdftotext", "-layout", pdfs / "zorg.pdf", "-")
    toc = re.split(r"^\s*Inhoud\s*$", layout, maxsplit=1, flags=re.MULTILINE)[1]
    entries = re.findall(r"^\s*(\S.*?)\s?\.{3,}\s*(\d+)\s*$", toc, re.MULTILINE)
    titles = [title for title, _ in entries]
    # The BBV's questions lead; the contract's own prose follows the money.
    assert titles[:2] == ["Samenvatting", "Doelen-inspanningennetwerk"]
    assert titles.index("Wat mag het kosten?") < titles.index("Aanleiding") < titles.index("Visie")
    assert "Colofon" in titles
    assert len(entries) >= 15
    for title, page in entries:
        # The chapter's heading is on that page (a long title may wrap in the contents); the
        # colophon is the closing paragraph.
        words = "Gemaakt met programmatool" if title == "Colofon" else " ".join(title.split()[:5])
        text = " ".join(pages[int(page) - 1].split())
        assert words in text, (title, page)


def test_table_rows_do_not_break_across_pages() -> None:
    """A row is moved to the next page whole: none of Zorg's 98 rows (the DIN matrix has one per
    effort) is split over two pages."""
    from programmatool.rendering.pdf import STIJLBLAD, opgemaakt

    loaded = load_contract(PROGRAMMAS / "zorg.yaml")
    assert loaded.contract is not None
    html = render_contract(loaded.contract, "zorg.yaml", "html")
    env = environment()
    assert env.loader is not None
    document = opgemaakt(html, env.loader.get_source(env, STIJLBLAD)[0])
    first: dict[int, tuple[int, float]] = {}  # row element -> (page, place on that page 0..1)
    rows = split = 0
    for number, page in enumerate(document.pages, start=1):
        area = page._page_box
        top, height = area.content_box_y(), area.height
        for group in area.descendants():
            if type(group).__name__ != "TableRowGroupBox" or group.element is None:
                continue
            if group.element.tag != "tbody":  # a header repeated on every page is no split
                continue
            for row in group.children:
                rows += 1
                page_of_row, place = first.setdefault(
                    id(row.element), (number, (row.position_y - top) / height)
                )
                if page_of_row != number:
                    split += 1
                    assert place < 0.25, f"rij gesplitst over pagina {page_of_row} en {number}"
    assert (rows, split) == (98, 0)


def test_figures_are_vector_drawings_with_their_text(pdfs: Path) -> None:
    # No raster image anywhere: the DIN and the charts are drawn as vectors, their labels as text.
    for pdf in pdfs.rglob("*.pdf"):
        listing = _run("pdfimages", "-list", pdf).splitlines()
        assert len(listing) == 2, (pdf, listing)  # the two header lines only
    pages = _pages(pdfs / DUURZAAMHEID)
    din = next(t for t in pages if "Strategische doelen" in t and "Operationele doelen" in t)
    # The drawing's legend is text too.
    assert "strategisch doel" in din and "hoort bij" in din
    chart = next(t for t in pages if "Grafiek van" in t)
    assert "streefwaarde" in chart and "peilwaarde" in chart


def test_drawings_get_the_page_rules_for_their_content_with_colours_resolved() -> None:
    # WeasyPrint does not apply the page's stylesheet inside an inline SVG, so its rules are
    # copied into the drawing: custom properties resolved, the body font instead of "inherit".
    from programmatool.rendering.pdf import met_svg_stijl, svg_regels

    css = (
        ":root { --sd: #dce6f2; --a: var(--b); --b: var(--a); }\n"
        "body { font-family: Gemeente Sans, sans-serif; }\n"
        "svg { display: block; } svg.din { margin: 0; }\n"
        "svg .din-sd rect { fill: var(--sd); }\n"
        "svg text { font-family: inherit; font-size: 14px !important; }\n"
        "svg .x { stroke: var(--a); } main p { color: red; }"
    )
    rules = svg_regels(css).splitlines()
    assert rules == [
        "svg .din-sd rect { fill: #dce6f2; }",
        "svg text { font-family: Gemeente Sans, sans-serif; font-size: 14px !important; }",
        "svg .x { stroke: var(--a); }",  # a variable defined by itself stays as it is
    ]
    html = f"<html><head><style>{css}</style></head><body><svg class='din'><text/></svg></body>"
    assert "<svg class='din'><style>svg .din-sd rect { fill: #dce6f2; }" in met_svg_stijl(html)


# --- accessibility ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "naam",
    ["zorg.pdf", "index.pdf", "verantwoording/levendige-binnenstad-verantwoording-2020.pdf"],
)
def test_pdf_is_tagged_pdf_ua_in_dutch_with_its_title_shown(pdfs: Path, naam: str) -> None:
    pdf = pdfs / naam
    assert _info(pdf)["Tagged"] == "yes"
    assert 'pdfuaid:part="1"' in _run("pdfinfo", "-meta", pdf)
    catalog = _catalog(pdf)
    root = catalog["root"]
    assert root["/Lang"] == "nl"  # type: ignore[index]
    assert bool(root["/MarkInfo"]["/Marked"])  # type: ignore[index]
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])  # type: ignore[index]
    # Headings, tables with header cells and lists are in the structure tree.
    structure = _run("pdfinfo", "-struct", pdf)
    for tag in ("H1", "H2", "Table", "TH", "TD", "P"):
        assert re.search(rf"^\s*{tag}\b", structure, re.MULTILINE), (naam, tag)


def test_fonts_are_embedded(pdfs: Path) -> None:
    for pdf in pdfs.rglob("*.pdf"):
        rows = _run("pdffonts", pdf).splitlines()[2:]
        assert rows, pdf
        for row in rows:
            # name type encoding emb sub uni object-id: emb is the fourth column from the right
            assert row.split()[-5] == "yes", (pdf, row)


def test_figures_have_their_title_as_alternative_text(pdfs: Path) -> None:
    structure = _run("pdfinfo", "-struct", pdfs / DUURZAAMHEID)
    assert "Figure" in structure
    from pypdf import PdfReader

    reader = PdfReader(pdfs / DUURZAAMHEID)
    alts: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt", "")))
            kids = node.get("/K")
            if isinstance(kids, list):
                for kid in kids:
                    walk(kid)
            elif kids is not None and hasattr(kids, "get_object"):
                walk(kids)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert alts and all(alts), alts
    assert any(a.startswith("Doelen-inspanningennetwerk") for a in alts), alts


def test_text_is_in_the_council_reading_order(pdfs: Path) -> None:
    text = " ".join("".join(_pages(pdfs / "levendige-binnenstad.pdf")).split())
    assert text.startswith("Programmacontract Levendige Binnenstad & Haven")
    contents = text.index(" Inhoud ")
    body = text.index(" Colofon ", contents) + len(" Colofon ")  # after the table of contents
    order = [
        "Samenvatting",
        "Doelen-inspanningennetwerk",
        "Wat willen we bereiken?",
        "Wat gaan we daarvoor doen?",
        "Wat mag het kosten?",
        "Organisatie en capaciteit",
        "Gemaakt met programmatool",
    ]
    position = body
    for kop in order:
        found = text.find(f" {kop} ", position)
        assert found > position, (kop, text[position : position + 200])
        position = found


def test_annual_account_pdf_shows_the_year(pdfs: Path) -> None:
    pdf = pdfs / "verantwoording" / "levendige-binnenstad-verantwoording-2020.pdf"
    assert _info(pdf)["Title"].startswith("Verantwoording 2020 – programma Levendige Binnenstad")
    text = " ".join("".join(_pages(pdf)).split())
    assert text.startswith("Verantwoording 2020: programma Levendige Binnenstad & Haven")
    assert "Wat heeft het gekost?" in text and "Het programma in 2020" in text


def test_portfolio_pdf_lists_and_links_every_programme(pdfs: Path) -> None:
    text = " ".join("".join(_pages(pdfs / "index.pdf")).split())
    for naam in ("Zorg", "Levendige Binnenstad & Haven"):
        assert naam in text
    from pypdf import PdfReader

    uris = {
        annot.get_object()["/A"].get("/URI")
        for page in PdfReader(pdfs / "index.pdf").pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    }
    assert {"zorg.pdf", "levendige-binnenstad.pdf"} <= uris


# --- deterministic, self-contained, whole or nothing -------------------------------------------


def test_same_input_gives_a_byte_identical_pdf_without_dates(pdfs: Path, tmp_path: Path) -> None:
    # Rendered again in another folder, alone and in this process (the set was made by workers).
    render([RIJK], "pdf", tmp_path)
    again = (tmp_path / "levendige-binnenstad.pdf").read_bytes()
    assert again == (pdfs / "levendige-binnenstad.pdf").read_bytes()
    info = _catalog(pdfs / DUURZAAMHEID)["info"]
    assert "/CreationDate" not in info and "/ModDate" not in info  # type: ignore[operator]


def test_library_renders_one_contract_as_pdf_bytes(tmp_path: Path) -> None:
    loaded = load_contract(FIXTURES / "minimaal.yaml")
    assert loaded.contract is not None
    pdf = tmp_path / "schone-stad.pdf"
    pdf.write_bytes(render_contract_pdf(loaded.contract, "minimaal.yaml"))
    assert _info(pdf)["Title"] == "Programmacontract Schone Stad 2019–2022 – Voorbeeldstad"
    assert "minimaal.yaml" in "".join(_pages(pdf))


def test_nothing_is_fetched_for_a_pdf(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    # A template that points at a local file and a web address: neither ends up in the PDF.
    image = tmp_path / "geheim.png"
    _write_png(image)
    templates = tmp_path / "sjablonen"
    templates.mkdir()
    (templates / "logo.html.j2").write_text(
        f'<img src="{image.as_uri()}" alt="lokaal"><img src="http://192.0.2.1/x.png" alt="web">',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    run = cli("render", FIXTURES / "minimaal.yaml", "--format", "pdf", "--out", out,
              "--templates", templates)  # fmt: skip
    assert run.code == 0, run.err
    listing = _run("pdfimages", "-list", out / "schone-stad.pdf").splitlines()
    assert len(listing) == 2, listing


def _write_png(path: Path) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"\x00\xff\x00\x00" * 1
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_user_print_stylesheet_replaces_the_packaged_one(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    templates = tmp_path / "sjablonen"
    templates.mkdir()
    (templates / "pdf.css").write_text(
        '@page { size: A4; @bottom-center { content: "blad " counter(page); } }',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    run = cli("render", FIXTURES / "minimaal.yaml", "--format", "pdf", "--out", out,
              "--templates", templates)  # fmt: skip
    assert run.code == 0, run.err
    text = "".join(_pages(out / "schone-stad.pdf"))
    assert "blad 1" in text and "pagina 1 van" not in text


def test_a_failing_pdf_writes_nothing(tmp_path: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from programmatool.rendering import pdf

    real = pdf.html_naar_pdf

    def failing(html: str, stylesheet: str) -> bytes:
        if "Levendige" in html:
            raise pdf.PdfProblem("WeasyPrint kon de PDF niet maken: proef")
        return real(html, stylesheet)

    monkeypatch.setattr(pdf, "html_naar_pdf", failing)
    out = tmp_path / "site"
    run = cli("render", FIXTURES / "minimaal.yaml", RIJK, "--format", "pdf", "--out", out)
    assert run.code == 2
    assert "WeasyPrint kon de PDF niet maken: proef" in run.err
    assert "Traceback" not in run.err
    assert not out.exists() or not list(out.iterdir())


def test_without_the_pdf_engine_render_says_what_to_install(  # type: ignore[no-untyped-def]
    tmp_path: Path, cli, monkeypatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint raises ImportError
    out = tmp_path / "site"
    run = cli("render", FIXTURES / "minimaal.yaml", "--format", "pdf", "--out", out)
    assert run.code == 2
    assert "PDF maken vereist het Python-pakket weasyprint" in run.err
    assert "Traceback" not in run.err
    assert not out.exists()
    # The other formats do not need it.
    assert cli("render", FIXTURES / "minimaal.yaml", "--format", "html", "--out", out).code == 0


# --- golden -----------------------------------------------------------------------------------


def test_pdf_text_matches_its_golden(pdfs: Path) -> None:
    """The text of the PDFs of tests/golden/duurzaamheid.yaml (contract, annual account and their
    portfolio pages), page by page as pdftotext reads it, is tests/golden/pdf/. A test run never
    writes it: after a deliberate change ``make goldens`` does, then read ``git diff``."""
    now = {goldens.pdf_name(p): goldens.pdf_text(p) for p in (pdfs / "golden").rglob("*.pdf")}
    stored = goldens.stored(goldens.PDF_GOLDEN)
    assert (
        set(now)
        == set(stored)
        == {
            "contract/duurzaamheid.pdf.txt",
            "contract/index.pdf.txt",
            f"verantwoording-{goldens.JAAR}/duurzaamheid-verantwoording-{goldens.JAAR}.pdf.txt",
            f"verantwoording-{goldens.JAAR}/index.pdf.txt",
        }
    ), "make goldens"
    for name, text in sorted(now.items()):
        if text != stored[name]:
            diff = difflib.unified_diff(
                stored[name].splitlines(), text.splitlines(), "golden", "nu", lineterm="", n=2
            )
            pytest.fail(f"{name} differs from its golden (make goldens):\n" + "\n".join(diff))


def test_a_long_programme_name_stays_on_one_header_line(tmp_path: Path) -> None:
    """The running header is one line: a long name is cut off with an ellipsis, not wrapped
    over three lines into the page's top margin (the title page carries the whole name)."""
    lang = "Binnenstad, Stationsgebied, Nieuwstraatkwartier en de Verbinding met het Waterfront"
    source = (FIXTURES / "minimaal.yaml").read_text(encoding="utf-8")
    assert "programma: Schone Stad\n" in source
    contract = tmp_path / "lang.yaml"
    contract.write_text(source.replace("programma: Schone Stad\n", f"programma: {lang}\n"))
    result = render([contract], "pdf", tmp_path / "out")
    assert not result.problems, result.problems
    pdf = tmp_path / "out" / "schone-stad.pdf"
    assert lang in _pages(pdf)[0]
    # Words in the top margin (22 mm = 62 pt) of every page after the first, with their line.
    boxes = _run("pdftotext", "-bbox", pdf, "-")
    pages = boxes.split("<page ")[2:]
    assert pages
    for number, page in enumerate(pages, start=2):
        words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)
        header = [(float(y), w) for y, w in words if float(y) < 62]
        assert header and header[0][1] == "Programmacontract", (number, header)
        assert len({round(y) for y, _ in header}) == 1, (number, header)


def test_pdf_marks_a_total_without_lines_and_notes_a_missing_appendix_at_its_sentence(
    pdfs: Path,
) -> None:
    # Zorg's Tabel 1 prints 150 (× € 1.000) for 2020 with no activity beneath it (PT210).
    zorg = " ".join("".join(_pages(pdfs / "zorg.pdf")).split())
    assert "75 – 1.592 150 * 158 1.600" in zorg  # lines, then the totals row: 150 is marked
    assert "maar geen regel heeft een bedrag voor 2020 (bedragen × € 1.000)." in zorg
    assert "PT210" not in zorg
    # Duurzaamheid: the note follows the sentence that points to bijlage 2, before the next one.
    text = " ".join("".join(_pages(pdfs / DUURZAAMHEID)).split())
    assert (
        "de in bijlage 2 opgenomen projecten en activiteiten. [Noot: bijlage 2 van het "
        "oorspronkelijke contract is niet in dit document opgenomen;"
    ) in text


# --- half the pages ------------------------------------------------------------------------------


def test_zorg_pdf_takes_30_pages_with_each_effort_once_and_no_empty_fields(pdfs: Path) -> None:
    """Zorg's contract was 62 pages, 20 of them the network: now 30, every effort described
    once, and a fact the contract leaves out (role, leader, planning) is not printed as '–'.
    30 pages since references to efforts described earlier are a list per goal they are
    described under (one title a line, so titles with commas never blur)."""
    from pypdf import PdfReader

    pdf = pdfs / "zorg.pdf"
    assert len(PdfReader(pdf).pages) == 30
    text = " ".join(" ".join(_pages(pdf)).split())
    assert not re.search(r"\b(Rol|Trekker|Planning):? –", text)
    contract = load_contract(PROGRAMMAS / "zorg.yaml").contract
    assert contract is not None
    described = [i for i in contract.inspanningen if i.beschrijving]
    assert len(described) == 18
    # The goal chapters (the contract's own prose, later, quotes some descriptions itself).
    goals = text[text.index("Wat willen we bereiken?") : text.index("Wat mag het kosten? In 2019")]
    for inspanning in described:
        end = " ".join(inspanning.beschrijving.split())[-40:]
        assert goals.count(end) == 1, end
    # Every effort is named by its title, never by the author's id.
    for inspanning in contract.inspanningen:
        assert inspanning.titel[:30] in text
        assert f"{inspanning.id}. " not in text


def test_running_headers_carry_only_the_chapter_title(pdfs: Path) -> None:
    """The header on the right is a chapter's title (a goal's short form), never a title cut off
    or text of the page below it."""
    import html as html_module

    loaded = load_contract(PROGRAMMAS / "zorg.yaml")
    assert loaded.contract is not None
    page = render_contract(loaded.contract, "zorg.yaml", "html")
    titles = set()
    for attrs, inner in re.findall(r"<h2 ([^>]*)>(.*?)</h2>", page, re.S):
        kop = re.search(r'data-kop="([^"]*)"', attrs)
        titles.add(kop.group(1) if kop else html_module.unescape(re.sub(r"<[^>]+>", "", inner)))
    pdf = pdfs / "zorg.pdf"
    headers = []
    for number in range(2, 30):
        first = _run("pdftotext", "-f", number, "-l", number, "-layout", pdf, "-").split("\n")[0]
        assert first.startswith("Programmacontract Zorg"), (number, first)
        header = first.removeprefix("Programmacontract Zorg").strip()
        assert header == "" or header in titles, (number, header)
        headers.append(header)
    assert {"Doelen-inspanningennetwerk", "Strategisch doel 1", "Wat mag het kosten?"} <= set(
        headers
    )


def test_portfolio_pdf_of_the_seven_is_three_landscape_pages_with_the_money_table_whole(
    tmp_path: Path,
) -> None:
    # A change of orientation used to start a page holding only the legend's end, and the
    # colofon had a page of its own.
    from pypdf import PdfReader

    result = render([PROGRAMMAS], "pdf", tmp_path)
    assert not result.problems, result.problems
    pdf = tmp_path / "index.pdf"
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(pdf).pages
    ]
    assert sizes == [(842, 595)] * 3
    pages = [" ".join(page.split()) for page in _pages(pdf)]
    assert "Staan de programma's op koers?" in pages[0]
    assert "Wat betekenen de statussen?" in pages[0]
    money = pages[1]
    assert money.index("Wat kosten de programma's?") < money.index("Binnenstad")
    assert money.index("Binnenstad") < money.index("Totaal alle programma's")
    assert "Hoe hangen de programma's samen?" in pages[2]
    assert "Gemaakt met programmatool" in pages[2]
