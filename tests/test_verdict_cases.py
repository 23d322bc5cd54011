"""Numbers and verdicts that mean what the source means (issue 23, the verdicts part): what was
measured and what was judged counted apart, no green on thin evidence, a roll-up that says what
it could not see, older and approximate measurements labelled, late milestones in calendar
months, one measure of progress, no invented year, and the derived direction everywhere.

Each case holds exact values, checked where a user sees them: terminal, JSON, CSV, documents.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from programmatool.progress.milestone import delay

ROOT = Path(__file__).resolve().parents[1]
PROGRAMMAS = ROOT / "programmas"

HEAD = """\
programma: Proef
code: proef
gemeente: Voorbeeldstad
status: vastgesteld
rollen:
  bestuurlijk_opdrachtgevers:
    - naam: A. de Wethouder
  programmamanager:
    naam: B. de Manager
periode: {start: 2019, eind: 2022}
strategische_doelen:
  - id: I
    titel: Doel een
    operationele_doelen:
      - id: a
        titel: Sub a
      - id: b
        titel: Sub b
indicatoren:
"""

#: A milestone whose date passed without any report: judged (niet behaald), not measured.
MILESTONE_UNREPORTED = """\
  - id: visie
    naam: Visie vastgesteld
    doel: a
    meetsoort: mijlpaal
    eenheid: mijlpaal
    streefdatum: 2020-07-01
    bron: Raadsbesluit
"""

#: A measurement without a numeric target: measured, not judged.
MEASURED_NO_TARGET = """\
  - id: veilig
    naam: Percentage dat zich veilig voelt
    doel: b
    eenheid: '%'
    realisaties: {2021: 84}
    bron: Veiligheidsmonitor
"""

#: Unmeasured, with a target.
UNMEASURED = """\
  - id: misdrijven
    naam: Aantal misdrijven
    doel: b
    eenheid: aantal
    richting: lager
    peilwaarde: 4546
    peiljaar: 2017
    streefwaarden: {2022: 4000}
    bron: Politie
"""

#: Measured in 2019, approximately, with peiljaar unknown; targets from 2020.
OLD_APPROXIMATE = """\
  - id: oud
    naam: Oude benadering
    doel: a
    eenheid: aantal
    richting: hoger
    peilwaarde: 10
    peiljaar: onbekend
    streefwaarden: {2020: 20, 2022: 30}
    realisaties:
      2020: {waarde: 15, benadering: true}
    bron: Monitor
"""

#: A final-year measurement that misses: 600 of 1.000 from 250, so 47 % of the way.
MISSED = """\
  - id: gemist
    naam: Gemist doel
    doel: b
    eenheid: aantal
    richting: hoger
    peilwaarde: 250
    peiljaar: 2018
    streefwaarden: {2022: 1000}
    realisaties: {2022: 600}
    bron: Monitor
