"""The library facade: the command line's verbs, usable from Python."""

from __future__ import annotations

from pathlib import Path

from .conftest import MINIMAAL


def test_facade_verbs(tmp_path: Path) -> None:
    from programmatool import check, contract_progress, load_contract, render, render_contract

    loaded = load_contract(MINIMAAL)
    assert loaded.contract is not None
    assert check([MINIMAAL]).errors == 0
    voortgang = contract_progress(loaded.contract, 2020)
    assert voortgang.status == "kleine achterstand"
    assert render([MINIMAAL], "md", tmp_path).written == [tmp_path / "schone-stad.md"]
    assert render_contract(loaded.contract, "x.yaml", "md").startswith("# Programmacontract")
