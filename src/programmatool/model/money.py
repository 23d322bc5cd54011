"""What a programme's money adds up to, counting the same money once.

A contract often prints the same money twice: a budget table and its breakdown, or a text
amount beside the table it is part of. The author says which is which with ``rol`` (see
docs/contractformaat.md); this module turns that into counted rows per year in euro, with
the amounts that do not count (breakdowns, uncovered amounts, p.m. items, amounts named
beside the total) kept apart. Pure: no formatting, no rules; every figure keeps the path it
came from, so a document can carry the mark of a fault ``check`` finds in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from programmatool.model.contract import (
    Begroting,
    Contract,
    Eenheid,
    GeldRol,
    OverigBudget,
    Spreiding,
    spending,
)

Path = tuple[str | int, ...]

_FACTOR: dict[str, int] = {"euro": 1, "duizend_euro": 1000}


def in_euro(amount: int | float, eenheid: Eenheid) -> int | float:
    """An amount in a table's unit as euro (an amount in hours has no euro value: 0)."""
    return amount * _FACTOR.get(eenheid, 0)


@dataclass(frozen=True)
class Figure:
    """An amount in euro and the places in the contract it was read from."""

    amount: int | float
    paths: tuple[Path, ...]


@dataclass
class MoneyRow:
    """One source of money (a table, a spread, an amount in words) per year in euro."""

    label: str
    rol: GeldRol
    per_year: dict[int, Figure] = field(default_factory=dict)
    #: Money that counts but has no year ("eenmalig € 50.000", "€ 1.500.000 voor vier jaar").
    without_year: Figure | None = None
    #: Paths of a printed grand total that belongs to the row (its faults mark the row total).
    total_paths: tuple[Path, ...] = ()
    #: An amount per year for some years: the amount itself (in euro), else None.
    each_year: int | float | None = None
    #: What the table still leaves available per year, as printed (a breakdown's "Beschikbaar").
    available: dict[int, Figure] = field(default_factory=dict)

    def total(self) -> int | float:
        """Every year and the amount without a year, added up."""
        total = sum(f.amount for f in self.per_year.values())
        return total + (self.without_year.amount if self.without_year else 0)


@dataclass
class OtherAmount:
    """An amount that does not count in the total but stays beside it."""

    label: str
    #: ``ongedekt`` (not yet covered), ``pm`` (no amount given) or ``genoemd`` (named in the
    #: contract without a role: it may be part of other money).
    kind: str
    per_year: dict[int, Figure] = field(default_factory=dict)
    without_year: Figure | None = None
    #: The upper end of a range ("€ 24.000 tot € 34.669"), in euro.
    upto: int | float | None = None
    overig: OverigBudget | None = None

    def total(self) -> int | float:
        """Every year and the amount without a year, added up."""
        total = sum(f.amount for f in self.per_year.values())
        return total + (self.without_year.amount if self.without_year else 0)


@dataclass
class ProgrammeMoney:
    """A programme's money: what counts (budget, then additional money), and what does not."""

    counted: list[MoneyRow] = field(default_factory=list)
    breakdowns: list[MoneyRow] = field(default_factory=list)
    others: list[OtherAmount] = field(default_factory=list)
    #: Income per year from the counted tables that print baten.
    income: dict[int, Figure] = field(default_factory=dict)

    def years(self) -> list[int]:
        """Every year with a counted amount, sorted."""
        return sorted({y for row in self.counted for y in row.per_year})

    def per_year(self) -> dict[int, int | float]:
        """The counted money per year."""
        out: dict[int, int | float] = {}
        for row in self.counted:
            for year, figure in row.per_year.items():
                out[year] = out.get(year, 0) + figure.amount
        return dict(sorted(out.items()))

    def without_year(self) -> int | float | None:
        """The counted money without a year, or None when every counted amount has one."""
        figures = [row.without_year for row in self.counted if row.without_year is not None]
        return sum(f.amount for f in figures) if figures else None

    def total(self) -> int | float:
        """Everything counted: the programme's money over its whole period."""
        return sum(row.total() for row in self.counted)

    def uncovered_per_year(self) -> dict[int, int | float]:
        """Amounts not yet covered (``ongedekt``), per year."""
        out: dict[int, int | float] = {}
        for other in self.others:
            if other.kind == "ongedekt":
                for year, figure in other.per_year.items():
                    out[year] = out.get(year, 0) + figure.amount
        return dict(sorted(out.items()))

    def has_money(self) -> bool:
        """Whether the contract names any money at all."""
        return bool(self.counted or self.breakdowns or self.others)


