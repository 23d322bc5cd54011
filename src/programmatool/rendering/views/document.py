"""The view model of one contract document or annual account: its title block, goals with their
indicators and efforts, the network, money, capacity and relations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from programmatool._version import __version__
from programmatool.model.contract import (
    Contract,
    Indicator,
    Inspanning,
    OperationeelDoel,
    StrategischDoel,
)
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.rendering.card import Legenda, Programmakaart, legenda_voor, programmakaart
from programmatool.rendering.faults import figure_faults, under
from programmatool.rendering.views.common import STATUS_WOORDEN, Rij, people, relatie_naam
from programmatool.rendering.views.din import DinView, din_view, goal_anchors, goal_labels
from programmatool.rendering.views.efforts import (
    InspanningView,
    effort_anchors,
    effort_view,
    planned_in,
)
from programmatool.rendering.views.indicators import (
    IndicatorView,
    comparison_years,
    indicator_view,
)
from programmatool.rendering.views.money import (
    BegrotingView,
    budget_views,
    capacity_rows,
    other_money_rows,
    spread_views,
)
from programmatool.text import formatting as fmt

if TYPE_CHECKING:
    from programmatool.progress.results import IndicatorProgress, ProgrammeProgress


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

    def inspanning_namen(self, ids: Iterable[str]) -> str:
        """Efforts named by their title ("–" for none): a document shows no ids."""
        titels = {i.id: i.titel for i in self.contract.inspanningen}
        return "; ".join(titels.get(i, i) for i in ids) or "–"

    @property
    def status_uitleg(self) -> str:
        """On which measurements the status rests (for the portfolio page)."""
        return self.kaart.status_uitleg if self.kaart is not None else ""


def title_block(contract: Contract) -> list[tuple[str, str]]:
    """The label–value rows at the top of a document."""
    rows = [
        ("Programma", contract.programma),
        ("Gemeente", contract.gemeente),
        ("Periode", contract.periode.tekst()),
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
    rows.append((label, people(opdrachtgevers)))
    if contract.rollen.ambtelijk_opdrachtgever:
        rows.append(("Ambtelijk opdrachtgever", people([contract.rollen.ambtelijk_opdrachtgever])))
    if contract.rollen.programmamanager:
        rows.append(("Programmamanager", people([contract.rollen.programmamanager])))
    for rol in contract.rollen.overige:
        if rol.personen:
            rows.append((rol.rol[:1].upper() + rol.rol[1:], people(rol.personen)))
    return rows


class _Goals:
    """Builds the goals chapter: every indicator placed once, every effort described in full
    once (at its first goal) and referred to elsewhere."""

    def __init__(
        self,
        contract: Contract,
        jaar: int | None,
        voortgang: ProgrammeProgress | None,
        legend: Any,
    ) -> None:
        self.contract, self.jaar, self.legend = contract, jaar, legend
        self.faults = figure_faults(contract)
        self.position = {id(x): n for n, x in enumerate(contract.inspanningen)}
        self.position.update({id(x): n for n, x in enumerate(contract.indicatoren)})
        self.progress: dict[int, IndicatorProgress] = {}
        if voortgang is not None:
            for iv in voortgang.indicatoren:
                self.progress[id(iv.indicator)] = iv
        self.period_years = contract.periode.jaren()  # none while a bound is 'onbekend'
        self.labels = goal_labels(contract)
        self.goal_anchors = goal_anchors(contract)
        self.effort_anchors = effort_anchors(contract.inspanningen)
        self.placed: set[int] = set()
        self.anchors: dict[int, InspanningView] = {}

    def indicator(self, ind: Indicator, prefix: str) -> IndicatorView:
        # The contract document shows every year the indicator has a target or a measurement,
        # also before or after the programme's period; the annual account shows its own year.
        if self.jaar is not None:
            jaren = [self.jaar]
        else:
            jaren = sorted(
                set(self.period_years)
                | set(ind.streefwaarden)
                | set(ind.realisaties)
                | comparison_years(ind)
            )
        fouten = under(self.faults, ("indicatoren", self.position[id(ind)]))
        return indicator_view(ind, jaren, self.progress.get(id(ind)), prefix, fouten)

    def effort(self, i: Inspanning, where: str | None = None) -> InspanningView:
        """The effort's view; with ``where`` it is placed, in full the first time."""
        fouten = under(self.faults, ("inspanningen", self.position[id(i)]))
        view = effort_view(i, self.jaar, fouten)
        if where is None:
            return view
        view.doelen = [self.labels.get(d, d) for d in i.doelen]
        view.doel_links = [
            (d, "#" + self.goal_anchors[d]) for d in i.doelen if d in self.goal_anchors
        ]
        first = self.anchors.get(id(i))
        if first is None:
            view.anker, view.beschreven_bij, view.volledig = self.effort_anchors[id(i)], where, True
            self.anchors[id(i)] = view
        else:
            view.anker, view.beschreven_bij = first.anker, first.beschreven_bij
        return view

    def in_document(self, i: Inspanning) -> bool:
        # In an annual account, an effort is work of that year only when its planning says so.
        # An effort with a record of how it went that year is reported too.
        return self.jaar is None or planned_in(i, self.jaar) or self.jaar in i.uitvoering

    def _indicators_of(self, goal_id: str, prefix: str) -> list[IndicatorView]:
        views = []
        for ind in self.contract.indicatoren:
            if ind.doel == goal_id and id(ind) not in self.placed:
                self.placed.add(id(ind))
                views.append(self.indicator(ind, prefix))
        return views

    def _account(self, goal: StrategischDoel | OperationeelDoel) -> Any:
        return goal.verantwoording.get(self.jaar) if self.jaar is not None else None

    def strategic(self, sd: StrategischDoel) -> StrategischView:
        ods = [
            OperationeelView(
                od, self._indicators_of(od.id, f"ind-{sd.id}-{od.id}"), self._account(od)
            )
            for od in sd.operationele_doelen
        ]
        own = self._indicators_of(sd.id, f"ind-{sd.id}")
        od_ids = {od.id for od in sd.operationele_doelen}
        efforts = [
            self.effort(i, f"strategisch doel {sd.id}")
            for i in self.contract.inspanningen
            if (sd.id in i.doelen or od_ids.intersection(i.doelen)) and self.in_document(i)
        ]
        return StrategischView(
            sd,
            ods,
            efforts,
            self._account(sd),
            own,
            self.legend([*own, *(v for o in ods for v in o.indicatoren)]),
        )

    def without_goal(self) -> list[InspanningView]:
        return [
            self.effort(i, "inspanningen zonder doel")
            for i in self.contract.inspanningen
            if not any(d in self.labels for d in i.doelen) and self.in_document(i)
        ]

    def loose_indicators(self) -> list[IndicatorView]:
        return [
            self.indicator(ind, "ind-los")
            for ind in self.contract.indicatoren
            if id(ind) not in self.placed
        ]

    def without_planning(self) -> list[InspanningView]:
        if self.jaar is None:
            return []
        return [self.effort(i) for i in self.contract.inspanningen if not i.planning]


