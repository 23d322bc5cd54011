"""Explicit unknowns (PT601), required direction (PT311), one level of goals (PT109 and the
two-level warnings), relations outside the portfolio."""

from __future__ import annotations

from pathlib import Path

from programmatool import load_contract

from .test_rules_support import basis_text, findings, line_of, variant


def test_unknowns_load_and_each_is_asked_for(tmp_path: Path) -> None:
    text = (
        basis_text()
        .replace("status: vastgesteld\nvastgesteld_op: 2019-06-11\n", "status: onbekend\n")
        .replace("periode: {start: 2019, eind: 2022}", "periode: {start: 2019, eind: onbekend}")
        .replace(
            "  bestuurlijk_opdrachtgevers:\n    - naam: A. de Wethouder\n",
            "  bestuurlijk_opdrachtgevers: onbekend\n  programmamanager: onbekend\n",
        )
        .replace("    doel: b\n", "    doel: onbekend\n")
        .replace("    peiljaar: 2017\n", "    peiljaar: onbekend\n")
        .replace("    doelen: [II]\n", "    doelen: onbekend\n")
    )
    path = tmp_path / "contract.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_contract(path)
    assert result.contract is not None, [f.as_text() for f in result.findings]
    assert result.contract.periode.tekst() == "2019–onbekend"
    found = findings(path)
    # Nothing is an error: 'onbekend' is not a broken reference (PT101/PT104) or a bad year.
    assert [f for f in found if f.severity == "fout"] == []
    pt601 = [(f.line, f.message) for f in found if f.code == "PT601"]
    assert pt601 == [
        (
            line_of(path, "status: onbekend"),
            "status is onbekend: de bron noemt het niet; vul het in zodra het bekend is",
        ),
        (
            line_of(path, "periode:"),
            "eindjaar van de periode is onbekend: de bron noemt het "
            "niet; vul het in zodra het bekend is",
        ),
        (
            line_of(path, "bestuurlijk_opdrachtgevers"),
            "bestuurlijk opdrachtgever is onbekend: "
            "de bron noemt het niet; vul het in zodra het bekend is",
        ),
        (
            line_of(path, "programmamanager"),
            "programmamanager is onbekend: de bron noemt het niet; vul het in zodra het bekend is",
        ),
        (
            line_of(path, "doelen: onbekend"),
            "inspanning 'ins-3': aan welk doel ze bijdraagt is "
            "onbekend: de bron noemt het niet; vul het in zodra het bekend is",
        ),
        (
            line_of(path, "doel: onbekend"),
            "indicator 'restafval': het doel dat hij meet is "
            "onbekend: de bron noemt het niet; vul het in zodra het bekend is",
        ),
        (
            line_of(path, "peiljaar: onbekend"),
            "indicator 'groen': het peiljaar is onbekend: de "
            "bron noemt het niet; vul het in zodra het bekend is",
        ),
    ]


def test_a_wrong_year_still_gets_the_year_message(tmp_path: Path) -> None:
    path = variant(tmp_path, "eind: 2022}", "eind: onbekent}")
    [f] = load_contract(path).findings
    assert (f.code, f.message) == (
        "PT012",
        "veld 'eind': verwacht een jaartal zoals 2019, of 'onbekend', gevonden 'onbekent'",
    )


def test_written_unknown_direction_is_a_warning_missing_one_an_error(tmp_path: Path) -> None:
    unknown = variant(tmp_path, "    richting: lager\n", "    richting: onbekend\n", "a.yaml")
    [f] = findings(unknown, code="PT601")
    assert f.message == (
        "indicator 'restafval': de richting (is hoger of lager beter?) is onbekend; zonder "
        "richting kan de tool de voortgang niet beoordelen"
    )
    assert findings(unknown, code="PT311") == []
    # Without 'richting' the values show it (220 → 180: lower is better): no finding.
    derived = variant(tmp_path, "    richting: lager\n", "", "b.yaml")
    assert findings(derived, code="PT311") == []
    # A target equal to the baseline shows no direction: an error.
    missing = variant(
        tmp_path,
        "    richting: hoger\n    peilwaarde: 5\n    peiljaar: 2018\n"
        "    streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}\n",
        "    peilwaarde: 5\n    peiljaar: 2018\n    streefwaarden: {2022: 5}\n",
        "c.yaml",
    )
    [f] = findings(missing, code="PT311")
    assert (f.line, f.severity) == (line_of(missing, "- id: scholen"), "fout")
    assert "indicator 'scholen' heeft geen richting" in f.message


