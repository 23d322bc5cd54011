"""View models: everything a document shows, computed in Python (totals, remarks about totals
that do not add up, statuses), so that templates only lay it out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from programmatool._version import __version__
from programmatool.model.contract import (
    Begroting,
    Contract,
    Indicator,
    Inspanning,
    OperationeelDoel,
    StrategischDoel,
)
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.rendering.card import (
    Legenda,
    Programmakaart,
    legenda_voor,
    overig_bedrag,
    programmakaart,
)
from programmatool.rendering.faults import Faults, figure_faults, marked, under
from programmatool.text import formatting as fmt

if TYPE_CHECKING:
    from programmatool.progress.results import IndicatorProgress, ProgrammeProgress

Formaat = Literal["md", "html", "pdf"]
FORMATEN: tuple[str, ...] = ("md", "html", "pdf")

#: Words for a contract's status, as a council member reads them.
STATUS_WOORDEN = {
    "concept": "concept",
    "vastgesteld": "vastgesteld",
    "gewijzigd": "gewijzigd",
    "onbekend": "onbekend",
}
ROL_WOORDEN = {"regie": "regie", "afstemming": "afstemming", "faciliterend": "faciliterend"}

#: A sign per status (every one of ``progress.STATUSSEN``), so that a status never depends on
#: colour alone.
STATUS_TEKEN = {
    "behaald": "✔",
    "op koers": "●",
    "kleine achterstand": "▲",
    "achter": "✖",
    "niet behaald": "✗",
    "geen meting": "○",
    "geen oordeel mogelijk": "?",
}


#: The mark at an indicator's figure that ``check`` finds wrong (an asterisk already means
#: "provisional" in those tables).
FOUT_TEKEN = "⚠"


# --- the view-model ---------------------------------------------------------------------------


@dataclass
class Rij:
    """A row of a table: a header cell and data cells, all as text."""

    kop: str
    cellen: list[str]
    klasse: str = ""


@dataclass
class IndicatorView:
    """An indicator as a document shows it."""

    indicator: Indicator
    jaren: list[int]
    peil: str
    peiljaar: int | None
    streef: list[str]
    realisatie: list[str]
    bron: str
    status: str
    uitleg: str
    toelichtingen: list[tuple[int, str]]
    grafiek: str
    grafiek_tekst: str
    kenmerk: str
    streefdatum: str
    #: Comparison series: name (with its source), one value per year of ``jaren``.
    vergelijkingen: list[tuple[str, list[str]]] = field(default_factory=list)
    #: The explanation of a comparison series, by its name.
    vergelijking_toelichtingen: list[tuple[str, str]] = field(default_factory=list)
    #: Values before, between or after ``jaren`` that only a comparison has, as text.
    streef_zonder_jaar: str = ""
    #: Next to the status: the year of the measurement it rests on, and whether that is
    #: provisional (``meting 2020, voorlopig``).
    meting_noot: str = ""
    #: True when a value in the table is provisional (shown with an asterisk and a note).
    voorlopig: bool = False
    #: What ``check`` finds in the figures this table prints; those figures carry FOUT_TEKEN.
    fouten: list[str] = field(default_factory=list)
    peiljaar_fout: bool = False

    @property
    def zonder_cijfers(self) -> str:
        """The sentence that replaces a table without a single figure ("" when it has one)."""
        cellen = self.streef + self.realisatie + [w for _n, ws in self.vergelijkingen for w in ws]
        if self.peiljaar is not None or any(c != "–" for c in cellen) or not self.jaren:
            return ""
        jaren = str(self.jaren[0]) if len(self.jaren) == 1 else f"{self.jaren[0]}–{self.jaren[-1]}"
        return f"Voor {jaren} noemt het contract geen streefwaarde en geen meting."


@dataclass
class InspanningView:
    """An effort with its role and leader in words."""

    inspanning: Inspanning
    rol: str
    trekker: str
    planning: str
    bedragen: str
    #: In an annual account: how it went that year ("" when nothing is recorded).
    uitvoering: str = ""
    uitvoering_toelichting: str | None = None
    besteed: str = ""
    #: Where the effort is described in full: the anchor and the goal under which it is printed.
    anker: str = ""
    beschreven_bij: str = ""
    #: True where this is the one place the effort is printed in full.
    volledig: bool = False
    #: The goals it serves, as "id. titel".
    doelen: list[str] = field(default_factory=list)
    #: What ``check`` finds in its amounts (the amounts carry a *).
    fouten: list[str] = field(default_factory=list)

    @property
    def uitgebreid(self) -> bool:
        """Whether the effort holds more than its row in a table shows."""
        i = self.inspanning
        return bool(
            i.beschrijving or i.thema or i.stakeholders or self.bedragen or i.kleur or i.uitvoering
        )


@dataclass
class OperationeelView:
    """An operational goal with its indicators and the efforts serving it."""

    doel: OperationeelDoel
    indicatoren: list[IndicatorView]
    verantwoording: Any = None


@dataclass
class StrategischView:
    """A strategic goal: what we want to achieve and what we do for it."""

    doel: StrategischDoel
    operationeel: list[OperationeelView]
    inspanningen: list[InspanningView]
    verantwoording: Any = None
    #: Indicators that measure the strategic goal itself.
    indicatoren: list[IndicatorView] = field(default_factory=list)
    #: What the statuses in this chapter mean (None when it shows no status).
    legenda: Legenda | None = None


@dataclass
class BegrotingView:
    """A budget table ready to print, with remarks where a printed total does not add up."""

    titel: str
    bijschrift: str
    jaren: list[str]
    regels: list[Rij]
    totalen: Rij | None
    som: Rij | None
    extra: list[Rij]
    opmerkingen: list[str]
    toelichting: str | None
    totaal: str | None
    #: Notes that are no fault ("nothing spent was recorded").
    noten: list[str] = field(default_factory=list)
    #: What was spent per line and year (``besteed``), in the contract document.
    besteed_jaren: list[str] = field(default_factory=list)
    besteed: list[Rij] = field(default_factory=list)
    #: Per line with an explanation or efforts: (description, explanation, effort ids).
    regelnotities: list[tuple[str, str | None, list[str]]] = field(default_factory=list)
    #: In an annual account: the sentence that replaces a table without an amount that year.
    zonder_bedragen: str = ""


@dataclass
class DinView:
    """The goals-efforts network: an SVG, a table and a Mermaid diagram."""

    svg: str
    mermaid: str
    rijen: list[tuple[str, str, list[str]]]
    los: list[str]
    samenvatting: str


@dataclass
class RelatieView:
    """A relation to another programme, with a link when its document is in the same set."""

    code: str
    naam: str
    link: str | None
    toelichting: str | None


@dataclass
class Document:
    """Everything a contract document shows; built once, laid out by a template."""

    contract: Contract
    bestand: str
    versie: str
    formaat: str
    jaar: int | None
    titelblok: list[tuple[str, str]]
    periode: str
    doelen: list[StrategischView]
    din: DinView
    begrotingen: list[BegrotingView]
    overige_middelen: list[Rij]
    spreidingen: list[BegrotingView]
    capaciteit: list[Rij]
    relaties: list[RelatieView]
    statussen: list[tuple[str, int]]
    status_programma: str
    bestandsnaam: str
    portfolio: bool
    #: Efforts that serve no goal of the contract, printed in full in their own section.
    losse_inspanningen: list[InspanningView] = field(default_factory=list)
    #: Indicators whose goal is not in the contract (check reports PT104); shown, not dropped.
    losse_indicatoren: list[IndicatorView] = field(default_factory=list)
    #: The legend beside ``losse_indicatoren``.
    losse_legenda: Legenda | None = None
    #: The annual account: efforts without a planning, not presented as work of that year.
    zonder_planning: list[InspanningView] = field(default_factory=list)
    #: How much of the programme was measured (``3 van 10 indicatoren gemeten``), or "".
    dekking: str = ""
    kaart: Programmakaart | None = None
    #: What ``check`` finds in the hours of the capacity table (the cells carry a *).
    capaciteit_opmerkingen: list[str] = field(default_factory=list)

    @property
    def status_uitleg(self) -> str:
        """On which measurements the status rests (for the portfolio page)."""
        return self.kaart.status_uitleg if self.kaart is not None else ""


@dataclass
class PortfolioBedragen:
    """One row of the portfolio's budget overview: a table of a programme, per year in euro."""

    titel: str
    cellen: list[str]
    #: "hoofd" (counted in the totals), "ander" (another table of the same programme, shown
    #: but not counted: it may divide the same money differently) or "ongedekt".
    soort: str


