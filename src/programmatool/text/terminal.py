"""Text from a contract, made harmless for a terminal or a CI log.

A value in a contract (a key, a title, a file name) can hold any character. Printed as it is,
an escape sequence (ESC, CSI, OSC) could clear the screen, set the window title or hide text,
a carriage return could overwrite what was printed before, and a line break could start a line
of its own, which GitHub Actions reads as a workflow command (``::error``, ``::set-output``).
Every such character is shown as a visible escape instead: ``\\x1b``, ``\\r``, ``\\n``.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

#: C0 controls (tab and line feed included: inside a value they are not ours), DEL, the C1
#: controls (NEL, CSI, OSC, ...), the Unicode line and paragraph separators, the direction
#: overrides that can make a log read differently from what it holds ("Trojan source"), the
#: two non-characters XML forbids, and lone surrogates (undecodable bytes in a file name).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufffe\uffff\ud800-\udfff]"
)

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        # A byte that was not valid UTF-8 in a file name (Python's surrogateescape).
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def neutralise(text: str) -> str:
    """``text`` with every control character, line break and direction override shown as a
    visible escape, so it prints as exactly one harmless line."""
    return _UNSAFE.sub(_escape, text)


def neutralise_lines(text: str) -> str:
    """Like :func:`neutralise`, but the line feeds that separate lines are kept: for a whole
    report whose values were neutralised already, as a last safety net."""
    return "\n".join(neutralise(line) for line in text.split("\n"))


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (from undecodable bytes in a file name) escaped, so that
    it can be written as UTF-8 in JSON, SARIF or CSV; every other character is kept."""
    return _SURROGATE.sub(_escape, text)


_COMMAND = re.compile(r"^(\s*):")


def defuse_command(line: str) -> str:
    """A line that would start with ``::`` after its leading white space (a workflow command in
    GitHub Actions, whatever the indentation) gets its first colon escaped."""
    if line.lstrip().startswith("::"):
        return _COMMAND.sub(lambda m: m.group(1) + "\\x3a", line, count=1)
    return line


class SafeLines:
    """A text stream that passes on only harmless lines: control characters escaped and no line
    that a CI system reads as a command. For output that goes to a pipe or a log, never to a
    terminal (where colours are escape sequences of our own)."""

    def __init__(self, target: TextIO) -> None:
        self.target = target
        self._line_start = True

    def write(self, text: str) -> int:
        """Write ``text`` made harmless; returns the length of what was given."""
        out: list[str] = []
        for piece in _LINE.split(text):
            if piece == "\n":
                out.append(piece)
                self._line_start = True
            elif piece:
                # Colour (SGR) sequences are the console's own (FORCE_COLOR in a CI log) and
                # can only colour text; everything else is escaped.
                piece = "".join(
                    part if _SGR.fullmatch(part) else neutralise(part)
                    for part in _SGR_SPLIT.split(piece)
                )
                out.append(defuse_command(piece) if self._line_start else piece)
                self._line_start = False
        self.target.write("".join(out))
        return len(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self.target.flush()

    def isatty(self) -> bool:
        """Never a terminal: only pipes and files are wrapped."""
        return False

    @property
    def encoding(self) -> str:
        """The encoding of the underlying stream."""
        return str(getattr(self.target, "encoding", None) or "utf-8")


_LINE = re.compile(r"(\n)")
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_SGR_SPLIT = re.compile(r"(\x1b\[[0-9;]*m)")


#: Narrower than this, tables and wrapped names become a column of single letters; a terminal
#: that says it is narrower gets lines of this width, which it wraps itself.
MIN_WIDTH = 40
MAX_WIDTH = 1000


def env_columns() -> int | None:
    """The width that ``$COLUMNS`` asks for, kept between MIN_WIDTH and MAX_WIDTH; None when
    it is not set or is not a positive whole number (``COLUMNS=0`` means: no width given)."""
    import os

    text = os.environ.get("COLUMNS", "").strip()
    if not text.isdigit() or int(text) < 1:
        return None
    return min(max(int(text), MIN_WIDTH), MAX_WIDTH)


def console_width(stream: Any) -> int | None:
    """The width for a console on ``stream``: from ``$COLUMNS`` when that is usable, else the
    terminal's own width (at least MIN_WIDTH), else None (let the console decide)."""
    import os

    width = env_columns()
    if width is not None or "COLUMNS" not in os.environ:
        return width
    # COLUMNS is set but unusable: the console would read it too, so give the width here.
    try:
        return max(os.get_terminal_size(stream.fileno()).columns, MIN_WIDTH)
    except (AttributeError, OSError, ValueError):
        return 80
