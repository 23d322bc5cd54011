"""What real documents print: efforts without a title of their own, and a level of sub-goals
(``subdoelen``, Flemish actieplannen under beleidsdoelstellingen) in the DIN and in progress."""

from __future__ import annotations

import json
from pathlib import Path

from programmatool import load_contract
from programmatool.rendering.views.din import din_view

from .test_rules_support import ROOT_PROGRAMMAS, findings

ECONOMIE = ROOT_PROGRAMMAS / "economie-participatie.yaml"

_FLEMISH = """\
programma: Netheid
code: netheid
gemeente: Voorbeeldgem
status: onbekend
periode: {start: 2020, eind: 2025}
rollen:
  bestuurlijk_opdrachtgevers: onbekend
doelniveaus: 1
strategische_doelen:
  - id: BD1
    titel: We zorgen voor een nette gemeente
    subdoelen:
      - id: AP1.1
        titel: We pakken zwerfvuil aan
inspanningen:
  - id: A1.1.1
    doelen: [AP1.1]
    beschrijving: >-
      We organiseren samen met de scholen elk voorjaar een week waarin leerlingen zwerfvuil
      opruimen en leren sorteren.
"""


def _flemish(tmp_path: Path, text: str = _FLEMISH) -> Path:
    path = tmp_path / "netheid.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_effort_without_a_title_shows_the_start_of_its_description(tmp_path: Path) -> None:
    path = _flemish(tmp_path)
    result = load_contract(path)
    assert result.findings == [] and result.contract is not None
    [ins] = result.contract.inspanningen
    assert ins.titel == (
        "We organiseren samen met de scholen elk voorjaar een week waarin leerlingen…"
    )
    assert ins.titel_afgeleid is True
    assert [f.code for f in findings(path) if f.severity == "fout"] == []  # AP1.1 is a goal id
    din = din_view(result.contract)
    assert '  ins1(["We organiseren samen met de scholen elk voorjaar' in din.mermaid
    assert "  sd1 --> sub1" in din.mermaid and "  sub1 --- ins1" in din.mermaid


def test_an_effort_needs_a_title_or_a_description(tmp_path: Path) -> None:
    text = _FLEMISH.split("    beschrijving:")[0]
    [f] = load_contract(_flemish(tmp_path, text)).findings
    assert (f.code, f.message) == (
        "PT010",
        "een inspanning heeft een 'titel' of, als de bron geen titel geeft, een 'beschrijving'",
    )


def test_progress_shows_sub_goals_with_their_operational_goals(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("progress", ECONOMIE, "--jaar", "2019")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    sub = next(i for i, ln in enumerate(lines) if ln.startswith("  1.1 In 2022 doen minder"))
    assert lines[sub + 2].startswith("    1a Een betere ontwikkeling")
    data = json.loads(cli("progress", ECONOMIE, "--jaar", "2019", "--format", "json").out)
    [doel_i] = [d for d in data["programmas"][0]["doelen"] if d["id"] == "I"]
    assert [(s["id"], s["operationele_doelen"]) for s in doel_i["subdoelen"]] == [
        ("1.1", ["1a", "1b"]),
        ("1.2", ["1c"]),
        ("1.3", ["1d"]),
        ("1.4", ["1e"]),
    ]


def test_the_din_draws_sub_goals_between_goal_and_operational_goals() -> None:
    contract = load_contract(ECONOMIE).contract
    assert contract is not None
    din = din_view(contract)
    assert '  sub1["1.1. In 2022 doen minder Almeloërs een beroep op de bijstand' in din.mermaid
    assert "  sd1 --> sub1" in din.mermaid and "  sub1 --> od5" in din.mermaid
    assert "1.1. In 2022 doen minder Almeloërs" in din.svg
