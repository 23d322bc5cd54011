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
#: What :data:`_UNSAFE` finds apart from the line feed: text without any is written whole.
_PLAIN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufffe\uffff\ud800-\udfff]"
)
#: A line that could start a workflow command (or, at the very start, continue one).
_COMMAND_LINE = re.compile(r"^[^\S\n]*::", re.M)


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


def neutralise_json(text: str) -> str:
    """Like :func:`neutralise` for JSON text: every such character as a JSON escape
    (``\\u0085``), which is valid inside a JSON string and reads back as the same character;
    JSON holds none of them outside its strings."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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


class Gate:
    """The one way out to standard output and standard error: a text stream that passes on only
    harmless lines. Control characters are shown as escapes and no line starts a CI workflow
    command (``::error``), whatever wrote the text: a console, a report, a message.

    ``styles``: colour (SGR) sequences pass; only for a console made by
    :func:`programmatool.text.console.safe_console`, which escapes the text it styles first, so
    the only sequences left are its own. ``commands``: lines may start with ``::`` (the
    ``github`` report, whose values were escaped already, writes them on purpose). ``json``:
    a character is escaped as JSON does (``\\u001b``), so the document stays valid JSON and
    reads back as the same data.
    """

    def __init__(
        self, target: TextIO, *, styles: bool = False, commands: bool = False, json: bool = False
    ) -> None:
        self.target = target
        self.styles = styles
        self.commands = commands
        self._escape = neutralise_json if json else neutralise
        self._line_start = True

    def write(self, text: str) -> int:
        """Write ``text`` made harmless; returns the length of what was given."""
        if _PLAIN.search(text) is None and (self.commands or _COMMAND_LINE.search(text) is None):
            # Nothing to escape or defuse (the usual case, a report of thousands of lines):
            # passed on whole, with the same state at its end as line by line would leave.
            self.target.write(text)
            _head, newline, tail = text.rpartition("\n")
            self._line_start = (bool(newline) or self._line_start) and not tail.strip()
            return len(text)
        return self._write_lines(text)

    def _write_lines(self, text: str) -> int:
        """:meth:`write`, line by line."""
        out: list[str] = []
        for piece in _LINE.split(text):
            if piece == "\n":
                out.append(piece)
                self._line_start = True
            elif piece:
                if self.styles:
                    piece = "".join(
                        part if _SGR.fullmatch(part) else neutralise(part)
                        for part in _SGR_SPLIT.split(piece)
                    )
                else:
                    piece = self._escape(piece)
                if self._line_start and not self.commands:
                    piece = _defuse_styled(piece) if self.styles else defuse_command(piece)
                out.append(piece)
                # White space alone does not end the start of a line: "  " then "::error".
                self._line_start = self._line_start and not _SGR.sub("", piece).strip()
        self.target.write("".join(out))
        return len(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self.target.flush()

    def isatty(self) -> bool:
        """Whether the underlying stream is a terminal (a console colours only there)."""
        isatty = getattr(self.target, "isatty", None)
        return bool(isatty is not None and isatty())

    def fileno(self) -> int:
        """The underlying stream's file descriptor (for the terminal's width)."""
        return int(self.target.fileno())

    @property
    def encoding(self) -> str:
        """The encoding of the underlying stream."""
        return str(getattr(self.target, "encoding", None) or "utf-8")


def _defuse_styled(piece: str) -> str:
    """:func:`defuse_command` for a styled line: its colour codes are dropped only when what
    they colour would start a workflow command."""
    plain = _SGR.sub("", piece)
    return defuse_command(plain) if plain.lstrip().startswith("::") else piece


#: The earlier name of :class:`Gate`.
SafeLines = Gate


def stdout_gate(*, commands: bool = False, json: bool = False) -> Gate:
    """Standard output as it is now (a test may have replaced it), behind the gate."""
    import sys

    return Gate(sys.stdout, commands=commands, json=json)


def stderr_gate() -> Gate:
    """Standard error as it is now, behind the gate."""
    import sys

    return Gate(sys.stderr)


def write_out(text: str, *, commands: bool = False, json: bool = False) -> None:
    """Write a whole report (CSV, a diff, help text) to standard output through the gate;
    ``commands`` only for the ``github`` report, ``json`` for JSON and SARIF."""
    gate = stdout_gate(commands=commands, json=json)
    gate.write(text)
    gate.flush()


def write_err(text: str) -> None:
    """Write a message (with its line feed) to standard error through the gate."""
    gate = stderr_gate()
    gate.write(text)
    gate.flush()


#: A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV
#: injection"); tab and carriage return are escaped by :func:`neutralise` first, but the
#: escaped cell still starts with them in a spreadsheet that unescapes nothing.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A plain number, which a spreadsheet reads as that number (never a formula): ``-3``,
#: ``+4``, ``-0.25``, ``1e-05``, ``12,5``.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")


def spreadsheet_cell(text: str) -> str:
    """A CSV cell that a spreadsheet shows as the text it is: control characters escaped, and a
    cell that would start a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return, also
    after leading spaces) gets a single quote in front, as OWASP advises. A plain number such
    as ``-3`` stays a number: a spreadsheet evaluates nothing in it."""
    if _NUMBER.fullmatch(text):
        return text
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + neutralise(text)
    return neutralise(text)


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
