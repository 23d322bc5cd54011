"""PT2xx: money and capacity — totals as printed, years, spreads, signs, what is assigned."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from programmatool.model.contract import Begroting, Contract, Eenheid, Spreiding, spending
from programmatool.model.money import programme_money
from programmatool.rules.registry import Hit, Source, rule
from programmatool.text import formatting as fmt
from programmatool.text.formatting import getal

_FACTOR: dict[str, int] = {"euro": 1, "duizend_euro": 1000}


def bedrag(value: int | float, eenheid: Eenheid) -> str:
    """An amount in its table's own unit: ``€ 200.000``, ``1.234`` (× € 1.000) or ``36 uur``."""
    # Cents are written as two decimals, as on a bank statement: € 15.000,40, not € 15.000,4.
    return fmt.bedrag(value, eenheid, spatie=" ")


#: Every field of a ``capaciteit`` entry that holds hours (a number or a range).
_UREN_VELDEN = ("uren_per_week", "uren_totaal", "uren")


def _eenheid_noot(eenheid: Eenheid) -> str:
    return " (bedragen × € 1.000)" if eenheid == "duizend_euro" else ""


def _periode(c: Contract) -> str:
    return c.periode.tekst()


@dataclass(frozen=True)
class _Gap:
    """A printed total that differs from what its parts add up to."""

    #: Which rule reports it when it is more than rounding: PT201, PT202 or PT209.
    code: str
    path: tuple[str | int, ...]
    #: The message up to the unit note: what adds up to what, and the difference.
    text: str
    difference: int | float
    #: How many printed amounts were added up (each may be rounded by half a unit).
    parts: int
    eenheid: Eenheid

    @property
    def rounding(self) -> bool:
        """Within half a unit per amount in a table printed in thousands: rounding, not an
        error (each line is rounded to whole thousands, the total is rounded once)."""
        return self.eenheid == "duizend_euro" and abs(self.difference) <= 0.5 * self.parts + 1e-9


def _year_gaps(begroting: Begroting, b: int) -> Iterator[_Gap]:
    e = begroting.eenheid
    for year, (som, totaal) in begroting.afwijkingen().items():
        parts = sum(1 for r in begroting.regels if year in r.bedragen)
        yield _Gap(
            "PT201",
            ("middelen", "begrotingen", b, "totalen", year),
            f"'{begroting.titel}' {year}: de regels tellen op tot {bedrag(som, e)}, "
            f"het gedrukte totaal is {bedrag(totaal, e)} "
            f"(verschil {bedrag(abs(totaal - som), e)})",
            totaal - som,
            parts,
            e,
        )


def _grand_gap(begroting: Begroting, b: int) -> _Gap | None:
    sums = _sommen(begroting)
    if begroting.totaal is None or not sums:
        return None
    totaal = begroting.totaal
    if any(round(som * 100) == round(totaal * 100) for som, _, _ in sums):
        return None
    e = begroting.eenheid
    # The sum closest to the printed total decides whether the gap is only rounding.
    som, wat, parts = min(sums, key=lambda t: (abs(totaal - t[0]) > 0.5 * t[2], sums.index(t)))
    return _Gap(
        "PT202",
        ("middelen", "begrotingen", b, "totaal"),
        f"'{begroting.titel}': {wat} tellen op tot {bedrag(som, e)}, het gedrukte "
        f"totaal is {bedrag(totaal, e)} (verschil {bedrag(abs(totaal - som), e)})",
        totaal - som,
        parts,
        e,
    )


def _spread_gap(spreiding: Spreiding, s: int) -> _Gap | None:
    amounts = [j.bedrag for j in spreiding.jaren.values()]
    if spreiding.totaal is None or not amounts or any(a is None for a in amounts):
        return None
    som = sum(a for a in amounts if a is not None)
    if round(som * 100) == round(spreiding.totaal * 100):
        return None
    e = spreiding.eenheid
    verschil = spreiding.totaal - som
    return _Gap(
        "PT209",
        ("middelen", "spreidingen", s, "totaal"),
        f"spreiding '{spreiding.omschrijving}': de bedragen tellen op tot "
        f"{bedrag(som, e)}, het genoemde totaal is {bedrag(spreiding.totaal, e)} "
        f"(verschil {bedrag(round(abs(verschil), 2), e)}){_culprits(spreiding)}",
        verschil,
        len(amounts),
        e,
    )


