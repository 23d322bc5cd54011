"""What a verdict returns: per indicator, per goal and per programme, with coverage; pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from programmatool.model.contract import Contract, Indicator, Realisatie, Verantwoording
from programmatool.progress.statuses import JUDGED, THIN, RollupStatus, Status
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
    #: The year is None when the source gives no peiljaar: no output shows an invented year.
    beginpunt: tuple[int | None, Value, str] | None = None
    #: A milestone reached after its target date: how late (``3 maanden``).
    te_laat: str | None = None

    @property
    def voorlopig(self) -> bool:
        """True when the measurement is marked provisional."""
        return bool(self.meting is not None and self.meting.voorlopig)

    @property
    def periode(self) -> str | None:
        """The quarter or month the measurement came from (``2020-Q4``), None for a year."""
        return self.meting.periode if self.meting is not None else None

    @property
    def benadering(self) -> bool:
        """True when the measurement is approximate as the source gives it ("ca. 8.000")."""
        return bool(self.meting is not None and self.meting.benadering)

    @property
    def ouder(self) -> bool:
        """True when the measurement is from before the year asked (the latest one there is);
        never for a milestone reached earlier, which needs no new measurement."""
        if self.indicator.meetsoort == "mijlpaal" and self.status == "behaald":
            return False
        return (
            self.meting is not None
            and self.jaar is not None
            and self.realisatie_jaar is not None
            and self.realisatie_jaar < self.jaar
        )


def coverage_text(
    measured: int, judged: int, total: int, without_indicator: int = 0, always: bool = False
) -> str:
    """What a roll-up saw and what it could not see: ``3 van 10 indicatoren gemeten``,
    ``2 van 2 indicatoren beoordeeld, 1 gemeten`` (a milestone whose date passed is judged
    without a measurement), ``5 doelen zonder indicator``; empty when it saw everything, unless
    ``always`` (then ``1 van 1 indicator gemeten``)."""
    parts = []
    if measured == judged and (measured < total or always):
        parts.append(f"{measured} van {hoeveel(total, 'indicator', 'indicatoren')} gemeten")
    elif measured != judged:
        parts.append(
            f"{judged} van {hoeveel(total, 'indicator', 'indicatoren')} beoordeeld, "
            f"{measured} gemeten"
        )
    if without_indicator:
        parts.append(f"{hoeveel(without_indicator, 'doel', 'doelen')} zonder indicator")
    return "; ".join(parts)


@dataclass(frozen=True)
class Coverage:
    """How much of a goal or programme a roll-up saw: indicators with a measurement
    (``gemeten``), with a verdict (``beoordeeld``), in all (``aantal``), and goals without any
    indicator; ``deeloordeel`` is the verdict on the judged part when that part is too thin to
    stand for the whole (the status then reads ``onvoldoende gemeten``)."""

    gemeten: int = 0
    beoordeeld: int = 0
    aantal: int = 0
    zonder_indicator: int = 0
    deeloordeel: Status | None = None

    @property
    def tekst(self) -> str:
        """The coverage in words (empty when everything was measured and judged)."""
        return coverage_text(self.gemeten, self.beoordeeld, self.aantal, self.zonder_indicator)

    @property
    def volledig(self) -> str:
        """The coverage in words, also when everything was seen: ``1 van 1 indicator
        gemeten; 5 doelen zonder indicator``."""
        return coverage_text(
            self.gemeten, self.beoordeeld, self.aantal, self.zonder_indicator, always=True
        )


def status_with_coverage(status: RollupStatus, coverage: Coverage) -> str:
    """A roll-up's status with what it could not see: ``behaald · 2 van 4 indicatoren
    gemeten``, ``onvoldoende gemeten · wat beoordeeld is: op koers · 3 van 10
    indicatoren gemeten``; the bare status when it saw everything (or has no verdict)."""
    extra = coverage.tekst
    if status == THIN and coverage.deeloordeel is not None:
        return f"{THIN} · wat beoordeeld is: {coverage.deeloordeel} · {extra}"
    if status in JUDGED and extra:
        return f"{status} · {extra}"
    return status


@dataclass(frozen=True)
class GoalProgress:
    """A goal's rolled-up status: its own indicators and, for a strategic goal, its sub-goals."""

    id: str
    titel: str
    soort: Literal["strategisch", "subdoel", "operationeel"]
    status: RollupStatus
    uitleg: str
    indicatoren: list[IndicatorProgress]
    operationele_doelen: list[GoalProgress] = field(default_factory=list)
    verantwoording: Verantwoording | None = None
    telling: dict[Status, int] = field(default_factory=dict)
    #: What the roll-up saw: its own and its sub-goals' indicators; an operational goal under
    #: it (or the goal itself) without any indicator counts in ``zonder_indicator``.
    dekking: Coverage = field(default_factory=Coverage)
    #: A strategic goal's sub-goals (``subdoelen``), each with its own indicators and the
    #: operational goals under it (which are in ``operationele_doelen`` too).
    subdoelen: list[GoalProgress] = field(default_factory=list)

    @property
    def oordeel(self) -> Status:
        """The verdict on what was judged (the status itself unless it is too thin)."""
        return self.dekking.deeloordeel or self.status  # type: ignore[return-value]

    @property
    def status_tekst(self) -> str:
        """The status with what the roll-up could not see."""
        return status_with_coverage(self.status, self.dekking)

    @property
    def gemeten(self) -> int:
        """How many indicators have a measurement in or before the year."""
        return self.dekking.gemeten

    @property
    def beoordeeld(self) -> int:
        """How many indicators carry a verdict (with or without a measurement)."""
        return self.dekking.beoordeeld

    @property
    def aantal(self) -> int:
        """How many indicators the roll-up covers."""
        return self.dekking.aantal

    @property
    def zonder_indicator(self) -> int:
        """How many goals under it have no indicator at all."""
        return self.dekking.zonder_indicator


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
    status: RollupStatus
    uitleg: str
    indicatoren: list[IndicatorProgress]
    doelen: list[GoalProgress]
    verantwoording: Verantwoording | None = None
    geld: list[Money] = field(default_factory=list)
    telling: dict[Status, int] = field(default_factory=dict)
    dekking: Coverage = field(default_factory=Coverage)

    @property
    def status_tekst(self) -> str:
        """The status with what the roll-up could not see."""
        return status_with_coverage(self.status, self.dekking)

    @property
    def gemeten(self) -> int:
        """How many indicators have a measurement in or before the year."""
        return self.dekking.gemeten

    @property
    def beoordeeld(self) -> int:
        """How many indicators carry a verdict (with or without a measurement)."""
        return self.dekking.beoordeeld

    @property
    def aantal(self) -> int:
        """How many indicators the roll-up covers."""
        return self.dekking.aantal

    @property
    def zonder_indicator(self) -> int:
        """How many goals under it have no indicator at all."""
        return self.dekking.zonder_indicator
