"""Habits of the shell: a suggestion for a mistyped command, completion, quiet and verbose,
a contract on standard input, colour as FORCE_COLOR and NO_COLOR ask."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MINIMAAL


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
