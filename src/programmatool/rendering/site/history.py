"""Each indicator's history from git: its targets and realisations in every adopted and later
version, the changes between versions in words, as a small table and chart (pure: the versions
are read by the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IndicatorHistory:
    """One indicator through the versions of its contract."""

    versies: list[str] = field(default_factory=list)