def test_no_direction_needed_without_a_numeric_target(tmp_path: Path) -> None:
    # Only a baseline, or targets that are 'n.t.b.': nothing to judge, so no PT311.
    baseline_only = variant(
        tmp_path,
        "    richting: hoger\n    peilwaarde: 5\n    peiljaar: 2018\n"
        "    streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}\n",
        "    peilwaarde: 5\n    peiljaar: 2018\n    streefwaarden: {2022: n.t.b.}\n",
    )
    assert findings(baseline_only, code="PT311") == []
    # A target without a year is a number to judge against: the direction is needed.
    undated = variant(
        tmp_path,
        "    richting: hoger\n    peilwaarde: 5\n    peiljaar: 2018\n"
        "    streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}\n",
        "    streefwaarde_zonder_jaar: 20\n",
        "undated.yaml",
    )
    [f] = findings(undated, code="PT311")
    assert f.line == line_of(undated, "- id: scholen")


def test_one_level_of_goals_is_not_nagged_and_checks_the_goals(tmp_path: Path) -> None:
    text = basis_text()
    start = text.index("strategische_doelen:")
    end = text.index("inspanningen:")
    one_level = (
        "doelniveaus: 1\n"
        "strategische_doelen:\n"
        "  - id: a\n    titel: Scholen doen mee\n"
        "  - id: b\n    titel: Minder restafval\n"
        "  - id: c\n    titel: Groene buurten\n"
        "  - id: d\n    titel: Omgevingsvisie\n"
    )
    path = tmp_path / "een.yaml"
    path.write_text(
        text[:start] + one_level + text[end:].replace("doelen: [II]", "doelen: [c, d]"),
        encoding="utf-8",
    )
    assert findings(path) == []  # no PT105 although no goal has operational goals
    unserved = path.read_text(encoding="utf-8").replace("doelen: [c, d]", "doelen: [c]")
    path.write_text(unserved, encoding="utf-8")
    [f] = findings(path, code="PT102")
    assert (f.line, f.message) == (
        line_of(path, "- id: d"),
        "geen inspanning draagt bij aan doel 'd'",
    )
    nested = path.read_text(encoding="utf-8").replace(
        "    titel: Omgevingsvisie\n",
        "    titel: Omgevingsvisie\n    operationele_doelen:\n      - id: e\n        titel: X\n",
    )
    path.write_text(nested, encoding="utf-8")
    [f] = findings(path, code="PT109")
    assert f.severity == "fout" and "doelniveaus: 1" in f.message


def test_grammar_for_a_single_goal(tmp_path: Path) -> None:
    path = tmp_path / "een-doel.yaml"
    path.write_text(
        "programma: X\ncode: x\ngemeente: Y\nstatus: concept\nperiode: {start: 2024, eind: 2025}\n"
        "rollen:\n  bestuurlijk_opdrachtgevers: [{naam: A}]\n"
        "strategische_doelen:\n  - id: I\n    titel: T\n    operationele_doelen:\n"
        "      - id: a\n        titel: U\n",
        encoding="utf-8",
    )
    messages = {f.code: f.message for f in findings(path)}
    assert messages["PT102"] == (
        "geen enkele inspanning is aan een doel gekoppeld, dus het enige operationele doel "
        "heeft geen inspanning"
    )
    assert messages["PT103"] == (
        "het contract heeft geen indicatoren: het enige operationele doel wordt niet gemeten"
    )


def test_relation_outside_the_portfolio(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "projecten:\n",
        "relaties:\n  - naam: Regionale Energiestrategie Twente\n    extern: true\n"
        "    organisatie: Regio Twente\nprojecten:\n",
    )
    assert findings(path, path) == [] or all(f.code == "PT402" for f in findings(path, path))
    assert [f for f in findings(path) if f.code.startswith("PT4")] == []
    bare = variant(tmp_path, "projecten:\n", "relaties:\n  - naam: Iets\nprojecten:\n", "b.yaml")
    [f] = load_contract(bare).findings
    assert f.code == "PT010" and "'extern: true'" in f.message
    assert f.line == line_of(bare, "- naam: Iets")


def test_messages_say_what_to_write(tmp_path: Path) -> None:
    date = variant(tmp_path, "vastgesteld_op: 2019-06-11", "vastgesteld_op: 11 juni 2019", "d.yaml")
    [f] = load_contract(date).findings
    assert (
        f.message
        == "veld 'vastgesteld_op': verwacht een datum zoals 2019-06-11, gevonden '11 juni 2019'"
    )
    comma = variant(tmp_path, "    peilwaarde: 220\n", "    peilwaarde: 6,3\n", "c.yaml")
    [f] = findings(comma, code="PT308")
    assert f.message == (
        "indicator 'restafval' peilwaarde: verwacht een getal, gevonden '6,3'; "
        "YAML schrijft een decimaal getal met een punt: 6.3"
    )
