"""The programme card: the one-minute answer at the top of every document.

What does it cost per year (every budget table, with amounts not yet covered), is it on course
and on which measurements does that rest, who is the portefeuillehouder, and which version is
this. Pure: from a contract and its progress to plain strings; the templates only lay it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from programmatool.diff.adoption import SindsVaststelling
from programmatool.model.contract import Contract, OverigBudget
from programmatool.progress.results import ProgrammeProgress
from programmatool.progress.statuses import JUDGED
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.rendering.costs import Geld, programma_geld
from programmatool.text import formatting as fmt

_STATUS_CONTRACT = {
    "concept": "concept",
    "vastgesteld": "vastgesteld",
    "gewijzigd": "gewijzigd",
}


@dataclass
class Programmakaart:
    """The card's content."""

    #: What it costs: one amount per year and one total (rendering.costs).
    geld: Geld
    status: str
    status_uitleg: str
    portefeuillehouder: str
    versie: str
    legenda: Legenda | None
    #: What changed since the adopted version; None only where no file was read (the Python
    #: API on a bare contract), so every rendered document says something.
    sinds_vaststelling: SindsVaststelling | None = None


def overig_bedrag(o: OverigBudget) -> str:
    """An amount under ``middelen.overige`` in euro: "€ 50.000", a range, or "p.m."."""
    if o.bedrag is None:
        return "p.m."
    if o.bedrag_tot is not None:
        return (
            f"{fmt.bedrag_in_euro(o.bedrag, o.eenheid)} tot "
            f"{fmt.bedrag_in_euro(o.bedrag_tot, o.eenheid)}"
        )
    return fmt.bedrag_in_euro(o.bedrag, o.eenheid)


def status_uitleg(voortgang: ProgrammeProgress | None) -> str:
    """'op grond van metingen over 2020; 3 van 6 indicatoren gemeten' (or why there is none)."""
    if voortgang is None or not voortgang.indicatoren:
        return "het programma heeft geen indicatoren"
    if not voortgang.dekking.beoordeeld or voortgang.jaar is None:
        return f"nog geen meting met een oordeel: {voortgang.dekking.volledig}"
    jaren = sorted(
        {
            iv.realisatie_jaar
            for iv in voortgang.indicatoren
            if iv.status in JUDGED and iv.realisatie_jaar is not None
        }
    )
    if len(jaren) > 1 and jaren[-1] == voortgang.jaar:
        over = f"over {jaren[0]} tot en met {jaren[-1]}"
    else:
        over = f"over {voortgang.jaar}"
    deel = voortgang.dekking.deeloordeel
    wat = f"wat beoordeeld is: {deel}; " if deel is not None else ""
    return f"{wat}op grond van metingen {over}; {voortgang.dekking.volledig}"


def _personen(contract: Contract) -> str:
    namen = [p.naam for p in contract.rollen.bestuurlijk_opdrachtgevers]
    return ", ".join(namen) if namen else "–"


def _versie(contract: Contract) -> str:
    delen = [_STATUS_CONTRACT.get(contract.status, contract.status)]
    if contract.vastgesteld_op is not None:
        # An amended contract keeps its adoption date; it was not amended on that day.
        na = " na vaststelling" if contract.status == "gewijzigd" else ""
        delen[0] += f"{na} op {fmt.datum(contract.vastgesteld_op)}"
    if contract.versie:
        delen.append(f"versie {contract.versie}")
    if contract.kenmerk:
        delen.append(f"kenmerk {contract.kenmerk}")
    return ", ".join(delen)


