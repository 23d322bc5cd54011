"""The Dutch sentences that explain a verdict on one indicator; pure."""

from __future__ import annotations

import math

from programmatool.model.contract import Indicator
from programmatool.progress.results import IndicatorProgress
from programmatool.progress.statuses import Status
from programmatool.progress.values import as_number, show


def no_measurement(indicator: Indicator, years: list[int], jaar: int | None) -> str:
    """Why there is no measurement to judge in ``jaar``."""
    later = [y for y in years if jaar is not None and y > jaar]
    if later:
        return f"Geen meting in of vóór {jaar}; de eerste is van {later[0]}."
    unknown = sorted(y for y in indicator.realisaties if jaar is None or y <= jaar)
    if unknown:
        return (
            f"De meting van {unknown[-1]} is nog onbekend "
            f"({show(indicator.realisaties[unknown[-1]].waarde or 'leeg')})."
        )
    return "Er is nog geen meting vastgelegd."


def explain_missed(
    waarde: object,
    meet_jaar: int,
    eind: object,
    eindjaar: int | None,
    r: float,
    f: float,
    steps: bool,
    sign: float,
    voortgang: float | None = None,
) -> str:
    """Why a measurement in or after the final year misses the final target, and by how much:
    the difference, and the progress made as the bar shows it (one measure, one word)."""
    when = f"De meting van {meet_jaar}"
    if eindjaar is not None and meet_jaar > eindjaar:
        when += f", na het eindjaar {eindjaar},"
    if steps:
        count = int(abs(f - r))
        by_how_much = f"{count} {'stap' if count == 1 else 'stappen'} eronder"
    else:
        side = "te laag" if sign > 0 else "te hoog"
        by_how_much = f"{show(abs(f - r))} {side}"
        if voortgang is not None and math.isfinite(voortgang):
            by_how_much += f"; voortgang {round(voortgang * 100)} %"
    return (
        f"{when} ({show(waarde)}) haalt de eindstreefwaarde ({show(eind)} in {eindjaar}) "
        f"niet: {by_how_much}."
    )


def explain_on_course(
    indicator: Indicator,
    status: Status,
    waarde: object,
    meet_jaar: int,
    expected: float,
    behind: float,
    steps: bool,
    direction: str,
) -> str:
    """How a measurement before the final year compares with the path."""
    if steps:
        expected_word = indicator.schaal[int(expected)]
        if status == "op koers":
            return (
                f"De meting van {meet_jaar} ({show(waarde)}) haalt de streefwaarde "
                f"van dat jaar ({expected_word})."
            )
        count = int(behind)
        return (
            f"De meting van {meet_jaar} ({show(waarde)}) ligt {count} "
            f"{'stap' if count == 1 else 'stappen'} onder de streefwaarde van dat jaar "
            f"({expected_word})."
        )
    if status == "op koers" and behind <= 0:
        return (
            f"De meting van {meet_jaar} ({show(waarde)}) is even goed als gepland of beter: "
            f"op weg naar de streefwaarde was in {meet_jaar} {show(expected)} nodig "
            f"({direction} is beter)."
        )
    if behind == float("inf") or behind >= 1:
        part = "niets van de vooruitgang die tot dan nodig was, is bereikt"
    else:
        part = f"van de vooruitgang die tot dan nodig was, ontbreekt {round(behind * 100)} %"
    how = "ligt vrijwel op schema" if status == "op koers" else "blijft achter bij de planning"
    return (
        f"De meting van {meet_jaar} ({show(waarde)}) {how}: op weg naar de streefwaarde was "
        f"in {meet_jaar} {show(expected)} nodig ({direction} is beter); {part}."
    )


def reason_without_verdict(iv: IndicatorProgress) -> str:
    """Why an indicator has no verdict, in a few plain words (empty when it has one or lacks a
    measurement): the short form of its explanation, for tables and JSON."""
    if iv.status != "geen oordeel mogelijk":
        return ""
    indicator = iv.indicator
    if iv.meting is not None and as_number(indicator, iv.meting.waarde) is None:
        if indicator.meetsoort == "schaal":
            return "de meting staat niet op de schaal"
        return "de meting is geen getal"
    direction_unknown = indicator.bepaalde_richting()[0] is None
    if as_number(indicator, iv.eindwaarde) is None:
        if as_number(indicator, indicator.streefwaarde_zonder_jaar) is None:
            return "er is geen streefwaarde als getal"
        if not direction_unknown:
            return "de streefwaarde heeft geen jaar en is nog niet gehaald"
    if direction_unknown:
        return "onbekend is of hoger of lager beter is"
    return "er is geen beginwaarde (geen peilwaarde en geen eerdere meting)"
