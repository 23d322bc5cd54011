"""The pages of the site: a start page for the portfolio and, per programme, short pages (card,
goals, indicators, money, efforts, background, annual accounts per year) built from the
document's view model (``rendering.views``), never from a copy of it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from programmatool._version import __version__
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.rendering.site.navigation import (
    Link,
    programme_folder,
    programme_nav,
    site_nav,
    slugs,
    to_root,
)
from programmatool.rendering.views import (
    Document,
    DocumentSamenvatting,
    IndicatorView,
    InspanningView,
    PortfolioView,
    StrategischView,
    build_document,
    build_portfolio,
)

if TYPE_CHECKING:
    from programmatool.diff.adoption import SindsVaststelling
    from programmatool.model.contract import Contract
    from programmatool.rendering.site.history import IndicatorHistory


@dataclass
class SiteProgramme:
    """One programme as the pipeline hands it to the site: the contract, its file, the card's
    line on changes since adoption and each indicator's history from git (by indicator id)."""

    contract: Contract
    bestand: str
    kaartregel: SindsVaststelling | None = None
    geschiedenis: dict[str, IndicatorHistory] = field(default_factory=dict)


@dataclass
class Page:
    """A page to write: its path in the site, its template and what the template shows."""

    pad: str
    sjabloon: str
    context: dict[str, Any]


def account_years(contract: Contract) -> list[int]:
    """The years of the period with something to account for: a measurement, an account of a
    goal or of the programme, a record of how an effort went, or money spent."""
    years: set[int] = set(contract.verantwoording)
    for sd in contract.strategische_doelen:
        years.update(sd.verantwoording)
        for od in sd.operationele_doelen:
            years.update(od.verantwoording)
    for ins in contract.inspanningen:
        years.update(ins.uitvoering)
    for ind in contract.indicatoren:
        years.update(ind.realisaties)
    if contract.middelen is not None:
        for b in contract.middelen.begrotingen:
            for regel in b.regels:
                years.update(regel.besteed)
    return sorted(j for j in years if not contract.periode.buiten(j))


def _base(pad: str, titel: str, kruimels: list[Link], gemeente: str) -> dict[str, Any]:
    return {
        "pad": pad,
        "root": to_root(pad),
        "titel": titel,
        "nav": site_nav(pad, "index.html" if pad == "index.html" else ""),
        "kruimels": kruimels,
        "versie": __version__,
        "gemeente": gemeente,
        "sub": [],
        "zoekbaar": False,
    }


