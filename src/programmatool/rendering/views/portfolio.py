"""The view model of the portfolio page: every programme with its status and money, the totals,
and the relations between programmes."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from pydantic import BaseModel

from programmatool._version import __version__
from programmatool.model.contract import Contract, Relatie
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.rendering.card import Legenda, legenda_voor
from programmatool.rendering.costs import (
    PortfolioGeld,
    ProgrammaGeld,
    portfolio_deel,
    portfolio_geld,
)
from programmatool.rendering.faults import figure_faults
from programmatool.rendering.views.common import STATUS_WOORDEN, relatie_naam
from programmatool.rendering.views.money import (
    PortfolioBedragen,
    portfolio_money,
    portfolio_years,
)
from programmatool.text import formatting as fmt

_M = TypeVar("_M", bound=BaseModel)


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


#: A relation on the page: programme, its file, related programme, its file, explanation.
Relation = tuple[str, str, str, str | None, str | None]
#: Per programme the programmes it relates to: (name, link, [(name, link or None)]).
RelationGroup = tuple[str, str, list[tuple[str, str | None]]]


@dataclass
class PortfolioView:
    """The portfolio page: every programme and the relations between them."""

    programmas: list[PortfolioRegel]
    jaren: list[int]
    relaties: list[Relation]
    versie: str
    gemeenten: list[str]
    #: Per year the sum of every programme's main table (as printed), and of what is uncovered.
    totalen: list[str] = field(default_factory=list)
    ongedekt: list[str] = field(default_factory=list)
    relatiegroepen: list[RelationGroup] = field(default_factory=list)
    uren_weggelaten: bool = False
    #: What ``check`` finds in the yearly figures the overview prints (those cells carry a *).
    fouten: list[str] = field(default_factory=list)
    #: What the statuses on the page mean (None when it shows no status).
    legenda: Legenda | None = None
    #: What all programmes cost: one row each and one total after them (rendering.costs).
    geld: PortfolioGeld | None = None


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


#: What the portfolio page reads of a contract: its names, status, period, roles, money (with
#: the efforts' amounts and the capacity that the figure rules read beside the tables) and
#: relations; of an effort, its id, title, goals and amounts.
PORTFOLIO_PAGE_FIELDS = frozenset(
    {
        "programma",
        "code",
        "gemeente",
        "status",
        "doelniveaus",
        "vastgesteld_op",
        "versie",
        "kenmerk",
        "periode",
        "rollen",
        "middelen",
        "inspanningen",
        "capaciteit",
        "relaties",
    }
)
_EFFORT_FIELDS = frozenset({"id", "titel", "doelen", "bedragen"})


def _only(model: _M, keep: frozenset[str]) -> _M:
    """``model`` with every field outside ``keep`` at its default (required fields stay)."""
    empty = {
        name: factory() if factory is not None else copy.deepcopy(default)
        for name, factory, default in _defaults(type(model))
        if name not in keep
    }
    return model.model_copy(update=empty)


@functools.cache
def _defaults(model: type[BaseModel]) -> tuple[tuple[str, Callable[[], Any] | None, Any], ...]:
    """Per optional field of ``model`` its default factory or its default. Pydantic's own
    ``get_default`` inspects the factory's signature on every call, which took a sixth of
    rendering a contract."""
    found: list[tuple[str, Callable[[], Any] | None, Any]] = []
    for name, info in model.model_fields.items():
        if info.is_required():
            continue
        factory = info.default_factory
        if factory is not None and info.default_factory_takes_validated_data:
            raise TypeError(f"{model.__name__}.{name}: a default from the other fields")
        found.append((name, cast("Callable[[], Any] | None", factory), info.default))
    return tuple(found)


def portfolio_part(contract: Contract) -> Contract:
    """``contract`` with only :data:`PORTFOLIO_PAGE_FIELDS`, every other field empty: what a
    render keeps of each programme for the portfolio page, a fraction of the whole contract
    (goals, indicators and texts are most of it). The page made from it is the page made from
    the whole contract (tested on every example)."""
    part = _only(contract, PORTFOLIO_PAGE_FIELDS)
    efforts = [_only(effort, _EFFORT_FIELDS) for effort in contract.inspanningen]
    return part.model_copy(update={"inspanningen": efforts})


@dataclass(frozen=True)
class _Eerst:
    """What the portfolio page needs of a programme before the portfolio's years are known."""

    programma: str
    code: str
    gemeente: str
    bestandsnaam: str
    relaties: tuple[Relatie, ...]
    jaren: frozenset[int]
    uren: bool
    geld: ProgrammaGeld

    @classmethod
    def van(cls, contract: Contract, bestandsnaam: str) -> _Eerst:
        jaren, uren = portfolio_years([contract])
        return cls(
            contract.programma,
            contract.code,
            contract.gemeente,
            bestandsnaam,
            tuple(contract.relaties),
            frozenset(jaren),
            uren,
            portfolio_deel(contract, bestandsnaam, figure_faults(contract)),
        )


