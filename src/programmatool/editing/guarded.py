"""Changing contract files safely, shared by ``record``, ``import`` and ``log``.

A contract is changed under an exclusive lock (filelock) on a small lock file beside the file a
path stands for (a symbolic link is followed, so the link stays a link). Under the lock the file
is read again, and it is written, by a rename, only if it has not changed since that read: parallel
runs all land one after the other and an editor's save is never overwritten. Every refusal is a
:class:`RecordProblem` with a Dutch message and the exit code to end with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from programmatool.loading import LoadResult
from programmatool.pipeline.run import EXIT_USAGE, ConfigError, Settings, read_file, read_settings
from programmatool.text.oserrors import reason as os_reason

#: How long a command waits for another process that is writing the same contract.
LOCK_TIMEOUT = 60.0


class RecordProblem(Exception):
    """A refused request; ``code`` is the exit code (:data:`EXIT_FINDINGS` when the contract
    itself has errors, before or after the change; else :data:`EXIT_USAGE`), the message is
    Dutch. ``changed`` names the files that were written before a later write failed (empty:
    nothing changed)."""

    def __init__(self, message: str, code: int = EXIT_USAGE, changed: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.changed = changed


def writer_settings(config_path: Path | None = None) -> Settings:
    """The pipeline's settings for a writing command (``--config``, or the configuration found
    from here upward); one that cannot be used is a refusal."""
    try:
        return read_settings(config_path)
    except ConfigError as exc:
        raise RecordProblem(str(exc)) from None


def resolve_target(path: Path, settings: Settings, read: bool = True) -> Path:
    """The file a path stands for: a symbolic link is followed, so its target is updated and
    the link stays a link. A folder, a missing file, a pipe or an unreadable file is refused
    (without ``read`` not the last two: the caller has just read the file)."""
    name = path.as_posix()
    if path.is_dir():
        raise RecordProblem(f"{name} is een map; geef een contractbestand")
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "een kring van verwijzingen"
        raise RecordProblem(f"{name}: kan het bestand niet lezen: {reason}") from None
    if read:
        # A pipe, device or unreadable file is refused before anything.
        read_contract(target, name, settings)
    return target


def refuse_read_only(target: Path, name: str) -> None:
    """Refuse a read-only file before anything else: replacing it would undo its protection."""
    import os
    import stat

    mode = target.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise RecordProblem(f"{name}: het bestand is alleen-lezen; er is niets gewijzigd")


@contextmanager
def locked(files: list[tuple[Path, str]], tidy: bool = False) -> Iterator[None]:
    """Hold the lock of every ``(target, name)``, taken in a fixed order so that two runs
    cannot wait for each other; a read-only file is refused before any lock is taken.

    The lock is filelock's on a small hidden file beside each target. filelock leaves that file
    in place on Unix, because a lock file removed while another process waits on it lets the
    next one lock a fresh file of the same name. Every lock taken here therefore checks, once
    it holds the lock, that the name still stands for the file it locked, and starts over if
    not. With ``tidy`` (``import``: many files at once), the lock files this run created are
    removed when the block ends, while still held: a waiting run then finds
    its file gone and locks a new one, so nothing piles up and no two runs hold one file."""
    ordered = sorted(set(files))
    for target, name in ordered:
        refuse_read_only(target, name)
    with ExitStack() as stack:
        created: list[tuple[Any, Path]] = []
        for target, name in ordered:
            path = target.parent / f".{target.name}.lock"
            new = not path.exists()
            lock = _acquire(path, name)
            stack.callback(lock.release)
            if new:
                created.append((lock, path))
        try:
            yield
        finally:
            if tidy:
                for lock, path in created:
                    _remove_held(lock, path)


def _acquire(path: Path, name: str) -> Any:
    """filelock's lock on ``path``, held, on the file that ``path`` names right now."""
    from filelock import FileLock, Timeout

    while True:
        lock = FileLock(path, timeout=LOCK_TIMEOUT)
        try:
            lock.acquire()
        except Timeout:
            raise RecordProblem(
                f"{name}: een ander proces is het bestand al {LOCK_TIMEOUT:.0f} seconden "
                "aan het wijzigen; er is niets gewijzigd. Probeer het opnieuw."
            ) from None
        except OSError as exc:
            raise RecordProblem(
                f"{name}: kan het bestand niet vergrendelen: {os_reason(exc)}"
            ) from None
        if _holds(lock, path) is not False:
            return lock
        lock.release()  # removed by the run that held it: lock the new one


def _holds(lock: Any, path: Path) -> bool | None:
    """Whether ``lock`` is on the file ``path`` names (None: filelock does not say)."""
    import os

    fd = getattr(getattr(lock, "_context", None), "lock_file_fd", None)
    if not isinstance(fd, int):
        return None
    try:
        held, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def _remove_held(lock: Any, path: Path) -> None:
    """Remove a held lock's file where that is known to be the file locked (else leave it)."""
    import contextlib
    import os

    if _holds(lock, path):
        with contextlib.suppress(OSError):
            os.unlink(path)


