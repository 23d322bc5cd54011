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
_FORMAT = 1


@dataclass
class FileOutcome:
    """What checking one file produced, in a form that can be cached and sent between processes.

    ``samenvatting`` holds the fields that portfolio rules read (see
    ``rules.PORTFOLIO_VELDEN``) and the positions of their nodes; it is None when the file did not
    load as a contract.
    """

    findings: list[Finding]
    samenvatting: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "findings": [
                [f.bestand, f.regel, f.kolom, f.code, f.niveau, f.bericht] for f in self.findings
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
            bestand, regel, kolom, code, niveau, bericht = row
            if niveau not in ("fout", "waarschuwing") or not all(
                isinstance(v, str) for v in (bestand, code, bericht)
            ):
                raise ValueError("bad finding")
            if not (isinstance(regel, int) and isinstance(kolom, int)):
                raise ValueError("bad position")
            findings.append(Finding(bestand, regel, kolom, code, niveau, bericht))
        summary = data["samenvatting"]
        if summary is not None and not isinstance(summary, dict):
            raise ValueError("bad summary")
        return cls(findings, summary)


class ResultCache:
    """Check results on disk, one JSON file per (file name, content, settings) key."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def key(self, bestand: str, data: bytes) -> str:
        """The entry's name: a hash of everything the outcome depends on."""
        digest = hashlib.sha256()
        for part in (str(_FORMAT), self.fingerprint, bestand):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

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
        folder = self.folder / key[:2]
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
            folder.mkdir(exist_ok=True)
            tmp = folder / f".{key}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps(outcome.to_json(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, folder / f"{key}.json")
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