def _culprits(spreiding: Spreiding) -> str:
    """Which years' amounts do not match their percentage of the total, when the percentages
    add up to 100 and those years explain the gap: ``; het bedrag voor 2021 …``."""
    totaal = spreiding.totaal
    if totaal is None or abs(sum(j.percentage for j in spreiding.jaren.values()) - 100) > 1e-6:
        return ""
    e = spreiding.eenheid
    # Amounts printed in whole thousands may each be half a thousand from their percentage.
    slack = _granularity([j.bedrag for j in spreiding.jaren.values() if j.bedrag]) / 2
    off = [
        (year, item.percentage, item.bedrag, item.percentage * totaal / 100)
        for year, item in sorted(spreiding.jaren.items())
        if item.bedrag is not None and abs(item.bedrag - item.percentage * totaal / 100) > slack
    ]
    if not off or len(off) > 3:
        return ""
    parts = [
        f"{year}: {getal(pct)} % van {bedrag(totaal, e)} is {bedrag(round(expected, 2), e)}, "
        f"gedrukt is {bedrag(amount, e)}"
        for year, pct, amount, expected in off
        if amount is not None
    ]
    jaren = " en ".join(str(year) for year, *_ in off)
    welk = "het bedrag voor" if len(off) == 1 else "de bedragen voor"
    return f"; {welk} {jaren} past niet bij het percentage ({'; '.join(parts)})"


def _granularity(amounts: list[int | float]) -> int:
    """The largest power of ten (up to a million) that every amount is a whole multiple of."""
    step = 1
    while step < 1_000_000 and amounts and all(a % (step * 10) == 0 for a in amounts):
        step *= 10
    return step


def _gaps(source: Source) -> Iterator[_Gap]:
    """Every printed total (year, grand, spread) that its parts do not add up to."""
    middelen = source.contract.middelen
    if middelen is None:
        return
    for b, begroting in enumerate(middelen.begrotingen):
        yield from _year_gaps(begroting, b)
        grand = _grand_gap(begroting, b)
        if grand is not None:
            yield grand
    for s, spreiding in enumerate(middelen.spreidingen):
        gap = _spread_gap(spreiding, s)
        if gap is not None:
            yield gap


def _gap_hits(source: Source, code: str) -> Iterator[Hit]:
    for gap in _gaps(source):
        if gap.code == code and not gap.rounding:
            yield Hit(source, gap.path, gap.text + _eenheid_noot(gap.eenheid))


@rule(
    "PT201",
    "fout",
    "Gedrukt jaartotaal wijkt af van de som van de regels",
    why="""
        Het totaal onder een begrotingstabel is wat de raad leest en vaststelt. Telt het niet
        op tot de som van de regels, dan is een regel vergeten, dubbel geteld of verkeerd
        overgenomen. Het contract bewaart het totaal zoals gedrukt; deze regel laat zien waar
        het niet klopt, met beide bedragen en het verschil in de eenheid van de tabel.
    """,
    example="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              eenheid: euro
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000}
                - omschrijving: Afvalcoaches
                  bedragen: {2019: 5000}
              totalen: {2019: 16000}      # 10.000 + 5.000 is 15.000
    """,
    fix="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              eenheid: euro
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000}
                - omschrijving: Afvalcoaches
                  bedragen: {2019: 5000}
              totalen: {2019: 15000}
    """,
)
def jaartotaal(source: Source) -> Iterator[Hit]:
    """Years whose printed total differs from the sum of the budget lines (beyond rounding)."""
    yield from _gap_hits(source, "PT201")


def _sommen(begroting: Begroting) -> list[tuple[int | float, str, int]]:
    """The sums a grand total may equal: the printed year totals and the lines, each with the
    number of amounts it adds up."""
    sums: list[tuple[int | float, str, int]] = []
    if begroting.totalen:
        sums.append((sum(begroting.totalen.values()), "de jaartotalen", len(begroting.totalen)))
    if any(r.bedragen for r in begroting.regels):
        cells = sum(len(r.bedragen) for r in begroting.regels)
        sums.append((sum(begroting.som_per_jaar().values()), "de regels", cells))
    return sums


