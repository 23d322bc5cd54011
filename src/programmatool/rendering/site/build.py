"""The whole site as files: every page laid out by its template, the shared style sheet, and the
search page; pure (no file is read or written here: the pipeline does that)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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
class ProgrammeOutput:
    """One programme's pages as files, and what the pages at the site's root need of it."""

    files: list[tuple[str, bytes]]
    summary: DocumentSamenvatting
    #: Each indicator's status by its id (for the open data).
    statuses: dict[str, str]
    #: The programme's entry on the search page: name, link, its goals and indicators.
    inventory: tuple[str, str, list[tuple[str, str]]]


def programme_output(
    env: Environment,
    prog: SiteProgramme,
    namen: dict[str, str],
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
) -> ProgrammeOutput:
    """One programme's pages laid out (the work a worker process does per programme)."""
    pages, summary = programme_pages(prog, namen, drempels, drempels_bron)
    statuses = {
        page.context["iv"].indicator.id: page.context["iv"].status
        for page in pages
        if page.sjabloon == "site/indicator.html.j2"
    }
    return ProgrammeOutput(
        [(p.pad, lay_out(env, p)) for p in pages], summary, statuses, _inventory(pages)[0]
    )


def _open_data(
    programmes: list[SiteProgramme], outputs: list[ProgrammeOutput], findings: list[Finding]
) -> list[Table]:
    contracts = [p.contract for p in programmes]
    statuses = {o.summary.contract.code: o.summary.status_programma for o in outputs}
    per_indicator = {
        (o.summary.contract.code, ident): status
        for o in outputs
        for ident, status in o.statuses.items()
    }
    return [
        programme_table(contracts, statuses),
        goal_table(contracts),
        indicator_table(contracts, per_indicator),
        series_table(contracts),
        budget_table(contracts),
        finding_table(findings),
    ]


def root_files(
    env: Environment,
    programmes: list[SiteProgramme],
    outputs: list[ProgrammeOutput],
    findings: list[Finding],
    gewijzigd: str | None,
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
    zonder_zoeken: str = "",
    adres: str = "",
) -> list[tuple[str, bytes]]:
    """The start page, the search page, the open data with its page, the style sheet and the
    script; ``findings`` are what check found in the contracts, ``gewijzigd`` the date of the
    newest commit of a contract (None outside git), ``zonder_zoeken`` why there is no search
    index ("" when there is one), ``adres`` where the site is put online ("" unknown)."""
    summaries = [o.summary for o in outputs]
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
        inhoud=[o.inventory for o in outputs],
    )
    tables = _open_data(programmes, outputs, findings)
    cat = Catalogue(
        f"Programma's {gemeente}", f"Gemeente {gemeente}", DEFAULT_LICENCE, gewijzigd, adres
    )
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
    files = [(page.pad, lay_out(env, page)) for page in (start, search, open_data)]
    files.append((STYLE_SHEET, render_text(env, "site/stijl.css.j2").encode("utf-8")))
    files.append((SCRIPT, render_text(env, "site/site.js").encode("utf-8")))
    return files + data_files(tables, cat)


def lay_out(env: Environment, page: Page) -> bytes:
    """One page as UTF-8 HTML; tables leave out the columns that are empty in every row."""
    from programmatool.rendering.columns import without_empty_columns_html
    from programmatool.text.terminal import valid_unicode

    text = without_empty_columns_html(render_text(env, page.sjabloon, **page.context))
    return valid_unicode(text).encode("utf-8")
