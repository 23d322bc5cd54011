"""Money as a document shows it: budget tables with remarks where a printed total does not add
up, other money and spreads, the capacity table, and each programme's money on the portfolio
page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from programmatool.model.contract import (
    Begroting,
    Begrotingsregel,
    Contract,
    Middelen,
    Spreiding,
    spending,
)
from programmatool.rendering.card import overig_bedrag
from programmatool.rendering.faults import Faults, marked, under
from programmatool.rendering.views.common import Fault, Rij, fault_sentences
from programmatool.text import formatting as fmt


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
    #: The budget after amendment per line and year (``gewijzigd``), where the source gives it.
    gewijzigd_jaren: list[str] = field(default_factory=list)
    gewijzigd: list[Rij] = field(default_factory=list)
    #: Per line with an explanation or efforts: (description, explanation, effort ids).
    regelnotities: list[tuple[str, str | None, list[str]]] = field(default_factory=list)
    #: In an annual account: the sentence that replaces a table without an amount that year.
    zonder_bedragen: str = ""


# --- budget tables ----------------------------------------------------------------------------


_SIGN_NOTE = "De bron drukt uitgaven met een minteken; de bedragen staan zoals gedrukt."


def _year_notes(begroting: Begroting, jaar: int | None, spent: bool) -> tuple[list[str], str]:
    """An annual account's notes on a table: nothing spent recorded, or no amount at all; and
    in every document how the source prints spending, when it prints it with a minus sign."""
    notes, sentence = _account_notes(begroting, jaar, spent)
    if begroting.teken == "uitgaven_negatief" and not any(n.startswith(_SIGN_NOTE) for n in notes):
        notes = [*notes, _SIGN_NOTE]
    return notes, sentence


def _account_notes(begroting: Begroting, jaar: int | None, spent: bool) -> tuple[list[str], str]:
    if jaar is None:
        return [], ""
    if not (
        jaar in begroting.totalen
        or jaar in begroting.beschikbaar
        or any(jaar in r.bedragen or jaar in r.besteed for r in begroting.regels)
    ):
        # A column of dashes says nothing; a sentence says the table holds nothing that year.
        return [], f"Deze tabel heeft geen bedragen voor {jaar}."
    if not spent:
        return [
            f"Over {jaar} legt het contract niet vast wat er is uitgegeven; "
            "daarom staat hier alleen wat begroot was."
        ], ""
    if begroting.teken == "uitgaven_negatief":
        return [
            f"{_SIGN_NOTE} Het verschil is gerekend als uitgaven: positief is meer uitgegeven "
            "dan begroot."
        ], ""
    return [], ""


def _remarks(begroting: Begroting, jaar: int | None, fouten: Sequence[Fault]) -> list[str]:
    """Every total that does not add up, and every other fault check reports in this table."""
    eenheid = begroting.eenheid
    opmerkingen: list[str] = []
    for year, (som, totaal) in begroting.afwijkingen().items():
        if jaar is not None and year != jaar:
            continue
        verschil = totaal - som
        opmerkingen.append(
            f"{year}: het gedrukte totaal is {fmt.bedrag(totaal, eenheid)}, maar de regels tellen "
            f"op tot {fmt.bedrag(som, eenheid)} (verschil {fmt.bedrag(verschil, eenheid)})."
        )
    # A grand total that fits neither the years nor the lines, a total without lines, a
    # negative amount, a year outside the period: named too, and the figure gets a *.
    opmerkingen.extend(
        fault_sentences(
            f for f in fouten if f[1] != "PT201" and (jaar is None or jaar in f[0] or len(f[0]) < 5)
        )
    )
    return opmerkingen


class _Cells:
    """Cells of one budget table, with a * where check finds the figure wrong."""

    def __init__(self, begroting: Begroting, fouten: Sequence[Fault]) -> None:
        self.eenheid = begroting.eenheid
        self.wrong_totals = {path[4] for path, _c, _m in fouten if path[3:4] == ("totalen",)}
        self.wrong_cells = {
            (path[4], path[6])
            for path, _c, _m in fouten
            if path[3:4] == ("regels",) and len(path) > 6
        }

    def amount(self, value: int | float | None) -> str:
        return "–" if value is None else fmt.bedrag(value, self.eenheid)

    def line(self, n: int, j: int, value: int | float | None) -> str:
        return self.amount(value) + (" *" if (n, j) in self.wrong_cells else "")


def _line_rows(
    begroting: Begroting, jaar: int | None, spent: bool, cells: _Cells
) -> tuple[list[str], list[Rij]]:
    """The column heads and one row per budget line."""
    if jaar is None:
        jaren = begroting.jaren()
        rows = [
            Rij(
                r.omschrijving + ("" if r.gedekt else " (nog niet gedekt)"),
                [cells.line(n, j, r.bedragen.get(j)) for j in jaren],
            )
            for n, r in enumerate(begroting.regels)
        ]
        return [str(j) for j in jaren], rows
    rows = []
    for n, r in enumerate(begroting.regels):
        begroot = r.bedragen.get(jaar)
        besteed = r.besteed.get(jaar)
        # The difference as spending (positive: more spent), also where the source prints
        # spending with a minus sign and its own 'Verschil' the other way round.
        t = begroting.teken
        over = (
            cells.amount(spending(besteed, t) - spending(begroot, t))
            if begroot is not None and besteed is not None
            else "–"
        )
        omschrijving = r.omschrijving + ("" if r.gedekt else " (nog niet gedekt)")
        planned = cells.line(n, jaar, begroot)
        rows.append(
            Rij(omschrijving, [planned, cells.amount(besteed), over] if spent else [planned])
        )
    heads = [f"Begroot {jaar}", f"Besteed {jaar}", "Verschil"] if spent else [f"Begroot {jaar}"]
    return heads, rows


def _total_rows(
    begroting: Begroting, jaren: list[int], jaar: int | None, spent: bool, cells: _Cells
) -> tuple[Rij | None, Rij | None, list[Rij]]:
    """The printed totals, the sum of the lines where it matters, and what is available."""
    afwijkingen = begroting.afwijkingen()
    padding = ["", ""] if spent else []
    totalen = None
    if begroting.totalen:
        waarden = [
            cells.amount(begroting.totalen.get(j))
            + (" *" if j in afwijkingen or j in cells.wrong_totals else "")
            for j in jaren
        ]
        totalen = Rij("Totaal (zoals gedrukt)", waarden + padding, "totaal")
    som_rij = None
    if any(j in afwijkingen for j in jaren) or (
        not begroting.totalen and len(begroting.regels) > 1
    ):
        sommen = begroting.som_per_jaar()
        waarden = [cells.amount(sommen.get(j)) for j in jaren]
        if spent:
            uitgegeven = [r.besteed[jaar] for r in begroting.regels if jaar in r.besteed]
            waarden += [cells.amount(sum(uitgegeven)) if uitgegeven else "–", ""]
        label = "Som van de regels" if begroting.totalen else "Totaal (som van de regels)"
        som_rij = Rij(label, waarden, "som")
    extra = []
    if begroting.beschikbaar:
        waarden = [cells.amount(begroting.beschikbaar.get(j)) for j in jaren]
        extra.append(Rij("Beschikbaar", waarden + padding))
    return totalen, som_rij, extra


def budget_view(
    begroting: Begroting,
    jaar: int | None = None,
    fouten: Sequence[Fault] = (),
    inspanningen: Mapping[str, str] | None = None,
) -> BegrotingView:
    """A budget table; ``fouten`` are the money rules' faults under it (see faults.py), and
    ``inspanningen`` the contract's efforts' titles by id: a line names the efforts it pays for
    by title, never by id."""
    titels = inspanningen or {}
    eenheid = begroting.eenheid
    jaren = [jaar] if jaar is not None else begroting.jaren()
    # Spending columns only when something was spent that year: a column of dashes says nothing.
    spent = jaar is not None and any(jaar in r.besteed for r in begroting.regels)
    noten, zonder_bedragen = _year_notes(begroting, jaar, spent)
    cells = _Cells(begroting, fouten)
    kop, regels = _line_rows(begroting, jaar, spent, cells)
    totalen, som_rij, extra = _total_rows(begroting, jaren, jaar, spent, cells)
    besteed_jaren = sorted({j for r in begroting.regels for j in r.besteed})
    besteed_rijen = (
        [
            Rij(r.omschrijving, [cells.amount(r.besteed.get(j)) for j in besteed_jaren])
            for r in begroting.regels
            if r.besteed
        ]
        if jaar is None
        else []
    )
    gewijzigd_jaren = sorted({j for r in begroting.regels for j in r.gewijzigd})
    gewijzigd_rijen = [
        Rij(r.omschrijving, [cells.amount(r.gewijzigd.get(j)) for j in gewijzigd_jaren])
        for r in begroting.regels
        if r.gewijzigd
    ]
    totaal_fout = any(path[3:4] == ("totaal",) for path, _c, _m in fouten)
    return BegrotingView(
        besteed_jaren=[str(j) for j in besteed_jaren] if besteed_rijen else [],
        besteed=besteed_rijen,
        gewijzigd_jaren=[str(j) for j in gewijzigd_jaren],
        gewijzigd=gewijzigd_rijen,
        regelnotities=[
            (r.omschrijving, _line_note(r), [f"'{titels.get(i, i)}'" for i in r.inspanningen])
            for r in begroting.regels
            if r.toelichting or r.toelichting_afwijking or r.inspanningen
        ],
        titel=begroting.titel,
        bijschrift=fmt.eenheid_bijschrift(eenheid),
        jaren=kop,
        regels=regels,
        totalen=totalen,
        som=som_rij,
        extra=extra,
        opmerkingen=_remarks(begroting, jaar, fouten),
        toelichting=begroting.toelichting,
        totaal=(
            fmt.bedrag_in_euro(begroting.totaal, eenheid) + (" *" if totaal_fout else "")
            if begroting.totaal is not None
            else None
        ),
        noten=noten,
        zonder_bedragen=zonder_bedragen,
    )


def budget_views(contract: Contract, jaar: int | None, faults: Faults) -> list[BegrotingView]:
    """Every budget table of the contract."""
    middelen = contract.middelen
    if middelen is None:
        return []
    titels = {i.id: i.titel for i in contract.inspanningen}
    return [
        budget_view(b, jaar, under(faults, ("middelen", "begrotingen", n)), titels)
        for n, b in enumerate(middelen.begrotingen)
    ]


# --- other money, spreads and capacity --------------------------------------------------------


def other_money_rows(middelen: Middelen | None) -> list[Rij]:
    """Money outside a yearly table (``middelen.overige``): one row each."""
    rows: list[Rij] = []
    for o in middelen.overige if middelen else []:
        if o.bedrag is None:
            bedrag = "p.m."
        elif o.bedrag_tot is not None:
            bedrag = f"{fmt.bedrag(o.bedrag, o.eenheid)} tot {fmt.bedrag(o.bedrag_tot, o.eenheid)}"
        else:
            bedrag = fmt.bedrag(o.bedrag, o.eenheid)
        if o.eenheid == "duizend_euro":
            bedrag += " (× € 1.000)"
        soort = {"ongedekt": "nog niet gedekt"}.get(o.soort, o.soort)
        rows.append(
            Rij(
                o.omschrijving, [bedrag, str(o.jaar) if o.jaar else "–", soort, o.toelichting or ""]
            )
        )
    return rows


def _spread_view(s: Spreiding, n: int, faults: Faults) -> BegrotingView:
    # A year whose amount does not fit its percentage, a total the amounts do not reach,
    # percentages that do not make 100 %, a negative figure: marked with * and said in words.
    base = ("middelen", "spreidingen", n)

    def star(pad: tuple[str | int, ...]) -> str:
        return " *" if marked(faults, pad) else ""

    return BegrotingView(
        titel=s.omschrijving,
        bijschrift=fmt.eenheid_bijschrift(s.eenheid),
        jaren=["Percentage" + (" *" if (*base, "jaren") in faults else ""), "Bedrag"],
        regels=[
            Rij(
                str(j),
                [
                    fmt.percentage(sj.percentage) + star((*base, "jaren", j, "percentage")),
                    (fmt.bedrag(sj.bedrag, s.eenheid) if sj.bedrag is not None else "–")
                    + star((*base, "jaren", j, "bedrag")),
                ],
            )
            for j, sj in sorted(s.jaren.items())
        ],
        totalen=None,
        som=None,
        extra=[],
        opmerkingen=fault_sentences(under(faults, base)),
        toelichting=s.toelichting,
        totaal=(
            fmt.bedrag(s.totaal, s.eenheid) + star((*base, "totaal"))
            if s.totaal is not None
            else None
        ),
    )


def spread_views(middelen: Middelen | None, faults: Faults) -> list[BegrotingView]:
    """Every spread of an amount over years (``middelen.spreidingen``)."""
    return [
        _spread_view(s, n, faults) for n, s in enumerate(middelen.spreidingen if middelen else [])
    ]


def capacity_rows(contract: Contract, faults: Faults) -> tuple[list[Rij], list[str]]:
    """The capacity table (hours per role) and what check finds in its hours."""
    rows = []
    for n, c in enumerate(contract.capaciteit):
        cellen = []
        for veld in ("uren_per_week", "uren_totaal", "uren"):
            u = getattr(c, veld)
            tekst = fmt.uren(u.van, u.tot) if u is not None else "–"
            cellen.append(tekst + (" *" if marked(faults, ("capaciteit", n, veld)) else ""))
        rows.append(Rij(c.rol, [*cellen, c.toelichting or ""]))
    return rows, fault_sentences(under(faults, ("capaciteit",)))


# --- the portfolio page -----------------------------------------------------------------------


@dataclass
class PortfolioBedragen:
    """One row of the portfolio's budget overview: a table of a programme, per year in euro."""

    titel: str
    cellen: list[str]
    #: "hoofd" (counted in the totals), "ander" (another table of the same programme, shown
    #: but not counted: it may divide the same money differently) or "ongedekt".
    soort: str


