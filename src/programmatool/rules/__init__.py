"""Consistency rules: each yields Findings for a contract or a whole portfolio."""

from __future__ import annotations

from ..findings import Finding
from ..loading import LoadResult


def run_rules(results: list[LoadResult]) -> list[Finding]:
    """Run every rule on the contracts that loaded; the rules of issue 4 plug in here."""
    return []
