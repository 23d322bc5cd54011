"""Recording into a file whose exact bytes `check` has cached: the file is not validated twice,
and both safety nets still hold (the new data must be the old plus exactly the new entries,
and a new rule error is refused)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from programmatool.editing import record as record_module

from .conftest import FIXTURES
from .test_record_safety import share_realisaties

HANDGESCHREVEN = FIXTURES / "progress" / "handgeschreven.yaml"
ROWS = "contract;indicator;jaar;waarde;bron\nc.yaml;leeg;2020;1,25;Meting\nc.yaml;stroom;2020;90;\n"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(HANDGESCHREVEN, tmp_path / "c.yaml")
    (tmp_path / "m.csv").write_text(ROWS, encoding="utf-8")
    return tmp_path


def _no_full_load(monkeypatch: pytest.MonkeyPatch, parse_old: bool = True) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the old text was read again")

    monkeypatch.setattr(record_module, "load_bytes", refuse)
    if not parse_old:
        # New entries only: check's digest of the old data stands in for parsing it.
        monkeypatch.setattr(record_module, "_with_entries", refuse)


def test_import_into_a_file_check_knows_gives_the_same_bytes_without_validating_it_again(
    cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # Without a cache key nothing is cached: the reference result of the full path.
    shutil.copyfile(in_tmp / "c.yaml", in_tmp / "ref.yaml")
    (in_tmp / "r.csv").write_text(ROWS.replace("c.yaml", "ref.yaml"), encoding="utf-8")
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_KEY", "kort")
    assert cli("import", "r.csv").code == 0
    monkeypatch.delenv("PROGRAMMATOOL_CACHE_KEY")

    assert cli("check", "c.yaml").code == 0
    _no_full_load(monkeypatch, parse_old=False)
    run = cli("import", "m.csv")
    assert (run.code, run.err) == (0, ""), run.err
    assert (in_tmp / "c.yaml").read_bytes() == (in_tmp / "ref.yaml").read_bytes()
    text = (in_tmp / "c.yaml").read_text(encoding="utf-8")
    assert "2020: {waarde: 1.25, bron: Meting}" in text


def test_a_splice_into_a_shared_node_is_still_refused_when_check_knows_the_file(
    cli, in_tmp: Path
) -> None:  # type: ignore[no-untyped-def]
    # 'leeg' shares its realisaties with 'stroom' through a YAML alias; the data of the new
    # text would give 'stroom' the measurement too, so the full check decides, and refuses.
    contract = in_tmp / "c.yaml"
    share_realisaties(contract)
    assert cli("check", "c.yaml").code in (0, 1)
    before = contract.read_bytes()
    run = cli("record", "c.yaml", "leeg", "2020", "1")
    assert run.code == 2, run
    assert run.err == (
        "programmatool: c.yaml: de meting kon niet precies zo worden toegevoegd; niets gewijzigd\n"
    )
    assert contract.read_bytes() == before


def test_a_new_rule_error_is_refused_against_the_errors_check_cached(
    cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    contract = in_tmp / "c.yaml"
    text = contract.read_text(encoding="utf-8")
    text = text.replace(
        "    peilwaarde: 0.5\n    peiljaar: 2018\n",
        "    eenheid: '%'\n    peilwaarde: 0.5\n    peiljaar: 2018\n",
    )
    contract.write_text(text, encoding="utf-8")
    assert cli("check", "c.yaml").code == 0
    _no_full_load(monkeypatch)
    before = contract.read_bytes()
    run = cli("record", "c.yaml", "leeg", "2020", "150")
    assert run.code == 1
    assert run.err == (
        "programmatool: c.yaml: de nieuwe meting geeft een fout: PT305 indicator 'leeg': "
        "realisatie 2020 is 150 %, buiten 0–100 %\n"
    )
    assert contract.read_bytes() == before


def test_a_replacement_in_a_file_check_knows_is_verified_on_the_parsed_old_data(
    cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    assert cli("check", "c.yaml").code == 0
    _no_full_load(monkeypatch)
    run = cli("record", "c.yaml", "stroom", "2021", "82", "--vervang")
    assert (run.code, run.err) == (0, "")
    assert run.out == "c.yaml:43: 2021: 80 → 2021: 82 (indicator stroom)\n"
    text = (in_tmp / "c.yaml").read_text(encoding="utf-8")
    assert "    realisaties: {2019: 95, 2021: 82}\n" in text
    assert text == HANDGESCHREVEN.read_text(encoding="utf-8").replace(
        "{2019: 95, 2021: 80}", "{2019: 95, 2021: 82}"
    )


def test_an_edit_after_check_is_not_taken_for_the_cached_file(
    cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # Other bytes than check saw: nothing cached applies, the file is loaded in full.
    assert cli("check", "c.yaml").code == 0
    contract = in_tmp / "c.yaml"
    contract.write_text(
        contract.read_text(encoding="utf-8").replace("2021: 80}", "2021: 81}"), encoding="utf-8"
    )
    loads: list[str] = []
    full = record_module.load_bytes

    def counted(raw: bytes, name: str, *args: object) -> object:
        loads.append(name)
        return full(raw, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(record_module, "load_bytes", counted)
    run = cli("record", "c.yaml", "leeg", "2020", "1")
    assert (run.code, run.err) == (0, "")
    assert loads == ["c.yaml"]
