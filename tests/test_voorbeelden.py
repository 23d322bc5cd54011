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


def _rows(data: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    if isinstance(data, dict):
        if "vergelijkingen" in data and "id" in data:
            found.append(data)
        for value in data.values():
            found += _rows(value)
    elif isinstance(data, list):
        for value in data:
            found += _rows(value)
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
