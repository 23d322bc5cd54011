"""Programmes paired by code and their changes, located in the file each is found in; pure.

Both sides arrive loaded (a contract with its source map); the pipeline reads the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from programmatool.diff.changes import SEVERITIES, Change, ChangeSeverity, diff, with_severities
from programmatool.diff.text import contract_names
from programmatool.text.formatting import datum, hoeveel

if TYPE_CHECKING:
    from programmatool.loading import LoadResult, SourceMap
    from programmatool.model.contract import Contract


Status = Literal["gewijzigd", "ongewijzigd", "nieuw", "verwijderd"]


class DiffProblem(Exception):
    """The comparison could not be made; ``details`` are located messages to show first."""

    def __init__(self, message: str, details: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details)


@dataclass(frozen=True)
class Located:
    """A change with the place it is found: in the new file, or in the old one when removed."""

    change: Change
    file: str
    line: int
    column: int

    def location(self) -> str:
        """``file:line:col``."""
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class ProgrammeDiff:
    """One programme: its two versions (either may be missing) and what changed."""

    code: str
    programma: str
    old_name: str | None
    new_name: str | None
    status: Status
    changes: list[Located] = field(default_factory=list)
    renamed: bool = False
    gemeente: str = ""
    #: What a reader calls the old side: "de vastgestelde versie van 21 mei 2019" when it is
    #: an adopted contract with its adoption date, else "" (a document then names the date).
    old_version: str = ""
    #: The names of indicators and efforts by (kind, id), from both sides: a document names
    #: them by name, never by the author's id.
    names: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class DiffResult:
    """Every programme compared, with the name of the old side (a revision or a path)."""

    base: str
    programmes: list[ProgrammeDiff]
    #: The old side in a reader's words ("de versie van 3 juni 2019"); "" when only ``base``
    #: (a revision or path, as the author gave it) is known.
    label: str = ""

    def changes(self) -> list[Located]:
        """All changes in programme order."""
        return [c for p in self.programmes for c in p.changes]

    def per_severity(self) -> dict[str, int]:
        """Number of changes per severity, most severe first."""
        counts = {s: 0 for s in SEVERITIES}
        for located in self.changes():
            counts[located.change.severity] += 1
        return {s: n for s, n in counts.items() if n}


@dataclass
class Side:
    name: str
    contract: Contract
    source_map: SourceMap
    #: The file's place in the repository, to see a rename (``name`` carries the revision).
    place: str = ""

    @property
    def code(self) -> str:
        """The programme code it pairs by."""
        return self.contract.code


class Coded(Protocol):
    """A side of a comparison as pairing sees it: its file's name and its programme code."""

    @property
    def name(self) -> str: ...
    @property
    def code(self) -> str: ...


@dataclass(frozen=True)
class Facts:
    """What a result says of a programme besides its changes, taken from one of its sides."""

    code: str
    programma: str
    gemeente: str
    #: The names of its indicators and efforts by (kind, id) (:func:`contract_names`).
    names: dict[tuple[str, str], str]
    #: "de vastgestelde versie van …" (:func:`adopted_name`).
    adopted: str


def facts_of(contract: Contract) -> Facts:
    """The facts of a loaded contract."""
    return Facts(
        contract.code,
        contract.programma,
        contract.gemeente,
        contract_names(contract),
        adopted_name(contract),
    )


def loaded_side(result: LoadResult, what: str) -> Side:
    if result.contract is None:
        errors = [f for f in result.findings if f.severity == "fout"] or result.findings
        raise DiffProblem(
            f"{result.path} kon niet worden ingelezen{what}; zonder geldig contract valt er "
            "niets te vergelijken",
            [f.as_text() for f in errors],
        )
    return Side(result.path, result.contract, result.source_map)


S = TypeVar("S", bound=Coded)


def by_code(sides: list[S]) -> dict[str, S]:
    """The sides by programme code; two with one code cannot be paired (a DiffProblem)."""
    out: dict[str, S] = {}
    for side in sides:
        code = side.code
        if code in out:
            raise DiffProblem(
                f"code '{code}' staat in {out[code].name} en in {side.name}; "
                "programma's worden op code gekoppeld"
            )
        out[code] = side
    return out


def pair_by_code(old: list[S], new: list[S]) -> list[tuple[S | None, S | None]]:
    before, after = by_code(old), by_code(new)
    codes = sorted({*before, *after})
    return [(before.get(code), after.get(code)) for code in codes]


