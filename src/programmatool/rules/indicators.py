"""PT3xx: indicators — years, direction, percentages, value kinds, sources."""

from __future__ import annotations

import re
from collections.abc import Iterator

from programmatool.model.contract import ONBEKEND_WAARDEN, Indicator
from programmatool.model.periods import FOLLOW_UP_YEARS
from programmatool.rules.registry import Hit, Source, rule
from programmatool.text.formatting import getal

Pad = tuple[str | int, ...]

_PERCENT_UNITS = {"%", "procent", "percentage"}


def _is_onbekend(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower() in ONBEKEND_WAARDEN


def _is_getal(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _waarden(i: int, ind: Indicator) -> Iterator[tuple[Pad, str, int | float | str]]:
    """Every value of an indicator with its path and a Dutch name for it."""
    base: Pad = ("indicatoren", i)
    if ind.peilwaarde is not None:
        yield (*base, "peilwaarde"), "peilwaarde", ind.peilwaarde
    for year, value in sorted(ind.streefwaarden.items()):
        yield (*base, "streefwaarden", year), f"streefwaarde {year}", value
    if ind.streefwaarde_zonder_jaar is not None:
        yield (*base, "streefwaarde_zonder_jaar"), "streefwaarde", ind.streefwaarde_zonder_jaar
    for year, real in sorted(ind.realisaties.items()):
        if real.waarde is not None:
            yield (*base, "realisaties", year, "waarde"), f"realisatie {year}", real.waarde


def _show(value: int | float | str) -> str:
    return f"'{value}'" if isinstance(value, str) else getal(value)


@rule(
    "PT301",
    "fout",
    "Peiljaar na het eerste streefjaar",
    why="""
        De peilwaarde is het vertrekpunt waartegen de streefwaarden zijn gekozen. Ligt het
        peiljaar na het eerste jaar met een streefwaarde, dan is het jaartal verkeerd
        overgenomen of is de peilwaarde eigenlijk een realisatie.
    """,
    example="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            peilwaarde: 5
            peiljaar: 2020                  # na het eerste streefjaar 2019
            streefwaarden: {2019: 8, 2020: 12}
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            peilwaarde: 5
            peiljaar: 2018
            streefwaarden: {2019: 8, 2020: 12}
            bron: Gemeente Voorbeeldstad
    """,
)
def peiljaar_na_streefjaar(source: Source) -> Iterator[Hit]:
    """A peiljaar later than the first year with a target."""
    for i, ind in enumerate(source.contract.indicatoren):
        if isinstance(ind.peiljaar, int) and ind.streefwaarden:
            first = min(ind.streefwaarden)
            if ind.peiljaar > first:
                yield Hit(
                    source,
                    ("indicatoren", i, "peiljaar"),
                    f"indicator '{ind.id}': peiljaar {ind.peiljaar} ligt na het eerste "
                    f"streefjaar {first}",
                )


@rule(
    "PT302",
    "fout",
    "Streefjaar buiten de looptijd",
    why="""
        Het programma kan zich alleen vastleggen op streefwaarden voor jaren waarin het loopt.
    """,
    example="""
        periode: {start: 2019, eind: 2022}
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2022: 20, 2023: 22}     # 2023 valt buiten de looptijd
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        periode: {start: 2019, eind: 2022}
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2022: 20}
            bron: Gemeente Voorbeeldstad
    """,
)
def streefjaar_buiten_looptijd(source: Source) -> Iterator[Hit]:
    """Target years outside the programme's period."""
    p = source.contract.periode
    if p.omgekeerd():
        return
    for i, ind in enumerate(source.contract.indicatoren):
        for year in sorted(ind.streefwaarden):
            if p.buiten(year):
                yield Hit(
                    source,
                    ("indicatoren", i, "streefwaarden", year),
                    f"indicator '{ind.id}': streefwaarde voor {year}, buiten de looptijd "
                    f"{p.tekst()}",
                    at_key=True,
                )


@rule(
    "PT303",
    "waarschuwing",
    "Realisatie lang na het einde van de looptijd",
    why="""
        Realisaties van vóór de looptijd zijn welkom als geschiedenis, en een meting tot drie
        jaar na het laatste jaar (een eindevaluatie) wordt beoordeeld tegen de eindwaarde. Een
        meting nog later hoort bij een volgend contract, of het jaartal is verkeerd overgenomen.
    """,
    example="""
        periode: {start: 2019, eind: 2022}
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            realisaties: {2017: 4, 2032: 21}      # 2032 ligt lang na de looptijd
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        periode: {start: 2019, eind: 2022}
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            realisaties: {2017: 4, 2022: 21}
            bron: Gemeente Voorbeeldstad
    """,
)
def realisatie_na_looptijd(source: Source) -> Iterator[Hit]:
    """Realisation years after the programme's last year."""
    p = source.contract.periode
    if p.omgekeerd():
        return
    for i, ind in enumerate(source.contract.indicatoren):
        for year in sorted(ind.realisaties):
            if isinstance(p.eind, int) and year > p.eind + FOLLOW_UP_YEARS:
                yield Hit(
                    source,
                    ("indicatoren", i, "realisaties", year),
                    f"indicator '{ind.id}': realisatie voor {year}, meer dan {FOLLOW_UP_YEARS} "
                    f"jaar na het einde van de looptijd {p.tekst()}",
                    at_key=True,
                )


@rule(
    "PT304",
    "waarschuwing",
    "Streefwaarden bewegen tegen de richting in",
    why="""
        Bij een indicator waar hoger beter is, hoort een latere streefwaarde niet lager te
        zijn dan een eerdere (en andersom bij `richting: lager`). Meestal is de richting
        verkeerd opgegeven of zijn twee cijfers verwisseld.
    """,
    example="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            richting: hoger
            streefwaarden: {2019: 8, 2020: 12, 2021: 10}    # 10 is lager dan 12
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            richting: hoger
            streefwaarden: {2019: 8, 2020: 12, 2021: 17}
            bron: Gemeente Voorbeeldstad
    """,
)
def tegen_richting(source: Source) -> Iterator[Hit]:
    """Consecutive numeric targets that move against the indicator's direction."""
    for i, ind in enumerate(source.contract.indicatoren):
        if ind.meetsoort != "getal":
            continue
        richting, hoe = ind.bepaalde_richting()
        if richting is None:
            continue
        afgeleid = " (afgeleid uit peil- en streefwaarden)" if hoe == "afgeleid" else ""
        previous: tuple[int, int | float] | None = None
        for year, value in sorted(ind.streefwaarden.items()):
            if not _is_getal(value) or isinstance(value, str):
                continue
            if previous is not None:
                p_year, p_value = previous
                worse = value < p_value if richting == "hoger" else value > p_value
                if worse:
                    wat = "lager" if richting == "hoger" else "hoger"
                    yield Hit(
                        source,
                        ("indicatoren", i, "streefwaarden", year),
                        f"indicator '{ind.id}': streefwaarde {year} ({getal(value)}) is {wat} "
                        f"dan die van {p_year} ({getal(p_value)}), terwijl "
                        f"{richting} beter is{afgeleid}",
                    )
            previous = (year, value)


@rule(
    "PT305",
    "fout",
    "Percentage buiten 0–100",
    why="""
        Een indicator in procenten kan niet onder 0 of boven 100 uitkomen. Een waarde als 650
        is vaak een verschoven komma (6,50) of een aantal in plaats van een percentage.
    """,
    example="""
        indicatoren:
          - id: tevreden
            naam: Percentage inwoners dat de buurt schoon vindt
            doel: a
            eenheid: "%"
            streefwaarden: {2019: 65, 2020: 670}
            bron: Wijkscan
    """,
    fix="""
        indicatoren:
          - id: tevreden
            naam: Percentage inwoners dat de buurt schoon vindt
            doel: a
            eenheid: "%"
            streefwaarden: {2019: 65, 2020: 67}
            bron: Wijkscan
    """,
)
def percentage_bereik(source: Source) -> Iterator[Hit]:
    """Values of a percentage indicator below 0 or above 100."""
    for i, ind in enumerate(source.contract.indicatoren):
        if (ind.eenheid or "").strip().lower() not in _PERCENT_UNITS or ind.meetsoort != "getal":
            continue
        for path, name, value in _waarden(i, ind):
            if _is_getal(value) and not isinstance(value, str) and not 0 <= value <= 100:
                yield Hit(
                    source,
                    path,
                    f"indicator '{ind.id}': {name} is {getal(value)} %, buiten 0–100 %",
                )


@rule(
    "PT306",
    "fout",
    "Realisatie in de toekomst",
    why="""
        Een realisatie is een meting die is gedaan. Een jaar of datum na vandaag kan dus
        niet; waarschijnlijk hoort het getal bij de streefwaarden.
    """,
    example="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            realisaties: {2019: 9, 2099: 30}
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2022: 30}
            realisaties: {2019: 9}
            bron: Gemeente Voorbeeldstad
    """,
)
def realisatie_in_toekomst(source: Source) -> Iterator[Hit]:
    """Realisations for a year after this one, or dated after today."""
    today = source.today
    for i, ind in enumerate(source.contract.indicatoren):
        for year, real in sorted(ind.realisaties.items()):
            if year > today.year:
                yield Hit(
                    source,
                    ("indicatoren", i, "realisaties", year),
                    f"indicator '{ind.id}': realisatie voor {year} ligt in de toekomst",
                    at_key=True,
                )
            elif real.datum is not None and real.datum > today:
                yield Hit(
                    source,
                    ("indicatoren", i, "realisaties", year, "datum"),
                    f"indicator '{ind.id}': realisatie {year} is gedateerd op "
                    f"{real.datum.isoformat()}, in de toekomst",
                )


@rule(
    "PT307",
    "waarschuwing",
    "Indicator zonder bron",
    why="""
        Zonder bron kan niemand een realisatie nagaan of volgend jaar op dezelfde manier
        meten. De bron staat in het contract meestal in de laatste kolom van de tabel. Heeft
        de indicator zelf geen `bron`, maar elke meting (`realisaties`) wel een eigen `bron`,
        dan is elke meting na te gaan en volgt geen melding.
    """,
    example="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2019: 8}
    """,
    fix="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2019: 8}
            bron: Gemeente Voorbeeldstad
    """,
)
def zonder_bron(source: Source) -> Iterator[Hit]:
    """Indicators without a bron, unless every measurement names its own."""
    for i, ind in enumerate(source.contract.indicatoren):
        measured = ind.realisaties.values()
        if ind.bron is None and not (measured and all(r.bron for r in measured)):
            yield Hit(source, ("indicatoren", i, "id"), f"indicator '{ind.id}' heeft geen bron")


@rule(
    "PT308",
    "fout",
    "Tekst waar een getal hoort",
    why="""
        Een indicator met `meetsoort: getal` (de standaard) meet een getal. Een woord als
        waarde is alleen goed als het aangeeft dat de waarde (nog) onbekend is: `n.t.b.`,
        `p.m.` of `onbekend`. Een woord op een schaal vraagt `meetsoort: schaal`.
    """,
    example="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2019: acht, 2020: n.t.b.}
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2019: 8, 2020: n.t.b.}
            bron: Gemeente Voorbeeldstad
    """,
)
def tekst_als_getal(source: Source) -> Iterator[Hit]:
    """Text values on a numeric indicator that are not an unknown-marker."""
    for i, ind in enumerate(source.contract.indicatoren):
        if ind.meetsoort != "getal":
            continue
        for path, name, value in _waarden(i, ind):
            if isinstance(value, str) and not _is_onbekend(value):
                comma = re.fullmatch(r"-?\d+,\d+", value.strip())
                punt = value.strip().replace(",", ".")
                hint = (
                    f"; YAML schrijft een decimaal getal met een punt: {punt}"
                    if comma
                    else f" (of {', '.join(ONBEKEND_WAARDEN)})"
                )
                yield Hit(
                    source,
                    path,
                    f"indicator '{ind.id}' {name}: verwacht een getal, gevonden '{value}'{hint}",
                )


@rule(
    "PT309",
    "fout",
    "Waarde die niet op de schaal staat",
    why="""
        Bij `meetsoort: schaal` is elke waarde een woord uit de `schaal` van de indicator
        (van slecht naar goed). Een ander woord of een getal kan niet worden vergeleken.
    """,
    example="""
        indicatoren:
          - id: spanning
            naam: Spanningsindicator arbeidsmarkt (UWV)
            doel: a
            meetsoort: schaal
            schaal: [zeer ruim, ruim, gemiddeld, krap, zeer krap]
            streefwaarden: {2019: normaal}      # 'normaal' staat niet op de schaal
            bron: UWV
    """,
    fix="""
        indicatoren:
          - id: spanning
            naam: Spanningsindicator arbeidsmarkt (UWV)
            doel: a
            meetsoort: schaal
            schaal: [zeer ruim, ruim, gemiddeld, krap, zeer krap]
            streefwaarden: {2019: gemiddeld}
            bron: UWV
    """,
)
def niet_op_schaal(source: Source) -> Iterator[Hit]:
    """Values of a scale indicator that are not on its scale (or a scale that is missing)."""
    for i, ind in enumerate(source.contract.indicatoren):
        if ind.meetsoort != "schaal":
            continue
        if not ind.schaal:
            yield Hit(
                source,
                ("indicatoren", i, "meetsoort"),
                f"indicator '{ind.id}' heeft meetsoort schaal maar geen 'schaal' met woorden",
            )
            continue
        words = {w.strip().lower() for w in ind.schaal}
        options = ", ".join(ind.schaal)
        for path, name, value in _waarden(i, ind):
            if _is_onbekend(value):
                continue
            if not isinstance(value, str) or value.strip().lower() not in words:
                yield Hit(
                    source,
                    path,
                    f"indicator '{ind.id}' {name}: {_show(value)} staat niet op de schaal "
                    f"({options})",
                )


@rule(
    "PT310",
    "fout",
    "Mijlpaal zonder streefdatum",
    why="""
        Een mijlpaal ("omgevingsvisie uiterlijk 1 juli 2020 vastgesteld") wordt gevolgd aan de
        hand van zijn datum. Zonder `streefdatum` is niet te zeggen of hij op tijd is.
        Houd de woorden van de bron in `streefdatum_tekst`. Noemt de bron alleen een jaar
        ("Er is in 2024 een kader"), schrijf dan `streefjaar: 2024`: de mijlpaal moet dan
        uiterlijk eind van dat jaar bereikt zijn.
    """,
    example="""
        indicatoren:
          - id: omgevingsvisie
            naam: Omgevingsvisie vastgesteld
            doel: a
            meetsoort: mijlpaal
            streefdatum_tekst: uiterlijk 1 juli 2020
            bron: Raadsbesluit
    """,
    fix="""
        indicatoren:
          - id: omgevingsvisie
            naam: Omgevingsvisie vastgesteld
            doel: a
            meetsoort: mijlpaal
            streefdatum: 2020-07-01
            streefdatum_tekst: uiterlijk 1 juli 2020
            bron: Raadsbesluit
    """,
)
def mijlpaal_zonder_datum(source: Source) -> Iterator[Hit]:
    """Milestone indicators without a streefdatum."""
    for i, ind in enumerate(source.contract.indicatoren):
        if ind.meetsoort == "mijlpaal" and ind.streefdatum is None and ind.streefjaar is None:
            yield Hit(
                source,
                ("indicatoren", i, "meetsoort"),
                f"indicator '{ind.id}' is een mijlpaal zonder streefdatum of streefjaar",
            )


@rule(
    "PT311",
    "fout",
    "Indicator zonder richting",
    why="""
        Of een indicator op koers ligt, hangt af van de richting: is hoger of lager beter? De
        tool verzint die niet. Staat `richting` er niet, dan leidt de tool hem alleen af als
        peilwaarde (of de eerste streefwaarde) en de laatste streefwaarde hem laten zien, en
        zegt dat in de voortgang en de documenten. Kan dat niet, dan is dit een fout. Zegt
        de bron het echt niet, schrijf dan `richting: onbekend`: dat is een waarschuwing
        (PT601) en de voortgang blijft 'geen oordeel mogelijk'. Een indicator zonder
        streefwaarde in getallen (alleen een peilwaarde, of streefwaarden als 'n.t.b.') heeft
        niets om tegen te beoordelen en hoeft geen richting.
    """,
    example="""
        indicatoren:
          - id: banen
            naam: Banen per 1.000 inwoners van 15-64 jaar
            doel: a
            peilwaarde: 864.4          # geen richting; de streefwaarde is gelijk
            peiljaar: 2016
            streefwaarden: {2022: 864.4}
            bron: LISA
    """,
    fix="""
        indicatoren:
          - id: banen
            naam: Banen per 1.000 inwoners van 15-64 jaar
            doel: a
            richting: hoger
            peilwaarde: 864.4
            peiljaar: 2016
            streefwaarden: {2022: 864.4}
            bron: LISA
    """,
)
def zonder_richting(source: Source) -> Iterator[Hit]:
    """Indicators with a numeric target but without a direction the values show either."""
    for i, ind in enumerate(source.contract.indicatoren):
        targets = [*ind.streefwaarden.values(), ind.streefwaarde_zonder_jaar]
        if not any(_is_getal(v) for v in targets):
            continue  # nothing to judge against: a direction would decide nothing
        if ind.bepaalde_richting()[1] == "ontbreekt":
            yield Hit(
                source,
                ("indicatoren", i, "id"),
                f"indicator '{ind.id}' heeft geen richting, en de peilwaarde en streefwaarden "
                "laten niet zien of hoger of lager beter is; schrijf 'richting: hoger' of "
                "'richting: lager' (of 'richting: onbekend' als de bron het niet zegt)",
            )


#: Units that count whole things: a figure in them with three decimals is most likely a
#: thousands point read as a decimal point (``peilwaarde: 2.372`` for 2372).
_COUNT_UNITS = frozenset(
    {
        "aantal",
        "woningen",
        "personen",
        "mensen",
        "inwoners",
        "huishoudens",
        "deelnemers",
        "bezoekers",
        "leerlingen",
        "banen",
        "bedrijven",
        "meldingen",
        "uitkeringen",
        "dossiers",
        "euro",
        "€",
    }
)


def _looks_like_thousands(ind: Indicator, value: int | float) -> bool:
    """A value with exactly three decimals where the unit counts whole things or the
    indicator's other figures are whole numbers of 1000 or more."""
    from programmatool.text.numbers import decimal_places

    if not isinstance(value, float) or decimal_places(value) != 3:
        return False
    if (ind.eenheid or "").strip().casefold() in _COUNT_UNITS:
        return True
    others = [v for _p, _n, v in _waarden(0, ind) if _is_getal(v) and v is not value]
    return any(isinstance(v, int) and abs(v) >= 1000 for v in others)


@rule(
    "PT312",
    "waarschuwing",
    "Getal met drie decimalen dat een duizendtal lijkt",
    why="""
        In een Nederlandse bron groepeert een punt de duizendtallen: "2.372" is
        tweeduizenddriehonderdtweeënzeventig. In YAML is `2.372` echter twee komma drie. Heeft
        een waarde precies drie decimalen in een indicator die hele dingen telt (eenheid
        'aantal', 'woningen', 'personen' …) of waarvan de andere waarden hele getallen van 1000
        of meer zijn, dan is de punt vrijwel zeker uit de bron overgenomen. Schrijf het getal
        zonder punt (`2372`); is het echt een getal met decimalen, zet dan een vierde decimaal
        of een toelichting erbij.
    """,
    example="""
        indicatoren:
          - id: bijstand
            naam: Aantal bijstandsdossiers
            doel: a
            eenheid: aantal
            richting: lager
            peilwaarde: 2.372           # bedoeld is 2372
            peiljaar: 2018
            streefwaarden: {2022: 2200}
            bron: Gemeente Voorbeeldstad
    """,
    fix="""
        indicatoren:
          - id: bijstand
            naam: Aantal bijstandsdossiers
            doel: a
            eenheid: aantal
            richting: lager
            peilwaarde: 2372
            peiljaar: 2018
            streefwaarden: {2022: 2200}
            bron: Gemeente Voorbeeldstad
    """,
)
def duizendtal_als_decimalen(source: Source) -> Iterator[Hit]:
    """Values with three decimals where a thousands point is the likely reading."""
    for i, ind in enumerate(source.contract.indicatoren):
        for path, name, value in _waarden(i, ind):
            if isinstance(value, float) and _looks_like_thousands(ind, value):
                whole = round(value * 1000)
                yield Hit(
                    source,
                    path,
                    f"indicator '{ind.id}' {name}: {value} heeft drie decimalen; bedoelt de bron "
                    f"{getal(whole)} (een punt als duizendtal)? Schrijf dan {whole}",
                )