@dataclass
class PortfolioRegel:
    """One programme in the portfolio overview."""

    naam: str
    code: str
    link: str
    periode: str
    status: str
    begroting: list[str]
    begroting_titel: str
    statussen: list[tuple[str, int]]
    samenvatting: str
    portefeuillehouder: str = ""
    status_uitleg: str = ""
    bedragen: list[PortfolioBedragen] = field(default_factory=list)
    #: Amounts outside the yearly tables (funds, one-off, not yet covered), in words.
    ongedekt_overig: list[str] = field(default_factory=list)
    #: Money the contract names outside a yearly table (``middelen.overige``, spreads), in words.
    overige: list[str] = field(default_factory=list)


@dataclass
class PortfolioView:
    """The portfolio page: every programme and the relations between them."""

    programmas: list[PortfolioRegel]
    jaren: list[int]
    relaties: list[tuple[str, str, str, str | None, str | None]]
    versie: str
    gemeenten: list[str]
    #: Per year the sum of every programme's main table (as printed), and of what is uncovered.
    totalen: list[str] = field(default_factory=list)
    ongedekt: list[str] = field(default_factory=list)
    #: Per programme the programmes it relates to: (name, link, [(name, link or None)]).
    relatiegroepen: list[tuple[str, str, list[tuple[str, str | None]]]] = field(
        default_factory=list
    )
    uren_weggelaten: bool = False
    #: What ``check`` finds in the yearly figures the overview prints (those cells carry a *).
    fouten: list[str] = field(default_factory=list)
    #: What the statuses on the page mean (None when it shows no status).
    legenda: Legenda | None = None


def _periode(contract: Contract) -> str:
    return contract.periode.tekst()


def _vergelijkingsjaren(indicator: Indicator) -> set[int]:
    return {j for v in indicator.vergelijkingen for j in v.waarden}


def relatie_naam(relatie: Any, namen: dict[str, str]) -> str:
    """A related programme in words; one outside the portfolio says so."""
    if relatie.extern or relatie.programma is None:
        wie = relatie.naam or relatie.programma or ""
        code = f"{relatie.programma}, " if relatie.naam and relatie.programma else ""
        bij = f", {relatie.organisatie}" if relatie.organisatie else ""
        return f"{wie} ({code}buiten het portfolio{bij})"
    return str(namen.get(relatie.programma, relatie.naam or relatie.programma))


def _personen(namen: Iterable[Any]) -> str:
    return ", ".join(p.naam + (f" ({p.functie})" if p.functie else "") for p in namen)


def _titelblok(contract: Contract) -> list[tuple[str, str]]:
    rows = [
        ("Programma", contract.programma),
        ("Gemeente", contract.gemeente),
        ("Periode", _periode(contract)),
        ("Status", STATUS_WOORDEN[contract.status]),
    ]
    if contract.versie:
        rows.append(("Versie", contract.versie))
    if contract.vastgesteld_op:
        rows.append(("Datum", fmt.datum(contract.vastgesteld_op)))
    if contract.kenmerk:
        rows.append(("Kenmerk", contract.kenmerk))
    opdrachtgevers = contract.rollen.bestuurlijk_opdrachtgevers
    label = "Bestuurlijk opdrachtgever" + ("s" if len(opdrachtgevers) > 1 else "")
    rows.append((label, _personen(opdrachtgevers)))
    if contract.rollen.ambtelijk_opdrachtgever:
        rows.append(
            ("Ambtelijk opdrachtgever", _personen([contract.rollen.ambtelijk_opdrachtgever]))
        )
    if contract.rollen.programmamanager:
        rows.append(("Programmamanager", _personen([contract.rollen.programmamanager])))
    for rol in contract.rollen.overige:
        if rol.personen:
            rows.append((rol.rol[:1].upper() + rol.rol[1:], _personen(rol.personen)))
    return rows


