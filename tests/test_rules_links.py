"""PT1xx: goals, inspanningen and indicators linked to each other; unique ids."""

from __future__ import annotations

from pathlib import Path

from .test_rules_support import findings, line_of, variant


def test_pt101_inspanning_refers_to_unknown_goal(tmp_path: Path) -> None:
    path = variant(tmp_path, "doelen: [a]\n", "doelen: [a, e]\n")
    [f] = findings(path, code="PT101")
    assert (f.line, f.column, f.severity) == (line_of(path, "doelen: [a, e]"), 17, "fout")
    assert f.message == "inspanning 'ins-1' verwijst naar doel 'e', dat niet bestaat"


def test_pt101_project_with_typo_gets_suggestion(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "    doelen: [c]\n    inspanningen", "    doelen: [II, IIi]\n    inspanningen"
    )
    [f] = findings(path, code="PT101")
    assert f.line == line_of(path, "doelen: [II, IIi]")
    assert f.message == (
        "project 'Schoolplein vergroenen' verwijst naar doel 'IIi', dat niet bestaat; "
        "bedoelde u 'II'?"
    )


def test_pt101_strategic_goal_reference_is_fine(tmp_path: Path) -> None:
    path = variant(tmp_path, "doelen: [a]\n", "doelen: [I, a]\n")
    assert findings(path, code="PT101") == []


def test_pt102_operational_goal_without_inspanning(tmp_path: Path) -> None:
    path = variant(tmp_path, "    doelen: [b]\n", "    doelen: [a]\n")
    [f] = findings(path, code="PT102")
    assert (f.line, f.severity) == (line_of(path, "- id: b"), "waarschuwing")
    assert f.message == (
        "geen inspanning draagt bij aan operationeel doel 'b' of aan strategisch doel 'I'"
    )


def test_pt102_inspanning_on_strategic_goal_covers_its_operational_goals(
    tmp_path: Path,
) -> None:
    # In the base, ins-3 serves strategic goal II and thereby its goals c and d.
    path = variant(tmp_path, "    doelen: [b]\n", "    doelen: [I]\n")
    assert findings(path, code="PT102") == []


def test_pt103_operational_goal_without_indicator(tmp_path: Path) -> None:
    path = variant(tmp_path, "    doel: b\n", "    doel: a\n")
    [f] = findings(path, code="PT103")
    assert (f.line, f.column) == (line_of(path, "- id: b"), 13)
    assert f.message == (
        "geen indicator meet operationeel doel 'b'; noemt de bron er een, neem die dan over "
        "('nog_te_bepalen: true' alleen als de bron zegt dat de indicator nog wordt uitgewerkt)"
    )


def test_pt103_fix_adds_the_sources_indicator_and_invents_no_promise() -> None:
    from programmatool.rules.registry import RULES

    fix = RULES["PT103"].fix
    assert "nog_te_bepalen" not in fix
    assert "doel: b\n" in fix
    assert "verzin er dan geen" in " ".join(RULES["PT103"].why.split())


def test_pt103_not_for_goal_still_to_be_worked_out(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "    doel: b\n",
        "    doel: a\n",
    )
    text = path.read_text(encoding="utf-8").replace(
        "titel: Minder restafval per inwoner\n",
        "titel: Minder restafval per inwoner\n        nog_te_bepalen: true\n",
    )
    path.write_text(text, encoding="utf-8")
    assert findings(path, code="PT103") == []


def test_pt104_indicator_measures_unknown_goal(tmp_path: Path) -> None:
    path = variant(tmp_path, "    doel: b\n", "    doel: B\n")
    found = findings(path, code="PT104")
    assert [(f.line, f.column) for f in found] == [(line_of(path, "doel: B"), 11)]
    assert (
        found[0].message == "indicator 'restafval' meet doel 'B', dat niet bestaat; bedoelde u 'b'?"
    )


def test_pt104_not_for_indicator_on_strategic_goal(tmp_path: Path) -> None:
    path = variant(tmp_path, "    doel: b\n", "    doel: I\n")
    assert findings(path, code="PT104") == []


def test_pt105_strategic_goal_without_operational_goals(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "inspanningen:\n",
        "  - id: III\n    titel: De stad is stiller\ninspanningen:\n",
    )
    [f] = findings(path, code="PT105")
    assert (f.line, f.severity) == (line_of(path, "- id: III"), "waarschuwing")
    assert f.message == "strategisch doel 'III' heeft geen operationele doelen"