class _Programme:
    """Builds one programme's pages from its document and its annual accounts."""

    def __init__(self, prog: SiteProgramme, doc: Document, namen: dict[str, str]) -> None:
        self.prog, self.doc, self.c = prog, doc, prog.contract
        self.folder = programme_folder(self.c.code)
        self.namen = namen
        self.goal_slugs = slugs([s.doel.id for s in doc.doelen])
        # Where a reference to a goal or an effort leads on the site: the goal on its strategic
        # goal's page, the effort on the page of all efforts (the documents link within a page).
        self.goal_hrefs: dict[str, str] = {}
        self.din_hrefs: dict[str, str] = {}
        for s in doc.doelen:
            page = f"doel-{self.goal_slugs[s.doel.id]}.html"
            self.goal_hrefs[s.doel.id] = f"{page}#doel-{s.doel.id}"
            for od in s.doel.operationele_doelen:
                self.goal_hrefs.setdefault(od.id, f"{page}#doel-{s.doel.id}-{od.id}")
        goals = [(k.id, k.anker) for k in doc.din.kolommen] + doc.din.zonder_inspanning
        for goal, anchor in goals:
            self.din_hrefs[anchor] = self.goal_hrefs.get(goal, anchor)
        for g in doc.din.groepen:
            self.din_hrefs[g.anker] = self.goal_hrefs.get(g.anker.removeprefix("#doel-"), g.anker)
        for r in doc.din.matrix:
            self.din_hrefs[r.anker] = f"inspanningen.html{r.anker}"
        self.din_hrefs["#zonder-doel"] = "zonder-doel.html"
        self.indicator_slugs = slugs([i.id for i in self.c.indicatoren])
        self.years = account_years(self.c)
        self.items = self._items()

    def _items(self) -> list[tuple[str, str]]:
        doc, c = self.doc, self.c
        items = [("Overzicht", "index.html")]
        if doc.doelen or doc.losse_inspanningen or doc.losse_indicatoren:
            items.append(("Doelen", "doelen.html"))
        if c.indicatoren:
            items.append(("Indicatoren", "indicatoren.html"))
        if doc.begrotingen or doc.overige_middelen or doc.spreidingen:
            items.append(("Geld", "geld.html"))
        if c.inspanningen:
            items.append(("Inspanningen", "inspanningen.html"))
        items.extend((f"Verantwoording {j}", f"verantwoording-{j}.html") for j in self.years)
        items.append(("Achtergrond", "achtergrond.html"))
        return items

    def page(
        self, naam: str, sjabloon: str, titel: str, doc: Document | None = None, **extra: Any
    ) -> Page:
        pad = f"{self.folder}/{naam}"
        root = to_root(pad)
        kruimels = [
            Link("Alle programma's", root + "index.html"),
            Link(self.c.programma, "index.html", naam == "index.html"),
        ]
        if naam != "index.html":
            kruimels.append(Link(titel, naam, True))
        context = _base(pad, f"{titel} – {self.c.programma}", kruimels, self.c.gemeente)
        document = doc or self.doc
        context.update(
            doc=document,
            c=self.c,
            kop=titel,
            sub=programme_nav(self.items, naam),
            zoekbaar=True,
            relaties=self.relations(),
            indicator_links={i.id: f"indicator-{s}.html" for i, s in self._indicators()},
            doel_links={k: f"doel-{v}.html" for k, v in self.goal_slugs.items()},
            din_hrefs=self.din_hrefs,
            **extra,
        )
        return Page(pad, sjabloon, context)

    def _indicators(self) -> list[tuple[Any, str]]:
        return [(i, self.indicator_slugs[i.id]) for i in self.c.indicatoren]

    def relations(self) -> list[Link]:
        """Links to the related programmes that are on the site; others as plain text."""
        links = []
        for r in self.doc.relaties:
            links.append(Link(r.naam, r.link or ""))
        return links

    def pages(self, accounts: dict[int, Document]) -> list[Page]:
        doc = self.doc
        pages = [self.page("index.html", "site/programma.html.j2", self.c.programma)]
        if any(n == "doelen.html" for _t, n in self.items):
            pages.append(self.page("doelen.html", "site/doelen.html.j2", "Doelen"))
            pages.extend(self._goal_pages())
        if self.c.indicatoren:
            pages.append(self.page("indicatoren.html", "site/indicatoren.html.j2", "Indicatoren"))
            pages.extend(self._indicator_pages())
        if any(n == "geld.html" for _t, n in self.items):
            pages.append(self.page("geld.html", "site/geld.html.j2", "Geld"))
        if self.c.inspanningen:
            alle = [_full(v, self.goal_hrefs) for v in _all_efforts(doc)]
            pages.append(
                self.page(
                    "inspanningen.html", "site/inspanningen.html.j2", "Inspanningen", alle=alle
                )
            )
        for jaar, account in sorted(accounts.items()):
            pages.append(
                self.page(
                    f"verantwoording-{jaar}.html",
                    "site/verantwoording.html.j2",
                    f"Verantwoording {jaar}",
                    account,
                )
            )
        pages.append(self.page("achtergrond.html", "site/achtergrond.html.j2", "Achtergrond"))
        return pages

    def _goal_pages(self) -> list[Page]:
        doc = self.doc
        pages = []
        for s in doc.doelen:
            one = replace(
                doc,
                doelen=[_goal_in_full(s, self.goal_hrefs)],
                losse_inspanningen=[],
                losse_indicatoren=[],
            )
            titel = f"Doel {s.doel.id}"
            naam = f"doel-{self.goal_slugs[s.doel.id]}.html"
            pages.append(self.page(naam, "site/doel.html.j2", titel, one, doel=s))
        if doc.losse_inspanningen or doc.losse_indicatoren:
            loose = replace(
                doc,
                doelen=[],
                losse_inspanningen=[_full(v, self.goal_hrefs) for v in doc.losse_inspanningen],
            )
            pages.append(
                self.page("zonder-doel.html", "site/doel.html.j2", "Zonder doel", loose, doel=None)
            )
        return pages

    def _indicator_pages(self) -> list[Page]:
        views = {id(v.indicator): v for v in _all_indicators(self.doc)}
        pages = []
        for ind, slug in self._indicators():
            view = views.get(id(ind))
            if view is None:
                continue
            pages.append(
                self.page(
                    f"indicator-{slug}.html",
                    "site/indicator.html.j2",
                    f"Indicator {ind.naam}",
                    iv=view,
                    geschiedenis=self.prog.geschiedenis.get(ind.id),
                )
            )
        return pages


