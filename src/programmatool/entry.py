"""The console-script entry point, kept tiny so that ``--version`` starts instantly."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Answer ``--version``, ``check`` and ``import`` with plain arguments, without importing
    Typer (start-up dominates a warm check, and an import refused for a bad row); else run the
    full CLI."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        os.getcwd()
    except OSError:
        # Every command resolves paths and finds its configuration from the current folder.
        _err(
            "programmatool: de huidige map bestaat niet meer (verwijderd of verplaatst); "
            "ga naar een bestaande map en probeer het opnieuw\n"
        )
        return 2
    if args == ["--version"]:
        from programmatool._version import __version__
        from programmatool.text.terminal import write_out

        write_out(f"programmatool {__version__}\n")
        return 0
    # Completion (the variable its script sets) is Click's: the full command line answers it.
    if args[:1] in (["check"], ["import"]) and "_PROGRAMMATOOL_COMPLETE" not in os.environ:
        from programmatool.cli.quick import quick_check, quick_import

        quick = quick_check if args[0] == "check" else quick_import
        try:
            code = quick(args[1:])
        except KeyboardInterrupt:
            _err("programmatool: afgebroken\n")
            return 130
        except Exception as exc:
            _err(
                f"programmatool: interne fout ({type(exc).__name__}: {exc}). "
                "Gebruik --debug voor de volledige traceback en meld dit als fout.\n"
            )
            return 2
        if code is not None:
            return code
    from programmatool.cli.app import main as cli_main

    return cli_main(args)


def _err(text: str) -> None:
    from programmatool.text.terminal import neutralise_lines, write_err

    write_err(neutralise_lines(text))
