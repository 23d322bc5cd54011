"""What a programme costs, as the card and the portfolio page print it.

One amount per year and one total for the period, from :mod:`programmatool.model.money` (which
counts each euro once); breakdowns, uncovered amounts and p.m. items stand beside the total,
never in it. A figure ``check`` finds wrong keeps its printed value and carries a mark, and so
does every total it is part of. Pure: from contracts to strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from programmatool.model.contract import Contract
from programmatool.model.money import (
    Figure,
    MoneyRow,
    OtherAmount,
    ProgrammeMoney,
    programme_money,
)
from programmatool.rendering.faults import Faults, figure_faults, under
from programmatool.text import formatting as fmt

#: The mark beside a figure that check finds wrong (and beside every total it is part of).
MERK = "*"


@dataclass(frozen=True)
class GeldCel:
    """A cell: the amount as text ("–" for none) and whether it carries a fault's mark."""

    tekst: str
    fout: bool = False


@dataclass
class GeldRij:
    """One row of a money table: a label, an optional line under it and a cell per column."""

    label: str
    cellen: list[GeldCel]
    #: ``budget``, ``aanvullend``, ``totaal``, ``baten``, ``saldo``, ``verdeling``,
    #: ``beschikbaar`` or ``ongedekt`` (for the style; only ``totaal`` rows are totals).
    soort: str
    uitleg: str = ""


@dataclass
class Geld:
    """The money of one programme: the table, what stands beside it, and what is wrong."""

    kolommen: list[str]
    rijen: list[GeldRij]
    #: The total over the whole period in words ("€ 2.450.000 over 2019–2022"), or "".
    totaal: str
    #: Money named in the contract that is not in the total, one sentence each.
    naast: list[str] = field(default_factory=list)
    #: What check finds in the figures that carry a mark, one sentence each.
    fouten: list[str] = field(default_factory=list)


def _jaren_tekst(years: Sequence[int]) -> str:
    """'2019–2021' for consecutive years, else '2019, 2021 en 2023'."""
    ys = sorted(years)
    if not ys:
        return ""
    if len(ys) > 1 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]}–{ys[-1]}"
    return _en(ys)