def _full(view: InspanningView, goal_hrefs: dict[str, str]) -> InspanningView:
    # On a page of its own every effort is printed where it is listed: there is no "described
    # earlier in this document" on a short page; its goals are on the goals' own pages.
    links = [(d, goal_hrefs.get(d, href)) for d, href in view.doel_links]
    return replace(view, volledig=True, doel_links=links)


def _goal_in_full(s: StrategischView, goal_hrefs: dict[str, str]) -> StrategischView:
    return replace(s, inspanningen=[_full(v, goal_hrefs) for v in s.inspanningen])


def _all_efforts(doc: Document) -> list[InspanningView]:
    """Each effort once, in the order of the goals, then those without a goal."""
    seen: set[int] = set()
    result = []
    for v in [*(i for s in doc.doelen for i in s.inspanningen), *doc.losse_inspanningen]:
        if id(v.inspanning) not in seen and v.volledig:
            seen.add(id(v.inspanning))
            result.append(v)
    return result


def _all_indicators(doc: Document) -> list[IndicatorView]:
    views = [*doc.losse_indicatoren]
    for s in doc.doelen:
        views.extend(s.indicatoren)
        for o in s.operationeel:
            views.extend(o.indicatoren)
    return views


def programme_pages(
    prog: SiteProgramme,
    namen: dict[str, str],
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
) -> tuple[list[Page], DocumentSamenvatting]:
    """One programme's pages and the summary the start page shows of it."""
    c = prog.contract
    doc = build_document(
        c, prog.bestand, "html", None, namen, True, drempels=drempels, drempels_bron=drempels_bron
    )
    if doc.kaart is not None:
        doc.kaart.sinds_vaststelling = prog.kaartregel
    # A related programme on the site is its folder beside this one.
    doc.relaties = [
        replace(r, link=f"../{r.code}/index.html" if r.link is not None else None)
        for r in doc.relaties
    ]
    builder = _Programme(prog, doc, namen)
    accounts = {
        j: build_document(
            c, prog.bestand, "html", j, namen, True, drempels=drempels, drempels_bron=drempels_bron
        )
        for j in builder.years
    }
    summary = DocumentSamenvatting(
        c,
        f"{programme_folder(c.code)}/index.html",
        doc.periode,
        doc.statussen,
        doc.status_programma,
        doc.status_uitleg,
    )
    return builder.pages(accounts), summary


def start_page(
    portfolio: PortfolioView, changes: list[tuple[str, str, str]], gemeente: str
) -> Page:
    """The start page: every programme's status, money and relations (the portfolio's view),
    and per programme what changed since its adoption (name, link, line)."""
    context = _base("index.html", f"Programma's {gemeente}", [], gemeente)
    context.update(p=portfolio, wijzigingen_per_programma=changes)
    return Page("index.html", "site/start.html.j2", context)


def root_page(pad: str, sjabloon: str, titel: str, gemeente: str, **extra: Any) -> Page:
    """A page at the site's root beside the start page (search, open data)."""
    kruimels = [Link("Alle programma's", "index.html"), Link(titel, pad, True)]
    context = _base(pad, titel, kruimels, gemeente)
    context["nav"] = site_nav(pad, pad)
    context.update(extra)
    return Page(pad, sjabloon, context)


def portfolio_of(
    summaries: list[DocumentSamenvatting],
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
) -> PortfolioView:
    """The portfolio's view model over the programmes' summaries (links into the site)."""
    return build_portfolio(summaries, drempels, drempels_bron)
