"""PT3xx: indicators — years, direction, percentages, value kinds, sources."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ONBEKEND_WAARDEN, Indicator
from ..progress import NAMETING_JAREN
from . import Bron, Melding, regel
from .budget import getal

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
    for year, real in sorted(ind.realisaties.items()):
        if real.waarde is not None:
            yield (*base, "realisaties", year, "waarde"), f"realisatie {year}", real.waarde


def _show(value: int | float | str) -> str:
    return f"'{value}'" if isinstance(value, str) else getal(value)


@regel(
    "PT301",
    "fout",
    "Peiljaar na het eerste streefjaar",
    waarom="""
        De peilwaarde is het vertrekpunt waartegen de streefwaarden zijn gekozen. Ligt het
        peiljaar na het eerste jaar met een streefwaarde, dan is het jaartal verkeerd
        overgenomen of is de peilwaarde eigenlijk een realisatie.
    """,
    voorbeeld="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            peilwaarde: 5
            peiljaar: 2020                  # na het eerste streefjaar 2019
            streefwaarden: {2019: 8, 2020: 12}
            bron: Gemeente Voorbeeldstad
    """,
    oplossing="""
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
def peiljaar_na_streefjaar(bron: Bron) -> Iterator[Melding]:
    """A peiljaar later than the first year with a target."""
    for i, ind in enumerate(bron.contract.indicatoren):
        if ind.peiljaar is not None and ind.streefwaarden:
            first = min(ind.streefwaarden)
            if ind.peiljaar > first:
                yield Melding(
                    bron,
                    ("indicatoren", i, "peiljaar"),
                    f"indicator '{ind.id}': peiljaar {ind.peiljaar} ligt na het eerste "
                    f"streefjaar {first}",
                )


@regel(
    "PT302",
    "fout",
    "Streefjaar buiten de looptijd",
    waarom="""
        Het programma kan zich alleen vastleggen op streefwaarden voor jaren waarin het loopt.
    """,
    voorbeeld="""
        periode: {start: 2019, eind: 2022}
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2022: 20, 2023: 22}     # 2023 valt buiten de looptijd
            bron: Gemeente Voorbeeldstad
    """,
    oplossing="""
        periode: {start: 2019, eind: 2022}
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2022: 20}
            bron: Gemeente Voorbeeldstad
    """,
)
def streefjaar_buiten_looptijd(bron: Bron) -> Iterator[Melding]:
    """Target years outside the programme's period."""
    p = bron.contract.periode
    if p.start > p.eind:
        return
    for i, ind in enumerate(bron.contract.indicatoren):
        for year in sorted(ind.streefwaarden):
            if not p.start <= year <= p.eind:
                yield Melding(
                    bron,
                    ("indicatoren", i, "streefwaarden", year),
                    f"indicator '{ind.id}': streefwaarde voor {year}, buiten de looptijd "
                    f"{p.start}–{p.eind}",
                    sleutel=True,
                )


@regel(
    "PT303",
    "waarschuwing",
    "Realisatie lang na het einde van de looptijd",
    waarom="""
        Realisaties van vóór de looptijd zijn welkom als geschiedenis, en een meting tot drie
        jaar na het laatste jaar (een eindevaluatie) wordt beoordeeld tegen de eindwaarde. Een
        meting nog later hoort bij een volgend contract, of het jaartal is verkeerd overgenomen.
    """,
    voorbeeld="""
        periode: {start: 2019, eind: 2022}
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            realisaties: {2017: 4, 2032: 21}      # 2032 ligt lang na de looptijd
            bron: Gemeente Voorbeeldstad
    """,
    oplossing="""
        periode: {start: 2019, eind: 2022}
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            realisaties: {2017: 4, 2022: 21}
            bron: Gemeente Voorbeeldstad
    """,
)
def realisatie_na_looptijd(bron: Bron) -> Iterator[Melding]:
    """Realisation years after the programme's last year."""
    p = bron.contract.periode
    if p.start > p.eind:
        return
    for i, ind in enumerate(bron.contract.indicatoren):
        for year in sorted(ind.realisaties):
            if year > p.eind + NAMETING_JAREN:
                yield Melding(
                    bron,
                    ("indicatoren", i, "realisaties", year),
                    f"indicator '{ind.id}': realisatie voor {year}, meer dan {NAMETING_JAREN} "
                    f"jaar na het einde van de looptijd {p.start}–{p.eind}",
                    sleutel=True,
                )


