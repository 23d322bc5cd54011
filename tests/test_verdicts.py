"""Verdicts a council can rely on: the final year decides, milestones late or missed, partial
coverage in every roll-up, no peilwaarde but earlier measurements, the measurement's year shown.

One table of real-looking cases, each checked in the model, in JSON and in the documents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from programmatool.model.contract import Contract, Indicator
from programmatool.progress.indicator import indicator_progress
from programmatool.progress.rollup import contract_progress

BASE: dict[str, Any] = {"id": "x", "naam": "X", "doel": "a"}


def make(**fields: Any) -> Indicator:
    return Indicator.model_validate({**BASE, **fields})


HOGER = {"peilwaarde": 50, "peiljaar": 2018, "streefwaarden": {2020: 75, 2022: 100}}
LAGER = {
    "richting": "lager",
    "peilwaarde": 100,
    "peiljaar": 2018,
    "streefwaarden": {2020: 80, 2022: 60},
}
SCHAAL = {
    "meetsoort": "schaal",
    "schaal": ["slecht", "matig", "voldoende", "goed"],
    "peilwaarde": "matig",
    "peiljaar": 2018,
    "streefwaarden": {2020: "voldoende", 2022: "goed"},
}
ZONDER_JAAR = {"eenheid": "%", "richting": "hoger", "streefwaarde_zonder_jaar": 83}
MIJLPAAL = {"meetsoort": "mijlpaal", "eenheid": "mijlpaal", "streefdatum": "2021-06-30"}

# (case, indicator fields, realisaties, year asked, status, words the explanation must hold)
CASES: list[tuple[str, dict[str, Any], dict[int, Any], int | None, str, list[str]]] = [
    # higher is better
    ("hoger: final year met", HOGER, {2022: 100}, None, "behaald", ["haalt de eindstreefwaarde"]),
    (
        "hoger: final year missed by 8 %",
        HOGER,
        {2022: 92},
        None,
        "niet behaald",
        ["niet: 8 te laag; voortgang 84 %."],
    ),
    (
        "hoger: missed, measured again a year later",
        HOGER,
        {2022: 92, 2023: 95},
        None,
        "niet behaald",
        ["De meting van 2023, na het eindjaar 2022,", "5 te laag"],
    ),
    ("hoger: on the way", HOGER, {2020: 74}, None, "op koers", ["in 2020 75 nodig"]),
    (
        "hoger: met early, 2022 report",
        HOGER,
        {2020: 101},
        2022,
        "behaald",
        [
            "Er is geen meting over 2022 (het eindjaar); het oordeel rust op de laatste meting, "
            "die van 2020. De meting van 2020 (101) haalt"
        ],
    ),
    (
        "hoger: 2022 report with a 2020 figure",
        HOGER,
        {2020: 74},
        2022,
        "op koers",
        [
            "Er is geen meting over 2022 (het eindjaar); het oordeel rust op de laatste meting, "
            "die van 2020. De meting van 2020 (74) ligt vrijwel op schema"
        ],
    ),
    # lower is better
    ("lager: final year met", LAGER, {2022: 58}, None, "behaald", ["haalt de eindstreefwaarde"]),
    (
        "lager: final year missed",
        LAGER,
        {2022: 66},
        None,
        "niet behaald",
        ["6 te hoog; voortgang 85 %."],
    ),
    ("lager: behind on the way", LAGER, {2020: 95}, None, "achter", ["lager is beter"]),
    # word scales
    ("schaal: final year met", SCHAAL, {2022: "goed"}, None, "behaald", []),
    (
        "schaal: final year missed by one step",
        SCHAAL,
        {2022: "voldoende"},
        None,
        "niet behaald",
        ["1 stap eronder"],
    ),
    ("schaal: on the way", SCHAAL, {2020: "voldoende"}, None, "op koers", []),
    # explicit judgements without a number
    ("oordeel: not met before the end", HOGER, {2020: {"behaald": False}}, None, "achter", []),
    (
        "oordeel: not met in the final year",
        HOGER,
        {2022: {"behaald": False}},
        None,
        "niet behaald",
        ["eindjaar 2022"],
    ),
    # milestones
    (
        "mijlpaal: reached in time",
        MIJLPAAL,
        {2021: {"datum": "2021-05-01"}},
        None,
        "behaald",
        ["bereikt op 1 mei 2021."],
    ),
    (
        "mijlpaal: reached three months late",
        MIJLPAAL,
        {2021: {"datum": "2021-10-05"}},
        None,
        "behaald",
        ["3 maanden en 5 dagen na de streefdatum (30 juni 2021)"],
    ),
    (
        "mijlpaal: reached days late",
        MIJLPAAL,
        {2021: {"datum": "2021-07-12"}},
        None,
        "behaald",
        ["12 dagen na de streefdatum"],
    ),
    (
        "mijlpaal: not reached, date passed",
        MIJLPAAL,
        {2022: {"behaald": False}},
        None,
        "niet behaald",
        ["is verstreken"],
    ),
    (
        "mijlpaal: not reached, date to come",
        MIJLPAAL,
        {2020: {"behaald": False}},
        None,
        "op koers",
        ["nog niet bereikt"],
    ),
    (
        "mijlpaal: nothing recorded, date passed",
        MIJLPAAL,
        {},
        2022,
        "niet behaald",
        ["geen realisatie vastgelegd"],
    ),
    ("mijlpaal: nothing recorded, date to come", MIJLPAAL, {}, 2020, "geen meting", []),
    # no peilwaarde, but earlier measurements
    (
        "geen peilwaarde: earliest measurement is the start",
        {"richting": "hoger", "streefwaarden": {2022: 100}},
        {2019: 40, 2020: 60},
        None,
        "op koers",
        ["geen peilwaarde; de eerste meting (2019: 40) is het beginpunt"],
    ),
    (
        "geen peilwaarde: a single measurement has no path",
        {"richting": "hoger", "streefwaarden": {2022: 100}},
        {2020: 60},
        None,
        "geen oordeel mogelijk",
        ["geen peilwaarde en geen eerdere meting"],
    ),
    # provisional
    (
        "voorlopig: marked in the explanation",
        HOGER,
        {2022: {"waarde": 92, "voorlopig": True}},
        None,
        "niet behaald",
        ["De meting is voorlopig."],
    ),
    # a target the source gives without a year: reached or not, never on or behind a line
    (
        "zonder jaar, hoger: reached",
        ZONDER_JAAR,
        {2020: 85},
        None,
        "behaald",
        ["De meting van 2020 (85) haalt de streefwaarde (83)", "geen jaar"],
    ),
    (
        "zonder jaar, hoger: reached exactly, judged in the year asked",
        ZONDER_JAAR,
        {2019: 83, 2021: 70},
        2020,
        "behaald",
        ["De meting van 2019 (83) haalt de streefwaarde (83)"],
    ),
    (
        "zonder jaar, hoger: not reached says so without a deadline",
        ZONDER_JAAR,
        {2020: 72},
        None,
        "geen oordeel mogelijk",
        ["Nog niet behaald", "(72) haalt de streefwaarde (83) nog niet", "geen jaar"],
    ),
    (
        "zonder jaar, lager: below is reached",
        {**ZONDER_JAAR, "richting": "lager", "streefwaarde_zonder_jaar": 10},
        {2020: 9.5},
        None,
        "behaald",
        ["(9,5) haalt de streefwaarde (10)"],
    ),
    (
        "zonder jaar, lager: above is not reached",
        {**ZONDER_JAAR, "richting": "lager", "streefwaarde_zonder_jaar": 10},
        {2020: 12},
        None,
        "geen oordeel mogelijk",
        ["Nog niet behaald"],
    ),
    (
        "zonder jaar, richting onbekend: no verdict",
        {**ZONDER_JAAR, "richting": "onbekend"},
        {2020: 90},
        None,
        "geen oordeel mogelijk",
        ["zegt niet of hoger of lager beter is", "streefwaarde zonder jaar (83)"],
    ),
    (
        "zonder jaar, schaal: the word reached",
        {
            "meetsoort": "schaal",
            "schaal": ["slecht", "matig", "goed"],
            "streefwaarde_zonder_jaar": "goed",
        },
        {2020: "goed"},
        None,
        "behaald",
        ["haalt de streefwaarde (goed)"],
    ),
    (
        "zonder jaar, no measurement",
        ZONDER_JAAR,
        {},
        None,
        "geen meting",
        ["nog geen meting"],
    ),
    (
        "zonder jaar, a yearly target decides when there is one",
        {**ZONDER_JAAR, **HOGER},
        {2022: 92},
        None,
        "niet behaald",
        ["eindstreefwaarde (100 in 2022)"],
    ),
]


@pytest.mark.parametrize(
    ("fields", "realisaties", "jaar", "status", "words"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_verdict_table(
    fields: dict[str, Any],
    realisaties: dict[int, Any],
    jaar: int | None,
    status: str,
    words: list[str],
) -> None:
    v = indicator_progress(make(**fields, realisaties=realisaties), jaar)
    assert v.status == status, v.uitleg
    for word in words:
        assert word in v.uitleg, v.uitleg


def test_earliest_measurement_gives_the_progress_fraction() -> None:
    v = indicator_progress(
        make(richting="hoger", streefwaarden={2022: 100}, realisaties={2019: 40, 2020: 60})
    )
    assert v.beginpunt == (2019, 40, "eerste meting")
    assert v.voortgang == pytest.approx(1 / 3)  # (60 - 40) / (100 - 40)


# --- roll-ups: coverage, and a summary that agrees with the rows ------------------------------


def contract(indicators: list[dict[str, Any]], goals: int = 2) -> Contract:
    ods = [{"id": chr(ord("a") + i), "titel": f"Doel {i}"} for i in range(goals)]
    return Contract.model_validate(
        {
            "programma": "Proef",
            "code": "proef",
            "gemeente": "Voorbeeldstad",
            "status": "vastgesteld",
            "periode": {"start": 2019, "eind": 2022},
            "rollen": {"bestuurlijk_opdrachtgevers": [{"naam": "A"}]},
            "strategische_doelen": [{"id": "I", "titel": "Alles", "operationele_doelen": ods}],
            "inspanningen": [{"id": "i", "titel": "Werk", "doelen": [o["id"] for o in ods]}],
            "indicatoren": [{"naam": ind["id"], "eenheid": "aantal", **ind} for ind in indicators],
        }
    )


FOUR = [
    {"id": "p", "doel": "a", **HOGER, "realisaties": {2022: 100}},
    {"id": "q", "doel": "a", **HOGER, "realisaties": {2022: 110}},
    {"id": "r", "doel": "b", **HOGER},
    {"id": "s", "doel": "b", **HOGER},
]


def test_partial_coverage_never_reads_as_plain_behaald() -> None:
    pv = contract_progress(contract(FOUR), 2022)
    assert pv.status == "behaald"
    assert pv.status_tekst == "behaald · 2 van 4 indicatoren gemeten"
    goal = pv.doelen[0]
    assert goal.status_tekst == "behaald · 2 van 4 indicatoren gemeten"
    a, b = goal.operationele_doelen
    assert (a.status_tekst, b.status_tekst) == ("behaald", "geen meting")
    assert "2 van 4 indicatoren gemeten" in pv.uitleg


def test_a_goal_without_indicators_is_named_in_the_roll_up() -> None:
    pv = contract_progress(contract(FOUR[:2], goals=2), 2022)
    assert pv.status_tekst == "behaald · 1 doel zonder indicator"
    assert "1 doel heeft geen indicator" in pv.uitleg


def test_summary_agrees_with_rows_when_nothing_has_a_verdict() -> None:
    rows = [
        {"id": "p", "doel": "a", **HOGER},
        {"id": "q", "doel": "b", "streefwaarden": {2022: "p.m."}, "realisaties": {2020: 4}},
    ]
    pv = contract_progress(contract(rows), 2020)
    assert [r.status for r in pv.indicatoren] == ["geen meting", "geen oordeel mogelijk"]
    assert "Nog niets gemeten" not in pv.uitleg
    assert pv.uitleg.startswith("Geen van de 2 indicatoren heeft een oordeel")
    assert "1 geen meting, 1 geen oordeel mogelijk" in pv.uitleg


def test_final_year_missed_rolls_up_as_niet_behaald() -> None:
    rows = [
        {"id": "p", "doel": "a", **HOGER, "realisaties": {2022: 100}},
        {"id": "q", "doel": "b", **LAGER, "realisaties": {2022: 66}},
    ]
    pv = contract_progress(contract(rows), 2022)
    assert pv.status == "niet behaald"
    assert pv.telling == {"behaald": 1, "niet behaald": 1}


# --- the same verdicts in terminal, JSON, CSV and documents -----------------------------------

YAML = """\
programma: Proef
code: proef
gemeente: Voorbeeldstad
status: vastgesteld
periode: {start: 2019, eind: 2022}
rollen:
  bestuurlijk_opdrachtgevers:
    - naam: A. de Wethouder
