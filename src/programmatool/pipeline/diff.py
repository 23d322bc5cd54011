"""The ``diff`` command: both sides loaded through the pipeline's file finding, reader and
limits (the old side from git for ``--sinds``), paired by code, compared with the configured
severities and presented; the exit code says whether anything changed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from programmatool.diff.result import (
    DiffProblem,
    DiffResult,
    Facts,
    ProgrammeDiff,
    Side,
    compare_pair,
    compare_pairs,
    facts_of,
    finish,
    loaded_side,
    pair_by_code,
    renamed,
)
from programmatool.pipeline import run as pipeline
from programmatool.pipeline.settings import Config, configured_levels

if TYPE_CHECKING:
    from programmatool.diff.changes import ChangeSeverity
    from programmatool.loading import Limits
    from programmatool.pipeline.git import Revision


def run_diff(
    paths: list[Path],
    since: str | None,
    output_format: str,
    config_path: Path | None,
    fail_on: str | None,
) -> int:
    """``programmatool diff``: the configuration read once (``config_path``, or the one found
    from here upward), both sides compared, the result on standard output. Returns 1 when a
    change of level ``fail_on`` or higher (default: any change) was found, else 0; raises
    :class:`DiffProblem` when the comparison cannot be made."""
    from programmatool.diff.changes import SEVERITIES
    from programmatool.presenting.diff import DIFF_FORMATS, present
    from programmatool.text.terminal import write_out

    if fail_on is not None and fail_on not in SEVERITIES:
        raise DiffProblem(
            f"onbekend niveau '{fail_on}' voor --fail-on; kies uit {', '.join(SEVERITIES)}"
        )
    if output_format == "md":
        output_format = "markdown"
    if output_format not in DIFF_FORMATS:
        raise DiffProblem(f"onbekend formaat '{output_format}'; kies uit {', '.join(DIFF_FORMATS)}")
    if since is None and len(paths) != 2:
        raise DiffProblem("geef twee paden (OUD NIEUW), of paden met --sinds REVISIE")
    try:
        config = pipeline.read_settings(config_path).config
    except pipeline.ConfigError as exc:
        raise DiffProblem(str(exc)) from None
    if since is None:
        result = compare_files(paths[0], paths[1], config)
    else:
        result = compare_since(paths, since, config)
    write_out(present(result, output_format), json=output_format == "json")
    # SEVERITIES runs from most to least severe: the given level and the ones before it count.
    counting = SEVERITIES[: SEVERITIES.index(fail_on) + 1] if fail_on else SEVERITIES
    failed = any(c.change.severity in counting for c in result.changes())
    return pipeline.EXIT_FINDINGS if failed else pipeline.EXIT_OK


def _settings(config: Config | None) -> pipeline.Settings:
    return pipeline.Settings(config) if config is not None else pipeline.Settings()


def _load_paths(paths: list[Path], config: Config | None) -> list[Side]:
    results, problems = pipeline.load_files(paths, _settings(config))
    if problems:
        raise DiffProblem(problems[0], [f"programmatool: {p}" for p in problems[1:]])
    return [loaded_side(result, "") for result in results]


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
    if old.is_dir():
        fast = _compare_versions(
            old.as_posix(), _file_versions([old], config), _file_versions([new], config), config
        )
        if fast is not None:
            return fast
    old_sides = _load_paths([old], config)
    new_sides = _load_paths([new], config)
    if not old.is_dir():
        return compare_pairs(
            old.as_posix(), [(old_sides[0], new_sides[0])], configured_levels(config)
        )
    if not old_sides and not new_sides:
        raise DiffProblem(pipeline.no_contracts([old, new]))
    return compare_pairs(
        old.as_posix(), pair_by_code(old_sides, new_sides), configured_levels(config)
    )


def compare_since(paths: list[Path], ref: str, config: Config | None = None) -> DiffResult:
    """``diff PAD... --sinds REF``: each contract against its version at a git revision."""
    from programmatool.loading import load_bytes
    from programmatool.pipeline.git import GitProblem, open_revision

    fast = _compare_since_fast(paths, ref, config)
    if fast is not None:
        return fast
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
        limits = _settings(config).limits
        old_sides = []
        # The old side comes from git in one batch, one file at a time.
        for relpath, raw in revision.read_many(sorted(set(wanted)), limits.max_bytes):
            loaded = load_bytes(raw, revision.label(relpath), limits)
            old_side = loaded_side(loaded, f" (de versie in {ref})")
            old_side.place = relpath
            old_sides.append(old_side)
    except GitProblem as exc:
        raise DiffProblem(str(exc)) from None
    new_sides = _load_paths(paths, config)
    for side in new_sides:
        side.place = revision.relative(Path(side.name))
    if not old_sides and not new_sides:
        raise DiffProblem(pipeline.no_contracts(paths))
    return compare_pairs(ref, pair_by_code(old_sides, new_sides), configured_levels(config))


# --- the fast path: identical files paired unread, only what changed compared in workers -------
#
# Most contracts are the same on both sides. A file whose bytes are those of exactly one file
# on the other side is that file's other version (same bytes, same contract, same code), so it
# is paired without being read twice, and its comparison is known to find nothing. Every other
# file is loaded in a worker, which hands back only the facts a result needs; the pairs that
# differ are compared in workers too, so the main process never holds a contract. Whenever
# anything is off (a file that cannot be read or loaded, two files with one content) the fast
# path steps aside and the plain comparison above reports it in its own words.


@dataclass(frozen=True)
class _Version:
    """One side's version of a file: how it is named, its place in the repository, the git
    blob id of its bytes, and where to load it from (a path, or bytes read from git)."""

    name: str
    place: str
    digest: str
    path: Path | None = None
    raw: bytes | None = None
    #: Said after the name when it cannot be loaded (" (de versie in v1.0)").
    what: str = ""


@dataclass(frozen=True)
class _Loaded:
    """What the main process keeps of a loaded version: pairing and the result's facts."""

    name: str
    place: str
    digest: str
    facts: Facts
    #: The version it is (its index among the old versions, then the new ones).
    key: int = 0

    @property
    def code(self) -> str:
        return self.facts.code


