"""Findings: what loading and the rules report about a contract file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from programmatool.text.terminal import neutralise

#: A finding's level, in the words users see and configure ("fout", "waarschuwing", "info").
#: An ``info`` finding tells something worth knowing (a rounding difference) and never makes a
#: check fail, not even with ``--strict``.
Severity = Literal["fout", "waarschuwing", "info"]

#: Every level, in the order the configuration and reports name them.
SEVERITIES: tuple[Severity, ...] = ("fout", "waarschuwing", "info")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, located at ``path:line:column`` (1-based; 0 when no position is known)."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str

    def location(self) -> str:
        """``file:line:col`` as editors and CI systems read it (control characters in the
        file name shown as escapes)."""
        return f"{neutralise(self.path)}:{self.line}:{self.column}"

    def as_text(self) -> str:
        """The one-line text form: ``file:line:col: niveau CODE bericht``, safe to print:
        control characters and line breaks from the contract are shown as escapes."""
        return f"{self.location()}: {self.severity} {self.code} {neutralise(self.message)}"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in a stable order: by file, position, code and message."""
    # A tuple key sorts much faster than the dataclass's generated comparisons.
    return sorted(
        set(findings), key=lambda f: (f.path, f.line, f.column, f.code, f.severity, f.message)
    )
