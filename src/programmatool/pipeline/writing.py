"""Writing files whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader sees the old file or the new one, never half of it; on failure the old file stays.
    """
    tmp = write_temporary(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_temporary(path: Path, data: bytes) -> Path:
    """``data`` written and synced to a new temporary file beside ``path``, with the mode
    ``path`` has (or will get); renaming it onto ``path`` is the only step left. Raises OSError
    (nothing left behind) when the folder or the disk refuses."""
    folder = path.parent if str(path.parent) else Path(".")
    # A new file gets the usual mode (0666 less the umask), not mkstemp's private 0600, so that
    # a web server can serve a rendered site; an existing file keeps its own mode.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
