"""Finding contract files and checking them: the core behind ``programmatool check``."""

from __future__ import annotations

import datetime as dt
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .cache import FileOutcome, Index
from .findings import Finding, sort_findings
from .loading import (
    DEFAULT_LIMITS,
    Limits,
    LoadResult,
    SourceMap,
    load_bytes,
    read_contract_bytes,
)

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
    def errors(self) -> int:
        """Number of findings of level 'fout'."""
        return sum(1 for f in self.findings if f.severity == "fout")

    @property
    def warnings(self) -> int:
        """Number of findings of level 'waarschuwing'."""
        return sum(1 for f in self.findings if f.severity == "waarschuwing")


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
    today: dt.date | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
) -> CheckResult:
    """Load every contract under ``paths`` and run the consistency rules on them.

    ``config`` switches rules off or changes their level and gives the reading limits;
    ``vandaag`` is the date a realisation may not lie after (default: today). With
    ``cache_dir`` the outcome per file is kept there, keyed by its content, the tool's version
    and the settings, so an unchanged file is not read again. Many files are checked on all
    cores (``jobs`` processes; default: the number of cores).
    """
    from .cache import ResultCache

    if limits is None:
        limits = config.limits if config is not None else DEFAULT_LIMITS
    today = today or dt.date.today()
    files, problems = find_contract_files(paths)
    cache = ResultCache(cache_dir, _fingerprint(config, limits, today)) if cache_dir else None
    outcomes: list[FileOutcome | None] = [None] * len(files)
    todo: list[tuple[int, str, bytes, str | None]] = []
    names = [name for _path, name in files]
    old_index = cache.load_index(names) if cache is not None else Index()
    new_index = Index(geschreven_ns=time.time_ns())
    # Files whose stamps could not be trusted were read and hashed; a new index lets the next
    # check trust them, once they are older than the racy window.
    reread = False
    for position, (path, name) in enumerate(files):
        stamp = _stamp(path)
        key = old_index.sleutel(name, *stamp) if cache is not None and stamp else None
        hit = old_index.uitkomst(key) if key is not None else None
        if hit is None:
            raw = read_contract_bytes(path, name, limits)
            if isinstance(raw, LoadResult):
                outcomes[position] = FileOutcome(raw.findings)
                continue
            if cache is None:
                todo.append((position, name, raw, None))
                continue
            key = cache.key(name, raw)
            reread = True
            hit = old_index.uitkomst(key) or cache.get(key)
            if hit is None:
                todo.append((position, name, raw, key))
        if hit is not None and key is not None:
            outcomes[position] = hit
            new_index.uitkomsten[key] = hit.to_json()
        if stamp and key is not None:
            new_index.bestanden[name] = (*stamp, key)
    for (position, _name, _raw, key), outcome in zip(
        todo, _check_files(todo, limits, config, today, jobs), strict=True
    ):
        outcomes[position] = outcome
        if cache is not None and key is not None:
            cache.put(key, outcome)
            new_index.uitkomsten[key] = outcome.to_json()
    results = [
        _portfolio_view(name, o) for (_path, name), o in zip(files, outcomes, strict=True) if o
    ]
    findings = [f for o in outcomes if o is not None for f in o.findings]
    # The portfolio rules see only the files' summaries, and every key covers its file's name,
    # content and the settings: the same keys in the same order give the same findings.
    keys = [new_index.bestanden.get(name, (0, 0, ""))[2] for _path, name in files]
    portfolio_key = cache.portfolio_key(keys) if cache is not None and all(keys) else None
    cached = old_index.portfolio_uitkomst(portfolio_key) if portfolio_key else None
    if cached is None:
        from .rules import run_portfolio_rules

        cached = run_portfolio_rules(results, today)
        if config is not None:
            cached = config.apply(cached)
    findings.extend(cached)
    if cache is not None:
        if portfolio_key is not None:
            new_index.portfolio = (portfolio_key, FileOutcome(cached).to_json()["findings"])
        if (
            reread
            or new_index.bestanden != old_index.bestanden
            or new_index.uitkomsten.keys() != old_index.uitkomsten.keys()
            or new_index.portfolio != old_index.portfolio
        ):
            cache.save_index(names, new_index)
    return CheckResult(results, sort_findings(findings), problems)


