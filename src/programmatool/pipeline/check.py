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


def run_check(
    paths: list[Path],
    strict: bool,
    output_format: str,
    config_path: Path | None,
    cache: bool,
    jobs: int | None,
    out: Any,
) -> int:
    """``programmatool check``: the configuration read once (``config_path``, or the one found
    from here upward), the pipeline, a presenter. Messages about the command itself go to
    standard error as ``programmatool: …``; returns the exit code."""
    from programmatool.presenting.findings import CHECK_FORMATS, report_result

    if output_format not in CHECK_FORMATS:
        return _fail(f"onbekend formaat '{output_format}'; kies uit {', '.join(CHECK_FORMATS)}")
    try:
        settings = pipeline.read_settings(config_path, cache=cache, jobs=jobs)
    except pipeline.ConfigError as exc:
        return _fail(str(exc))
    result = pipeline.run(paths, settings=settings, label="Controleren")
    for problem in result.problems:
        _message(problem)
    if not result.results and not result.problems:
        return _fail(pipeline.no_contracts(paths))
    if result.results:
        report_result(result, output_format, strict, out)
    return result.exit_code(strict)


def _message(text: str) -> None:
    # Names and values from the command line or a contract never reach the terminal as
    # control characters.
    from programmatool.text.terminal import neutralise, write_err

    write_err(neutralise(f"programmatool: {text}") + "\n")


def _fail(text: str) -> int:
    _message(text)
    return pipeline.EXIT_USAGE


__all__ = ["check", "run_check"]
