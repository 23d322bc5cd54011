"""Both pre-commit recipes of docs/ci.md work as written: the local hook with ``pre-commit run``
and this repository's .pre-commit-hooks.yaml with ``pre-commit try-repo``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "tests" / "fixtures" / "minimaal.yaml"


def _local_recipe() -> str:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", text, re.S)
    assert len(blocks) == 1, "docs/ci.md shows one .pre-commit-config.yaml"
    return blocks[0]


def _repo(tmp_path: Path, contract: str) -> Path:
    repo = tmp_path / "gemeente"
    (repo / "programmas").mkdir(parents=True)
    (repo / "programmas" / "contract.yaml").write_text(contract, encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(_local_recipe(), encoding="utf-8")
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    return repo


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    # The hook's `programmatool` is the one installed beside this Python, as after `pip install`.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env.pop("PRE_COMMIT", None)
    return env


def _pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def _broken() -> str:
    text = GOOD.read_text(encoding="utf-8")
    broken = re.sub(r"^code: .*$", "code: Geen Geldige Code", text, count=1, flags=re.M)
    assert broken != text
    return broken


def test_the_local_recipe_blocks_a_broken_contract_and_passes_a_good_one(tmp_path: Path) -> None:
    env = _env(tmp_path)
    bad = _repo(tmp_path / "kapot", _broken())
    run = _pre_commit(bad, env, "run", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "programmas/contract.yaml:3:7: fout PT014" in run.stdout
    good = _repo(tmp_path / "goed", GOOD.read_text(encoding="utf-8"))
    run = _pre_commit(good, env, "run", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_hooks_of_this_repository_install_and_run_with_try_repo(tmp_path: Path) -> None:
    # try-repo installs the tool from a clone of this repository, as `repo:`/`rev:` would.
    source = tmp_path / "programmatool"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "node_modules", "site", "artifacts", "__pycache__", ".*_cache"
        ),
    )
    # Never the checkout's own .git (in a worktree a file pointing at the real repository).
    assert not (source / ".git").exists()
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "bron"],
    ):
        subprocess.run(["git", *args], cwd=source, check=True, capture_output=True)
    env = _env(tmp_path)
    bad = _repo(tmp_path / "kapot", _broken())
    run = _pre_commit(bad, env, "try-repo", str(source), "programmatool-check", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "programmas/contract.yaml:3:7: fout PT014" in run.stdout
    good = _repo(tmp_path / "goed", GOOD.read_text(encoding="utf-8"))
    run = _pre_commit(good, env, "try-repo", str(source), "programmatool-check", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr
