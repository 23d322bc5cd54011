"""What a verdict returns: per indicator, per goal and per programme, with coverage; pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from programmatool.model.contract import Contract, Indicator, Realisatie, Verantwoording
from programmatool.progress.statuses import JUDGED, Status
from programmatool.progress.values import Number, Value
from programmatool.text.formatting import hoeveel


@dataclass(frozen=True)
class IndicatorProgress:
    """The progress of one indicator in one year, with a Dutch sentence explaining the status."""

    indicator: Indicator
    jaar: int | None
    realisatie: Value | None
    realisatie_jaar: int | None
    streefwaarde: Value | None
    eindwaarde: Value | None
    eindjaar: int | None
    voortgang: float | None
    status: Status
    uitleg: str
    #: The target year of ``streefwaarde`` (may be earlier than ``jaar``).
    streefjaar: int | None = None
    #: The value the straight path expects in the measurement's year (numbers only).
    verwacht: float | None = None
    #: The realisation record itself (source and explanation of the measurement).
    meting: Realisatie | None = None
    #: Where the path starts: (year, value, "peilwaarde" or "eerste meting").
    beginpunt: tuple[int, Value, str] | None = None
    #: A milestone reached after its target date: how late (``3 maanden``).
    te_laat: str | None = None

    @property
    def voorlopig(self) -> bool:
        """True when the measurement is marked provisional."""
        return bool(self.meting is not None and self.meting.voorlopig)


def coverage_text(measured: int, total: int, without_indicator: int = 0) -> str:
    """How much of a roll-up was measured: ``2 van 4 indicatoren gemeten; 1 doel zonder
    indicator`` (empty when every part was measured)."""
    parts = []
    if measured < total:
        parts.append(f"{measured} van {hoeveel(total, 'indicator', 'indicatoren')} gemeten")
    if without_indicator:
        parts.append(f"{hoeveel(without_indicator, 'doel', 'doelen')} zonder indicator")
    return "; ".join(parts)


def status_with_coverage(
    status: Status, measured: int, total: int, without_indicator: int = 0
) -> str:
    """A roll-up's status with its coverage when it is a verdict on only part of the whole:
    ``behaald · 2 van 4 indicatoren gemeten``; the bare status otherwise."""
    if status in JUDGED:
        extra = coverage_text(measured, total, without_indicator)
        if extra:
            return f"{status} · {extra}"
    return status


@dataclass(frozen=True)
class GoalProgress:
    """A goal's rolled-up status: its own indicators and, for a strategic goal, its sub-goals."""

    id: str
    titel: str
    soort: Literal["strategisch", "subdoel", "operationeel"]
    status: Status
    uitleg: str
    indicatoren: list[IndicatorProgress]
    operationele_doelen: list[GoalProgress] = field(default_factory=list)
    verantwoording: Verantwoording | None = None
    telling: dict[Status, int] = field(default_factory=dict)
    #: How many of the goal's indicators (its own and its sub-goals') carry a verdict.
    gemeten: int = 0
    aantal: int = 0
    #: Operational goals under it (or the goal itself) without any indicator.
    zonder_indicator: int = 0
    #: A strategic goal's sub-goals (``subdoelen``), each with its own indicators and the
    #: operational goals under it (which are in ``operationele_doelen`` too).
    subdoelen: list[GoalProgress] = field(default_factory=list)

    @property
    def status_tekst(self) -> str:
        """The status with its coverage when only some indicators were measured."""
        return status_with_coverage(self.status, self.gemeten, self.aantal, self.zonder_indicator)


@dataclass(frozen=True)
class Money:
    """Budgeted and spent money of one budget table in one year."""

    titel: str
    eenheid: str
    jaar: int
    begroot: Number | None
    besteed: Number | None


@dataclass(frozen=True)
class ProgrammeProgress:
    """A programme's progress in one year: per indicator, per goal, and overall."""

    contract: Contract
    jaar: int | None
    status: Status
    uitleg: str
    indicatoren: list[IndicatorProgress]
    doelen: list[GoalProgress]
    verantwoording: Verantwoording | None = None
    geld: list[Money] = field(default_factory=list)
    telling: dict[Status, int] = field(default_factory=dict)
    gemeten: int = 0
    aantal: int = 0
    zonder_indicator: int = 0

    @property
    def status_tekst(self) -> str:
        """The status with its coverage when only some indicators were measured."""
        return status_with_coverage(self.status, self.gemeten, self.aantal, self.zonder_indicator)
