"""PT4xx: the portfolio — every contract given to one check, seen together."""

from __future__ import annotations

from collections.abc import Iterator

from programmatool.rules.registry import Hit, Source, rule
from programmatool.text.suggest import Suggester

_EXTERN_HINT = "; staat het programma buiten het portfolio, zet dan 'extern: true' bij de relatie"


@rule(
    "PT401",
    "fout",
    "Relatie met een programma dat niet bestaat",
    kind="portfolio",
    why="""
        Een relatie verwijst met de code van een ander programma. Staat die code bij geen
        enkel contract in de controle, dan is het een tikfout of ontbreekt het contract.
        Deze regel kijkt naar alle contracten die één `check` krijgt; controleer daarom de
        hele map (`programmatool check programmas/`). Bij één los bestand blijft hij stil.
    """,
    example="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        relaties:
          - programma: binnestad        # tikfout
        # programmas/binnenstad.yaml
        code: binnenstad
    """,
    fix="""
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
def onbekend_programma(sources: list[Source]) -> Iterator[Hit]:
    """Relations to a programme code that no contract in the check has."""
    codes = {b.contract.code for b in sources}
    suggest = Suggester(codes)
    for source in sources:
        for i, rel in enumerate(source.contract.relaties):
            if rel.extern or rel.programma is None:
                continue  # a programme outside the portfolio, said so on purpose
            if rel.programma not in codes:
                yield Hit(
                    source,
                    ("relaties", i, "programma"),
                    f"relatie met programma '{rel.programma}', maar geen contract in deze "
                    f"controle heeft die code"
                    f"{suggest.did_you_mean(rel.programma) or _EXTERN_HINT}",
                )


@rule(
    "PT402",
    "fout",
    "Twee contracten met dezelfde code",
    kind="portfolio",
    why="""
        De code van een programma is zijn sleutel: relaties en documentnamen gebruiken hem.
        Hebben twee contracten dezelfde code, dan is een van beide een kopie die niet is
        aangepast.
    """,
    example="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        # programmas/binnenstad.yaml
        code: duurzaamheid          # gekopieerd en niet aangepast
    """,
    fix="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        # programmas/binnenstad.yaml
        code: binnenstad
    """,
)
def dubbele_code(sources: list[Source]) -> Iterator[Hit]:
    """Contracts that share a programme code (reported at every file after the first)."""
    first: dict[str, Source] = {}
    for source in sorted(sources, key=lambda b: b.path):
        code = source.contract.code
        if code in first:
            yield Hit(
                source,
                ("code",),
                f"code '{code}' wordt ook gebruikt door {first[code].path}",
            )
        else:
            first[code] = source


@rule(
    "PT403",
    "waarschuwing",
    "Relatie staat maar aan één kant",
    kind="portfolio",
    why="""
        Als programma A een relatie met B noemt, hoort B die relatie ook te kennen: anders
        weet de programmamanager van B niet dat er op hem wordt gerekend.
    """,
    example="""
        # programmas/duurzaamheid.yaml
        code: duurzaamheid
        relaties:
          - programma: binnenstad
        # programmas/binnenstad.yaml
        code: binnenstad              # noemt duurzaamheid niet
    """,
    fix="""
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
def eenzijdige_relatie(sources: list[Source]) -> Iterator[Hit]:
    """Relations that the other programme does not state back."""
    by_code: dict[str, list[Source]] = {}
    for source in sources:
        by_code.setdefault(source.contract.code, []).append(source)
    for source in sources:
        own = source.contract.code
        for i, rel in enumerate(source.contract.relaties):
            if rel.extern or rel.programma is None:
                continue
            others = by_code.get(rel.programma)
            if not others or rel.programma == own:
                continue
            if not any(r.programma == own for o in others for r in o.contract.relaties):
                yield Hit(
                    source,
                    ("relaties", i, "programma"),
                    f"relatie met '{rel.programma}' staat alleen hier: "
                    f"{others[0].path} noemt '{own}' niet bij zijn relaties",
                )
