"""The programme card: the one-minute answer at the top of every document.

What does it cost per year (every budget table, with amounts not yet covered), is it on course
and on which measurements does that rest, who is the portefeuillehouder, and which version is
this. Pure: from a contract and its progress to plain strings; the templates only lay it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from programmatool.diff.adoption import SindsVaststelling
from programmatool.model.contract import Begroting, Contract, OverigBudget
from programmatool.progress.results import ProgrammeProgress
from programmatool.progress.statuses import JUDGED
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.text import formatting as fmt

_STATUS_CONTRACT = {
    "concept": "concept",
    "vastgesteld": "vastgesteld",
    "gewijzigd": "gewijzigd",
}


@dataclass(frozen=True)
class Cel:
    """An amount as printed; ``fout`` says what is wrong with it when ``check`` finds a fault."""

    tekst: str
    fout: str = ""


@dataclass
class KaartBegroting:
    """One budget table on the card: its amount per year (the printed total, else the sum)."""

    titel: str
    cellen: list[Cel]
    #: Per year the part of the lines marked as not yet covered (empty when there is none).
    ongedekt: list[str] = field(default_factory=list)
    #: What is wrong, one sentence per marked year ("2022: het gedrukte totaal …").
    fouten: list[str] = field(default_factory=list)


@dataclass
class Programmakaart:
    """The card's content."""

    jaren: list[int]
    begrotingen: list[KaartBegroting]
    overige: list[str]
    status: str
    status_uitleg: str
    portefeuillehouder: str
    versie: str
    legenda: Legenda | None
    #: What changed since the adopted version; None only where no file was read (the Python
    #: API on a bare contract), so every rendered document says something.
    sinds_vaststelling: SindsVaststelling | None = None


def _bedrag(value: int | float, begroting: Begroting) -> str:
    return fmt.bedrag_in_euro(value, begroting.eenheid)


def _kaart_begroting(
    begroting: Begroting, jaren: list[int], andere: dict[int, list[str]]
) -> KaartBegroting:
    """One table on the card; ``andere``: per year what else check finds in its printed total."""
    sommen = begroting.som_per_jaar()
    afwijkingen = begroting.afwijkingen()
    cellen: list[Cel] = []
    for jaar in jaren:
        if jaar in begroting.totalen:
            waarde = begroting.totalen[jaar]
            fout = ""
            if jaar in afwijkingen:
                som, totaal = afwijkingen[jaar]
                fout = (
                    f"het gedrukte totaal {_bedrag(totaal, begroting)} is niet de som van de "
                    f"regels ({_bedrag(som, begroting)}, "
                    f"verschil {_bedrag(totaal - som, begroting)})"
                )
            elif jaar not in sommen and round(waarde * 100) != 0:
                # PT210: a printed total with no line beneath it adds up to nothing.
                fout = (
                    f"het gedrukte totaal {_bedrag(waarde, begroting)} staat zonder regels: "
                    f"geen regel heeft een bedrag voor {jaar}"
                )
            elif jaar in andere:
                fout = "; ".join(andere[jaar])
            cellen.append(Cel(_bedrag(waarde, begroting), fout))
        elif jaar in sommen:
            cellen.append(Cel(_bedrag(sommen[jaar], begroting)))
        else:
            cellen.append(Cel("–"))
    ongedekt_regels = [r for r in begroting.regels if not r.gedekt]
    ongedekt: list[str] = []
    if ongedekt_regels:
        for jaar in jaren:
            bedragen = [r.bedragen[jaar] for r in ongedekt_regels if jaar in r.bedragen]
            ongedekt.append(_bedrag(sum(bedragen), begroting) if bedragen else "–")
    titel = begroting.titel + (" (uren)" if begroting.eenheid == "uren" else "")
    fouten = [f"{j}: {c.fout}" for j, c in zip(jaren, cellen, strict=True) if c.fout]
    return KaartBegroting(titel, cellen, ongedekt, fouten)


def _andere_fouten(contract: Contract) -> dict[int, dict[int, list[str]]]:
    """Per table and year what check finds in a printed year total besides PT201 and PT210
    (a negative total, a year outside the period), in check's words with the rule's code."""
    from programmatool.rendering.faults import figure_faults

    out: dict[int, dict[int, list[str]]] = {}
    for path, items in figure_faults(contract).items():
        if path[:2] != ("middelen", "begrotingen") or path[3:4] != ("totalen",) or len(path) < 5:
            continue
        tabel, jaar = path[2], path[4]
        if isinstance(tabel, int) and isinstance(jaar, int):
            for code, message in items:
                if code not in ("PT201", "PT210"):
                    out.setdefault(tabel, {}).setdefault(jaar, []).append(f"{message} ({code})")
    return out


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


def _overige(contract: Contract) -> list[str]:
    if contract.middelen is None:
        return []
    out = []
    for o in contract.middelen.overige:
        bedrag = overig_bedrag(o)
        soort = {
            "ongedekt": "nog niet van dekking voorzien",
            "fonds": "fonds",
            "eenmalig": "eenmalig",
            "structureel": "structureel",
        }.get(o.soort, "")
        extra = ", ".join(d for d in (soort, str(o.jaar) if o.jaar else "") if d)
        out.append(f"{o.omschrijving}: {bedrag}" + (f" ({extra})" if extra else ""))
    return out


def status_uitleg(voortgang: ProgrammeProgress | None) -> str:
    """'op grond van metingen over 2020; 3 van 6 indicatoren gemeten' (or why there is none)."""
    if voortgang is None or not voortgang.indicatoren:
        return "het programma heeft geen indicatoren"
    aantal = len(voortgang.indicatoren)
    gemeten = sum(1 for iv in voortgang.indicatoren if iv.status in JUDGED)
    if not gemeten or voortgang.jaar is None:
        return (
            "nog geen meting met een oordeel: "
            f"0 van {fmt.hoeveel(aantal, 'indicator', 'indicatoren')} gemeten"
        )
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
    woord = "indicator" if aantal == 1 else "indicatoren"
    return f"op grond van metingen {over}; {gemeten} van {aantal} {woord} gemeten"


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
    begrotingen = contract.middelen.begrotingen if contract.middelen else []
    jaren = sorted({j for b in begrotingen for j in b.jaren()})
    andere = _andere_fouten(contract)
    return Programmakaart(
        jaren=jaren,
        begrotingen=[
            _kaart_begroting(b, jaren, andere.get(n, {})) for n, b in enumerate(begrotingen)
        ],
        overige=_overige(contract),
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
