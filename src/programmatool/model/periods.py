"""Measurements per quarter or month (``2020-Q4``, ``2020-11``), as Flemish plans and monthly
monitors report them: a verdict rests on the latest one in a year, so ``realisaties`` holds that
one under its year and the indicator keeps every period as written."""

from __future__ import annotations

import re
from typing import Any

#: Years after the programme's last one in which a measurement (a final evaluation) is still
#: accepted and judged against the final target; later years are most likely typing errors.
FOLLOW_UP_YEARS = 3

#: A quarter (``2020-Q4``) or a month (``2020-11``).
PERIOD = re.compile(r"(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))")


def period_of(key: object) -> tuple[int, int] | None:
    """The year and the last month of a period key (``2020-Q4`` → (2020, 12)), else None."""
    if not isinstance(key, str):
        return None
    match = PERIOD.fullmatch(key.strip())
    if match is None:
        return None
    quarter, month = match.group(2), match.group(3)
    return int(match.group(1)), int(quarter) * 3 if quarter else int(month)


def _has_value(raw: object, unknown: tuple[str, ...]) -> bool:
    if isinstance(raw, dict):
        if raw.get("behaald") is not None or raw.get("datum") is not None:
            return True
        raw = raw.get("waarde")
    if raw is None:
        return False
    return not (isinstance(raw, str) and raw.strip().lower() in unknown)


def fold_periods(data: Any, unknown: tuple[str, ...]) -> tuple[Any, dict[str, Any], dict[int, str]]:
    """``data`` with per year the latest period that has a value (else the latest) under the
    year in ``realisaties``, and every period entry by its key; a year written both as a year
    and per period is an error (which of the two counts would be a guess). The third part
    says per year which period stands for it; ``unknown`` are the markers of a missing value."""
    if not isinstance(data, dict) or not isinstance(data.get("realisaties"), dict):
        return data, {}, {}
    realisaties: dict[Any, Any] = data["realisaties"]
    periods = {k: v for k, v in realisaties.items() if period_of(k) is not None}
    if not periods:
        return data, {}, {}
    chosen: dict[int, str] = {}
    folded = {k: v for k, v in realisaties.items() if k not in periods}
    by_year: dict[int, list[str]] = {}
    for key in periods:
        year, _month = period_of(key)  # type: ignore[misc]
        by_year.setdefault(year, []).append(key)
    for year, keys in sorted(by_year.items()):
        if year in folded:
            from pydantic_core import PydanticCustomError  # only here: writers import this early

            raise PydanticCustomError(
                "pt_periode",
                "realisatie {jaar} staat er als jaar en per kwartaal of maand ({perioden}); "
                "houd één van beide",
                {"jaar": year, "perioden": ", ".join(sorted(keys))},
            )
        ordered = sorted(keys, key=lambda k: (period_of(k), k))
        with_value = [k for k in ordered if _has_value(periods[k], unknown)]
        chosen[year] = (with_value or ordered)[-1]
        folded[year] = periods[chosen[year]]
    return {**data, "realisaties": folded}, periods, chosen
