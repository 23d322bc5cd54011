"""Progress per indicator and year, and the roll-ups per goal and programme."""

from __future__ import annotations

import pytest

from programmatool.loading import load_contract
from programmatool.model.contract import Contract, Indicator
from programmatool.progress.indicator import indicator_progress
from programmatool.progress.results import IndicatorProgress
from programmatool.progress.rollup import contract_progress
from programmatool.progress.statuses import combine
from programmatool.progress.thresholds import ThresholdError, Thresholds, thresholds_from_table

from .conftest import FIXTURES, MINIMAAL

RANDGEVALLEN = FIXTURES / "progress" / "randgevallen.yaml"


@pytest.fixture(scope="module")
def randgevallen() -> Contract:
    result = load_contract(RANDGEVALLEN)
    assert result.contract is not None, [f.as_text() for f in result.findings]
    return result.contract


def voortgang(contract: Contract, indicator: str, jaar: int | None = None) -> IndicatorProgress:
    ind = next(i for i in contract.indicatoren if i.id == indicator)
    return indicator_progress(ind, jaar)


def make(**fields: object) -> Indicator:
    base: dict[str, object] = {"id": "x", "naam": "X", "doel": "a"}
    base.update(fields)
    return Indicator.model_validate(base)


# --- numbers ----------------------------------------------------------------------------------


def test_higher_is_better_behind_the_path_within_a_quarter(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "hoger", 2020)
    assert (v.realisatie, v.realisatie_jaar) == (11, 2020)
    assert (v.streefwaarde, v.eindwaarde, v.eindjaar) == (12, 20, 2022)
    assert v.voortgang == pytest.approx(0.4)  # (11 - 5) / (20 - 5)
    # the path expects 12 in 2020: 6 of 7 covered, 14 % behind
    assert v.status == "kleine achterstand"
    assert "ontbreekt 14 %" in v.uitleg and "was in 2020 12 nodig" in v.uitleg


def test_year_ahead_of_the_path_is_on_course(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "hoger", 2019)
    assert (v.realisatie, v.status) == (9, "op koers")


def test_lower_is_better(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "lager", 2020)
    # from 100 (2018) to 60 (2022): the path expects 80 in 2020; 84 covers 16 of 20
    assert v.voortgang == pytest.approx(0.4)
    assert v.verwacht == pytest.approx(80)
    assert v.status == "kleine achterstand"
    assert "20 %" in v.uitleg and "lager is beter" in v.uitleg
    assert voortgang(randgevallen, "lager", 2019).status == "achter"  # 95: 5 of 10


def test_lower_is_better_mirrors_higher_is_better() -> None:
    up = make(peilwaarde=0, peiljaar=2018, streefwaarden={2022: 40}, realisaties={2020: 17})
    down = make(
        richting="lager",
        peilwaarde=0,
        peiljaar=2018,
        streefwaarden={2022: -40},
        realisaties={2020: -17},
    )
    a, b = indicator_progress(up), indicator_progress(down)
    assert (a.status, a.voortgang) == (b.status, b.voortgang) == ("kleine achterstand", 0.425)


def test_baseline_equal_to_target(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "gelijk", 2020)
    # keep 7.5: 7.2 is 4 % below the level, within the 10 % of "op koers"
    assert (v.status, v.voortgang) == ("op koers", 0.0)
    level = {"peilwaarde": 7.5, "peiljaar": 2018, "streefwaarden": {2022: 7.5}}
    kept = make(richting="hoger", realisaties={2020: 7.5}, **level)
    assert (indicator_progress(kept).status, indicator_progress(kept).voortgang) == ("behaald", 1.0)
    fell = make(richting="hoger", realisaties={2020: 5}, **level)
    assert indicator_progress(fell).status == "achter"  # a third below the level
    # Without a written direction nothing shows whether 5 is worse than 7.5: no invented verdict.
    unknown = indicator_progress(make(realisaties={2020: 5}, **level))
    assert unknown.status == "geen oordeel mogelijk"
    assert "zegt niet of hoger of lager beter is" in unknown.uitleg


