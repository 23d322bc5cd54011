"""From a file to a Contract, keeping the line and column of every node.

``events`` reads the YAML event by event into plain data with positions, ``messages`` turns
syntax and validation errors into Dutch sentences. Every problem becomes a Finding with a
Dutch message and a position; the loader never raises for bad input.
"""

from __future__ import annotations

import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.loading.base import (
    DEFAULT_LIMITS,
    Limits,
    PathKey,
    Position,
    SourceMap,
    YamlProblem,
)
from programmatool.model.findings import Finding

if TYPE_CHECKING:
    from programmatool.loading.events import decode, parse_yaml
    from programmatool.loading.messages import validation_findings
    from programmatool.model.contract import Contract

# Pydantic, the model and ruamel.yaml load on first use: a warm ``check`` needs none of them.
_LAZY = {"decode": "events", "parse_yaml": "events", "validation_findings": "messages"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{module}", __name__), name)


@dataclass
class LoadResult:
    """The outcome of loading one file: the contract if it is valid, and every finding."""

    path: str
    contract: Contract | None
    findings: list[Finding]
    source_map: SourceMap
    data: Any = None

    @property
    def ok(self) -> bool:
        """True when the file loaded without errors."""
        return self.contract is not None


# --- public entry points ----------------------------------------------------------------------


def load_contract(
    path: str | Path, name: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> LoadResult:
    """Load and validate one contract file (``name`` is how findings show it; default the
    path); never raises for bad content."""
    name = name if name is not None else Path(path).as_posix()
    raw = read_contract_bytes(path, name, limits)
    if isinstance(raw, LoadResult):
        return raw
    return load_bytes(raw, name, limits)


def read_contract_bytes(path: str | Path, name: str, limits: Limits) -> bytes | LoadResult:
    """The bytes of a contract file, or a failed LoadResult saying why it cannot be read."""
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO or a device could block forever; only plain files are read.
            return _failed(
                name, "PT009", "is geen gewoon bestand (maar een map, pijp of apparaat)", (1, 1)
            )
        if info.st_size > limits.max_bytes:
            return _failed(
                name,
                "PT008",
                f"bestand is te groot ({info.st_size} bytes; maximaal {limits.max_bytes} bytes)",
                (1, 1),
            )
        with open(path, "rb") as handle:
            # A limit from the Python API may exceed any read size; the stat above bounds it.
            return handle.read(min(limits.max_bytes, sys.maxsize - 1) + 1)
    except OSError as exc:
        from programmatool.text.oserrors import reason

        return _failed(name, "PT009", f"bestand kan niet gelezen worden: {reason(exc)}", (1, 1))


def load_bytes(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    """Load a contract from bytes (UTF-8, optionally with a byte-order mark)."""
    if len(raw) > limits.max_bytes:
        return _failed(
            name,
            "PT008",
            f"bestand is te groot (meer dan {limits.max_bytes} bytes)",
            (1, 1),
        )
    from programmatool.loading.events import decode

    try:
        text = decode(raw)
    except YamlProblem as problem:
        return _failed(name, problem.code, problem.message, problem.position)
    return load_text(text, name, limits)


def load_text(text: str, name: str, limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    """Load a contract from YAML text."""
    from pydantic import ValidationError

    from programmatool.loading.events import parse_yaml
    from programmatool.loading.messages import validation_findings
    from programmatool.model.contract import Contract

    source_map = SourceMap()
    problems: list[YamlProblem] = []
    try:
        data = parse_yaml(text, source_map, limits, problems)
    except YamlProblem as problem:
        problems.append(problem)
        return LoadResult(name, None, _problem_findings(name, problems), source_map)
    findings = _problem_findings(name, problems)
    if not isinstance(data, dict):
        kind = "een lijst" if isinstance(data, list) else "een losse waarde"
        findings.append(
            Finding(
                name,
                *source_map.locate(()),
                "PT005",
                "fout",
                f"een programmacontract moet een mapping (sleutel: waarde) zijn, gevonden {kind}",
            )
        )
        return LoadResult(name, None, findings, source_map, data)
    try:
        contract = Contract.model_validate(data)
    except ValidationError as exc:
        findings.extend(validation_findings(exc, name, source_map))
        return LoadResult(name, None, findings, source_map, data)
    if findings:
        return LoadResult(name, None, findings, source_map, data)
    return LoadResult(name, contract, findings, source_map, data)


def _problem_findings(name: str, problems: list[YamlProblem]) -> list[Finding]:
    return [
        Finding(name, p.position[0], p.position[1], p.code, "fout", p.message) for p in problems
    ]


def _failed(
    name: str,
    code: str,
    message: str,
    position: Position,
    source_map: SourceMap | None = None,
) -> LoadResult:
    finding = Finding(name, position[0], position[1], code, "fout", message)
    return LoadResult(name, None, [finding], source_map or SourceMap())


__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "LoadResult",
    "PathKey",
    "Position",
    "SourceMap",
    "YamlProblem",
    "decode",
    "load_bytes",
    "load_contract",
    "load_text",
    "parse_yaml",
    "read_contract_bytes",
    "validation_findings",
]
