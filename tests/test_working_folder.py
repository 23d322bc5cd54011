"""A command started in a folder that no longer exists gets a Dutch refusal, not an internal
error: every command finds its configuration and resolves paths from the current folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PROGRAMMAS


@pytest.mark.parametrize("command", [["check"], ["progress"], ["render", "--out", "uit"]])
def test_a_deleted_current_folder_is_refused_in_dutch(tmp_path: Path, command: list[str]) -> None:
    gone = tmp_path / "weg"
    script = 'mkdir "$1" && cd "$1" && rmdir "$1" && shift && exec "$@"'
    tool = [sys.executable, "-m", "programmatool", command[0], str(PROGRAMMAS), *command[1:]]
    run = subprocess.run(
        ["sh", "-c", script, "sh", str(gone), *tool],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "programmatool: de huidige map bestaat niet meer (verwijderd of verplaatst); "
        "ga naar een bestaande map en probeer het opnieuw\n"
    )
    assert not gone.exists()  # nothing written, the folder not made again