def blob_id(data: bytes) -> str:
    """The id git gives a file with these bytes (SHA-1 object format)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _file_versions(
    paths: list[Path], config: Config | None, revision: Revision | None = None
) -> list[_Version] | None:
    """Every contract file under ``paths`` with the blob id of its bytes (and its place in the
    repository of ``revision``); None when a file cannot be found or read (the plain
    comparison reports it)."""
    files, problems = pipeline.find_files(paths)
    if problems:
        return None
    limits = _settings(config).limits
    versions = []
    for path, name in files:
        raw = pipeline.read_file(path, name, limits)
        if not isinstance(raw, bytes):
            return None
        place = revision.relative(Path(name)) if revision is not None else ""
        versions.append(_Version(name, place, blob_id(raw), path=path))
    return versions


def _identical(old: list[_Version], new: list[_Version]) -> dict[int, int]:
    """Per old version (by index) the new one with the same bytes, where each side has exactly
    one file with those bytes."""
    olds: dict[str, list[int]] = {}
    news: dict[str, list[int]] = {}
    for i, v in enumerate(old):
        olds.setdefault(v.digest, []).append(i)
    for j, v in enumerate(new):
        news.setdefault(v.digest, []).append(j)
    return {
        ids[0]: news[digest][0]
        for digest, ids in olds.items()
        if len(ids) == 1 and len(news.get(digest, [])) == 1
    }


def _compare_versions(
    base: str, old: list[_Version] | None, new: list[_Version] | None, config: Config | None
) -> DiffResult | None:
    """The comparison of two sides' versions, or None when the plain path must give it."""
    from programmatool.pipeline import workers as parallel

    if old is None or new is None or (not old and not new):
        return None
    same = _identical(old, new)
    to_load = [*new, *(v for i, v in enumerate(old) if i not in same)]
    limits = _settings(config).limits
    work = {"versions": to_load, "limits": limits}
    loaded = parallel.run(work, _load_facts, len(to_load))
    if any(item is None for item in loaded):
        return None
    new_loaded = [
        replace(item, key=len(old) + j)
        for j, item in enumerate(loaded[: len(new)])
        if item is not None
    ]
    rest = iter(loaded[len(new) :])
    old_loaded: list[_Loaded] = []
    for i, version in enumerate(old):
        if i in same:  # the same bytes as a new file: the same contract, read once
            twin = new_loaded[same[i]]
            old_loaded.append(replace(twin, name=version.name, place=version.place, key=i))
        else:
            item = next(rest)
            assert item is not None
            old_loaded.append(replace(item, key=i))
    pairs = pair_by_code(old_loaded, new_loaded)
    levels = configured_levels(config)
    programmes: list[ProgrammeDiff | None] = []
    compare: list[tuple[_Version | None, _Version | None]] = []
    versions = [*old, *new]
    for o, n in pairs:
        if o is not None and n is not None and o.digest == n.digest:
            programmes.append(
                ProgrammeDiff(
                    n.code,
                    n.facts.programma,
                    o.name,
                    n.name,
                    "ongewijzigd",
                    [],
                    renamed(o.place or o.name, n.place or n.name),
                )
            )
        else:
            programmes.append(None)
            compare.append(
                (
                    versions[o.key] if o is not None else None,
                    versions[n.key] if n is not None else None,
                )
            )
    work = {"pairs": compare, "limits": limits, "levels": levels}
    compared = iter(parallel.run(work, _compare_one, len(compare)))
    done = [p if p is not None else next(compared) for p in programmes]
    if any(p is None for p in done):
        return None
    facts = [(o.facts if o else None, n.facts if n else None) for o, n in pairs]
    return finish(base, [p for p in done if p is not None], facts)


