"""Consistency rules: each yields Findings for a contract or for a whole portfolio.

A rule is a stable code, a default severity, a Dutch title and reason, an example that triggers
it with its fixed version, and a small function (``registry``). Importing this package imports
the rule modules, which registers their rules.
"""

from __future__ import annotations

from programmatool.rules import budget, identity, indicators, links, portfolio, targets, unknowns
from programmatool.rules.registry import (
    CATEGORIES,
    DEFAULT_SETTINGS,
    LOAD_CODES,
    PORTFOLIO_FIELDS,
    RULES,
    Hit,
    LoadCode,
    Rule,
    RuleSettings,
    Source,
    all_rules,
    rule,
    run_contract_rules,
    run_portfolio_rules,
    run_rules,
)

__all__ = [
    "CATEGORIES",
    "DEFAULT_SETTINGS",
    "LOAD_CODES",
    "PORTFOLIO_FIELDS",
    "RULES",
    "Hit",
    "LoadCode",
    "Rule",
    "RuleSettings",
    "Source",
    "all_rules",
    "budget",
    "identity",
    "indicators",
    "links",
    "portfolio",
    "rule",
    "run_contract_rules",
    "run_portfolio_rules",
    "run_rules",
    "targets",
    "unknowns",
]
