"""`record` corrections, provisional figures, final evaluations, and writes that never lose data:
parallel runs, symbolic links, read-only files, a file changed between reading and writing."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from programmatool.editing import guarded
from programmatool.editing import record as recording
from programmatool.editing.guarded import RecordProblem
from programmatool.editing.record import record
from programmatool.loading import load_contract
from programmatool.progress.indicator import indicator_progress

from .conftest import FIXTURES

HANDGESCHREVEN = FIXTURES / "progress" / "handgeschreven.yaml"


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    target = tmp_path / "contract.yaml"
    shutil.copyfile(HANDGESCHREVEN, target)
    return target


def indicator(path: Path, ident: str):  # type: ignore[no-untyped-def]
    result = load_contract(path)
    assert result.contract is not None, [f.as_text() for f in result.findings]
    return next(i for i in result.contract.indicatoren if i.id == ident)


# --- corrections and provisional figures ------------------------------------------------------


def test_replace_prints_old_and_new_and_changes_only_that_entry(cli, contract: Path) -> None:
    before = contract.read_text()
    run = cli("record", contract, "blok", "2019", "10", "--vervang", "--bron", "CBS definitief")
    assert run.code == 0, run.err
    assert f"{contract.as_posix()}:31: 2019: 9 → 2019: {{waarde: 10, bron: CBS definitief}}" in (
        run.out
    )
    after = contract.read_text()
    # the comment after the old value stays; nothing else moves
    assert after == before.replace(
        "        2019: 9          # voorlopig cijfer",
        "        2019: {waarde: 10, bron: CBS definitief}          # voorlopig cijfer",
    )
    assert indicator(contract, "blok").realisaties[2019].waarde == 10
    # ... and the user is told, since "voorlopig cijfer" may no longer be true of the new value
    assert run.out.rstrip().endswith(
        "; let op: de opmerking achter de oude waarde staat er nog (# voorlopig cijfer), "
        "pas die zo nodig aan"
    )


def test_replace_a_nested_block_entry(cli, contract: Path) -> None:
    run = cli("record", contract, "blok", "2021", "16", "--vervang")
    assert run.code == 0, run.err
    assert "2021: {waarde: 15, bron: Monitor 2021} → 2021: 16" in run.out
    text = contract.read_text()
    assert "        2021: 16\n    bron: Gemeente\n" in text
    assert "Monitor 2021" not in text
    assert "opmerking" not in run.out  # no comment after this entry, nothing to warn about


def test_replace_in_a_flow_mapping(cli, contract: Path) -> None:
    assert cli("record", contract, "stroom", "2021", "79", "--vervang").code == 0
    assert "    realisaties: {2019: 95, 2021: 79}\n" in contract.read_text()


def test_without_replace_the_refusal_stays(cli, contract: Path) -> None:
    before = contract.read_bytes()
    run = cli("record", contract, "blok", "2019", "10")
    assert run.code == 2
    assert "heeft al een realisatie voor 2019 (2019: 9); vervang die met --vervang" in run.err
    assert contract.read_bytes() == before


def test_a_placeholder_is_filled_in_without_replace(cli, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        HANDGESCHREVEN.read_text().replace("{2019: 95, 2021: 80}", "{2019: 95, 2021: n.t.b.}")
    )
    run = cli("record", path, "stroom", "2021", "80")
    assert run.code == 0, run.err
    assert "2021: n.t.b. → 2021: 80" in run.out


def test_provisional_measurement_is_marked_and_shown(cli, contract: Path) -> None:
    run = cli("record", contract, "blok", "2020", "11", "--voorlopig")
    assert run.code == 0, run.err
    assert "        2020: {waarde: 11, voorlopig: true}\n" in contract.read_text()
    assert indicator(contract, "blok").realisaties[2020].voorlopig is True
    progress = cli("progress", contract, "--jaar", "2020")
    assert "11* (2020)" in progress.out and "* voorlopig cijfer" in progress.out
    # replacing it with the final figure drops the mark
    final = cli("record", contract, "blok", "2020", "12", "--vervang")
    assert "2020: {waarde: 11, voorlopig: true} → 2020: 12" in final.out
    assert indicator(contract, "blok").realisaties[2020].voorlopig is None


# --- after the programme ----------------------------------------------------------------------


def test_measurement_after_the_programme_is_judged_against_the_final_target(
    cli, contract: Path
) -> None:
    # the programme runs 2019–2022; a final evaluation in 2024 is accepted
    run = cli("record", contract, "blok", "2024", "19")
    assert run.code == 0, run.err
    v = indicator_progress(indicator(contract, "blok"))
    assert (v.realisatie_jaar, v.status) == (2024, "niet behaald")
    assert "De meting van 2024, na het eindjaar 2022," in v.uitleg
    check = cli("check", contract)
    assert "PT303" not in check.out + check.err
    # much later is a typing error
    assert cli("record", contract, "blok", "2026", "19").code == 2


# --- writes that never lose data --------------------------------------------------------------

TEN = 10


def ten_indicators(path: Path) -> None:
    lines = [
        "programma: Tien",
        "code: tien",
        "gemeente: Voorbeeldstad",
        "status: vastgesteld",
        "periode: {start: 2019, eind: 2022}",
        "rollen:",
        "  bestuurlijk_opdrachtgevers:",
        "    - naam: A",
        "strategische_doelen:",
        "  - id: I",
        "    titel: Alles",
        "    operationele_doelen:",
        "      - {id: a, titel: Doel}",
        "inspanningen:",
        "  - {id: i, titel: Werk, doelen: [a]}",
        "indicatoren:",
    ]
    for n in range(TEN):
        lines += [
            f"  - id: ind{n}",
            f"    naam: Indicator {n}",
            "    doel: a",
            "    bron: Monitor",
            "    peilwaarde: 0",
            "    peiljaar: 2018",
            "    streefwaarden: {2022: 100}",
        ]
    path.write_text("\n".join(lines) + "\n")


def test_ten_parallel_records_all_land(tmp_path: Path) -> None:
    path = tmp_path / "tien.yaml"
    ten_indicators(path)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "programmatool", "record", str(path), f"ind{n}", "2020", str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for n in range(TEN)
    ]
    results = [p.communicate(timeout=180) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err.decode()
        assert b"2020:" in out
    result = load_contract(path)
    assert result.contract is not None, [f.as_text() for f in result.findings]
    got = {i.id: i.realisaties[2020].waarde for i in result.contract.indicatoren}
    assert got == {f"ind{n}": n for n in range(TEN)}


def test_symbolic_link_is_updated_at_its_target(cli, tmp_path: Path) -> None:
    real = tmp_path / "echt" / "contract.yaml"
    real.parent.mkdir()
    shutil.copyfile(HANDGESCHREVEN, real)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    run = cli("record", link, "blok", "2020", "11")
    assert run.code == 0, run.err
    assert link.is_symlink()
    assert indicator(real, "blok").realisaties[2020].waarde == 11
    assert not list(tmp_path.glob(".link*"))  # lock and temporary file sit beside the target


def test_read_only_file_is_refused_in_dutch(cli, contract: Path) -> None:
    contract.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = contract.read_bytes()
    run = cli("record", contract, "blok", "2020", "11")
    assert run.code == 2
    assert "het bestand is alleen-lezen; er is niets gewijzigd" in run.err
    assert contract.read_bytes() == before
    assert stat.S_IMODE(contract.stat().st_mode) == 0o444


def test_file_changed_between_reading_and_writing_is_not_overwritten(
    contract: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_load_text = recording.load_text
    edited = HANDGESCHREVEN.read_text().replace("naam: A. de Wethouder", "naam: B. de Wethouder")

    def someone_edits(text: str, name: str, *limits):  # type: ignore[no-untyped-def]
        # Another editor (not using the lock) saves the file while record is validating.
        contract.write_text(edited)
        return real_load_text(text, name, *limits)

    monkeypatch.setattr(recording, "load_text", someone_edits)
    with pytest.raises(RecordProblem, match="intussen door iemand anders gewijzigd"):
        record(contract, "blok", 2020, "11")
    assert contract.read_text() == edited  # their edit survives, ours is refused


def test_lock_held_by_another_process_makes_record_wait_then_write(
    contract: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    monkeypatch.setattr(guarded, "LOCK_TIMEOUT", 0.2)
    lock = FileLock(contract.parent / ".contract.yaml.lock")
    with lock, pytest.raises(RecordProblem, match="een ander proces is het bestand al"):
        record(contract, "blok", 2020, "11")
    assert 2020 not in indicator(contract, "blok").realisaties
    record(contract, "blok", 2020, "11")
    assert indicator(contract, "blok").realisaties[2020].waarde == 11
