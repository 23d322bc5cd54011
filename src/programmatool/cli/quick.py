"""``check`` and ``import`` without Typer: the quick start in :mod:`entry` for plain arguments.

A warm ``check`` (the editor and pre-commit case) mostly pays for starting Python, and so does
an ``import`` refused for one bad row, so plain arguments are parsed here without importing
Typer (nor, for ``check``, Rich or Pydantic). The options below are the Typer commands' own (a
test holds each pair together and runs both on the same argument vectors); whatever this parser
is not sure of (help, an unknown option, a value out of range) goes to Typer, which decides.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

#: More worker processes than this only exhausts the machine (each is a whole Python).
MAX_JOBS = 256

#: ``check``'s flags, by option name: the parameter each sets.
FLAGS = {
    "--strict": "strict",
    "--no-cache": "no_cache",
    "--quiet": "quiet",
    "-q": "quiet",
    "--verbose": "verbose",
    "-v": "verbose",
}
#: ``check``'s options that take a value, by option name: the parameter each sets.
VALUES = {
    "--format": "output_format",
    "--config": "config",
    "--jobs": "jobs",
    "-j": "jobs",
    "--naam": "naam",
}
#: The defaults of the Typer command.
DEFAULTS: dict[str, Any] = {
    "strict": False,
    "no_cache": False,
    "output_format": "text",
    "config": None,
    "jobs": None,
    "naam": None,
    "quiet": False,
    "verbose": False,
}


class PlainOut:
    """The part of a Rich console the reporters use, for output that is not a terminal: no
    colour, so Rich need not be imported."""

    is_terminal = False

    def __init__(self, file: Any) -> None:
        self.file = file


def wants_terminal(file: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Whether Rich would treat ``file`` as a terminal (colour): ``TTY_COMPATIBLE=1`` or
    ``FORCE_COLOR`` set and not empty says yes (CI logs show colour), ``TTY_COMPATIBLE=0`` or
    an empty ``FORCE_COLOR`` no, else whether it is one. ``NO_COLOR`` is Rich's to apply."""
    import os

    env = dict(os.environ) if environ is None else environ
    compatible = env.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = env.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    return file.isatty()


def console_for(file: TextIO) -> Any:
    """A Rich console where Rich would colour (a terminal, ``FORCE_COLOR``), else a plain
    writer; both through the gate."""
    if wants_terminal(file):
        from programmatool.text.console import safe_console

        return safe_console(
            file, highlight=False, soft_wrap=True, markup=False, stderr=file is sys.stderr
        )
    from programmatool.text.terminal import Gate

    return PlainOut(Gate(file))


def parse_check(args: list[str]) -> tuple[list[Path], dict[str, Any]] | None:
    """``check``'s paths and options from plain arguments, as Typer would read them; None when
    this parser is not sure (Typer then reads them and decides)."""
    paths: list[Path] = []
    options = dict(DEFAULTS)
    rest = iter(args)
    for arg in rest:
        name, eq, value = arg.partition("=")
        if arg == "--":
            paths.extend(Path(a) for a in rest)
        elif arg in FLAGS:
            options[FLAGS[arg]] = True
        elif (name.startswith("--") and name in VALUES) or arg in VALUES:
            # ``--format=json`` or ``--format json``; a short option only as ``-j 4``.
            value = value if eq and name.startswith("--") else next(rest, "")
            if not value or (not eq and value.startswith("-")):
                return None
            options[VALUES[name]] = value
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            paths.append(Path(arg))
    jobs = options["jobs"]
    if jobs is not None:
        if not (jobs.isascii() and jobs.isdigit()) or not 1 <= int(jobs) <= MAX_JOBS:
            return None
        options["jobs"] = int(jobs)
    if options["config"] is not None:
        options["config"] = Path(options["config"])
    return (paths, options) if paths else None


def quick_check(args: list[str]) -> int | None:
    """``check`` without Typer when the arguments are plain (paths and the usual options);
    None when they are not, so the full command line handles them (help, errors, …)."""
    parsed = parse_check(args)
    if parsed is None:
        return None
    from programmatool.pipeline.check import run_check

    paths, options = parsed
    return run_check(
        paths,
        options["strict"],
        options["output_format"],
        options["config"],
        not options["no_cache"],
        options["jobs"],
        console_for(sys.stdout),
        name=options["naam"],
        quiet=options["quiet"],
        verbose=options["verbose"],
    )


#: ``import``'s flags and options that take a value, by option name: the parameter each sets.
IMPORT_FLAGS = {"--vervang": "vervang", "--proef": "proef"}
IMPORT_VALUES = {"--map": "map_", "--config": "config"}


def parse_import(args: list[str]) -> tuple[Path, dict[str, Any]] | None:
    """``import``'s sheet and options from plain arguments, as Typer would read them; None
    when this parser is not sure (Typer then reads them and decides)."""
    sheets: list[str] = []
    options: dict[str, Any] = {"map_": ".", "vervang": False, "proef": False, "config": None}
    rest = iter(args)
    for arg in rest:
        name, eq, value = arg.partition("=")
        if arg == "--":
            sheets.extend(rest)
        elif arg in IMPORT_FLAGS:
            options[IMPORT_FLAGS[arg]] = True
        elif name in IMPORT_VALUES:
            value = value if eq else next(rest, "")
            if not value or (not eq and value.startswith("-")):
                return None
            options[IMPORT_VALUES[name]] = value
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            sheets.append(arg)
    if len(sheets) != 1 or not sheets[0]:
        return None
    options["map_"] = Path(options["map_"])
    if options["config"] is not None:
        options["config"] = Path(options["config"])
    return Path(sheets[0]), options


def _say(console: Any, text: str) -> None:
    """One message through ``console`` (a Rich console or a plain writer), as the command
    line prints it."""
    if isinstance(console, PlainOut):
        console.file.write(text + "\n")
    else:
        console.print(text)


def quick_import(args: list[str]) -> int | None:
    """``import`` without Typer when the arguments are plain: the same messages and exit code
    as the full command line; None when they are not plain."""
    parsed = parse_import(args)
    if parsed is None:
        return None
    from programmatool.editing.guarded import RecordProblem
    from programmatool.editing.record import describe, run_import, visible
    from programmatool.pipeline.run import isolate
    from programmatool.text.formatting import hoeveel
    from programmatool.text.terminal import neutralise

    isolate(False)  # as the full command line, which reads the configuration unless told not to
    tabel, options = parsed
    try:
        changes = run_import(
            tabel, options["map_"], options["vervang"], options["proef"], options["config"]
        )
    except RecordProblem as exc:
        err = console_for(sys.stderr)
        *details, last = visible(exc.message).split("\n")
        for line in [*details, f"programmatool: {last}"]:
            _say(err, neutralise(line))
        return exc.code
    out = console_for(sys.stdout)
    if changes:
        _say(out, "\n".join(visible(describe(change)) for change in changes))
    n = len(changes)
    files = len({c.bestand for c in changes})
    summary = f"{hoeveel(n, 'meting', 'metingen')} in {hoeveel(files, 'bestand', 'bestanden')}"
    if options["proef"]:
        zou = "zou" if n == 1 else "zouden"
        _say(out, f"Proef: {summary} {zou} veranderen; er is niets geschreven.")
    else:
        _say(out, f"{summary} vastgelegd.")
    return 0
