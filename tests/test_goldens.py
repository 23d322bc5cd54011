"""The documents for fixed contracts are exactly the committed golden files.

A test run never writes a golden file, so a wrong document can never be blessed by the run that
produced it: update them with ``make goldens`` and read the diff (see tests/goldens.py).
"""

from __future__ import annotations

import difflib
import functools
import os

import pytest

from . import goldens


@functools.cache
def _now() -> dict[str, str]:
    return goldens.documents()


STORED = goldens.stored()


def test_a_test_run_does_not_update_goldens() -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        pytest.fail("goldens worden niet door een testrun bijgewerkt; gebruik 'make goldens'")


def test_every_kind_of_document_has_goldens() -> None:
    names = set(_now())
    assert names == set(STORED), (
        f"written but no golden: {sorted(names - set(STORED))}; "
        f"golden but not written: {sorted(set(STORED) - names)} (make goldens)"
    )
    kinds = {(n.split("/")[0], n.rsplit(".", 1)[1], n.endswith("index.html")) for n in names}
    for kind in ("contract", f"verantwoording-{goldens.JAAR}"):
        assert {(kind, "md", False), (kind, "html", False), (kind, "html", True)} <= kinds


@pytest.mark.parametrize("name", sorted(STORED))
def test_document_matches_its_golden(name: str) -> None:
    now = _now().get(name)
    assert now is not None, f"{name} is no longer written (make goldens)"
    if now != STORED[name]:
        diff = difflib.unified_diff(
            STORED[name].splitlines(), now.splitlines(), "golden", "nu", lineterm="", n=2
        )
        pytest.fail(
            f"{name} differs from its golden (make goldens):\n" + "\n".join(list(diff)[:60])
        )
