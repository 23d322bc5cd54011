"""The whole site as files: every page laid out by its template, the shared style sheet, and the
search page; pure (no file is read or written here: the pipeline does that)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.rendering.environment import render_text
from programmatool.rendering.site.opendata import (
    DATA_FOLDER,
    DEFAULT_LICENCE,
    LICENCE_TITLE,
    Catalogue,
    Table,
    budget_table,
    data_files,
    finding_table,
    goal_table,
    indicator_table,
    programme_table,
    series_table,
)
from programmatool.rendering.site.pages import (
    Page,
    SiteProgramme,
    portfolio_of,
    programme_pages,
    root_page,
    start_page,
)
from programmatool.rendering.views import DocumentSamenvatting
from programmatool.text import formatting as fmt

if TYPE_CHECKING:
    from jinja2 import Environment

    from programmatool.model.findings import Finding

#: The site's files that are not pages.
STYLE_SHEET = "stijl.css"
SCRIPT = "site.js"


def _inventory(pages: list[Page]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """For the search page: per programme its goals and indicators, linked."""
    result: list[tuple[str, str, list[tuple[str, str]]]] = []
    for page in pages:
        if page.sjabloon == "site/programma.html.j2":
            result.append((page.context["c"].programma, page.pad, []))
        elif page.sjabloon in ("site/doel.html.j2", "site/indicator.html.j2") and result:
            result[-1][2].append((page.context["titel"].rsplit(" – ", 1)[0], page.pad))
    return result


def _changes(
    summaries: list[DocumentSamenvatting], lines: dict[str, str]
) -> list[tuple[str, str, str]]:
    return [
        (s.contract.programma, s.bestandsnaam, lines[s.contract.code])
        for s in summaries
        if lines.get(s.contract.code)
    ]


@dataclass
class Site:
    """Every page of the site and its open data."""

    pages: list[Page]
    data: list[tuple[str, bytes]] = field(default_factory=list)


def _open_data(
    programmes: list[SiteProgramme],
    pages: list[Page],
    summaries: list[DocumentSamenvatting],
    findings: list[Finding],
) -> list[Table]:
    contracts = [p.contract for p in programmes]
    statuses = {s.contract.code: s.status_programma for s in summaries}
    per_indicator = {
        (page.context["c"].code, page.context["iv"].indicator.id): page.context["iv"].status
        for page in pages
        if page.sjabloon == "site/indicator.html.j2"
    }
    return [
        programme_table(contracts, statuses),
        goal_table(contracts),
        indicator_table(contracts, per_indicator),
        series_table(contracts),
        budget_table(contracts),
        finding_table(findings),
    ]


def build_site(
    programmes: list[SiteProgramme],
    findings: list[Finding],
    gewijzigd: str | None,
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
    zonder_zoeken: str = "",
) -> Site:
    """Every page of the site and its open data; ``findings`` are what check found in the
    contracts, ``gewijzigd`` the date of the newest commit of a contract (None outside git),
    ``zonder_zoeken`` why there is no search index ("" when there is one)."""
    namen = {p.contract.code: p.contract.programma for p in programmes}
    pages: list[Page] = []
    summaries = []
    for prog in programmes:
        own, summary = programme_pages(prog, namen, drempels, drempels_bron)
        pages.extend(own)
        summaries.append(summary)
    portfolio = portfolio_of(summaries, drempels, drempels_bron)
    gemeente = ", ".join(portfolio.gemeenten)
    lines = {p.contract.code: p.kaartregel.kop for p in programmes if p.kaartregel is not None}
    start = start_page(portfolio, _changes(summaries, lines), gemeente)
    search = root_page(
        "zoeken.html",
        "site/zoeken.html.j2",
        "Zoeken",
        gemeente,
        zoekindex=not zonder_zoeken,
        zonder_zoeken=zonder_zoeken,
        inhoud=_inventory(pages),
    )
    tables = _open_data(programmes, pages, summaries, findings)
    cat = Catalogue(f"Programma's {gemeente}", f"Gemeente {gemeente}", DEFAULT_LICENCE, gewijzigd)
    data = data_files(tables, cat)
    open_data = root_page(
        "data.html",
        "site/data.html.j2",
        "Open data",
        gemeente,
        tabellen=tables,
        catalogus=cat,
        map=DATA_FOLDER,
        licentie_naam=LICENCE_TITLE.get(cat.licentie, cat.licentie),
        gewijzigd=fmt.datum(dt.date.fromisoformat(gewijzigd)) if gewijzigd else "",
    )
    return Site([start, search, open_data, *pages], data)


def lay_out(env: Environment, page: Page) -> bytes:
    """One page as UTF-8 HTML; tables leave out the columns that are empty in every row."""
    from programmatool.rendering.columns import without_empty_columns_html
    from programmatool.text.terminal import valid_unicode

    text = without_empty_columns_html(render_text(env, page.sjabloon, **page.context))
    return valid_unicode(text).encode("utf-8")


def style_sheet(env: Environment) -> bytes:
    """The one style sheet every page links to (the packaged style, then the municipality's)."""
    return render_text(env, "site/stijl.css.j2").encode("utf-8")


def script(env: Environment) -> bytes:
    """The one small script every page loads (see templates/site/site.js)."""
    return render_text(env, "site/site.js").encode("utf-8")
