"""The faults ``check`` finds in printed figures, keyed by where the figure stands.

A document prints budget tables and spreads as the contract holds them, also where a total does
not add up; it must then say so at that figure. Rather than computing the faults a second time,
this runs the money rules (PT2xx) themselves and returns their messages per path into the
contract, so a document marks exactly what ``check`` reports.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from ..model import Contract

Path = tuple[str | int, ...]

# The money rules read only the contract; the date is fixed so that documents stay
# byte-identical from day to day.
_DATE = dt.date(2000, 1, 1)


def figure_faults(contract: Contract) -> dict[Path, list[tuple[str, str]]]:
    """Per path under ``middelen``: the (code, message) of every money rule that hits it."""
    from ..rules import Source, all_rules

    source = Source(cast(Any, None), contract, _DATE)
    faults: dict[Path, list[tuple[str, str]]] = {}
    for rule in all_rules():
        if rule.kind != "contract" or not rule.code.startswith("PT2"):
            continue
        for hit in rule.check(source):
            if hit.path[:1] == ("middelen",):
                faults.setdefault(hit.path, []).append((rule.code, hit.message))
    return faults


def under(faults: dict[Path, list[tuple[str, str]]], prefix: Path) -> list[tuple[Path, str, str]]:
    """Every fault at or below ``prefix``: (path, code, message), in path order."""
    out: list[tuple[Path, str, str]] = []
    for path, items in faults.items():
        if path[: len(prefix)] == prefix:
            out.extend((path, code, message) for code, message in items)
    return out