"""


def write(tmp_path: Path, *indicators: str, name: str = "proef.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + "".join(indicators), encoding="utf-8")
    return path


def progress_json(cli: Any, *args: Any) -> dict[str, Any]:
    run = cli("progress", *args, "--format", "json", "--no-cache")
    assert run.code == 0, run.err
    programme: dict[str, Any] = json.loads(run.out)["programmas"][0]
    return programme


def goal(programme: dict[str, Any], goal_id: str) -> dict[str, Any]:
    for sd in programme["doelen"]:
        for od in [sd, *sd.get("operationele_doelen", [])]:
            if od["id"] == goal_id:
                return od  # type: ignore[no-any-return]
    raise AssertionError(goal_id)


def indicator(programme: dict[str, Any], ind_id: str) -> dict[str, Any]:
    return next(i for i in programme["indicatoren"] if i["id"] == ind_id)


def csv_rows(cli: Any, *args: Any) -> dict[str, dict[str, str]]:
    run = cli("progress", *args, "--format", "csv", "--no-cache")
    assert run.code == 0, run.err
    return {r["indicator"]: r for r in csv.DictReader(io.StringIO(run.out))}


# --- 1. measured and judged are counted apart ------------------------------------------------

# (case, indicators, year, goal, (status, gemeten, beoordeeld, aantal), status_tekst)
COVERAGE_CASES = [
    (
        "a passed milestone is judged, not measured",
        [MILESTONE_UNREPORTED, MISSED],
        2022,
        None,
        ("niet behaald", 1, 2, 2),
        "niet behaald · 2 van 2 indicatoren beoordeeld, 1 gemeten",
    ),
    (
        "a measurement without a numeric target is measured, not judged",
        [MEASURED_NO_TARGET, UNMEASURED],
        2021,
        "b",
        ("geen oordeel mogelijk", 1, 0, 2),
        "geen oordeel mogelijk",
    ),
]


@pytest.mark.parametrize(
    ("case", "indicators", "jaar", "goal_id", "counts", "status_tekst"),
    COVERAGE_CASES,
    ids=[c[0] for c in COVERAGE_CASES],
)
def test_measured_and_judged_are_counted_apart(
    cli: Any,
    tmp_path: Path,
    case: str,
    indicators: list[str],
    jaar: int,
    goal_id: str | None,
    counts: tuple[str, int, int, int],
    status_tekst: str,
) -> None:
    programme = progress_json(cli, write(tmp_path, *indicators), "--jaar", jaar)
    part = goal(programme, goal_id) if goal_id else programme
    got = (part["status"], part["gemeten"], part["beoordeeld"], part["aantal_indicatoren"])
    assert got == counts
    assert part["status_tekst"] == status_tekst


def test_the_sentence_never_says_all_measured_without_a_measurement(
    cli: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, MILESTONE_UNREPORTED, MISSED)
    programme = progress_json(cli, path, "--jaar", 2022)
    assert programme["uitleg"] == (
        "1 van 2 indicatoren gemeten, 2 beoordeeld; het beoordeelde doel dat er het slechtst "
        "voor staat, bepaalt de status (2 niet behaald)."
    )
    table = cli("progress", path, "--jaar", "2022", "--no-cache")
    assert "Alle 2 indicatoren gemeten" not in table.out
    assert "status: niet behaald · 2 van 2 indicatoren beoordeeld, 1 gemeten" in table.out
    rows = csv_rows(cli, path, "--jaar", "2022")
    assert (rows["visie"]["programma_gemeten"], rows["visie"]["programma_beoordeeld"]) == (
        "1",
        "2",
    )


def test_a_goal_never_reads_geen_meting_above_a_measurement(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, MEASURED_NO_TARGET, UNMEASURED)
    table = cli("progress", path, "--jaar", "2021", "--no-cache")
    line = next(s for s in table.out.splitlines() if s.startswith("  b Sub b"))
    assert line.rstrip().endswith("geen oordeel mogelijk")


# --- 2. and 3. thin evidence, and what a roll-up could not see -------------------------------

# (file, config, status, deeloordeel, status_tekst)
THIN_CASES = [
    (
        "duurzaamheid.yaml",
        "",
        "onvoldoende gemeten",
        "op koers",
        "onvoldoende gemeten · wat beoordeeld is: op koers · 3 van 10 indicatoren gemeten",
    ),
    (
        "duurzaamheid.yaml",
        "[voortgang]\nminimaal_beoordeeld = 0\n",
        "op koers",
        None,
        "op koers · 3 van 10 indicatoren gemeten",
    ),
    (
        "omgevingswet.yaml",
        "",
        "onvoldoende gemeten",
        "behaald",
        "onvoldoende gemeten · wat beoordeeld is: behaald · 5 doelen zonder indicator",
    ),
    (
        "omgevingswet.yaml",
        "[voortgang]\nminimaal_beoordeeld = 0.1\n",
        "behaald",
        None,
        "behaald · 5 doelen zonder indicator",
    ),
]


@pytest.mark.parametrize(
    ("name", "config", "status", "deeloordeel", "status_tekst"),
    THIN_CASES,
    ids=[f"{c[0]}{' ' + c[1].split()[-1] if c[1] else ''}" for c in THIN_CASES],
)
def test_no_green_on_thin_evidence(
    cli: Any,
    tmp_path: Path,
    name: str,
    config: str,
    status: str,
    deeloordeel: str | None,
    status_tekst: str,
) -> None:
    toml = tmp_path / "programmatool.toml"
    toml.write_text(config, encoding="utf-8")
    programme = progress_json(cli, PROGRAMMAS / name, "--config", toml)
    assert (programme["status"], programme["deeloordeel"]) == (status, deeloordeel)
    assert programme["status_tekst"] == status_tekst


def test_thin_evidence_in_the_table_and_in_documents(cli: Any, tmp_path: Path) -> None:
    from programmatool import load_contract
    from programmatool.progress.rollup import contract_progress
    from programmatool.rendering.card import status_uitleg

    table = cli("progress", PROGRAMMAS / "duurzaamheid.yaml", "--no-cache")
    assert "onvoldoende gemeten: op koers 1/6" in table.out  # goal II: 1 of 6 judged
    assert "behaald · 2/4 gemeten" in table.out  # goal I: half judged is enough
    assert (
        "bepaalt de status (2 behaald, 1 op koers, 7 geen meting). Een oordeel heeft 3 van de "
        "10 indicatoren, minder dan 50 %: te weinig om voor het geheel te spreken, dus "
        "onvoldoende gemeten (het oordeel over wat beoordeeld is: op koers).\n"
    ) in table.out
    loaded = load_contract(PROGRAMMAS / "omgevingswet.yaml")
    assert loaded.contract is not None
    omgevingswet = contract_progress(loaded.contract)
    assert status_uitleg(omgevingswet) == (
        "wat beoordeeld is: behaald; op grond van metingen over 2020; 1 van 1 indicator "
        "gemeten; 5 doelen zonder indicator"
    )
    out = tmp_path / "site"
    run = cli("render", PROGRAMMAS / "omgevingswet.yaml", "--format", "md", "--out", out)
    assert run.code == 0, run.err
    text = (out / "omgevingswet.md").read_text(encoding="utf-8")
    assert (
        "**Staat het programma op koers?** ◌ onvoldoende gemeten (wat beoordeeld is: behaald; "
        "op grond van metingen over 2020; 1 van 1 indicator gemeten; 5 doelen zonder indicator)"
    ) in text
    assert "✔ behaald (1 van 1 indicator gemeten)" not in text


def test_a_bad_minimum_stops_with_the_line(cli: Any, tmp_path: Path) -> None:
    toml = tmp_path / "programmatool.toml"
    toml.write_text("[voortgang]\nop_koers = 0.1\nminimaal_beoordeeld = 1.5\n", encoding="utf-8")
    run = cli("progress", PROGRAMMAS / "omgevingswet.yaml", "--config", toml)
    assert run.code == 2
    assert run.err == (
        f"programmatool: {toml}:3: [voortgang] drempel 'minimaal_beoordeeld' moet tussen 0 en "
        "1 liggen (een fractie), gevonden 1.5\n"
    )


# --- 4. a measurement older than the year asked ----------------------------------------------


def test_an_older_measurement_is_labelled_and_judged_in_its_own_year(
    cli: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, OLD_APPROXIMATE, MISSED)
    row = indicator(progress_json(cli, path, "--jaar", 2022), "oud")
    assert (row["jaar"], row["realisatie_jaar"], row["meting_ouder"]) == (2022, 2020, True)
    assert row["uitleg"].startswith(
        "Er is geen meting over 2022 (het eindjaar); het oordeel rust op de laatste meting, die "
        "van 2020. De meting van 2020 (15) blijft achter bij de planning: op weg naar de "
        "streefwaarde was in 2020 20 nodig"
    )
    table = cli("progress", path, "--jaar", "2022", "--no-cache")
    flat = " ".join(table.out.split())
    assert "meting van 2020, ouder dan 2022" in flat
    assert (
        "Meting ouder dan 2022: er is geen meting over 2022, het oordeel rust op de laatste."
        in (flat)
    )
    assert csv_rows(cli, path, "--jaar", "2022")["oud"]["meting_ouder"] == "ja"
    # in its own year the same measurement is not older
    assert indicator(progress_json(cli, path, "--jaar", 2020), "oud")["meting_ouder"] is False


# --- 5. late milestones in calendar months and days ------------------------------------------

DELAYS = [
    ("2020-06-29", "2020-09-29", "3 maanden"),
    ("2020-07-01", "2020-09-29", "2 maanden en 28 dagen"),
    ("2020-06-30", "2020-09-29", "2 maanden en 30 dagen"),
    ("2020-01-31", "2020-02-29", "1 maand"),
    ("2020-07-01", "2020-07-13", "12 dagen"),
    ("2020-07-01", "2020-07-02", "1 dag"),
]


@pytest.mark.parametrize(("due", "done", "words"), DELAYS)
def test_delay_in_calendar_months_and_days(due: str, done: str, words: str) -> None:
    assert delay(dt.date.fromisoformat(due), dt.date.fromisoformat(done)) == words


def test_omgevingswet_visie_is_almost_three_months_late(cli: Any) -> None:
    programme = progress_json(cli, PROGRAMMAS / "omgevingswet.yaml")
    assert indicator(programme, "omgevingsvisie-vastgesteld")["te_laat"] == (
        "2 maanden en 28 dagen"
    )


# --- 6. one measure of progress --------------------------------------------------------------


def test_a_missed_target_speaks_of_the_progress_the_bar_shows(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, MISSED)
    row = indicator(progress_json(cli, path), "gemist")
    assert row["voortgang"] == 0.4667
    assert row["uitleg"] == (
        "De meting van 2022 (600) haalt de eindstreefwaarde (1.000 in 2022) niet: 400 te laag; "
        "voortgang 47 %."
    )
    table = cli("progress", path, "--no-cache")
    line = next(s for s in table.out.splitlines() if "▸ Gemist doel" in s)
    assert "█████░░░░░  47 %" in line
    assert "% van de streefwaarde" not in table.out


# --- 8. approximate figures ------------------------------------------------------------------


def test_an_approximate_figure_shows_ca_everywhere(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, OLD_APPROXIMATE)
    table = cli("progress", path, "--jaar", "2020", "--no-cache")
    line = next(s for s in table.out.splitlines() if "▸ Oude benadering" in s)
    assert "ca. 15 (2020)" in line
    assert "ca.: een benadering, zoals de bron het cijfer geeft." in table.out
    row = indicator(progress_json(cli, path, "--jaar", 2020), "oud")
    assert (row["realisatie"], row["benadering"]) == (15, True)
    assert row["uitleg"].endswith(" Het oordeel rust op een benadering: de bron geeft ca. 15.")
    assert csv_rows(cli, path, "--jaar", "2020")["oud"]["benadering"] == "ja"


# --- 9. no invented year; the indicator's own source ----------------------------------------


def test_an_unknown_peiljaar_is_never_given_a_year(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, OLD_APPROXIMATE)
    row = indicator(progress_json(cli, path, "--jaar", 2020), "oud")
    assert row["beginpunt"] == {"jaar": None, "waarde": 10, "soort": "peilwaarde"}
    assert row["peiljaar"] == "onbekend"
    assert "2019" not in json.dumps(row)  # the year before the first target, never printed
    assert (row["indicator_bron"], row["bron"]) == ("Monitor", None)


# --- 10. the derived direction in every command and format ----------------------------------

DERIVED = """\
  - id: scholen
    naam: Scholen die meedoen
    doel: a
    eenheid: aantal
    peilwaarde: 5
    peiljaar: 2018
    streefwaarden: {2020: 12, 2022: 20}
    realisaties: {2020: 11}
    bron: Monitor
