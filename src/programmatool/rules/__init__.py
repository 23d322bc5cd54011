"""Consistency rules: each yields Findings for a contract or for a whole portfolio.

A rule is a stable code, a default severity, a Dutch title and reason, an example that triggers
it with its fixed version, and a small function. Contract rules receive a :class:`Bron` (one
loaded contract with its positions); portfolio rules receive every contract of one check.
The rule modules register themselves with :func:`regel` when they are imported below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..findings import Finding, Niveau
from ..loading import LoadResult
from ..model import Contract

if TYPE_CHECKING:
    from ..config import Config

Soort = Literal["contract", "portfolio"]


@dataclass(frozen=True)
class Bron:
    """One contract that loaded, with where its nodes stand, as a rule sees it."""

    result: LoadResult
    contract: Contract
    vandaag: dt.date

    @property
    def bestand(self) -> str:
        """The file name as shown to the user."""
        return self.result.bestand

    def plek(self, path: Iterable[str | int], sleutel: bool = False) -> tuple[int, int]:
        """Line and column of the node at ``path`` (of its key when ``sleutel`` is true)."""
        sm = self.result.source_map
        return sm.locate_key(path) if sleutel else sm.locate(path)


@dataclass(frozen=True)
class Melding:
    """What a rule function yields: where (in which contract, at which path) and what."""

    bron: Bron
    pad: tuple[str | int, ...]
    bericht: str
    sleutel: bool = False


ContractCheck = Callable[[Bron], Iterator[Melding]]
PortfolioCheck = Callable[[list[Bron]], Iterator[Melding]]


@dataclass(frozen=True)
class Regel:
    """A consistency rule: code, default severity, Dutch title, reason and example."""

    code: str
    niveau: Niveau
    titel: str
    waarom: str
    voorbeeld: str
    oplossing: str
    soort: Soort
    functie: Callable[..., Iterator[Melding]]

    def findings(self, meldingen: Iterable[Melding]) -> Iterator[Finding]:
        """Turn the rule's reports into Findings at their positions, with the default level."""
        for m in meldingen:
            line, col = m.bron.plek(m.pad, m.sleutel)
            yield Finding(m.bron.bestand, line, col, self.code, self.niveau, m.bericht)


@dataclass(frozen=True)
class Laadcode:
    """A code the loader reports (PT0xx): it cannot be switched off."""

    code: str
    titel: str
    waarom: str
    niveau: Niveau = "fout"


REGELS: dict[str, Regel] = {}

CATEGORIEEN: dict[str, str] = {
    "PT0": "Inlezen (schema en YAML)",
    "PT1": "Doelen, inspanningen en indicatoren",
    "PT2": "Middelen en capaciteit",
    "PT3": "Indicatoren",
    "PT4": "Portfolio (alle contracten van één controle)",
    "PT5": "Identiteit en looptijd",
    "PT6": "Wat de bron niet zegt",
}

_LAAD_WAAROM = (
    "Een contract dat niet volledig en foutloos inleest, kan niet op samenhang worden "
    "gecontroleerd; daarom is dit altijd een fout en kan de melding niet worden uitgezet."
)

LAADCODES: dict[str, Laadcode] = {
    c.code: c
    for c in [
        Laadcode("PT001", "Ongeldige YAML-syntaxis", _LAAD_WAAROM),
        Laadcode("PT002", "Een sleutel komt dubbel voor", _LAAD_WAAROM),
        Laadcode("PT003", "Het bestand is geen UTF-8 tekst", _LAAD_WAAROM),
        Laadcode("PT004", "Het bestand is leeg", _LAAD_WAAROM),
        Laadcode("PT005", "Het document is geen mapping", _LAAD_WAAROM),
        Laadcode("PT006", "Een YAML-label is niet toegestaan", _LAAD_WAAROM),
        Laadcode("PT007", "Meer dan één YAML-document in een bestand", _LAAD_WAAROM),
        Laadcode("PT008", "Een grens overschreden (grootte, diepte, aliassen)", _LAAD_WAAROM),
        Laadcode("PT009", "Het bestand kan niet gelezen worden", _LAAD_WAAROM),
        Laadcode("PT010", "Een verplicht veld ontbreekt", _LAAD_WAAROM),
        Laadcode("PT011", "Een onbekend veld", _LAAD_WAAROM),
        Laadcode("PT012", "Een verkeerd type", _LAAD_WAAROM),
        Laadcode("PT013", "Een waarde die niet is toegestaan", _LAAD_WAAROM),
        Laadcode("PT014", "Een waarde buiten het bereik of patroon", _LAAD_WAAROM),
        Laadcode("PT019", "Een andere ongeldige waarde", _LAAD_WAAROM),
    ]
}