@rule(
    "PT202",
    "fout",
    "Gedrukt totaal over alle jaren wijkt af van de jaren samen",
    why="""
        Het eindtotaal (`totaal`) van een begrotingstabel hoort gelijk te zijn aan de
        jaartotalen samen of aan alle regels samen. Is het geen van beide, dan is
        onduidelijk welk bedrag is toegezegd. (Wijkt alleen een jaartotaal af, dan meldt
        PT201 dat ene jaar.)
    """,
    example="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000, 2020: 10000}
              totalen: {2019: 10000, 2020: 10000}
              totaal: 25000             # 10.000 + 10.000 is 20.000
    """,
    fix="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000, 2020: 10000}
              totalen: {2019: 10000, 2020: 10000}
              totaal: 20000
    """,
)
def eindtotaal(source: Source) -> Iterator[Hit]:
    """A printed grand total that equals neither the year totals nor the lines added up."""
    yield from _gap_hits(source, "PT202")


@rule(
    "PT203",
    "fout",
    "Begrotingsjaar buiten de looptijd",
    why="""
        Geld voor een jaar waarin het programma niet loopt, kan het programma niet besteden.
        Meestal is de looptijd of het jaartal verkeerd overgenomen. (Een spreiding van
        invoeringskosten over jaren vóór de start valt hier niet onder.)
    """,
    example="""
        periode: {start: 2019, eind: 2022}
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000, 2023: 10000}   # 2023 valt buiten de looptijd
    """,
    fix="""
        periode: {start: 2019, eind: 2023}
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000, 2023: 10000}
    """,
)
def jaar_buiten_looptijd(source: Source) -> Iterator[Hit]:
    """Budget years (in tables and on inspanningen) outside the programme's period."""
    c = source.contract
    if c.periode.omgekeerd():  # PT501 reports this; every year would be 'outside'
        return
    if c.middelen is not None:
        for b, begroting in enumerate(c.middelen.begrotingen):
            places: dict[int, tuple[str | int, ...]] = {}
            for r, line in enumerate(begroting.regels):
                for year in line.bedragen:
                    places.setdefault(year, ("middelen", "begrotingen", b, "regels", r, "bedragen"))
            for year in begroting.totalen:
                places[year] = ("middelen", "begrotingen", b, "totalen")
            for year in sorted(places):
                if c.periode.buiten(year):
                    yield Hit(
                        source,
                        (*places[year], year),
                        f"'{begroting.titel}' heeft bedragen voor {year}, buiten de looptijd "
                        f"{_periode(c)}",
                        at_key=True,
                    )
    for i, ins in enumerate(c.inspanningen):
        for year in sorted(ins.bedragen):
            if c.periode.buiten(year):
                yield Hit(
                    source,
                    ("inspanningen", i, "bedragen", year),
                    f"inspanning '{ins.id}' heeft een bedrag voor {year}, buiten de looptijd "
                    f"{_periode(c)}",
                    at_key=True,
                )


def _decimals(value: int | float) -> int:
    if isinstance(value, int):
        return 0
    text = repr(value)
    return len(text.split(".", 1)[1]) if "." in text and "e" not in text else 6


@rule(
    "PT204",
    "fout",
    "Percentages van een spreiding tellen niet op tot 100 %",
    why="""
        Een spreiding verdeelt één totaal over jaren. Tellen de percentages niet op tot 100 %,
        dan is een jaar vergeten of een percentage verkeerd overgenomen.
    """,
    example="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 50, bedrag: 50000}    # samen 90 %
    """,
    fix="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 60, bedrag: 60000}
    """,
)
def spreiding_procenten(source: Source) -> Iterator[Hit]:
    """Spreads whose percentages do not add up to 100."""
    if source.contract.middelen is None:
        return
    for s, spreiding in enumerate(source.contract.middelen.spreidingen):
        if not spreiding.jaren:
            continue
        som = sum(j.percentage for j in spreiding.jaren.values())
        if abs(som - 100) > 1e-6:
            yield Hit(
                source,
                ("middelen", "spreidingen", s, "jaren"),
                f"spreiding '{spreiding.omschrijving}': de percentages tellen op tot "
                f"{getal(round(som, 6))} %, niet tot 100 %",
                at_key=True,
            )


