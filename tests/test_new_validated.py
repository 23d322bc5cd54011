"""`new` validates the contract it would write before it says "geschreven"."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("naam", ["Schone\x01Stad", "Schone\u2028Stad", "Schone\x85Stad"])
def test_new_refuses_a_name_that_makes_an_invalid_contract(cli, tmp_path: Path, naam: str) -> None:  # type: ignore[no-untyped-def]
    doel = tmp_path / "c.yaml"
    run = cli(
        "new",
        doel,
        "--programma",
        naam,
        "--gemeente",
        "Stad",
        "--periode",
        "2024-2027",
        "--code",
        "schoon",
    )
    if run.code == 0:
        # Written: then check must accept it.
        assert cli("check", doel).code == 0
        return
    assert run.code == 2
    assert "geen geldig contract" in run.err and "er is niets geschreven" in run.err
    assert "geschreven:" not in run.out
    assert not doel.exists()
