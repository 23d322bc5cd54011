"""PT2xx: money and capacity — totals as printed, years, spreads, signs, what is assigned."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Begroting, Contract, Eenheid
from . import Bron, Melding, regel

_FACTOR: dict[str, int] = {"euro": 1, "duizend_euro": 1000}


def getal(value: int | float) -> str:
    """A number written the Dutch way: ``1234567.5`` → ``1.234.567,5``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = f"{abs(value):,}".replace(",", ".")
    else:
        whole, _, frac = f"{abs(value):,.2f}".partition(".")
        frac = frac.rstrip("0")
        text = whole.replace(",", ".") + ("," + frac if frac else "")
    return f"-{text}" if value < 0 else text


def bedrag(value: int | float, eenheid: Eenheid) -> str:
    """An amount in its table's own unit: ``€ 200.000``, ``1.234`` (× € 1.000) or ``36 uur``."""
    if eenheid == "euro":
        # Cents are written as two decimals, as on a bank statement: € 15.000,40, not € 15.000,4.
        cents = round(abs(value) * 100)
        text = getal(cents // 100) + (f",{cents % 100:02d}" if cents % 100 else "")
        return f"€ -{text}" if value < 0 and cents else f"€ {text}"
    if eenheid == "uren":
        return f"{getal(value)} uur"
    return getal(value)


#: Every field of a ``capaciteit`` entry that holds hours (a number or a range).
_UREN_VELDEN = ("uren_per_week", "uren_totaal", "uren")


def _eenheid_noot(eenheid: Eenheid) -> str:
    return " (bedragen × € 1.000)" if eenheid == "duizend_euro" else ""


def _periode(c: Contract) -> str:
    return f"{c.periode.start}–{c.periode.eind}"


@regel(
    "PT201",
    "fout",
    "Gedrukt jaartotaal wijkt af van de som van de regels",
    waarom="""
        Het totaal onder een begrotingstabel is wat de raad leest en vaststelt. Telt het niet
        op tot de som van de regels, dan is een regel vergeten, dubbel geteld of verkeerd
        overgenomen. Het contract bewaart het totaal zoals gedrukt; deze regel laat zien waar
        het niet klopt, met beide bedragen en het verschil in de eenheid van de tabel.
    """,
    voorbeeld="""
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
    oplossing="""
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
def jaartotaal(bron: Bron) -> Iterator[Melding]:
    """Years whose printed total differs from the sum of the budget lines."""
    if bron.contract.middelen is None:
        return
    for b, begroting in enumerate(bron.contract.middelen.begrotingen):
        e = begroting.eenheid
        for year, (som, totaal) in begroting.afwijkingen().items():
            yield Melding(
                bron,
                ("middelen", "begrotingen", b, "totalen", year),
                f"'{begroting.titel}' {year}: de regels tellen op tot {bedrag(som, e)}, "
                f"het gedrukte totaal is {bedrag(totaal, e)} "
                f"(verschil {bedrag(abs(totaal - som), e)}){_eenheid_noot(e)}",
            )


def _sommen(begroting: Begroting) -> list[tuple[int | float, str]]:
    """The sums a grand total may equal: the printed year totals and the lines."""
    sums: list[tuple[int | float, str]] = []
    if begroting.totalen:
        sums.append((sum(begroting.totalen.values()), "de jaartotalen"))
    if any(r.bedragen for r in begroting.regels):
        sums.append((sum(begroting.som_per_jaar().values()), "de regels"))
    return sums


@regel(
    "PT202",
    "fout",
    "Gedrukt totaal over alle jaren wijkt af van de jaren samen",
    waarom="""
        Het eindtotaal (`totaal`) van een begrotingstabel hoort gelijk te zijn aan de
        jaartotalen samen of aan alle regels samen. Is het geen van beide, dan is
        onduidelijk welk bedrag is toegezegd. (Wijkt alleen een jaartotaal af, dan meldt
        PT201 dat ene jaar.)
    """,
    voorbeeld="""
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000, 2020: 10000}
              totalen: {2019: 10000, 2020: 10000}
              totaal: 25000             # 10.000 + 10.000 is 20.000
    """,
    oplossing="""
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
def eindtotaal(bron: Bron) -> Iterator[Melding]:
    """A printed grand total that equals neither the year totals nor the lines added up."""
    if bron.contract.middelen is None:
        return
    for b, begroting in enumerate(bron.contract.middelen.begrotingen):
        sums = _sommen(begroting)
        if begroting.totaal is None or not sums:
            continue
        totaal = begroting.totaal
        if any(round(som * 100) == round(totaal * 100) for som, _ in sums):
            continue
        e = begroting.eenheid
        som, wat = sums[0]
        yield Melding(
            bron,
            ("middelen", "begrotingen", b, "totaal"),
            f"'{begroting.titel}': {wat} tellen op tot {bedrag(som, e)}, het gedrukte "
            f"totaal is {bedrag(totaal, e)} "
            f"(verschil {bedrag(abs(totaal - som), e)}){_eenheid_noot(e)}",
        )


@regel(
    "PT203",
    "fout",
    "Begrotingsjaar buiten de looptijd",
    waarom="""
        Geld voor een jaar waarin het programma niet loopt, kan het programma niet besteden.
        Meestal is de looptijd of het jaartal verkeerd overgenomen. (Een spreiding van
        invoeringskosten over jaren vóór de start valt hier niet onder.)
    """,
    voorbeeld="""
        periode: {start: 2019, eind: 2022}
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000, 2023: 10000}   # 2023 valt buiten de looptijd
    """,
    oplossing="""
        periode: {start: 2019, eind: 2023}
        middelen:
          begrotingen:
            - titel: Verdeling middelen
              regels:
                - omschrijving: Educatie
                  bedragen: {2019: 10000, 2023: 10000}
    """,
)
def jaar_buiten_looptijd(bron: Bron) -> Iterator[Melding]:
    """Budget years (in tables and on inspanningen) outside the programme's period."""
    c = bron.contract
    start, eind = c.periode.start, c.periode.eind
    if start > eind:  # PT501 reports this; every year would be 'outside'
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
                if not start <= year <= eind:
                    yield Melding(
                        bron,
                        (*places[year], year),
                        f"'{begroting.titel}' heeft bedragen voor {year}, buiten de looptijd "
                        f"{_periode(c)}",
                        sleutel=True,
                    )
    for i, ins in enumerate(c.inspanningen):
        for year in sorted(ins.bedragen):
            if not start <= year <= eind:
                yield Melding(
                    bron,
                    ("inspanningen", i, "bedragen", year),
                    f"inspanning '{ins.id}' heeft een bedrag voor {year}, buiten de looptijd "
                    f"{_periode(c)}",
                    sleutel=True,
                )


def _decimals(value: int | float) -> int:
    if isinstance(value, int):
        return 0
    text = repr(value)
    return len(text.split(".", 1)[1]) if "." in text and "e" not in text else 6


@regel(
    "PT204",
    "fout",
    "Percentages van een spreiding tellen niet op tot 100 %",
    waarom="""
        Een spreiding verdeelt één totaal over jaren. Tellen de percentages niet op tot 100 %,
        dan is een jaar vergeten of een percentage verkeerd overgenomen.
    """,
    voorbeeld="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 50, bedrag: 50000}    # samen 90 %
    """,
    oplossing="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 60, bedrag: 60000}
    """,
)
def spreiding_procenten(bron: Bron) -> Iterator[Melding]:
    """Spreads whose percentages do not add up to 100."""
    if bron.contract.middelen is None:
        return
    for s, spreiding in enumerate(bron.contract.middelen.spreidingen):
        if not spreiding.jaren:
            continue
        som = sum(j.percentage for j in spreiding.jaren.values())
        if abs(som - 100) > 1e-6:
            yield Melding(
                bron,
                ("middelen", "spreidingen", s, "jaren"),
                f"spreiding '{spreiding.omschrijving}': de percentages tellen op tot "
                f"{getal(round(som, 6))} %, niet tot 100 %",
                sleutel=True,
            )


@regel(
    "PT205",
    "fout",
    "Bedrag in een spreiding past niet bij zijn percentage",
    waarom="""
        In een spreiding hoort elk bedrag gelijk te zijn aan zijn percentage van het totaal.
        Afronding is toegestaan: een bedrag telt als goed wanneer het past bij het percentage
        zoals het is gedrukt (een heel percentage kan tot een half procent afgerond zijn).
    """,
    voorbeeld="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 45000}    # 40 % van 100.000 is 40.000
                2020: {percentage: 60, bedrag: 60000}
    """,
    oplossing="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 60, bedrag: 60000}
    """,
)
def spreiding_bedragen(bron: Bron) -> Iterator[Melding]:
    """Amounts in a spread that do not equal their percentage of the total."""
    if bron.contract.middelen is None:
        return
    for s, spreiding in enumerate(bron.contract.middelen.spreidingen):
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
                yield Melding(
                    bron,
                    ("middelen", "spreidingen", s, "jaren", year, "bedrag"),
                    f"spreiding '{spreiding.omschrijving}' {year}: "
                    f"{getal(item.percentage)} % van {bedrag(totaal, e)} is "
                    f"{bedrag(round(expected, 2), e)}, gedrukt is {bedrag(item.bedrag, e)}"
                    f"{_eenheid_noot(e)}",
                )


@regel(
    "PT209",
    "fout",
    "Bedragen van een spreiding tellen niet op tot het totaal",
    waarom="""
        Een spreiding verdeelt één genoemd totaal over jaren. Tellen de bedragen per jaar op
        tot iets anders dan dat totaal, dan is een bedrag of het totaal verkeerd, en weet de
        lezer niet met welk bedrag het programma rekent.
    """,
    voorbeeld="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 60, bedrag: 59000}    # samen 99.000
    """,
    oplossing="""
        middelen:
          spreidingen:
            - omschrijving: Invoeringskosten
              totaal: 100000
              jaren:
                2019: {percentage: 40, bedrag: 40000}
                2020: {percentage: 60, bedrag: 60000}
    """,
)
def spreiding_totaal(bron: Bron) -> Iterator[Melding]:
    """Spreads whose amounts do not add up to their stated total."""
    if bron.contract.middelen is None:
        return
    for s, spreiding in enumerate(bron.contract.middelen.spreidingen):
        amounts = [j.bedrag for j in spreiding.jaren.values()]
        if spreiding.totaal is None or not amounts or any(a is None for a in amounts):
            continue
        som = sum(a for a in amounts if a is not None)
        if round(som * 100) != round(spreiding.totaal * 100):
            e = spreiding.eenheid
            verschil = spreiding.totaal - som
            yield Melding(
                bron,
                ("middelen", "spreidingen", s, "totaal"),
                f"spreiding '{spreiding.omschrijving}': de bedragen tellen op tot "
                f"{bedrag(som, e)}, het genoemde totaal is {bedrag(spreiding.totaal, e)} "
                f"(verschil {bedrag(round(abs(verschil), 2), e)}){_eenheid_noot(e)}",
            )


@regel(
    "PT206",
    "fout",
    "Negatief bedrag waar dat niet kan",
    waarom="""
        Een jaartotaal, een eindtotaal, een spreiding, het bedrag van een inspanning en een
        aantal uren (in een urentabel en bij capaciteit: `uren_per_week`, `uren_totaal` en
        `uren`) kunnen niet negatief zijn; een minteken is dan een tikfout. (Een
        begrotingsregel in euro mag wel negatief zijn, bijvoorbeeld een dekking of korting.)
    """,
    voorbeeld="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
            bedragen: {2019: -5000}
    """,
    oplossing="""
        inspanningen:
          - id: ins-1
            titel: Educatieprojecten met scholen
            doelen: [a]
            bedragen: {2019: 5000}
    """,
)
def negatief(bron: Bron) -> Iterator[Melding]:
    """Negative amounts in places that can only hold zero or more."""
    c = bron.contract
    found: list[tuple[tuple[str | int, ...], str]] = []
    if c.middelen is not None:
        for b, begroting in enumerate(c.middelen.begrotingen):
            base: tuple[str | int, ...] = ("middelen", "begrotingen", b)
            for year, amount in sorted(begroting.totalen.items()):
                if amount < 0:
                    found.append(((*base, "totalen", year), f"jaartotaal {year}"))
            if begroting.totaal is not None and begroting.totaal < 0:
                found.append(((*base, "totaal"), "eindtotaal"))
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
        yield Melding(bron, path, f"{what} is negatief; dat kan hier niet")


def _budget_per_jaar(c: Contract) -> dict[int, float]:
    """The programme's money per year in euros, from its euro tables (printed totals first)."""
    per_year: dict[int, float] = {}
    if c.middelen is None:
        return per_year
    for begroting in c.middelen.begrotingen:
        factor = _FACTOR.get(begroting.eenheid)
        if factor is None:
            continue
        years = dict(begroting.som_per_jaar())
        years.update(begroting.totalen)
        for year, amount in years.items():
            per_year[year] = per_year.get(year, 0) + amount * factor
    return per_year


@regel(
    "PT207",
    "fout",
    "Inspanningen krijgen meer geld dan het programma heeft",
    waarom="""
        De bedragen bij inspanningen (in euro) zijn een verdeling van het programmabudget.
        Tellen ze in een jaar op tot meer dan alle begrotingstabellen in euro samen voor dat
        jaar, dan is er geld toegezegd dat er niet is.
    """,
    voorbeeld="""
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
    oplossing="""
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
def inspanningen_boven_budget(bron: Bron) -> Iterator[Melding]:
    """Years in which the inspanningen together get more than the programme's budget."""
    c = bron.contract
    budget = _budget_per_jaar(c)
    assigned: dict[int, float] = {}
    first: dict[int, int] = {}
    for i, ins in enumerate(c.inspanningen):
        for year, amount in ins.bedragen.items():
            assigned[year] = assigned.get(year, 0) + amount
            first.setdefault(year, i)
    for year in sorted(assigned):
        if year in budget and round(assigned[year] * 100) > round(budget[year] * 100):
            yield Melding(
                bron,
                ("inspanningen", first[year], "bedragen", year),
                f"{year}: de inspanningen krijgen samen {bedrag(assigned[year], 'euro')}, "
                f"meer dan het programmabudget van {bedrag(budget[year], 'euro')} "
                f"(verschil {bedrag(assigned[year] - budget[year], 'euro')})",
                sleutel=True,
            )


@regel(
    "PT208",
    "fout",
    "Urenbereik loopt achteruit",
    waarom="""
        Een bereik als "24 tot 32 uur" heeft een ondergrens die niet groter is dan de
        bovengrens. Staan ze andersom, dan zijn ze bij het overnemen verwisseld. Dat geldt
        voor elk aantal uren bij capaciteit: `uren_per_week`, `uren_totaal` en `uren`.
    """,
    voorbeeld="""
        capaciteit:
          - rol: Programmamanager
            uren_per_week: {van: 32, tot: 24}
          - rol: Advisering milieu
            uren: {van: 6, tot: 2}
    """,
    oplossing="""
        capaciteit:
          - rol: Programmamanager
            uren_per_week: {van: 24, tot: 32}
          - rol: Advisering milieu
            uren: {van: 2, tot: 6}
    """,
)
def urenbereik(bron: Bron) -> Iterator[Melding]:
    """Hour ranges whose lower bound exceeds the upper bound."""
    for i, cap in enumerate(bron.contract.capaciteit):
        for veld in _UREN_VELDEN:
            uren = getattr(cap, veld)
            if uren is not None and uren.tot is not None and uren.van > uren.tot:
                yield Melding(
                    bron,
                    ("capaciteit", i, veld, "van"),
                    f"'{cap.rol}': van {getal(uren.van)} tot {getal(uren.tot)} uur loopt "
                    "achteruit; de ondergrens is groter dan de bovengrens",
                )