@rule(
    "PT205",
    "fout",
    "Bedrag in een spreiding past niet bij zijn percentage",
    why="""
        In een spreiding hoort elk bedrag gelijk te zijn aan zijn percentage van het totaal.
        Afronding is toegestaan: een bedrag telt als goed wanneer het past bij het percentage
        zoals het is gedrukt (een heel percentage kan tot een half procent afgerond zijn).
    """,
    example="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 45000}    # 40 % van 100.000 is 40.000
                2020: {percentage: 60, bedrag: 60000}
    """,
    fix="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 60, bedrag: 60000}
    """,
)
def spreiding_bedragen(source: Source) -> Iterator[Hit]:
    """Amounts in a spread that do not equal their percentage of the total."""
    if source.contract.middelen is None:
        return
    for s, spreiding in enumerate(source.contract.middelen.spreidingen):
        amounts = [j.bedrag for j in spreiding.jaren.values()]
        totaal = spreiding.totaal
        if totaal is None:
            if not amounts or any(a is None for a in amounts):
                continue
            totaal = sum(a for a in amounts if a is not None)
        e = spreiding.eenheid
        for year, item in sorted(spreiding.jaren.items()):
            if item.bedrag is None:
                continue
            expected = item.percentage * totaal / 100
            # The printed percentage may be rounded: half a unit of its last decimal.
            slack = 0.5 * 10 ** -_decimals(item.percentage) * abs(totaal) / 100 + 1
            if abs(item.bedrag - expected) > slack:
                yield Hit(
                    source,
                    ("middelen", "spreidingen", s, "jaren", year, "bedrag"),
                    f"spreiding '{spreiding.omschrijving}' {year}: "
                    f"{getal(item.percentage)} % van {bedrag(totaal, e)} is "
                    f"{bedrag(round(expected, 2), e)}, gedrukt is {bedrag(item.bedrag, e)}"
                    f"{_eenheid_noot(e)}",
                )


@rule(
    "PT209",
    "fout",
    "Bedragen van een spreiding tellen niet op tot het totaal",
    why="""
        Een spreiding verdeelt één genoemd totaal over jaren. Tellen de bedragen per jaar op
        tot iets anders dan dat totaal, dan is een bedrag of het totaal verkeerd, en weet de
        lezer niet met welk bedrag het programma rekent.
    """,
    example="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 60, bedrag: 59000}    # samen 99.000
    """,
    fix="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 60, bedrag: 60000}
    """,
)
def spreiding_totaal(source: Source) -> Iterator[Hit]:
    """Spreads whose amounts do not add up to their stated total; names the years whose
    amounts do not match their percentage when they explain the difference."""
    yield from _gap_hits(source, "PT209")


@rule(
    "PT212",
    "info",
    "Afrondingsverschil in een tabel in duizenden",
    why="""
        Een begroting in duizenden euro's (`eenheid: duizend_euro`) rondt elke regel af op
        hele duizenden, en het totaal rekent met de bedragen vóór het afronden. Daardoor kan
        het gedrukte totaal een paar duizend verschillen van de afgeronde regels samen
        ("regels 24.757, totaal 24.756"), zonder dat er iets mis is. Is het verschil
        hoogstens een halve eenheid per opgetelde regel (bij 3 regels dus 1,5), dan meldt
        `check` dat als afrondingsverschil (niveau `info`: de controle faalt er niet op, ook
        niet met `--strict`) in plaats van PT201, PT202 of PT209. Bij een tabel in hele
        euro's is elk verschil een fout.
    """,
    example="""
        middelen:
          begrotingen:
            - titel: Lasten
              eenheid: duizend_euro
              regels:
                - omschrijving: Wijkteams
                  bedragen: {2023: 12345}
                - omschrijving: Schuldhulp
                  bedragen: {2023: 8012}
                - omschrijving: Minimabeleid
                  bedragen: {2023: 4400}
              totalen: {2023: 24756}      # de regels tellen op tot 24.757
    """,
    fix="""
        middelen:
          begrotingen:
            - titel: Lasten
              eenheid: duizend_euro
              regels:
                - omschrijving: Wijkteams
                  bedragen: {2023: 12345}
                - omschrijving: Schuldhulp
                  bedragen: {2023: 8012}
                - omschrijving: Minimabeleid
                  bedragen: {2023: 4400}
              totalen: {2023: 24757}      # zo gedrukt; verander nooit een gedrukt totaal
    """,
)
def afrondingsverschil(source: Source) -> Iterator[Hit]:
    """Totals in thousands that differ from their lines by no more than rounding explains."""
    for gap in _gaps(source):
        if gap.rounding:
            grens = getal(0.5 * gap.parts)
            yield Hit(
                source,
                gap.path,
                f"{gap.text}: een afrondingsverschil, want {gap.parts} bedragen afgerond op "
                f"duizenden kunnen samen tot {grens} afwijken{_eenheid_noot(gap.eenheid)}",
            )