def _en(items: Sequence[object]) -> str:
    words = [str(i) for i in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


class _Marks:
    """Which figures carry a fault, and the sentences that say what is wrong (each once)."""

    def __init__(self, faults: Faults, prefix: str = "") -> None:
        self.faults = faults
        self.prefix = prefix
        self.fouten: list[str] = []

    def of(self, *figures: Figure | None) -> bool:
        found = False
        for figure in figures:
            if figure is None:
                continue
            for path in figure.paths:
                for _p, _code, message in under(self.faults, path):
                    found = True
                    zin = f"{self.prefix}{message}."
                    if zin not in self.fouten:
                        self.fouten.append(zin)
        return found

    def paths(self, paths: Sequence[tuple[str | int, ...]]) -> bool:
        return self.of(Figure(0, tuple(paths))) if paths else False


def _cel(amount: int | float | None, fout: bool = False) -> GeldCel:
    if amount is None:
        return GeldCel("–")
    return GeldCel(fmt.getal(round(amount, 2)) + (f" {MERK}" if fout else ""), fout)


def _row_cells(
    per_year: dict[int, Figure],
    without: Figure | None,
    years: list[int],
    with_without: bool,
    marks: _Marks,
    total_paths: Sequence[tuple[str | int, ...]] = (),
) -> list[GeldCel]:
    cells = [
        _cel(per_year[y].amount, marks.of(per_year[y])) if y in per_year else _cel(None)
        for y in years
    ]
    if with_without:
        cells.append(_cel(without.amount, marks.of(without)) if without else _cel(None))
    figures = [*per_year.values(), without]
    total = sum(f.amount for f in figures if f is not None)
    wrong = any(c.fout for c in cells) | marks.paths(total_paths)
    cells.append(_cel(total if any(f is not None for f in figures) else None, wrong))
    return cells


def _uitleg(row: MoneyRow) -> str:
    parts = []
    if row.rol == "aanvullend":
        parts.append("naast het budget")
    if row.each_year is not None and len(row.per_year) > 1:
        parts.append(f"{fmt.bedrag(row.each_year)} per jaar in {_jaren_tekst(list(row.per_year))}")
    return ", ".join(parts)


def _sum_cells(rows: list[list[GeldCel]], amounts: list[int | float | None]) -> list[GeldCel]:
    """A total row: the amounts given, each marked when a cell above it in its column is."""
    return [_cel(amount, any(r[i].fout for r in rows)) for i, amount in enumerate(amounts)]


def _naast(other: OtherAmount) -> str:
    def wanneer(o: OtherAmount) -> str:
        years = list(o.per_year)
        return f" ({_jaren_tekst(years)})" if years else ""

    bedrag = ""
    amount = other.total() if (other.per_year or other.without_year) else None
    if amount is not None:
        bedrag = fmt.bedrag(amount)
        if other.upto is not None:
            bedrag += f" tot {fmt.bedrag(other.upto)}"
        if other.overig is not None and other.overig.per_jaar:
            bedrag = f"{fmt.bedrag(other.overig.bedrag or 0)} per jaar"
    if other.kind == "pm":
        return f"{other.label}: p.m. (het contract noemt geen bedrag)"
    if other.kind == "ongedekt":
        return f"Nog niet gedekt: {other.label}, {bedrag}{wanneer(other)}"
    return f"{other.label}: {bedrag}{wanneer(other)}"


def programma_geld(contract: Contract, faults: Faults | None = None) -> Geld:
    """The card's answer to "what does it cost": per year, without a year, and in total."""
    money = programme_money(contract)
    marks = _Marks(figure_faults(contract) if faults is None else faults)
    uncovered = _uncovered(money)
    years = sorted(
        set(money.years())
        | {y for r in money.breakdowns for y in r.per_year}
        | {y for o in uncovered for y in o.per_year}
    )
    without = money.without_year() is not None or any(r.without_year for r in money.breakdowns)
    rijen = [
        GeldRij(
            row.label,
            _row_cells(row.per_year, row.without_year, years, without, marks, row.total_paths),
            row.rol,
            _uitleg(row),
        )
        for row in money.counted
    ]
    totaal = ""
    if money.counted:
        _amounts, cells = _totals(money, years, without, marks)
        rijen.append(GeldRij("Lasten" if money.income else "Totaal", cells, "totaal"))
        over = f" over {_jaren_tekst(years)}" if len(years) > 1 else ""
        over = f" in {years[0]}" if len(years) == 1 else over
        totaal = fmt.bedrag(money.total()) + (f" {MERK}" if cells[-1].fout else "") + over
    if money.income:
        rijen.extend(_income_rows(money.income, money.per_year(), years, without, marks))
    for row in money.breakdowns:
        cells = _row_cells(row.per_year, row.without_year, years, without, marks, row.total_paths)
        rijen.append(GeldRij(f"waarvan: {row.label}", cells, "verdeling"))
        if row.available:
            cells = _row_cells(row.available, None, years, without, marks)
            rijen.append(GeldRij("nog te verdelen (beschikbaar)", cells, "beschikbaar"))
    rijen.extend(
        GeldRij(
            o.label,
            _row_cells(o.per_year, None, years, without, marks),
            "ongedekt",
            "niet in het totaal: nog niet van dekking voorzien",
        )
        for o in uncovered
    )
    kolommen = [str(y) for y in years] + (["zonder jaar"] if without else [])
    kolommen.append(f"Totaal {_jaren_tekst(years)}" if years and not without else "Totaal")
    naast = [_naast(o) for o in money.others if o not in uncovered]
    return Geld(kolommen if rijen else [], rijen, totaal, naast, marks.fouten)


def _income_rows(
    income: dict[int, Figure],
    lasten: dict[int, int | float],
    years: list[int],
    without: bool,
    marks: _Marks,
) -> list[GeldRij]:
    baten = _row_cells(income, None, years, without, marks)
    saldo: list[GeldCel] = []
    for i, y in enumerate(years):
        value = income[y].amount - lasten.get(y, 0) if y in income else None
        saldo.append(_cel(value, baten[i].fout))
    if without:
        saldo.append(_cel(None))
    total = sum(f.amount for f in income.values()) - sum(lasten.values())
    saldo.append(_cel(total, baten[-1].fout))
    return [
        GeldRij("Baten", baten, "baten"),
        GeldRij("Saldo (baten min lasten)", saldo, "saldo"),
    ]


def _totals(
    money: ProgrammeMoney, years: list[int], without: bool, marks: _Marks
) -> tuple[list[int | float | None], list[GeldCel]]:
    """The amounts and cells of the counted total in the columns ``years`` (then "zonder
    jaar" when ``without``, then the total); a cell is marked when a figure in it is."""
    rows = [
        _row_cells(row.per_year, row.without_year, years, without, marks, row.total_paths)
        for row in money.counted
    ]
    per_year = money.per_year()
    amounts: list[int | float | None] = [per_year.get(y) for y in years]
    if without:
        amounts.append(money.without_year())
    amounts.append(money.total() if money.counted else None)
    return amounts, _sum_cells(rows, amounts)


def _column_sums(rows: list[list[int | float | None]]) -> list[int | float | None]:
    """Per column the sum of the amounts in it, or None when no row has one."""
    out: list[int | float | None] = []
    for column in zip(*rows, strict=True):
        values = [v for v in column if v is not None]
        out.append(sum(values) if values else None)
    return out


def _uncovered(money: ProgrammeMoney) -> list[OtherAmount]:
    """Uncovered lines of the tables: per year, so they get a row beside the counted ones."""
    return [o for o in money.others if o.kind == "ongedekt" and o.per_year and o.overig is None]


@dataclass
class PortfolioGeldRij:
    """One row of the portfolio's money table: a programme, what of it is not yet covered,
    or the total of all programmes."""

    naam: str
    link: str
    cellen: list[GeldCel]
    #: ``programma``, ``ongedekt``, ``totaal`` or ``totaal-ongedekt``.
    soort: str
    #: Why a programme's row has no amount at all.
    uitleg: str = ""


@dataclass
class PortfolioGeld:
    """What all programmes cost together: one row per programme and one total after them."""

    kolommen: list[str]
    rijen: list[PortfolioGeldRij]
    #: Per programme (name, link) the money it names that is not in the total, in words.
    naast: list[tuple[str, str, list[str]]]
    #: What check finds in a figure that carries a mark, per programme, one sentence each.
    fouten: list[str]


_LEEG = {
    False: "het contract noemt geen geld",
    True: "het contract noemt geen bedrag dat meetelt; wat het noemt, staat onder de tabel",
}


@dataclass(frozen=True)
class ProgrammaGeld:
    """What the portfolio's money table needs of one programme: its name, the link to its
    document, its money counted once and the figures check finds wrong."""

    programma: str
    link: str
    money: ProgrammeMoney
    faults: Faults


def portfolio_deel(contract: Contract, link: str, faults: Faults | None = None) -> ProgrammaGeld:
    """One programme's part of :func:`portfolio_geld`: the link to its document, its money
    and (``faults``, when the caller has them already) its :func:`figure_faults`."""
    found = faults if faults is not None else figure_faults(contract)
    return ProgrammaGeld(contract.programma, link, programme_money(contract), found)


def portfolio_geld(programmas: Sequence[ProgrammaGeld]) -> PortfolioGeld:
    """The portfolio's money from every programme's part (:func:`portfolio_deel`, made one
    contract at a time): one row per programme, then one total of all programmes, marks
    carried into it."""
    monies = [(p, p.link, p.money) for p in programmas]
    years = sorted(
        {y for _c, _l, m in monies for y in m.years()}
        | {y for _c, _l, m in monies for o in _uncovered(m) for y in o.per_year}
    )
    without = any(m.without_year() is not None for _c, _l, m in monies)
    geld = PortfolioGeld(
        [str(y) for y in years] + (["zonder jaar"] if without else []) + ["Totaal"], [], [], []
    )
    totals: tuple[list[list[int | float | None]], list[list[GeldCel]]] = ([], [])
    open_: tuple[list[list[int | float | None]], list[list[GeldCel]]] = ([], [])
    for part, link, money in monies:
        marks = _Marks(part.faults, f"{part.programma}: ")
        amounts, cells = _totals(money, years, without, marks)
        totals[0].append(amounts)
        totals[1].append(cells)
        leeg = "" if money.counted else _LEEG[bool(money.others or money.breakdowns)]
        geld.rijen.append(PortfolioGeldRij(part.programma, link, cells, "programma", leeg))
        per_year: dict[int, Figure] = {}
        for other in _uncovered(money):
            for year, figure in other.per_year.items():
                old = per_year.get(year, Figure(0, ()))
                per_year[year] = Figure(old.amount + figure.amount, old.paths + figure.paths)
        if per_year:
            cells = _row_cells(per_year, None, years, without, marks)
            amounts = [per_year[y].amount if y in per_year else None for y in years]
            amounts += [None] * without + [sum(f.amount for f in per_year.values())]
            open_[0].append(amounts)
            open_[1].append(cells)
            geld.rijen.append(PortfolioGeldRij("nog niet gedekt", link, cells, "ongedekt"))
        woorden = [_naast(o) for o in money.others if o not in _uncovered(money)]
        if woorden:
            geld.naast.append((part.programma, link, woorden))
        geld.fouten.extend(marks.fouten)
    if monies:
        cells = _sum_cells(totals[1], _column_sums(totals[0]))
        geld.rijen.append(PortfolioGeldRij("Totaal alle programma's", "", cells, "totaal"))
    if open_[0]:
        cells = _sum_cells(open_[1], _column_sums(open_[0]))
        geld.rijen.append(
            PortfolioGeldRij("nog niet gedekt (niet in het totaal)", "", cells, "totaal-ongedekt")
        )
    return _without_empty_years(geld)


def _without_empty_years(geld: PortfolioGeld) -> PortfolioGeld:
    """Leave out a year in which no row has an amount (a year a programme names with nothing
    in it): a column of dashes says nothing and only pushes the table off the page. When no
    programme names any amount, there is no table at all (the page says so in a sentence)."""
    keep = [
        i for i in range(len(geld.kolommen)) if any(r.cellen[i].tekst != "–" for r in geld.rijen)
    ]
    if not keep:
        geld.kolommen, geld.rijen = [], []
        return geld
    geld.kolommen = [geld.kolommen[i] for i in keep]
    for rij in geld.rijen:
        rij.cellen = [rij.cellen[i] for i in keep]
    return geld
