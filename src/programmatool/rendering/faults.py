"""The faults ``check`` finds in printed figures, keyed by where the figure stands.

A document prints budget tables, spreads, hours, effort amounts and indicator values as the
contract holds them, also where they are wrong; it must then say so at that figure. Rather than
computing the faults a second time, this runs the rules themselves and returns their messages
per path into the contract, so a document marks exactly what ``check`` reports.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from programmatool.model.contract import Contract

Path = tuple[str | int, ...]
Faults = dict[Path, list[tuple[str, str]]]

#: The rules that report a fault in a figure a document prints, and where that figure stands.
FIGURE_RULES: dict[str, str] = {
    "PT201": "een jaartotaal in een begrotingstabel",
    "PT202": "het totaal over alle jaren van een begrotingstabel",
    "PT203": "een bedrag of totaal in een begrotingstabel, of een bedrag bij een inspanning",
    "PT204": "de percentages van een spreiding",
    "PT205": "een bedrag in een spreiding",
    "PT206": "een bedrag, totaal of aantal uren (begroting, spreiding, inspanning, capaciteit)",
    "PT207": "het bedrag bij een inspanning",
    "PT208": "een aantal uren in de capaciteitstabel",
    "PT209": "het totaal van een spreiding",
    "PT210": "een jaartotaal of totaal over alle jaren van een begrotingstabel",
    "PT301": "het peiljaar van een indicator",
    "PT302": "een streefwaarde van een indicator",
    "PT303": "een realisatie van een indicator",
    "PT304": "een streefwaarde van een indicator",
    "PT305": "een peilwaarde, streefwaarde of realisatie van een indicator",
    "PT308": "een peilwaarde, streefwaarde of realisatie van een indicator",
    "PT309": "een peilwaarde, streefwaarde of realisatie van een indicator",
}

#: Rules that judge something a document prints, but whose verdict a document cannot carry.
#: PT306 (a realisation in the future) depends on the day of rendering, and a document is the
#: same whatever the day; ``check`` reports it.
NOT_MARKED: dict[str, str] = {
    "PT306": "hangt af van de dag waarop het document wordt gemaakt",
}

# The rules read only the contract; the date is fixed so that documents stay byte-identical
# from day to day (no figure rule above reads it).
_DATE = dt.date(2000, 1, 1)


def figure_faults(contract: Contract) -> Faults:
    """Per path into the contract: the (code, message) of every figure rule that hits it."""
    from programmatool.rules import RULES, Source

    source = Source(cast(Any, None), contract, _DATE)
    faults: Faults = {}
    for code in FIGURE_RULES:
        for hit in RULES[code].check(source):
            faults.setdefault(hit.path, []).append((code, hit.message))
    return faults


def under(faults: Faults, prefix: Path) -> list[tuple[Path, str, str]]:
    """Every fault at or below ``prefix``: (path, code, message), in the rules' order."""
    out: list[tuple[Path, str, str]] = []
    for path, items in faults.items():
        if path[: len(prefix)] == prefix:
            out.extend((path, code, message) for code, message in items)
    return out


def marked(faults: Faults, prefix: Path) -> bool:
    """Whether a fault stands at ``prefix`` or below it."""
    return any(path[: len(prefix)] == prefix for path in faults)