strategische_doelen:
  - id: I
    titel: Alles
    operationele_doelen:
      - {id: a, titel: Meer}
      - {id: b, titel: Minder}
inspanningen:
  - {id: i, titel: Werk, doelen: [a, b]}
indicatoren:
  - id: meer
    naam: Meer scholen
    doel: a
    bron: Monitor
    peilwaarde: 50
    peiljaar: 2018
    streefwaarden: {2020: 75, 2022: 100}
    realisaties: {2020: 74, 2022: {waarde: 92, voorlopig: true}}
  - id: minder
    naam: Minder afval
    doel: b
    bron: Monitor
    richting: lager
    peilwaarde: 100
    peiljaar: 2018
    streefwaarden: {2022: 60}
  - id: visie
    naam: Visie vastgesteld
    doel: a
    bron: Raad
    meetsoort: mijlpaal
    eenheid: mijlpaal
    streefdatum: 2021-06-30
    realisaties:
      2021: {datum: 2021-10-05}
"""


@pytest.fixture
def proef(tmp_path: Path) -> Path:
    path = tmp_path / "proef.yaml"
    path.write_text(YAML, encoding="utf-8")
    return path


def test_terminal_shows_verdicts_coverage_year_and_asterisk(cli, proef: Path) -> None:
    run = cli("progress", proef, "--jaar", "2022", "--toelichting")
    assert run.code == 0, run.err
    out = run.out
    assert "status: niet behaald · 2 van 3 indicatoren gemeten" in out
    assert "92* (2022)" in out and "* voorlopig cijfer" in out
    assert "niet behaald · 2/3 gemeten" in out  # the goal row
    assert "3 maanden en 5 dagen na de streefdatum" in out
    assert (
        "behaald · 3 maanden en 5 dagen te laat" in out
    )  # in the table row, not only in the explanation
    assert "Minder afval: geen meting." in out


def test_json_and_csv_carry_counts_coverage_and_years(cli, proef: Path) -> None:
    data = json.loads(cli("progress", proef, "--jaar", "2022", "--format", "json").out)
    prog = data["programmas"][0]
    assert prog["status"] == "niet behaald"
    assert (prog["gemeten"], prog["aantal_indicatoren"]) == (2, 3)
    assert prog["telling"] == {"behaald": 1, "niet behaald": 1, "geen meting": 1}
    goal = prog["doelen"][0]
    assert goal["status_tekst"] == "niet behaald · 2 van 3 indicatoren gemeten"
    assert goal["operationele_doelen"][1]["telling"] == {"geen meting": 1}
    rows = {r["id"]: r for r in prog["indicatoren"]}
    assert (rows["meer"]["realisatie_jaar"], rows["meer"]["voorlopig"]) == (2022, True)
    assert rows["meer"]["beginpunt"] == {"jaar": 2018, "waarde": 50, "soort": "peilwaarde"}
    assert (rows["visie"]["status"], rows["visie"]["te_laat"]) == (
        "behaald",
        "3 maanden en 5 dagen",
    )

    older = json.loads(cli("progress", proef, "--jaar", "2021", "--format", "json").out)
    meer = next(r for r in older["programmas"][0]["indicatoren"] if r["id"] == "meer")
    assert (meer["jaar"], meer["realisatie_jaar"]) == (2021, 2020)

    csv_text = cli("progress", proef, "--jaar", "2022", "--format", "csv").out
    header, first = csv_text.splitlines()[:2]
    cells = dict(zip(header.split(","), first.split(","), strict=False))
    assert cells["programma_status"] == "niet behaald"
    assert (cells["programma_gemeten"], cells["programma_indicatoren"]) == ("2", "3")
    assert cells["programma_telling"] == "behaald: 1; niet behaald: 1; geen meting: 1"
    assert cells["voorlopig"] == "ja"


@pytest.mark.parametrize("formaat", ["md", "html"])
def test_documents_show_verdict_year_coverage_and_asterisk(
    cli, proef: Path, tmp_path: Path, formaat: str
) -> None:
    out = tmp_path / "uit"
    run = cli("render", proef, "--format", formaat, "--out", out, "--verantwoording", "2022")
    assert run.code == 0, run.err
    text = next(out.glob(f"*.{formaat}")).read_text(encoding="utf-8")
    assert "niet behaald" in text
    assert "2 van 3 indicatoren gemeten" in text
    # In Markdown the asterisk is escaped, so that it cannot start emphasis.
    assert ("92*" if formaat == "html" else "92\\*") in text and "voorlopig cijfer" in text
    assert "(meting 2022, voorlopig)" in text
    assert "(meting 2021)" in text  # the milestone's year, in the 2022 account
    if formaat == "md":
        # the note is a paragraph of its own, not a row of the table above it
        assert "92\\* |\n\n\\* voorlopig cijfer\n\n" in text


def test_target_without_year_in_the_terminal(cli, tmp_path: Path) -> None:
    text = (Path(__file__).parent / "fixtures" / "minimaal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "zonder-jaar.yaml"
    path.write_text(
        text.replace(
            "    streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}\n",
            "    streefwaarde_zonder_jaar: 20\n",
        ),
        encoding="utf-8",
    )
    run = cli("progress", path, "--toelichting")
    assert run.code == 0, run.err
    row = next(line for line in run.out.splitlines() if "▸" in line)
    # The target stands in the Streef column with its unknown year; the verdict claims no line.
    assert "11 (2020)" in row and "20 (jaar onbekend)" in row and "geen oordeel mogelijk" in row
    assert "Nog niet behaald: de meting van 2020 (11) haalt de streefwaarde (20) nog niet." in (
        " ".join(run.out.split())
    )
    assert "op koers" not in run.out and "achter" not in run.out


def test_progress_json_carries_the_indicators_own_bron(cli) -> None:
    from .conftest import MINIMAAL

    data = json.loads(cli("progress", MINIMAAL, "--format", "json").out)
    [row] = data["programmas"][0]["indicatoren"]
    # The indicator's own source beside the measurement's (``bron``).
    assert (row["indicator_bron"], row["bron"]) == ("Gemeente Voorbeeldstad", "Jaarverslag 2020")
