"""The adopted version of a contract and what changed since: the programme card's change line.

The adopted version is found in git: the oldest commit of the file in which the contract has
status ``vastgesteld`` with the adoption date the contract carries now (``vastgesteld_op``);
without a date (or for a concept) the adoption date of the newest adopted version counts. A
user can name it instead (``render --vastgesteld REF``). The comparison is ``diff.diff``; what
happens in execution (new measurements, annual accounts, execution records) is progress, not a
change of the adopted contract, and is left out. Outside a git repository no git process is
started: the card then says the adopted version could not be looked up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from programmatool.diff.adoption import SindsVaststelling, date_text, niet_gevonden, samenvatting
from programmatool.pipeline.settings import configured_levels

if TYPE_CHECKING:
    from collections.abc import Iterable

    from programmatool.model.contract import Contract
    from programmatool.pipeline.git import FileVersion, Revision
    from programmatool.pipeline.settings import Config

# Top-level keys only (column 0), enough to pick candidates; the chosen version is loaded fully.
_STATUS = re.compile(rb"^status:[ \t]*['\"]?([A-Za-z]+)['\"]?[ \t\r]*(?:#.*)?$", re.M)
_DATUM = re.compile(
    rb"^vastgesteld_op:[ \t]*['\"]?(\d{4}-\d{2}-\d{2})['\"]?[ \t\r]*(?:#.*)?$", re.M
)


class AdoptionProblem(Exception):
    """An explicitly named adopted version that cannot be used (exit code 2); Dutch message."""


def _kenmerken(raw: bytes) -> tuple[str, str]:
    status = _STATUS.search(raw)
    datum = _DATUM.search(raw)
    return (
        status.group(1).decode("ascii") if status else "",
        datum.group(1).decode("ascii") if datum else "",
    )


def _kies(
    contract: Contract, stream: Iterable[tuple[FileVersion, bytes | None]]
) -> tuple[FileVersion, bytes] | None:
    """The adopted version among a file's commits (newest first) with its content, or None.

    The versions arrive one at a time and only the best candidate so far is kept: the oldest
    adopted version with the adoption date that counts (the contract's own, else that of the
    newest adopted version).
    """
    datum: str | None = None
    if contract.status in ("vastgesteld", "gewijzigd") and contract.vastgesteld_op is not None:
        datum = contract.vastgesteld_op.isoformat()
    chosen: tuple[FileVersion, bytes] | None = None
    for version, raw in stream:
        if raw is None:
            continue
        status, date = _kenmerken(raw)
        if status != "vastgesteld":
            continue
        if datum is None:
            datum = date
        if date == datum:
            chosen = (version, raw)
    return chosen


def _load(raw: bytes, label: str, config: Config | None) -> Contract | None:
    from programmatool.loading import DEFAULT_LIMITS, load_bytes

    limits = config.limits if config is not None else DEFAULT_LIMITS
    return load_bytes(raw, label, limits).contract


@dataclass(frozen=True)
class AdoptionSource:
    """What the card's line depends on besides the contract, read from git before the contract
    is loaded.

    ``key`` describes it exactly: commits and paths, which name their contents, so a document
    whose file and source did not change can be left as it is without loading either. Either
    ``line`` is already the answer (outside git, no history, a revision that cannot be used), or
    the file's ``versions`` or the named ``revision`` remain to be compared with the contract.
    ``aangewezen`` names the configuration file when the revision came from ``[render]
    vastgesteld``: trouble then becomes the card's "niet gevonden" line, never an error.
    """

    key: str
    line: SindsVaststelling | None = None
    root: Path | None = None
    versions: tuple[FileVersion, ...] = ()
    revision: Revision | None = None
    relpath: str = ""
    aangewezen: str = ""


def _answered(line: SindsVaststelling) -> AdoptionSource:
    return AdoptionSource(f"regel\0{line!r}", line)


def history_source(path: Path, config: Config | None = None) -> AdoptionSource:
    """The versions of ``path`` in git among which the adopted one is chosen (one ``git log``)."""
    from programmatool.loading import DEFAULT_LIMITS
    from programmatool.pipeline.git import (
        GitProblem,
        file_history,
        open_repository,
        repository_folder,
    )

    if repository_folder(path) is None:
        return _answered(niet_gevonden(f"{path.as_posix()} staat niet in een git-repository"))
    try:
        root = open_repository(path)
        try:
            relpath = path.resolve().relative_to(root).as_posix()
        except ValueError:
            return _answered(niet_gevonden(f"{path.as_posix()} ligt buiten het git-repository"))
        limits = config.limits if config is not None else DEFAULT_LIMITS
        versions = tuple(file_history(root, relpath, limits.max_versions))
    except GitProblem as exc:
        return _answered(niet_gevonden(str(exc)))
    if not versions:
        return _answered(
            niet_gevonden(f"{path.as_posix()} is nog niet in de versiegeschiedenis bewaard")
        )
    described = "\0".join(f"{v.commit}:{v.date}:{v.path}" for v in versions)
    key = f"geschiedenis\0{relpath}\0{limits.max_bytes}\0{limits.max_history_bytes}\0{described}"
    return AdoptionSource(key, root=root, versions=versions, relpath=relpath)


def revision_source(
    path: Path, ref: str, config: Config | None = None, aangewezen: str = ""
) -> AdoptionSource:
    """The revision ``ref`` names, as the adopted version of ``path``. A revision named on the
    command line that cannot be used is an AdoptionProblem; one from the configuration
    (``aangewezen``: its file's name) gives the card's "niet gevonden" line instead."""
    from programmatool.pipeline.git import GitProblem, open_revision

    try:
        revision = open_revision(path, ref, option="--vastgesteld")
        relpath = revision.relative(path)
    except GitProblem as exc:
        if aangewezen:
            return _answered(_configured_missing(ref, aangewezen))
        raise AdoptionProblem(str(exc)) from None
    key = f"revisie\0{revision.commit}\0{ref}\0{relpath}\0{aangewezen}"
    return AdoptionSource(key, revision=revision, relpath=relpath, aangewezen=aangewezen)


def card_source(path: Path, vastgesteld: str | None, config: Config | None) -> AdoptionSource:
    """What the card's line of ``path`` compares with: the revision ``vastgesteld`` (the
    command line), else ``[render] vastgesteld`` of the configuration, else the file's history."""
    if vastgesteld is not None:
        return revision_source(path, vastgesteld, config)
    ingesteld = config.table("render").get("vastgesteld") if config is not None else None
    if not isinstance(ingesteld, str):
        return history_source(path, config)
    bron = config.path.name if config is not None and config.path is not None else "configuratie"
    return revision_source(path, ingesteld, config, aangewezen=bron)