@rule(
    "PT206",
    "fout",
    "Negatief bedrag waar dat niet kan",
    why="""
        Een jaartotaal, een eindtotaal, een spreiding, het bedrag van een inspanning en een
        aantal uren (in een urentabel en bij capaciteit: `uren_per_week`, `uren_totaal` en
        `uren`) kunnen niet negatief zijn; een minteken is dan een tikfout. (Een
        begrotingsregel in euro mag wel negatief zijn, bijvoorbeeld een dekking of korting.)
    """,
    example="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
            bedragen: {2019: -5000}
    """,
    fix="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
            bedragen: {2019: 5000}
    """,
)
def negatief(source: Source) -> Iterator[Hit]:
    """Negative amounts in places that can only hold zero or more."""
    c = source.contract
    found: list[tuple[tuple[str | int, ...], str]] = []
    if c.middelen is not None:
        for b, begroting in enumerate(c.middelen.begrotingen):
            base: tuple[str | int, ...] = ("middelen", "begrotingen", b)
            yield from _wrong_total_signs(source, begroting, base)
            if begroting.eenheid == "uren":
                for r, line in enumerate(begroting.regels):
                    for year, amount in sorted(line.bedragen.items()):
                        if amount < 0:
                            found.append(((*base, "regels", r, "bedragen", year), f"uren {year}"))
        for s, spreiding in enumerate(c.middelen.spreidingen):
            base = ("middelen", "spreidingen", s)
            if spreiding.totaal is not None and spreiding.totaal < 0:
                found.append(((*base, "totaal"), "totaal van de spreiding"))
            for year, item in sorted(spreiding.jaren.items()):
                if item.percentage < 0:
                    found.append(((*base, "jaren", year, "percentage"), f"percentage {year}"))
                if item.bedrag is not None and item.bedrag < 0:
                    found.append(((*base, "jaren", year, "bedrag"), f"bedrag {year}"))
    for i, ins in enumerate(c.inspanningen):
        for year, amount in sorted(ins.bedragen.items()):
            if amount < 0:
                found.append(
                    (("inspanningen", i, "bedragen", year), f"bedrag {year} van '{ins.id}'")
                )
    for i, cap in enumerate(c.capaciteit):
        for veld in _UREN_VELDEN:
            uren = getattr(cap, veld)
            if uren is not None and (uren.van < 0 or (uren.tot is not None and uren.tot < 0)):
                found.append((("capaciteit", i, veld), f"uren van '{cap.rol}'"))
    for path, what in found:
        yield Hit(source, path, f"{what} is negatief; dat kan hier niet")


def _wrong_total_signs(
    source: Source, begroting: Begroting, base: tuple[str | int, ...]
) -> Iterator[Hit]:
    """Totals of the wrong sign: negative, or positive where the table prints spending with a
    minus sign (``teken: uitgaven_negatief``)."""
    totals: list[tuple[tuple[str | int, ...], str, int | float]] = [
        ((*base, "totalen", year), f"jaartotaal {year}", amount)
        for year, amount in sorted(begroting.totalen.items())
    ]
    if begroting.totaal is not None:
        totals.append(((*base, "totaal"), "eindtotaal", begroting.totaal))
    for path, what, amount in totals:
        if spending(amount, begroting.teken) >= 0:
            continue
        if begroting.teken == "uitgaven_negatief":
            message = (
                f"{what} is positief, maar deze tabel drukt uitgaven met een minteken "
                "(teken: uitgaven_negatief); dat kan hier niet"
            )
        else:
            message = f"{what} is negatief; dat kan hier niet"
        yield Hit(source, path, message)


def _budget_per_jaar(c: Contract) -> dict[int, int | float]:
    """The programme's money per year in euros, counted once (``model.money``): budget and
    additional money, never a breakdown of it."""
    return programme_money(c).per_year()