def _table_rows(n: int, begroting: Begroting) -> tuple[MoneyRow, OtherAmount | None]:
    """A table as a row (its printed total per year, else its lines added up, less what is not
    yet covered) and its uncovered lines as an amount beside it."""
    base: Path = ("middelen", "begrotingen", n)
    e = begroting.eenheid

    def euro(amount: int | float) -> int | float:
        # Spending printed with a minus sign (``teken: uitgaven_negatief``) counts as spending.
        return in_euro(spending(amount, begroting.teken), e)

    sums = begroting.som_per_jaar()
    uncovered: dict[int, Figure] = {}
    for r, regel in enumerate(begroting.regels):
        if regel.gedekt:
            continue
        for year, amount in regel.bedragen.items():
            old = uncovered.get(year, Figure(0, ()))
            path: Path = (*base, "regels", r, "bedragen", year)
            uncovered[year] = Figure(old.amount + euro(amount), (*old.paths, path))
    row = MoneyRow(begroting.titel, begroting.rol, total_paths=((*base, "totaal"),))
    for year in sorted(set(sums) | set(begroting.totalen)):
        line_paths = tuple(
            (*base, "regels", r, "bedragen", year)
            for r, regel in enumerate(begroting.regels)
            if year in regel.bedragen
        )
        total_path: Path = (*base, "totalen", year)
        if begroting.rol == "verdeling" and year in sums:
            # A breakdown shows what its covered lines divide; a wrong printed total still
            # marks the year.
            covered = sum(
                regel.bedragen[year]
                for regel in begroting.regels
                if regel.gedekt and year in regel.bedragen
            )
            row.per_year[year] = Figure(euro(covered), (*line_paths, total_path))
            continue
        if year in begroting.totalen:
            amount = begroting.totalen[year]
            paths: tuple[Path, ...] = (total_path,)
        else:
            amount = sums[year]
            paths = line_paths
        counted = euro(amount) - (uncovered[year].amount if year in uncovered else 0)
        row.per_year[year] = Figure(counted, paths)
    row.available = {
        year: Figure(euro(amount), ((*base, "beschikbaar", year),))
        for year, amount in sorted(begroting.beschikbaar.items())
    }
    names = [regel.omschrijving for regel in begroting.regels if not regel.gedekt]
    other = (
        OtherAmount(f"{', '.join(names)} ({begroting.titel})", "ongedekt", uncovered)
        if uncovered
        else None
    )
    return row, other


def _spread_row(n: int, spreiding: Spreiding) -> MoneyRow:
    base: Path = ("middelen", "spreidingen", n)
    e = spreiding.eenheid
    row = MoneyRow(spreiding.omschrijving, spreiding.rol, total_paths=((*base, "totaal"),))
    for year, item in sorted(spreiding.jaren.items()):
        if item.bedrag is not None:
            path: Path = (*base, "jaren", year, "bedrag")
            row.per_year[year] = Figure(in_euro(item.bedrag, e), (path,))
    if not row.per_year and spreiding.totaal is not None:
        row.without_year = Figure(in_euro(spreiding.totaal, e), ((*base, "totaal"),))
    return row


def _other_amount(i: int, o: OverigBudget) -> MoneyRow | OtherAmount:
    """An amount in words: a counted row when it has a role and an amount, else beside."""
    path: Path = ("middelen", "overige", i, "bedrag")
    per_year = {
        year: Figure(in_euro(amount, o.eenheid), (path,))
        for year, amount in o.bedragen_per_jaar().items()
    }
    without = (
        Figure(in_euro(o.bedrag, o.eenheid), (path,))
        if o.bedrag is not None and not per_year
        else None
    )
    if o.bedrag is None:
        return OtherAmount(o.omschrijving, "pm", overig=o)
    if o.soort == "ongedekt" or o.rol is None or o.bedrag_tot is not None:
        # A range is not one amount: it stays beside the total, as does what is not covered.
        kind = "ongedekt" if o.soort == "ongedekt" else "genoemd"
        upto = in_euro(o.bedrag_tot, o.eenheid) if o.bedrag_tot is not None else None
        return OtherAmount(o.omschrijving, kind, per_year, without, upto, o)
    each = in_euro(o.bedrag, o.eenheid) if o.per_jaar else None
    return MoneyRow(o.omschrijving, o.rol, per_year, without, each_year=each)


def _merged(rows: list[MoneyRow]) -> list[MoneyRow]:
    """Amounts in words with the same description and role for different years, as one row
    ("Innovatiebudget" in 2019 and in 2020 is one budget over two years)."""
    out: list[MoneyRow] = []
    for row in rows:
        same = next(
            (
                r
                for r in out
                if r.label == row.label
                and r.rol == row.rol
                and r.without_year is None
                and row.without_year is None
                and not r.total_paths
                and not row.total_paths
                and not set(r.per_year) & set(row.per_year)
            ),
            None,
        )
        if same is None or not row.per_year:
            out.append(row)
        else:
            same.per_year = dict(sorted({**same.per_year, **row.per_year}.items()))
            amounts = {f.amount for f in same.per_year.values()}
            same.each_year = amounts.pop() if len(amounts) == 1 else None
    return out


def programme_money(contract: Contract) -> ProgrammeMoney:
    """The programme's money, counted once: budget rows first, then additional money."""
    money = ProgrammeMoney()
    middelen = contract.middelen
    if middelen is None:
        return money
    rows: list[MoneyRow] = []
    for n, begroting in enumerate(middelen.begrotingen):
        if begroting.eenheid == "uren":
            continue
        row, uncovered = _table_rows(n, begroting)
        rows.append(row)
        if uncovered is not None:
            money.others.append(uncovered)
        if begroting.rol != "verdeling":
            for year, amount in begroting.baten.items():
                old = money.income.get(year, Figure(0, ()))
                path: Path = ("middelen", "begrotingen", n, "baten", year)
                money.income[year] = Figure(
                    old.amount + in_euro(amount, begroting.eenheid), (*old.paths, path)
                )
    rows.extend(
        _spread_row(n, s) for n, s in enumerate(middelen.spreidingen) if s.eenheid != "uren"
    )
    for i, o in enumerate(middelen.overige):
        if o.eenheid == "uren":
            continue
        item = _other_amount(i, o)
        if isinstance(item, MoneyRow):
            rows.append(item)
        else:
            money.others.append(item)
    rows = _merged(rows)
    order = {"budget": 0, "aanvullend": 1}
    money.counted = sorted(
        (r for r in rows if r.rol != "verdeling"), key=lambda r: order.get(r.rol, 2)
    )
    money.breakdowns = [r for r in rows if r.rol == "verdeling"]
    money.income = dict(sorted(money.income.items()))
    return money
