"""A cache of check results per file, keyed by content, tool version and configuration.

The cache lives in the user's cache folder (``~/.cache/programmatool`` on Linux), outside any
checked-out repository, so a cache folder committed to a repository is never read. Entries are
JSON, never pickle, and each is signed with a keyed hash (HMAC-SHA256) whose key is a random
file in the user's configuration folder, created readable by its owner only. An entry that was
not written by this machine's tool (another machine, a forged or restored file, a damaged one)
fails the check and is ignored: it is recomputed, so a forged entry with no findings can never
make a broken contract pass.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import secrets
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from programmatool.model.findings import SEVERITIES, Finding

#: Overrides where the cache lives (a folder).
CACHE_DIR_ENV = "PROGRAMMATOOL_CACHE_DIR"
#: A key given by the environment instead of the key file, e.g. a CI secret shared by the
#: runs that may trust each other's entries.
CACHE_KEY_ENV = "PROGRAMMATOOL_CACHE_KEY"
KEY_FILE = "cache.key"
_FORMAT = 4
_MAC_DOMAIN = b"programmatool cache entry\0"


@dataclass
class FileOutcome:
    """What checking one file produced, in a form that can be cached and sent between processes.

    ``samenvatting`` holds the fields that portfolio rules read (see
    ``rules.PORTFOLIO_FIELDS``) and the positions of their nodes; it is None when the file did not
    load as a contract.
    """

    findings: list[Finding]
    samenvatting: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "findings": [
                [f.path, f.line, f.column, f.code, f.severity, f.message] for f in self.findings
            ],
            "samenvatting": self.samenvatting,
        }

    @classmethod
    def from_json(cls, data: Any) -> FileOutcome:
        """Read back what :meth:`to_json` wrote; raises ValueError on anything else."""
        if not isinstance(data, dict) or set(data) != {"findings", "samenvatting"}:
            raise ValueError("not a cache entry")
        findings = []
        for row in data["findings"]:
            path, line, column, code, severity, message = row
            if severity not in SEVERITIES or not all(
                isinstance(v, str) for v in (path, code, message)
            ):
                raise ValueError("bad finding")
            if not (isinstance(line, int) and isinstance(column, int)):
                raise ValueError("bad position")
            findings.append(Finding(path, line, column, code, severity, message))
        summary = data["samenvatting"]
        if summary is not None and not isinstance(summary, dict):
            raise ValueError("bad summary")
        return cls(findings, summary)


@dataclass
class Index:
    """Per file name its stamp and key, and per key its outcome, from one earlier check.

    An outcome is JSON data as read, or a :class:`FileOutcome` of this run (turned into JSON
    only when the index is written)."""

    bestanden: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    uitkomsten: dict[str, Any] = field(default_factory=dict)
    geschreven_ns: int = 0
    #: The portfolio rules' findings, with the key of the files they were computed from.
    portfolio: tuple[str, list[Any]] | None = None

    def sleutel(self, bestand: str, mtime_ns: int, size: int) -> str | None:
        """Always None: a file's stamp (modification time and size) is never trusted, since a
        different file of the same size with its time kept (``cp -p``, tar, rsync) has the same
        stamp. Every file is read and its content hashed (:meth:`ResultCache.key`); hashing costs
        little next to parsing (``benchmarks/bench.py`` measures both)."""
        del bestand, mtime_ns, size
        return None

    def uitkomst(self, key: str) -> FileOutcome | None:
        """The outcome for ``key``, or None when absent or not trustworthy."""
        found = self.uitkomsten.get(key)
        if found is None or isinstance(found, FileOutcome):
            return found
        try:
            return FileOutcome.from_json(found)
        except (ValueError, TypeError, KeyError):
            return None

    def portfolio_uitkomst(self, key: str) -> list[Finding] | None:
        """The portfolio findings stored for ``key``, or None when absent or not trustworthy."""
        if self.portfolio is None or self.portfolio[0] != key:
            return None
        try:
            return FileOutcome.from_json(
                {"findings": self.portfolio[1], "samenvatting": None}
            ).findings
        except (ValueError, TypeError, KeyError):
            return None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "geschreven_ns": self.geschreven_ns,
            "bestanden": {k: list(v) for k, v in self.bestanden.items()},
            "uitkomsten": {
                key: found.to_json() if isinstance(found, FileOutcome) else found
                for key, found in self.uitkomsten.items()
            },
            "portfolio": list(self.portfolio) if self.portfolio is not None else None,
        }

    @classmethod
    def from_json(cls, data: Any) -> Index:
        """Read back what :meth:`to_json` wrote; raises on anything else."""
        files = {
            str(name): (int(stamp[0]), int(stamp[1]), str(stamp[2]))
            for name, stamp in data["bestanden"].items()
        }
        outcomes = data["uitkomsten"]
        if not isinstance(outcomes, dict):
            raise ValueError("bad index")
        portfolio = data["portfolio"]
        if portfolio is not None:
            key, findings = portfolio
            if not isinstance(key, str) or not isinstance(findings, list):
                raise ValueError("bad index")
            portfolio = (key, findings)
        return cls(files, outcomes, int(data["geschreven_ns"]), portfolio)


class ResultCache:
    """Check results on disk, one signed JSON file per (file name, content, settings) key.

    ``secret`` is the HMAC key (default: :func:`cache_secret`); without one the cache neither
    reads nor writes anything.
    """

    def __init__(self, folder: Path, fingerprint: str, secret: bytes | None = None) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.secret = secret if secret is not None else cache_secret()
        # Folders found private (or made so) by this process: a cold check writes a thousand
        # entries into 256 folders, and checking each folder once is enough (nobody else can
        # write in a private folder, so nobody can swap one of its folders for a link).
        self._ready: set[Path] = set()

    def key(self, bestand: str, data: bytes) -> str:
        """The entry's name: a hash of everything the outcome depends on."""
        digest = hashlib.blake2b(digest_size=32)
        for part in (str(_FORMAT), self.fingerprint, bestand):
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def portfolio_key(self, keys: list[str]) -> str:
        """The key of a whole check's portfolio: its files' keys, in order."""
        digest = hashlib.blake2b(digest_size=32)
        for part in (str(_FORMAT), self.fingerprint, *keys):
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
        return digest.hexdigest()

    def load_index(self, files: list[str]) -> Index:
        """The index of the last check of exactly these files (empty when there is none).

        Reading one index is much faster than a thousand small files, and its file stamps
        (modification time and size) let unchanged files go unread.
        """
        try:
            return Index.from_json(self._read(self._index_path(files)))
        except (ValueError, TypeError, KeyError):
            return Index()

    def save_index(self, files: list[str], index: Index) -> None:
        """Store the index of this check of these files."""
        self._write(self._index_path(files), index.to_json())

    def _index_path(self, files: list[str]) -> Path:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(self.fingerprint.encode("ascii"))
        for name in files:
            digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        return self.folder / "index" / f"{digest.hexdigest()}.json"

    def get(self, key: str) -> FileOutcome | None:
        """The cached outcome, or None when there is none or it cannot be trusted."""
        try:
            return FileOutcome.from_json(self._read(self.folder / key[:2] / f"{key}.json"))
        except (ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, outcome: FileOutcome) -> None:
        """Store an outcome; a cache that cannot be written is silently skipped."""
        self._write(self.folder / key[:2] / f"{key}.json", outcome.to_json())

    def get_json(self, key: str) -> Any:
        """Other signed JSON data stored under ``key`` (a command's product for one file), or
        None when there is none or it cannot be trusted."""
        try:
            return self._read(self.folder / key[:2] / f"{key}.json")
        except (ValueError, TypeError, KeyError):
            return None

    def put_json(self, key: str, data: Any) -> None:
        """Store JSON data under ``key``; a cache that cannot be written is silently skipped."""
        self._write(self.folder / key[:2] / f"{key}.json", data)

    def _mac(self, path: Path, body: bytes) -> str:
        # The entry's own name is signed too, so a genuine entry cannot be copied to the name of
        # another file's key.
        name = path.relative_to(self.folder).as_posix().encode("utf-8")
        assert self.secret
        return hmac.new(self.secret, _MAC_DOMAIN + name + b"\0" + body, "sha256").hexdigest()

    def _read(self, path: Path) -> Any:
        """The data of a signed entry; ValueError when it is missing or its signature is wrong."""
        if not self.secret:
            raise ValueError("no cache key")
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError:
            raise ValueError("no entry") from None
        mac, _, body = raw.partition(b"\n")
        if not hmac.compare_digest(mac, self._mac(path, body).encode("ascii")):
            raise ValueError("entry not signed by this machine's key")
        return json.loads(body)

    def _write(self, path: Path, data: Any) -> None:
        if not self.secret:
            return
        # ASCII JSON: a file name with undecodable bytes (lone surrogates) is kept exactly.
        body = json.dumps(data, allow_nan=False).encode("ascii")
        text = self._mac(path, body).encode("ascii") + b"\n" + body
        try:
            if path.parent not in self._ready:
                if not _private_folder(self.folder):
                    return
                path.parent.mkdir(mode=0o700, exist_ok=True)
                if not _private_folder(path.parent):
                    return
                self._ready.add(path.parent)
            # A fresh name opened with O_EXCL (and never through a link): a planted link or file
            # in the cache folder cannot make this process write anywhere else.
            descriptor, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(text)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return