@regel(
    "PT304",
    "waarschuwing",
    "Streefwaarden bewegen tegen de richting in",
    waarom="""
        Bij een indicator waar hoger beter is, hoort een latere streefwaarde niet lager te
        zijn dan een eerdere (en andersom bij `richting: lager`). Meestal is de richting
        verkeerd opgegeven of zijn twee cijfers verwisseld.
    """,
    voorbeeld="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            richting: hoger
            streefwaarden: {2019: 8, 2020: 12, 2021: 10}    # 10 is lager dan 12
            bron: Gemeente Voorbeeldstad
    """,
    oplossing="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            richting: hoger
            streefwaarden: {2019: 8, 2020: 12, 2021: 17}
            bron: Gemeente Voorbeeldstad
    """,
)
def tegen_richting(bron: Bron) -> Iterator[Melding]:
    """Consecutive numeric targets that move against the indicator's direction."""
    for i, ind in enumerate(bron.contract.indicatoren):
        if ind.meetsoort != "getal":
            continue
        previous: tuple[int, int | float] | None = None
        for year, value in sorted(ind.streefwaarden.items()):
            if not _is_getal(value) or isinstance(value, str):
                continue
            if previous is not None:
                p_year, p_value = previous
                worse = value < p_value if ind.richting == "hoger" else value > p_value
                if worse:
                    wat = "lager" if ind.richting == "hoger" else "hoger"
                    yield Melding(
                        bron,
                        ("indicatoren", i, "streefwaarden", year),
                        f"indicator '{ind.id}': streefwaarde {year} ({getal(value)}) is {wat} "
                        f"dan die van {p_year} ({getal(p_value)}), terwijl "
                        f"{ind.richting} beter is",
                    )
            previous = (year, value)


@regel(
    "PT305",
    "fout",
    "Percentage buiten 0–100",
    waarom="""
        Een indicator in procenten kan niet onder 0 of boven 100 uitkomen. Een waarde als 650
        is vaak een verschoven komma (6,50) of een aantal in plaats van een percentage.
    """,
    voorbeeld="""
        indicatoren:
          - id: tevreden
            naam: Percentage inwoners dat de buurt schoon vindt
            doel: a
            eenheid: "%"
            streefwaarden: {2019: 65, 2020: 670}
            bron: Wijkscan
    """,
    oplossing="""
        indicatoren:
          - id: tevreden
            naam: Percentage inwoners dat de buurt schoon vindt
            doel: a
            eenheid: "%"
            streefwaarden: {2019: 65, 2020: 67}
            bron: Wijkscan
    """,
)
def percentage_bereik(bron: Bron) -> Iterator[Melding]:
    """Values of a percentage indicator below 0 or above 100."""
    for i, ind in enumerate(bron.contract.indicatoren):
        if ind.eenheid.strip().lower() not in _PERCENT_UNITS or ind.meetsoort != "getal":
            continue
        for path, name, value in _waarden(i, ind):
            if _is_getal(value) and not isinstance(value, str) and not 0 <= value <= 100:
                yield Melding(
                    bron,
                    path,
                    f"indicator '{ind.id}': {name} is {getal(value)} %, buiten 0–100 %",
                )


@regel(
    "PT306",
    "fout",
    "Realisatie in de toekomst",
    waarom="""
        Een realisatie is een meting die is gedaan. Een jaar of datum na vandaag kan dus
        niet; waarschijnlijk hoort het getal bij de streefwaarden.
    """,
    voorbeeld="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            realisaties: {2019: 9, 2099: 30}
            bron: Gemeente Voorbeeldstad
    """,
    oplossing="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2022: 30}
            realisaties: {2019: 9}
            bron: Gemeente Voorbeeldstad
    """,
)
def realisatie_in_toekomst(bron: Bron) -> Iterator[Melding]:
    """Realisations for a year after this one, or dated after today."""
    today = bron.vandaag
    for i, ind in enumerate(bron.contract.indicatoren):
        for year, real in sorted(ind.realisaties.items()):
            if year > today.year:
                yield Melding(
                    bron,
                    ("indicatoren", i, "realisaties", year),
                    f"indicator '{ind.id}': realisatie voor {year} ligt in de toekomst",
                    sleutel=True,
                )
            elif real.datum is not None and real.datum > today:
                yield Melding(
                    bron,
                    ("indicatoren", i, "realisaties", year, "datum"),
                    f"indicator '{ind.id}': realisatie {year} is gedateerd op "
                    f"{real.datum.isoformat()}, in de toekomst",
                )