def _relations(documenten: Sequence[_Eerst]) -> tuple[list[Relation], list[RelationGroup]]:
    namen = {d.code: d.programma for d in documenten}
    links = {d.code: d.bestandsnaam for d in documenten}

    def link(r: Relatie) -> str | None:
        return None if r.extern or r.programma is None else links.get(r.programma)

    relaties = [
        (d.programma, d.bestandsnaam, relatie_naam(r, namen), link(r), r.toelichting)
        for d in documenten
        for r in d.relaties
    ]
    groepen: list[RelationGroup] = []
    for d in documenten:
        if d.relaties:
            doelen = sorted(
                {(relatie_naam(r, namen), link(r)) for r in d.relaties},
                key=lambda item: (item[0], item[1] or ""),
            )
            groepen.append((d.programma, d.bestandsnaam, doelen))
    return relaties, groepen


def _per_year(totals: dict[int, float], jaren: list[int]) -> list[str]:
    return [fmt.bedrag(totals[j]) if j in totals else "–" for j in jaren]


def build_portfolio(
    documenten: Sequence[PortfolioBron],
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
) -> PortfolioView:
    """The view-model of the portfolio page from the documents of all programmes.

    Each document's contract is asked for twice, never all at once: first for what does not
    depend on the other programmes (its years, its money counted once, the figures check finds
    wrong, names and relations), then, once the portfolio's years are known, for its row. A
    render keeps its contracts compressed and unpacks one at a time, so the page of thousands
    of programmes needs little more memory than that of seven."""
    eerst = [_Eerst.van(d.contract, d.bestandsnaam) for d in documenten]
    years = {y for e in eerst for y in e.jaren}
    jaren = list(range(min(years), max(years) + 1)) if years else []
    uren = any(e.uren for e in eerst)
    totaal: dict[int, float] = {}
    ongedekt: dict[int, float] = {}
    fouten: list[str] = []
    regels = []
    for d, e in zip(documenten, eerst, strict=True):
        c = d.contract
        money = portfolio_money(c, jaren, e.geld.faults, fouten)
        for into, amounts in ((totaal, money.counted), (ongedekt, money.uncovered)):
            for j, v in amounts.items():
                into[j] = into.get(j, 0) + v
        regels.append(
            PortfolioRegel(
                naam=c.programma,
                code=c.code,
                link=d.bestandsnaam,
                periode=d.periode,
                status=STATUS_WOORDEN[c.status],
                begroting=money.begroting,
                begroting_titel=money.begroting_titel,
                statussen=d.statussen,
                samenvatting=d.status_programma,
                portefeuillehouder=", ".join(p.naam for p in c.rollen.bestuurlijk_opdrachtgevers),
                status_uitleg=d.status_uitleg,
                bedragen=money.bedragen,
                ongedekt_overig=money.ongedekt_overig,
                overige=money.overige,
            )
        )
    relaties, groepen = _relations(eerst)
    return PortfolioView(
        geld=portfolio_geld([e.geld for e in eerst]),
        programmas=regels,
        jaren=jaren,
        relaties=relaties,
        versie=__version__,
        gemeenten=sorted({e.gemeente for e in eerst}),
        totalen=_per_year(totaal, jaren),
        ongedekt=_per_year(ongedekt, jaren) if ongedekt else [],
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
