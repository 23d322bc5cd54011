"""The straight path from the baseline through every numeric target, and how far off it a
measurement lies; pure."""

from __future__ import annotations

from dataclasses import dataclass

from programmatool.model.contract import Indicator
from programmatool.progress.values import Value, as_number, show


@dataclass(frozen=True)
class Baseline:
    """Where the path starts: its year and value, and how it is known."""

    year: int
    number: float
    value: Value
    #: "peilwaarde" or "eerste meting".
    kind: str
    #: False when the source gives no peiljaar (``onbekend`` or absent): ``year`` is then only
    #: where the path starts (the year before the first target), never shown as the source's.
    known: bool = True

    @property
    def explanation(self) -> str:
        """A sentence for a verdict that starts from the first measurement (empty otherwise)."""
        if self.kind == "peilwaarde":
            return ""
        return (
            f" Er is geen peilwaarde; de eerste meting ({self.year}: {show(self.value)}) "
            "is het beginpunt."
        )


def baseline(indicator: Indicator, before: int) -> Baseline | None:
    """The peilwaarde in its peiljaar, else the earliest numeric measurement before ``before``."""
    p = as_number(indicator, indicator.peilwaarde)
    if p is not None and indicator.peilwaarde is not None:
        year = indicator.peiljaar
        if not isinstance(year, int):  # none, or 'onbekend': the year before the first target
            return Baseline(
                sorted(indicator.streefwaarden)[0] - 1, p, indicator.peilwaarde, "peilwaarde", False
            )
        return Baseline(year, p, indicator.peilwaarde, "peilwaarde")
    for year in sorted(indicator.realisaties):
        if year >= before:
            return None
        value = indicator.realisaties[year].waarde
        number = as_number(indicator, value)
        if number is not None and value is not None:
            return Baseline(year, number, value, "eerste meting")
    return None


def path_points(indicator: Indicator, start: tuple[int, float] | None) -> list[tuple[int, float]]:
    """The corner points of the straight path: the baseline, then every numeric target."""
    points: list[tuple[int, float]] = [start] if start else []
    for year in sorted(indicator.streefwaarden):
        value = as_number(indicator, indicator.streefwaarden[year])
        if value is None or (start and year <= start[0]):
            continue
        points.append((year, value))
    return points


def on_path(points: list[tuple[int, float]], year: int, steps: bool) -> float | None:
    """The path's value in ``year``; a scale path moves in steps, a number smoothly."""
    if not points or year < points[0][0]:
        return None
    previous = points[0]
    for point in points[1:]:
        if year < point[0]:
            if steps:
                return previous[1]
            fraction = (year - previous[0]) / (point[0] - previous[0])
            return previous[1] + fraction * (point[1] - previous[1])
        previous = point
    return previous[1]


def shortfall(r: float, e: float, p: float | None, sign: float, steps: bool) -> float:
    """How far behind the path: steps for a scale; else the missed fraction of the distance."""
    if steps:
        return sign * (e - r)
    if p is not None:
        expected = sign * (e - p)
        if expected > 0:
            return (expected - sign * (r - p)) / expected
    # No distance to cover (target equals baseline, or no baseline): compare with the value.
    short = sign * (e - r)
    if short <= 0:
        return 0.0
    return short / abs(e) if e != 0 else float("inf")
