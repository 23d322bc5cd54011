"""Reading files as they were at a git revision; the only module of the tool that runs git.

Every failure becomes a ``GitProblem`` with a Dutch message: git missing, not a repository, an
unknown revision, a path outside the repository, a file that did not exist at that revision.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

YAML_SUFFIXES = (".yaml", ".yml")


class GitProblem(Exception):
    """Git could not give what was asked; the message is Dutch."""


#: Settings given on every git command line; they win over any configuration file. Nothing
#: that runs a program (a file-system monitor, hooks) and no transport (a "lazy fetch" of a
#: missing object from a remote named in a configuration) is ever used, and a bare repository
#: is only accepted when named explicitly.
_HARDENING = (
    "-c",
    "core.fsmonitor=false",
    "-c",
    f"core.hooksPath={os.devnull}",
    "-c",
    "safe.bareRepository=explicit",
    "-c",
    "protocol.allow=never",
    "-c",
    "core.askPass=",
)


def _environment(root: Path) -> dict[str, str]:
    """The environment of a git process: no GIT_* variable of the caller (they choose the
    repository, its objects and extra configuration), no system configuration, no prompts, no
    lazy fetching, and discovery stopped above the repository."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("GIT_")}
    env.update(
        GIT_CEILING_DIRECTORIES=str(root.parent),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_ATTR_NOSYSTEM="1",
        GIT_NO_LAZY_FETCH="1",
        GIT_NO_REPLACE_OBJECTS="1",
        GIT_OPTIONAL_LOCKS="0",
        GIT_TERMINAL_PROMPT="0",
        LC_ALL="C",
        LANG="C",
    )
    return env


def _command(root: Path, args: list[str]) -> list[str]:
    """A git command line for the repository whose work tree is ``root``: the git directory
    and the work tree are given explicitly, so git never discovers a repository of its own
    (such as a folder inside the checked-out tree that looks like one) nor reads its
    configuration."""
    return [
        "git",
        f"--git-dir={root / '.git'}",
        f"--work-tree={root}",
        *_HARDENING,
        *args,
    ]