@dataclass
class PortfolioMoney:
    """A programme's money on the portfolio page, and what of it counts in the page's totals."""

    begroting: list[str]
    begroting_titel: str
    bedragen: list[PortfolioBedragen]
    ongedekt_overig: list[str]
    overige: list[str]
    #: Per year in euro: what counts in the portfolio's total, and what is not yet covered.
    counted: dict[int, float] = field(default_factory=dict)
    uncovered: dict[int, float] = field(default_factory=dict)


def main_budget(contract: Contract) -> Begroting | None:
    """The programme's first table in euro: the one the portfolio counts."""
    if contract.middelen is None:
        return None
    for b in contract.middelen.begrotingen:
        if b.eenheid in ("euro", "duizend_euro"):
            return b
    return None


def portfolio_years(contracts: Sequence[Contract]) -> tuple[list[int], bool]:
    """The full range of years the programmes run or hold money for, and whether a table in
    hours is left out."""
    years: set[int] = set()
    hours = False
    for c in contracts:
        years.update(c.periode.jaren())
        for b in c.middelen.begrotingen if c.middelen else []:
            if b.eenheid == "uren":
                hours = True
            else:
                years.update(b.jaren())
    return (list(range(min(years), max(years) + 1)) if years else []), hours


def _year_amounts(begroting: Begroting) -> dict[int, int | float]:
    """A table's amount per year in euro: the printed total, else the sum of its lines."""
    factor = 1000 if begroting.eenheid == "duizend_euro" else 1
    bedragen = {**begroting.som_per_jaar(), **begroting.totalen}
    return {j: v * factor for j, v in sorted(bedragen.items())}