"""


def test_the_derived_direction_is_used_by_every_command_and_format(
    cli: Any, tmp_path: Path
) -> None:
    old = write(tmp_path, DERIVED, name="oud.yaml")
    new = write(tmp_path, DERIVED.replace("2022: 20}", "2022: 18}"), name="nieuw.yaml")
    assert "PT311" not in cli("check", new, "--no-cache").out
    table = cli("progress", new, "--no-cache").out
    assert "hoger is beter (afgeleid uit peil- en streefwaarden)" in " ".join(table.split())
    row = indicator(progress_json(cli, new), "scholen")
    assert (row["richting"], row["richting_herkomst"], row["status"]) == (
        "hoger",
        "afgeleid",
        "kleine achterstand",
    )
    assert csv_rows(cli, new)["scholen"]["richting"] == "hoger"
    for fmt in ("text", "markdown", "json"):
        out = cli("diff", old, new, "--format", fmt).out
        assert "ambitie-verlaagd" in out and "hoger is beter" in out, fmt
        assert "None is beter" not in out and "ambitie-verhoogd" not in out, fmt
    [change] = json.loads(cli("diff", old, new, "--format", "json").out)["programmas"][0][
        "wijzigingen"
    ]
    assert (change["controle"], change["niveau"]) == ("ambitie-verlaagd", "belangrijk")
    for fmt in ("md", "html"):
        site = tmp_path / f"site-{fmt}"
        assert cli("render", new, "--format", fmt, "--out", site).code == 0
        text = (site / f"proef.{fmt}").read_text(encoding="utf-8")
        assert "hoger is beter (afgeleid uit peil- en streefwaarden)" in text, fmt
        assert "richting onbekend" not in text, fmt


# --- 7. measurements per quarter or month ---------------------------------------------------

PER_QUARTER = """\
  - id: kwartaal
    naam: Per kwartaal
    doel: a
    eenheid: aantal
    richting: hoger
    peilwaarde: 5
    peiljaar: 2018
    streefwaarden: {2020: 12, 2022: 20}
    realisaties:
      2019: 8
      2020-Q3: 10
      2020-Q4: {waarde: 12, bron: Kwartaalrapport}
      2021-11: 14
      2021-12: n.t.b.
    bron: Monitor