#: Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_FROM = 48


def _check_files(
    todo: list[tuple[int, str, bytes, str | None]],
    limits: Limits,
    config: Config | None,
    today: dt.date,
    jobs: int | None,
) -> list[FileOutcome]:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    items = [(name, raw) for _index, name, raw, _key in todo]
    if workers <= 1 or len(items) < PARALLEL_FROM:
        return [check_one(name, raw, limits, config, today) for name, raw in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    chunk = max(1, len(items) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(
            pool.map(
                _check_one_packed,
                [(name, raw, limits, config, today) for name, raw in items],
                chunksize=chunk,
            )
        )


def _check_one_packed(args: tuple[str, bytes, Limits, Config | None, dt.date]) -> FileOutcome:
    return check_one(*args)


def check_one(
    name: str, raw: bytes, limits: Limits, config: Config | None, today: dt.date
) -> FileOutcome:
    """Everything that one file alone decides: its load findings, its contract-rule findings,
    and the few fields the portfolio rules read (with their positions)."""
    from .rules import PORTFOLIO_FIELDS, run_contract_rules

    result = load_bytes(raw, name, limits)
    findings = list(result.findings)
    if result.contract is None:
        return FileOutcome(findings)
    contract_findings = run_contract_rules(result, today)
    findings.extend(contract_findings if config is None else config.apply(contract_findings))
    contract = result.contract.model_dump(mode="json", include=set(PORTFOLIO_FIELDS))
    positions = [
        [list(path), line, col, kind]
        for kind, table in (
            ("waarde", result.source_map.values),
            ("sleutel", result.source_map.keys),
        )
        for path, (line, col) in table.items()
        if path and path[0] in PORTFOLIO_FIELDS
    ]
    return FileOutcome(findings, {"contract": contract, "posities": positions})


@dataclass(frozen=True)
class _Relatie:
    programma: str
    toelichting: str | None = None


@dataclass(frozen=True)
class _PortfolioContract:
    """The fields of a contract that portfolio rules read (``rules.PORTFOLIO_FIELDS``)."""

    programma: str
    code: str
    relaties: tuple[_Relatie, ...]


def _portfolio_view(name: str, outcome: FileOutcome) -> LoadResult:
    """A LoadResult holding only what portfolio rules may read, rebuilt from an outcome.

    The contract in it has only the portfolio fields: a portfolio rule that reads another
    field fails loudly in the tests instead of silently differing between cached and fresh runs.
    """
    from .model import Contract

    summary = outcome.samenvatting
    if summary is None:
        return LoadResult(name, None, outcome.findings, SourceMap())
    source_map = SourceMap()
    for path, line, col, kind in summary["posities"]:
        table = source_map.values if kind == "waarde" else source_map.keys
        table[tuple(path)] = (line, col)
    data = summary["contract"]
    contract = _PortfolioContract(
        programma=data["programma"],
        code=data["code"],
        relaties=tuple(
            _Relatie(r["programma"], r.get("toelichting")) for r in data.get("relaties", [])
        ),
    )
    return LoadResult(name, cast(Contract, contract), outcome.findings, source_map)


def _stamp(path: Path) -> tuple[int, int] | None:
    """A regular file's modification time (ns) and size, or None."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size) if stat.S_ISREG(info.st_mode) else None


def _fingerprint(config: Config | None, limits: Limits, today: dt.date) -> str:
    from . import __version__
    from .cache import fingerprint

    settings = (config.settings, config.base.as_posix()) if config is not None else None
    return fingerprint(__version__, settings, limits, today.isoformat())