def _other_amount(bedrag: int | float | None, tot: int | float | None, eenheid: str) -> str:
    if bedrag is None:
        return "p.m."
    tekst = fmt.bedrag_in_euro(bedrag, eenheid)
    return f"{tekst} tot {fmt.bedrag_in_euro(tot, eenheid)}" if tot is not None else tekst


def _other_in_words(contract: Contract) -> list[str]:
    """What the portfolio page says of the money a contract names outside its yearly table."""
    middelen = contract.middelen
    if middelen is None:
        return []
    regels = []
    for o in middelen.overige:
        soort = {"ongedekt": "nog niet gedekt", "overig": ""}.get(o.soort, o.soort)
        details = ", ".join(d for d in (soort, str(o.jaar) if o.jaar else "") if d)
        bedrag = _other_amount(o.bedrag, o.bedrag_tot, o.eenheid)
        regels.append(f"{o.omschrijving}: {bedrag}" + (f" ({details})" if details else ""))
    for sp in middelen.spreidingen:
        jaren = sorted(sp.jaren)
        over = f" over {jaren[0]}–{jaren[-1]}" if jaren else ""
        totaal = fmt.bedrag_in_euro(sp.totaal, sp.eenheid) if sp.totaal is not None else "p.m."
        regels.append(f"{sp.omschrijving}: {totaal}{over}")
    return regels


