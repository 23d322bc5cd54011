"""The command line: the Typer app, one short function per command, and the fast path for
``check``; Dutch help."""
