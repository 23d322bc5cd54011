"""The view that `import` checks rows against (kept by `check` in its cache) refuses exactly
what the loaded contract refuses, makes only the indicators a row names, and a view that is
not what `check` writes is never trusted: the file is loaded instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from programmatool.editing import record as record_module
from programmatool.editing.record import Measurement, check_measurements, plan
from programmatool.loading import load_bytes
from programmatool.model.contract import Contract
from programmatool.pipeline.recording import (
    SUMMARY_KEY,
    BrokenView,
    ContractView,
    KnownFile,
    PortfolioView,
    contract_from_summary,
    recording_summary,
)
from programmatool.pipeline.recording_data import pack_view, unpack_view
from programmatool.pipeline.run import read_settings

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = sorted((ROOT / "programmas").glob("*.yaml"))


def _contract(path: Path) -> Contract:
    loaded = load_bytes(path.read_bytes(), path.name)
    assert loaded.contract is not None
    return loaded.contract


def _view(contract: Contract) -> ContractView:
    packed = pack_view(recording_summary(contract))
    return contract_from_summary(unpack_view({SUMMARY_KEY: packed}))


def _free_year(indicator: Any) -> int:
    """A year inside the programme's period without a measurement of ``indicator``."""
    return next(y for y in range(2019, 2023) if y not in indicator.realisaties)


def _requests(contract: Contract) -> list[Measurement]:
    """Per indicator a good and some bad rows: a new year, a year it has, one far outside its
    years, a value its meetsoort cannot read, the same year twice; and an unknown indicator."""
    rows: list[Measurement] = []
    for n, ind in enumerate(contract.indicatoren):
        taken = sorted(ind.realisaties)
        free = next(y for y in range(2019, 2100) if y not in ind.realisaties)
        value = {"schaal": ind.schaal[0] if ind.schaal else "goed", "mijlpaal": "ja"}.get(
            ind.meetsoort, "1.234,5"
        )
        rows += [
            Measurement(ind.id, str(free), value, origin=f"m.csv:{n}a"),
            Measurement(ind.id, str(free), value, origin=f"m.csv:{n}b"),
            Measurement(ind.id, "1901", value, origin=f"m.csv:{n}c"),
            Measurement(ind.id, str(free + 1), "veel", origin=f"m.csv:{n}d"),
        ]
        if taken:
            rows.append(Measurement(ind.id, str(taken[0]), value, origin=f"m.csv:{n}e"))
    rows.append(Measurement("bestaat-niet", "2020", "1", origin="m.csv:99"))
    return rows


@pytest.mark.parametrize("path", CONTRACTS, ids=lambda p: p.stem)
def test_the_cached_view_refuses_exactly_what_the_contract_refuses(path: Path) -> None:
    contract = _contract(path)
    rows = _requests(contract)
    by_model = check_measurements(contract, path.name, rows, False, planning=False)[1]
    by_view = check_measurements(_view(contract), path.name, rows, False, planning=False)[1]
    assert by_view == by_model
    # Every indicator refused its repeated year and its year outside, and the unknown one:
    # the comparison above compares real refusals, not two empty lists.
    assert len(by_model) >= 3 * len(contract.indicatoren) + 1
    assert by_model[-1].startswith(f"m.csv:99: {path.name}: onbekende indicator 'bestaat-niet'")


def test_a_view_makes_only_the_indicators_a_row_names() -> None:
    contract = _contract(ROOT / "programmas" / "binnenstad.yaml")
    packed = pack_view(recording_summary(contract))
    data = unpack_view({SUMMARY_KEY: packed})
    first, second = data["indicatoren"][0], data["indicatoren"][1]
    del second["meetsoort"]  # broken, but no row names it
    view = contract_from_summary(data)
    year = _free_year(contract.indicatoren[0])
    rows = [Measurement(first["id"], str(year), "7", origin="m.csv:2")]
    assert check_measurements(view, "b.yaml", rows, False, planning=False)[1] == []
    with pytest.raises(BrokenView):
        view.indicator(second["id"])


def test_an_unreadable_kept_view_is_not_a_contract() -> None:
    view = PortfolioView(loaded={"a.yaml": ("BI", "{niet json"), "b.yaml": ("BI", "[]")})
    assert view.codes() == {"BI": ["a.yaml", "b.yaml"]}
    assert view.contract("a.yaml") is None
    assert view.contract("b.yaml") is None
    assert view.contract("c.yaml") is None


def test_a_broken_kept_view_makes_the_writer_load_the_file_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = ROOT / "programmas" / "binnenstad.yaml"
    raw = path.read_bytes()
    contract = _contract(path)
    ident = contract.indicatoren[0].id
    year = _free_year(contract.indicatoren[0])
    rows = [Measurement(ident, str(year), "7", bron="Monitor")]
    settings = read_settings(None)
    monkeypatch.setattr(record_module, "known_file", lambda *_a: None)
    expected = plan("binnenstad.yaml", raw, rows, settings=settings)

    data = unpack_view({SUMMARY_KEY: pack_view(recording_summary(contract))})
    for item in data["indicatoren"]:
        item["schaal"] = 5  # not a list: not what check writes
    broken = KnownFile(contract_from_summary(data), frozenset())
    monkeypatch.setattr(record_module, "known_file", lambda *_a: broken)
    assert plan("binnenstad.yaml", raw, rows, settings=settings) == expected
    new_lines = expected[0].decode("utf-8").splitlines()
    old_lines = raw.decode("utf-8").splitlines()
    assert new_lines[:622] == old_lines[:622]
    assert new_lines[622:624] == ["    realisaties:", "      2019: {waarde: 7, bron: Monitor}"]
    assert new_lines[624:] == old_lines[622:]
    assert [(c.indicator, c.jaar, c.regel) for c in expected[1]] == [
        ("bezoekers-per-week", 2019, 624)
    ]