def test_direction_is_derived_only_where_the_values_show_it() -> None:
    assert make(peilwaarde=10, streefwaarden={2022: 4}).bepaalde_richting() == (
        "lager",
        "afgeleid",
    )
    assert make(streefwaarden={2020: 1, 2022: 4}).bepaalde_richting() == ("hoger", "afgeleid")
    assert make(streefwaarden={2022: 4}).bepaalde_richting() == (None, "ontbreekt")
    assert make(richting="onbekend", peilwaarde=1, streefwaarden={2022: 4}).bepaalde_richting() == (
        None,
        "onbekend",
    )
    assert make(richting="lager").bepaalde_richting() == ("lager", "opgegeven")
    lower = indicator_progress(
        make(peilwaarde=10, peiljaar=2018, streefwaarden={2022: 4}, realisaties={2020: 7})
    )
    assert lower.status == "op koers"  # 10 → 7 by 2020 is ahead of the path towards 4


def test_realisation_past_the_final_target(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "voorbij", 2020)
    assert v.status == "behaald"
    assert v.voortgang == pytest.approx(1.25)  # not clipped: (35 - 10) / (30 - 10)
    assert "haalt de eindstreefwaarde (30 in 2022)" in v.uitleg


def test_missing_years_use_the_latest_earlier_measurement(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "gaten", 2020)
    assert (v.jaar, v.realisatie, v.realisatie_jaar) == (2020, 10, 2019)
    assert v.streefwaarde is None  # no target in or before 2020
    assert v.status == "op koers"  # 10 in 2019 is exactly on the line 0 → 40
    later = voortgang(randgevallen, "gaten", 2022)
    assert (later.realisatie, later.realisatie_jaar, later.streefwaarde) == (12, 2021, 40)
    assert later.status == "achter"


def test_year_before_any_measurement(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "voorbij", 2019)
    assert (v.status, v.realisatie, v.voortgang) == ("geen meting", None, None)
    assert "de eerste is van 2020" in v.uitleg


def test_unknown_values(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "onbekend")
    assert (v.status, v.realisatie, v.voortgang) == ("geen meting", None, None)
    assert "nog onbekend (n.t.b.)" in v.uitleg


def test_unknown_baseline_still_compares_with_the_target() -> None:
    ind = make(peilwaarde="n.t.b.", streefwaarden={2020: 50, 2022: 60}, realisaties={2021: 54})
    v = indicator_progress(ind)
    assert v.voortgang is None  # no baseline, no fraction
    assert v.status == "op koers"  # path 50 → 60 expects 55; 54 is 2 % below
    early = make(peilwaarde="n.t.b.", streefwaarden={2022: 60}, realisaties={2020: 54})
    assert indicator_progress(early).status == "geen oordeel mogelijk"


def test_no_numeric_target(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "geen-streef", 2020)
    assert (v.status, v.eindwaarde, v.voortgang) == ("geen oordeel mogelijk", "p.m.", None)


def test_history_before_the_programme(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "reeks")  # realisaties 2011–2019, targets 2020 and 2022
    assert (v.jaar, v.realisatie, v.realisatie_jaar) == (2019, 41, 2019)
    assert v.voortgang == pytest.approx(0.125)
    assert v.status == "achter"  # the path expects 42 in 2019: half of the way
    old = voortgang(randgevallen, "reeks", 2015)
    assert old.status == "geen meting" and "vóór het peiljaar 2018" in old.uitleg


def test_peiljaar_missing_starts_the_path_a_year_before_the_first_target() -> None:
    ind = make(peilwaarde=0, streefwaarden={2020: 10, 2022: 30}, realisaties={2020: 9.5})
    assert indicator_progress(ind).status == "op koers"


