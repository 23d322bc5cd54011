"""Repository content never chooses git's behaviour: a folder committed inside programmas/ that
is itself a git directory (HEAD, config, refs/, objects/ as plain files) runs no command."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import ROOT, Run
from .diff_goldens import commit, git

VOLLEDIG = ROOT / "tests" / "fixtures" / "render" / "volledig.yaml"
MISSING_COMMIT = "0123456789012345678901234567890123456789"


def _plant(folder: Path, marker: Path) -> None:
    """A fake git directory in ``folder`` whose configuration runs a command that creates
    ``marker`` as soon as git uses it: a file-system monitor, hooks, and a lazy fetch of the
    missing commit its branch names through a command of its choosing."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (folder / "refs" / "heads").mkdir(parents=True)
    (folder / "refs" / "heads" / "main").write_text(MISSING_COMMIT + "\n", encoding="utf-8")
    (folder / "refs" / "tags").mkdir()
    (folder / "refs" / "tags" / "v1").write_text(MISSING_COMMIT + "\n", encoding="utf-8")
    (folder / "objects" / "info").mkdir(parents=True)
    (folder / "objects" / "info" / "keep").write_text("", encoding="utf-8")
    command = f"touch {marker}; false"
    (folder / "config").write_text(
        "[core]\n"
        "\trepositoryformatversion = 1\n"
        "\tbare = false\n"
        "\tworktree = .\n"
        f'\tfsmonitor = "{command}"\n'
        "[extensions]\n"
        "\tpartialClone = origin\n"
        '[remote "origin"]\n'
        f"\turl = {folder.parent}\n"
        "\tpromisor = true\n"
        f'\tuploadpack = "{command}"\n'
        "[safe]\n"
        "\tdirectory = *\n",
        encoding="utf-8",
    )


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A repository whose programmas/kwaad/ holds a contract next to a planted git directory,
    committed as a pull request would; cwd is its root. Returns (root, marker)."""
    root = tmp_path / "gemeente"
    root.mkdir()
    git(tmp_path, "init", "-q", "-b", "main", root.name)
    evil = root / "programmas" / "kwaad"
    marker = tmp_path / "MARKER"
    _plant(evil, marker)
    shutil.copy(VOLLEDIG, evil / "contract.yaml")
    commit(root, "Pull request", tag="v1")
    assert "programmas/kwaad/config" in git(root, "ls-files")
    monkeypatch.chdir(root)
    return root, marker


def test_the_planted_git_directory_would_run_its_command(hostile: tuple[Path, Path]) -> None:
    # The exploit is real: git started inside the folder obeys the planted configuration.
    root, marker = hostile
    with pytest.raises(Exception):  # noqa: B017 - git fails after running the command
        git(root / "programmas" / "kwaad", "log", "-n1")
    assert marker.exists()


def test_render_runs_no_command_from_repository_content(
    hostile: tuple[Path, Path], cli: Callable[..., Run]
) -> None:
    _root, marker = hostile
    result = cli("render", "programmas", "--out", "site", "--format", "md")
    assert result.code == 0, result.err
    assert not marker.exists()
    text = (Path("site") / "volledig-voorbeeld.md").read_text(encoding="utf-8")
    # The lookup used the real repository, in which the contract is adopted in commit v1.
    assert "Geen wijzigingen sinds vaststelling op 17 maart 2020" in text


def test_diff_since_runs_no_command_from_repository_content(
    hostile: tuple[Path, Path], cli: Callable[..., Run]
) -> None:
    _root, marker = hostile
    result = cli("diff", "programmas/kwaad/contract.yaml", "--sinds", "v1")
    assert not marker.exists()
    assert (result.code, result.err) == (0, "")


def test_render_adopted_runs_no_command_from_repository_content(
    hostile: tuple[Path, Path], cli: Callable[..., Run]
) -> None:
    _root, marker = hostile
    result = cli(
        "render", "programmas/kwaad", "--out", "site", "--format", "md", "--vastgesteld", "v1"
    )
    assert result.code == 0, result.err
    assert not marker.exists()
    text = (Path("site") / "volledig-voorbeeld.md").read_text(encoding="utf-8")
    assert "Geen wijzigingen sinds vaststelling op 17 maart 2020" in text


def test_history_beyond_its_limit_is_a_dutch_line_on_the_card(
    tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "gemeente"
    root.mkdir()
    git(tmp_path, "init", "-q", "-b", "main", root.name)
    contract = root / "contract.yaml"
    shutil.copy(VOLLEDIG, contract)
    commit(root, "Vastgesteld")
    contract.write_text(contract.read_text(encoding="utf-8") + "# meting\n", encoding="utf-8")
    commit(root, "Meting")
    (root / "programmatool.toml").write_text(
        "[limieten]\nmax_history_bytes = 1000\n", encoding="utf-8"
    )
    monkeypatch.chdir(root)
    result = cli("render", "contract.yaml", "--out", "site", "--format", "md")
    assert result.code == 0, result.err
    text = (Path("site") / "volledig-voorbeeld.md").read_text(encoding="utf-8")
    size = 2 * VOLLEDIG.stat().st_size + len("# meting\n")
    assert (
        f"Vastgestelde versie niet gevonden: de oude versies samen zijn {size} bytes, "
        "meer dan de grens van 1000 bytes (max\\_history\\_bytes in \\[limieten\\] van "
        "programmatool.toml)." in text
    )
