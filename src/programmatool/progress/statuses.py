"""The statuses a verdict can have, their order, and how a roll-up combines them; pure."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

Status = Literal[
    "behaald",
    "op koers",
    "kleine achterstand",
    "achter",
    "niet behaald",
    "geen meting",
    "geen oordeel mogelijk",
]

#: A roll-up's status when too little of it was judged to stand for the whole (``[voortgang]
#: minimaal_beoordeeld``); the verdict on the judged part is kept beside it. Never an
#: indicator's status.
THIN: Literal["onvoldoende gemeten"] = "onvoldoende gemeten"

#: The status of a goal or programme: an indicator's status, or :data:`THIN`.
RollupStatus = Status | Literal["onvoldoende gemeten"]

#: Every status, best first; the order used in tables and counts.
STATUSES: tuple[Status, ...] = (
    "behaald",
    "op koers",
    "kleine achterstand",
    "achter",
    "niet behaald",
    "geen meting",
    "geen oordeel mogelijk",
)

#: Verdicts from worst to best: a roll-up takes the first one present.
WORST_FIRST: tuple[Status, ...] = (
    "niet behaald",
    "achter",
    "kleine achterstand",
    "op koers",
    "behaald",
)

#: Statuses that carry a verdict: an indicator with one of these could be judged.
JUDGED: frozenset[Status] = frozenset(WORST_FIRST)

#: The verdicts that say all is well; a roll-up gives one only on enough evidence.
GOOD: frozenset[Status] = frozenset({"behaald", "op koers"})


def combine(statuses: list[Status]) -> Status:
    """Roll statuses up: the worst verdict; without one 'geen oordeel mogelijk' when a part was
    measured but cannot be judged (a goal never reads "geen meting" above a measurement), else
    'geen meting' when there is something to measure."""
    for status in WORST_FIRST:
        if status in statuses:
            return status
    if "geen meting" in statuses and "geen oordeel mogelijk" not in statuses:
        return "geen meting"
    return "geen oordeel mogelijk"


def count_statuses(statuses: Iterable[Status]) -> dict[Status, int]:
    """How often each status occurs, in the fixed order of :data:`STATUSES` (zeros left out)."""
    items = list(statuses)
    return {s: items.count(s) for s in STATUSES if s in items}
