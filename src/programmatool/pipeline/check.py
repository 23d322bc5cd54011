"""``check``: the pipeline with the portfolio rules, as a Python function (:func:`check`, which
returns the pipeline's :class:`~programmatool.pipeline.run.Run`) and as the command
(:func:`run_check`, shared by the Typer command and the quick start in :mod:`entry`).

Kept free of Typer, Rich and Pydantic at import: a warm ``check`` (the editor and pre-commit
case) mostly pays for starting Python, so it starts without them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.pipeline import run as pipeline

if TYPE_CHECKING:
    from programmatool.loading import Limits
    from programmatool.pipeline.settings import Config


def check(
    paths: list[Path],
    limits: Limits | None = None,
    config: Config | None = None,
    today: dt.date | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
) -> pipeline.Run:
    """Load every contract under ``paths`` and run the consistency rules on them.

    ``config`` switches rules off or changes their level and gives the reading limits;
    ``today`` is the date a realisation may not lie after (default: today). With ``cache_dir``
    the outcome per file is kept there, so an unchanged file is not read again. Many files are
    checked on all cores (``jobs`` processes; default: the number of cores).
    """
    return pipeline.run(
        paths, config=config, limits=limits, today=today, cache_dir=cache_dir, jobs=jobs
    )


#: The name of a contract read from standard input (``check -``) when ``--naam`` gives none.
STDIN_NAME = "<stdin>"


def run_check(
    paths: list[Path],
    strict: bool,
    output_format: str,
    config_path: Path | None,
    cache: bool,
    jobs: int | None,
    out: Any,
    *,
    name: str | None = None,
    quiet: bool = False,
    verbose: bool = False,
) -> int:
    """``programmatool check``: the configuration read once (``config_path``, or the one found
    from here upward), the pipeline, a presenter. The path ``-`` reads one contract from
    standard input, named ``name`` in messages (default ``<stdin>``), without the cache.
    ``quiet``: in text, the findings only (no closing line; nothing when there are none);
    ``verbose``: the settings, each file and the time on standard error. Messages about the
    command itself go to standard error as ``programmatool: …``; returns the exit code."""
    import time

    from programmatool.presenting.findings import CHECK_FORMATS, report_result

    started = time.perf_counter()
    if output_format not in CHECK_FORMATS:
        return _fail(f"onbekend formaat '{output_format}'; kies uit {', '.join(CHECK_FORMATS)}")
    stdin = Path("-") in paths
    if stdin and len(paths) > 1:
        return _fail("'-' (standaardinvoer) kan niet samen met andere paden")
    if name is not None and not stdin:
        return _fail("--naam geldt alleen voor '-' (een contract op standaardinvoer)")
    try:
        settings = pipeline.read_settings(config_path, cache=cache and not stdin, jobs=jobs)
    except pipeline.ConfigError as exc:
        return _fail(str(exc))
    if stdin:
        result = pipeline.run_bytes(
            _read_stdin(settings.limits.max_bytes), name or STDIN_NAME, settings
        )
    else:
        result = pipeline.run(paths, settings=settings, label="Controleren")
    for problem in result.problems:
        _message(problem)
    if not result.results and not result.problems:
        return _fail(pipeline.no_contracts(paths))
    if result.results:
        report_result(result, output_format, strict, out, summary=not quiet)
    if verbose:
        _verbose(result, settings, time.perf_counter() - started)
    return result.exit_code(strict)


def _read_stdin(max_bytes: int) -> bytes:
    """Standard input's bytes, one more than the limit at most (the loader then says it is too
    large); an empty input when there is none to read."""
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # no standard input at all (closed, or a test's replacement)
        return sys.stdin.read().encode("utf-8") if sys.stdin is not None else b""
    return bytes(stream.read(min(max_bytes, sys.maxsize - 1) + 1))


def _verbose(result: pipeline.Run, settings: pipeline.Settings, seconds: float) -> None:
    """``--verbose``: what the check used and read, on standard error."""
    from programmatool.text.formatting import hoeveel

    config = settings.config.path
    _message(f"configuratie: {config.as_posix() if config else 'geen (standaardinstellingen)'}")
    cache = settings.cache_dir
    _message(f"cache: {cache.as_posix() if cache else 'niet gebruikt'}")
    for loaded in result.results:
        own = [f for f in result.findings if f.path == loaded.path]
        errors = sum(1 for f in own if f.severity == "fout")
        warnings = sum(1 for f in own if f.severity == "waarschuwing")
        _message(
            f"gecontroleerd: {loaded.path} ({hoeveel(errors, 'fout', 'fouten')}, "
            f"{hoeveel(warnings, 'waarschuwing', 'waarschuwingen')})"
        )
    files = hoeveel(len(result.results), "bestand", "bestanden")
    _message(f"{files} in {seconds:.2f} s".replace(".", ","))


def _message(text: str) -> None:
    # Names and values from the command line or a contract never reach the terminal as
    # control characters.
    from programmatool.text.terminal import neutralise, write_err

    write_err(neutralise(f"programmatool: {text}") + "\n")


def _fail(text: str) -> int:
    _message(text)
    return pipeline.EXIT_USAGE


__all__ = ["check", "run_check"]
