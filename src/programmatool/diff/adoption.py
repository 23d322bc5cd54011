"""The programme card's line on what changed since the adopted version; pure (the pipeline finds
the adopted version in git)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from programmatool.diff.changes import SEVERITIES, Change, ChangeSeverity, diff, with_severities
from programmatool.diff.text import contract_names, plain_subject

if TYPE_CHECKING:
    from programmatool.model.contract import Contract


#: Changes the card lists by name; the rest are counted.
MAX_PUNTEN = 3


#: Kinds of change that record execution rather than change the contract.
_UITVOERING_SOORTEN = frozenset({"realisatie-toegevoegd", "status-gewijzigd"})


_UITVOERING_VELDEN = frozenset({"verantwoording", "uitvoering"})


@dataclass(frozen=True)
class SindsVaststelling:
    """The card's line on what changed since the adopted version.

    ``kop`` is always one sentence: the changes, "Geen wijzigingen sinds vaststelling …", or why
    the adopted version was not found. ``punten`` are the most important changes, ``meer`` the
    number of further ones, ``bron`` which version was compared.
    """

    kop: str
    gevonden: bool = False
    punten: tuple[str, ...] = ()
    meer: int = 0
    bron: str = ""
    #: The title of the chapter of all changes in the same document (``render --sinds``).
    hoofdstuk: str = ""

    @property
    def rest(self) -> str:
        """The further changes counted: "en nog 4 andere wijzigingen" (empty when none)."""
        if not self.meer:
            return ""
        return f"en nog {self.meer} andere {'wijziging' if self.meer == 1 else 'wijzigingen'}"

    def met_hoofdstuk(self, titel: str) -> SindsVaststelling:
        """The same line, pointing at the document's chapter of changes."""
        return replace(self, hoofdstuk=titel)


def niet_gevonden(reden: str) -> SindsVaststelling:
    """The honest line when there is no adopted version to compare with."""
    return SindsVaststelling(f"Vastgestelde versie niet gevonden: {reden}.")


def date_text(value: object) -> str:
    """A date as Dutch text ('21 mei 2019'); anything else as it is."""
    import datetime as dt

    from programmatool.text.formatting import datum

    if isinstance(value, dt.date):
        return datum(value)
    try:
        return datum(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _annotatie(change: Change) -> bool:
    """A money table's role (``rol: budget|verdeling|aanvullend``): how the author marks which
    table is the budget and which a breakdown of it, not something the council decided."""
    path = change.path
    return len(path) >= 4 and path[0] == "middelen" and path[-1] == "rol"


def _telt(change: Change) -> bool:
    if change.check in _UITVOERING_SOORTEN or _annotatie(change):
        return False
    return not any(part in _UITVOERING_VELDEN for part in change.path if isinstance(part, str))


def samenvatting(
    oud: Contract,
    nieuw: Contract,
    bron: str,
    versie: str,
    levels: dict[str, ChangeSeverity | None] | None = None,
) -> SindsVaststelling:
    """The line for the adopted version ``oud`` against the current ``nieuw``; ``versie`` names
    the adopted version when it carries no adoption date ("versie v1.0")."""
    changes = [c for c in with_severities(diff(oud, nieuw), levels or {}) if _telt(c)]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    changes.sort(key=lambda c: order[c.severity])  # stable: document order within a severity
    details = [] if oud.vastgesteld_op is not None or not versie else [versie]
    if oud.kenmerk:
        details.append(f"kenmerk {oud.kenmerk}")
    wanneer = "vaststelling"
    if oud.vastgesteld_op is not None:
        wanneer += f" op {date_text(oud.vastgesteld_op)}"
    if details:
        wanneer += f" ({'; '.join(details)})"
    if not changes:
        return SindsVaststelling(f"Geen wijzigingen sinds {wanneer}.", True, bron=bron)
    names = {**contract_names(oud), **contract_names(nieuw)}
    n = len(changes)
    woord = "wijziging" if n == 1 else "wijzigingen"
    return SindsVaststelling(
        f"Sinds {wanneer}: {n} {woord}",
        True,
        tuple(plain_subject(c.text(), names) for c in changes[:MAX_PUNTEN]),
        max(0, n - MAX_PUNTEN),
        bron,
    )
