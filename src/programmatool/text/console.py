"""The Rich console of the gate: colours of its own, never a control sequence from a contract.

Rich passes text through as it is given (it drops only a few controls such as BEL and CR), so
an escape sequence in a programme name would reach a terminal as a command. This console escapes
the text of every segment just before it is styled, so what it writes holds only Rich's own
colour codes, and it writes through :class:`~programmatool.text.terminal.Gate`, which lets only
those pass and starts no line with a workflow command. Imported only where Rich is needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

from programmatool.text.terminal import Gate, neutralise_lines


class SafeConsole(Console):
    """A Rich console whose segments are escaped before they are styled."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (
            segment if segment.control else Segment(neutralise_lines(segment.text), segment.style)
            for segment in buffer
        )
        return super()._render_buffer(safe)


def safe_console(stream: Any = None, **options: Any) -> Console:
    """A console that writes to ``stream`` (standard output by default; ``stderr=True``:
    standard error) through the gate. A ``StringIO`` buffer is written to directly: its text
    reaches a stream only through another gate."""
    import io
    import sys

    if stream is None:
        stream = sys.stderr if options.get("stderr") else sys.stdout
    direct = isinstance(stream, io.StringIO) or (isinstance(stream, Gate) and stream.styles)
    file: Any = stream if direct else Gate(stream, styles=True)
    return SafeConsole(file=file, **options)
