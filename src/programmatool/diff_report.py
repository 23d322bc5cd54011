"""The ``diff`` command: load two sides, pair programmes by code, present the changes.

The comparison itself is ``diff.diff`` (pure); git access is ``gitrev``. This module reads the
files, pairs them, applies the configured severities and writes text, Markdown or JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .diff import CHECKS, SEVERITIES, Change, Severity, diff, with_severities
from .formatting import hoeveel

if TYPE_CHECKING:
    from .config import Config
    from .loading import LoadResult, SourceMap
    from .model import Contract

FORMATEN = ("text", "markdown", "json")
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


@dataclass
class DiffResult:
    """Every programme compared, with the name of the old side (a revision or a path)."""

    base: str
    programmes: list[ProgrammeDiff]

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
class _Side:
    name: str
    contract: Contract
    source_map: SourceMap
    #: The file's place in the repository, to see a rename (``name`` carries the revision).
    place: str = ""


# --- severities from the configuration ---------------------------------------------------------


def configured_levels(config: Config | None) -> dict[str, Severity | None]:
    """``[diff]`` of programmatool.toml: ``uit = [...]`` and ``niveau = {check = "..."}``."""
    if config is None:
        return {}
    table = config.table("diff")
    levels: dict[str, Severity | None] = {}
    for name in table.get("uit", []):
        levels[str(name)] = None
    for name, level in dict(table.get("niveau", {})).items():
        levels[str(name)] = None if level == "uit" else level
    return levels


# --- loading both sides -------------------------------------------------------------------------


def _loaded(result: LoadResult, what: str) -> _Side:
    if result.contract is None:
        errors = [f for f in result.findings if f.severity == "fout"] or result.findings
        raise DiffProblem(
            f"{result.path} kon niet worden ingelezen{what}; zonder geldig contract valt er "
            "niets te vergelijken",
            [f.as_text() for f in errors],
        )
    return _Side(result.path, result.contract, result.source_map)


def _by_code(sides: list[_Side]) -> dict[str, _Side]:
    out: dict[str, _Side] = {}
    for side in sides:
        code = side.contract.code
        if code in out:
            raise DiffProblem(
                f"code '{code}' staat in {out[code].name} en in {side.name}; "
                "programma's worden op code gekoppeld"
            )
        out[code] = side
    return out


def _limits(config: Config | None) -> Any:
    from .loading import DEFAULT_LIMITS

    return config.limits if config is not None else DEFAULT_LIMITS


def _load_paths(paths: list[Path], config: Config | None) -> list[_Side]:
    from .loading import load_contract
    from .pipeline import find_files

    files, problems = find_files(paths)
    if problems:
        raise DiffProblem(problems[0], [f"programmatool: {p}" for p in problems[1:]])
    return [_loaded(load_contract(path, name, _limits(config)), "") for path, name in files]


def compare_files(old: Path, new: Path, config: Config | None = None) -> DiffResult:
    """``diff OUD NIEUW``: two contract files, or two folders whose contracts pair by code."""
    for given in (old, new):
        if not given.exists():
            raise DiffProblem(f"{given.as_posix()}: pad bestaat niet")
    if old.is_dir() != new.is_dir():
        raise DiffProblem(
            "vergelijk twee bestanden of twee mappen, niet een bestand met een map "
            f"({old.as_posix()}, {new.as_posix()})"
        )
    old_sides = _load_paths([old], config)
    new_sides = _load_paths([new], config)
    if not old.is_dir():
        return _result(old.as_posix(), [(old_sides[0], new_sides[0])], config)
    if not old_sides and not new_sides:
        raise DiffProblem(
            f"geen contractbestanden (*.yaml, *.yml) gevonden in {old.as_posix()} en "
            f"{new.as_posix()}"
        )
    return _result(old.as_posix(), _pair(old_sides, new_sides), config)


def compare_since(paths: list[Path], ref: str, config: Config | None = None) -> DiffResult:
    """``diff PAD... --sinds REF``: each contract against its version at a git revision."""
    from .gitrev import GitProblem, open_revision
    from .loading import load_bytes

    try:
        revision = open_revision(paths[0], ref)
        wanted: list[str] = []
        for given in paths:
            relpath = revision.relative(given)
            if given.is_dir():
                wanted.extend(revision.contract_files(relpath))
            elif revision.exists(relpath):
                wanted.append(relpath)
            elif given.exists():
                raise DiffProblem(
                    f"{given.as_posix()} bestond niet in {ref}; geef de map om nieuwe en "
                    "hernoemde programma's te vinden (bijvoorbeeld "
                    f"'programmatool diff {given.parent.as_posix()}/ --sinds {ref}')"
                )
        limits = _limits(config)
        old_sides = []
        for relpath in sorted(set(wanted)):
            raw = revision.read(relpath, limits.max_bytes)
            loaded = load_bytes(raw, revision.label(relpath), limits)
            old_side = _loaded(loaded, f" (de versie in {ref})")
            old_side.place = relpath
            old_sides.append(old_side)
    except GitProblem as exc:
        raise DiffProblem(str(exc)) from None
    new_sides = _load_paths(paths, config)
    for side in new_sides:
        side.place = revision.relative(Path(side.name))
    if not old_sides and not new_sides:
        raise DiffProblem(
            "geen contractbestanden (*.yaml, *.yml) gevonden in "
            + ", ".join(p.as_posix() for p in paths)
        )
    return _result(ref, _pair(old_sides, new_sides), config)


def _pair(old: list[_Side], new: list[_Side]) -> list[tuple[_Side | None, _Side | None]]:
    before, after = _by_code(old), _by_code(new)
    codes = sorted({*before, *after})
    return [(before.get(code), after.get(code)) for code in codes]


def _result(
    base: str, pairs: list[tuple[_Side | None, _Side | None]], config: Config | None
) -> DiffResult:
    levels = configured_levels(config)
    programmes: list[ProgrammeDiff] = []
    for old, new in pairs:
        if old is not None and new is not None:
            changes = with_severities(diff(old.contract, new.contract), levels)
            located = [_locate(c, old, new) for c in changes]
            status: Status = "gewijzigd" if located else "ongewijzigd"
            renamed = (old.place or old.name) != (new.place or new.name)
            programmes.append(
                ProgrammeDiff(
                    new.contract.code,
                    new.contract.programma,
                    old.name,
                    new.name,
                    status,
                    located,
                    renamed,
                )
            )
        elif new is not None:
            change = Change(
                "programma-toegevoegd",
                f"programma '{new.contract.programma}'",
                f"nieuw programma (code {new.contract.code})",
            )
            kept = with_severities([change], levels)
            programmes.append(
                ProgrammeDiff(
                    new.contract.code,
                    new.contract.programma,
                    None,
                    new.name,
                    "nieuw",
                    [_locate(c, None, new) for c in kept],
                )
            )
        elif old is not None:
            change = Change(
                "programma-verwijderd",
                f"programma '{old.contract.programma}'",
                f"programma verdwenen (code {old.contract.code})",
                side="oud",
            )
            kept = with_severities([change], levels)
            programmes.append(
                ProgrammeDiff(
                    old.contract.code,
                    old.contract.programma,
                    old.name,
                    None,
                    "verwijderd",
                    [_locate(c, old, None) for c in kept],
                )
            )
    gemeenten = {
        side.contract.code: side.contract.gemeente
        for pair in pairs
        for side in pair
        if side is not None
    }
    for programme in programmes:
        programme.gemeente = gemeenten.get(programme.code, "")
    programmes.sort(key=lambda p: (p.new_name or p.old_name or "", p.code))
    return DiffResult(base, programmes)


def _locate(change: Change, old: _Side | None, new: _Side | None) -> Located:
    side = new if change.side == "nieuw" and new is not None else old
    assert side is not None
    line, column = side.source_map.locate(change.path)
    return Located(change, side.name, line, column)


# --- presenting ---------------------------------------------------------------------------------


_PLURAL = "programma's"


def _count(n: int, one: str, many: str) -> str:
    return hoeveel(n, one, many)


def summary(result: DiffResult) -> str:
    """One Dutch sentence: how many changes in how many programmes, by severity."""
    changes = result.changes()
    total = len(result.programmes)
    if not changes:
        return (
            f"Geen wijzigingen in betekenis ten opzichte van {result.base} "
            f"({_count(total, 'programma', _PLURAL)} vergeleken)."
        )
    touched = sum(1 for p in result.programmes if p.changes)
    levels = ", ".join(f"{n} {s}" for s, n in result.per_severity().items())
    return (
        f"{_count(len(changes), 'wijziging', 'wijzigingen')} in {touched} van "
        f"{_count(total, 'programma', _PLURAL)} ten opzichte van {result.base}: {levels}."
    )


def _title(programme: ProgrammeDiff) -> str:
    if programme.status == "nieuw":
        return f"{programme.programma} ({programme.new_name}, nieuw)"
    if programme.status == "verwijderd":
        return f"{programme.programma} ({programme.old_name}, verwijderd)"
    if programme.renamed:
        return f"{programme.programma} ({programme.old_name} → {programme.new_name})"
    return f"{programme.programma} ({programme.new_name})"


def as_text(result: DiffResult) -> str:
    """For the terminal: per programme one line per change, ``file:line:col: niveau check: …``."""
    lines: list[str] = []
    for programme in result.programmes:
        if not programme.changes:
            continue
        lines.append(_title(programme))
        for located in programme.changes:
            change = located.change
            lines.append(
                f"  {located.location()}: {change.severity} {change.check}: {change.text()}"
            )
        lines.append("")
    lines.append(summary(result))
    return "\n".join(_plain(line) for line in lines) + "\n"


def _plain(text: str) -> str:
    # Contract text reaches the terminal: control characters (C0, DEL, C1) and bidirectional
    # overrides must not steer it or make a line read differently than it is.
    return "".join("\ufffd" if _steers(ch) else ch for ch in text)


def _steers(ch: str) -> bool:
    code = ord(ch)
    return (
        (code < 0x20 and ch != "\t")
        or 0x7F <= code <= 0x9F
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
    )


def _cell(text: Any) -> str:
    from .rendering import markdown_cel

    return markdown_cel(text)


def as_markdown(result: DiffResult, level: int = 2) -> str:
    """For a pull-request comment or the CI step summary: a table per changed programme."""
    head = "#" * level
    out = [f"{head} Wijzigingen ten opzichte van {_code(result.base)}", "", summary(result), ""]
    for programme in result.programmes:
        if not programme.changes:
            continue
        out.append(f"{head}# {_cell(_title(programme))}")
        out.append("")
        out.append("| Niveau | Onderdeel | Wijziging | Soort | Waar |")
        out.append("| --- | --- | --- | --- | --- |")
        for located in programme.changes:
            change = located.change
            level_text = (
                f"**{change.severity}**" if change.severity == "belangrijk" else (change.severity)
            )
            out.append(
                f"| {level_text} | {_cell(change.subject)} | {_cell(change.message)} | "
                f"`{change.check}` | {_code(f'{located.file}:{located.line}')} |"
            )
        out.append("")
    return "\n".join(_plain(line) for line in out).rstrip("\n") + "\n"


def _code(text: str) -> str:
    """Inline code that no backtick, pipe or newline in ``text`` can break out of."""
    clean = " ".join(text.split()).replace("`", "'").replace("|", "\\|")
    return f"`{clean}`"


def as_json(result: DiffResult) -> str:
    """For other tools: every programme, every change with its check, severity and values."""
    data = {
        "sinds": result.base,
        "wijzigingen": len(result.changes()),
        "per_niveau": result.per_severity(),
        "programmas": [
            {
                "code": p.code,
                "programma": p.programma,
                "oud": p.old_name,
                "nieuw": p.new_name,
                "status": p.status,
                "wijzigingen": [
                    {
                        "controle": c.change.check,
                        "niveau": c.change.severity,
                        "onderwerp": c.change.subject,
                        "bericht": c.change.message,
                        "bestand": c.file,
                        "regel": c.line,
                        "kolom": c.column,
                        "jaar": c.change.year,
                        "oud": c.change.old,
                        "nieuw": c.change.new,
                        "verschil": c.change.difference,
                    }
                    for c in p.changes
                ],
            }
            for p in result.programmes
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def present(result: DiffResult, formaat: str) -> str:
    """The result in ``text``, ``markdown`` or ``json``."""
    if formaat == "json":
        return as_json(result)
    if formaat == "markdown":
        return as_markdown(result)
    return as_text(result)


def checks_table() -> str:
    """The kinds of change as a Markdown table (for the README)."""
    rows = ["| soort | standaardniveau | wat |", "| --- | --- | --- |"]
    rows += [f"| `{c.name}` | {c.severity} | {c.title} |" for c in CHECKS.values()]
    return "\n".join(rows) + "\n"


# --- the chapter in council documents (render --sinds) ------------------------------------------


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


def chapter(programme: ProgrammeDiff, base: str) -> ChangeChapter:
    """The change chapter of one programme: a sentence and a row per change."""
    rows = tuple(
        ChangeRow(c.change.severity, c.change.subject, c.change.message, c.change.check)
        for c in programme.changes
    )
    if programme.status == "nieuw":
        sentence = f"Dit programma is nieuw: in {base} bestond het nog niet."
    elif programme.status == "verwijderd":
        sentence = f"Dit programma bestaat niet meer; in {base} bestond het wel."
    elif not rows:
        sentence = f"Geen wijzigingen in betekenis ten opzichte van {base}."
    else:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.niveau] = counts.get(row.niveau, 0) + 1
        levels = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if s in counts)
        sentence = (
            f"{_count(len(rows), 'wijziging', 'wijzigingen')} in betekenis ten opzichte van "
            f"{base}: {levels}."
        )
    return ChangeChapter(base, programme.programma, sentence, rows)


def chapters(result: DiffResult) -> dict[str, ChangeChapter]:
    """Every programme's chapter by programme code (removed programmes have no document)."""
    return {p.code: chapter(p, result.base) for p in result.programmes if p.status != "verwijderd"}