"""

# (year asked, measurement, its year, its period, status)
PERIOD_CASES = [
    (2020, 12, 2020, "2020-Q4", "op koers"),  # the latest quarter of the year, not Q3's 10
    (2021, 14, 2021, "2021-11", "kleine achterstand"),  # December n.t.b.: November counts
    (2019, 8, 2019, None, "kleine achterstand"),  # a whole year beside quarters of others
]


@pytest.mark.parametrize(("jaar", "waarde", "meetjaar", "periode", "status"), PERIOD_CASES)
def test_a_year_is_judged_on_its_latest_quarter_or_month(
    cli: Any,
    tmp_path: Path,
    jaar: int,
    waarde: int,
    meetjaar: int,
    periode: str | None,
    status: str,
) -> None:
    path = write(tmp_path, PER_QUARTER)
    assert cli("check", path, "--no-cache").code == 0
    row = indicator(progress_json(cli, path, "--jaar", jaar), "kwartaal")
    got = (row["realisatie"], row["realisatie_jaar"], row["realisatie_periode"], row["status"])
    assert got == (waarde, meetjaar, periode, status)
    assert csv_rows(cli, path, "--jaar", jaar)["kwartaal"]["realisatie_periode"] == (periode or "")


def test_the_period_is_shown_in_the_table_and_the_explanation(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, PER_QUARTER)
    table = cli("progress", path, "--jaar", "2020", "--no-cache", "--toelichting").out
    line = next(s for s in table.splitlines() if "▸ Per kwartaal" in s)
    assert "12 (2020-Q4)" in line
    assert "Het is de meting van 4e kwartaal 2020, de laatste van dat jaar." in table


@pytest.mark.parametrize("formaat", ["md", "html"])
def test_documents_name_the_quarter_or_month_a_figure_comes_from(
    cli: Any, tmp_path: Path, formaat: str
) -> None:
    path = write(tmp_path, PER_QUARTER)
    out = tmp_path / "out"
    run = cli("render", path, "--format", formaat, "--out", out, "--no-cache", "--no-config")
    assert run.code == 0, run.err
    [doc] = [p for p in out.iterdir() if p.name != "index.html"]
    text = doc.read_text(encoding="utf-8")
    # The year's cell names the period its figure is from; every period is listed below.
    assert "12 (4e kwartaal)" in text and "14 (november)" in text
    assert (
        "Gemeten per kwartaal en per maand: 3e kwartaal 2020: 10; 4e kwartaal 2020: 12; "
        "november 2021: 14; december 2021: n.t.b. Per jaar telt de laatste meting."
    ) in text
    assert "(meting november 2021)" in text
    assert "Het is de meting van november 2021, de laatste van dat jaar." in text


def test_a_year_written_whole_and_per_quarter_is_refused(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, PER_QUARTER.replace("      2019: 8\n", "      2020: 9\n"))
    run = cli("check", path, "--no-cache")
    assert run.code == 1
    assert (
        "realisatie 2020 staat er als jaar en per kwartaal of maand (2020-Q3, 2020-Q4); houd "
        "één van beide"
    ) in run.out


def test_record_takes_a_quarter_as_its_year(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, PER_QUARTER)
    run = cli("record", path, "kwartaal", "2022-Q1", "16", "--bron", "Kwartaalrapport")
    assert run.code == 0, run.err
    assert "      2022-Q1: {waarde: 16, bron: Kwartaalrapport}\n" in path.read_text("utf-8")
    row = indicator(progress_json(cli, path, "--jaar", 2022), "kwartaal")
    assert (row["realisatie"], row["realisatie_periode"]) == (16, "2022-Q1")
    refused = cli("record", path, "kwartaal", "2019-Q4", "9")
    assert refused.code == 2
    assert refused.err == (
        f"programmatool: {path}: indicator kwartaal heeft voor 2019 een meting van het hele "
        "jaar; een meting van 2019-Q4 komt daar niet naast\n"
    )
    wrong = cli("record", path, "kwartaal", "2022-Q5", "9")
    assert wrong.code == 2
    assert "een kwartaal (2020-Q4) of een maand (2020-11), gevonden '2022-Q5'" in wrong.err