# --- words, milestones, judgements ------------------------------------------------------------


def test_word_scale_by_its_order(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "schaal", 2020)
    assert (v.realisatie, v.streefwaarde) == ("matig", "voldoende")
    assert v.status == "kleine achterstand"  # one step below the year's target
    assert "1 stap onder" in v.uitleg
    assert voortgang(randgevallen, "schaal", 2019).status == "op koers"
    done = voortgang(randgevallen, "schaal", 2021)
    assert (done.status, done.voortgang) == ("behaald", 1.0)


def test_word_not_on_the_scale() -> None:
    ind = make(
        meetsoort="schaal",
        schaal=["laag", "hoog"],
        peilwaarde="laag",
        peiljaar=2018,
        streefwaarden={2022: "hoog"},
        realisaties={2020: "redelijk"},
    )
    v = indicator_progress(ind)
    assert v.status == "geen oordeel mogelijk"
    assert "'redelijk' staat niet op de schaal (laag, hoog)" in v.uitleg


def test_scale_two_steps_behind_is_behind() -> None:
    ind = make(
        meetsoort="schaal",
        schaal=["a", "b", "c", "d"],
        peilwaarde="a",
        peiljaar=2018,
        streefwaarden={2019: "c", 2022: "d"},
        realisaties={2020: "a"},
    )
    assert indicator_progress(ind).status == "achter"


def test_milestone(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "mijlpaal")
    assert (v.status, v.realisatie, v.eindwaarde) == ("behaald", "2021-10-05", "2021-12-31")
    late = make(
        meetsoort="mijlpaal", streefdatum="2021-06-30", realisaties={2022: {"behaald": False}}
    )
    assert indicator_progress(late).status == "niet behaald"
    open_ = make(
        meetsoort="mijlpaal", streefdatum="2023-06-30", realisaties={2021: {"behaald": False}}
    )
    assert indicator_progress(open_).status == "op koers"


def test_milestone_due_in_a_year_without_a_date() -> None:
    """ "Er is in 2024 een kader": due by the end of 2024, and the texts name the year only."""
    due = {"meetsoort": "mijlpaal", "streefjaar": 2024, "streefdatum_tekst": "in 2024"}
    open_ = indicator_progress(make(**due, realisaties={2023: {"behaald": False}}))
    assert open_.status == "op koers"
    assert open_.uitleg.endswith("het streefjaar is 2024.")
    assert (open_.eindwaarde, open_.eindjaar) == ("in 2024", 2024)
    missed = indicator_progress(make(**due, realisaties={2024: {"behaald": False}}))
    assert missed.status == "niet behaald"
    assert "het streefjaar (2024) is verstreken" in missed.uitleg
    assert indicator_progress(make(**due, realisaties={2024: {"behaald": True}})).status == (
        "behaald"
    )
    late = indicator_progress(make(**due, realisaties={2025: {"behaald": True}}))
    assert late.status == "behaald" and "na het streefjaar (2024)" in late.uitleg
    assert "december" not in missed.uitleg + late.uitleg + open_.uitleg  # no invented date
    assert indicator_progress(make(**due), 2023).status == "geen meting"
    assert indicator_progress(make(**due), 2024).status == "niet behaald"


def test_explicit_judgement_without_number(randgevallen: Contract) -> None:
    v = voortgang(randgevallen, "oordeel", 2020)
    assert (v.status, v.realisatie, v.realisatie_jaar) == ("behaald", None, 2020)


# --- thresholds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meting", "status"),
    [
        (12, "op koers"),
        (11, "op koers"),  # exactly 10 % behind: the boundary still counts as on course
        (10.9, "kleine achterstand"),
        (9.5, "kleine achterstand"),  # exactly 25 % behind
        (9.4, "achter"),
    ],
)
def test_default_thresholds(meting: float, status: str) -> None:
    # 2 → 22 over 2018–2022: 2020 expects 12, a distance of 10 from the baseline
    ind = make(peilwaarde=2, peiljaar=2018, streefwaarden={2022: 22}, realisaties={2020: meting})
    assert indicator_progress(ind).status == status


