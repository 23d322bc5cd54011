"""What the format already holds can be recorded (issue 23): an approximate figure (`--ca`, the
sheet's column `benadering`), a note for a year without a measurement, a provisional figure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import FIXTURES

HANDGESCHREVEN = FIXTURES / "progress" / "handgeschreven.yaml"


@pytest.fixture
def contract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "handwerk.yaml"
    shutil.copyfile(HANDGESCHREVEN, target)
    return target


def added(contract: Path) -> list[str]:
    """The lines of the file that the original does not have."""
    old = HANDGESCHREVEN.read_text(encoding="utf-8").splitlines()
    return [line for line in contract.read_text(encoding="utf-8").splitlines() if line not in old]


def test_record_ca_marks_an_approximate_figure(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("record", "handwerk.yaml", "blok", "2020", "8.000", "--ca", "--voorlopig")
    assert run.code == 0, run.err
    assert run.out.strip() == (
        "handwerk.yaml:32: 2020: {waarde: 8000, benadering: true, voorlopig: true} "
        "(indicator blok; 8.000 gelezen als 8000)"
    )
    assert added(contract) == ["        2020: {waarde: 8000, benadering: true, voorlopig: true}"]


def test_ca_in_the_figure_itself_is_not_read_as_a_thousands_point(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("record", "handwerk.yaml", "leeg", "2021", "ca. 1,2")
    assert (
        run.out.strip()
        == "handwerk.yaml:52: 2021: {waarde: 1.2, benadering: true} (indicator leeg)"
    )


def test_only_a_figure_can_be_approximate(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    before = contract.read_bytes()
    run = cli("record", "handwerk.yaml", "mijlpaal", "2021", "ja", "--ca")
    assert run.code == 2
    assert run.err.strip() == (
        "programmatool: handwerk.yaml: indicator mijlpaal: alleen een getal kan een "
        "benadering (ca.) zijn"
    )
    assert contract.read_bytes() == before


def test_a_note_without_a_measurement(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("record", "handwerk.yaml", "stroom", "2020", "-", "--toelichting", "Niet gemeten")
    assert run.code == 0, run.err
    assert added(contract) == [
        "    realisaties: {2019: 95, 2020: {toelichting: Niet gemeten}, 2021: 80}"
    ]
    before = contract.read_bytes()
    run = cli("record", "handwerk.yaml", "leeg", "2020", "")
    assert run.code == 2
    assert run.err.strip() == (
        "programmatool: handwerk.yaml: indicator leeg: geef een waarde, of met --toelichting "
        "alleen een toelichting voor een jaar zonder meting"
    )
    assert contract.read_bytes() == before


def test_import_benadering_column_and_note_only_rows(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    Path("metingen.csv").write_text(
        "contract;indicator;jaar;waarde;toelichting;benadering;voorlopig\n"
        "handwerk.yaml;blok;2020;bijna 11;;;\n"
        "handwerk.yaml;leeg;2020;0,7;;ca.;ja\n"
        "handwerk.yaml;stroom;2020;;Niet gemeten;;\n"
        "handwerk.yaml;mijlpaal;2021;15-3-2021;;nee;\n",
        encoding="utf-8",
    )
    run = cli("import", "metingen.csv")
    assert run.code == 0, run.err
    assert added(contract) == [
        "        2020: {waarde: 11, benadering: true}",
        "    realisaties: {2019: 95, 2020: {toelichting: Niet gemeten}, 2021: 80}",
        "        2020: {waarde: 0.7, benadering: true, voorlopig: true}",
        "        2021: {datum: 2021-03-15}",
    ]  # (the new 'realisaties:' keys are left out: the original has that line already)
    Path("fout.csv").write_text(
        "contract;indicator;jaar;waarde;benadering\nhandwerk.yaml;blok;2022;5;misschien\n",
        encoding="utf-8",
    )
    run = cli("import", "fout.csv")
    assert run.code == 2
    assert run.err.splitlines() == [
        "fout.csv:2: benadering moet ja of nee zijn, gevonden 'misschien'",
        "programmatool: fout.csv: niets vastgelegd",
    ]
