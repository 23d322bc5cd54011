"""A cache of check results per file, keyed by content, tool version and configuration.

Like ruff's and mypy's caches it lives in a folder that is safe to delete
(``.programmatool_cache`` in the current folder). Entries are JSON, never pickle: a cache folder
committed by someone else can at worst hold wrong findings, never run code; and any entry that
does not read back exactly as written is ignored and recomputed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Finding

CACHE_DIR = ".programmatool_cache"
_FORMAT = 2


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
            if severity not in ("fout", "waarschuwing") or not all(
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


#: A file changed this close before the index was written may have changed again within the
#: same time stamp (as git's "racy" files); such a file is read and hashed, not trusted.
RACY_NS = 2_000_000_000


@dataclass
class Index:
    """Per file name its stamp and key, and per key its outcome, from one earlier check."""

    bestanden: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    uitkomsten: dict[str, Any] = field(default_factory=dict)
    geschreven_ns: int = 0
    #: The portfolio rules' findings, with the key of the files they were computed from.
    portfolio: tuple[str, list[Any]] | None = None

    def sleutel(self, bestand: str, mtime_ns: int, size: int) -> str | None:
        """The key of a file whose stamp is unchanged since the index was written, else None."""
        known = self.bestanden.get(bestand)
        if known is None or known[0] != mtime_ns or known[1] != size:
            return None
        if mtime_ns > self.geschreven_ns - RACY_NS:
            return None
        return known[2]

    def uitkomst(self, key: str) -> FileOutcome | None:
        """The outcome for ``key``, or None when absent or not trustworthy."""
        if key not in self.uitkomsten:
            return None
        try:
            return FileOutcome.from_json(self.uitkomsten[key])
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
            "uitkomsten": self.uitkomsten,
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
    """Check results on disk, one JSON file per (file name, content, settings) key."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def key(self, bestand: str, data: bytes) -> str:
        """The entry's name: a hash of everything the outcome depends on."""
        digest = hashlib.blake2b(digest_size=32)
        for part in (str(_FORMAT), self.fingerprint, bestand):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def portfolio_key(self, keys: list[str]) -> str:
        """The key of a whole check's portfolio: its files' keys, in order."""
        digest = hashlib.blake2b(digest_size=32)
        for part in (str(_FORMAT), self.fingerprint, *keys):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def load_index(self, files: list[str]) -> Index:
        """The index of the last check of exactly these files (empty when there is none).

        Reading one index is much faster than a thousand small files, and its file stamps
        (modification time and size) let unchanged files go unread.
        """
        try:
            with open(self._index_path(files), encoding="utf-8") as handle:
                return Index.from_json(json.load(handle))
        except (OSError, ValueError, TypeError, KeyError):
            return Index()

    def save_index(self, files: list[str], index: Index) -> None:
        """Store the index of this check of these files."""
        self._write(self._index_path(files), json.dumps(index.to_json(), ensure_ascii=False))

    def _index_path(self, files: list[str]) -> Path:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(self.fingerprint.encode("ascii"))
        for name in files:
            digest.update(name.encode("utf-8") + b"\0")
        return self.folder / "index" / f"{digest.hexdigest()}.json"

    def get(self, key: str) -> FileOutcome | None:
        """The cached outcome, or None when there is none or it cannot be trusted."""
        path = self.folder / key[:2] / f"{key}.json"
        try:
            with open(path, encoding="utf-8") as handle:
                return FileOutcome.from_json(json.load(handle))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, outcome: FileOutcome) -> None:
        """Store an outcome; a cache that cannot be written is silently skipped."""
        self._write(
            self.folder / key[:2] / f"{key}.json", json.dumps(outcome.to_json(), ensure_ascii=False)
        )

    def _write(self, path: Path, text: str) -> None:
        try:
            if not self.folder.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                # Marks the folder as a cache for backup tools, and keeps it out of git.
                (self.folder / "CACHEDIR.TAG").write_text(
                    "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# Cache van programmatool; veilig om te verwijderen.\n",
                    encoding="utf-8",
                )
                (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            path.parent.mkdir(exist_ok=True)
            tmp = path.parent / f".{path.name}.{os.getpid()}.tmp"
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            return


def cache_dir() -> Path:
    """Where the cache lives: ``$PROGRAMMATOOL_CACHE_DIR``, else ``.programmatool_cache`` here."""
    return Path(os.environ.get("PROGRAMMATOOL_CACHE_DIR") or CACHE_DIR)


def fingerprint(*parts: object) -> str:
    """A stable hash of the settings an outcome depends on, and of the code that decides it.

    The code is part of the key so that a changed rule never serves an old result, even when
    the version number did not change (as during development).
    """
    digest = hashlib.sha256(json.dumps([repr(p) for p in parts]).encode("utf-8"))
    digest.update(_code_hash().encode("ascii"))
    return digest.hexdigest()


@functools.cache
def _code_hash() -> str:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8"))
        digest.update(source.read_bytes())
    return digest.hexdigest()