def _uncovered_other(contract: Contract) -> list[str]:
    regels = []
    for o in contract.middelen.overige if contract.middelen else []:
        extra = [
            {"ongedekt": "nog niet van dekking voorzien", "fonds": "fonds"}.get(o.soort, ""),
            str(o.jaar) if o.jaar else "",
        ]
        uitleg = ", ".join(e for e in extra if e)
        regels.append(f"{o.omschrijving}: {overig_bedrag(o)}" + (f" ({uitleg})" if uitleg else ""))
    return regels


class _PortfolioCells:
    """Cells per year of the portfolio's columns, with a * where check finds a figure wrong."""

    def __init__(self, jaren: list[int], faults: Faults, programma: str, fouten: list[str]):
        self.jaren, self.faults, self.programma, self.fouten = jaren, faults, programma, fouten

    def plain(self, data: dict[int, int | float]) -> list[str]:
        return [fmt.bedrag(data[j]) if j in data else "–" for j in self.jaren]

    def marked(self, data: dict[int, int | float], pad: tuple[str | int, ...]) -> list[str]:
        """Says in ``fouten`` what is wrong under ``pad`` and marks those years."""
        fout = under(self.faults, pad)
        self.fouten.extend(f"{self.programma}: {zin}" for zin in fault_sentences(fout))
        wrong = {p[len(pad)] for p, _c, _m in fout if len(p) > len(pad)}
        return [
            t + (" *" if j in wrong else "")
            for t, j in zip(self.plain(data), self.jaren, strict=True)
        ]


