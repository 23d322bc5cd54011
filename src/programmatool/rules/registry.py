"""The rule registry: what a rule is, where rules register, and how they are run.

A rule is a stable code, a default severity, a Dutch title and reason, an example that triggers
it with its fixed version, and a small function. Contract rules receive a :class:`Source` (one
loaded contract with its positions); portfolio rules receive every contract of one check.
The rule modules register themselves with :func:`rule` when the package imports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from programmatool.loading import LoadResult
from programmatool.model.contract import Contract
from programmatool.model.findings import Finding, Severity

RuleKind = Literal["contract", "portfolio"]


@dataclass(frozen=True)
class RuleSettings:
    """What rules read from programmatool.toml besides their levels (``[middelen]``)."""

    #: A variance between budget and realisation needs an explanation from this amount (euro).
    afwijking_bedrag: float = 50_000
    #: ... or from this percentage of the budget, when set.
    afwijking_procent: float | None = None


DEFAULT_SETTINGS = RuleSettings()


@dataclass(frozen=True)
class Source:
    """One contract that loaded, with where its nodes stand, as a rule sees it."""

    result: LoadResult
    contract: Contract
    today: dt.date
    settings: RuleSettings = DEFAULT_SETTINGS

    @property
    def path(self) -> str:
        """The file name as shown to the user."""
        return self.result.path

    def locate(self, path: Iterable[str | int], at_key: bool = False) -> tuple[int, int]:
        """Line and column of the node at ``path`` (of its key when ``sleutel`` is true)."""
        sm = self.result.source_map
        return sm.locate_key(path) if at_key else sm.locate(path)


@dataclass(frozen=True)
class Hit:
    """What a rule function yields: where (in which contract, at which path) and what."""

    source: Source
    path: tuple[str | int, ...]
    message: str
    at_key: bool = False


ContractCheck = Callable[[Source], Iterator[Hit]]
PortfolioCheck = Callable[[list[Source]], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    """A consistency rule: code, default severity, Dutch title, reason and example."""

    code: str
    severity: Severity
    title: str
    why: str
    example: str
    fix: str
    kind: RuleKind
    check: Callable[..., Iterator[Hit]]

    def findings(self, hits: Iterable[Hit]) -> Iterator[Finding]:
        """Turn the rule's reports into Findings at their positions, with the default level."""
        for m in hits:
            line, col = m.source.locate(m.path, m.at_key)
            yield Finding(m.source.path, line, col, self.code, self.severity, m.message)


@dataclass(frozen=True)
class LoadCode:
    """A code the loader reports (PT0xx): it cannot be switched off."""

    code: str
    title: str
    why: str
    severity: Severity = "fout"


RULES: dict[str, Rule] = {}

CATEGORIES: dict[str, str] = {
    "PT0": "Inlezen (schema en YAML)",
    "PT1": "Doelen, inspanningen en indicatoren",
    "PT2": "Middelen en capaciteit",
    "PT3": "Indicatoren",
    "PT4": "Portfolio (alle contracten van één controle)",
    "PT5": "Identiteit en looptijd",
    "PT6": "Wat de bron niet zegt",
}

_LOAD_WHY = (
    "Een contract dat niet volledig en foutloos inleest, kan niet op samenhang worden "
    "gecontroleerd; daarom is dit altijd een fout en kan de melding niet worden uitgezet."
)

LOAD_CODES: dict[str, LoadCode] = {
    c.code: c
    for c in [
        LoadCode("PT001", "Ongeldige YAML-syntaxis", _LOAD_WHY),
        LoadCode("PT002", "Een sleutel komt dubbel voor", _LOAD_WHY),
        LoadCode("PT003", "Het bestand is geen UTF-8 tekst", _LOAD_WHY),
        LoadCode("PT004", "Het bestand is leeg", _LOAD_WHY),
        LoadCode("PT005", "Het document is geen mapping", _LOAD_WHY),
        LoadCode("PT006", "Een YAML-label is niet toegestaan", _LOAD_WHY),
        LoadCode("PT007", "Meer dan één YAML-document in een bestand", _LOAD_WHY),
        LoadCode("PT008", "Een grens overschreden (grootte, diepte, aliassen)", _LOAD_WHY),
        LoadCode("PT009", "Het bestand kan niet gelezen worden", _LOAD_WHY),
        LoadCode("PT010", "Een verplicht veld ontbreekt", _LOAD_WHY),
        LoadCode("PT011", "Een onbekend veld", _LOAD_WHY),
        LoadCode("PT012", "Een verkeerd type", _LOAD_WHY),
        LoadCode("PT013", "Een waarde die niet is toegestaan", _LOAD_WHY),
        LoadCode("PT014", "Een waarde buiten het bereik of patroon", _LOAD_WHY),
        LoadCode("PT019", "Een andere ongeldige waarde", _LOAD_WHY),
    ]
}


def rule(
    code: str,
    severity: Severity,
    title: str,
    *,
    why: str,
    example: str,
    fix: str,
    kind: RuleKind = "contract",
) -> Callable[[Callable[..., Iterator[Hit]]], Callable[..., Iterator[Hit]]]:
    """Register the decorated function as the rule ``code``."""

    def register(check: Callable[..., Iterator[Hit]]) -> Callable[..., Iterator[Hit]]:
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(
            code,
            severity,
            title,
            _dedent(why),
            _dedent(example),
            _dedent(fix),
            kind,
            check,
        )
        return check

    return register


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip("\n") + "\n"


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code."""
    return [RULES[code] for code in sorted(RULES)]


#: The only contract fields portfolio rules may read. Checking keeps just these (and their
#: positions) of each contract for the portfolio rules, so that cached files need not be read.
PORTFOLIO_FIELDS = ("programma", "code", "relaties")


def run_contract_rules(
    result: LoadResult, today: dt.date | None = None, settings: RuleSettings = DEFAULT_SETTINGS
) -> list[Finding]:
    """Every single-contract rule on one loaded contract, at the rules' default levels."""
    if result.contract is None:
        return []
    source = Source(result, result.contract, today or dt.date.today(), settings)
    findings: list[Finding] = []
    for rule in all_rules():
        if rule.kind == "contract":
            findings.extend(rule.findings(rule.check(source)))
    return findings


def run_portfolio_rules(results: list[LoadResult], today: dt.date | None = None) -> list[Finding]:
    """The rules across contracts; they run only when a check holds more than one contract,
    because a single file cannot tell whether a programme it refers to exists."""
    today = today or dt.date.today()
    sources = [Source(r, r.contract, today) for r in results if r.contract is not None]
    findings: list[Finding] = []
    if len(sources) > 1:
        for rule in all_rules():
            if rule.kind == "portfolio":
                findings.extend(rule.findings(rule.check(sources)))
    return findings


def run_rules(
    results: list[LoadResult],
    today: dt.date | None = None,
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[Finding]:
    """Run every rule on the contracts that loaded, at the rules' default levels (the
    configuration's levels are applied by the caller: ``Config.apply``)."""
    today = today or dt.date.today()
    findings: list[Finding] = []
    for result in results:
        findings.extend(run_contract_rules(result, today, settings))
    findings.extend(run_portfolio_rules(results, today))
    return findings
