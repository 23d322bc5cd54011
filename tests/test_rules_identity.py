"""PT5xx: identity and period of a contract."""

from __future__ import annotations

from pathlib import Path

from .test_rules_support import findings, line_of, variant


def test_pt501_end_before_start(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "periode: {start: 2019, eind: 2022}", "periode: {start: 2019, eind: 2018}"
    )
    found = findings(path)
    assert [f.code for f in found] == ["PT501"]  # no cascade of 'outside the period'
    assert (found[0].line, found[0].column) == (line_of(path, "periode:"), 30)
    assert found[0].message == "eindjaar 2018 ligt vóór startjaar 2019"


def test_pt501_one_year_programme_is_fine(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "periode: {start: 2019, eind: 2022}", "periode: {start: 2019, eind: 2019}"
    )
    assert findings(path, code="PT501") == []


def test_adopted_without_date_is_no_finding(tmp_path: Path) -> None:
    # Sources often do not print the date of adoption; a faithful file leaves it out.
    path = variant(tmp_path, "vastgesteld_op: 2019-06-11\n", "")
    assert findings(path) == []


def test_pt503_concept_with_date(tmp_path: Path) -> None:
    path = variant(tmp_path, "status: vastgesteld\n", "status: concept\n")
    [f] = findings(path, code="PT503")
    assert f.line == line_of(path, "vastgesteld_op:")
    assert f.message == (
        "status is 'concept', maar het contract heeft een datum van vaststelling (2019-06-11)"
    )


def test_pt504_adopted_after_the_period(tmp_path: Path) -> None:
    path = variant(tmp_path, "vastgesteld_op: 2019-06-11", "vastgesteld_op: 2023-01-10")
    [f] = findings(path, code="PT504")
    assert f.line == line_of(path, "vastgesteld_op:")
    assert f.message == "vastgesteld op 2023-01-10, na het einde van de looptijd 2019–2022"