def _private_folder(folder: Path) -> bool:
    """True when ``folder`` is a folder of this user that nobody else can write, created here
    with mode 0700 when it does not exist; a link, another user's folder or one that others can
    write is not used (the cache is then skipped)."""
    if not folder.exists() and not folder.is_symlink():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Marks the folder as a cache for backup tools, and keeps it out of git.
        (folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# Cache van programmatool; veilig om te verwijderen.\n",
            encoding="utf-8",
        )
        (folder / ".gitignore").write_text("*\n", encoding="utf-8")
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        return False
    others_can_write = info.st_uid != os.getuid() or info.st_mode & 0o022
    return not (os.name == "posix" and others_can_write)


def cache_dir() -> Path:
    """Where the cache lives: ``$PROGRAMMATOOL_CACHE_DIR``, else the user's cache folder
    (``$XDG_CACHE_HOME/programmatool`` or ``~/.cache/programmatool`` on Linux)."""
    given = os.environ.get(CACHE_DIR_ENV)
    if given:
        return Path(given)
    from platformdirs import user_cache_path

    return user_cache_path("programmatool", appauthor=False)


def key_file() -> Path:
    """The file that holds this user's cache key: in the user's configuration folder
    (``$XDG_CONFIG_HOME/programmatool`` or ``~/.config/programmatool`` on Linux), never in
    the cache folder, so that restoring or committing a cache folder cannot bring a key."""
    from platformdirs import user_config_path

    return user_config_path("programmatool", appauthor=False) / KEY_FILE