def _add(into: dict[int, float], amounts: dict[int, int | float], factor: int = 1) -> None:
    for j, v in amounts.items():
        into[j] = into.get(j, 0) + v * factor


def portfolio_money(
    contract: Contract, jaren: list[int], faults: Faults, fouten: list[str]
) -> PortfolioMoney:
    """A programme's rows on the portfolio page; what check finds is added to ``fouten``."""
    hoofd = main_budget(contract)
    cells = _PortfolioCells(jaren, faults, contract.programma, fouten)
    money = PortfolioMoney(
        begroting=[
            fmt.bedrag_in_euro(v, hoofd.eenheid)
            if hoofd and (v := _printed(hoofd, j)) is not None
            else "–"
            for j in jaren
        ],
        begroting_titel=hoofd.titel if hoofd else "",
        bedragen=[],
        ongedekt_overig=_uncovered_other(contract),
        overige=_other_in_words(contract),
    )
    uncovered: dict[int, float] = {}
    for n, b in enumerate(contract.middelen.begrotingen if contract.middelen else []):
        if b.eenheid == "uren":
            continue
        per_jaar = _year_amounts(b)
        row = cells.marked(per_jaar, ("middelen", "begrotingen", n, "totalen"))
        money.bedragen.append(PortfolioBedragen(b.titel, row, "hoofd" if b is hoofd else "ander"))
        if b is hoofd:
            _add(money.counted, per_jaar)
        factor = 1000 if b.eenheid == "duizend_euro" else 1
        for r in b.regels:
            if not r.gedekt:
                _add(uncovered, r.bedragen, factor)
    for n, sp in enumerate(contract.middelen.spreidingen if contract.middelen else []):
        if sp.eenheid == "uren":
            continue
        factor = 1000 if sp.eenheid == "duizend_euro" else 1
        per_jaar = {j: sj.bedrag * factor for j, sj in sp.jaren.items() if sj.bedrag is not None}
        first = hoofd is None and not any(r.soort == "hoofd" for r in money.bedragen)
        row = cells.marked(per_jaar, ("middelen", "spreidingen", n, "jaren"))
        money.bedragen.append(
            PortfolioBedragen(sp.omschrijving, row, "hoofd" if first else "ander")
        )
        if first:
            _add(money.counted, per_jaar)
    if uncovered:
        money.bedragen.append(
            PortfolioBedragen("waarvan nog niet gedekt", cells.plain(uncovered), "ongedekt")
        )
        money.uncovered = uncovered
    return money


def _printed(begroting: Begroting, jaar: int) -> int | float | None:
    """The table's amount of a year as printed: its total, else the sum of its lines."""
    bedragen = dict(begroting.totalen) if begroting.totalen else begroting.som_per_jaar()
    return bedragen.get(jaar)


def _line_note(regel: Begrotingsregel) -> str | None:
    """A line's note, followed by why its spending differs from its budget, year by year."""
    parts = [regel.toelichting] if regel.toelichting else []
    parts += [
        f"Afwijking {jaar}: {tekst}" for jaar, tekst in sorted(regel.toelichting_afwijking.items())
    ]
    return "\n\n".join(parts) or None
