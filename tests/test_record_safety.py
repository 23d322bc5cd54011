"""`record`'s two safety nets: the new text must reload to exactly the expected contract, and a
measurement that would add a rule error is refused. Each test fails when its net is removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import FIXTURES

HANDGESCHREVEN = FIXTURES / "progress" / "handgeschreven.yaml"


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    target = tmp_path / "contract.yaml"
    shutil.copyfile(HANDGESCHREVEN, target)
    return target


def share_realisaties(contract: Path) -> None:
    """Give 'leeg' the realisaties of 'stroom' through a YAML alias (``&r`` … ``*r``)."""
    text = contract.read_text(encoding="utf-8")
    text = text.replace(
        "    realisaties: {2019: 95, 2021: 80}\n", "    realisaties: &r {2019: 95}\n"
    )
    text = text.replace(
        "    streefwaarden:\n        2022: 1.5\n",
        "    streefwaarden:\n        2022: 1.5\n    realisaties: *r\n",
    )
    contract.write_text(text, encoding="utf-8")


def test_a_splice_that_would_also_change_another_indicator_is_refused(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    # 'leeg' shares its realisaties with 'stroom' through a YAML alias: text spliced into the
    # shared node would give 'stroom' the new measurement too. The reload check notices.
    share_realisaties(contract)
    before = contract.read_bytes()
    run = cli("record", contract, "leeg", "2020", "1")
    assert run.code == 2, run
    assert "de meting kon niet precies zo worden toegevoegd; niets gewijzigd" in run.err
    assert contract.read_bytes() == before


def test_a_measurement_that_adds_a_rule_error_is_refused(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    # A percentage of 150 loads fine but breaks PT305 (percentage outside 0-100).
    text = contract.read_text(encoding="utf-8")
    text = text.replace(
        "    peilwaarde: 0.5\n    peiljaar: 2018\n",
        "    eenheid: '%'\n    peilwaarde: 0.5\n    peiljaar: 2018\n",
    )
    contract.write_text(text, encoding="utf-8")
    before = contract.read_bytes()
    run = cli("record", contract, "leeg", "2020", "150")
    assert run.code == 1
    assert "de nieuwe meting geeft een fout: PT305" in run.err
    assert contract.read_bytes() == before
    assert cli("record", contract, "leeg", "2020", "15").code == 0  # within 0-100 it is fine


def test_an_existing_rule_error_does_not_block_a_measurement(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    # Only errors the new measurement brings are refused; one already there is not its fault.
    text = contract.read_text(encoding="utf-8")
    text = text.replace("    doelen: [a, b]\n", "    doelen: [a, b, zz]\n")  # PT101
    contract.write_text(text, encoding="utf-8")
    assert cli("check", contract).code == 1
    assert cli("record", contract, "leeg", "2020", "1").code == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9" * 5000, "getal 99999999999999999999999999999… (5000 tekens) is te groot"),
        ("1000000000000001", "getal 1000000000000001 is te groot (maximaal 10^15)"),
        ("0," + "0" * 400 + "1", "heeft te veel decimalen (hoogstens 9)"),
        ("١٢", "verwacht een getal"),  # digits of another script are not read as 12
    ],
)
def test_absurd_values_are_refused_with_a_dutch_message(
    cli, contract: Path, value: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    before = contract.read_bytes()
    run = cli("record", contract, "leeg", "2020", value)
    assert run.code == 2
    assert message in run.err
    assert "interne fout" not in run.err
    assert contract.read_bytes() == before


def test_the_largest_allowed_value_is_recorded(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("record", contract, "leeg", "2020", "1000000000000000").code == 0
    assert "        2020: 1000000000000000\n" in contract.read_text(encoding="utf-8")
