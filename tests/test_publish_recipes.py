"""The CI recipes in docs/publiceren.md: valid GitLab CI and GitHub Actions (each against the
schema check-jsonschema ships), and their publish command is the one the tool has."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "publiceren.md"


def _recipe(first_line: str) -> str:
    for block in re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S):
        if block.startswith(first_line):
            return str(block)
    raise AssertionError(f"docs/publiceren.md has no yaml block starting with {first_line!r}")


def _validate(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("first_line", "schema", "typo"),
    [
        ("# .gitlab-ci.yml", "vendor.gitlab-ci", ("artifacts:", "artefacts:")),
        ("# .github/workflows/site.yml", "vendor.github-workflows", ("runs-on:", "run-on:")),
    ],
)
def test_the_recipe_is_valid_ci(
    tmp_path: Path, first_line: str, schema: str, typo: tuple[str, str]
) -> None:
    recipe = tmp_path / "recept.yml"
    recipe.write_text(_recipe(first_line), encoding="utf-8")
    run = _validate(schema, recipe)
    assert run.returncode == 0, run.stdout + run.stderr
    # The validation is real: a misspelt keyword is refused.
    broken = tmp_path / "kapot.yml"
    broken.write_text(_recipe(first_line).replace(*typo, 1), encoding="utf-8")
    assert _validate(schema, broken).returncode == 1


@pytest.mark.parametrize(
    ("first_line", "folder"),
    [("# .gitlab-ci.yml", "public"), ("# .github/workflows/site.yml", "site")],
)
def test_the_recipe_publishes_the_contracts_into_the_folder_pages_serves(
    tmp_path: Path, first_line: str, folder: str
) -> None:
    line = next(
        line.strip().removeprefix("- ").removeprefix("run: ")
        for line in _recipe(first_line).splitlines()
        if "programmatool publish" in line
    )
    args = shlex.split(line)
    assert args == ["programmatool", "publish", "programmas/", "--uit", folder]
    (tmp_path / "programmas").symlink_to(ROOT / "programmas", target_is_directory=True)
    run = subprocess.run(
        [sys.executable, "-m", "programmatool", *args[1:], "--zonder-zoeken"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / folder / "index.html").is_file()
    # The recipes fetch the whole history: depth 0 in GitLab, fetch-depth 0 in GitHub.
    assert re.search(r"(GIT_DEPTH: 0|fetch-depth: 0)", _recipe(first_line))
