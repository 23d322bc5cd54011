"""`programmatool log`: per effort and year how it went ("Wat hebben we gedaan?")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from programmatool.loading import load_contract

from .conftest import MINIMAAL, minimal_text


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    target = tmp_path / "contract.yaml"
    shutil.copyfile(MINIMAAL, target)
    return target


def test_log_adds_one_entry_and_leaves_every_other_byte(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    before = contract.read_text(encoding="utf-8")
    run = cli(
        "log", contract, "ins-1", "2020", "gereed",
        "--toelichting", "Twaalf scholen: meer dan gepland", "--besteed", "9.800",
    )  # fmt: skip
    assert run.code == 0, run.err
    after = contract.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == [
        "    uitvoering:",
        '      2020: {status: gereed, toelichting: "Twaalf scholen: meer dan gepland", '
        "besteed: 9800}",
    ]
    assert after.replace("\n".join(added) + "\n", "") == before
    assert "(inspanning ins-1)" in run.out
    loaded = load_contract(contract).contract
    assert loaded is not None
    entry = loaded.inspanningen[0].uitvoering[2020]
    assert (entry.status, entry.toelichting, entry.besteed) == (
        "gereed",
        "Twaalf scholen: meer dan gepland",
        9800,
    )
    # A second year goes into the same mapping, in year order.
    assert cli("log", contract, "ins-1", "2019", "loopt").code == 0
    lines = contract.read_text(encoding="utf-8").splitlines()
    at = lines.index("    uitvoering:")
    assert lines[at + 1] == "      2019: {status: loopt}"
    assert lines[at + 2].startswith("      2020: {status: gereed")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ins-1", "2020", "klaar"), "status 'klaar' bestaat niet; kies uit: gereed, loopt"),
        (("ins1", "2020", "loopt"), "onbekende inspanning 'ins1'; bedoelde u 'ins-1'?"),
        (("ins-1", "2031", "loopt"), "jaar 2031 valt buiten de looptijd van het programma"),
        (("ins-1", "twintig", "loopt"), "jaar moet een jaartal zijn"),
        (("ins-1", "2020", "loopt", "--besteed", "12.5"), "--besteed verwacht een bedrag in euro"),
        (("ins-1", "2020", "loopt", "--toelichting", " "), "--toelichting mag niet leeg zijn"),
    ],
)
def test_log_refuses_bad_requests_in_dutch_and_changes_nothing(  # type: ignore[no-untyped-def]
    cli, contract: Path, args: tuple[str, ...], message: str
) -> None:
    before = contract.read_bytes()
    run = cli("log", contract, *args)
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err
    assert contract.read_bytes() == before


def test_log_refuses_a_second_entry_for_the_same_year(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("log", contract, "ins-1", "2020", "loopt").code == 0
    before = contract.read_bytes()
    run = cli("log", contract, "ins-1", "2020", "gereed")
    assert run.code == 2
    assert "heeft al een verslag over 2020" in run.err
    assert contract.read_bytes() == before


def test_log_on_a_contract_with_errors_exits_1_untouched(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text(minimal_text().replace("eind: 2022", "eind: tweeduizend"), encoding="utf-8")
    before = bad.read_bytes()
    run = cli("log", bad, "ins-1", "2020", "loopt")
    assert run.code == 1
    assert "PT012" in run.err
    assert bad.read_bytes() == before


def test_unknown_status_in_the_file_is_a_located_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        minimal_text().replace(
            "    planning: [2019, 2020-Q3]",
            "    planning: [2019, 2020-Q3]\n    uitvoering: {2020: {status: klaar}}",
        ),
        encoding="utf-8",
    )
    run = cli("check", bad)
    assert run.code == 1
    assert "PT013" in run.out and "klaar" in run.out


def test_progress_shows_what_was_done(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        cli("log", contract, "ins-1", "2020", "vertraagd", "--toelichting", "Minder scholen").code
        == 0
    )
    run = cli("progress", contract, "--toelichting")
    assert run.code == 0, run.err
    assert "Wat hebben we gedaan in 2020: 1 vertraagd." in run.out
    assert "ins-1 Educatieprojecten met scholen: vertraagd. Minder scholen" in run.out
    data = json.loads(cli("progress", contract, "--format", "json").out)
    verslagen = data["programmas"][0]["inspanningen"]
    assert verslagen["jaar"] == 2020
    assert verslagen["verslagen"] == [
        {
            "id": "ins-1",
            "titel": "Educatieprojecten met scholen",
            "status": "vertraagd",
            "toelichting": "Minder scholen",
            "besteed": None,
        }
    ]


def test_progress_is_silent_about_efforts_when_nothing_is_recorded(cli) -> None:  # type: ignore[no-untyped-def]
    assert "Wat hebben we gedaan" not in cli("progress", MINIMAAL).out


# --- corrections and writes shared with record -------------------------------------------------


def test_vervang_replaces_the_report_of_that_year_and_shows_old_and_new(
    cli, contract: Path
) -> None:  # type: ignore[no-untyped-def]
    assert cli("log", contract, "ins-1", "2020", "loopt", "--toelichting", "gestart").code == 0
    before = contract.read_text(encoding="utf-8")
    run = cli("log", contract, "ins-1", "2020", "vertraagd", "--besteed", "1.250", "--vervang")
    assert run.code == 0, run.err
    assert run.out.strip().endswith(
        ": 2020: {status: loopt, toelichting: gestart} → 2020: {status: vertraagd, besteed: 1250} "
        "(inspanning ins-1)"
    )
    assert contract.read_text(encoding="utf-8") == before.replace(
        "2020: {status: loopt, toelichting: gestart}", "2020: {status: vertraagd, besteed: 1250}"
    )
    # --vervang for a year without a report simply adds one
    assert cli("log", contract, "ins-1", "2021", "loopt", "--vervang").code == 0
    loaded = load_contract(contract).contract
    assert loaded is not None
    assert sorted(loaded.inspanningen[0].uitvoering) == [2020, 2021]


def test_log_waits_for_the_same_lock_as_record(
    contract: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from programmatool.editing import guarded
    from programmatool.editing.guarded import RecordProblem
    from programmatool.editing.log import log_effort

    monkeypatch.setattr(guarded, "LOCK_TIMEOUT", 0.2)
    before = contract.read_bytes()
    lock = FileLock(contract.parent / f".{contract.name}.lock")
    with lock, pytest.raises(RecordProblem, match="een ander proces is het bestand al"):
        log_effort(contract, "ins-1", 2020, "loopt")
    assert contract.read_bytes() == before
    assert log_effort(contract, "ins-1", 2020, "loopt").regel > 0


def test_parallel_log_and_record_runs_all_land(contract: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    runs = [
        ["log", str(contract), "ins-1", str(year), "loopt", "--toelichting", f"jaar {year}"]
        for year in (2019, 2020, 2021, 2022)
    ] + [["record", str(contract), "scholen", str(year), str(year - 2000)] for year in (2021, 2022)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "programmatool", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for args in runs
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err.decode()
    loaded = load_contract(contract).contract
    assert loaded is not None
    done = loaded.inspanningen[0].uitvoering
    assert {y: u.toelichting for y, u in done.items()} == {
        y: f"jaar {y}" for y in range(2019, 2023)
    }
    scholen = next(i for i in loaded.indicatoren if i.id == "scholen")
    assert {y: r.waarde for y, r in scholen.realisaties.items() if y >= 2021} == {
        2021: 21,
        2022: 22,
    }
