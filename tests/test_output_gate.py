"""One output gate: every message and every text format, on a terminal as well as in a pipe,
passes no control sequence from a contract or the command line, starts no CI workflow command,
and writes no CSV cell that a spreadsheet would evaluate as a formula."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest

from programmatool.cli.app import main
from programmatool.text.terminal import spreadsheet_cell

from .conftest import Run, minimal_text

#: Raw control characters that must never be printed (ESC, BEL, CR, C1, LS, PS).
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


class Terminal(io.StringIO):
    """A captured stream that says it is a terminal, as a user's console does."""

    def isatty(self) -> bool:
        return True


def _on_terminal(monkeypatch: pytest.MonkeyPatch, *args: object) -> Run:
    out, err = Terminal(), Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main([str(a) for a in args])
    return Run(code, out.getvalue(), err.getvalue())


def _contract(tmp_path: Path, programma: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(
        minimal_text().replace("programma: Schone Stad", f"programma: {programma}"),
        encoding="utf-8",
    )
    return path


def test_log_refusals_on_a_terminal_escape_what_the_user_typed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _contract(tmp_path, "Schone Stad")
    run = _on_terminal(monkeypatch, "log", path, "x\x1b]0;titel\x07\x1b[2J", "2020", "gereed")
    assert run.code == 2
    assert not RAW.search(run.err), run.err
    assert "onbekende inspanning 'x\\x1b]0;titel\\x1b[2J'" in run.err
    run = _on_terminal(monkeypatch, "log", path, "ins-1", "2020", "klaar\x1b[8m")
    assert run.code == 2
    assert not RAW.search(run.err), run.err
    assert "status 'klaar\\x1b[8m' bestaat niet" in run.err


def test_render_outside_the_period_on_a_terminal_escapes_the_programme_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _contract(tmp_path, '"Schone\\e[2J\\e[8m Stad"')
    run = _on_terminal(
        monkeypatch, "render", path, "--out", tmp_path / "uit", "--verantwoording", "2030"
    )
    assert run.code == 2
    assert not RAW.search(run.err), run.err
    assert "2030 valt buiten de looptijd van Schone\\x1b[2J\\x1b[8m Stad" in run.err


def test_progress_table_on_a_terminal_keeps_its_colours_but_not_the_contracts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _contract(tmp_path, '"Schone\\e[8m Stad"')
    run = _on_terminal(monkeypatch, "progress", path)
    assert run.code == 0, run.err
    assert "Schone\\x1b[8m Stad" in run.out
    # What escape sequences there are, are the console's own colours.
    assert "\x1b[8m" not in run.out
    assert "\x1b[1m" in run.out  # bold title: colour on a terminal still works


def test_progress_csv_starts_no_workflow_command_and_escapes_controls(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _contract(tmp_path, '"Schone\\n::error file=x::ingevoegd\\e[2J"')
    run = cli("progress", "--format", "csv", path)
    assert run.code == 0, run.err
    assert not RAW.search(run.out), run.out
    assert not [line for line in run.out.split("\n") if line.lstrip().startswith("::")]
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert rows[0]["programma"] == "Schone\\n::error file=x::ingevoegd\\x1b[2J"


def test_progress_csv_cells_are_no_formulas(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _contract(tmp_path, '"=HYPERLINK(\\"http://x\\";\\"klik\\")"')
    text = path.read_text(encoding="utf-8").replace(
        "naam: Aantal scholen dat meedoet aan educatieprojecten over afval",
        "naam: \"@SUM(1+1)*cmd|' /C calc'!A0\"",
    )
    path.write_text(text, encoding="utf-8")
    run = cli("progress", "--format", "csv", "--jaar", "2020", path)
    assert run.code == 0, run.err
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert rows[0]["programma"] == '\'=HYPERLINK("http://x";"klik")'
    assert rows[0]["naam"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    # Numbers stay numbers.
    assert rows[0]["realisatie"] == "11"


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\\t=1"),
        ("\r=1", "'\\r=1"),
        (" =1", "' =1"),
        ("-", "'-"),
        ("-3", "-3"),
        ("-0.25", "-0.25"),
        ("+4", "+4"),
        ("1e-05", "1e-05"),
        ("12,5", "12,5"),
        ("Schone Stad", "Schone Stad"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_spreadsheet_cell(cell: str, shown: str) -> None:
    assert spreadsheet_cell(cell) == shown


def test_no_module_writes_to_the_standard_streams_around_the_gate() -> None:
    """Every write to stdout or stderr goes through text/terminal.py (or the console made
    there): a new ``sys.stdout.write`` or ``print`` elsewhere would bypass the filter."""
    src = Path(__file__).resolve().parent.parent / "src" / "programmatool"
    allowed = {src / "text" / "terminal.py", src / "text" / "console.py"}
    pattern = re.compile(
        r"sys\.(stdout|stderr)\.write|(?<![\w.])print\(|Console\(|typer\.echo|click\.echo"
    )
    offenders = [
        f"{path.relative_to(src)}:{number}: {line.strip()}"
        for path in sorted(src.rglob("*.py"))
        if path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_text_with_nothing_to_escape_is_written_exactly_as_line_by_line() -> None:
    # Plain text is passed on whole (a report of thousands of lines); whatever is written, in
    # whatever pieces, the gate must give what it gives line by line, state included.
    import io
    import random

    from programmatool.text.terminal import Gate

    alphabet = ["a", "é", " ", "  ", "\n", ":", "::", "\t", "\x1b[1m", "\u2028", "\r", "x::y"]
    rng = random.Random(26)
    for case in range(3000):
        pieces = ["".join(rng.choices(alphabet, k=rng.randint(0, 8))) for _ in range(4)]
        for options in ({}, {"commands": True}, {"json": True}, {"styles": True}):
            whole, lines = io.StringIO(), io.StringIO()
            fast, slow = Gate(whole, **options), Gate(lines, **options)
            for piece in pieces:
                assert fast.write(piece) == len(piece)
                slow._write_lines(piece)
            assert whole.getvalue() == lines.getvalue(), (case, pieces, options)
            assert fast._line_start == slow._line_start, (case, pieces, options)
    # A plain line that starts a workflow command is still defused.
    out = io.StringIO()
    Gate(out).write("regel\n  ::error::x\n")
    assert out.getvalue() == "regel\n  \\x3a:error::x\n"
