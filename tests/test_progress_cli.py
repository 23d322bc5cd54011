"""`programmatool progress` as a user runs it: table, JSON, CSV, thresholds, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from .conftest import FIXTURES, MINIMAAL

RANDGEVALLEN = FIXTURES / "progress" / "randgevallen.yaml"


@pytest.fixture(autouse=True)
def _no_project_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Run from an empty folder, so that no programmatool.toml or pyproject.toml is picked up.
    work = tmp_path / "werk"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def test_table_when_piped_has_words_bars_and_no_colour_codes(cli) -> None:
    run = cli("progress", RANDGEVALLEN)
    assert run.code == 0, run.err
    assert "\x1b[" not in run.out
    first = run.out.splitlines()[0]
    assert first == (
        f"Randgevallen ({RANDGEVALLEN.as_posix()}) · voortgang 2021 · status: achter · "
        "9 van 11 indicatoren beoordeeld, 10 gemeten; 1 doel zonder indicator"
    )
    row = next(line for line in run.out.splitlines() if "▸ Scholen die" in line)
    assert "11 (2020)" in row and "17 (2021)" in row
    assert "████░░░░░░  40 %" in row and row.rstrip().endswith("kleine achterstand")
    assert "peil 5 (2018) · eind 20 (2022)" in run.out
    assert "meting van 2020, ouder dan 2021" in " ".join(run.out.split())
    assert "II Woorden en mijlpalen" in run.out
    assert "11 indicatoren: 4 behaald, 1 op koers, 2 kleine achterstand, 2 achter" in run.out
    # the table fits 120 columns in a pipe; title and summary are free-running lines
    assert max(len(line) for line in run.out.splitlines()[1:-1]) <= 120


def test_colour_in_a_terminal_comes_with_the_word(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "140")
    run = cli("progress", RANDGEVALLEN)
    assert "\x1b[" in run.out
    assert "kleine achterstand" in run.out and "achter" in run.out


@pytest.mark.parametrize("columns", ["50", "80", "120"])
def test_narrow_tables_wrap_names_and_lose_no_word(
    cli, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    # 50 columns is too narrow for the value columns: each indicator becomes a block.
    monkeypatch.setenv("COLUMNS", columns)
    run = cli("progress", RANDGEVALLEN)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert max(len(line) for line in lines[1:-1]) <= int(columns)
    body = " ".join(line.strip() for line in lines[3:-1])
    # Every word of a long indicator name is there, in order, however the cell wrapped.
    name = "Scholen die meedoen"
    assert all(word in body for word in name.split())
    assert body.index("Scholen") < body.index("meedoen")
    # A wrapped name keeps its indentation: no continuation line starts at column 0.
    start = next(i for i, line in enumerate(lines) if "▸ Scholen" in line)
    assert lines[start + 1].startswith("    ")
    # The values and the status are whole words, never cut off.
    block = " ".join(lines[start : start + 9])
    assert "11 (2020)" in block and "17 (2021)" in block and "kleine achterstand" in block


def test_year_option(cli) -> None:
    run = cli("progress", RANDGEVALLEN, "--jaar", "2019")
    assert run.code == 0
    assert "· voortgang 2019 ·" in run.out.splitlines()[0]


def test_json_is_complete_and_deterministic(cli) -> None:
    first = cli("progress", RANDGEVALLEN, MINIMAAL, "--format", "json", "--jaar", "2020")
    second = cli("progress", RANDGEVALLEN, MINIMAAL, "--format", "json", "--jaar", "2020")
    assert first.code == 0 and first.out == second.out
    data = json.loads(first.out)
    assert data["jaar"] == 2020
    assert data["drempels"] == {
        "op_koers": 0.1,
        "kleine_achterstand": 0.25,
        "minimaal_beoordeeld": 0.5,
    }
    names = [p["programma"] for p in data["programmas"]]
    assert names == ["Schone Stad", "Randgevallen"]  # sorted by file path
    rand = data["programmas"][1]
    assert rand["status"] == "achter"
    lager = next(i for i in rand["indicatoren"] if i["id"] == "lager")
    assert lager["voortgang"] == 0.4
    assert lager["status"] == "kleine achterstand"
    assert lager["verwacht"] == 80.0
    goal_a = rand["doelen"][0]["operationele_doelen"][0]
    assert goal_a["verantwoording"]["toelichting"].startswith("Twee scholen haakten af")
    assert rand["geld"] == [
        {"titel": "Uitvoering", "eenheid": "euro", "jaar": 2020, "begroot": 10000, "besteed": 9500}
    ]


def test_csv_one_row_per_indicator(cli) -> None:
    run = cli("progress", RANDGEVALLEN, "--format", "csv", "--jaar", "2020")
    assert run.code == 0
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert len(rows) == 11
    hoger = rows[0]
    assert (hoger["indicator"], hoger["realisatie"], hoger["voortgang"]) == ("hoger", "11", "0.4")
    assert (hoger["doel"], hoger["doel_status"], hoger["status"]) == (
        "a",
        "kleine achterstand",
        "kleine achterstand",
    )
    assert rows[1]["streefwaarde"] == ""  # no target in or before 2020
    assert cli("progress", RANDGEVALLEN, "--format", "csv", "--jaar", "2020").out == run.out


def test_toelichting_shows_the_annual_account_and_money(cli) -> None:
    run = cli("progress", RANDGEVALLEN, "--jaar", "2020", "--toelichting")
    assert run.code == 0
    assert "Toelichting 2020" in run.out
    assert "Behaalde resultaten in 2020: Het programma liep grotendeels volgens plan." in run.out
    assert "Behaalde resultaten in 2020: Er doen 11 scholen mee." in run.out
    assert "Toelichting: Twee scholen haakten af door de verbouwing." in run.out
    assert "Geld 2020, Uitvoering: begroot € 10.000, besteed € 9.500 (95 %)" in run.out
    assert "Toelichting: Doel al bereikt" in run.out
    plain = cli("progress", RANDGEVALLEN, "--jaar", "2020")
    assert "Behaalde resultaten" not in plain.out


def test_thresholds_from_options(cli) -> None:
    default = cli("progress", RANDGEVALLEN, "--format", "csv", "--jaar", "2020").out
    loose = cli(
        "progress", RANDGEVALLEN, "--format", "csv", "--jaar", "2020", "--op-koers", "0.2"
    ).out
    assert ",hoger," in default

    def status(out: str) -> str:
        rows = csv.DictReader(io.StringIO(out))
        return next(r for r in rows if r["indicator"] == "hoger")["status"]

    assert status(default) == "kleine achterstand"
    assert status(loose) == "op koers"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("programmatool.toml", "[voortgang]\nop_koers = 0.2\n"),
        (
            "pyproject.toml",
            "[project]\nname = 'x'\n\n[tool.programmatool.voortgang]\nop_koers = 0.2\n",
        ),
    ],
)
def test_thresholds_from_the_config_file(cli, name: str, text: str) -> None:
    Path(name).write_text(text, encoding="utf-8")
    data = json.loads(cli("progress", RANDGEVALLEN, "--format", "json").out)
    assert data["drempels"] == {
        "op_koers": 0.2,
        "kleine_achterstand": 0.25,
        "minimaal_beoordeeld": 0.5,
    }
    # an option beats the file
    data = json.loads(cli("progress", RANDGEVALLEN, "--format", "json", "--op-koers", "0.05").out)
    assert data["drempels"]["op_koers"] == 0.05


def test_config_in_a_parent_folder_is_found(cli, tmp_path: Path) -> None:
    (tmp_path / "programmatool.toml").write_text("[voortgang]\nkleine_achterstand = 0.5\n")
    data = json.loads(cli("progress", RANDGEVALLEN, "--format", "json").out)
    assert data["drempels"]["kleine_achterstand"] == 0.5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[voortgang]\nop_koers = 10\n",
            "[voortgang] drempel 'op_koers' moet tussen 0 en 1 liggen",
        ),
        ("[voortgang]\nop_koers = 'x'\n", "moet een getal zijn"),
        ("[voortgang]\nkoers = 0.1\n", "onbekende sleutel 'koers'"),
        ("[voortgang\n", "programmatool.toml:1:11: ongeldige TOML"),
        ("voortgang = 3\n", "programmatool.toml:1: 'voortgang' moet een tabel zijn"),
    ],
)
def test_bad_config_stops_with_exit_2(cli, text: str, message: str) -> None:
    Path("programmatool.toml").write_text(text, encoding="utf-8")
    run = cli("progress", RANDGEVALLEN)
    assert run.code == 2
    assert message in run.err
    assert run.out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--op-koers", "0.5", "--kleine-achterstand", "0.3"), "niet groter zijn dan"),
        (("--op-koers", "-1"), "tussen 0 en 1"),
        (("--format", "xml"), "onbekend formaat 'xml'; kies uit table, json, csv"),
    ],
)
def test_bad_options_stop_with_exit_2(cli, args: tuple[str, ...], message: str) -> None:
    run = cli("progress", RANDGEVALLEN, *args)
    assert run.code == 2
    assert message in run.err


def test_invalid_contract_is_reported_and_skipped(cli, tmp_path: Path) -> None:
    folder = tmp_path / "contracten"
    folder.mkdir()
    shutil.copyfile(MINIMAAL, folder / "a.yaml")
    (folder / "b.yaml").write_text(MINIMAAL.read_text().replace("status: vastgesteld", "status: x"))
    run = cli("progress", folder)
    assert run.code == 1
    assert "Schone Stad" in run.out
    assert f"{(folder / 'b.yaml').as_posix()}:5:9: fout PT013" in run.err
    assert "b.yaml overgeslagen: het contract bevat fouten" in run.err


def test_paths_that_give_nothing(cli, tmp_path: Path) -> None:
    run = cli("progress", tmp_path / "bestaat-niet.yaml")
    assert run.code == 2 and "pad bestaat niet" in run.err
    empty = tmp_path / "leeg"
    empty.mkdir()
    run = cli("progress", empty)
    assert run.code == 2 and "geen contractbestanden" in run.err


def test_contract_without_measurements(cli, tmp_path: Path) -> None:
    path = tmp_path / "zonder.yaml"
    text = MINIMAAL.read_text()
    start = text.index("    realisaties:")
    end = text.index("    bron: Gemeente Voorbeeldstad")
    path.write_text(text[:start] + text[end:])
    run = cli("progress", path)
    assert run.code == 0
    assert "nog geen metingen · status: geen meting" in run.out
