"""No command shows a Python warning: a contract with ``peiljaar: onbekend`` (and a period that
starts ``onbekend``) goes through every command, and standard error holds no 'Warning'."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import minimal_text


def _contract(tmp_path: Path, name: str = "onbekend.yaml") -> Path:
    text = minimal_text().replace("peiljaar: 2018", "peiljaar: onbekend")
    text = text.replace(
        "periode: {start: 2019, eind: 2022}", "periode: {start: onbekend, eind: 2022}"
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


COMMANDS = [
    ["check", "C"],
    ["check", "--format", "json", "C"],
    ["progress", "C"],
    ["progress", "--toelichting", "C"],
    ["progress", "--format", "json", "C"],
    ["progress", "--format", "csv", "C"],
    ["render", "--format", "md", "-o", "uit", "C"],
    ["render", "--format", "html", "-o", "uit", "C"],
    ["record", "C", "scholen", "2021", "15"],
    ["log", "C", "ins-1", "2021", "loopt"],
    ["diff", "C", "D"],
    ["import", "metingen.csv", "--map", "."],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_python_warning_on_stderr(args: list[str], tmp_path: Path) -> None:
    contract = _contract(tmp_path)
    other = _contract(tmp_path, "ander.yaml")
    other.write_text(
        other.read_text(encoding="utf-8").replace("peilwaarde: 5", "peilwaarde: 6"),
        encoding="utf-8",
    )
    other.write_text(
        other.read_text(encoding="utf-8").replace("code: schone-stad", "code: andere-stad"),
        encoding="utf-8",
    )
    (tmp_path / "metingen.csv").write_text(
        "contract;indicator;jaar;waarde\nschone-stad;scholen;2021;15\n", encoding="utf-8"
    )
    argv = [{"C": contract.name, "D": other.name}.get(a, a) for a in args]
    # Warnings shown as Python shows them by default, whatever the test runner's settings.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    proc = subprocess.run(
        [sys.executable, "-W", "default", "-m", "programmatool", *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Warning" not in proc.stderr
    assert proc.stderr == ""