def _relations(contract: Contract, namen: dict[str, str], formaat: str) -> list[RelatieView]:
    return [
        RelatieView(
            r.programma or "",
            relatie_naam(r, namen),
            f"{r.programma}.{formaat}" if r.programma in namen and not r.extern else None,
            r.toelichting,
        )
        for r in contract.relaties
    ]


def _coverage(voortgang: ProgrammeProgress | None) -> str:
    if voortgang is None or not voortgang.aantal:
        return ""
    dekking = voortgang.dekking
    if dekking.deeloordeel is not None:  # too thin: the verdict on what was judged beside it
        return f"wat beoordeeld is: {dekking.deeloordeel}; {dekking.tekst}"
    return dekking.tekst


def _status_counts(voortgang: ProgrammeProgress | None) -> list[tuple[str, int]]:
    from programmatool.progress.statuses import count_statuses

    if voortgang is None:
        return []
    return list(count_statuses(iv.status for iv in voortgang.indicatoren).items())


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
    from programmatool.progress.rollup import contract_progress

    voortgang = contract_progress(contract, jaar, drempels)

    def legend(views: Iterable[IndicatorView]) -> Legenda | None:
        return legenda_voor([v.status for v in views], drempels, drempels_bron)

    goals = _Goals(contract, jaar, voortgang, legend)
    doelen = [goals.strategic(sd) for sd in contract.strategische_doelen]
    losse_inspanningen = goals.without_goal()
    losse_indicatoren = goals.loose_indicators()
    capaciteit, capaciteit_opmerkingen = capacity_rows(contract, goals.faults)
    suffix = f"-verantwoording-{jaar}" if jaar is not None else ""
    return Document(
        contract=contract,
        bestand=bestand,
        versie=__version__,
        formaat=formaat,
        jaar=jaar,
        titelblok=title_block(contract),
        periode=contract.periode.tekst(),
        doelen=doelen,
        din=din_view(contract),
        begrotingen=budget_views(contract, jaar, goals.faults),
        overige_middelen=other_money_rows(contract.middelen),
        spreidingen=spread_views(contract.middelen, goals.faults),
        capaciteit=capaciteit,
        capaciteit_opmerkingen=capaciteit_opmerkingen,
        relaties=_relations(contract, namen or {}, formaat),
        statussen=_status_counts(voortgang),
        status_programma=voortgang.status if voortgang is not None else "",
        bestandsnaam=f"{contract.code}{suffix}.{formaat}",
        portfolio=portfolio,
        losse_inspanningen=losse_inspanningen,
        losse_indicatoren=losse_indicatoren,
        losse_legenda=legend(losse_indicatoren),
        zonder_planning=goals.without_planning(),
        dekking=_coverage(voortgang),
        kaart=programmakaart(contract, voortgang, drempels, drempels_bron),
    )
