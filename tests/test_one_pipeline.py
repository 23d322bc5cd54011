"""Every command on the one pipeline: the configuration is read once, from the same place, and
the user's ``--config`` counts for every command (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import minimal_text


def _percentage_contract(folder: Path) -> Path:
    """The small example with ``scholen`` as a percentage: 120 breaks PT305 (0–100 %)."""
    text = minimal_text().replace("    eenheid: aantal\n", '    eenheid: "%"\n', 1)
    path = folder / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_record_honours_rules_switched_off_in_the_configuration(cli, in_tmp: Path) -> None:
    # The bug of issue 21: check exits 0 with PT305 off, record refused with PT305.
    contract = _percentage_contract(in_tmp)
    Path("programmatool.toml").write_text('[regels]\nuit = ["PT305"]\n', encoding="utf-8")
    assert cli("check", "c.yaml").code == 0
    run = cli("record", "c.yaml", "scholen", "2021", "120")
    assert (run.code, run.err) == (0, "")
    assert run.out == "c.yaml:41: 2021: 120 (indicator scholen)\n"
    assert "      2021: 120\n" in contract.read_text(encoding="utf-8")


def test_record_without_the_setting_still_refuses_the_rule_error(cli, in_tmp: Path) -> None:
    contract = _percentage_contract(in_tmp)
    before = contract.read_bytes()
    run = cli("record", "c.yaml", "scholen", "2021", "120")
    assert run.code == 1
    assert run.err == (
        "programmatool: c.yaml: de nieuwe meting geeft een fout: PT305 indicator 'scholen': "
        "realisatie 2021 is 120 %, buiten 0–100 %\n"
    )
    assert contract.read_bytes() == before


def test_record_and_import_honour_the_given_config_file(cli, in_tmp: Path) -> None:
    _percentage_contract(in_tmp)
    Path("elders.toml").write_text('[regels]\nuit = ["PT305"]\n', encoding="utf-8")
    assert cli("record", "c.yaml", "scholen", "2021", "120").code == 1
    run = cli("record", "c.yaml", "scholen", "2021", "120", "--config", "elders.toml")
    assert (run.code, run.err) == (0, "")
    Path("m.csv").write_text("contract;indicator;jaar;waarde\nc.yaml;scholen;2022;130\n")
    assert cli("import", "m.csv", "--proef").code == 1
    run = cli("import", "m.csv", "--proef", "--config", "elders.toml")
    assert (run.code, run.err) == (0, "")


def test_log_reads_within_the_limits_of_the_given_config_file(cli, in_tmp: Path) -> None:
    contract = _percentage_contract(in_tmp)
    before = contract.read_bytes()
    Path("klein.toml").write_text("[limieten]\nmax_bytes = 100\n", encoding="utf-8")
    run = cli("log", "c.yaml", "ins-1", "2020", "gereed", "--config", "klein.toml")
    assert run.code == 2
    assert run.err == (
        f"c.yaml:1:1: fout PT008 bestand is te groot ({len(before)} bytes; maximaal 100 bytes)\n"
        "programmatool: c.yaml: er is niets gewijzigd\n"
    )
    assert contract.read_bytes() == before
    assert cli("log", "c.yaml", "ins-1", "2020", "gereed").code == 0


def test_a_broken_given_config_stops_every_writer(cli, in_tmp: Path) -> None:
    contract = _percentage_contract(in_tmp)
    before = contract.read_bytes()
    Path("kapot.toml").write_text('[regels]\nuit = "PT305"\n', encoding="utf-8")
    Path("m.csv").write_text("contract;indicator;jaar;waarde\nc.yaml;scholen;2022;30\n")
    runs = [
        cli("record", "c.yaml", "scholen", "2021", "20", "--config", "kapot.toml"),
        cli("import", "m.csv", "--config", "kapot.toml"),
        cli("log", "c.yaml", "ins-1", "2020", "gereed", "--config", "kapot.toml"),
    ]
    message = (
        "programmatool: kapot.toml:2: 'uit' moet een lijst van regelcodes zijn, zoals [\"PT305\"]\n"
    )
    assert [(r.code, r.err) for r in runs] == [(2, message)] * 3
    assert contract.read_bytes() == before


def test_progress_takes_its_thresholds_from_the_given_config(cli, in_tmp: Path) -> None:
    _percentage_contract(in_tmp)
    Path("programmatool.toml").write_text("[voortgang]\nop_koers = 0.2\n", encoding="utf-8")
    Path("elders.toml").write_text("[voortgang]\nop_koers = 0.05\n", encoding="utf-8")
    found = json.loads(cli("progress", "c.yaml", "--format", "json").out)
    given = json.loads(cli("progress", "c.yaml", "--format", "json", "--config", "elders.toml").out)
    assert found["drempels"] == {
        "op_koers": 0.2,
        "kleine_achterstand": 0.25,
        "minimaal_beoordeeld": 0.5,
    }
    assert given["drempels"] == {
        "op_koers": 0.05,
        "kleine_achterstand": 0.25,
        "minimaal_beoordeeld": 0.5,
    }


def test_progress_with_a_missing_config_file_stops(cli, in_tmp: Path) -> None:
    _percentage_contract(in_tmp)
    run = cli("progress", "c.yaml", "--config", "weg.toml")
    assert (run.code, run.out) == (2, "")
    assert run.err == "programmatool: weg.toml: configuratiebestand bestaat niet\n"


def test_every_command_reads_the_configuration_once(
    cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from programmatool.pipeline import settings

    _percentage_contract(in_tmp)
    Path("programmatool.toml").write_text("[voortgang]\nop_koers = 0.2\n", encoding="utf-8")
    Path("m.csv").write_text("contract;indicator;jaar;waarde\nc.yaml;scholen;2022;30\n")
    reads: list[Path | None] = []
    original = settings.load_config

    def counting(path: Path | None = None, start: Path | None = None) -> settings.Config:
        reads.append(path)
        return original(path, start)

    monkeypatch.setattr(settings, "load_config", counting)
    commands = [
        ("check", "c.yaml", "--no-cache"),
        ("progress", "c.yaml", "--no-cache"),
        ("render", "c.yaml", "--out", "site", "--format", "md", "--no-cache"),
        ("diff", "c.yaml", "c.yaml"),
        ("record", "c.yaml", "scholen", "2021", "20"),
        ("import", "m.csv", "--proef"),
        ("log", "c.yaml", "ins-1", "2020", "gereed"),
    ]
    counts = {}
    for command in commands:
        reads.clear()
        run = cli(*command)
        assert run.code == 0, (command, run.err)
        counts[command[0]] = len(reads)
    assert counts == {c[0]: 1 for c in commands}