def test_configured_thresholds_change_the_status() -> None:
    ind = make(peilwaarde=0, peiljaar=2018, streefwaarden={2022: 20}, realisaties={2020: 8.5})
    assert indicator_progress(ind).status == "kleine achterstand"
    assert indicator_progress(ind, None, Thresholds(op_koers=0.2)).status == "op koers"
    strict = Thresholds(op_koers=0.0, kleine_achterstand=0.1)
    assert indicator_progress(ind, None, strict).status == "achter"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"op_koers": 1.5}, "tussen 0 en 1"),
        ({"op_koers": "veel"}, "moet een getal zijn"),
        ({"op_koers": 0.3, "kleine_achterstand": 0.2}, "niet groter zijn dan 'kleine_achterstand'"),
        ({"opkoers": 0.3}, "onbekende sleutel 'opkoers'"),
    ],
)
def test_bad_thresholds_are_refused(table: dict[str, object], message: str) -> None:
    with pytest.raises(ThresholdError, match=message):
        thresholds_from_table(table)


# --- roll-ups ---------------------------------------------------------------------------------


def test_rollup_rule() -> None:
    assert combine(["behaald", "op koers", "achter", "geen meting"]) == "achter"
    assert combine(["behaald", "op koers"]) == "op koers"
    assert combine(["behaald", "behaald", "geen meting"]) == "behaald"
    assert combine(["geen meting", "geen oordeel mogelijk"]) == "geen oordeel mogelijk"
    assert combine(["geen oordeel mogelijk"]) == "geen oordeel mogelijk"
    assert combine([]) == "geen oordeel mogelijk"


def test_contract_rollup(randgevallen: Contract) -> None:
    pv = contract_progress(randgevallen, 2020)
    assert pv.jaar == 2020
    goals = {d.id: d for d in pv.doelen}
    ops = {od.id: od for d in pv.doelen for od in d.operationele_doelen}
    assert ops["a"].status == "kleine achterstand"
    assert ops["c"].status == "achter"  # 'reeks' is behind, whatever the others do
    assert ops["d"].status == "kleine achterstand"
    assert ops["e"].status == "geen oordeel mogelijk" and ops["e"].indicatoren == []
    assert goals["I"].status == "achter"
    assert goals["II"].status == "kleine achterstand"
    assert pv.status == "achter"
    assert pv.telling == {
        "behaald": 2,
        "op koers": 2,
        "kleine achterstand": 3,
        "achter": 1,
        "geen meting": 2,
        "geen oordeel mogelijk": 1,
    }
    assert ops["a"].verantwoording is not None
    assert ops["a"].verantwoording.resultaten == "Er doen 11 scholen mee."


def test_default_year_is_the_contracts_latest_measurement(randgevallen: Contract) -> None:
    pv = contract_progress(randgevallen)
    assert pv.jaar == 2021
    assert all(row.jaar == 2021 for row in pv.indicatoren)
    empty = randgevallen.model_copy(update={"indicatoren": []})
    assert contract_progress(empty).jaar is None
    assert contract_progress(empty).status == "geen oordeel mogelijk"


def test_money_budgeted_and_spent() -> None:
    result = load_contract(MINIMAAL)
    assert result.contract is not None
    contract = result.contract.model_copy(deep=True)
    assert contract.middelen is not None
    contract.middelen.begrotingen[0].regels[0].besteed = {2020: 9500}
    pv = contract_progress(contract, 2020)
    assert [(g.jaar, g.begroot, g.besteed) for g in pv.geld] == [(2020, 10000, 9500)]
    assert [(g.begroot, g.besteed) for g in contract_progress(contract, 2021).geld] == [
        (10000, None)
    ]