@dataclass(frozen=True)
class ChangeOverview:
    """The separate change overview (for the raadsvoorstel): every programme that changed."""

    basis: str
    samenvatting: str
    hoofdstukken: tuple[ChangeChapter, ...]


def overview(result: DiffResult) -> ChangeOverview:
    """The overview of all changed, new and removed programmes, in programme order."""
    return ChangeOverview(
        result.base,
        summary(result),
        tuple(chapter(p, result.base) for p in result.programmes if p.changes),
    )


OVERVIEW_NAME = "wijzigingen"


def changes_for_render(
    paths: list[Path], sinds: str | None, formaat: str, templates: Path | None
) -> tuple[dict[str, ChangeChapter], list[tuple[str, str]]]:
    """For ``render --sinds``: each programme's chapter, and the overview file to write.

    Without ``sinds`` nothing: no chapter, no overview. Trouble becomes a RenderProblem.
    """
    from .config import ConfigError, load_config
    from .rendering import RenderProblem, environment, render_text

    if sinds is None:
        return {}, []
    try:
        result = compare_since(paths, sinds, load_config())
    except ConfigError as exc:
        raise RenderProblem(str(exc)) from None
    except DiffProblem as exc:
        details = "".join(f"\n{line}" for line in exc.details)
        raise RenderProblem(exc.message + (":" if details else "") + details) from None
    if any(p.code == OVERVIEW_NAME for p in result.programmes):
        raise RenderProblem(
            f"een programma heeft de code '{OVERVIEW_NAME}'; het overzicht "
            f"{OVERVIEW_NAME}.{formaat} zou zijn document overschrijven"
        )
    from . import __version__

    env = environment(templates, formaat)
    gemeenten = sorted({p.gemeente for p in result.programmes if p.gemeente})
    text = render_text(
        env,
        f"{OVERVIEW_NAME}.{formaat}.j2",
        o=overview(result),
        versie=__version__,
        gemeente=", ".join(gemeenten),
        portfolio=formaat == "html",
    )
    return chapters(result), [(f"{OVERVIEW_NAME}.{formaat}", text)]
