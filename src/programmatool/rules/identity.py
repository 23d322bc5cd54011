"""PT5xx: identity and period of a contract."""

from __future__ import annotations

from collections.abc import Iterator

from . import Bron, Melding, regel


@regel(
    "PT501",
    "fout",
    "Eindjaar voor het startjaar",
    waarom="""
        Een programma dat eindigt voordat het begint, heeft geen looptijd; alle controles op
        jaren hangen ervan af. Meestal zijn start en eind verwisseld.
    """,
    voorbeeld="""
        periode: {start: 2022, eind: 2019}
    """,
    oplossing="""
        periode: {start: 2019, eind: 2022}
    """,
)
def eind_voor_start(bron: Bron) -> Iterator[Melding]:
    """A period whose end year lies before its start year."""
    p = bron.contract.periode
    if p.omgekeerd():
        yield Melding(
            bron,
            ("periode", "eind"),
            f"eindjaar {p.eind} ligt voor startjaar {p.start}",
        )


@regel(
    "PT503",
    "fout",
    "Concept met een datum van vaststelling",
    waarom="""
        Een contract met status concept is nog niet vastgesteld; een datum van vaststelling
        spreekt dat tegen. Pas de status aan of haal de datum weg.
    """,
    voorbeeld="""
        status: concept
        vastgesteld_op: 2019-06-11
    """,
    oplossing="""
        status: vastgesteld
        vastgesteld_op: 2019-06-11
    """,
)
def concept_met_datum(bron: Bron) -> Iterator[Melding]:
    """A concept contract that nevertheless has a date of adoption."""
    c = bron.contract
    if c.status == "concept" and c.vastgesteld_op is not None:
        yield Melding(
            bron,
            ("vastgesteld_op",),
            f"status is 'concept', maar het contract heeft een datum van vaststelling "
            f"({c.vastgesteld_op.isoformat()})",
        )


@regel(
    "PT504",
    "waarschuwing",
    "Vastgesteld na het einde van de looptijd",
    waarom="""
        Een contract wordt vastgesteld vóór of tijdens de jaren waarin het programma loopt.
        Een datum erna wijst op een verkeerd overgenomen jaartal.
    """,
    voorbeeld="""
        vastgesteld_op: 2029-06-11
        periode: {start: 2019, eind: 2022}
    """,
    oplossing="""
        vastgesteld_op: 2019-06-11
        periode: {start: 2019, eind: 2022}
    """,
)
def vastgesteld_na_looptijd(bron: Bron) -> Iterator[Melding]:
    """A date of adoption after the programme's last year."""
    c = bron.contract
    if c.periode.omgekeerd():  # PT501 reports the period itself
        return
    if c.vastgesteld_op is not None and c.periode.na(c.vastgesteld_op.year):
        yield Melding(
            bron,
            ("vastgesteld_op",),
            f"vastgesteld op {c.vastgesteld_op.isoformat()}, na het einde van de looptijd "
            f"{c.periode.tekst()}",
        )