def test_pt106_inspanning_contributes_to_nothing(tmp_path: Path) -> None:
    path = variant(tmp_path, "    doelen: [II]\n", "    doelen: []\n")
    [f] = findings(path, code="PT106")
    assert f.line == line_of(path, "- id: ins-3")
    assert f.message == (
        "inspanning 'ins-3' draagt aan geen enkel doel bij (veld 'doelen' is leeg; "
        "schrijf 'doelen: onbekend' als de bron het niet zegt)"
    )


def test_pt107_duplicate_goal_id_points_at_second_with_line_of_first(tmp_path: Path) -> None:
    path = variant(tmp_path, "      - id: d\n", "      - id: a\n")
    [f] = findings(path, code="PT107")
    first = line_of(path, "- id: a")
    assert f.line == line_of(path, "- id: a", nth=2)
    assert f.message == f"doel-id 'a' komt al voor op regel {first}"


def test_pt107_duplicate_indicator_id(tmp_path: Path) -> None:
    path = variant(tmp_path, "  - id: spanning\n", "  - id: groen\n")
    [f] = findings(path, code="PT107")
    assert f.line == line_of(path, "- id: groen", nth=2)
    assert f.message.startswith("indicator-id 'groen' komt al voor op regel ")


def test_pt107_same_id_for_goal_and_inspanning_is_fine(tmp_path: Path) -> None:
    path = variant(tmp_path, "  - id: ins-3\n", "  - id: a\n")
    assert findings(path, code="PT107") == []


def test_pt108_budget_line_refers_to_unknown_inspanning(tmp_path: Path) -> None:
    path = variant(tmp_path, "inspanningen: [ins-1]\n", "inspanningen: [ins-7]\n")
    [f] = findings(path, code="PT108")
    assert f.line == line_of(path, "inspanningen: [ins-7]")
    assert f.message == (
        "begrotingsregel 'Educatie' verwijst naar inspanning 'ins-7', die niet bestaat"
    )


def test_pt102_no_links_at_all_is_one_finding(tmp_path: Path) -> None:
    path = variant(tmp_path, "    doelen: [a]\n", "")
    text = path.read_text(encoding="utf-8").replace("    doelen: [b]\n", "")
    path.write_text(text.replace("    doelen: [II]\n", ""), encoding="utf-8")
    found = findings(path)
    assert [(f.code, f.line) for f in found] == [("PT102", line_of(path, "inspanningen:"))]
    assert found[0].message == (
        "geen enkele inspanning is aan een doel gekoppeld, dus geen van de 4 operationele "
        "doelen heeft een inspanning"
    )


def test_pt103_no_indicators_at_all_is_one_finding(tmp_path: Path) -> None:
    path = variant(tmp_path, "indicatoren:\n", "oude_indicatoren:\n")
    body = path.read_text(encoding="utf-8")
    start, end = body.index("oude_indicatoren:\n"), body.index("middelen:\n")
    path.write_text(body[:start] + body[end:], encoding="utf-8")
    found = findings(path, code="PT103")
    assert [f.line for f in found] == [line_of(path, "strategische_doelen:")]
    assert found[0].message == (
        "het contract heeft geen indicatoren: geen van de 4 operationele doelen wordt gemeten"
    )


def test_pt105_no_operational_goals_at_all_is_one_finding(tmp_path: Path) -> None:
    path = variant(tmp_path, "  - id: II\n    titel: De stad is groener\n", "")
    body = path.read_text(encoding="utf-8")
    start, end = body.index("    operationele_doelen:\n"), body.index("inspanningen:\n")
    body = body[:start] + "  - id: II\n    titel: De stad is groener\n" + body[end:]
    path.write_text(body, encoding="utf-8")
    result = [f for f in findings_unchecked(path) if f.code == "PT105"]
    assert [f.line for f in result] == [line_of(path, "strategische_doelen:")]
    assert result[0].message == "geen van de 2 strategische doelen heeft operationele doelen"


def findings_unchecked(path: Path) -> list:  # type: ignore[type-arg]
    from programmatool import check

    from .test_rules_support import VANDAAG

    return check([path], today=VANDAAG).findings
