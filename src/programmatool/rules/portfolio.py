"""PT4xx: the portfolio — every contract given to one check, seen together."""

from __future__ import annotations

from collections.abc import Iterator

from . import Bron, Melding, regel
from .links import hint

_EXTERN_HINT = "; staat het programma buiten het portfolio, zet dan 'extern: true' bij de relatie"


@regel(
    "PT401",
    "fout",
    "Relatie met een programma dat niet bestaat",
    soort="portfolio",
    waarom="""
        Een relatie verwijst met de code van een ander programma. Staat die code bij geen
        enkel contract in de controle, dan is het een tikfout of ontbreekt het contract.
        Deze regel kijkt naar alle contracten die één `check` krijgt; controleer daarom de
        hele map (`programmatool check programmas/`). Bij één los bestand blijft hij stil.
    """,
    voorbeeld="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        relaties:
          - programma: binnestad        # tikfout
        # programmas/binnenstad.yaml
        code: binnenstad
    """,
    oplossing="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        relaties:
          - programma: binnenstad
        # programmas/binnenstad.yaml
        code: binnenstad
        relaties:
          - programma: duurzaamheid
    """,
)
def onbekend_programma(bronnen: list[Bron]) -> Iterator[Melding]:
    """Relations to a programme code that no contract in the check has."""
    codes = {b.contract.code for b in bronnen}
    for bron in bronnen:
        for i, rel in enumerate(bron.contract.relaties):
            if rel.extern or rel.programma is None:
                continue  # a programme outside the portfolio, said so on purpose
            if rel.programma not in codes:
                yield Melding(
                    bron,
                    ("relaties", i, "programma"),
                    f"relatie met programma '{rel.programma}', maar geen contract in deze "
                    f"controle heeft die code"
                    f"{hint(rel.programma, codes) or _EXTERN_HINT}",
                )


@regel(
    "PT402",
    "fout",
    "Twee contracten met dezelfde code",
    soort="portfolio",
    waarom="""
        De code van een programma is zijn sleutel: relaties en documentnamen gebruiken hem.
        Hebben twee contracten dezelfde code, dan is een van beide een kopie die niet is
        aangepast.
    """,
    voorbeeld="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        # programmas/binnenstad.yaml
        code: duurzaamheid          # gekopieerd en niet aangepast
    """,
    oplossing="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        # programmas/binnenstad.yaml
        code: binnenstad
    """,
)
def dubbele_code(bronnen: list[Bron]) -> Iterator[Melding]:
    """Contracts that share a programme code (reported at every file after the first)."""
    first: dict[str, Bron] = {}
    for bron in sorted(bronnen, key=lambda b: b.bestand):
        code = bron.contract.code
        if code in first:
            yield Melding(
                bron,
                ("code",),
                f"code '{code}' wordt ook gebruikt door {first[code].bestand}",
            )
        else:
            first[code] = bron


@regel(
    "PT403",
    "waarschuwing",
    "Relatie staat maar aan één kant",
    soort="portfolio",
    waarom="""
        Als programma A een relatie met B noemt, hoort B die relatie ook te kennen: anders
        weet de programmamanager van B niet dat er op hem wordt gerekend.
    """,
    voorbeeld="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        relaties:
          - programma: binnenstad
        # programmas/binnenstad.yaml
        code: binnenstad              # noemt duurzaamheid niet
    """,
    oplossing="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        relaties:
          - programma: binnenstad
        # programmas/binnenstad.yaml
        code: binnenstad
        relaties:
          - programma: duurzaamheid
    """,
)
def eenzijdige_relatie(bronnen: list[Bron]) -> Iterator[Melding]:
    """Relations that the other programme does not state back."""
    by_code: dict[str, list[Bron]] = {}
    for bron in bronnen:
        by_code.setdefault(bron.contract.code, []).append(bron)
    for bron in bronnen:
        own = bron.contract.code
        for i, rel in enumerate(bron.contract.relaties):
            if rel.extern or rel.programma is None:
                continue
            others = by_code.get(rel.programma)
            if not others or rel.programma == own:
                continue
            if not any(r.programma == own for o in others for r in o.contract.relaties):
                yield Melding(
                    bron,
                    ("relaties", i, "programma"),
                    f"relatie met '{rel.programma}' staat alleen hier: "
                    f"{others[0].bestand} noemt '{own}' niet bij zijn relaties",
                )
