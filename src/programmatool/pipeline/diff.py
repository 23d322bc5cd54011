"""The ``diff`` command: both sides loaded through the pipeline's file finding, reader and
limits (the old side from git for ``--sinds``), paired by code, compared with the configured
severities and presented; the exit code says whether anything changed."""

from __future__ import annotations

from pathlib import Path

from programmatool.diff.result import (
    DiffProblem,
    DiffResult,
    Side,
    compare_pairs,
    loaded_side,
    pair_by_code,
)
from programmatool.pipeline import run as pipeline
from programmatool.pipeline.settings import Config, configured_levels


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