def compare_pairs(
    base: str,
    pairs: list[tuple[Side | None, Side | None]],
    levels: dict[str, ChangeSeverity | None],
) -> DiffResult:
    """Every pair compared, with the severities ``levels`` (``[diff]`` of the configuration)."""
    programmes = [compare_pair(old, new, levels) for old, new in pairs]
    facts = [
        (
            facts_of(old.contract) if old is not None else None,
            facts_of(new.contract) if new is not None else None,
        )
        for old, new in pairs
    ]
    return finish(base, programmes, facts)


def compare_pair(
    old: Side | None, new: Side | None, levels: dict[str, ChangeSeverity | None]
) -> ProgrammeDiff:
    """One programme's two versions compared (either may be missing), its changes located."""
    if old is not None and new is not None:
        changes = with_severities(diff(old.contract, new.contract), levels)
        located = [locate(c, old, new) for c in changes]
        status: Status = "gewijzigd" if located else "ongewijzigd"
        return ProgrammeDiff(
            new.contract.code,
            new.contract.programma,
            old.name,
            new.name,
            status,
            located,
            renamed(old.place or old.name, new.place or new.name),
        )
    if new is not None:
        change = Change(
            "programma-toegevoegd",
            f"programma '{new.contract.programma}'",
            f"nieuw programma (code {new.contract.code})",
        )
        kept = with_severities([change], levels)
        return ProgrammeDiff(
            new.contract.code,
            new.contract.programma,
            None,
            new.name,
            "nieuw",
            [locate(c, None, new) for c in kept],
        )
    assert old is not None
    change = Change(
        "programma-verwijderd",
        f"programma '{old.contract.programma}'",
        f"programma verdwenen (code {old.contract.code})",
        side="oud",
    )
    kept = with_severities([change], levels)
    return ProgrammeDiff(
        old.contract.code,
        old.contract.programma,
        old.name,
        None,
        "verwijderd",
        [locate(c, old, None) for c in kept],
    )


def renamed(old_place: str, new_place: str) -> bool:
    """Whether a programme moved to another file between its versions."""
    return old_place != new_place


def finish(
    base: str,
    programmes: list[ProgrammeDiff],
    facts: list[tuple[Facts | None, Facts | None]],
) -> DiffResult:
    """The result: each programme (one per pair, in the order of ``facts``, the facts of its
    old and new side) with its municipality, the names of its parts and how its old version
    is called, sorted by file."""
    gemeenten = {side.code: side.gemeente for pair in facts for side in pair if side is not None}
    for programme in programmes:
        programme.gemeente = gemeenten.get(programme.code, "")
    programme_of = {p.code: p for p in programmes}
    for old, new in facts:
        side = new or old
        assert side is not None
        programme = programme_of[side.code]
        for present in (old, new):  # the new names win
            if present is not None:
                programme.names.update(present.names)
        if old is not None:
            programme.old_version = old.adopted
    programmes.sort(key=lambda p: (p.new_name or p.old_name or "", p.code))
    return DiffResult(base, programmes)


def adopted_name(contract: Contract) -> str:
    """ "de vastgestelde versie van 21 mei 2019" for an adopted contract with its date, else ""."""
    if contract.status != "vastgesteld":
        return ""
    if contract.vastgesteld_op is not None:
        return f"de vastgestelde versie van {datum(contract.vastgesteld_op)}"
    if contract.versie:
        # A version named by a date ("21 mei 2019") reads as one.
        van = "van " if re.fullmatch(r"(\d{1,2} )?[a-z]+ \d{4}", contract.versie) else ""
        return f"de vastgestelde versie {van}{contract.versie}"
    return ""


def locate(change: Change, old: Side | None, new: Side | None) -> Located:
    side = new if change.side == "nieuw" and new is not None else old
    assert side is not None
    line, column = side.source_map.locate(change.path)
    return Located(change, side.name, line, column)


_PLURAL = "programma's"


def count_of(n: int, one: str, many: str) -> str:
    """'1 wijziging', '3 wijzigingen'."""
    return hoeveel(n, one, many)


def summary(result: DiffResult) -> str:
    """One Dutch sentence: how many changes in how many programmes, by severity."""
    changes = result.changes()
    total = len(result.programmes)
    if not changes:
        return (
            f"Geen wijzigingen in betekenis ten opzichte van {result.base} "
            f"({count_of(total, 'programma', _PLURAL)} vergeleken)."
        )
    touched = sum(1 for p in result.programmes if p.changes)
    levels = ", ".join(f"{n} {s}" for s, n in result.per_severity().items())
    return (
        f"{count_of(len(changes), 'wijziging', 'wijzigingen')} in {touched} van "
        f"{count_of(total, 'programma', _PLURAL)} ten opzichte van {result.base}: {levels}."
    )