def _getal_of_none(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _beschrijf_reeks(label: str, data: dict[int, Any], eenheid: str | None) -> str:
    if not data:
        return f"geen {label}"
    parts = [f"{fmt.waarde(v, eenheid)} in {jaar}" for jaar, v in sorted(data.items())]
    return f"{label} " + ", ".join(parts)


def _indicator_view(
    indicator: Indicator,
    jaren: list[int],
    voortgang: IndicatorProgress | None,
    prefix: str,
    fouten: Sequence[tuple[tuple[str | int, ...], str, str]] = (),
) -> IndicatorView:
    from programmatool.rendering import svg

    # Only the faults in figures this table prints (an annual account shows one year).
    fouten = [
        f
        for f in fouten
        if len(f[0]) < 4 or f[0][2] not in ("streefwaarden", "realisaties") or f[0][3] in jaren
    ]

    def teken(*pad: str | int) -> str:
        return f" {FOUT_TEKEN}" if any(p[2 : 2 + len(pad)] == pad for p, _c, _m in fouten) else ""

    eenheid = indicator.eenheid
    realisaties = {j: r for j, r in indicator.realisaties.items()}

    def realisatie_tekst(jaar: int) -> str:
        r = realisaties.get(jaar)
        if r is None:
            return "–"
        delen = []
        if r.waarde is not None:
            delen.append(fmt.waarde(r.waarde, eenheid))
        if r.datum is not None:
            delen.append(("bereikt op " if not delen else "op ") + fmt.datum(r.datum))
        if r.behaald is not None:
            delen.append("behaald" if r.behaald else "niet behaald")
        if not delen:
            return "–"
        return ", ".join(delen) + ("*" if r.voorlopig else "")

    bronnen = sorted({r.bron for r in indicator.realisaties.values() if r.bron})
    bron = "; ".join(
        [b for b in [indicator.bron] if b] + [b for b in bronnen if b != indicator.bron]
    )
    toelichtingen = [
        (j, r.toelichting) for j, r in sorted(indicator.realisaties.items()) if r.toelichting
    ]
    streef_getallen = {
        j: v for j, w in indicator.streefwaarden.items() if (v := _getal_of_none(w)) is not None
    }
    real_getallen = {
        j: v
        for j, r in indicator.realisaties.items()
        if (v := _getal_of_none(r.waarde)) is not None
    }
    reeksen = [
        (v.naam, {j: g for j, w in v.waarden.items() if (g := _getal_of_none(w)) is not None})
        for v in indicator.vergelijkingen
    ]
    reeksen = [(naam, data) for naam, data in reeksen if data]
    peil_getal = _getal_of_none(indicator.peilwaarde)
    peil = (
        (indicator.peiljaar, peil_getal)
        if isinstance(indicator.peiljaar, int) and peil_getal is not None
        else None
    )
    grafiek = ""
    grafiek_tekst = ""
    punten = len(streef_getallen) + len(real_getallen) + (1 if peil else 0)
    punten += sum(len(data) for _, data in reeksen)
    if indicator.meetsoort == "getal" and punten >= 2:
        delen = []
        if peil:
            delen.append(f"peilwaarde {fmt.waarde(peil[1], eenheid)} in {peil[0]}")
        delen.append(_beschrijf_reeks("streefwaarden", dict(streef_getallen), eenheid))
        delen.append(_beschrijf_reeks("realisaties", dict(real_getallen), eenheid))
        delen.extend(_beschrijf_reeks(naam, dict(data), eenheid) for naam, data in reeksen)
        grafiek_tekst = f"Grafiek van {indicator.naam}: " + "; ".join(delen) + "."

        def label(value: float) -> str:
            return fmt.waarde(int(value) if float(value).is_integer() else value, eenheid)

        def getal(value: float) -> str:
            return fmt.getal(int(value) if float(value).is_integer() else value)

        grafiek = svg.indicator_svg(
            peil,
            streef_getallen,
            real_getallen,
            f"Verloop van {indicator.naam}",
            grafiek_tekst,
            label,
            f"{prefix}-{indicator.id}",
            reeksen,
            getal=getal,
            eenheid=eenheid or "",
        )
    if indicator.meetsoort == "mijlpaal":
        kenmerk = "mijlpaal"
    elif indicator.meetsoort == "schaal":
        kenmerk = "schaal: " + " – ".join(indicator.schaal) if indicator.schaal else "schaal"
        kenmerk += ", van slecht naar goed" if indicator.schaal else ""
    else:
        richting, hoe = indicator.bepaalde_richting()
        if richting is None:
            kenmerk = "richting onbekend (hoger of lager beter?)"
        elif hoe == "afgeleid":
            kenmerk = f"{richting} is beter (afgeleid uit peil- en streefwaarden)"
        else:
            kenmerk = f"{richting} is beter"
        if eenheid is not None:
            kenmerk = f"{fmt.eenheid_kenmerk(eenheid)}, {kenmerk}"
    if indicator.meetsoort != "getal":
        # A unit or direction the contract does give still matters to a reader of the table.
        gegeven = indicator.model_fields_set
        if eenheid is not None:
            kenmerk += f"; {fmt.eenheid_kenmerk(eenheid)}"
        if "richting" in gegeven:
            kenmerk += f"; {indicator.richting} is beter"
    streefdatum = ""
    if indicator.streefdatum is not None:
        streefdatum = fmt.datum(indicator.streefdatum)
        if indicator.streefdatum_tekst:
            streefdatum += f" ({indicator.streefdatum_tekst})"
    elif indicator.streefdatum_tekst:
        streefdatum = indicator.streefdatum_tekst
    elif indicator.streefjaar is not None:
        streefdatum = str(indicator.streefjaar)
    vergelijkingen = [
        (
            v.naam + (f" (bron: {v.bron})" if v.bron else ""),
            [fmt.waarde(v.waarden[j], eenheid) if j in v.waarden else "–" for j in jaren],
        )
        for v in indicator.vergelijkingen
    ]
    return IndicatorView(
        vergelijkingen=vergelijkingen,
        vergelijking_toelichtingen=[
            (v.naam, v.toelichting) for v in indicator.vergelijkingen if v.toelichting
        ],
        streef_zonder_jaar=fmt.waarde(indicator.streefwaarde_zonder_jaar, eenheid)
        if indicator.streefwaarde_zonder_jaar is not None
        else "",
        kenmerk=kenmerk,
        streefdatum=streefdatum,
        indicator=indicator,
        jaren=jaren,
        peil=(
            fmt.waarde(indicator.peilwaarde, eenheid) if indicator.peilwaarde is not None else "–"
        )
        + teken("peilwaarde"),
        peiljaar=indicator.peiljaar if isinstance(indicator.peiljaar, int) else None,
        peiljaar_fout=bool(teken("peiljaar")),
        fouten=[f"{m} ({code})." for _p, code, m in fouten],
        streef=[_streef_tekst(indicator, j) + teken("streefwaarden", j) for j in jaren],
        realisatie=[realisatie_tekst(j) + teken("realisaties", j) for j in jaren],
        bron=bron or "–",
        status=voortgang.status if voortgang else "geen oordeel mogelijk",
        uitleg=voortgang.uitleg if voortgang else "",
        meting_noot=_meting_noot(voortgang),
        voorlopig=any(indicator.realisaties[j].voorlopig for j in jaren if j in realisaties),
        toelichtingen=toelichtingen,
        grafiek=grafiek,
        grafiek_tekst=grafiek_tekst,
    )


def _meting_noot(voortgang: IndicatorProgress | None) -> str:
    """The year of the measurement a verdict rests on, so that a later year's report never
    hides an older figure: ``meting 2020`` or ``meting 2020, voorlopig``."""
    if voortgang is None or voortgang.realisatie_jaar is None:
        return ""
    noot = f"meting {voortgang.realisatie_jaar}"
    return noot + ", voorlopig" if voortgang.voorlopig else noot


def _streef_tekst(indicator: Indicator, jaar: int) -> str:
    """The target for one year; a milestone shows its target date in the year it falls in."""
    if jaar in indicator.streefwaarden:
        return fmt.waarde(indicator.streefwaarden[jaar], indicator.eenheid)
    if indicator.streefdatum is not None and indicator.streefdatum.year == jaar:
        return "uiterlijk " + fmt.datum(indicator.streefdatum)
    if indicator.streefdatum is None and indicator.streefjaar == jaar:
        return indicator.streefdatum_tekst or f"in {jaar}"
    return "–"


def _planning(inspanning: Inspanning) -> str:
    delen = [str(p) for p in inspanning.planning]
    tekst = ", ".join(delen)
    if inspanning.planning_toelichting:
        tekst = (
            f"{tekst} ({inspanning.planning_toelichting})"
            if tekst
            else inspanning.planning_toelichting
        )
    return tekst or "–"


def _inspanning_view(
    inspanning: Inspanning,
    jaar: int | None = None,
    fouten: Sequence[tuple[tuple[str | int, ...], str, str]] = (),
) -> InspanningView:
    # An amount check finds wrong (negative, outside the period, more than the budget) gets a *.
    foute_jaren = {p[3] for p, _c, _m in fouten if p[2:3] == ("bedragen",) and len(p) > 3}
    bedragen = ", ".join(
        f"{j}: {fmt.bedrag(b)}" + (" *" if j in foute_jaren else "")
        for j, b in sorted(inspanning.bedragen.items())
    )
    verslag = inspanning.uitvoering.get(jaar) if jaar is not None else None
    if inspanning.bedrag_toelichting:
        bedragen = (
            f"{bedragen} ({inspanning.bedrag_toelichting})"
            if bedragen
            else inspanning.bedrag_toelichting
        )
    return InspanningView(
        inspanning=inspanning,
        rol=ROL_WOORDEN.get(inspanning.rol or "", "–"),
        trekker=inspanning.trekker or "–",
        planning=_planning(inspanning),
        bedragen=bedragen,
        uitvoering=verslag.status if verslag else "",
        uitvoering_toelichting=verslag.toelichting if verslag else None,
        besteed=fmt.bedrag(verslag.besteed) if verslag and verslag.besteed is not None else "",
        fouten=[f"{m} ({code})." for _p, code, m in fouten],
    )


def _in_jaar(inspanning: Inspanning, jaar: int) -> bool:
    return any(str(p).startswith(str(jaar)) for p in inspanning.planning)


def _begroting_view(
    begroting: Begroting,
    jaar: int | None = None,
    fouten: Sequence[tuple[tuple[str | int, ...], str, str]] = (),
) -> BegrotingView:
    """A budget table; ``fouten`` are the money rules' faults under it (see faults.py)."""
    eenheid = begroting.eenheid
    alle_jaren = begroting.jaren()
    jaren = [jaar] if jaar is not None else alle_jaren
    # Spending columns only when something was spent that year: a column of dashes says nothing.
    met_besteed = jaar is not None and any(jaar in r.besteed for r in begroting.regels)
    noten: list[str] = []
    zonder_bedragen = ""
    if jaar is not None and not (
        jaar in begroting.totalen
        or jaar in begroting.beschikbaar
        or any(jaar in r.bedragen or jaar in r.besteed for r in begroting.regels)
    ):
        # A column of dashes says nothing; a sentence says the table holds nothing that year.
        zonder_bedragen = f"Deze tabel heeft geen bedragen voor {jaar}."
    elif jaar is not None and not met_besteed:
        noten.append(
            f"Over {jaar} legt het contract niet vast wat er is uitgegeven; "
            "daarom staat hier alleen wat begroot was."
        )

    def cel(value: int | float | None) -> str:
        return "–" if value is None else fmt.bedrag(value, eenheid)

    afwijkingen = begroting.afwijkingen()
    opmerkingen: list[str] = []
    for year, (som, totaal) in afwijkingen.items():
        if jaar is not None and year != jaar:
            continue
        verschil = totaal - som
        opmerkingen.append(
            f"{year}: het gedrukte totaal is {fmt.bedrag(totaal, eenheid)}, maar de regels tellen "
            f"op tot {fmt.bedrag(som, eenheid)} (verschil {fmt.bedrag(verschil, eenheid)})."
        )
    # Every other fault check reports in this table (a grand total that fits neither the years
    # nor the lines, a total without lines, a negative amount, a year outside the period) is
    # named too, and the figure it is about gets a *.
    for path, code, message in fouten:
        if code != "PT201" and (jaar is None or jaar in path or len(path) < 5):
            opmerkingen.append(f"{message} ({code}).")
    totaal_fout = any(path[3:4] == ("totaal",) for path, _c, _m in fouten)
    foute_totalen = {path[4] for path, _c, _m in fouten if path[3:4] == ("totalen",)}
    foute_cellen = {
        (path[4], path[6]) for path, _c, _m in fouten if path[3:4] == ("regels",) and len(path) > 6
    }

    def regelcel(n: int, j: int, value: int | float | None) -> str:
        return cel(value) + (" *" if (n, j) in foute_cellen else "")

    if jaar is None:
        regels = [
            Rij(
                r.omschrijving + ("" if r.gedekt else " (nog niet gedekt)"),
                [regelcel(n, j, r.bedragen.get(j)) for j in jaren],
            )
            for n, r in enumerate(begroting.regels)
        ]
        kop = [str(j) for j in jaren]
    else:
        regels = []
        for n, r in enumerate(begroting.regels):
            begroot = r.bedragen.get(jaar)
            besteed = r.besteed.get(jaar)
            over = cel(besteed - begroot) if begroot is not None and besteed is not None else "–"
            omschrijving = r.omschrijving + ("" if r.gedekt else " (nog niet gedekt)")
            begroot_cel = regelcel(n, jaar, begroot)
            cellen = [begroot_cel, cel(besteed), over] if met_besteed else [begroot_cel]
            regels.append(Rij(omschrijving, cellen))
        kop = (
            [f"Begroot {jaar}", f"Besteed {jaar}", "Verschil"]
            if met_besteed
            else [f"Begroot {jaar}"]
        )
    totalen = None
    som_rij = None
    if begroting.totalen:
        cellen = []
        for j in jaren:
            waarde = cel(begroting.totalen.get(j))
            if j in afwijkingen or j in foute_totalen:
                waarde += " *"
            cellen.append(waarde)
        if met_besteed:
            cellen += ["", ""]
        totalen = Rij("Totaal (zoals gedrukt)", cellen, "totaal")
    sommen = begroting.som_per_jaar()
    if any(j in afwijkingen for j in jaren) or (
        not begroting.totalen and len(begroting.regels) > 1
    ):
        cellen = [cel(sommen.get(j)) for j in jaren]
        if met_besteed:
            besteed_som: int | float = 0
            heeft_besteed = False
            for r in begroting.regels:
                if jaar in r.besteed:
                    besteed_som += r.besteed[jaar]
                    heeft_besteed = True
            cellen += [cel(besteed_som) if heeft_besteed else "–", ""]
        label = "Som van de regels" if begroting.totalen else "Totaal (som van de regels)"
        som_rij = Rij(label, cellen, "som")
    extra = []
    if begroting.beschikbaar:
        cellen = [cel(begroting.beschikbaar.get(j)) for j in jaren]
        if met_besteed:
            cellen += ["", ""]
        extra.append(Rij("Beschikbaar", cellen))
    besteed_jaren = sorted({j for r in begroting.regels for j in r.besteed})
    besteed_rijen = (
        [
            Rij(r.omschrijving, [cel(r.besteed.get(j)) for j in besteed_jaren])
            for r in begroting.regels
            if r.besteed
        ]
        if jaar is None
        else []
    )
    regelnotities = [
        (r.omschrijving, r.toelichting, list(r.inspanningen))
        for r in begroting.regels
        if r.toelichting or r.inspanningen
    ]
    return BegrotingView(
        besteed_jaren=[str(j) for j in besteed_jaren] if besteed_rijen else [],
        besteed=besteed_rijen,
        regelnotities=regelnotities,
        titel=begroting.titel,
        bijschrift=fmt.eenheid_bijschrift(eenheid),
        jaren=kop,
        regels=regels,
        totalen=totalen,
        som=som_rij,
        extra=extra,
        opmerkingen=opmerkingen,
        toelichting=begroting.toelichting,
        totaal=(
            fmt.bedrag_in_euro(begroting.totaal, eenheid) + (" *" if totaal_fout else "")
            if begroting.totaal is not None
            else None
        ),
        noten=noten,
        zonder_bedragen=zonder_bedragen,
    )


def _din_view(contract: Contract) -> DinView:
    from programmatool.rendering import svg

    labels: dict[str, str] = {}
    strategisch = []
    for sd in contract.strategische_doelen:
        labels[sd.id] = f"{sd.id}. {sd.titel}"
        ods = []
        for od in sd.operationele_doelen:
            labels.setdefault(od.id, f"{od.id}. {od.titel}")
            ods.append(svg.DinKnoop(od.id, labels[od.id]))
        strategisch.append(svg.DinStrategisch(svg.DinKnoop(sd.id, labels[sd.id]), ods))
    inspanningen = [
        svg.DinInspanning(svg.DinKnoop(i.id, i.titel), list(i.doelen))
        for i in contract.inspanningen
    ]
    bijdragen = sum(len([d for d in i.doelen if d in labels]) for i in contract.inspanningen)
    if contract.doelniveaus == 1:
        doelen = _telwoord(len(contract.strategische_doelen), "doel", "doelen")
    else:
        doelen = (
            _telwoord(len(contract.strategische_doelen), "strategisch doel", "strategische doelen")
            + ", "
            + _telwoord(
                len(contract.operationele_doelen()), "operationeel doel", "operationele doelen"
            )
        )
    samenvatting = (
        f"{doelen} en {_telwoord(len(contract.inspanningen), 'inspanning', 'inspanningen')} "
        f"met {_telwoord(bijdragen, 'bijdrage', 'bijdragen')} aan doelen. "
        "Dezelfde gegevens staan in de tabel onder de figuur."
    )
    drawing = svg.din_svg(
        strategisch,
        inspanningen,
        f"Doelen-inspanningennetwerk van {contract.programma}",
        samenvatting,
    )
    rijen: list[tuple[str, str, list[str]]] = []
    for sd in contract.strategische_doelen:
        direct = [i.titel for i in contract.inspanningen if sd.id in i.doelen]
        if direct:
            zelf = (
                "(het doel zelf)" if contract.doelniveaus == 1 else "(het strategische doel zelf)"
            )
            rijen.append((labels[sd.id], zelf, direct))
        for od in sd.operationele_doelen:
            bij = [i.titel for i in contract.inspanningen if od.id in i.doelen]
            rijen.append((labels[sd.id], f"{od.id}. {od.titel}", bij))
    los = [i.titel for i in contract.inspanningen if not any(d in labels for d in i.doelen)]
    return DinView(drawing, _mermaid(contract, labels), rijen, los, samenvatting)


def _telwoord(n: int, enkelvoud: str, meervoud: str) -> str:
    return fmt.hoeveel(n, enkelvoud, meervoud)


def _mermaid_label(text: str) -> str:
    # A backtick could end the Markdown fence around the diagram; Mermaid's own entity keeps it.
    replacements = {
        "&": "#amp;",
        '"': "#quot;",
        "<": "#lt;",
        ">": "#gt;",
        "#": "#35;",
        "`": "#96;",
    }
    out = "".join(replacements.get(ch, ch) for ch in " ".join(text.split()))
    return out


def _mermaid(contract: Contract, labels: dict[str, str]) -> str:
    """The network as a Mermaid flowchart; node names are generated, labels are escaped."""
    namen: dict[str, str] = {}
    lines = ["flowchart LR"]
    for n, sd in enumerate(contract.strategische_doelen, 1):
        namen[sd.id] = f"sd{n}"
        lines.append(f'  sd{n}["{_mermaid_label(labels[sd.id])}"]')
    teller = 0
    for sd in contract.strategische_doelen:
        for od in sd.operationele_doelen:
            if od.id not in namen:
                teller += 1
                namen[od.id] = f"od{teller}"
                lines.append(f'  od{teller}["{_mermaid_label(labels[od.id])}"]')
            lines.append(f"  {namen[sd.id]} --> {namen[od.id]}")
    for n, ins in enumerate(contract.inspanningen, 1):
        lines.append(f'  ins{n}(["{_mermaid_label(ins.titel)}"])')
        for doel in ins.doelen:
            if doel in namen:
                lines.append(f"  {namen[doel]} --- ins{n}")
    return "\n".join(lines)


def _statussen(voortgang: ProgrammeProgress | None) -> list[tuple[str, int]]:
    from programmatool.progress.statuses import count_statuses

    if voortgang is None:
        return []
    return list(count_statuses(iv.status for iv in voortgang.indicatoren).items())


def _voortgang(
    contract: Contract, jaar: int | None, drempels: Thresholds = DEFAULT_THRESHOLDS
) -> ProgrammeProgress | None:
    from programmatool.progress.rollup import contract_progress

    return contract_progress(contract, jaar, drempels)


def build_document(
    contract: Contract,
    bestand: str,
    formaat: str,
    jaar: int | None = None,
    namen: dict[str, str] | None = None,
    portfolio: bool = False,
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
) -> Document:
    """The view-model of one contract document (``jaar`` set: the annual account of that year);
    ``drempels`` are the thresholds in force (from ``drempels_bron``, None: the defaults)."""
    voortgang = _voortgang(contract, jaar, drempels)
    faults = figure_faults(contract)

    def uitleg(views: Iterable[IndicatorView]) -> Legenda | None:
        return legenda_voor([v.status for v in views], drempels, drempels_bron)

    plaats = {id(x): n for n, x in enumerate(contract.inspanningen)}
    plaats.update({id(x): n for n, x in enumerate(contract.indicatoren)})
    per_indicator: dict[int, IndicatorProgress] = {}
    if voortgang is not None:
        for iv in voortgang.indicatoren:
            per_indicator[id(iv.indicator)] = iv
    periode_jaren = contract.periode.jaren()  # none while a bound is 'onbekend'

    def indicator(ind: Indicator, prefix: str) -> IndicatorView:
        # The contract document shows every year the indicator has a target or a measurement,
        # also before or after the programme's period; the annual account shows its own year.
        if jaar is not None:
            jaren = [jaar]
        else:
            jaren = sorted(
                set(periode_jaren)
                | set(ind.streefwaarden)
                | set(ind.realisaties)
                | _vergelijkingsjaren(ind)
            )
        fouten = under(faults, ("indicatoren", plaats[id(ind)]))
        return _indicator_view(ind, jaren, per_indicator.get(id(ind)), prefix, fouten)

    labels = {sd.id: f"{sd.id}. {sd.titel}" for sd in contract.strategische_doelen}
    for od in contract.operationele_doelen():
        labels.setdefault(od.id, f"{od.id}. {od.titel}")
    geplaatst: set[int] = set()
    ankers: dict[int, InspanningView] = {}

    def inspanning(i: Inspanning, waar: str) -> InspanningView:
        view = _inspanning_view(i, jaar, under(faults, ("inspanningen", plaats[id(i)])))
        view.doelen = [labels.get(d, d) for d in i.doelen]
        eerste = ankers.get(id(i))
        if eerste is None:
            anker = f"inspanning-{i.id}"
            while anker in {v.anker for v in ankers.values()}:
                anker += "-"
            view.anker, view.beschreven_bij, view.volledig = anker, waar, True
            ankers[id(i)] = view
        else:
            view.anker, view.beschreven_bij = eerste.anker, eerste.beschreven_bij
        return view

    def in_document(i: Inspanning) -> bool:
        # In an annual account, an effort is work of that year only when its planning says so.
        # An effort with a record of how it went that year is reported too.
        return jaar is None or _in_jaar(i, jaar) or jaar in i.uitvoering

    doelen: list[StrategischView] = []
    for sd in contract.strategische_doelen:
        ods = []
        od_ids = {od.id for od in sd.operationele_doelen}
        for od in sd.operationele_doelen:
            inds = []
            for ind in contract.indicatoren:
                if ind.doel == od.id and id(ind) not in geplaatst:
                    geplaatst.add(id(ind))
                    inds.append(indicator(ind, f"ind-{sd.id}-{od.id}"))
            ods.append(
                OperationeelView(
                    od, inds, od.verantwoording.get(jaar) if jaar is not None else None
                )
            )
        eigen = []
        for ind in contract.indicatoren:
            if ind.doel == sd.id and id(ind) not in geplaatst:
                geplaatst.add(id(ind))
                eigen.append(indicator(ind, f"ind-{sd.id}"))
        inspanningen = [
            inspanning(i, f"strategisch doel {sd.id}")
            for i in contract.inspanningen
            if (sd.id in i.doelen or od_ids.intersection(i.doelen)) and in_document(i)
        ]
        doelen.append(
            StrategischView(
                sd,
                ods,
                inspanningen,
                sd.verantwoording.get(jaar) if jaar is not None else None,
                eigen,
                uitleg([*eigen, *(v for o in ods for v in o.indicatoren)]),
            )
        )
    losse_inspanningen = [
        inspanning(i, "inspanningen zonder doel")
        for i in contract.inspanningen
        if not any(d in labels for d in i.doelen) and in_document(i)
    ]
    losse_indicatoren = [
        indicator(ind, "ind-los") for ind in contract.indicatoren if id(ind) not in geplaatst
    ]
    zonder_planning = (
        [
            _inspanning_view(i, jaar, under(faults, ("inspanningen", plaats[id(i)])))
            for i in contract.inspanningen
            if not i.planning
        ]
        if jaar is not None
        else []
    )
    middelen = contract.middelen
    begrotingen = (
        [
            _begroting_view(b, jaar, under(faults, ("middelen", "begrotingen", n)))
            for n, b in enumerate(middelen.begrotingen)
        ]
        if middelen
        else []
    )
    overige: list[Rij] = []
    spreidingen: list[BegrotingView] = []
    if middelen:
        for o in middelen.overige:
            if o.bedrag is None:
                bedrag = "p.m."
            elif o.bedrag_tot is not None:
                bedrag = (
                    f"{fmt.bedrag(o.bedrag, o.eenheid)} tot {fmt.bedrag(o.bedrag_tot, o.eenheid)}"
                )
            else:
                bedrag = fmt.bedrag(o.bedrag, o.eenheid)
            if o.eenheid == "duizend_euro":
                bedrag += " (× € 1.000)"
            soort = {"ongedekt": "nog niet gedekt"}.get(o.soort, o.soort)
            overige.append(
                Rij(
                    o.omschrijving,
                    [bedrag, str(o.jaar) if o.jaar else "–", soort, o.toelichting or ""],
                )
            )
        for n, s in enumerate(middelen.spreidingen):
            fouten = under(faults, ("middelen", "spreidingen", n))
            # A year whose amount does not fit its percentage, a total the amounts do not reach,
            # percentages that do not make 100 %, a negative figure: marked with * and said in
            # words below.
            base = ("middelen", "spreidingen", n)
            totaal_fout = marked(faults, (*base, "totaal"))
            procenten_fout = (*base, "jaren") in faults

            def ster(pad: tuple[str | int, ...]) -> str:
                return " *" if marked(faults, pad) else ""

            spreidingen.append(
                BegrotingView(
                    titel=s.omschrijving,
                    bijschrift=fmt.eenheid_bijschrift(s.eenheid),
                    jaren=["Percentage" + (" *" if procenten_fout else ""), "Bedrag"],
                    regels=[
                        Rij(
                            str(j),
                            [
                                fmt.percentage(sj.percentage)
                                + ster((*base, "jaren", j, "percentage")),
                                (fmt.bedrag(sj.bedrag, s.eenheid) if sj.bedrag is not None else "–")
                                + ster((*base, "jaren", j, "bedrag")),
                            ],
                        )
                        for j, sj in sorted(s.jaren.items())
                    ],
                    totalen=None,
                    som=None,
                    extra=[],
                    opmerkingen=[f"{m} ({c})." for _p, c, m in fouten],
                    toelichting=s.toelichting,
                    totaal=(
                        fmt.bedrag(s.totaal, s.eenheid) + (" *" if totaal_fout else "")
                        if s.totaal is not None
                        else None
                    ),
                )
            )
    capaciteit = []
    for n, c in enumerate(contract.capaciteit):
        cellen = []
        for veld in ("uren_per_week", "uren_totaal", "uren"):
            u = getattr(c, veld)
            tekst = fmt.uren(u.van, u.tot) if u is not None else "–"
            cellen.append(tekst + (" *" if marked(faults, ("capaciteit", n, veld)) else ""))
        capaciteit.append(Rij(c.rol, [*cellen, c.toelichting or ""]))
    capaciteit_opmerkingen = [f"{m} ({code})." for _p, code, m in under(faults, ("capaciteit",))]
    namen = namen or {}
    relaties = [
        RelatieView(
            r.programma or "",
            relatie_naam(r, namen),
            f"{r.programma}.{formaat}" if r.programma in namen and not r.extern else None,
            r.toelichting,
        )
        for r in contract.relaties
    ]
    suffix = f"-verantwoording-{jaar}" if jaar is not None else ""
    return Document(
        contract=contract,
        bestand=bestand,
        versie=__version__,
        formaat=formaat,
        jaar=jaar,
        titelblok=_titelblok(contract),
        periode=_periode(contract),
        doelen=doelen,
        din=_din_view(contract),
        begrotingen=begrotingen,
        overige_middelen=overige,
        spreidingen=spreidingen,
        capaciteit=capaciteit,
        capaciteit_opmerkingen=capaciteit_opmerkingen,
        relaties=relaties,
        statussen=_statussen(voortgang),
        status_programma=voortgang.status if voortgang is not None else "",
        bestandsnaam=f"{contract.code}{suffix}.{formaat}",
        portfolio=portfolio,
        losse_inspanningen=losse_inspanningen,
        losse_indicatoren=losse_indicatoren,
        losse_legenda=uitleg(losse_indicatoren),
        zonder_planning=zonder_planning,
        dekking=_dekking(voortgang),
        kaart=programmakaart(contract, voortgang, drempels, drempels_bron),
    )


def _dekking(voortgang: ProgrammeProgress | None) -> str:
    from programmatool.progress.results import coverage_text

    if voortgang is None or not voortgang.aantal:
        return ""
    return coverage_text(voortgang.gemeten, voortgang.aantal, voortgang.zonder_indicator)


def _hoofdbegroting(contract: Contract) -> Begroting | None:
    if contract.middelen is None:
        return None
    for b in contract.middelen.begrotingen:
        if b.eenheid in ("euro", "duizend_euro"):
            return b
    return None


class PortfolioBron(Protocol):
    """What the portfolio page needs of each programme's document."""

    @property
    def contract(self) -> Contract: ...
    @property
    def bestandsnaam(self) -> str: ...
    @property
    def periode(self) -> str: ...
    @property
    def statussen(self) -> list[tuple[str, int]]: ...
    @property
    def status_programma(self) -> str: ...
    @property
    def status_uitleg(self) -> str: ...


@dataclass(frozen=True)
class DocumentSamenvatting:
    """The part of a rendered document the portfolio page uses (sent back by workers)."""

    contract: Contract
    bestandsnaam: str
    periode: str
    statussen: list[tuple[str, int]]
    status_programma: str
    #: On which measurements the status rests and how many indicators were measured.
    status_uitleg: str = ""


def _jaarbedragen(begroting: Begroting) -> dict[int, int | float]:
    """A table's amount per year in euro: the printed total, else the sum of its lines."""
    factor = 1000 if begroting.eenheid == "duizend_euro" else 1
    bedragen = {**begroting.som_per_jaar(), **begroting.totalen}
    return {j: v * factor for j, v in sorted(bedragen.items())}


def _overig_bedrag(bedrag: int | float | None, tot: int | float | None, eenheid: str) -> str:
    if bedrag is None:
        return "p.m."
    tekst = fmt.bedrag_in_euro(bedrag, eenheid)
    return f"{tekst} tot {fmt.bedrag_in_euro(tot, eenheid)}" if tot is not None else tekst


def _overige_in_woorden(contract: Contract) -> list[str]:
    """What the portfolio page says of the money a contract names outside its yearly table."""
    middelen = contract.middelen
    if middelen is None:
        return []
    regels = []
    for o in middelen.overige:
        soort = {"ongedekt": "nog niet gedekt", "overig": ""}.get(o.soort, o.soort)
        details = ", ".join(d for d in (soort, str(o.jaar) if o.jaar else "") if d)
        bedrag = _overig_bedrag(o.bedrag, o.bedrag_tot, o.eenheid)
        regels.append(f"{o.omschrijving}: {bedrag}" + (f" ({details})" if details else ""))
    for sp in middelen.spreidingen:
        jaren = sorted(sp.jaren)
        over = f" over {jaren[0]}–{jaren[-1]}" if jaren else ""
        totaal = fmt.bedrag_in_euro(sp.totaal, sp.eenheid) if sp.totaal is not None else "p.m."
        regels.append(f"{sp.omschrijving}: {totaal}{over}")
    return regels


def _gemarkeerd(
    cellen: list[str],
    jaren: list[int],
    faults: Faults,
    pad: tuple[str | int, ...],
    programma: str,
    fouten: list[str],
) -> list[str]:
    """Cells per year with a * where check finds the printed figure wrong; says so in ``fouten``."""
    fout = under(faults, pad)
    fouten.extend(f"{programma}: {m} ({code})." for _p, code, m in fout)
    jaren_fout = {p[len(pad)] for p, _c, _m in fout if len(p) > len(pad)}
    return [t + (" *" if j in jaren_fout else "") for t, j in zip(cellen, jaren, strict=True)]


def build_portfolio(
    documenten: Sequence[PortfolioBron],
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
) -> PortfolioView:
    """The view-model of the portfolio page from the documents of all programmes."""
    per_programma: list[tuple[Begroting | None, dict[int, int | float]]] = []
    jaarset: set[int] = set()
    uren = False
    for d in documenten:
        hoofd = _hoofdbegroting(d.contract)
        bedragen: dict[int, int | float] = {}
        if hoofd is not None:
            bedragen = dict(hoofd.totalen) if hoofd.totalen else hoofd.som_per_jaar()
        per_programma.append((hoofd, bedragen))
        jaarset.update(d.contract.periode.jaren())
        for b in d.contract.middelen.begrotingen if d.contract.middelen else []:
            if b.eenheid == "uren":
                uren = True
            else:
                jaarset.update(b.jaren())
    # The full range of years the programmes run or hold money for.
    jaren = list(range(min(jaarset), max(jaarset) + 1)) if jaarset else []
    totaal: dict[int, float] = {}
    ongedekt_totaal: dict[int, float] = {}
    fouten: list[str] = []

    def cellen(data: dict[int, int | float]) -> list[str]:
        return [fmt.bedrag(data[j]) if j in data else "–" for j in jaren]

    regels = []
    for d, (hoofd, bedragen) in zip(documenten, per_programma, strict=True):
        c = d.contract
        rijen: list[PortfolioBedragen] = []
        ongedekt: dict[int, float] = {}
        faults = figure_faults(c)

        for n, b in enumerate(c.middelen.begrotingen if c.middelen else []):
            if b.eenheid == "uren":
                continue
            per_jaar = _jaarbedragen(b)
            soort = "hoofd" if b is hoofd else "ander"
            pad: tuple[str | int, ...] = ("middelen", "begrotingen", n, "totalen")
            rij = _gemarkeerd(cellen(per_jaar), jaren, faults, pad, c.programma, fouten)
            rijen.append(PortfolioBedragen(b.titel, rij, soort))
            if b is hoofd:
                for j, v in per_jaar.items():
                    totaal[j] = totaal.get(j, 0) + v
            factor = 1000 if b.eenheid == "duizend_euro" else 1
            for r in b.regels:
                if not r.gedekt:
                    for j, v in r.bedragen.items():
                        ongedekt[j] = ongedekt.get(j, 0) + v * factor
        for n, sp in enumerate(c.middelen.spreidingen if c.middelen else []):
            if sp.eenheid == "uren":
                continue
            factor = 1000 if sp.eenheid == "duizend_euro" else 1
            per_jaar = {
                j: sj.bedrag * factor for j, sj in sp.jaren.items() if sj.bedrag is not None
            }
            eerste = hoofd is None and not any(r.soort == "hoofd" for r in rijen)
            pad = ("middelen", "spreidingen", n, "jaren")
            rij = _gemarkeerd(cellen(per_jaar), jaren, faults, pad, c.programma, fouten)
            rijen.append(PortfolioBedragen(sp.omschrijving, rij, "hoofd" if eerste else "ander"))
            if eerste:
                for j, v in per_jaar.items():
                    totaal[j] = totaal.get(j, 0) + v
        if ongedekt:
            rijen.append(PortfolioBedragen("waarvan nog niet gedekt", cellen(ongedekt), "ongedekt"))
            for j, v in ongedekt.items():
                ongedekt_totaal[j] = ongedekt_totaal.get(j, 0) + v
        ongedekt_overig = []
        for o in c.middelen.overige if c.middelen else []:
            bedrag = overig_bedrag(o)
            extra = [
                {"ongedekt": "nog niet van dekking voorzien", "fonds": "fonds"}.get(o.soort, ""),
                str(o.jaar) if o.jaar else "",
            ]
            uitleg = ", ".join(e for e in extra if e)
            ongedekt_overig.append(
                f"{o.omschrijving}: {bedrag}" + (f" ({uitleg})" if uitleg else "")
            )
        regels.append(
            PortfolioRegel(
                naam=c.programma,
                code=c.code,
                link=d.bestandsnaam,
                periode=d.periode,
                status=STATUS_WOORDEN[c.status],
                begroting=[
                    fmt.bedrag_in_euro(bedragen[j], hoofd.eenheid)
                    if hoofd and j in bedragen
                    else "–"
                    for j in jaren
                ],
                begroting_titel=hoofd.titel if hoofd else "",
                statussen=d.statussen,
                samenvatting=d.status_programma,
                portefeuillehouder=", ".join(p.naam for p in c.rollen.bestuurlijk_opdrachtgevers),
                status_uitleg=d.status_uitleg,
                bedragen=rijen,
                ongedekt_overig=ongedekt_overig,
                overige=_overige_in_woorden(c),
            )
        )
    namen = {d.contract.code: d.contract.programma for d in documenten}
    links = {d.contract.code: d.bestandsnaam for d in documenten}
    relaties = [
        (
            d.contract.programma,
            d.bestandsnaam,
            relatie_naam(r, namen),
            None if r.extern or r.programma is None else links.get(r.programma),
            r.toelichting,
        )
        for d in documenten
        for r in d.contract.relaties
    ]
    groepen: list[tuple[str, str, list[tuple[str, str | None]]]] = []
    for d in documenten:
        if d.contract.relaties:
            doelen = sorted(
                {
                    (
                        relatie_naam(r, namen),
                        None if r.extern or r.programma is None else links.get(r.programma),
                    )
                    for r in d.contract.relaties
                },
                key=lambda item: (item[0], item[1] or ""),
            )
            groepen.append((d.contract.programma, d.bestandsnaam, doelen))
    return PortfolioView(
        programmas=regels,
        jaren=jaren,
        relaties=relaties,
        versie=__version__,
        gemeenten=sorted({d.contract.gemeente for d in documenten}),
        totalen=[fmt.bedrag(totaal[j]) if j in totaal else "–" for j in jaren],
        ongedekt=(
            [fmt.bedrag(ongedekt_totaal[j]) if j in ongedekt_totaal else "–" for j in jaren]
            if ongedekt_totaal
            else []
        ),
        relatiegroepen=groepen,
        uren_weggelaten=uren,
        fouten=fouten,
        legenda=legenda_voor(
            [
                *(r.samenvatting for r in regels if r.samenvatting),
                *(woord for r in regels for woord, _ in r.statussen),
            ],
            drempels,
            drempels_bron,
            "Onder de status van een programma staat op metingen over welk jaar die rust en "
            "hoeveel indicatoren gemeten zijn.",
        ),
    )
