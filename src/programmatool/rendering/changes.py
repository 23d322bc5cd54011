"""The chapter "Wijzigingen ten opzichte van …" in council documents (``render --sinds``) and
the separate change overview; view models built from a :class:`DiffResult`."""

from __future__ import annotations

from dataclasses import dataclass

from programmatool.diff.changes import SEVERITIES
from programmatool.diff.result import DiffResult, ProgrammeDiff, count_of
from programmatool.diff.text import plain_subject


@dataclass(frozen=True)
class ChangeRow:
    """One change as a row of the chapter: severity, what, how."""

    niveau: str
    onderwerp: str
    bericht: str
    soort: str


#: What each severity means, in plain words, for the legend under the chapter's table.
NIVEAU_BETEKENIS: dict[str, str] = {
    "belangrijk": "raakt wat de raad heeft vastgesteld: een doel, indicator, streefwaarde of "
    "begroting is verdwenen, een ambitie is verlaagd, of de looptijd, een totaal, een "
    "peilwaarde of een eerdere meting is veranderd",
    "opmerking": "een andere wijziging die de raad moet kunnen zien, zoals een nieuw doel, een "
    "hogere ambitie, een verschoven planning of een ander bedrag",
    "info": "een kleine wijziging, zoals een anders geformuleerde tekst of een nieuwe meting",
}


@dataclass(frozen=True)
class ChangeChapter:
    """The chapter "Wijzigingen ten opzichte van …" of one programme's document."""

    basis: str
    programma: str
    samenvatting: str
    rijen: tuple[ChangeRow, ...] = ()

    @property
    def niveaus(self) -> list[tuple[str, str]]:
        """The legend of the severities in the table, most severe first."""
        used = {r.niveau for r in self.rijen}
        return [(s, NIVEAU_BETEKENIS[s]) for s in SEVERITIES if s in used]


def _per_level(rows: tuple[ChangeRow, ...]) -> str:
    """'belangrijk 1, opmerking 2': the levels as the table names them, most severe first."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.niveau] = counts.get(row.niveau, 0) + 1
    return ", ".join(f"{s} {counts[s]}" for s in SEVERITIES if s in counts)


def base_name(programme: ProgrammeDiff, result: DiffResult) -> str:
    """The old version in a reader's words: the adopted version by its date, else the day the
    compared version was saved, else the revision as given."""
    return programme.old_version or result.label or result.base


def chapter(programme: ProgrammeDiff, base: str) -> ChangeChapter:
    """The change chapter of one programme: a sentence and a row per change."""
    rows = tuple(
        ChangeRow(
            c.change.severity,
            plain_subject(c.change.subject, programme.names),
            plain_subject(c.change.message, programme.names),
            c.change.check,
        )
        for c in programme.changes
    )
    if programme.status == "nieuw":
        sentence = f"Dit programma is nieuw: in {base} bestond het nog niet."
    elif programme.status == "verwijderd":
        sentence = f"Dit programma bestaat niet meer; in {base} bestond het wel."
    elif not rows:
        sentence = f"Geen wijzigingen in betekenis ten opzichte van {base}."
    else:
        sentence = (
            f"{count_of(len(rows), 'wijziging', 'wijzigingen')} in betekenis ten opzichte van "
            f"{base}; per niveau: {_per_level(rows)}."
        )
    return ChangeChapter(base, programme.programma, sentence, rows)


def chapters(result: DiffResult) -> dict[str, ChangeChapter]:
    """Every programme's chapter by programme code (removed programmes have no document)."""
    return {
        p.code: chapter(p, base_name(p, result))
        for p in result.programmes
        if p.status != "verwijderd"
    }


@dataclass(frozen=True)
class ChangeOverview:
    """The separate change overview (for the raadsvoorstel): every programme that changed."""

    basis: str
    samenvatting: str
    hoofdstukken: tuple[ChangeChapter, ...]


def overview(result: DiffResult) -> ChangeOverview:
    """The overview of all changed, new and removed programmes, in programme order."""
    names = {base_name(p, result) for p in result.programmes}
    basis = names.pop() if len(names) == 1 else (result.label or result.base)
    changed = tuple(chapter(p, base_name(p, result)) for p in result.programmes if p.changes)
    total = count_of(len(result.programmes), "programma", "programma's")
    if not changed:
        sentence = f"Geen wijzigingen in betekenis ten opzichte van {basis} ({total} vergeleken)."
    else:
        rows = tuple(r for h in changed for r in h.rijen)
        sentence = (
            f"{count_of(len(rows), 'wijziging', 'wijzigingen')} in {len(changed)} van {total} "
            f"ten opzichte van {basis}; per niveau: {_per_level(rows)}."
        )
    return ChangeOverview(basis, sentence, changed)


OVERVIEW_NAME = "wijzigingen"
