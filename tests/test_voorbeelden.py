"""The example contracts from other municipalities' public documents (voorbeelden/): they
check without errors, and progress and render show what the sources leave unknown and the
comparisons they print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from programmatool import check

ROOT = Path(__file__).resolve().parent.parent
VOORBEELDEN = ROOT / "voorbeelden"
FILES = sorted(VOORBEELDEN.glob("*.yaml"))
ZAANSTAD = VOORBEELDEN / "zaanstad-burger-en-bestuur-begroting-2018.yaml"
BURAP = VOORBEELDEN / "zaanstad-burger-en-bestuur-burap-2018.yaml"
TERNEUZEN = VOORBEELDEN / "terneuzen-beleidsindicatoren-2018.yaml"
WOERDEN = VOORBEELDEN / "woerden-bouwen-en-wonen-2022-2026.yaml"


def test_there_are_at_least_three_and_each_names_its_source() -> None:
    assert len(FILES) >= 3
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert "# Bron: gemeente " in text, path
        assert "https://" in text or "http://" in text, path


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_check_finds_no_errors_only_what_the_source_leaves_open(path: Path) -> None:
    findings = check([path]).findings
    assert [f.as_text() for f in findings if f.severity == "fout"] == []
    assert any(f.code == "PT601" for f in findings)  # every source leaves something unknown


def test_the_folder_checks_as_a_portfolio(cli) -> None:
    run = cli("check", VOORBEELDEN)
    assert run.code == 0, run.out
    assert run.out.splitlines()[-1].startswith("0 fouten en ")


def test_progress_shows_unknown_years_and_derived_directions(cli) -> None:
    run = cli("progress", BURAP, "--jaar", "2017")
    assert run.code == 0, run.err
    assert "peil 83% (jaar onbekend)" in run.out
    assert "lager is beter (afgeleid uit peil- en streefwaarden)" in run.out  # hoorzittingen
    assert "Samen met inwoners, ondernemers en partners Zaans Evenwicht" in run.out


def test_progress_json_carries_comparisons_and_unknowns(cli) -> None:
    run = cli("progress", TERNEUZEN, "--format", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    rows = {r["id"]: r for r in _rows(data)}
    banen = rows["banen"]
    assert banen["vergelijkingen"] == [
        {"naam": "Zeeland", "bron": None, "waarden": {"2016": 738.2}}
    ]
    assert banen["richting"] is None and banen["richting_herkomst"] == "onbekend"
    assert banen["doel"] == "onbekend"
    assert banen["status"] == "geen oordeel mogelijk"
    wmo = rows["wmo-maatwerk"]
    assert wmo["vergelijkingen"][0]["naam"] == "Grootteklasse"


def _rows(data: object, key: str = "vergelijkingen") -> list[dict[str, object]]:
    """Every indicator row of a progress JSON: the objects with an ``id`` and ``key``."""
    found: list[dict[str, object]] = []
    if isinstance(data, dict):
        if key in data and "id" in data:
            found.append(data)
        for value in data.values():
            found += _rows(value, key)
    elif isinstance(data, list):
        for value in data:
            found += _rows(value, key)
    return found


@pytest.mark.parametrize("formaat", ["md", "html"])
def test_render_shows_one_level_goals_unknowns_and_comparisons(
    cli, tmp_path: Path, formaat: str
) -> None:
    run = cli("render", VOORBEELDEN, "--format", formaat, "--out", tmp_path)
    assert run.code == 0, run.err
    zaanstad = (tmp_path / f"zaanstad-burger-en-bestuur-2018.{formaat}").read_text(encoding="utf-8")
    assert "Doel 1. Samen met inwoners, ondernemers en partners Zaans Evenwicht" in zaanstad
    assert "Strategisch doel 1" not in zaanstad
    assert "2018–onbekend" in zaanstad
    assert "Status | onbekend" in zaanstad or "<td>onbekend</td>" in zaanstad
    assert "Streefwaarde zonder jaar: 83% (jaar onbekend)" in zaanstad
    assert "peiljaar onbekend" in zaanstad
    terneuzen = (tmp_path / f"terneuzen-beleidsindicatoren-2018.{formaat}").read_text(
        encoding="utf-8"
    )
    assert "Zeeland" in terneuzen and "738,2" in terneuzen
    assert "richting onbekend" in terneuzen
    assert "Doel: onbekend" in terneuzen
    if formaat == "html":
        burap = (tmp_path / "zaanstad-burger-en-bestuur-burap-2018.html").read_text(
            encoding="utf-8"
        )
        assert "lager is beter (afgeleid uit peil- en streefwaarden)" in burap
        # The comparison is a series of its own in the chart, named in its legend.
        assert 'class="lijn vergelijking v0"' in terneuzen or "punt vergelijking v0" in terneuzen
        assert ">Zeeland</text>" in terneuzen


def test_the_four_year_plan_keeps_its_goals_in_order_and_judges_them_by_their_year(cli) -> None:
    # Woerden, programma 6 (2022-2026): effects 6.1-6.4, results phrased "In 2026 …" and
    # "Er is in 2024 …"; the 2026 share is judged against 2026, the 2024 milestone by 2024.
    run = cli("progress", WOERDEN, "--jaar", "2024", "--format", "json")
    assert run.code == 0, run.err
    programma = json.loads(run.out)["programmas"][0]
    assert [d["id"] for d in programma["doelen"]] == ["6.1", "6.2", "6.3", "6.4"]
    doelen = {od["id"]: od for d in programma["doelen"] for od in d["operationele_doelen"]}
    assert list(doelen) == ["6.1.1", "6.1.2", "6.1.3"]
    rows = {r["id"]: r for r in _rows(programma, "eindwaarde")}
    aandeel = rows["aandeel-huur-betaalbare-koop"]
    assert (aandeel["eindwaarde"], aandeel["eindjaar"]) == (60, 2026)
    assert aandeel["peiljaar"] == "onbekend" and aandeel["status"] == "geen meting"
    kader = rows["kader-arbeidsmigranten"]
    assert (kader["eindwaarde"], kader["eindjaar"]) == ("in 2024", 2024)
    assert kader["status"] == "niet behaald"
    assert "het streefjaar (2024) is verstreken" in kader["uitleg"]
    before = json.loads(cli("progress", WOERDEN, "--jaar", "2023", "--format", "json").out)
    assert {r["id"]: r for r in _rows(before, "eindwaarde")}["kader-arbeidsmigranten"][
        "status"
    ] == "geen meting"


@pytest.mark.parametrize("formaat", ["md", "html"])
def test_the_four_year_plan_renders_its_results_and_their_progress_notes(
    cli, tmp_path: Path, formaat: str
) -> None:
    run = cli("render", WOERDEN, "--format", formaat, "--out", tmp_path)
    assert run.code == 0, run.err
    doc = (tmp_path / f"woerden-bouwen-en-wonen.{formaat}").read_text(encoding="utf-8")
    order = [
        "6.1. De gemeente Woerden biedt voldoende passende woningen",
        "6.1.1. Er worden in de gemeente Woerden 300-400 woningen per jaar opgeleverd.",
        "6.1.2. In 2026 is in de woningbouwplanning",
        "6.1.3. Er is in 2024 een kader",
        "6.2. Er komt een uitbreiding van woongebieden",
        "6.3. Er komt meer ruimte voor maatschappelijk initiatief.",
        "6.4. De (inrichting van de) fysieke woon- en leefomgeving",
    ]
    # The body starts after the table of contents, which lists the goals' titles too.
    contents = doc.find('aria-label="Inhoud"')
    start = doc.index("</nav>", contents) if contents >= 0 else 0
    body = doc[doc.index("Strategisch doel 6.1.", start) :]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    assert "2022–2026" in doc and "Arjan Noorthoek" in doc
    assert "Kwaliteit (indicator): R" in doc and "Voorjaarsrapportage 2024" in doc
    assert "Streefdatum: in 2024" in doc
    assert "peiljaar onbekend" in doc


def test_montferland_keeps_to_what_its_table_of_contents_prints(cli) -> None:  # type: ignore[no-untyped-def]
    path = VOORBEELDEN / "montferland-relatie-inwoners-en-bestuur-2022.yaml"
    run = cli("progress", path, "--format", "json")
    assert run.code == 0, run.err
    [programma] = json.loads(run.out)["programmas"]
    assert [d["id"] for d in programma["doelen"]] == ["burgerpeiling"]
    rows = {r["id"]: r for r in programma["indicatoren"]}
    assert sorted(rows) == ["burgerpeiling-inspanningen", "burgerpeiling-samenwerken"]
    # No figure in the source, so none in the output: no baseline, target or measurement.
    for row in rows.values():
        assert (row["status"], row["realisatie"], row["beginpunt"]) == ("geen meting", None, None)
        assert (row["peilwaarde"], row["streefwaarde_zonder_jaar"]) == ("onbekend", "onbekend")
        assert row["indicator_bron"] == "Burgerpeiling van de VNG"


def test_eindhoven_money_only_adds_up_as_printed(cli) -> None:  # type: ignore[no-untyped-def]
    path = VOORBEELDEN / "eindhoven-verkeer-meerjarenraming-2020-2023.yaml"
    assert [f.code for f in check([path]).findings] == ["PT601", "PT601", "PT110"]
    run = cli("progress", path, "--jaar", "2022", "--toelichting")
    assert run.code == 0, run.err
    assert (
        "Geld 2022, LASTEN Taakvelden, programma 2 Verkeer, vervoer en waterstaat (× € 1.000): "
        "begroot 45.227, besteed nog niet vastgelegd"
    ) in run.out.replace("\u00a0", " ")


SCHILDE = VOORBEELDEN / "schilde-meerjarenplan-2014-2019.yaml"


def test_the_flemish_plan_says_its_efforts_goals_are_unknown_not_missing(cli) -> None:  # type: ignore[no-untyped-def]
    # Schilde, Meerjarenplan 2014-2019: the leaflet prints headings and actions, not which
    # heading an action serves. Nothing may read as "no goal" or "no effort" where it is unsaid.
    findings = check([SCHILDE]).findings
    assert [f.as_text() for f in findings if f.code == "PT102"] == [
        f"{SCHILDE}:54:1: waarschuwing PT102 van geen enkele inspanning zegt de bron aan welk "
        "doel ze bijdraagt, dus van geen van de 7 doelen is bekend of er een inspanning aan "
        "bijdraagt"
    ]
    assert sum(f.code == "PT601" for f in findings) == 21  # status, opdrachtgever, 19 efforts
    assert not [f for f in findings if f.code == "PT106"]
    run = cli("progress", SCHILDE, "--format", "json")
    assert run.code == 0, run.err
    [programma] = json.loads(run.out)["programmas"]
    assert [d["id"] for d in programma["doelen"]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert {d["status"] for d in programma["doelen"]} == {"geen oordeel mogelijk"}
    assert programma["indicatoren"] == []


@pytest.mark.parametrize("formaat", ["md", "html"])
def test_the_flemish_plan_renders_its_actions_amounts_and_groups_as_printed(
    cli, tmp_path: Path, formaat: str
) -> None:
    run = cli("render", SCHILDE, "--format", formaat, "--out", tmp_path)
    assert run.code == 0, run.err
    doc = (tmp_path / f"schilde-meerjarenplan-2014-2019.{formaat}").read_text(encoding="utf-8")
    doc = doc.replace("\u00a0", " ")
    for line in [
        "Sporthal: € 5.600.000",
        "Gemeenschapscentrum: € 8.000.000",
        # The three actions under the dorpskernen heading: 90.000 + 30.000 + 500.000 is the
        # € 620.000 #SchildeSchittert gives for them.
        "Ruimtelijk uitvoeringsplan voor de dorpskernen in Schilde en ‘s-Gravenwezel: € 90.000",
        "Masterplan Lodewijk de Vochtplein: € 30.000",
        "Herinrichten dorpsplein Schilde (2015-2017): € 500.000",
    ]:
        assert line in doc
    assert "Aantrekkelijke en aangename dorpskernen" in doc
    assert "onbekend (de bron zegt het niet)" in doc
    assert "geen doel van dit contract" not in doc
    assert "Van 19 inspanningen zegt de bron niet aan welk doel ze bijdragen." in doc
    assert "| Strategisch doel | Operationeel doel |" not in doc  # no empty table
    if formaat == "html":
        assert "Aan welk doel de inspanningen bijdragen, zegt de bron niet;" in doc
    else:
        assert "Aan welk doel ze bijdragen, zegt de bron niet: Gemeenschapscentrum; " in doc