@rule(
    "PT207",
    "fout",
    "Inspanningen krijgen meer geld dan het programma heeft",
    why="""
        De bedragen bij inspanningen (in euro) zijn een verdeling van het programmabudget.
        Tellen ze in een jaar op tot meer dan het geld van het programma in dat jaar (het
        budget en het aanvullende geld, zonder een verdeling daarvan nog eens te tellen), dan
        is er geld toegezegd dat er niet is.
    """,
    example="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
            bedragen: {2019: 20000}
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 15000}
    """,
    fix="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
            bedragen: {2019: 15000}
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 15000}
    """,
)
def inspanningen_boven_budget(source: Source) -> Iterator[Hit]:
    """Years in which the inspanningen together get more than the programme's budget."""
    c = source.contract
    budget = _budget_per_jaar(c)
    assigned: dict[int, float] = {}
    first: dict[int, int] = {}
    for i, ins in enumerate(c.inspanningen):
        for year, amount in ins.bedragen.items():
            assigned[year] = assigned.get(year, 0) + amount
            first.setdefault(year, i)
    for year in sorted(assigned):
        if year in budget and round(assigned[year] * 100) > round(budget[year] * 100):
            yield Hit(
                source,
                ("inspanningen", first[year], "bedragen", year),
                f"{year}: de inspanningen krijgen samen {bedrag(assigned[year], 'euro')}, "
                f"meer dan het programmabudget van {bedrag(budget[year], 'euro')} "
                f"(verschil {bedrag(assigned[year] - budget[year], 'euro')})",
                at_key=True,
            )


@rule(
    "PT208",
    "fout",
    "Urenbereik loopt achteruit",
    why="""
        Een bereik als "24 tot 32 uur" heeft een ondergrens die niet groter is dan de
        bovengrens. Staan ze andersom, dan zijn ze bij het overnemen verwisseld. Dat geldt
        voor elk aantal uren bij capaciteit: `uren_per_week`, `uren_totaal` en `uren`.
    """,
    example="""
        capaciteit:
          - rol: Programmamanager
            uren_per_week: {van: 32, tot: 24}
          - rol: Advisering milieu
            uren: {van: 6, tot: 2}
    """,
    fix="""
        capaciteit:
          - rol: Programmamanager
            uren_per_week: {van: 24, tot: 32}
          - rol: Advisering milieu
            uren: {van: 2, tot: 6}
    """,
)
def urenbereik(source: Source) -> Iterator[Hit]:
    """Hour ranges whose lower bound exceeds the upper bound."""
    for i, cap in enumerate(source.contract.capaciteit):
        for veld in _UREN_VELDEN:
            uren = getattr(cap, veld)
            if uren is not None and uren.tot is not None and uren.van > uren.tot:
                yield Hit(
                    source,
                    ("capaciteit", i, veld, "van"),
                    f"'{cap.rol}': van {getal(uren.van)} tot {getal(uren.tot)} uur loopt "
                    "achteruit; de ondergrens is groter dan de bovengrens",
                )


@rule(
    "PT210",
    "fout",
    "Gedrukt totaal zonder regels eronder",
    why="""
        Een totaal telt de regels erboven op. Staat er een totaal (voor een jaar of over alle
        jaren) terwijl geen enkele regel een bedrag heeft voor dat jaar, dan is niet na te gaan
        waar het geld voor is en telt het totaal nergens toe op: een regel is vergeten of
        onleesbaar overgenomen. Het contract bewaart het totaal zoals gedrukt; deze regel laat
        zien welk totaal zonder regels staat. (Een totaal van 0 zonder regels klopt wel.)
    """,
    example="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000}
              totalen: {2019: 10000, 2020: 5000}   # geen regel heeft een bedrag voor 2020
    """,
    fix="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000}
                - omschrijving: Afvalcoaches
                  bedragen: {2020: 5000}
              totalen: {2019: 10000, 2020: 5000}
    """,
)
def totaal_zonder_regels(source: Source) -> Iterator[Hit]:
    """Printed totals (per year or over all years) without any line amount beneath them."""
    if source.contract.middelen is None:
        return
    for b, begroting in enumerate(source.contract.middelen.begrotingen):
        e = begroting.eenheid
        sommen = begroting.som_per_jaar()
        base: tuple[str | int, ...] = ("middelen", "begrotingen", b)
        for year, totaal in sorted(begroting.totalen.items()):
            if year in sommen or round(totaal * 100) == 0:
                continue
            waarom = (
                "de tabel heeft geen regels"
                if not begroting.regels
                else f"geen regel heeft een bedrag voor {year}"
            )
            yield Hit(
                source,
                (*base, "totalen", year),
                f"'{begroting.titel}' {year}: het gedrukte totaal is {bedrag(totaal, e)}, maar "
                f"{waarom}{_eenheid_noot(e)}",
            )
        if begroting.totaal is not None and not sommen and round(begroting.totaal * 100) != 0:
            waarom = (
                "de tabel heeft geen regels"
                if not begroting.regels
                else "geen regel heeft een bedrag"
            )
            yield Hit(
                source,
                (*base, "totaal"),
                f"'{begroting.titel}': het gedrukte totaal over alle jaren is "
                f"{bedrag(begroting.totaal, e)}, maar {waarom}{_eenheid_noot(e)}",
            )


