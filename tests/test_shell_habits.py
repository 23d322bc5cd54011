"""Habits of the shell: a suggestion for a mistyped command, completion, quiet and verbose,
a contract on standard input, colour as FORCE_COLOR and NO_COLOR ask."""

from __future__ import annotations

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
