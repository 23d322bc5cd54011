"""The example sessions in the README and in docs/ are real: every ``$ command`` in a console
block is run and its output compared with what the page shows.

Each page runs in a scratch folder of its own, its sessions in page order, as a reader who
follows the page would: a session sees what the earlier ones on that page changed. The folder
holds copies of ``programmas/``, ``voorbeelden/`` and ``tests/fixtures/``, the files the pages
describe (``slecht.yaml``, ``schone-stad.yaml``, ``handgeschreven.yaml``, for the import also in
``programmas/``, and the page's own ``metingen.csv`` and ``gemeente/`` templates), and
``programmatool`` is on the PATH. A line ``…`` stands for any number of lines. Blocks with
other commands (installing the benchmark tools) are not run, nor ``diff --sinds`` (it needs the
repository's git history; tests/test_diff_cli.py checks it).

After a deliberate change of output, ``UPDATE_README=1 .venv/bin/pytest
tests/test_readme_sessions.py`` writes the new output into the pages (steps with ``…`` are
left alone); read the difference before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
#: Every page whose sessions run: the README and each guide in docs/.
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
RUNNABLE = ("programmatool", "echo", "diff")


@dataclass
class Step:
    command: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Session:
    line: int
    steps: list[Step]
    text: str = ""


def sessions(page: Path = README) -> list[Session]:
    """Every console block of a page that contains ``$`` commands only of runnable kinds."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"```console\n(.*?)```", text, re.S):
        steps: list[Step] = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                steps.append(Step(line[2:]))
            elif steps:
                steps[-1].expected.append(line)
        # '--sinds' needs the git history of the repository: tests/test_diff_cli.py runs it.
        if steps and all(
            s.command.split()[0] in RUNNABLE and "--sinds" not in s.command for s in steps
        ):
            found.append(Session(text.count("\n", 0, match.start()) + 1, steps, match.group(1)))
    return found


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; ``…`` matches any run of lines (also none)."""
    if not expected:
        return not actual
    if expected[0] == "…":
        return any(_matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and _matches(expected[1:], actual[1:])


def _workspace(tmp_path: Path, page: Path) -> Path:
    work = tmp_path / "werk"
    shutil.copytree(ROOT / "programmas", work / "programmas")
    shutil.copytree(ROOT / "tests" / "fixtures", work / "tests" / "fixtures")
    if (ROOT / "voorbeelden").is_dir():
        shutil.copytree(ROOT / "voorbeelden", work / "voorbeelden")
    # "slecht.yaml is tests/fixtures/minimaal.yaml met twee tikfouten"
    minimaal = (ROOT / "tests" / "fixtures" / "minimaal.yaml").read_text(encoding="utf-8")
    slecht = minimaal.replace("eind: 2022}", "eind: tweeduizend}").replace(
        "    streefwaarden:", "    streefwaardes:"
    )
    assert slecht.count("tweeduizend") == 1 and slecht.count("streefwaardes") == 1
    (work / "slecht.yaml").write_text(slecht, encoding="utf-8")
    # The README's small example contract (code schone-stad) under its own name.
    (work / "schone-stad.yaml").write_text(minimaal, encoding="utf-8")
    shutil.copy(ROOT / "tests" / "fixtures" / "progress" / "handgeschreven.yaml", work)
    readme = page.read_text(encoding="utf-8")
    # "met als `metingen.csv` (Windows-1252, …)" followed by the file's text.
    for name, block in re.findall(r"met als `([\w.]+)`[^\n]*\n\n```text\n(.*?)```", readme, re.S):
        (work / name).write_bytes(block.encode("cp1252"))
    # The house-style example: the README's Jinja block that names its own file.
    for block in re.findall(r"```jinja\n(.*?)```", readme, re.S):
        first = re.match(r"\{# (\S+) #\}", block)
        if first:
            target = work / first.group(1)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block, encoding="utf-8")
    return work


def _run(command: str, work: Path, previous: int) -> tuple[int, list[str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PROGRAMMATOOL_CACHE_DIR"] = str(work.parent / "cache")
    env["NO_COLOR"] = "1"
    proc = subprocess.run(
        ["bash", "-c", f"(exit {previous}); {command}"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [line.rstrip() for line in (proc.stdout + proc.stderr).splitlines()]
    if command.startswith("diff -u"):
        lines = lines[2:]  # the README leaves out the two header lines with file times
    return proc.returncode, lines


def test_the_readme_shows_the_sixty_second_session() -> None:
    commands = [s.command.split()[:2] for session in sessions(README) for s in session.steps]
    verbs = [c[1] for c in commands if c[0] == "programmatool"]
    assert verbs[:6] == ["new", "check", "check", "record", "progress", "render"]


def test_the_guides_have_sessions_to_run() -> None:
    commands = [s.command for page in PAGES for session in sessions(page) for s in session.steps]
    assert "programmatool check programmas/" in commands
    for verb in ("new", "progress", "record", "import", "log", "render", "rules"):
        assert any(c.startswith(f"programmatool {verb} ") for c in commands), verb


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_sessions_in_order(tmp_path: Path, page: Path) -> None:
    work = _workspace(tmp_path, page)
    problems = []
    for session in sessions(page):
        if any(step.command.startswith("programmatool import") for step in session.steps):
            # The import example has a hand-written contract in programmas/ as well.
            fixture = ROOT / "tests" / "fixtures" / "progress" / "handgeschreven.yaml"
            shutil.copy(fixture, work / "programmas")
        problems += _run_session(session, work, page)
    assert not problems, "\n\n".join(problems)


def _run_session(session: Session, work: Path, page: Path) -> list[str]:
    code = 0
    new_text: list[str] = []
    failures = []
    for step in session.steps:
        code, actual = _run(step.command, work, code)
        expected = [line.rstrip() for line in step.expected]
        gap = []
        while expected and not expected[-1]:
            gap.append(expected.pop())  # the blank line between two commands
        ok = _matches(expected, actual)
        new_text += [f"$ {step.command}", *(expected if ok or "…" in expected else actual), *gap]
        if not ok:
            failures.append((step, expected, actual))
    if failures and os.environ.get("UPDATE_README"):
        readme = page.read_text(encoding="utf-8")
        assert readme.count(session.text) == 1
        page.write_text(readme.replace(session.text, "\n".join(new_text) + "\n"), encoding="utf-8")
        return []
    return [
        f"{page.relative_to(ROOT)} regel {session.line}: $ {step.command}\n"
        f"--- {page.name}\n" + "\n".join(expected) + "\n--- werkelijk\n" + "\n".join(actual)
        for step, expected, actual in failures
    ]