def legenda(drempels: Thresholds = DEFAULT_THRESHOLDS) -> list[tuple[str, str]]:
    """What each status means, in plain words (B1), with the thresholds in force."""
    koers = fmt.getal(round(drempels.op_koers * 100, 1))
    klein = fmt.getal(round(drempels.kleine_achterstand * 100, 1))
    nodig = "de vooruitgang die tot dan nodig was om de streefwaarde op tijd te halen"
    return [
        (
            "behaald",
            "de meting haalt de streefwaarde van het laatste jaar, of de mijlpaal is bereikt",
        ),
        (
            "op koers",
            f"de meting is even goed als gepland of beter, of blijft hooguit {koers} % achter "
            f"bij {nodig}",
        ),
        (
            "kleine achterstand",
            f"de meting blijft meer dan {koers} en hooguit {klein} % achter bij {nodig}",
        ),
        ("achter", f"de meting blijft meer dan {klein} % achter bij {nodig}"),
        (
            "niet behaald",
            "in of na het laatste jaar haalt de meting de streefwaarde niet, of de mijlpaal is "
            "na de streefdatum nog niet bereikt",
        ),
        ("geen meting", "er is over dit jaar (nog) geen meting"),
        (
            "geen oordeel mogelijk",
            "de meting is niet met een doel te vergelijken, omdat er geen streefwaarde als "
            "getal is, de meting geen getal is of niet op de schaal staat, het contract niet "
            "zegt of hoger of lager beter is, of er geen beginwaarde is; bij de indicator staat "
            "waarom (een doel zonder indicator krijgt ook dit oordeel)",
        ),
        (
            "onvoldoende gemeten",
            "wat beoordeeld is, is behaald of op koers, maar minder dan "
            f"{fmt.getal(round(drempels.minimaal_beoordeeld * 100, 1))} % van de indicatoren "
            "(en doelen zonder indicator) heeft een oordeel: te weinig om voor het geheel te "
            "spreken; het oordeel over wat wel beoordeeld is, staat erbij",
        ),
    ]


@dataclass(frozen=True)
class Legenda:
    """A legend beside statuses: what each status that appears means, the thresholds in force
    and where the year of the measurement stands."""

    statussen: list[tuple[str, str]]
    drempels: str
    meetjaar: str

    @property
    def vraag(self) -> str:
        """The legend's heading."""
        return (
            "Wat betekenen de statussen?"
            if len(self.statussen) > 1
            else ("Wat betekent deze status?")
        )


#: Where a document puts the year of the measurement a status rests on.
MEETJAAR_INDICATOR = (
    "Achter de status van een indicator staat het jaar van de meting waarop die rust "
    '(bijvoorbeeld "meting 2020").'
)


def legenda_voor(
    statussen: Iterable[str],
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    bron: str | None = None,
    meetjaar: str = MEETJAAR_INDICATOR,
) -> Legenda | None:
    """The legend for the statuses that appear (in the fixed order), or None when none does.

    ``bron`` names the configuration file the thresholds come from (None: the defaults).
    """
    aanwezig = set(statussen)
    rijen = [(woord, betekenis) for woord, betekenis in legenda(drempels) if woord in aanwezig]
    if not rijen:
        return None
    tekst = ""
    # The thresholds only decide between these three; beside other statuses they are noise.
    if aanwezig & {"op koers", "kleine achterstand", "achter"}:
        koers = fmt.getal(round(drempels.op_koers * 100, 1))
        klein = fmt.getal(round(drempels.kleine_achterstand * 100, 1))
        herkomst = f"ingesteld in {bron}" if bron else "de standaardwaarden"
        tekst = (
            f"Grenzen ({herkomst}): op koers tot en met {koers} % achterstand, kleine "
            f"achterstand tot en met {klein} %, daarboven achter."
        )
    gemeten = aanwezig - {"geen meting"}
    return Legenda(rijen, tekst, meetjaar if gemeten else "")


def programmakaart(
    contract: Contract,
    voortgang: ProgrammeProgress | None,
    drempels: Thresholds = DEFAULT_THRESHOLDS,
    drempels_bron: str | None = None,
) -> Programmakaart:
    """The card of one programme; its legend explains every status the document shows."""
    return Programmakaart(
        geld=programma_geld(contract),
        status=voortgang.status if voortgang is not None else "geen oordeel mogelijk",
        status_uitleg=status_uitleg(voortgang),
        portefeuillehouder=_personen(contract),
        versie=_versie(contract),
        legenda=legenda_voor(
            [
                voortgang.status if voortgang is not None else "geen oordeel mogelijk",
                *(iv.status for iv in (voortgang.indicatoren if voortgang is not None else [])),
            ],
            drempels,
            drempels_bron,
        ),
    )
