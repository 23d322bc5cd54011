"""The verdict on one indicator in one year; pure.

The rules are stated for users in docs/voortgang.md; :mod:`programmatool.progress` sums them up.
"""

from __future__ import annotations

from programmatool.model.contract import Indicator, Realisatie
from programmatool.progress.case import Case, case_for
from programmatool.progress.explain import explain_missed, explain_on_course, no_measurement
from programmatool.progress.milestone import judge_milestone
from programmatool.progress.path import Baseline, baseline, on_path, path_points, shortfall
from programmatool.progress.results import IndicatorProgress
from programmatool.progress.statuses import Status
from programmatool.progress.thresholds import DEFAULT_THRESHOLDS, Thresholds
from programmatool.progress.values import Value, as_number, show


def indicator_progress(
    indicator: Indicator, jaar: int | None = None, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> IndicatorProgress:
    """Progress and status of one indicator in ``jaar`` (default: its latest measurement)."""
    case = case_for(indicator, jaar)
    if indicator.meetsoort == "mijlpaal":
        return judge_milestone(case)
    if case.meting is None or case.meet_jaar is None:
        return case.result("geen meting", no_measurement(indicator, case.years, case.jaar))
    r = as_number(indicator, case.meting.waarde)
    if r is None:
        return _judge_without_number(case, case.meting, case.meet_jaar)
    f = as_number(indicator, case.eind)
    without_year = as_number(indicator, indicator.streefwaarde_zonder_jaar)
    if f is None and without_year is not None:
        return _judge_without_year(case, case.meet_jaar, r, without_year)
    if f is None:
        return case.result(
            "geen oordeel mogelijk",
            "Er is geen streefwaarde als getal of op de schaal; daarom is er geen oordeel over "
            "de voortgang.",
        )
    direction, _ = indicator.bepaalde_richting()
    if direction is None:
        return case.result(
            "geen oordeel mogelijk",
            "Het contract zegt niet of hoger of lager beter is; daarom is er geen oordeel over "
            "de voortgang.",
        )
    return _judge_number(case, r, f, 1.0 if direction == "hoger" else -1.0, thresholds)


def _judge_without_number(case: Case, meting: Realisatie, meet_jaar: int) -> IndicatorProgress:
    """A measurement that is no number: an explicit ``behaald``, or no verdict."""
    indicator = case.indicator
    if meting.behaald is not None:
        if meting.behaald:
            return case.result(
                "behaald", f"Volgens de meting van {meet_jaar} is het doel behaald.", 1.0
            )
        if case.eindjaar is not None and meet_jaar >= case.eindjaar:
            return case.result(
                "niet behaald",
                f"Volgens de meting van {meet_jaar} is het doel niet behaald "
                f"(eindjaar {case.eindjaar}).",
            )
        return case.result("achter", f"Volgens de meting van {meet_jaar} is het doel niet behaald.")
    if indicator.meetsoort == "schaal":
        words = ", ".join(indicator.schaal) or "geen schaal opgegeven"
        return case.result(
            "geen oordeel mogelijk",
            f"De meting '{show(meting.waarde)}' staat niet op de schaal ({words}).",
        )
    return case.result("geen oordeel mogelijk", f"De meting '{show(meting.waarde)}' is geen getal.")


def _judge_without_year(case: Case, meet_jaar: int, r: float, f: float) -> IndicatorProgress:
    """A measurement judged against the one target the source gives without a year: reached is
    *behaald*; not reached stays *geen oordeel mogelijk*, because without a year there is no line
    to be on or behind, and no deadline to have missed, but the explanation says it is not
    reached."""
    indicator = case.indicator
    assert case.meting is not None
    waarde = show(case.meting.waarde)
    direction, _ = indicator.bepaalde_richting()
    target = show(indicator.streefwaarde_zonder_jaar)
    if direction is None:
        return case.result(
            "geen oordeel mogelijk",
            f"Het contract zegt niet of hoger of lager beter is; daarom is niet te zeggen of de "
            f"meting van {meet_jaar} ({waarde}) de streefwaarde zonder jaar ({target}) haalt.",
        )
    sign = 1.0 if direction == "hoger" else -1.0
    if sign * (r - f) >= 0:
        return case.result(
            "behaald",
            f"De meting van {meet_jaar} ({waarde}) haalt de streefwaarde ({target}); de "
            "bron noemt bij die streefwaarde geen jaar.",
        )
    return case.result(
        "geen oordeel mogelijk",
        f"Nog niet behaald: de meting van {meet_jaar} ({waarde}) haalt de streefwaarde "
        f"({target}) nog niet. De bron noemt bij die streefwaarde geen jaar, dus is niet te "
        "zeggen of het programma op schema ligt of te laat is.",
    )


def _status_on_path(behind: float, steps: bool, thresholds: Thresholds) -> Status:
    if behind <= 0:
        return "op koers"
    if steps:
        return "kleine achterstand" if behind <= 1 else "achter"
    if behind <= thresholds.op_koers:
        return "op koers"
    if behind <= thresholds.kleine_achterstand:
        return "kleine achterstand"
    return "achter"


def _judge_number(
    case: Case, r: float, f: float, sign: float, thresholds: Thresholds
) -> IndicatorProgress:
    """A number (or scale word) judged against the final target and the path towards it."""
    indicator, meting, meet_jaar = case.indicator, case.meting, case.meet_jaar
    assert meting is not None and meet_jaar is not None
    start = baseline(indicator, meet_jaar)
    begin = start.explanation if start else ""
    p = start.number if start else None
    voortgang: float | None = None
    if p is not None:
        voortgang = (r - p) / (f - p) if f != p else (1.0 if sign * (r - f) >= 0 else 0.0)

    def result(status: Status, uitleg: str, verwacht: float | None = None) -> IndicatorProgress:
        return case.result(status, uitleg, voortgang, verwacht, beginpunt=_start_tuple(start))

    steps = indicator.meetsoort == "schaal"
    not_yet = ""
    if (
        case.jaar is not None
        and case.eindjaar is not None
        and case.jaar > case.eindjaar > meet_jaar
    ):
        not_yet = f" Over het eindjaar {case.eindjaar} is nog niet gemeten."
    if sign * (r - f) >= 0:
        return result(
            "behaald",
            f"De meting van {meet_jaar} ({show(meting.waarde)}) haalt de eindstreefwaarde "
            f"({show(case.eind)} in {case.eindjaar}).{not_yet}{begin}",
        )
    if case.eindjaar is not None and meet_jaar >= case.eindjaar:
        missed = explain_missed(
            meting.waarde, meet_jaar, case.eind, case.eindjaar, r, f, steps, sign, voortgang
        )
        return result("niet behaald", missed + begin)
    if start is not None and meet_jaar < start.year:
        peiljaar = str(start.year) if start.known else f"(onbekend; vóór {start.year + 1})"
        return result(
            "geen meting", f"De laatste meting ({meet_jaar}) ligt vóór het peiljaar {peiljaar}."
        )
    points = path_points(indicator, (start.year, start.number) if start else None)
    e = on_path(points, meet_jaar, steps)
    if e is None:
        return result(
            "geen oordeel mogelijk",
            "Er is geen beginwaarde (geen peilwaarde en geen eerdere meting). Daarom is niet te "
            "zeggen hoe ver het programma in dit jaar had moeten zijn; een oordeel volgt bij de "
            f"streefwaarde van {points[0][0] if points else case.eindjaar}.",
        )
    behind = shortfall(r, e, p, sign, steps)
    status = _status_on_path(behind, steps, thresholds)
    direction = "hoger" if sign > 0 else "lager"
    uitleg = explain_on_course(
        indicator, status, meting.waarde, meet_jaar, e, behind, steps, direction
    )
    return result(status, uitleg + not_yet + begin, e)


def _start_tuple(start: Baseline | None) -> tuple[int | None, Value, str] | None:
    return (start.year if start.known else None, start.value, start.kind) if start else None