def _run(
    args: list[str], root: Path, input: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            _command(root, args),
            cwd=root,
            input=input,
            capture_output=True,
            env=_environment(root),
            timeout=120,
            check=False,
        )
    except FileNotFoundError:
        raise GitProblem(
            "git is niet gevonden; installeer git om met een versie uit git te vergelijken"
        ) from None
    except subprocess.TimeoutExpired:
        raise GitProblem(f"git gaf na 120 seconden geen antwoord ({' '.join(args[:2])})") from None
    except OSError as exc:
        from programmatool.text.oserrors import reason

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

    def date(self) -> str:
        """The day of this commit (``2019-06-03``), or "" when git cannot say: documents name
        a version by its date, never by a commit id."""
        proc = _run(["log", "-1", "--no-walk", "--format=%cs", self.commit], self.root)
        return proc.stdout.decode("ascii", errors="replace").strip() if proc.returncode == 0 else ""

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

    def blob_ids(self, relpaths: list[str], max_bytes: int) -> dict[str, str] | None:
        """The git object id of each of ``relpaths`` at this revision, from one
        ``cat-file --batch-check``; None when one is missing, not a file or above
        ``max_bytes`` (:meth:`read_many` then says which and why)."""
        if not relpaths:
            return {}
        if any("\n" in relpath for relpath in relpaths):
            return None
        request = "".join(f"{self.commit}:{relpath}\n" for relpath in relpaths)
        checked = _run(
            ["cat-file", "--batch-check"],
            self.root,
            input=request.encode("utf-8", "surrogateescape"),
        )
        if checked.returncode != 0:
            return None
        ids: dict[str, str] = {}
        for relpath, line in zip(relpaths, checked.stdout.split(b"\n"), strict=False):
            header = line.split()
            if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
                return None
            if int(header[2]) > max_bytes:
                return None
            ids[relpath] = header[0].decode("ascii", errors="replace")
        return ids if len(ids) == len(relpaths) else None

    def read_many(self, relpaths: list[str], max_bytes: int) -> Iterator[tuple[str, bytes]]:
        """The content of each of ``relpaths`` at this revision, in order, from one
        ``cat-file --batch-check`` (the sizes) and one ``cat-file --batch`` (the contents):
        two processes for any number of files, and one file in memory at a time. A file that
        :meth:`read` would refuse raises the same GitProblem when the loop reaches it."""
        if any("\n" in relpath for relpath in relpaths):
            for relpath in relpaths:  # a name git's batch protocol cannot carry
                yield relpath, self.read(relpath, max_bytes)
            return
        if not relpaths:
            return
        request = "".join(f"{self.commit}:{relpath}\n" for relpath in relpaths)
        names = request.encode("utf-8", "surrogateescape")
        checked = _run(["cat-file", "--batch-check"], self.root, input=names)
        lines = checked.stdout.split(b"\n")
        refused: dict[str, GitProblem] = {}
        wanted: list[tuple[FileVersion, bytes, int] | tuple[FileVersion, None, int]] = []
        for relpath, line in zip(relpaths, [*lines, *[b""] * len(relpaths)], strict=False):
            header = line.split()
            if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
                refused[relpath] = GitProblem(f"{relpath} bestond niet in {self.ref}")
            elif int(header[2]) > max_bytes:
                refused[relpath] = GitProblem(
                    f"{self.label(relpath)}: bestand is te groot (maximaal {max_bytes} bytes)"
                )
            else:
                wanted.append((FileVersion(self.commit, "", relpath), header[0], int(header[2])))
        stream = _stream(self.root, wanted)
        try:
            for relpath in relpaths:
                if relpath in refused:
                    raise refused[relpath]
                _version, content = next(stream)
                if content is None:
                    raise GitProblem(f"{self.label(relpath)} kan niet gelezen worden")
                yield relpath, content
        finally:
            stream.close()


def open_revision(start: Path, ref: str, option: str = "--sinds") -> Revision:
    """The commit ``ref`` names in the repository that holds ``start`` (``option``: the
    command-line option that named it, for the messages)."""
    folder = start if start.exists() else Path.cwd()
    root = repository_folder(folder)
    if root is None or _run(["rev-parse", "--git-dir"], root).returncode != 0:
        raise GitProblem(
            f"{start.as_posix()} ligt niet in een git-repository; {option} vergelijkt met een "
            "versie uit git"
        )
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


# --- the history of one file (the adopted version of a contract) -------------------------------


