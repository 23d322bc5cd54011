"""The configurable thresholds of a verdict (``[voortgang]`` in ``programmatool.toml``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class ThresholdError(ValueError):
    """Thresholds that make no sense (negative, above 1, or in the wrong order)."""


@dataclass(frozen=True)
class Thresholds:
    """How far behind the straight path a measurement may be, as a fraction of the distance.

    ``op_koers=0.10``: at most 10 % of the expected distance behind is still on course;
    ``kleine_achterstand=0.25``: up to 25 % behind is a small delay; more is behind.
    """

    op_koers: float = 0.10
    kleine_achterstand: float = 0.25
    #: The least part of a goal's or programme's indicators (and goals without one) that must
    #: carry a verdict for the roll-up to give one; below it the status is "onvoldoende
    #: gemeten" with the verdict on the judged part beside it. 0 switches the rule off.
    minimaal_beoordeeld: float = 0.5

    def __post_init__(self) -> None:
        for name in ("op_koers", "kleine_achterstand", "minimaal_beoordeeld"):
            _check_fraction(name, getattr(self, name))
        if self.op_koers > self.kleine_achterstand:
            raise ThresholdError(
                "drempel 'op_koers' mag niet groter zijn dan 'kleine_achterstand' "
                f"({self.op_koers} > {self.kleine_achterstand})"
            )


def _check_fraction(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        raise ThresholdError(f"drempel '{name}' moet een getal zijn, gevonden {shown}")
    if not 0 <= value <= 1:  # NaN fails this too
        raise ThresholdError(
            f"drempel '{name}' moet tussen 0 en 1 liggen (een fractie), gevonden {value}"
        )


DEFAULT_THRESHOLDS = Thresholds()

_KNOWN_KEYS = ("op_koers", "kleine_achterstand", "minimaal_beoordeeld")


def thresholds_from_table(
    table: dict[str, Any], base: Thresholds = DEFAULT_THRESHOLDS
) -> Thresholds:
    """Thresholds from a ``[voortgang]`` configuration table; unknown keys are an error."""
    unknown = sorted(set(table) - set(_KNOWN_KEYS))
    if unknown:
        raise ThresholdError(
            f"onbekende sleutel '{unknown[0]}' in [voortgang]; "
            "bekend zijn 'op_koers', 'kleine_achterstand' en 'minimaal_beoordeeld'"
        )
    return Thresholds(
        op_koers=table.get("op_koers", base.op_koers),
        kleine_achterstand=table.get("kleine_achterstand", base.kleine_achterstand),
        minimaal_beoordeeld=table.get("minimaal_beoordeeld", base.minimaal_beoordeeld),
    )