def read_contract(target: Path, name: str, settings: Settings) -> bytes:
    """The file's bytes, read as every command reads a contract (never blocking on a pipe,
    within the configuration's ``[limieten]``); PT009 or PT008 when it cannot be."""
    raw = read_file(target, name, settings.limits)
    if isinstance(raw, LoadResult):
        raise RecordProblem(
            "\n".join([*(f.as_text() for f in raw.findings), f"{name}: er is niets gewijzigd"])
        )
    return raw


#: A plan of one file's change: ``planner(name, raw, request, settings)`` gives the new bytes
#: and what changed, or raises :class:`RecordProblem`. A module-level function, so that a worker
#: process can run it.
Planner = Callable[[str, bytes, Any, Settings], tuple[bytes, Any]]

#: From this many files on, planning is spread over the pipeline's worker processes (each file
#: takes tens of milliseconds: parse, splice, validate).
PLAN_PARALLEL_FROM = 8


def write_files(
    requests: list[tuple[Path, str, Any]],
    planner: Planner,
    settings: Settings,
    dry_run: bool = False,
    tidy: bool = False,
) -> list[Any]:
    """Change every ``(target, name, request)`` file, all or none: each is locked (in a fixed
    order, so two runs cannot wait for each other), read again under its lock, planned once by
    ``planner`` (files in parallel on the pipeline's workers) and written only when every file
    passed (:func:`write_all`); a dry run stops before writing. What each plan says changed is
    returned, in the order of ``requests``; every problem is raised together. ``tidy``
    removes the lock files this run made (see :func:`locked`)."""
    with locked([(target, name) for target, name, _request in requests], tidy):
        raws = [read_contract(target, name, settings) for target, name, _request in requests]
        items = [
            (name, raw, request) for (_t, name, request), raw in zip(requests, raws, strict=True)
        ]
        outcomes = plan_files(planner, items, settings)
        problems = [o for o in outcomes if isinstance(o, RecordProblem)]
        if problems:
            code = max(p.code for p in problems)
            raise RecordProblem("\n".join(p.message for p in problems), code)
        planned = [o for o in outcomes if not isinstance(o, RecordProblem)]
        if not dry_run:
            plans = [
                (target, name, raw, new)
                for (target, name, _r), raw, (new, _d) in zip(requests, raws, planned, strict=True)
            ]
            write_all(plans, settings)
    return [done for _new, done in planned]


def plan_files(
    planner: Planner, items: list[tuple[str, bytes, Any]], settings: Settings
) -> list[tuple[bytes, Any] | RecordProblem]:
    """``planner`` on every ``(name, raw, request)``, in worker processes when there are many;
    a refusal is returned in place of its plan."""
    from programmatool.pipeline import workers

    work = {"planner": planner, "items": items, "settings": settings}
    done = workers.run(
        work, _plan_one, len(items), jobs=settings.jobs, parallel_from=PLAN_PARALLEL_FROM
    )
    return [
        RecordProblem(outcome[0], outcome[1]) if isinstance(outcome[0], str) else outcome
        for outcome in done
    ]


def _plan_one(index: int) -> tuple[Any, Any]:
    """One file's plan in a worker: ``(new bytes, changes)``, or ``(message, exit code)``."""
    from programmatool.pipeline.workers import WORK

    name, raw, request = WORK["items"][index]
    try:
        result: tuple[Any, Any] = WORK["planner"](name, raw, request, WORK["settings"])
    except RecordProblem as exc:
        return exc.message, exc.code
    return result


def write_all(plans: list[tuple[Path, str, bytes, bytes]], settings: Settings) -> None:
    """Write every ``(target, name, raw, new)`` (under their locks), all or none.

    First every new text goes to a temporary file beside its target: that is where writing
    fails (a folder that refuses, a full disk), and then nothing has changed. Then every
    target is read again and must be as it was read (``raw``). Only then are the temporary
    files renamed into place, one by one; a rename that still fails raises a RecordProblem
    that names exactly the files that changed (``changed``) and those that did not.
    """
    import contextlib
    import os

    from programmatool.pipeline.writing import write_temporary

    staged: list[Path] = []
    try:
        for target, name, _raw, new in plans:
            try:
                staged.append(write_temporary(target, new))
            except OSError as exc:
                raise RecordProblem(
                    f"{name}: kan het bestand niet schrijven: {os_reason(exc)}; "
                    "er is niets gewijzigd"
                ) from None
        for target, name, raw, _new in plans:
            _refuse_changed(target, name, raw, settings)
        done: list[str] = []
        for (target, name, _raw, _new), tmp in zip(plans, staged, strict=True):
            try:
                os.replace(tmp, target)
            except OSError as exc:
                rest = [n for _t, n, _r, _n in plans if n not in done]
                raise RecordProblem(
                    f"{name}: kan het bestand niet schrijven: {os_reason(exc)}\n"
                    f"wel gewijzigd: {', '.join(done) or 'niets'}; "
                    f"niet gewijzigd: {', '.join(rest)}",
                    changed=tuple(done),
                ) from None
            done.append(name)
    finally:
        for tmp in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def _refuse_changed(target: Path, name: str, raw: bytes, settings: Settings) -> None:
    if read_contract(target, name, settings) != raw:
        raise RecordProblem(
            f"{name}: het bestand is intussen door iemand anders gewijzigd; er is niets "
            "geschreven. Probeer het opnieuw."
        )