def cache_secret() -> bytes | None:
    """The key that signs cache entries, or None when there is none to trust (no cache then).

    ``$PROGRAMMATOOL_CACHE_KEY`` when set; else the key file, created on first use with 32
    random bytes and mode 0600. A key file that others can write or that belongs to another
    user is not trusted.
    """
    given = os.environ.get(CACHE_KEY_ENV)
    if given:
        return given.encode("utf-8") if len(given) >= 16 else None
    path = key_file()
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        _create_key(path)
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        if os.name == "posix" and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            return None
        key = handle.read(256).strip()
    return key if len(key) >= 32 else None


def _create_key(path: Path) -> None:
    """A new random key, written whole under a temporary name and linked into place, so that
    two processes starting at once end up with one key."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.parent / f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_hex(32).encode("ascii") + b"\n")
        # When another process was first, its key is the one to use.
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def fingerprint(*parts: object) -> str:
    """A stable hash of the settings an outcome depends on, and of the code that decides it.

    The code is part of the key so that a changed rule never serves an old result, even when
    the version number did not change (as during development).
    """
    digest = hashlib.sha256(json.dumps([repr(p) for p in parts]).encode("utf-8"))
    digest.update(_code_hash().encode("ascii"))
    return digest.hexdigest()


#: The package whose code decides every outcome: all of ``programmatool``, not only this
#: module's folder (the rules, the model and the progress code live beside ``pipeline``).
PACKAGE = Path(__file__).resolve().parent.parent


def code_files() -> list[Path]:
    """The Python files whose content is part of every cache key, in a fixed order."""
    return sorted(PACKAGE.rglob("*.py"))


@functools.cache
def _code_hash() -> str:
    digest = hashlib.sha256()
    for source in code_files():
        digest.update(source.relative_to(PACKAGE).as_posix().encode("utf-8"))
        digest.update(source.read_bytes())
    return digest.hexdigest()
