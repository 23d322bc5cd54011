"""The verdict on a milestone (a date or a year by which something is done); pure."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt

from programmatool.progress.case import Case
from programmatool.progress.explain import no_measurement
from programmatool.progress.results import IndicatorProgress
from programmatool.progress.values import show_date
from programmatool.text.formatting import hoeveel


def judge_milestone(case: Case) -> IndicatorProgress:
    """Reached (perhaps late), not reached with its date passed, or still on its way."""
    indicator, meting, meet_jaar, jaar = case.indicator, case.meting, case.meet_jaar, case.jaar
    streefdatum = indicator.streefdatum
    # A milestone due "in 2024" (streefjaar, no date) is due by the end of that year; the
    # texts then name the year, never a date the source does not print.
    deadline = streefdatum
    if deadline is None and indicator.streefjaar is not None:
        deadline = dt.date(indicator.streefjaar, 12, 31)
    if streefdatum is None and indicator.streefjaar is not None:
        term, term_is = f"het streefjaar ({indicator.streefjaar})", f"{indicator.streefjaar}"
    else:
        term, term_is = f"de streefdatum ({show_date(streefdatum)})", show_date(streefdatum)
    # The date has passed for the year's account when it falls in that year or before.
    passed = deadline is not None and jaar is not None and dt.date(jaar, 12, 31) >= deadline
    if meting is None or meet_jaar is None:
        if passed:
            return case.result(
                "niet behaald",
                f"Er is geen realisatie vastgelegd en {term} is verstreken in {jaar}.",
                0.0,
            )
        return case.result("geen meting", no_measurement(indicator, case.years, jaar))
    reached = meting.behaald if meting.behaald is not None else meting.datum is not None
    if reached:
        return _reached(case, meet_jaar, deadline, term)
    if passed:
        return case.result(
            "niet behaald",
            f"De mijlpaal is niet bereikt (meting {meet_jaar}) en {term} is verstreken.",
            0.0,
        )
    return case.result(
        "op koers",
        f"De mijlpaal is nog niet bereikt (meting {meet_jaar}); "
        f"{'het streefjaar' if term.startswith('het') else 'de streefdatum'} is {term_is}.",
        0.0,
    )


def _reached(case: Case, meet_jaar: int, deadline: dt.date | None, term: str) -> IndicatorProgress:
    meting, streefdatum = case.meting, case.indicator.streefdatum
    assert meting is not None
    when = f" op {show_date(meting.datum)}" if meting.datum else f" in {meet_jaar}"
    late = ""
    if meting.datum and streefdatum and meting.datum > streefdatum:
        how_late = delay(streefdatum, meting.datum)
        late = f", {how_late} na de streefdatum ({show_date(streefdatum)})"
        done = case.result("behaald", f"De mijlpaal is bereikt{when}{late}.", 1.0)
        return dataclasses.replace(done, te_laat=how_late)
    if meting.datum is None and streefdatum and meet_jaar > streefdatum.year:
        late = f", na het jaar van de streefdatum ({show_date(streefdatum)})"
    elif deadline and streefdatum is None and (meting.datum or dt.date(meet_jaar, 1, 1)) > deadline:
        late = f", na {term}"
    return case.result("behaald", f"De mijlpaal is bereikt{when}{late}.", 1.0)


def delay(streefdatum: dt.date, datum: dt.date) -> str:
    """How long after the target date, in calendar months and days: ``3 maanden`` (29 juni to
    29 september), ``2 maanden en 30 dagen`` (30 juni to 29 september), ``12 dagen``. A month
    after 31 January is the last day of February."""
    months = (datum.year - streefdatum.year) * 12 + datum.month - streefdatum.month
    if _add_months(streefdatum, months) > datum:
        months -= 1
    days = (datum - _add_months(streefdatum, months)).days
    if months < 1:
        return hoeveel(days, "dag", "dagen")
    text = hoeveel(months, "maand", "maanden")
    return f"{text} en {hoeveel(days, 'dag', 'dagen')}" if days else text


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
