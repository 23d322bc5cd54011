"""Helpers for the rule tests: variants of one consistent contract, checked as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from programmatool import Finding, check

BASIS = Path(__file__).resolve().parent / "fixtures" / "rules" / "basis.yaml"
ROOT_PROGRAMMAS = Path(__file__).resolve().parent.parent / "programmas"
VANDAAG = dt.date(2021, 6, 1)


def basis_text() -> str:
    """The text of the consistent base contract."""
    return BASIS.read_text(encoding="utf-8")


def variant(tmp_path: Path, old: str, new: str, name: str = "contract.yaml") -> Path:
    """Write the base contract with ``old`` (which must occur once) replaced by ``new``."""
    text = basis_text()
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the base contract"
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def findings(*paths: Path, code: str | None = None) -> list[Finding]:
    """Findings of one check over ``paths`` (only ``code`` when given)."""
    result = check(list(paths), today=VANDAAG)
    loaded = [r for r in result.results if r.contract is None]
    assert not loaded, [f.as_text() for r in loaded for f in r.findings]
    return [f for f in result.findings if code is None or f.code == code]


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """Line number (1-based) of the ``nth`` line of ``path`` that contains ``needle``."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_base_contract_has_no_findings() -> None:
    assert findings(BASIS) == []