def _load(version: _Version, limits: Limits) -> Side | None:
    """One version loaded in a worker, as a side of the comparison; None when it cannot be."""
    from programmatool.loading import load_bytes

    raw = version.raw
    if raw is None:
        read = pipeline.read_file(version.path or Path(version.name), version.name, limits)
        if not isinstance(read, bytes):
            return None
        raw = read
    result = load_bytes(raw, version.name, limits)
    if result.contract is None:
        return None
    side = loaded_side(result, version.what)
    side.place = version.place
    return side


def _load_facts(index: int) -> _Loaded | None:
    from programmatool.pipeline.workers import WORK

    version: _Version = WORK["versions"][index]
    side = _load(version, WORK["limits"])
    if side is None:
        return None
    return _Loaded(version.name, version.place, version.digest, facts_of(side.contract))


def _compare_one(index: int) -> ProgrammeDiff | None:
    from programmatool.pipeline.workers import WORK

    old, new = WORK["pairs"][index]
    levels: dict[str, ChangeSeverity | None] = WORK["levels"]
    old_side = _load(old, WORK["limits"]) if old is not None else None
    new_side = _load(new, WORK["limits"]) if new is not None else None
    if (old is not None and old_side is None) or (new is not None and new_side is None):
        return None
    return compare_pair(old_side, new_side, levels)


def _compare_since_fast(paths: list[Path], ref: str, config: Config | None) -> DiffResult | None:
    """``diff --sinds`` on the fast path: the git blob ids of the old side (one batch) pair the
    unchanged files unread; only the other old versions are read from git (one batch)."""
    from programmatool.pipeline.git import GitProblem, open_revision

    limits = _settings(config).limits
    try:
        revision = open_revision(paths[0], ref)
        wanted: list[str] = []
        for given in paths:
            relpath = revision.relative(given)
            if given.is_dir():
                wanted.extend(revision.contract_files(relpath))
            elif revision.exists(relpath):
                wanted.append(relpath)
            else:
                return None
        relpaths = sorted(set(wanted))
        ids = revision.blob_ids(relpaths, limits.max_bytes)
        new = _file_versions(paths, config, revision)
    except GitProblem:
        return None
    if ids is None or new is None:
        return None
    what = f" (de versie in {ref})"
    old = [_Version(revision.label(r), r, ids[r], what=what) for r in relpaths]
    same = _identical(old, new)
    unread = [relpaths[i] for i in range(len(old)) if i not in same]
    try:
        contents = dict(revision.read_many(unread, limits.max_bytes))
    except GitProblem:
        return None
    old = [replace(v, raw=contents[v.place]) if v.place in contents else v for v in old]
    return _compare_versions(ref, old, new, config)
