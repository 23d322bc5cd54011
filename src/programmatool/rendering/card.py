"""The programme card: the one-minute answer at the top of every document.

What does it cost per year (every budget table, with amounts not yet covered), is it on course
and on which measurements does that rest, who is the portefeuillehouder, and which version is
this. Pure: from a contract and its progress to plain strings; the templates only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import formatting as fmt
from ..adoption import SindsVaststelling
from ..model import Begroting, Contract
from ..progress import GEMETEN, STANDAARD_DREMPELS, Drempels, ProgrammaVoortgang

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
    legenda: list[tuple[str, str]]
    #: What changed since the adopted version; None only where no file was read (the Python
    #: API on a bare contract), so every rendered document says something.
    sinds_vaststelling: SindsVaststelling | None = None


def _bedrag(value: int | float, begroting: Begroting) -> str:
    return fmt.bedrag_in_euro(value, begroting.eenheid)


def _kaart_begroting(begroting: Begroting, jaren: list[int]) -> KaartBegroting:
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


def _overige(contract: Contract) -> list[str]:
    if contract.middelen is None:
        return []
    out = []
    for o in contract.middelen.overige:
        if o.bedrag is None:
            bedrag = "p.m."
        elif o.bedrag_tot is not None:
            bedrag = (
                f"{fmt.bedrag_in_euro(o.bedrag, o.eenheid)} tot "
                f"{fmt.bedrag_in_euro(o.bedrag_tot, o.eenheid)}"
            )
        else:
            bedrag = fmt.bedrag_in_euro(o.bedrag, o.eenheid)
        soort = {
            "ongedekt": "nog niet van dekking voorzien",
            "fonds": "fonds",
            "eenmalig": "eenmalig",
            "structureel": "structureel",
        }.get(o.soort, "")
        extra = ", ".join(d for d in (soort, str(o.jaar) if o.jaar else "") if d)
        out.append(f"{o.omschrijving}: {bedrag}" + (f" ({extra})" if extra else ""))
    return out


def status_uitleg(voortgang: ProgrammaVoortgang | None) -> str:
    """'op grond van metingen over 2020; 3 van 6 indicatoren gemeten' (or why there is none)."""
    if voortgang is None or not voortgang.indicatoren:
        return "het programma heeft geen indicatoren"
    aantal = len(voortgang.indicatoren)
    gemeten = sum(1 for iv in voortgang.indicatoren if iv.status in GEMETEN)
    if not gemeten or voortgang.jaar is None:
        return (
            "nog geen meting met een oordeel "
            f"(0 van {fmt.hoeveel(aantal, 'indicator', 'indicatoren')} gemeten)"
        )
    jaren = sorted(
        {
            iv.realisatie_jaar
            for iv in voortgang.indicatoren
            if iv.status in GEMETEN and iv.realisatie_jaar is not None
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


def legenda(drempels: Drempels = STANDAARD_DREMPELS) -> list[tuple[str, str]]:
    """What each status means, in plain words, with the thresholds in force."""
    koers = round(drempels.op_koers * 100)
    klein = round(drempels.kleine_achterstand * 100)
    return [
        ("behaald", "de meting haalt de streefwaarde van het laatste jaar (of de mijlpaal)"),
        (
            "op koers",
            "de meting is even goed als gepland of beter, of blijft hooguit "
            f"{koers} % achter bij de vooruitgang die tot dan nodig was",
        ),
        (
            "kleine achterstand",
            f"de meting blijft {koers} tot {klein} % achter bij de vooruitgang die nodig was",
        ),
        ("achter", f"de meting blijft meer dan {klein} % achter bij de vooruitgang die nodig was"),
        (
            "niet behaald",
            "in of na het laatste jaar haalt de meting de streefwaarde niet, of de mijlpaal is "
            "na de streefdatum nog niet bereikt",
        ),
        ("geen meting", "er is over dit jaar (nog) geen meting"),
        (
            "niet te bepalen",
            "er is een meting, maar geen beginwaarde of streefwaarde om die mee te vergelijken, "
            "of de meting staat niet op de schaal",
        ),
    ]


def programmakaart(contract: Contract, voortgang: ProgrammaVoortgang | None) -> Programmakaart:
    """The card of one programme."""
    begrotingen = contract.middelen.begrotingen if contract.middelen else []
    jaren = sorted({j for b in begrotingen for j in b.jaren()})
    return Programmakaart(
        jaren=jaren,
        begrotingen=[_kaart_begroting(b, jaren) for b in begrotingen],
        overige=_overige(contract),
        status=voortgang.status if voortgang is not None else "niet te bepalen",
        status_uitleg=status_uitleg(voortgang),
        portefeuillehouder=_personen(contract),
        versie=_versie(contract),
        legenda=legenda(),
    )