def _afwijking_tekst(afwijking: int | float, begroting: Begroting) -> str:
    """``+€ 60.000`` (more spent) or ``−€ 1.250`` (less), said in words where the source prints
    spending with a minus sign, so that its own 'Verschil € -8.750' cannot be misread."""
    tekst = f"{'+' if afwijking > 0 else '−'}{bedrag(abs(afwijking), begroting.eenheid)}"
    if begroting.teken == "uitgaven_negatief":
        tekst += " meer uitgegeven dan begroot" if afwijking > 0 else " minder uitgegeven"
    return tekst


def _drempel_tekst(source: Source) -> str:
    s = source.settings
    tekst = bedrag(s.afwijking_bedrag, "euro")
    if s.afwijking_procent is not None:
        tekst += f" of {getal(s.afwijking_procent)} % van de begroting"
    return tekst


@rule(
    "PT211",
    "waarschuwing",
    "Afwijking tussen begroting en realisatie zonder toelichting",
    why="""
        In de jaarrekening licht een gemeente elke afwijking tussen begroting (na wijziging)
        en realisatie toe die boven een afgesproken grens ligt; zo leest de raad waarom er
        meer of minder is uitgegeven dan hij toestond (de BBV-praktijk, vaak vastgelegd in de
        financiële verordening). Deze regel vraagt om die toelichting (`toelichting_afwijking`
        bij het jaar) zodra het verschil tussen `besteed` en de begroting (`gewijzigd` als die
        er is, anders `bedragen`) de grens haalt. De grens staat in programmatool.toml:
        `[middelen] afwijking_bedrag` (standaard € 50.000) en eventueel `afwijking_procent`.
    """,
    example="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2020: 100000}
                  gewijzigd: {2020: 120000}
                  besteed: {2020: 180000}      # 60.000 meer dan na wijziging begroot
    """,
    fix="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2020: 100000}
                  gewijzigd: {2020: 120000}
                  besteed: {2020: 180000}
                  toelichting_afwijking:
                    2020: Meer scholen deden mee dan verwacht; gedekt uit de reserve.
    """,
)
def afwijking_zonder_toelichting(source: Source) -> Iterator[Hit]:
    """Lines whose realisation differs from the budget beyond the threshold, unexplained."""
    if source.contract.middelen is None:
        return
    s = source.settings
    for b, begroting in enumerate(source.contract.middelen.begrotingen):
        e = begroting.eenheid
        if e == "uren":
            continue
        for r, regel in enumerate(begroting.regels):
            for year in sorted(regel.besteed):
                afwijking = regel.afwijking(year, begroting.teken)
                if afwijking is None or year in regel.toelichting_afwijking:
                    continue
                begroot = regel.gewijzigd.get(year, regel.bedragen.get(year, 0))
                euro = abs(afwijking) * _FACTOR.get(e, 1)
                procent = abs(afwijking) / abs(begroot) * 100 if begroot else None
                boven = round(euro * 100) >= round(s.afwijking_bedrag * 100) or (
                    s.afwijking_procent is not None
                    and (procent is None or procent >= s.afwijking_procent)
                    and afwijking != 0
                )
                if not boven:
                    continue
                na = "na wijziging " if year in regel.gewijzigd else ""
                yield Hit(
                    source,
                    ("middelen", "begrotingen", b, "regels", r, "besteed", year),
                    f"'{regel.omschrijving}' {year}: besteed {bedrag(regel.besteed[year], e)}, "
                    f"begroot {na}{bedrag(begroot, e)} (afwijking "
                    f"{_afwijking_tekst(afwijking, begroting)}); vanaf "
                    f"{_drempel_tekst(source)} vraagt de verantwoording een toelichting "
                    f"('toelichting_afwijking'){_eenheid_noot(e)}",
                )