def _configured_missing(ref: str, bron: str) -> SindsVaststelling:
    # Not the git message itself: it names the folder, and a document must not depend on
    # where it was made.
    return niet_gevonden(
        f"de revisie '{ref}' ([render] vastgesteld in {bron}) is hier niet te vinden; "
        "een onvolledige kopie van de versiegeschiedenis mist die"
    )


def card_line(
    source: AdoptionSource, path: Path, contract: Contract, config: Config | None = None
) -> SindsVaststelling:
    """The card's line for ``contract`` (read from ``path``) against its ``source``."""
    if source.line is not None:
        return source.line
    if source.revision is not None:
        try:
            regel = _revision_line(source.revision, source.relpath, path, contract, config)
        except AdoptionProblem:
            if source.aangewezen:
                return _configured_missing(source.revision.ref, source.aangewezen)
            raise
        if source.aangewezen and regel.gevonden and regel.bron:
            return replace(regel, bron=f"{regel.bron} (aangewezen in {source.aangewezen})")
        return regel
    assert source.root is not None
    return _history_line(source, path, contract, config)


def _history_line(
    source: AdoptionSource, path: Path, contract: Contract, config: Config | None
) -> SindsVaststelling:
    from programmatool.loading import DEFAULT_LIMITS
    from programmatool.pipeline.git import GitProblem, read_versions

    assert source.root is not None
    limits = config.limits if config is not None else DEFAULT_LIMITS
    try:
        found = _kies(
            contract,
            read_versions(
                source.root, list(source.versions), limits.max_bytes, limits.max_history_bytes
            ),
        )
    except GitProblem as exc:
        return niet_gevonden(str(exc))
    if found is None:
        if contract.status == "concept":
            return SindsVaststelling(
                "Nog niet vastgesteld: dit is een concept, en de versiegeschiedenis heeft "
                "geen eerder vastgestelde versie om mee te vergelijken."
            )
        wat = "geen versie met status vastgesteld"
        if contract.vastgesteld_op is not None:
            wat += f" en vaststellingsdatum {date_text(contract.vastgesteld_op)}"
        return niet_gevonden(f"{wat} in de geschiedenis van {path.as_posix()}")
    chosen, raw = found
    short = chosen.commit[:10]
    old = _load(raw, f"{short}:{chosen.path}", config)
    if old is None:
        return niet_gevonden(
            f"de vastgestelde versie van {date_text(chosen.date)} kan niet worden ingelezen"
        )
    return samenvatting(
        old, contract, _bron(old, chosen.date), _versie(old, chosen.date), configured_levels(config)
    )


