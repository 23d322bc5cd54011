"""Finding contract files and checking them: the core behind ``programmatool check``."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .findings import Finding, sorteer
from .loading import DEFAULT_LIMITS, Limits, LoadResult, load_contract

if TYPE_CHECKING:
    from .config import Config

YAML_SUFFIXES = (".yaml", ".yml")


class PathProblem(Exception):
    """A path given on the command line that cannot be used (exit code 2)."""


@dataclass
class CheckResult:
    """Everything ``check`` found: per file the load result, and all findings sorted."""

    results: list[LoadResult]
    findings: list[Finding]
    problems: list[str] = field(default_factory=list)

    @property
    def fouten(self) -> int:
        """Number of findings of level 'fout'."""
        return sum(1 for f in self.findings if f.niveau == "fout")

    @property
    def waarschuwingen(self) -> int:
        """Number of findings of level 'waarschuwing'."""
        return sum(1 for f in self.findings if f.niveau == "waarschuwing")


def find_contract_files(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[str]]:
    """Files to check, as (path, name shown to the user), and Dutch problems with the paths.

    Folders are searched recursively for ``*.yaml`` and ``*.yml`` without following symbolic
    links, so a link loop cannot hang the search. The order is stable (sorted).
    """
    files: dict[str, Path] = {}
    problems: list[str] = []
    for given in paths:
        if not given.exists() and not given.is_symlink():
            problems.append(f"{given.as_posix()}: pad bestaat niet")
            continue
        if given.is_dir():
            for root, dirs, names in os.walk(given, followlinks=False, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                        full = Path(root) / name
                        if full.is_symlink() and not full.exists():
                            problems.append(f"{full.as_posix()}: verwijzing naar niets")
                            continue
                        files.setdefault(full.as_posix(), full)
            continue
        if given.is_symlink() and not given.exists():
            problems.append(f"{given.as_posix()}: verwijzing naar niets")
            continue
        files.setdefault(given.as_posix(), given)
    return [(path, name) for name, path in sorted(files.items())], problems


def check(
    paths: list[Path],
    limits: Limits | None = None,
    config: Config | None = None,
    vandaag: dt.date | None = None,
) -> CheckResult:
    """Load every contract under ``paths`` and run the consistency rules on them.

    ``config`` switches rules off or changes their level and gives the reading limits;
    ``vandaag`` is the date a realisation may not lie after (default: today).
    """
    from .rules import run_rules

    if limits is None:
        limits = config.limieten if config is not None else DEFAULT_LIMITS
    files, problems = find_contract_files(paths)
    results = [load_contract(path, name, limits) for path, name in files]
    findings = [f for r in results for f in r.findings]
    findings.extend(run_rules(results, config, vandaag))
    return CheckResult(results, sorteer(findings), problems)
