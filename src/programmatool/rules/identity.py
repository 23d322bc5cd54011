"""PT5xx: identity and period of a contract."""

from __future__ import annotations

from collections.abc import Iterator

from programmatool.rules.registry import Hit, Source, rule


@rule(
    "PT501",
    "fout",
    "Eindjaar voor het startjaar",
    why="""
        Een programma dat eindigt voordat het begint, heeft geen looptijd; alle controles op
        jaren hangen ervan af. Meestal zijn start en eind verwisseld.
    """,
    example="""
        periode: {start: 2022, eind: 2019}
    """,
    fix="""
        periode: {start: 2019, eind: 2022}
    """,
)
def eind_voor_start(source: Source) -> Iterator[Hit]:
    """A period whose end year lies before its start year."""
    p = source.contract.periode
    if p.omgekeerd():
        yield Hit(
            source,
            ("periode", "eind"),
            f"eindjaar {p.eind} ligt vóór startjaar {p.start}",
        )


@rule(
    "PT503",
    "fout",
    "Concept met een datum van vaststelling",
    why="""
        Een contract met status concept is nog niet vastgesteld; een datum van vaststelling
        spreekt dat tegen. Pas de status aan of haal de datum weg.
    """,
    example="""
        status: concept
        vastgesteld_op: 2019-06-11
    """,
    fix="""
        status: vastgesteld
        vastgesteld_op: 2019-06-11
    """,
)
def concept_met_datum(source: Source) -> Iterator[Hit]:
    """A concept contract that nevertheless has a date of adoption."""
    c = source.contract
    if c.status == "concept" and c.vastgesteld_op is not None:
        yield Hit(
            source,
            ("vastgesteld_op",),
            f"status is 'concept', maar het contract heeft een datum van vaststelling "
            f"({c.vastgesteld_op.isoformat()})",
        )


@rule(
    "PT504",
    "waarschuwing",
    "Vastgesteld na het einde van de looptijd",
    why="""
        Een contract wordt vastgesteld vóór of tijdens de jaren waarin het programma loopt.
        Een datum erna wijst op een verkeerd overgenomen jaartal.
    """,
    example="""
        vastgesteld_op: 2029-06-11
        periode: {start: 2019, eind: 2022}
    """,
    fix="""
        vastgesteld_op: 2019-06-11
        periode: {start: 2019, eind: 2022}
    """,
)
def vastgesteld_na_looptijd(source: Source) -> Iterator[Hit]:
    """A date of adoption after the programme's last year."""
    c = source.contract
    if c.periode.omgekeerd():  # PT501 reports the period itself
        return
    if c.vastgesteld_op is not None and c.periode.na(c.vastgesteld_op.year):
        yield Hit(
            source,
            ("vastgesteld_op",),
            f"vastgesteld op {c.vastgesteld_op.isoformat()}, na het einde van de looptijd "
            f"{c.periode.tekst()}",
        )
