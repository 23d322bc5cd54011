"""PT2xx: money and capacity — totals as printed, years, spreads, signs, what is assigned."""

from __future__ import annotations

from collections.abc import Iterator

from programmatool.model.contract import Begroting, Contract, Eenheid
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
    """Years whose printed total differs from the sum of the budget lines."""
    if source.contract.middelen is None:
        return
    for b, begroting in enumerate(source.contract.middelen.begrotingen):
        e = begroting.eenheid
        for year, (som, totaal) in begroting.afwijkingen().items():
            yield Hit(
                source,
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
    if source.contract.middelen is None:
        return
    for b, begroting in enumerate(source.contract.middelen.begrotingen):
        sums = _sommen(begroting)
        if begroting.totaal is None or not sums:
            continue
        totaal = begroting.totaal
        if any(round(som * 100) == round(totaal * 100) for som, _ in sums):
            continue
        e = begroting.eenheid
        som, wat = sums[0]
        yield Hit(
            source,
            ("middelen", "begrotingen", b, "totaal"),
            f"'{begroting.titel}': {wat} tellen op tot {bedrag(som, e)}, het gedrukte "
            f"totaal is {bedrag(totaal, e)} "
            f"(verschil {bedrag(abs(totaal - som), e)}){_eenheid_noot(e)}",
        )


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
    """Spreads whose amounts do not add up to their stated total."""
    if source.contract.middelen is None:
        return
    for s, spreiding in enumerate(source.contract.middelen.spreidingen):
        amounts = [j.bedrag for j in spreiding.jaren.values()]
        if spreiding.totaal is None or not amounts or any(a is None for a in amounts):
            continue
        som = sum(a for a in amounts if a is not None)
        if round(som * 100) != round(spreiding.totaal * 100):
            e = spreiding.eenheid
            verschil = spreiding.totaal - som
            yield Hit(
                source,
                ("middelen", "spreidingen", s, "totaal"),
                f"spreiding '{spreiding.omschrijving}': de bedragen tellen op tot "
                f"{bedrag(som, e)}, het genoemde totaal is {bedrag(spreiding.totaal, e)} "
                f"(verschil {bedrag(round(abs(verschil), 2), e)}){_eenheid_noot(e)}",
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
        yield Hit(source, path, f"{what} is negatief; dat kan hier niet")


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
                afwijking = regel.afwijking(year)
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
                    f"{'+' if afwijking > 0 else '−'}{bedrag(abs(afwijking), e)}); vanaf "
                    f"{_drempel_tekst(source)} vraagt de verantwoording een toelichting "
                    f"('toelichting_afwijking'){_eenheid_noot(e)}",
                )
