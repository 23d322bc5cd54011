"""Configuration from elsewhere cannot change a check: the search stops at the repository root,
a file others can write is refused, deep nesting and hostile patterns end in a message."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from programmatool.pipeline.settings import find_config, glob_match

from .conftest import MINIMAAL, Run

OFF = '[regels]\nuit = ["PT301"]\n'


def test_the_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "programmatool.toml").write_text(OFF, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "programmas").mkdir()
    assert find_config(repo / "programmas") is None
    (repo / "programmatool.toml").write_text(OFF, encoding="utf-8")
    assert find_config(repo / "programmas") == repo / "programmatool.toml"


def test_a_folder_anyone_may_write_is_not_searched(tmp_path: Path) -> None:
    shared = tmp_path / "gedeeld"
    (shared / "werk").mkdir(parents=True)
    shared.chmod(0o777)
    (shared / "programmatool.toml").write_text(OFF, encoding="utf-8")
    assert find_config(shared / "werk") is None


def test_a_configuration_others_can_write_is_refused(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "programmatool.toml"
    config.write_text(OFF, encoding="utf-8")
    config.chmod(0o666)
    monkeypatch.chdir(tmp_path)
    run = cli("check", "--config", config, MINIMAAL)
    assert run.code == 2
    assert run.err == (
        f"programmatool: {config.as_posix()}: andere gebruikers kunnen dit configuratiebestand "
        f"wijzigen; het wordt niet gebruikt (maak het alleen voor uzelf schrijfbaar: chmod go-w "
        f"{config.as_posix()})\n"
    )


def test_deeply_nested_toml_is_a_message(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "programmatool.toml"
    config.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("check", "--config", config, MINIMAAL)
    assert run.code == 2
    assert run.err == (
        f"programmatool: {config.as_posix()}: ongeldige TOML: te diep genest "
        "(meer dan 32 niveaus)\n"
    )


def test_a_backtracking_pattern_does_not_hang() -> None:
    pattern = "*a" * 40 + "*b"
    start = time.process_time()
    assert glob_match(pattern, "a" * 5000) is False
    assert time.process_time() - start < 5


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("programmas/oud/*.yaml", "programmas/oud/a.yaml", True),
        ("programmas/*.yaml", "programmas/oud/a.yaml", False),
        ("**/*.yaml", "a/b/c.yaml", True),
        ("**/*.yaml", "c.yaml", True),
        ("programmas/**", "programmas/x/y.yaml", True),
        ("a?c.yaml", "abc.yaml", True),
        ("a?c.yaml", "a/c.yaml", False),
        ("**/oud/*.yaml", "x/y/oud/a.yaml", True),
        ("**/oud/*.yaml", "xoud/a.yaml", False),
        ("./oud/[ab].yaml", "oud/[ab].yaml", True),
    ],
)
def test_glob_patterns(pattern: str, path: str, expected: bool) -> None:
    assert glob_match(pattern, path) is expected


def test_no_config_reads_no_configuration(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "programmatool.toml").write_text("[regels\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("check", MINIMAAL).code == 2  # the broken configuration is read
    run = cli("check", "--no-config", MINIMAAL)
    assert (run.code, run.err) == (0, "")
    run = cli("check", "--no-config", "--config", "programmatool.toml", MINIMAAL)
    assert run.code == 2
    assert run.err == "programmatool: --config en --no-config gaan niet samen; kies er een\n"
    assert cli("check", MINIMAAL).code == 2  # the next command line reads it again
