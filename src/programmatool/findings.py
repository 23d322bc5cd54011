"""Findings: what loading and the rules report about a contract file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .terminal import neutralise

Niveau = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, located at ``bestand:regel:kolom`` (1-based; 0 when no position is known)."""

    bestand: str
    regel: int
    kolom: int
    code: str
    niveau: Niveau
    bericht: str

    def locatie(self) -> str:
        """``file:line:col`` as editors and CI systems read it (control characters in the
        file name shown as escapes)."""
        return f"{neutralise(self.bestand)}:{self.regel}:{self.kolom}"

    def als_tekst(self) -> str:
        """The one-line text form: ``file:line:col: niveau CODE bericht``, safe to print:
        control characters and line breaks from the contract are shown as escapes."""
        return f"{self.locatie()}: {self.niveau} {self.code} {neutralise(self.bericht)}"


def sorteer(findings: list[Finding]) -> list[Finding]:
    """Findings in a stable order: by file, position, code and message."""
    # A tuple key sorts much faster than the dataclass's generated comparisons.
    return sorted(
        set(findings), key=lambda f: (f.bestand, f.regel, f.kolom, f.code, f.niveau, f.bericht)
    )
