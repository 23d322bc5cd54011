"""The ``check`` command's work, shared by the Typer command and the quick start in
:mod:`entry`: arguments in, the pipeline, a presenter, an exit code out.

Kept free of Typer, Rich and Pydantic at import: a warm ``check`` (the editor and pre-commit
case) mostly pays for starting Python, so it starts without them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

EXIT_USAGE = 2


class PlainOut:
    """The part of a Rich console the reporters use, for output that is not a terminal: no
    colour, so Rich need not be imported."""

    is_terminal = False

    def __init__(self, file: Any) -> None:
        self.file = file


def console_for(file: TextIO) -> Any:
    """A Rich console on a terminal (colour), else a plain writer; both through the gate."""
    if file.isatty():
        from programmatool.text.console import safe_console

        return safe_console(
            file, highlight=False, soft_wrap=True, markup=False, stderr=file is sys.stderr
        )
    from programmatool.text.terminal import Gate

    return PlainOut(Gate(file))


def run_check(
    paths: list[Path],
    strict: bool,
    formaat: str,
    config_path: Path | None,
    no_cache: bool,
    jobs: int | None,
    out: Any,
) -> int:
    """``programmatool check``: messages about the command itself go to standard error as
    ``programmatool: …``; returns the exit code."""
    from programmatool.pipeline import run as pipeline
    from programmatool.pipeline.settings import ConfigError, load_config
    from programmatool.presenting.findings import FORMATEN, report_result

    if formaat not in FORMATEN:
        return _fail(f"onbekend formaat '{formaat}'; kies uit {', '.join(FORMATEN)}")
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        return _fail(str(exc))
    cache_dir = None
    if not no_cache:
        from programmatool.pipeline.cache import cache_dir as user_cache_dir

        cache_dir = user_cache_dir()
    result = pipeline.run(paths, config=config, cache_dir=cache_dir, jobs=jobs, label="Controleren")
    for problem in result.problems:
        _message(problem)
    if not result.results and not result.problems:
        return _fail(
            "geen contractbestanden (*.yaml, *.yml) gevonden in "
            + ", ".join(p.as_posix() for p in paths)
        )
    if result.results:
        report_result(result, formaat, strict, out)
    return result.exit_code(strict)


def _message(text: str) -> None:
    # Names and values from the command line or a contract never reach the terminal as
    # control characters.
    from programmatool.text.terminal import neutralise, write_err

    write_err(neutralise(f"programmatool: {text}") + "\n")


def _fail(text: str) -> int:
    _message(text)
    return EXIT_USAGE


def quick_check(args: list[str]) -> int | None:
    """``check`` without Typer when the arguments are plain (paths and the usual options);
    None when they are not, so the full command line handles them (help, errors, …)."""
    paths: list[Path] = []
    options: dict[str, Any] = {
        "strict": False,
        "formaat": "text",
        "config": None,
        "no_cache": False,
        "jobs": None,
    }
    takes = {"--format": "formaat", "--config": "config", "--jobs": "jobs", "-j": "jobs"}
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=")
        if arg == "--strict":
            options["strict"] = True
        elif arg == "--no-cache":
            options["no_cache"] = True
        elif name in takes and (eq or i + 1 < len(args)):
            if not eq:
                i += 1
                value = args[i]
            options[takes[name]] = value
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            paths.append(Path(arg))
        i += 1
    jobs = options["jobs"]
    if jobs is not None:
        if not jobs.isdigit() or int(jobs) < 1:
            return None
        jobs = int(jobs)
    if not paths:
        return None
    config = Path(options["config"]) if options["config"] is not None else None
    out = console_for(sys.stdout)
    return run_check(
        paths, options["strict"], options["formaat"], config, options["no_cache"], jobs, out
    )
