"""PDF documents: the HTML document of a contract laid out on A4 pages by WeasyPrint.

WeasyPrint is an engine made for CSS paged media: page margin boxes carry the running header
and the page numbers, ``target-counter`` puts page numbers in the table of contents, and it
writes a tagged PDF (PDF/UA-1) with the document's language and title in its metadata. The
layout of a PDF is the print stylesheet ``pdf.css`` from the template chain, so a municipality
can replace it with ``--templates`` like any other template.

Two things WeasyPrint does differently from a browser are bridged here:

- The rules of the page's stylesheet do not reach inside an inline SVG (a known limitation of
  its SVG renderer), so the rules for the charts and the DIN are copied into each ``<svg>`` as a
  ``<style>`` element, with ``var(--…)`` replaced by the values of ``:root``.
- Nothing is fetched while a PDF is made: only ``data:`` URLs are read, so a document cannot
  reach the network or the file system, and the same input gives the same bytes.
"""

from __future__ import annotations

import logging
import re
from typing import Any

#: The print stylesheet, looked up in the template chain (user folder first).
STIJLBLAD = "pdf.css"

#: The PDF variant: PDF/UA-1 (ISO 14289-1) makes WeasyPrint write a tagged PDF with a
#: structure tree, the language and the title shown as the window title.
PDF_VARIANT = "pdf/ua-1"


class PdfProblem(Exception):
    """A PDF that cannot be made (exit code 2); the message is Dutch."""


def html_naar_pdf(html: str, stylesheet: str) -> bytes:
    """The PDF of an HTML document with ``stylesheet`` (the print stylesheet) after its own.

    Deterministic: no dates and no random identifiers are written, fonts are subset with
    names derived from their content, so the same HTML gives byte-identical PDFs.
    """
    try:
        pdf: bytes = opgemaakt(html, stylesheet).write_pdf(pdf_variant=PDF_VARIANT)
    except PdfProblem:
        raise
    except Exception as exc:  # the engine's own failure, e.g. on a user's stylesheet
        raise PdfProblem(f"WeasyPrint kon de PDF niet maken: {type(exc).__name__}: {exc}") from exc
    return pdf


def opgemaakt(html: str, stylesheet: str) -> Any:
    """The document laid out in pages (a ``weasyprint.Document``), ready to be written."""
    weasyprint = weasyprint_module()
    source = weasyprint.HTML(
        string=met_svg_stijl(met_stijlblad(html, stylesheet)),
        url_fetcher=weasyprint.URLFetcher(allowed_protocols=("data",)),
    )
    return source.render(pdf_variant=PDF_VARIANT)


def weasyprint_module() -> Any:
    """WeasyPrint, imported on first use; a missing engine or system library is a Dutch
    message, not a traceback."""
    try:
        import weasyprint
    except ImportError as exc:
        raise PdfProblem(
            "PDF maken vereist het Python-pakket weasyprint (pip install weasyprint); "
            f"het kon niet worden geladen: {exc}"
        ) from exc
    except OSError as exc:  # cffi could not open pango, harfbuzz or fontconfig
        raise PdfProblem(
            "PDF maken vereist de systeembibliotheken van WeasyPrint (pango, harfbuzz, "
            "fontconfig); installeer ze, op Debian met: apt-get install libpango-1.0-0 "
            f"libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation ({exc})"
        ) from exc
    # WeasyPrint reports unsupported CSS and skipped resources as warnings on stderr; a user
    # cannot act on those, so only errors are shown.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return weasyprint


def met_stijlblad(html: str, stylesheet: str) -> str:
    """``html`` with ``stylesheet`` as the last style of its head, so that its rules win over
    the screen and print rules of the document's own styles (same origin, later in order)."""
    # "</" could end the style element early; "\\/" is the same character in CSS.
    css = stylesheet.replace("</", "<\\/")
    style = f"<style>\n{css}</style>\n"
    head, sep, rest = html.partition("</head>")
    return head + style + sep + rest if sep else style + html


# --- styles for inline SVG ---------------------------------------------------------------------

_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def met_svg_stijl(html: str) -> str:
    """``html`` with the page's rules for SVG content copied into every inline ``<svg>``."""
    if "<svg" not in html:
        return html
    page_css = "\n".join(_STYLE.findall(html.split("</head>", 1)[0]))
    rules = svg_regels(page_css)
    if not rules:
        return html
    style = f"<style>{rules}</style>"
    return _SVG_OPEN.sub(lambda m: m.group(0) + style, html)


def svg_regels(css: str) -> str:
    """The rules of ``css`` for the content of an ``svg`` element, with custom
    properties (``var(--naam)``) replaced by their values in ``:root`` and ``font-family:
    inherit`` by the font of the page's body (the drawing does not inherit it in WeasyPrint)."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    variables: dict[str, list[Any]] = {}
    body_font: list[Any] | None = None
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(rule.prelude).strip()
        for decl in _declarations(rule.content):
            if selector == ":root" and decl.name.startswith("--"):
                variables[decl.name] = decl.value
            elif selector in ("html", "body") and decl.lower_name == "font-family":
                body_font = decl.value
    out: list[str] = []
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
        # Only rules for what is inside a drawing: ``svg .lijn``, not ``svg.din`` itself,
        # whose size the page's layout decides.
        if not all(re.match(r"svg(?![\w-])\S*\s+\S", s) for s in selectors):
            continue
        parts = []
        for decl in _declarations(rule.content):
            value = decl.value
            inherit = tinycss2.serialize(value).strip().lower() == "inherit"
            if decl.lower_name == "font-family" and inherit and body_font is not None:
                value = body_font
            text = tinycss2.serialize(_vervang_variabelen(value, variables)).strip()
            parts.append(f"{decl.name}: {text}{' !important' if decl.important else ''};")
        out.append(f"{', '.join(selectors)} {{ {' '.join(parts)} }}")
    return "\n".join(out)


def _declarations(content: list[Any] | None) -> list[Any]:
    import tinycss2

    items = tinycss2.parse_blocks_contents(content or [], skip_comments=True, skip_whitespace=True)
    return [item for item in items if item.type == "declaration"]


def _vervang_variabelen(
    tokens: list[Any], variables: dict[str, list[Any]], seen: frozenset[str] = frozenset()
) -> list[Any]:
    from tinycss2.ast import FunctionBlock

    result: list[Any] = []
    for token in tokens:
        if isinstance(token, FunctionBlock) and token.lower_name == "var":
            names = [t.value for t in token.arguments if t.type == "ident"]
            # A variable that refers to itself (directly or not) stays unresolved.
            if names and names[0] in variables and names[0] not in seen:
                name = names[0]
                result.extend(_vervang_variabelen(variables[name], variables, seen | {name}))
                continue
        if isinstance(token, FunctionBlock):
            token = FunctionBlock(
                token.source_line,
                token.source_column,
                token.name,
                _vervang_variabelen(token.arguments, variables, seen),
            )
        result.append(token)
    return result