def repository_folder(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git``, found without running git;
    None outside a repository (so that a contract outside git never starts a git process).

    This is the only way the tool finds a repository: a folder that is itself a git directory
    (``HEAD``, ``config``, ``refs/``, ``objects/`` committed as plain files) is not one, so
    content of a checked-out tree can never act as a repository or supply git settings."""
    full = start.resolve() if start.exists() else start.absolute()
    folder = full if full.is_dir() else full.parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


@dataclass(frozen=True)
class FileVersion:
    """One commit that changed a file: the commit, its date and the file's path in it."""

    commit: str
    date: str
    path: str


def open_repository(start: Path) -> Path:
    """The root of the repository that holds ``start``."""
    root = repository_folder(start)
    if root is None or _run(["rev-parse", "--git-dir"], root).returncode != 0:
        raise GitProblem(f"{start.as_posix()} ligt niet in een git-repository")
    return root


def file_history(root: Path, relpath: str, limit: int = 500) -> list[FileVersion]:
    """The commits that changed ``relpath``, newest first, at most ``limit``; empty when git
    does not know the file.

    A rename is followed to the file's older name; a copy is not: a programme started as a copy
    of another begins its own history there (it was never adopted as the other one).
    """
    proc = _run(
        [
            "log",
            "--follow",
            "--no-ext-diff",
            "--no-textconv",
            "-z",
            f"-n{limit}",
            "--format=%H%x09%cs",
            "--name-status",
            "--",
            relpath,
        ],
        root,
    )
    if proc.returncode != 0:
        return []
    tokens = [t.decode("utf-8", errors="surrogateescape") for t in proc.stdout.split(b"\0")]
    versions: list[FileVersion] = []
    i = 0
    while i < len(tokens):
        commit, tab, date = tokens[i].strip("\n").partition("\t")
        i += 1
        if not tab:
            continue
        if i >= len(tokens) or not tokens[i].startswith("\n"):
            continue  # a commit without a change of its own (a merge)
        status = tokens[i].strip("\n")
        width = 2 if status[:1] in ("R", "C") else 1
        paths = tokens[i + 1 : i + 1 + width]
        i += 1 + width
        if paths:
            versions.append(FileVersion(commit, date, paths[-1]))
        if status.startswith("C"):
            break
    return versions


class HistoryLimit(GitProblem):
    """Reading a file's history would pass a limit of ``[limieten]``; the message is Dutch."""


def read_versions(
    root: Path, versions: list[FileVersion], max_bytes: int, max_total: int
) -> Iterator[tuple[FileVersion, bytes | None]]:
    """Each version with its content, one at a time (None for one that is too large or gone).

    The sizes are asked first (``cat-file --batch-check``); only versions up to ``max_bytes``
    are read, and when together they pass ``max_total`` nothing is read: a HistoryLimit. The
    contents are then streamed from one ``cat-file --batch`` (raw blobs: no filters, no
    textconv), so at most one version is in memory at a time.
    """
    if not versions:
        return
    names = [f"{v.commit}:{v.path}" for v in versions]
    if any("\n" in name for name in names):
        raise GitProblem("git kan de oude versies niet lezen: een bestandsnaam met een regeleinde")
    request = "".join(f"{name}\n" for name in names).encode("utf-8", "surrogateescape")
    checked = _run(["cat-file", "--batch-check"], root, input=request)
    lines = checked.stdout.split(b"\n")
    wanted: list[tuple[FileVersion, bytes, int] | tuple[FileVersion, None, int]] = []
    total = 0
    for version, line in zip(versions, lines, strict=False):
        header = line.split()
        if len(header) == 3 and header[1] == b"blob" and header[2].isdigit():
            size = int(header[2])
            if size <= max_bytes:
                wanted.append((version, header[0], size))
                total += size
                continue
        wanted.append((version, None, 0))
    if total > max_total:
        raise HistoryLimit(
            f"de oude versies samen zijn {total} bytes, meer dan de grens van {max_total} bytes "
            "(max_history_bytes in [limieten] van programmatool.toml)"
        )
    yield from _stream(root, wanted)


def _stream(
    root: Path, wanted: list[tuple[FileVersion, bytes, int] | tuple[FileVersion, None, int]]
) -> Generator[tuple[FileVersion, bytes | None], None, None]:
    request = b"".join(sha + b"\n" for _v, sha, _s in wanted if sha is not None)
    try:
        proc = subprocess.Popen(
            _command(root, ["cat-file", "--batch"]),
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_environment(root),
        )
    except OSError as exc:
        raise GitProblem(f"git kan de oude versies niet lezen: {exc.__class__.__name__}") from None
    assert proc.stdin is not None and proc.stdout is not None
    feeder = threading.Thread(target=_feed, args=(proc.stdin, request), daemon=True)
    feeder.start()
    timer = threading.Timer(120, proc.kill)
    timer.start()
    try:
        for version, sha, size in wanted:
            if sha is None:
                yield version, None
                continue
            header = proc.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
                yield version, None
                continue
            size = int(header[2])
            content = proc.stdout.read(size)
            proc.stdout.read(1)
            if len(content) != size:
                raise GitProblem("git kan de oude versies niet lezen: het antwoord is afgebroken")
            yield version, content
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()
        proc.stdout.close()


def _feed(stdin: IO[bytes], request: bytes) -> None:
    with contextlib.suppress(OSError):
        stdin.write(request)
        stdin.close()
