"""`programmatool record`: one measurement added, every other byte of the file unchanged."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from programmatool.loading import load_contract

from .conftest import FIXTURES

HANDGESCHREVEN = FIXTURES / "progress" / "handgeschreven.yaml"


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    target = tmp_path / "contract.yaml"
    shutil.copyfile(HANDGESCHREVEN, target)
    return target


def changes(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) between two versions of a file."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    removed, added = [], []
    for line in difflib.ndiff(old, new):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def realisatie(path: Path, indicator: str, jaar: int):  # type: ignore[no-untyped-def]
    result = load_contract(path)
    assert result.contract is not None, [f.as_text() for f in result.findings]
    ind = next(i for i in result.contract.indicatoren if i.id == indicator)
    return ind.realisaties[jaar]


def test_block_mapping_gets_exactly_one_line_in_year_order(cli, contract: Path) -> None:
    before = contract.read_bytes()
    run = cli("record", contract, "blok", "2020", "11")
    assert run.code == 0, run.err
    after = contract.read_bytes()
    removed, added = changes(before, after)
    assert removed == []
    assert added == ["        2020: 11\n"]
    lines = after.decode().splitlines()
    # between 2019 (with its comment) and 2021
    index = lines.index("        2020: 11")
    assert lines[index - 1].startswith("        2019: 9          # voorlopig cijfer")
    assert lines[index + 1] == "        2021:"
    assert realisatie(contract, "blok", 2020).waarde == 11
    assert f"{contract.as_posix()}:{index + 1}: 2020: 11" in run.out


def test_after_a_nested_block_entry_with_source(cli, contract: Path) -> None:
    before = contract.read_bytes()
    run = cli("record", contract, "blok", "2022", "19,5", "--bron", "Monitor: 2022 #1")
    assert run.code == 0, run.err
    removed, added = changes(before, contract.read_bytes())
    assert removed == []
    assert added == ['        2022: {waarde: 19.5, bron: "Monitor: 2022 #1"}\n']
    r = realisatie(contract, "blok", 2022)
    assert (r.waarde, r.bron) == (19.5, "Monitor: 2022 #1")
    # the entry before it, a nested block mapping, is untouched
    assert realisatie(contract, "blok", 2021).bron == "Monitor 2021"


def test_flow_mapping_changes_only_its_own_line(cli, contract: Path) -> None:
    before = contract.read_bytes()
    assert cli("record", contract, "stroom", "2020", "88").code == 0
    removed, added = changes(before, contract.read_bytes())
    assert removed == ["    realisaties: {2019: 95, 2021: 80}\n"]
    assert added == ["    realisaties: {2019: 95, 2020: 88, 2021: 80}\n"]


def test_flow_mapping_append_at_the_end(cli, contract: Path) -> None:
    assert cli("record", contract, "stroom", "2022", "61,5").code == 0
    assert "    realisaties: {2019: 95, 2021: 80, 2022: 61.5}\n" in contract.read_text()


def test_indicator_without_realisaties_gets_the_key_after_its_targets(cli, contract: Path) -> None:
    before = contract.read_bytes()
    run = cli("record", contract, "leeg", "2020", "0,8", "--toelichting", "Eerste meting")
    assert run.code == 0, run.err
    removed, added = changes(before, contract.read_bytes())
    assert removed == []
    # the file's own indentation step (four spaces) is used for the new mapping
    assert added == [
        "    realisaties:\n",
        "        2020: {waarde: 0.8, toelichting: Eerste meting}\n",
    ]
    text = contract.read_text()
    new = text.index("    realisaties:\n        2020: {waarde: 0.8")
    assert text.index("        2022: 1.5\n") < new < text.index("    toelichting: |\n        Een")


def test_scale_word_is_stored_with_the_scales_spelling(cli, contract: Path) -> None:
    assert cli("record", contract, "schaal", "2020", "GOED").code == 0
    assert "    realisaties: {2020: goed}\n" in contract.read_text()
    assert realisatie(contract, "schaal", 2020).waarde == "goed"


def test_milestone_date(cli, contract: Path) -> None:
    assert cli("record", contract, "mijlpaal", "2021", "2021-11-02").code == 0
    assert realisatie(contract, "mijlpaal", 2021).datum.isoformat() == "2021-11-02"


def test_crlf_and_byte_order_mark_are_kept(cli, tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    original = b"\xef\xbb\xbf" + HANDGESCHREVEN.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    assert cli("record", path, "blok", "2020", "11").code == 0
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert after.replace(b"        2020: 11\r\n", b"", 1) == original


def test_file_without_final_newline(cli, tmp_path: Path) -> None:
    path = tmp_path / "kaal.yaml"
    text = HANDGESCHREVEN.read_text().replace(
        "    meetsoort: mijlpaal\n    streefdatum: 2021-12-31\n",
        "    meetsoort: mijlpaal\n    streefdatum: 2021-12-31",
    )
    assert not text.endswith("\n")
    path.write_text(text)
    assert cli("record", path, "mijlpaal", "2021", "ja").code == 0
    assert path.read_text() == text + "\n    realisaties:\n        2021: {behaald: true}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("blokk", "2020", "11"), "onbekende indicator 'blokk'; bedoelde u 'blok'?"),
        (("onzin", "2020", "11"), "onbekende indicator 'onzin' (bekend: blok, stroom,"),
        (("blok", "2030", "11"), "jaar 2030 valt buiten de jaren van indicator blok (2018–2025)"),
        (("blok", "1990", "11"), "valt buiten de jaren"),
        (
            ("blok", "twintig", "11"),
            "jaar moet een jaartal zijn (1900–2200), een kwartaal (2020-Q4) of een maand "
            "(2020-11), gevonden 'twintig'",
        ),
        (
            ("blok", "2019", "10"),
            "heeft al een realisatie voor 2019 (2019: 9); vervang die met --vervang",
        ),
        (("blok", "2020", "elf"), "verwacht een getal (bijvoorbeeld 12 of 12,5), gevonden 'elf'"),
        (("blok", "2020", "1,234.5"), "staat in Engelse schrijfwijze"),
        (("blok", "2020", "n.t.b."), "verwacht een getal"),
        (("schaal", "2020", "prima"), "staat niet op de schaal van indicator schaal; kies uit"),
        (("mijlpaal", "2021", "2021-13-01"), "is een mijlpaal"),
        (("blok", "2020", "11", "--bron", "  "), "--bron mag niet leeg zijn"),
    ],
)
def test_refused_requests_leave_the_file_byte_identical(
    cli, contract: Path, args: tuple[str, ...], message: str
) -> None:
    before = contract.read_bytes()
    run = cli("record", contract, *args)
    assert run.code == 2
    assert message in run.err
    assert run.err.startswith("programmatool: ")
    assert contract.read_bytes() == before
    assert run.out == ""


def test_invalid_contract_is_refused_with_its_errors(cli, tmp_path: Path) -> None:
    path = tmp_path / "fout.yaml"
    path.write_text(HANDGESCHREVEN.read_text().replace("status: vastgesteld", "status: klaar"))
    before = path.read_bytes()
    run = cli("record", path, "blok", "2020", "11")
    assert run.code == 1
    assert f"{path.as_posix()}:5:9: fout PT013" in run.err
    assert "bevat fouten; herstel die eerst" in run.err
    assert path.read_bytes() == before


def test_missing_file_and_folder(cli, tmp_path: Path) -> None:
    run = cli("record", tmp_path / "niet.yaml", "blok", "2020", "11")
    assert run.code == 2
    assert "kan het bestand niet lezen" in run.err
    run = cli("record", tmp_path, "blok", "2020", "11")
    assert run.code == 2
    assert "is een map" in run.err


def test_quoting_of_text_that_yaml_would_misread(cli, contract: Path) -> None:
    for year, bron in ((2020, "ja"), (2022, "- lijst: [x]")):
        assert cli("record", contract, "blok", str(year), "1", "--bron", bron).code == 0
        assert realisatie(contract, "blok", year).bron == bron


def test_recorded_measurement_shows_in_progress(cli, contract: Path) -> None:
    assert cli("record", contract, "leeg", "2020", "1").code == 0
    run = cli("progress", contract, "--format", "csv")
    row = next(line for line in run.out.splitlines() if ",leeg," in line)
    # the contract's latest measurement year is 2021; this indicator's is 2020
    assert ",2021,1,2020," in row
