"""Reading files as they were at a git revision; the only module of the tool that runs git.

Every failure becomes a ``GitProblem`` with a Dutch message: git missing, not a repository, an
unknown revision, a path outside the repository, a file that did not exist at that revision.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


class GitProblem(Exception):
    """Git could not give what was asked; the message is Dutch."""


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "LANG": "C"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, env=env, timeout=120, check=False
        )
    except FileNotFoundError:
        raise GitProblem(
            "git is niet gevonden; installeer git om met --sinds te vergelijken"
        ) from None
    except subprocess.TimeoutExpired:
        raise GitProblem(f"git gaf na 120 seconden geen antwoord ({' '.join(args[:2])})") from None
    except OSError as exc:
        from .oserrors import reason

        raise GitProblem(f"git kan niet worden gestart: {reason(exc)}") from None


@dataclass(frozen=True)
class Revision:
    """A commit in a repository, with the name the user gave it."""

    root: Path
    ref: str
    commit: str

    def relative(self, path: Path) -> str:
        """``path`` relative to the repository root, with forward slashes."""
        full = path.resolve() if path.exists() else path.absolute()
        try:
            rel = full.relative_to(self.root)
        except ValueError:
            raise GitProblem(
                f"{path.as_posix()} ligt buiten het git-repository {self.root.as_posix()}"
            ) from None
        text = rel.as_posix()
        return "" if text == "." else text

    def label(self, relpath: str) -> str:
        """How a file at this revision is named in messages: ``v1.0:programmas/zorg.yaml``."""
        return f"{self.ref}:{relpath}"

    def exists(self, relpath: str) -> bool:
        """True when ``relpath`` is a file at this revision."""
        proc = _run(["cat-file", "-t", f"{self.commit}:{relpath}"], self.root)
        return proc.returncode == 0 and proc.stdout.strip() == b"blob"

    def contract_files(self, folder: str) -> list[str]:
        """Every ``*.yaml``/``*.yml`` under ``folder`` at this revision (hidden names skipped)."""
        args = ["ls-tree", "-r", "-z", "--full-tree", self.commit]
        if folder:
            args += ["--", folder.rstrip("/") + "/"]
        proc = _run(args, self.root)
        if proc.returncode != 0:
            raise GitProblem(f"git kan de bestanden in {self.ref} niet opsommen: {_first(proc)}")
        files = []
        for entry in proc.stdout.split(b"\0"):
            if not entry:
                continue
            meta, _, name_bytes = entry.partition(b"\t")
            if meta.split()[1:2] != [b"blob"]:
                continue
            name = name_bytes.decode("utf-8", errors="surrogateescape")
            parts = name.split("/")
            if name.endswith(YAML_SUFFIXES) and not any(p.startswith(".") for p in parts):
                files.append(name)
        return sorted(files)

    def read(self, relpath: str, max_bytes: int) -> bytes:
        """The content of ``relpath`` at this revision; refuses files above ``max_bytes``."""
        size = _run(["cat-file", "-s", f"{self.commit}:{relpath}"], self.root)
        if size.returncode != 0:
            raise GitProblem(f"{relpath} bestond niet in {self.ref}")
        if int(size.stdout.strip() or b"0") > max_bytes:
            raise GitProblem(
                f"{self.label(relpath)}: bestand is te groot (maximaal {max_bytes} bytes)"
            )
        proc = _run(["cat-file", "blob", f"{self.commit}:{relpath}"], self.root)
        if proc.returncode != 0:
            raise GitProblem(f"{self.label(relpath)} kan niet gelezen worden: {_first(proc)}")
        return proc.stdout


def open_revision(start: Path, ref: str) -> Revision:
    """The commit ``ref`` names in the repository that holds ``start``."""
    folder = start if start.is_dir() else start.parent
    if not folder.exists():
        folder = Path.cwd()
    proc = _run(["rev-parse", "--show-toplevel"], folder.resolve())
    if proc.returncode != 0:
        raise GitProblem(
            f"{start.as_posix()} ligt niet in een git-repository; --sinds vergelijkt met een "
            "versie uit git"
        )
    root = Path(proc.stdout.decode("utf-8", errors="surrogateescape").strip()).resolve()
    if not ref.strip() or ref.startswith("-"):
        raise GitProblem(f"onbekende revisie '{ref}'")
    found = _run(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root
    )
    if found.returncode != 0:
        raise GitProblem(
            f"onbekende revisie '{ref}' in {root.as_posix()} (geen tak, tag of commit met die naam)"
        )
    return Revision(root, ref, found.stdout.decode("ascii").strip())


def _first(proc: subprocess.CompletedProcess[bytes]) -> str:
    text = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
    return text[0] if text else f"exitcode {proc.returncode}"
