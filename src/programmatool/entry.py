"""The console-script entry point, kept tiny so that ``--version`` starts instantly."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Answer ``--version`` without importing Typer, Rich or Pydantic; else run the full CLI."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from . import __version__

        sys.stdout.write(f"programmatool {__version__}\n")
        return 0
    from .cli import main as cli_main

    return cli_main(args)
