"""How the efforts went: per effort and year what ``programmatool log`` recorded; pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from programmatool.model.contract import Contract, Inspanning, Uitvoering, UitvoeringStatus

#: The statuses in the order a report lists them, each with its meaning in plain Dutch.
STATUS_BETEKENIS: dict[str, str] = {
    "gereed": "de inspanning is af",
    "loopt": "het werk is bezig en ligt op schema",
    "vertraagd": "het werk is bezig maar loopt achter op de planning",
    "gestopt": "de inspanning is stopgezet",
}
assert tuple(STATUS_BETEKENIS) == get_args(UitvoeringStatus)


@dataclass(frozen=True)
class Verslag:
    """One effort and how it went in a year (``uitvoering`` is None when nothing is recorded)."""

    inspanning: Inspanning
    uitvoering: Uitvoering | None


def verslagen(contract: Contract, jaar: int | None) -> list[Verslag]:
    """Every effort with what was recorded for ``jaar``."""
    return [
        Verslag(i, i.uitvoering.get(jaar) if jaar is not None else None)
        for i in contract.inspanningen
    ]


def verslagjaar(contract: Contract, jaar: int | None) -> int | None:
    """The year to report on: ``jaar`` when any effort has a record, else the latest recorded
    year; None when the contract records nothing about its efforts."""
    years = {y for i in contract.inspanningen for y in i.uitvoering}
    if not years:
        return None
    return jaar if jaar is not None else max(years)


def telling(rows: list[Verslag]) -> str:
    """'2 gereed, 1 vertraagd; 3 zonder verslag' (statuses in their fixed order)."""
    counts = {
        s: sum(1 for r in rows if r.uitvoering and r.uitvoering.status == s)
        for s in STATUS_BETEKENIS
    }
    parts = [f"{n} {s}" for s, n in counts.items() if n]
    zonder = sum(1 for r in rows if r.uitvoering is None)
    text = ", ".join(parts) if parts else "van geen enkele inspanning is vastgelegd hoe die verliep"
    if parts and zonder:
        text += f"; van {zonder} niet vastgelegd"
    return text
