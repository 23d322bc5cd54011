"""Shared helpers for the tests: run the CLI the way a user does, and write small contracts."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from programmatool.cli.app import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROGRAMMAS = ROOT / "programmas"
MINIMAAL = FIXTURES / "minimaal.yaml"


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Call ``programmatool`` in-process with arguments; returns exit code and output."""

    def run(*args: str) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def run_process(*args: str, cwd: Path | None = None) -> Run:
    """Run ``python -m programmatool`` as a separate process."""
    proc = subprocess.run(
        [sys.executable, "-m", "programmatool", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def minimal_text() -> str:
    """The text of the small valid example contract."""
    return MINIMAAL.read_text(encoding="utf-8")


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_repository(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests that run ``check`` keep its cache and its key in temporary folders: never in the
    repository, never in the user's own folders, never shared between parallel test runs."""
    import os

    os.environ.pop("PROGRAMMATOOL_CACHE_KEY", None)
    os.environ["PROGRAMMATOOL_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("xdg-config"))


def string_paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path (keys and list indexes) of every string in a nested YAML/JSON structure."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(string_paths(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(string_paths(value, (*path, index)))
    elif isinstance(data, str):
        found.append(path)
    return found