@regel(
    "PT307",
    "waarschuwing",
    "Indicator zonder bron",
    waarom="""
        Zonder bron kan niemand een realisatie nagaan of volgend jaar op dezelfde manier
        meten. De bron staat in het contract meestal in de laatste kolom van de tabel.
    """,
    voorbeeld="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2019: 8}
    """,
    oplossing="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2019: 8}
            bron: Gemeente Voorbeeldstad
    """,
)
def zonder_bron(bron: Bron) -> Iterator[Melding]:
    """Indicators without a bron."""
    for i, ind in enumerate(bron.contract.indicatoren):
        if ind.bron is None:
            yield Melding(bron, ("indicatoren", i, "id"), f"indicator '{ind.id}' heeft geen bron")


@regel(
    "PT308",
    "fout",
    "Tekst waar een getal hoort",
    waarom="""
        Een indicator met `meetsoort: getal` (de standaard) meet een getal. Een woord als
        waarde is alleen goed als het aangeeft dat de waarde (nog) onbekend is: `n.t.b.`,
        `p.m.` of `onbekend`. Een woord op een schaal vraagt `meetsoort: schaal`.
    """,
    voorbeeld="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2019: acht, 2020: n.t.b.}
            bron: Gemeente Voorbeeldstad
    """,
    oplossing="""
        indicatoren:
          - id: scholen
            naam: Aantal deelnemende scholen
            doel: a
            streefwaarden: {2019: 8, 2020: n.t.b.}
            bron: Gemeente Voorbeeldstad
    """,
)
def tekst_als_getal(bron: Bron) -> Iterator[Melding]:
    """Text values on a numeric indicator that are not an unknown-marker."""
    for i, ind in enumerate(bron.contract.indicatoren):
        if ind.meetsoort != "getal":
            continue
        for path, name, value in _waarden(i, ind):
            if isinstance(value, str) and not _is_onbekend(value):
                yield Melding(
                    bron,
                    path,
                    f"indicator '{ind.id}' {name}: verwacht een getal, gevonden '{value}' "
                    f"(of {', '.join(ONBEKEND_WAARDEN)})",
                )


@regel(
    "PT309",
    "fout",
    "Waarde die niet op de schaal staat",
    waarom="""
        Bij `meetsoort: schaal` is elke waarde een woord uit de `schaal` van de indicator
        (van slecht naar goed). Een ander woord of een getal kan niet worden vergeleken.
    """,
    voorbeeld="""
        indicatoren:
          - id: spanning
            naam: Spanningsindicator arbeidsmarkt (UWV)
            doel: a
            meetsoort: schaal
            schaal: [zeer ruim, ruim, gemiddeld, krap, zeer krap]
            streefwaarden: {2019: normaal}      # 'normaal' staat niet op de schaal
            bron: UWV
    """,
    oplossing="""
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
def niet_op_schaal(bron: Bron) -> Iterator[Melding]:
    """Values of a scale indicator that are not on its scale (or a scale that is missing)."""
    for i, ind in enumerate(bron.contract.indicatoren):
        if ind.meetsoort != "schaal":
            continue
        if not ind.schaal:
            yield Melding(
                bron,
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
                yield Melding(
                    bron,
                    path,
                    f"indicator '{ind.id}' {name}: {_show(value)} staat niet op de schaal "
                    f"({options})",
                )


@regel(
    "PT310",
    "fout",
    "Mijlpaal zonder streefdatum",
    waarom="""
        Een mijlpaal ("omgevingsvisie uiterlijk 1 juli 2020 vastgesteld") wordt gevolgd aan de
        hand van zijn datum. Zonder `streefdatum` is niet te zeggen of hij op tijd is.
        Houd de woorden van de bron in `streefdatum_tekst`.
    """,
    voorbeeld="""
        indicatoren:
          - id: omgevingsvisie
            naam: Omgevingsvisie vastgesteld
            doel: a
            meetsoort: mijlpaal
            streefdatum_tekst: uiterlijk 1 juli 2020
            bron: Raadsbesluit
    """,
    oplossing="""
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
def mijlpaal_zonder_datum(bron: Bron) -> Iterator[Melding]:
    """Milestone indicators without a streefdatum."""
    for i, ind in enumerate(bron.contract.indicatoren):
        if ind.meetsoort == "mijlpaal" and ind.streefdatum is None:
            yield Melding(
                bron,
                ("indicatoren", i, "meetsoort"),
                f"indicator '{ind.id}' is een mijlpaal zonder streefdatum",
            )
