"""What a render keeps of each programme for the portfolio page (``portfolio_part``) makes the
same page as the whole contract, for every real contract and example, and survives the render
cache's JSON unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from programmatool.loading import DEFAULT_LIMITS, load_bytes
from programmatool.model.contract import Contract
from programmatool.rendering.views import build_document, build_portfolio, portfolio_part
from programmatool.rendering.views.portfolio import DocumentSamenvatting

from .conftest import FIXTURES, PROGRAMMAS, ROOT

SOURCES = sorted(PROGRAMMAS.glob("*.yaml")) + sorted((ROOT / "voorbeelden").glob("*.yaml"))


def _contracts(paths: list[Path]) -> list[tuple[Contract, str]]:
    loaded = []
    for path in paths:
        contract = load_bytes(path.read_bytes(), path.as_posix(), DEFAULT_LIMITS).contract
        assert contract is not None, path
        loaded.append((contract, path.as_posix()))
    return loaded


def _page(contracts: list[tuple[Contract, str]], keep: bool) -> object:
    namen = {c.code: c.programma for c, _ in contracts}
    documents = []
    for contract, name in contracts:
        doc = build_document(contract, name, "html", None, namen, portfolio=True)
        documents.append(
            DocumentSamenvatting(
                contract if keep else portfolio_part(contract),
                doc.bestandsnaam,
                doc.periode,
                doc.statussen,
                doc.status_programma,
                doc.status_uitleg,
            )
        )
    return build_portfolio(documents)


def test_the_portfolio_page_of_the_parts_is_that_of_the_whole_contracts() -> None:
    contracts = _contracts([*SOURCES, FIXTURES / "render" / "rijk.yaml"])
    assert len(contracts) >= 14
    assert _page(contracts, keep=False) == _page(contracts, keep=True)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_a_part_keeps_names_and_money_and_drops_goals_and_texts(path: Path) -> None:
    ((contract, _name),) = _contracts([path])
    part = portfolio_part(contract)
    assert (part.code, part.programma, part.gemeente, part.status) == (
        contract.code,
        contract.programma,
        contract.gemeente,
        contract.status,
    )
    assert part.middelen == contract.middelen
    assert part.relaties == contract.relaties
    assert part.strategische_doelen == []
    assert part.indicatoren == []
    assert part.verantwoording == {}
    # The render cache keeps it as JSON and reads it back as the same part.
    assert Contract.model_validate_json(part.model_dump_json(), strict=False) == part
    assert len(part.model_dump_json()) <= len(contract.model_dump_json())