def zoek(path: Path, contract: Contract, config: Config | None = None) -> SindsVaststelling:
    """The card's line for ``contract`` read from ``path``, with the adopted version from git."""
    return card_line(history_source(path, config), path, contract, config)


def _versie(old: Contract, date: str) -> str:
    """How the card names the adopted version when it has no adoption date: its own version,
    else the day it was saved ("versie van 3 juni 2019"); never a commit id."""
    if old.versie:
        return f"versie {old.versie}"
    return f"versie van {date_text(date)}" if date else ""


def _bron(old: Contract, date: str) -> str:
    """The line under the changes naming the compared version, only where the contract does not
    name itself: the day it was saved (that is not the day of the decision, and says so)."""
    if old.vastgesteld_op is not None or old.versie or not date:
        return ""
    return f"vastgestelde versie zoals die op {date_text(date)} is bewaard"


def uit_revisie(
    path: Path, contract: Contract, ref: str, config: Config | None = None
) -> SindsVaststelling:
    """The card's line with the adopted version named by the user (``--vastgesteld REF``).

    An unknown revision or a file outside git is an AdoptionProblem; a contract that did not
    exist in ``ref`` gets an honest line on its card.
    """
    return card_line(revision_source(path, ref, config), path, contract, config)


def _revision_line(
    revision: Revision, relpath: str, path: Path, contract: Contract, config: Config | None
) -> SindsVaststelling:
    from programmatool.loading import DEFAULT_LIMITS
    from programmatool.pipeline.git import GitProblem

    ref = revision.ref
    try:
        if not revision.exists(relpath):
            return SindsVaststelling(
                f"Vastgestelde versie niet gevonden: {path.as_posix()} bestond niet in {ref}."
            )
        limits_max = config.limits.max_bytes if config is not None else None
        raw = revision.read(relpath, limits_max or DEFAULT_LIMITS.max_bytes)
    except GitProblem as exc:
        raise AdoptionProblem(str(exc)) from None
    old = _load(raw, revision.label(relpath), config)
    if old is None:
        return niet_gevonden(f"de versie in {ref} ({relpath}) kan niet worden ingelezen")
    # A commit id names no version for a reader: the version is named by its own version,
    # adoption date or the day it was saved; a tag or branch name ("raad-2019") is a name.
    commit_id = re.fullmatch(r"[0-9a-fA-F]{7,40}", ref) is not None
    date = revision.date()
    if old.status == "concept":
        welke = "de aangewezen vastgestelde versie" + ("" if commit_id else f" ({ref})")
        return SindsVaststelling(
            f"Nog niet vastgesteld: in {welke} is dit contract een concept, dus er is geen "
            "vastgestelde versie om mee te vergelijken."
        )
    versie = _versie(old, date) if commit_id or old.versie else f"versie {ref}"
    return samenvatting(old, contract, _bron(old, date), versie, configured_levels(config))
