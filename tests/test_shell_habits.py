"""Habits of the shell: a suggestion for a mistyped command, completion, quiet and verbose,
a contract on standard input, colour as FORCE_COLOR and NO_COLOR ask."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import MINIMAAL, minimal_text


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("chek", "programmatool: onbekend commando 'chek'; bedoelde u 'check'?\n"),
        ("progres", "programmatool: onbekend commando 'progres'; bedoelde u 'progress'?\n"),
        ("Render", "programmatool: onbekend commando 'Render'; bedoelde u 'render'?\n"),
        ("controleer", "programmatool: onbekend commando 'controleer'\n"),
    ],
)
def test_an_unknown_command_gets_the_one_clearly_meant(cli, typed: str, message: str) -> None:  # type: ignore[no-untyped-def]
    run = cli(typed, str(MINIMAAL))
    assert run.code == 2
    assert run.out == ""
    assert run.err == message + "Gebruik 'programmatool --help' voor hulp.\n"


# --- completion -------------------------------------------------------------------------------

BASH_SCRIPT = """_programmatool_completion() {
    local IFS=$'
'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   _PROGRAMMATOOL_COMPLETE=complete_bash $1 ) )
    return 0
}

complete -o default -F _programmatool_completion programmatool
"""


def _process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("_PROGRAMMATOOL")}
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "programmatool", *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=120,
    )


@pytest.mark.parametrize("args", [["--show-completion", "bash"], ["--show-completion=bash"]])
def test_show_completion_names_the_shell(args: list[str]) -> None:
    run = _process(*args)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == BASH_SCRIPT


def test_show_completion_for_zsh_calls_the_same_variable() -> None:
    run = _process("--show-completion", "zsh")
    assert run.returncode == 0
    assert "_PROGRAMMATOOL_COMPLETE=complete_zsh programmatool" in run.stdout
    assert run.stdout.splitlines()[0] == "#compdef programmatool"


def test_an_unknown_shell_is_refused_in_dutch() -> None:
    run = _process("--show-completion", "tcsh")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "programmatool: shell 'tcsh' wordt niet ondersteund; kies uit bash, zsh, fish, "
        "powershell, pwsh\n"
    )


def test_install_completion_writes_the_script_for_the_named_shell(tmp_path: Path) -> None:
    run = _process("--install-completion", "bash", env={"HOME": str(tmp_path)})
    script = tmp_path / ".bash_completions" / "programmatool.sh"
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == (
        f"Tab-aanvulling voor bash geïnstalleerd in {script}\nZe werkt in elke nieuwe terminal.\n"
    )
    assert script.read_text(encoding="utf-8") == BASH_SCRIPT.removesuffix("\n")
    assert "source " in (tmp_path / ".bashrc").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("words", "candidates"),
    [
        ("programmatool ch", "check\n"),
        ("programmatool pro", "progress\n"),
        ("programmatool check --f", "--format\n"),
        ("programmatool check --format s", "sarif\n"),
        ("programmatool progress --format ", "table\njson\ncsv\nexcel-csv\nxlsx\n"),
        ("programmatool progress --format x", "xlsx\n"),
    ],
)
def test_the_completion_variable_gives_candidates(words: str, candidates: str) -> None:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {
        "_PROGRAMMATOOL_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
    }
    run = _process(env=env)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == candidates


def test_the_completion_of_check_is_not_taken_by_the_quick_start() -> None:
    # The script runs the command with no arguments; should a shell pass them anyway, the
    # quick start of check must leave them to Click, which completes.
    env = {
        "_PROGRAMMATOOL_COMPLETE": "complete_bash",
        "COMP_WORDS": "programmatool check --no-c",
        "COMP_CWORD": "2",
    }
    run = _process("check", "--no-cache", str(MINIMAAL), env=env)
    assert (run.returncode, run.stdout) == (0, "--no-cache\n--no-config\n")


def test_the_help_names_the_completion_options_in_dutch(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("--help")
    text = " ".join(run.out.split())
    assert "--install-completion Installeer tab-aanvulling" in text
    assert "--show-completion Toon het script voor tab-aanvulling" in text
    assert "Install completion" not in text


# --- a contract on standard input -------------------------------------------------------------

BROKEN = MINIMAAL.read_text(encoding="utf-8").replace("streefwaarden:", "streefwaardes:")
PT011 = "fout PT011 onbekend veld 'streefwaardes'; bedoelde u 'streefwaarden'?"


def _check(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> Any:
    full = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "programmatool", "check", *args],
        input=stdin.encode("utf-8"),
        capture_output=True,
        env=full,
        timeout=120,
    )


def test_a_contract_on_standard_input_is_named_stdin_with_its_line_and_column() -> None:
    run = _check("-", stdin=BROKEN)
    assert run.returncode == 1
    assert run.stdout.decode() == (
        f"<stdin>:37:5: {PT011}\n1 fout en 0 waarschuwingen in 1 van 1 bestand.\n"
    )
    assert run.stderr == b""


def test_naam_names_the_contract_on_standard_input(tmp_path: Path) -> None:
    run = _check("--naam", "programmas/zorg.yaml", "--format", "json", "-", stdin=BROKEN)
    assert run.returncode == 1
    data = json.loads(run.stdout)
    [finding] = data["bevindingen"]
    assert (finding["bestand"], finding["regel"], finding["kolom"]) == (
        "programmas/zorg.yaml",
        37,
        5,
    )


def test_standard_input_gives_what_the_file_gives(tmp_path: Path) -> None:
    (tmp_path / "contract.yaml").write_text(BROKEN, encoding="utf-8")
    from_file = subprocess.run(
        [sys.executable, "-m", "programmatool", "check", "contract.yaml", "--no-cache"],
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    piped = _check("--naam", "contract.yaml", "-", stdin=BROKEN)
    assert (piped.returncode, piped.stdout) == (from_file.returncode, from_file.stdout)


def test_standard_input_skips_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run = _check("-", stdin=minimal_text(), env={"PROGRAMMATOOL_CACHE_DIR": str(cache)})
    assert run.returncode == 0
    assert run.stdout.decode() == "Geen fouten of waarschuwingen in 1 bestand.\n"
    assert not cache.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "x.yaml"], "'-' (standaardinvoer) kan niet samen met andere paden"),
        (
            ["--naam", "x.yaml", "f.yaml"],
            "--naam geldt alleen voor '-' (een contract op standaardinvoer)",
        ),
    ],
)
def test_standard_input_mistakes(args: list[str], message: str) -> None:
    run = _check(*args, stdin=minimal_text())
    assert (run.returncode, run.stdout) == (2, b"")
    assert run.stderr.decode() == f"programmatool: {message}\n"


# --- quiet and verbose ------------------------------------------------------------------------


def test_quiet_shows_only_the_findings(tmp_path: Path) -> None:
    (tmp_path / "goed.yaml").write_text(minimal_text(), encoding="utf-8")
    (tmp_path / "slecht.yaml").write_text(BROKEN, encoding="utf-8")
    good = _check("-q", str(tmp_path / "goed.yaml"))
    assert (good.returncode, good.stdout, good.stderr) == (0, b"", b"")
    bad = _check("--quiet", str(tmp_path))
    assert bad.returncode == 1
    assert bad.stdout.decode() == f"{(tmp_path / 'slecht.yaml').as_posix()}:37:5: {PT011}\n"


def test_verbose_names_the_settings_and_each_file_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "goed.yaml").write_text(minimal_text(), encoding="utf-8")
    (tmp_path / "slecht.yaml").write_text(BROKEN, encoding="utf-8")
    quiet = _check(str(tmp_path), "--no-cache")
    run = _check("-v", str(tmp_path), "--no-cache", "--no-config")
    assert run.returncode == 1
    assert run.stdout == quiet.stdout  # the report itself is the same
    lines = run.stderr.decode().splitlines()
    assert lines[:4] == [
        "programmatool: configuratie: geen (standaardinstellingen)",
        "programmatool: cache: niet gebruikt",
        f"programmatool: gecontroleerd: {(tmp_path / 'goed.yaml').as_posix()} "
        "(0 fouten, 0 waarschuwingen)",
        f"programmatool: gecontroleerd: {(tmp_path / 'slecht.yaml').as_posix()} "
        "(1 fout, 0 waarschuwingen)",
    ]
    assert re.fullmatch(r"programmatool: 2 bestanden in \d+,\d\d s", lines[4])
    assert len(lines) == 5


# --- colour -----------------------------------------------------------------------------------

RED = b"\x1b[1;31mfout\x1b[0m"


@pytest.mark.parametrize("extra", [[], ["--no-config"]], ids=["quick start", "typer"])
def test_force_color_colours_a_pipe(extra: list[str], tmp_path: Path) -> None:
    (tmp_path / "slecht.yaml").write_text(BROKEN, encoding="utf-8")
    path = str(tmp_path / "slecht.yaml")
    coloured = _check(*extra, path, env={"FORCE_COLOR": "1"})
    assert RED in coloured.stdout
    plain = _check(*extra, path)
    assert b"\x1b" not in plain.stdout
    # NO_COLOR wins over FORCE_COLOR for colour; bold stays (no-color.org asks only that).
    both = _check(*extra, path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert b"\x1b[1mfout\x1b[0m" in both.stdout
    assert b"31m" not in both.stdout


def test_no_color_on_a_terminal(tmp_path: Path) -> None:
    import pty

    (tmp_path / "slecht.yaml").write_text(BROKEN, encoding="utf-8")

    def on_terminal(env: dict[str, str]) -> bytes:
        leader, follower = pty.openpty()
        full = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
        full.update(env)
        proc = subprocess.run(
            [sys.executable, "-m", "programmatool", "check", "slecht.yaml"],
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env=full,
            timeout=120,
        )
        os.close(follower)
        out = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(leader, 65536):
                out += chunk
        os.close(leader)
        assert proc.returncode == 1
        return out

    assert RED in on_terminal({})
    assert b"31m" not in on_terminal({"NO_COLOR": "1"})


def test_render_quiet_names_no_written_files(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    loud = cli("render", str(MINIMAAL), "--format", "md", "-o", str(tmp_path / "a"))
    quiet = cli("render", str(MINIMAAL), "--format", "md", "-o", str(tmp_path / "b"), "-q")
    assert (loud.code, quiet.code) == (0, 0)
    assert loud.out == f"geschreven: {(tmp_path / 'a' / 'schone-stad.md').as_posix()}\n"
    assert (quiet.out, quiet.err) == ("", "")
    assert (tmp_path / "b" / "schone-stad.md").read_bytes() == (
        tmp_path / "a" / "schone-stad.md"
    ).read_bytes()
