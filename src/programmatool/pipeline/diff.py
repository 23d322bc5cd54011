"""The ``diff`` command's input: both sides loaded through the pipeline's reader and limits (the
old side from git for ``--sinds``), paired by code and compared with the configured severities."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.diff.result import (
    DiffProblem,
    DiffResult,
    Side,
    compare_pairs,
    loaded_side,
    pair_by_code,
)
from programmatool.pipeline.settings import configured_levels

if TYPE_CHECKING:
    from programmatool.pipeline.settings import Config


def _limits(config: Config | None) -> Any:
    from programmatool.loading import DEFAULT_LIMITS

    return config.limits if config is not None else DEFAULT_LIMITS


def _load_paths(paths: list[Path], config: Config | None) -> list[Side]:
    from programmatool.loading import load_contract
    from programmatool.pipeline.run import find_files

    files, problems = find_files(paths)
    if problems:
        raise DiffProblem(problems[0], [f"programmatool: {p}" for p in problems[1:]])
    return [loaded_side(load_contract(path, name, _limits(config)), "") for path, name in files]


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
        return compare_pairs(
            old.as_posix(), [(old_sides[0], new_sides[0])], configured_levels(config)
        )
    if not old_sides and not new_sides:
        raise DiffProblem(
            f"geen contractbestanden (*.yaml, *.yml) gevonden in {old.as_posix()} en "
            f"{new.as_posix()}"
        )
    return compare_pairs(
        old.as_posix(), pair_by_code(old_sides, new_sides), configured_levels(config)
    )


def compare_since(paths: list[Path], ref: str, config: Config | None = None) -> DiffResult:
    """``diff PAD... --sinds REF``: each contract against its version at a git revision."""
    from programmatool.loading import load_bytes
    from programmatool.pipeline.git import GitProblem, open_revision

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
            old_side = loaded_side(loaded, f" (de versie in {ref})")
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
    return compare_pairs(ref, pair_by_code(old_sides, new_sides), configured_levels(config))
