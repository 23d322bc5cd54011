"""The one way from paths to results, under every command: paths → :class:`Run`.

1. **Files**: folders are searched for ``*.yaml`` and ``*.yml``; whatever cannot be read (a
   path that does not exist, an unreadable folder, a link to nothing, a pipe, a file that is too
   large) becomes a Dutch problem or a PT009/PT008 finding with its reason, never a silent skip.
2. **Settings**: the configuration's rule levels and ``[limieten]`` apply to every command.
3. **Load**: unchanged files come from the cache; the rest is read, loaded and checked by the
   contract rules in the one process pool (:mod:`parallel`), with a progress bar on a terminal
   when the work takes long. A command may ask for a *product* per contract (the progress of a
   programme, for instance): it is computed in the same worker and cached beside the file's
   outcome, so a warm run reads neither YAML nor computes anything again.
4. **Portfolio**: the rules across contracts, on the cached summaries.
5. **Exit code**: :meth:`Run.exit_code`, the same for every command.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from programmatool.loading import DEFAULT_LIMITS, Limits, LoadResult, SourceMap, read_contract_bytes
from programmatool.model.findings import Finding, sort_findings
from programmatool.pipeline.cache import FileOutcome, Index
from programmatool.pipeline.settings import Config, ConfigError, isolate

if TYPE_CHECKING:
    from programmatool.model.contract import Contract
    from programmatool.pipeline.cache import ResultCache

YAML_SUFFIXES = (".yaml", ".yml")

#: The exit codes of every command: done, findings (or a contract with errors), could not work.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "YAML_SUFFIXES",
    "Config",
    "ConfigError",
    "Product",
    "Run",
    "Settings",
    "find_files",
    "isolate",
    "no_contracts",
    "read_file",
    "read_settings",
    "rule_findings",
    "run",
    "run_bytes",
]

#: Work that takes longer than this shows a progress bar (on a terminal only).
BAR_AFTER_SECONDS = 1.5


@dataclass(frozen=True)
class Product:
    """Extra work per loaded contract, done in the worker that loaded it and cached with the
    file: ``func(contract, name, params)`` must be a module-level function returning JSON data;
    ``params`` (JSON data) is part of the cache key."""

    name: str
    func: Callable[[Contract, str, Any], Any]
    params: Any = None


@dataclass
class Run:
    """What the pipeline found: per file its load result (with the contract when the command
    asked to keep contracts), every finding sorted, problems with the paths, and products."""

    results: list[LoadResult]
    findings: list[Finding]
    problems: list[str] = field(default_factory=list)
    #: Per file name, the product of a contract that loaded (see :class:`Product`).
    products: dict[str, Any] = field(default_factory=dict)
    #: Per file name that loaded as a contract, its cached summary (see :func:`check_one`).
    summaries: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Per file name found under the paths, its path.
    paths: dict[str, Path] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        """Number of findings of level 'fout'."""
        return sum(1 for f in self.findings if f.severity == "fout")

    @property
    def warnings(self) -> int:
        """Number of findings of level 'waarschuwing'."""
        return sum(1 for f in self.findings if f.severity == "waarschuwing")

    @property
    def infos(self) -> int:
        """Number of findings of level 'info' (they never make a check fail)."""
        return sum(1 for f in self.findings if f.severity == "info")

    @property
    def unreadable(self) -> bool:
        """True when a path or file could not be read at all (so it was not checked)."""
        return bool(self.problems) or any(f.code == "PT009" for f in self.findings)

    @property
    def skipped(self) -> list[LoadResult]:
        """The files that did not load as a contract."""
        return [r for r in self.results if r.contract is None]

    def exit_code(
        self, strict: bool = False, judge: Literal["findings", "loaded"] = "findings"
    ) -> int:
        """2 when something could not be read; 1 when ``judge`` finds fault: any error (and with
        ``strict`` any warning) for ``"findings"``, a contract that did not load for
        ``"loaded"`` (progress, render); else 0."""
        if self.unreadable:
            return EXIT_USAGE
        if judge == "loaded":
            return EXIT_FINDINGS if self.skipped else EXIT_OK
        failed = self.errors > 0 or (strict and self.warnings > 0)
        return EXIT_FINDINGS if failed else EXIT_OK


# --- settings: read once per command --------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """What a command takes from the pipeline, read once: the configuration (rule levels,
    ``[limieten]`` and the other tables), the date a realisation may not lie after, the cache
    folder (None: no cache) and the number of processes (None: one per core)."""

    config: Config = field(default_factory=Config)
    today: dt.date = field(default_factory=dt.date.today)
    cache_dir: Path | None = None
    jobs: int | None = None

    @property
    def limits(self) -> Limits:
        """The reading limits of ``[limieten]`` (the defaults without a configuration)."""
        return self.config.limits


def read_settings(
    config_path: Path | None = None,
    *,
    cache: bool = False,
    jobs: int | None = None,
    today: dt.date | None = None,
) -> Settings:
    """A command's settings: the configuration at ``config_path`` (``--config``) or the one
    found from the current folder upward, and with ``cache`` the user's cache folder. Raises
    :class:`ConfigError` (a Dutch message with file:line) for a configuration that cannot be
    used. This is the one place a command reads its configuration."""
    from programmatool.pipeline.cache import cache_dir
    from programmatool.pipeline.settings import load_config

    config = load_config(config_path)
    return Settings(config, today or dt.date.today(), cache_dir() if cache else None, jobs)


def no_contracts(paths: list[Path]) -> str:
    """The Dutch message for paths that hold no contract file at all (exit code 2)."""
    where = ", ".join(p.as_posix() for p in paths)
    return (
        f"geen contractbestanden ({', '.join(f'*{s}' for s in YAML_SUFFIXES)}) gevonden in {where}"
    )


# --- 1. files ---------------------------------------------------------------------------------


def find_files(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[str]]:
    """Files to read, as (path, name shown to the user), and Dutch problems with the paths.

    Folders are searched recursively without following symbolic links, so a link loop cannot
    hang the search; a folder that cannot be read is a problem, not a silent skip. The order
    is stable (sorted).
    """
    from programmatool.text.oserrors import reason

    files: dict[str, Path] = {}
    problems: list[str] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename).as_posix() if exc.filename else "?"
        problems.append(f"{where}: map kan niet gelezen worden: {reason(exc)}")

    for given in paths:
        if not given.exists() and not given.is_symlink():
            problems.append(f"{given.as_posix()}: pad bestaat niet")
            continue
        if given.is_dir():
            for root, dirs, names in os.walk(given, followlinks=False, onerror=unreadable):
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


def read_file(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> bytes | LoadResult:
    """A contract file's bytes, or a failed LoadResult saying why it cannot be read (PT009 for
    a folder, pipe, device or an OS error; PT008 above ``limits.max_bytes``). Never blocks."""
    return read_contract_bytes(path, name, limits)


# --- 2 to 5: the run --------------------------------------------------------------------------


def run(
    paths: list[Path],
    *,
    settings: Settings | None = None,
    config: Config | None = None,
    limits: Limits | None = None,
    today: dt.date | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    portfolio: bool = True,
    product: Product | None = None,
    keep_contracts: bool = False,
    label: str = "Inlezen",
) -> Run:
    """Find, load and check every contract under ``paths``; see the module's description.

    ``settings`` is what a command read once (:func:`read_settings`): its configuration, date,
    cache folder and processes, each unless given on its own. ``config`` gives rule levels and
    reading limits (``limits`` overrides them); ``today`` is the date a realisation may not lie
    after. With ``cache_dir`` each file's outcome (and
    product) is kept there, keyed by its name, content, the tool and the settings. ``jobs``
    limits the processes. ``portfolio`` runs the rules across contracts; ``keep_contracts``
    returns every loaded contract (files are then always loaded). ``label`` names the work on
    the progress bar.
    """
    from programmatool.pipeline.cache import ResultCache

    if settings is not None:
        config = config or settings.config
        today = today or settings.today
        cache_dir = cache_dir or settings.cache_dir
        jobs = jobs or settings.jobs
    if limits is None:
        limits = config.limits if config is not None else DEFAULT_LIMITS
    today = today or dt.date.today()
    files, problems = find_files(paths)
    cache = ResultCache(cache_dir, fingerprint(config, limits, today)) if cache_dir else None
    names = [name for _path, name in files]
    old_index = cache.load_index(names) if cache is not None else Index()
    new_index = Index(geschreven_ns=time.time_ns())
    outcomes: list[FileOutcome | None] = [None] * len(files)
    products: dict[str, Any] = {}
    kept: dict[str, LoadResult] = {}
    # (position, name, path, whether the outcome is still needed): only the path travels; the
    # worker reads the file again (from the page cache), so the parent never holds the bytes
    # of the whole portfolio.
    todo: list[tuple[int, str, Path, bool]] = []
    # Without an index of these files (a first check, or files added or removed) the workers
    # look up each file's own entry: the parent then neither reads nor hashes every file
    # before the first worker starts.
    probe = cache is not None and not old_index.uitkomsten
    for position, (path, name) in enumerate(files):
        if probe:
            todo.append((position, name, path, True))
            continue
        stamp = _stamp(path)
        key = old_index.sleutel(name, *stamp) if cache is not None and stamp else None
        hit = old_index.uitkomst(key) if key is not None else None
        wanted = _wanted(hit, product, keep_contracts)
        if wanted and key is not None and cache is not None and product and not keep_contracts:
            stored = cache.get_json(_product_key(key, product))
            if stored is not None:
                products[name] = stored
                wanted = False
        if cache is not None and (hit is None or wanted):
            raw = read_file(path, name, limits)
            if isinstance(raw, LoadResult):
                outcomes[position] = FileOutcome(raw.findings)
                kept[name] = raw
                continue
            key = cache.key(name, raw)
            del raw
            hit = hit or old_index.uitkomst(key) or cache.get(key)
            wanted = _wanted(hit, product, keep_contracts)
            if wanted and product is not None and not keep_contracts:
                stored = cache.get_json(_product_key(key, product))
                if stored is not None:
                    products[name] = stored
                    wanted = False
        if hit is None or wanted:
            todo.append((position, name, path, hit is None))
        if hit is not None:
            outcomes[position] = hit
            if key is not None:
                new_index.uitkomsten[key] = hit
        if stamp and key is not None:
            new_index.bestanden[name] = (*stamp, key)

    work = {
        "items": [(name, path, need) for _p, name, path, need in todo],
        "limits": limits,
        "config": config,
        "today": today,
        "product": product,
        "keep": keep_contracts,
        "cache": cache,
        "probe": probe,
    }
    from programmatool.pipeline import workers as parallel

    bar = _Bar(label, len(todo))
    try:
        done = parallel.run(work, _work_one, len(todo), jobs=jobs, done=bar.update)
    finally:
        bar.close()
    for (position, name, path, need), (key, outcome, made, loaded) in zip(todo, done, strict=True):
        if need and outcome is not None:
            outcomes[position] = outcome
            if key is not None:
                new_index.uitkomsten[key] = outcome
                stamp = _stamp(path)
                if stamp:
                    new_index.bestanden[name] = (*stamp, key)
        if made is not None:
            products[name] = made
        if loaded is not None:
            kept[name] = loaded

    # The positions are for the portfolio rules alone (they build their own views).
    results = [
        kept.get(name) or _portfolio_view(name, o, positions=False)
        for (_path, name), o in zip(files, outcomes, strict=True)
        if o is not None
    ]
    findings = [f for o in outcomes if o is not None for f in o.findings]
    if portfolio:
        findings.extend(
            _portfolio_findings(files, outcomes, config, today, cache, old_index, new_index)
        )
    if not portfolio:
        # A run without the portfolio rules keeps the ones an earlier check stored.
        new_index.portfolio = old_index.portfolio
    # An index that would not change is not written again: a warm run writes nothing.
    if cache is not None and (
        new_index.bestanden != old_index.bestanden
        or new_index.uitkomsten.keys() != old_index.uitkomsten.keys()
        or new_index.portfolio != old_index.portfolio
    ):
        cache.save_index(names, new_index)
    summaries = {
        name: o.samenvatting
        for (_path, name), o in zip(files, outcomes, strict=True)
        if o is not None and o.samenvatting is not None
    }
    paths_found = {name: path for path, name in files}
    return Run(results, sort_findings(findings), problems, products, summaries, paths_found)


def run_bytes(raw: bytes, name: str, settings: Settings) -> Run:
    """One contract given as bytes (``check -``: standard input) under ``name``: the findings
    :func:`run` gives for a file of that name and content, without files or cache."""
    config, today = settings.config, settings.today
    outcome, result = check_one(name, raw, settings.limits, config, today)
    assert outcome is not None  # with the rules, there always is one
    findings = [
        *outcome.findings,
        *_portfolio_findings(
            [(Path(name), name)], [outcome], config, today, None, Index(), Index()
        ),
    ]
    return Run([result], sort_findings(findings))


def _wanted(hit: FileOutcome | None, product: Product | None, keep: bool) -> bool:
    """Whether a file must be loaded beyond its cached outcome: for a product or its contract
    (only a file that loaded as a contract has either)."""
    if hit is not None and hit.samenvatting is None:
        return False
    return keep or product is not None


def _product_key(key: str, product: Product) -> str:
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"{key}\0{product.name}\0".encode())
    digest.update(json.dumps(product.params, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def _portfolio_findings(
    files: list[tuple[Path, str]],
    outcomes: list[FileOutcome | None],
    config: Config | None,
    today: dt.date,
    cache: ResultCache | None,
    old_index: Index,
    new_index: Index,
) -> list[Finding]:
    # The portfolio rules see only the files' summaries, and every key covers its file's name,
    # content and the settings: the same keys in the same order give the same findings.
    keys = [new_index.bestanden.get(name, (0, 0, ""))[2] for _path, name in files]
    portfolio_key = cache.portfolio_key(keys) if cache is not None and all(keys) else None
    found = old_index.portfolio_uitkomst(portfolio_key) if portfolio_key else None
    if found is None:
        from programmatool.rules import run_portfolio_rules

        views = [
            _portfolio_view(name, o) for (_path, name), o in zip(files, outcomes, strict=True) if o
        ]
        found = run_portfolio_rules(views, today)
        if config is not None:
            found = config.apply(found)
    if portfolio_key is not None:
        new_index.portfolio = (portfolio_key, FileOutcome(found).to_json()["findings"])
    return found


def _work_one(index: int) -> tuple[str | None, FileOutcome | None, Any, LoadResult | None]:
    """One file in a worker: its cache key, its outcome (when needed), its product and its
    loaded contract (when asked for). The worker reads the file and writes its cache entries
    itself, so neither the bytes nor the writing pass through the parent."""
    from programmatool.pipeline.workers import WORK

    name, path, need = WORK["items"][index]
    product: Product | None = WORK["product"]
    cache: ResultCache | None = WORK["cache"]
    raw = read_file(path, name, WORK["limits"])
    if isinstance(raw, LoadResult):  # it changed into something unreadable meanwhile
        return None, FileOutcome(raw.findings), None, raw if WORK["keep"] else None
    key = cache.key(name, raw) if cache is not None else None
    if WORK["probe"] and cache is not None and key is not None:
        found = _cached(cache, key, product, WORK["keep"])
        if found is not None:
            return key, *found, None
    outcome, result = check_one(name, raw, WORK["limits"], WORK["config"], WORK["today"], need)
    made = None
    if product is not None and result.contract is not None:
        made = product.func(result.contract, name, product.params)
    if cache is not None and key is not None:
        if outcome is not None:
            cache.put(key, outcome)
        if made is not None and product is not None:
            cache.put_json(_product_key(key, product), made)
    if not WORK["keep"]:
        return key, outcome, made, None
    # A kept contract travels without its source map and parsed data: nothing that keeps
    # contracts reads them, and they are most of a loaded file's size.
    return key, outcome, made, replace(result, source_map=SourceMap(), data=None)


def _cached(
    cache: ResultCache, key: str, product: Product | None, keep: bool
) -> tuple[FileOutcome, Any] | None:
    """A file's cached outcome and product (when asked for), when the cache holds all that
    the run needs of it; None when the file must be loaded."""
    hit = cache.get(key)
    if hit is None:
        return None
    if not _wanted(hit, product, keep):
        return hit, None
    if product is None or keep:
        return None
    made = cache.get_json(_product_key(key, product))
    return None if made is None else (hit, made)


def check_one(
    name: str,
    raw: bytes,
    limits: Limits,
    config: Config | None,
    today: dt.date,
    rules: bool = True,
) -> tuple[FileOutcome | None, LoadResult]:
    """Everything that one file alone decides: its load findings, its contract-rule findings
    (with the configuration applied), and the few fields the portfolio rules read (with their
    positions); and the load result itself. Without ``rules`` only the file is loaded."""
    from programmatool.loading import load_bytes

    result = load_bytes(raw, name, limits)
    if not rules:
        return None, result
    findings = list(result.findings)
    if result.contract is None:
        return FileOutcome(findings), result
    from programmatool.rules import PORTFOLIO_FIELDS

    findings.extend(rule_findings(result, config, today))
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
    from programmatool.pipeline.recording_data import (
        DIGEST_KEY,
        SUMMARY_KEY,
        data_digest,
        pack_view,
        recording_summary,
    )

    # The positions as one JSON text: only a portfolio finding needs them, and a string is a
    # small part of the lists it stands for in a parent that holds every file's summary.
    summary = {"contract": contract, "posities": json.dumps(positions, separators=(",", ":"))}
    # What import checks rows against, and the digest that spares it a reading of the file.
    view = recording_summary(result.contract)
    view[DIGEST_KEY] = data_digest(result.data)
    summary[SUMMARY_KEY] = pack_view(view)
    return FileOutcome(findings, summary), result


def rule_findings(result: LoadResult, config: Config | None, today: dt.date) -> list[Finding]:
    """The contract rules on one loaded file, at the configured levels (switched-off rules
    left out, ``[middelen]`` read): what ``check`` reports for it, and what a writer must not
    make worse."""
    from programmatool.pipeline.settings import rule_settings
    from programmatool.rules import run_contract_rules

    found = run_contract_rules(result, today, rule_settings(config))
    return found if config is None else config.apply(found)


def load_files(paths: list[Path], settings: Settings) -> tuple[list[LoadResult], list[str]]:
    """Every contract file under ``paths`` found, read within the limits and loaded (without
    the rules: for commands that compare or look up contracts), and the problems with the paths.
    Many files are loaded on all cores (``settings.jobs`` processes)."""
    from programmatool.pipeline import workers as parallel

    files, problems = find_files(paths)
    work = {"files": files, "limits": settings.limits}
    return parallel.run(work, _load_one, len(files), jobs=settings.jobs), problems


def _load_one(index: int) -> LoadResult:
    """One file of :func:`load_files`, in a worker."""
    from programmatool.loading import load_bytes
    from programmatool.pipeline.workers import WORK

    path, name = WORK["files"][index]
    raw = read_file(path, name, WORK["limits"])
    return raw if isinstance(raw, LoadResult) else load_bytes(raw, name, WORK["limits"])


@dataclass(frozen=True)
class _Relatie:
    programma: str | None
    toelichting: str | None = None
    extern: bool = False


@dataclass(frozen=True)
class _PortfolioContract:
    """The fields of a contract that portfolio rules read (``rules.PORTFOLIO_FIELDS``)."""

    programma: str
    code: str
    relaties: tuple[_Relatie, ...]


def _portfolio_view(name: str, outcome: FileOutcome, positions: bool = True) -> LoadResult:
    """A LoadResult holding only what portfolio rules may read, rebuilt from an outcome (with
    the positions of those fields unless ``positions`` is False).

    The contract in it has only the portfolio fields: a portfolio rule that reads another
    field fails loudly in the tests instead of silently differing between cached and fresh runs.
    """
    summary = outcome.samenvatting
    if summary is None:
        return LoadResult(name, None, outcome.findings, SourceMap())
    source_map = SourceMap()
    for path, line, col, kind in json.loads(summary["posities"]) if positions else ():
        table = source_map.values if kind == "waarde" else source_map.keys
        table[tuple(path)] = (line, col)
    data = summary["contract"]
    contract = _PortfolioContract(
        programma=data["programma"],
        code=data["code"],
        relaties=tuple(
            _Relatie(r.get("programma"), r.get("toelichting"), bool(r.get("extern", False)))
            for r in data.get("relaties", [])
        ),
    )
    return LoadResult(name, cast("Contract", contract), outcome.findings, source_map)


def _stamp(path: Path) -> tuple[int, int] | None:
    """A regular file's modification time (ns) and size, or None."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size) if stat.S_ISREG(info.st_mode) else None


def fingerprint(config: Config | None, limits: Limits, today: dt.date) -> str:
    """The settings a file's outcome depends on, with the tool's version and code."""
    from programmatool._version import __version__
    from programmatool.pipeline.cache import fingerprint as code_fingerprint

    settings = (
        (config.settings, config.base.as_posix(), config.table("middelen"))
        if config is not None
        else None
    )
    return code_fingerprint(__version__, settings, limits, today.isoformat())


class _Bar:
    """A progress bar on standard error for work that takes long, on a terminal only: never in
    a pipe, a file or a CI log."""

    def __init__(self, label: str, total: int) -> None:
        self.label = label
        self.total = total
        self.start = time.monotonic()
        self.enabled = total > 1 and sys.stderr.isatty() and not os.environ.get("CI")
        self.progress: Any = None
        self.task: Any = None

    def update(self, count: int) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            if time.monotonic() - self.start < BAR_AFTER_SECONDS:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            from programmatool.text.console import safe_console

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=safe_console(stderr=True),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=self.total)
        self.progress.update(self.task, completed=count)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
