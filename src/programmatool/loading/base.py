"""What the loader's parts share: positions in a document, the reading limits and the
problem type a YAML reader raises."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

PathKey = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass(frozen=True)
class Limits:
    """Protections against hostile input; each can be raised for exceptional files."""

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 100
    max_nodes: int = 500_000
    #: Commits of one file searched for its adopted version (the programme card).
    max_versions: int = 300
    #: Bytes of old versions read from git for one file, all versions together.
    max_history_bytes: int = 64 * 1024 * 1024


DEFAULT_LIMITS = Limits()


@dataclass
class SourceMap:
    """Where each node of the document stands: path in the document → (line, column), 1-based."""

    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)

    def locate(self, path: Iterable[str | int]) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor that exists."""
        key = tuple(path)
        while key:
            if key in self.values:
                return self.values[key]
            key = key[:-1]
        return self.values.get((), (1, 1))

    def locate_key(self, path: Iterable[str | int]) -> Position:
        """Position of the key that holds ``path``; falls back to the value's position."""
        key = tuple(path)
        if key in self.keys:
            return self.keys[key]
        return self.locate(key)


class YamlProblem(Exception):
    """A problem in a document's YAML: its code (PT0xx), Dutch message and position."""

    def __init__(self, code: str, message: str, position: Position) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position
