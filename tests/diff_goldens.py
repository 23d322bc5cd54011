"""Golden output of ``programmatool diff`` and ``render --sinds`` on the seven real contracts.

The scenario is the midterm review: in a git repository with the contracts of ``programmas/``
tagged ``vastgesteld``, one target is lowered, money moves between two budget lines and a
paragraph is reflowed. ``tests/test_diff_cli.py`` and ``tests/test_diff_render.py`` build the
same repository and compare with ``tests/golden/diff/``; they never write it. After a
deliberate change, ``make goldens`` (``python -m tests.diff_goldens``) writes it anew; read
``git diff tests/golden`` before committing.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMMAS = ROOT / "programmas"
GOLDEN = ROOT / "tests" / "golden" / "diff"
TAG = "vastgesteld"
#: The day of every commit in the test repositories ("3 juni 2019" in a document).
COMMIT_DATE = "2019-06-03T12:00:00+02:00"


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` without the user's configuration; returns its output."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        # A fixed day: documents name a compared version by the day it was saved.
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_DATE": COMMIT_DATE,
    }
    proc = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return proc.stdout


def commit(repo: Path, message: str, tag: str | None = None) -> None:
    """Commit everything in ``repo``, optionally tagged."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    if tag:
        git(repo, "tag", tag)


def make_repository(root: Path) -> Path:
    """A git repository at ``root`` with the seven real contracts, tagged ``vastgesteld``."""
    shutil.copytree(PROGRAMMAS, root / "programmas")
    git(root.parent, "init", "-q", "-b", "main", root.name)
    commit(root, "Contracten zoals vastgesteld", tag=TAG)
    return root


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once in ``path``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def reflow_first_paragraph(path: Path, key: str, width: int) -> None:
    """Rewrap the first paragraph of a block scalar: other line breaks, the same words."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(key) + 1
    end = start
    while lines[end].strip():
        end += 1
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    words = " ".join(line.strip() for line in lines[start:end])
    wrapped = textwrap.wrap(words, width, initial_indent=indent, subsequent_indent=indent)
    assert wrapped != lines[start:end]
    lines[start:end] = wrapped
    path.write_text("\n".join(lines), encoding="utf-8")


def amend(repo: Path) -> None:
    """The midterm review: one target lowered, money moved, one paragraph reflowed."""
    programmas = repo / "programmas"
    replace_once(
        programmas / "economie-participatie.yaml",
        "streefwaarden: {2022: 2200}",
        "streefwaarden: {2022: 2400}",
    )
    binnenstad = programmas / "binnenstad.yaml"
    replace_once(
        binnenstad,
        "bedragen: {2019: 50, 2020: 60, 2021: 60, 2022: 60}",
        "bedragen: {2019: 50, 2020: 60, 2021: 60, 2022: 50}",
    )
    replace_once(
        binnenstad,
        "bedragen: {2019: 60, 2020: 50, 2021: 50, 2022: 50}",
        "bedragen: {2019: 60, 2020: 50, 2021: 50, 2022: 60}",
    )
    reflow_first_paragraph(programmas / "duurzaamheid.yaml", "samenvatting: |", 60)


FORMATS = {"sinds.txt": "text", "sinds.md": "markdown", "sinds.json": "json"}


def outputs() -> dict[str, str]:
    """Every golden output as the tool writes it now: file name → text."""
    from programmatool.cli.app import main

    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_repository(Path(tmp) / "gemeente")
        amend(repo)
        with contextlib.chdir(repo):
            for name, formaat in FORMATS.items():
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    code = main(["diff", "programmas/", "--sinds", TAG, "--format", formaat])
                assert code == 1, (name, code)
                out[name] = buffer.getvalue()
            with contextlib.redirect_stdout(io.StringIO()):
                code = main(["render", "programmas/", "--out", "site", "--format", "md",
                             "--sinds", TAG])  # fmt: skip
            assert code == 0, code
            out["wijzigingen.md"] = (repo / "site" / "wijzigingen.md").read_text("utf-8")
    return out


def update() -> list[str]:
    """Write the goldens anew; the names that changed."""
    changed = []
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(outputs().items()):
        target = GOLDEN / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


if __name__ == "__main__":
    names = update()
    for name in names:
        print(f"bijgewerkt: tests/golden/diff/{name}")
    print(f"{len(names)} golden-bestanden bijgewerkt; lees het verschil met: git diff tests/golden")
    sys.exit(0)