def regel(
    code: str,
    niveau: Niveau,
    titel: str,
    *,
    waarom: str,
    voorbeeld: str,
    oplossing: str,
    soort: Soort = "contract",
) -> Callable[[Callable[..., Iterator[Melding]]], Callable[..., Iterator[Melding]]]:
    """Register the decorated function as the rule ``code``."""

    def register(functie: Callable[..., Iterator[Melding]]) -> Callable[..., Iterator[Melding]]:
        if code in REGELS:
            raise ValueError(f"rule {code} registered twice")
        REGELS[code] = Regel(
            code,
            niveau,
            titel,
            _dedent(waarom),
            _dedent(voorbeeld),
            _dedent(oplossing),
            soort,
            functie,
        )
        return functie

    return register


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip("\n") + "\n"


def alle_regels() -> list[Regel]:
    """Every registered rule, sorted by code."""
    return [REGELS[code] for code in sorted(REGELS)]


#: The only contract fields portfolio rules may read. Checking keeps just these (and their
#: positions) of each contract for the portfolio rules, so that cached files need not be read.
PORTFOLIO_VELDEN = ("programma", "code", "relaties")


def run_contract_rules(
    result: LoadResult, config: Config | None = None, vandaag: dt.date | None = None
) -> list[Finding]:
    """Every single-contract rule on one loaded contract, with the configuration applied."""
    if result.contract is None:
        return []
    bron = Bron(result, result.contract, vandaag or dt.date.today())
    findings: list[Finding] = []
    for rule in alle_regels():
        if rule.soort == "contract":
            findings.extend(rule.findings(rule.functie(bron)))
    return findings if config is None else config.pas_toe(findings)


def run_portfolio_rules(
    results: list[LoadResult], config: Config | None = None, vandaag: dt.date | None = None
) -> list[Finding]:
    """The rules across contracts; they run only when a check holds more than one contract,
    because a single file cannot tell whether a programme it refers to exists."""
    today = vandaag or dt.date.today()
    bronnen = [Bron(r, r.contract, today) for r in results if r.contract is not None]
    findings: list[Finding] = []
    if len(bronnen) > 1:
        for rule in alle_regels():
            if rule.soort == "portfolio":
                findings.extend(rule.findings(rule.functie(bronnen)))
    return findings if config is None else config.pas_toe(findings)


def run_rules(
    results: list[LoadResult],
    config: Config | None = None,
    vandaag: dt.date | None = None,
) -> list[Finding]:
    """Run every rule on the contracts that loaded, with the configuration's levels applied."""
    today = vandaag or dt.date.today()
    findings: list[Finding] = []
    for result in results:
        findings.extend(run_contract_rules(result, config, today))
    findings.extend(run_portfolio_rules(results, config, today))
    return findings


# Importing the modules registers their rules.
from . import budget, identity, indicators, links, portfolio, unknowns  # noqa: E402

__all__ = [
    "CATEGORIEEN",
    "LAADCODES",
    "PORTFOLIO_VELDEN",
    "REGELS",
    "Bron",
    "Laadcode",
    "Melding",
    "Regel",
    "alle_regels",
    "budget",
    "identity",
    "indicators",
    "links",
    "portfolio",
    "regel",
    "run_contract_rules",
    "run_portfolio_rules",
    "run_rules",
    "unknowns",
]
