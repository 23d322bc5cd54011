"""Reading an indicator's values: numbers, scale positions, measurements and targets; pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from programmatool.model.contract import ONBEKEND_WAARDEN, Indicator, Realisatie

Number = int | float
Value = int | float | str


def is_number(value: object) -> bool:
    """True for an int or float that is not a boolean."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_unknown(value: object) -> bool:
    """True for a missing value or a marker such as ``n.t.b.``."""
    return value is None or (
        isinstance(value, str) and value.strip().lower() in {m.lower() for m in ONBEKEND_WAARDEN}
    )


def has_measurement(indicator: Indicator, realisatie: Realisatie) -> bool:
    """True when a realisation carries a value: a number, a word, a date or ``behaald``."""
    if realisatie.behaald is not None:
        return True
    if indicator.meetsoort == "mijlpaal" and realisatie.datum is not None:
        return True
    return not is_unknown(realisatie.waarde)


def measurement_years(indicator: Indicator) -> list[int]:
    """Years in which the indicator has a usable measurement, sorted."""
    return sorted(y for y, r in indicator.realisaties.items() if has_measurement(indicator, r))


def latest_measurement_year(indicators: Iterable[Indicator]) -> int | None:
    """The latest year in which any of the indicators has a measurement."""
    years = [y for ind in indicators for y in measurement_years(ind)]
    return max(years) if years else None


def target_for(indicator: Indicator, year: int | None) -> tuple[Value | None, int | None]:
    """The target that applies in ``year``: the latest one in or before it, with its year."""
    if year is None or not indicator.streefwaarden:
        return None, None
    earlier = [y for y in indicator.streefwaarden if y <= year]
    if not earlier:
        return None, None
    latest = max(earlier)
    return indicator.streefwaarden[latest], latest


def final_target(indicator: Indicator) -> tuple[Value | None, int | None]:
    """The last target that can be judged against (a number or a scale word), with its year."""
    usable = [y for y, v in indicator.streefwaarden.items() if as_number(indicator, v) is not None]
    if usable:
        year = max(usable)
        return indicator.streefwaarden[year], year
    if indicator.streefwaarden:
        year = max(indicator.streefwaarden)
        return indicator.streefwaarden[year], year
    return None, None


def scale_position(indicator: Indicator, value: object) -> int | None:
    """The position of a word on the indicator's scale (case and spaces ignored)."""
    if not isinstance(value, str):
        return None
    wanted = value.strip().casefold()
    for index, word in enumerate(indicator.schaal):
        if word.strip().casefold() == wanted:
            return index
    return None


def as_number(indicator: Indicator, value: object) -> float | None:
    """A value as a number on the indicator's own axis: the number, or the scale position."""
    if indicator.meetsoort == "schaal":
        pos = scale_position(indicator, value)
        return float(pos) if pos is not None else None
    if is_number(value):
        return float(value)  # type: ignore[arg-type]
    return None


def show(value: object) -> str:
    """A value in a Dutch sentence: 980.000, 12,5 (numbers rounded to two decimals)."""
    from programmatool.text.formatting import getal

    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return getal(round(value, 2) if isinstance(value, float) else value)


def show_date(value: dt.date | None) -> str:
    """A date in Dutch words, or ``niet opgegeven``."""
    from programmatool.text.formatting import datum

    return datum(value) if value else "niet opgegeven"
