"""The GitLab recipe in docs/gitlab.md: valid GitLab CI, and its commands work as written."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "gitlab.md"


def _recipe() -> str:
    match = re.search(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert match, "docs/gitlab.md has no yaml block"
    return match.group(1)


def _validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", path],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_recipe_is_valid_gitlab_ci(tmp_path: Path) -> None:
    recipe = tmp_path / ".gitlab-ci.yml"
    recipe.write_text(_recipe(), encoding="utf-8")
    run = _validate(recipe)
    assert run.returncode == 0, run.stdout + run.stderr
    # The validation is real: a misspelt keyword is refused.
    broken = tmp_path / "kapot.yml"
    broken.write_text(_recipe().replace("artifacts:", "artefacts:", 1), encoding="utf-8")
    assert _validate(broken).returncode == 1


def _command(prefix: str) -> list[str]:
    for line in _recipe().splitlines():
        line = line.strip().removeprefix("- ")
        if line.startswith(prefix):
            return shlex.split(line.split(" > ")[0])
    raise AssertionError(f"no '{prefix}' line in the recipe")


def test_the_code_quality_step_writes_a_report_of_the_real_contracts() -> None:
    args = _command("programmatool check")
    assert args[1:] == ["check", "programmas/", "--format", "gitlab"]
    run = subprocess.run(
        [sys.executable, "-m", "programmatool", *args[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1  # the real contracts hold errors as printed
    issues = json.loads(run.stdout)
    assert {i["severity"] for i in issues} == {"major", "minor"}
    assert all(i["location"]["path"].startswith("programmas/") for i in issues)


def test_the_comment_step_writes_markdown_of_the_changes(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    (tmp_path / "programmas").mkdir()
    source = (ROOT / "programmas" / "omgevingswet.yaml").read_text(encoding="utf-8")
    (tmp_path / "programmas" / "omgevingswet.yaml").write_text(source, encoding="utf-8")
    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "vastgesteld")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    changed = source.replace("programma: Omgevingswet", "programma: Omgevingswet (herzien)", 1)
    assert changed != source
    (tmp_path / "programmas" / "omgevingswet.yaml").write_text(changed, encoding="utf-8")
    args = _command("programmatool diff")
    args = [a.replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main") for a in args]
    run = subprocess.run(
        [sys.executable, "-m", "programmatool", *args[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("## Wijzigingen ten opzichte van `origin/main`")
