"""The pure comparison: two Contract models → changes in meaning, judged as a council would."""

from __future__ import annotations

import pytest

from programmatool.diff.changes import (
    CHECKS,
    Change,
    diff,
    same_text,
    with_severities,
    word_summary,
)
from programmatool.loading import load_text
from programmatool.model.contract import Contract

from .conftest import MINIMAAL

BASE = MINIMAAL.read_text(encoding="utf-8")


def contract(text: str) -> Contract:
    loaded = load_text(text, "test.yaml")
    assert loaded.contract is not None, [f.as_text() for f in loaded.findings]
    return loaded.contract


def changes(new_text: str, old_text: str = BASE) -> list[Change]:
    return diff(contract(old_text), contract(new_text))


def edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def kinds(found: list[Change]) -> list[str]:
    return [c.check for c in found]


# --- what is never a change -------------------------------------------------------------------


def test_the_same_contract_has_no_changes() -> None:
    assert changes(BASE) == []


def test_layout_comments_quoting_and_key_order_are_not_changes() -> None:
    text = edit("programma: Schone Stad\n", 'programma: "Schone Stad"  # naam\n')
    text = edit("code: schone-stad", "code: 'schone-stad'  # andere opmaak", text)
    text = edit(
        "    streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}",
        "    streefwaarden:\n      2022: 20\n      2021: 17\n      2020: 12\n      2019: 8",
        text,
    )
    text = edit("periode: {start: 2019, eind: 2022}", "periode:\n  eind: 2022\n  start: 2019", text)
    assert changes(text) == []


def test_a_reflowed_paragraph_is_not_a_change() -> None:
    text = edit(
        "samenvatting: |\n  De stad wordt schoner en groener.",
        "samenvatting: >-\n  De stad wordt\n  schoner    en\n  groener.",
    )
    assert changes(text) == []
    assert same_text("een twee\ndrie\n\nvier", "een\ntwee drie\n\n vier ")
    assert not same_text("een twee drie vier", "een twee\n\ndrie vier")


# --- targets, judged in the indicator's own direction -----------------------------------------


def test_lower_target_on_higher_is_better_is_a_lowered_ambition() -> None:
    found = changes(edit("2021: 17, 2022: 20}", "2021: 17, 2022: 18}"))
    assert kinds(found) == ["ambitie-verlaagd"]
    change = found[0]
    assert change.message == "ambitie verlaagd: 20 → 18 in 2022, hoger is beter"
    assert change.subject.startswith("indicator 'scholen'")
    assert (change.year, change.old, change.new, change.difference) == (2022, 20, 18, -2)
    assert change.severity == "belangrijk"
    assert change.path == ("indicatoren", 0, "streefwaarden", 2022)


def test_higher_target_on_higher_is_better_is_a_raised_ambition() -> None:
    found = changes(edit("2021: 17, 2022: 20}", "2021: 17, 2022: 25}"))
    assert kinds(found) == ["ambitie-verhoogd"]
    assert found[0].message == "ambitie verhoogd: 20 → 25 in 2022, hoger is beter"
    assert found[0].severity == "opmerking"


def test_lower_is_better_turns_the_judgement_around() -> None:
    base = edit("    richting: hoger", "    richting: lager")
    higher = changes(edit("2021: 17, 2022: 20}", "2021: 17, 2022: 24}", base), base)
    lower = changes(edit("2021: 17, 2022: 20}", "2021: 17, 2022: 16}", base), base)
    assert [c.message for c in higher] == ["ambitie verlaagd: 20 → 24 in 2022, lager is beter"]
    assert kinds(lower) == ["ambitie-verhoogd"]


def test_each_year_is_judged_on_its_own() -> None:
    found = changes(
        edit("{2019: 8, 2020: 12, 2021: 17, 2022: 20}", "{2019: 8, 2020: 13, 2021: 15, 2022: 20}")
    )
    assert [(c.check, c.year) for c in found] == [
        ("ambitie-verhoogd", 2020),
        ("ambitie-verlaagd", 2021),
    ]


def test_target_added_removed_and_unknown() -> None:
    removed = changes(
        edit("{2019: 8, 2020: 12, 2021: 17, 2022: 20}", "{2019: 8, 2020: 12, 2021: 17}")
    )
    assert kinds(removed) == ["streefwaarde-verwijderd"]
    assert removed[0].message == "streefwaarde 2022 vervallen (was 20)"
    unknown = changes(edit("2021: 17, 2022: 20}", "2021: 17, 2022: n.t.b.}"))
    assert [c.message for c in unknown] == ["streefwaarde 20 → n.t.b. in 2022"]
    assert kinds(unknown) == ["streefwaarde-gewijzigd"]


def test_direction_flipped() -> None:
    found = changes(edit("    richting: hoger", "    richting: lager"))
    assert kinds(found) == ["richting-gewijzigd"]


def test_baseline_changed_after_the_fact() -> None:
    found = changes(edit("    peilwaarde: 5", "    peilwaarde: 6"))
    assert kinds(found) == ["peilwaarde-gewijzigd"]
    assert found[0].message == "peilwaarde achteraf gewijzigd: 5 (2018) → 6 (2018)"
    year = changes(edit("    peiljaar: 2018", "    peiljaar: 2017"))
    assert [c.message for c in year] == ["peilwaarde achteraf gewijzigd: 5 (2018) → 5 (2017)"]


def test_measurements_added_and_rewritten() -> None:
    added = changes(edit("      2019: 9\n", "      2021: 15\n      2019: 9\n"))
    assert [(c.check, c.message) for c in added] == [("realisatie-toegevoegd", "meting 2021: 15")]
    rewritten = changes(edit("      2019: 9\n", "      2019: 7\n"))
    assert [c.check for c in rewritten] == ["realisatie-gewijzigd"]
    assert rewritten[0].message == "meting 2019 achteraf gewijzigd: 9 → 7"


def test_milestone_date_moved() -> None:
    base = edit(
        "    bron: Gemeente Voorbeeldstad",
        "    bron: Gemeente Voorbeeldstad\n  - id: plan\n    naam: Afvalplan vastgesteld\n"
        "    doel: a\n    meetsoort: mijlpaal\n    streefdatum: 2020-07-01",
    )
    found = changes(edit("streefdatum: 2020-07-01", "streefdatum: 2021-01-01", base), base)
    assert kinds(found) == ["mijlpaal-verschoven"]
    assert found[0].message == "streefdatum 1 juli 2020 → 1 januari 2021 (184 dagen later)"


def test_a_milestone_due_in_a_year_moves_by_years() -> None:
    base = edit(
        "    bron: Gemeente Voorbeeldstad",
        "    bron: Gemeente Voorbeeldstad\n  - id: kader\n    naam: Kader vastgesteld\n"
        "    doel: a\n    meetsoort: mijlpaal\n    streefjaar: 2024",
    )
    found = changes(edit("streefjaar: 2024", "streefjaar: 2025", base), base)
    assert kinds(found) == ["mijlpaal-verschoven"]
    assert found[0].message == "streefjaar 2024 → 2025 (1 jaar later)"


EDUCATIE = (
    "        - omschrijving: Educatie\n"
    "          bedragen: {2019: 10000, 2020: 10000, 2021: 10000, 2022: 10000}\n"
)
COACHES = (
    "        - omschrijving: Afvalcoaches\n"
    "          bedragen: {2019: 5000, 2020: 5000, 2021: 5000, 2022: 5000}\n"
)

# --- money ------------------------------------------------------------------------------------

TWO_LINES = edit(
    EDUCATIE + "      totalen: {2019: 10000, 2020: 10000, 2021: 10000, 2022: 10000}",
    EDUCATIE + COACHES + "      totalen: {2019: 15000, 2020: 15000, 2021: 15000, 2022: 15000}",
)


def test_money_moved_between_two_lines_changes_both_lines_and_not_the_total() -> None:
    text = edit(
        "2021: 10000, 2022: 10000}\n        - omschrijving: Afval",
        "2021: 10000, 2022: 12000}\n        - omschrijving: Afval",
        TWO_LINES,
    )
    text = edit("2021: 5000, 2022: 5000}", "2021: 5000, 2022: 3000}", text)
    found = changes(text, TWO_LINES)
    assert [(c.check, c.subject, c.message) for c in found] == [
        (
            "bedrag-gewijzigd",
            "begroting 'Verdeling middelen 2019-2022', regel 'Educatie' 2022",
            "€ 10.000 → € 12.000 (+€ 2.000)",
        ),
        (
            "bedrag-gewijzigd",
            "begroting 'Verdeling middelen 2019-2022', regel 'Afvalcoaches' 2022",
            "€ 5.000 → € 3.000 (−€ 2.000)",
        ),
    ]
    assert [c.difference for c in found] == [2000, -2000]


def test_a_total_that_changes_is_reported_per_year() -> None:
    text = edit("2021: 5000, 2022: 5000}", "2021: 5000, 2022: 7000}", TWO_LINES)
    text = edit("2021: 15000, 2022: 15000}", "2021: 15000, 2022: 17000}", text)
    found = changes(text, TWO_LINES)
    assert kinds(found) == ["bedrag-gewijzigd", "totaal-gewijzigd"]
    total = found[1]
    assert total.subject == "begroting 'Verdeling middelen 2019-2022', totaal 2022"
    assert total.message == "€ 15.000 → € 17.000 (+€ 2.000)"
    assert total.severity == "belangrijk"


def test_without_printed_totals_the_sum_of_the_lines_is_the_total() -> None:
    base = edit(
        "      totalen: {2019: 15000, 2020: 15000, 2021: 15000, 2022: 15000}\n", "", TWO_LINES
    )
    text = edit("2020: 5000, 2021: 5000", "2020: 6000, 2021: 5000", base)
    found = changes(text, base)
    assert [(c.check, c.message) for c in found] == [
        ("bedrag-gewijzigd", "€ 5.000 → € 6.000 (+€ 1.000)"),
        ("totaal-gewijzigd", "€ 15.000 → € 16.000 (+€ 1.000)"),
    ]


def test_thousands_tables_are_shown_and_counted_in_euros() -> None:
    base = edit(
        "      eenheid: euro\n",
        "      eenheid: duizend_euro\n",
        TWO_LINES.replace("10000", "10").replace("15000", "15").replace("5000", "5"),
    )
    text = edit("2021: 5, 2022: 5}", "2021: 5, 2022: 8}", base)
    text = edit("2021: 15, 2022: 15}", "2021: 15, 2022: 18}", text)
    found = changes(text, base)
    assert [c.message for c in found] == [
        "€ 5.000 → € 8.000 (+€ 3.000)",
        "€ 15.000 → € 18.000 (+€ 3.000)",
    ]
    assert [(c.old, c.new, c.difference) for c in found] == [
        (5000, 8000, 3000),
        (15000, 18000, 3000),
    ]


def test_budget_lines_match_by_description_not_position() -> None:
    swapped = TWO_LINES.replace(EDUCATIE + COACHES, COACHES + EDUCATIE)
    assert swapped != TWO_LINES
    assert changes(swapped, TWO_LINES) == []
    removed = changes(BASE, TWO_LINES)
    assert kinds(removed) == ["begrotingsregel-verwijderd", *["totaal-gewijzigd"] * 4]
    assert removed[0].side == "oud"


def test_money_of_an_inspanning() -> None:
    text = edit(
        "    planning: [2019, 2020-Q3]", "    planning: [2019, 2020-Q3]\n    bedragen: {2020: 2500}"
    )
    found = changes(text)
    assert [(c.check, c.subject, c.message) for c in found] == [
        ("bedrag-gewijzigd", "inspanning 'ins-1', bedrag 2020", "geen → € 2.500 (+€ 2.500)")
    ]


# --- planning, period, goals, roles, texts -----------------------------------------------------


def test_planning_moved_later() -> None:
    found = changes(edit("planning: [2019, 2020-Q3]", "planning: [2019, 2021-Q1]"))
    assert [(c.check, c.message) for c in found] == [
        ("planning-verschoven", "planning 2019, 2020-Q3 → 2019, 2021-Q1 (later)")
    ]


def test_period_changed() -> None:
    found = changes(
        edit("periode: {start: 2019, eind: 2022}", "periode: {start: 2019, eind: 2023}")
    )
    assert [(c.check, c.message) for c in found] == [("periode-gewijzigd", "2019–2022 → 2019–2023")]


def test_a_goal_left_without_indicators() -> None:
    text = edit("    doel: a\n", "    doel: b\n")
    text = edit(
        "        titel: In 2022 doen 20 scholen mee aan educatieprojecten over afval",
        "        titel: In 2022 doen 20 scholen mee aan educatieprojecten over afval\n"
        "      - id: b\n        titel: Minder zwerfafval",
        text,
    )
    found = changes(text)
    assert kinds(found) == ["doel-toegevoegd", "doel-zonder-indicatoren", "waarde-gewijzigd"]
    assert found[1].subject == "doel a"
    assert found[1].message == "heeft geen indicator meer (had er 1)"


def test_goals_indicators_and_inspanningen_added_and_removed_by_id() -> None:
    text = edit("  - id: ins-1", "  - id: ins-2")
    found = changes(text)
    assert kinds(found) == ["inspanning-toegevoegd", "inspanning-verwijderd"]
    assert found[1].side == "oud"
    goal = changes(edit("      - id: a\n", "      - id: a2\n"))
    assert "doel-verwijderd" in kinds(goal) and "doel-toegevoegd" in kinds(goal)


def test_a_goal_reworded_gets_a_word_level_summary() -> None:
    found = changes(edit("In 2022 doen 20 scholen mee", "In 2022 doen 25 scholen mee"))
    assert [(c.check, c.message) for c in found] == [("doel-gewijzigd", "'20' → '25'")]


def test_roles_by_name() -> None:
    found = changes(edit("    naam: B. de Manager", "    naam: C. de Nieuwe"))
    assert [(c.check, c.message) for c in found] == [
        ("rol-gewijzigd", "B. de Manager → C. de Nieuwe")
    ]


def test_other_parts_are_compared_too() -> None:
    found = changes(edit("    uren_per_week: 36", "    uren_per_week: 32"))
    assert [(c.check, c.subject, c.message) for c in found] == [
        ("waarde-gewijzigd", "capaciteit 'Programmamanager', uren per week, van", "36 → 32")
    ]


def test_word_summary_is_short() -> None:
    old = " ".join(f"woord{i}" for i in range(200))
    new = old.replace("woord10 ", "").replace("woord50", "ander50").replace("woord150", "x y z")
    new += " slot"
    summary = word_summary(old, new)
    assert summary == (
        "weg: 'woord10'; 'woord50' → 'ander50'; 'woord150' → 'x y z'; en nog 1 wijziging"
    )
    assert len(word_summary(old, "kort")) < 80


# --- severities -------------------------------------------------------------------------------


def test_every_change_kind_has_a_known_severity() -> None:
    assert all(c.severity in ("belangrijk", "opmerking", "info") for c in CHECKS.values())


def test_configured_severities_and_switched_off_kinds() -> None:
    found = changes(edit("2021: 17, 2022: 20}", "2021: 17, 2022: 18}"))
    assert [c.severity for c in with_severities(found, {"ambitie-verlaagd": "info"})] == ["info"]
    assert with_severities(found, {"ambitie-verlaagd": None}) == []


@pytest.mark.parametrize(
    "path", sorted((MINIMAAL.parent.parent.parent / "programmas").glob("*.yaml"))
)
def test_every_real_contract_equals_itself(path: object) -> None:
    from pathlib import Path

    text = Path(str(path)).read_text(encoding="utf-8")
    assert changes(text, text) == []


def test_the_facade_exports_diff_also_after_the_module_is_imported() -> None:
    import programmatool.diff.changes  # noqa: F401  (imports the subpackage programmatool.diff)
    from programmatool import diff as facade

    old = contract(BASE)
    new = contract(edit("2021: 17, 2022: 20}", "2021: 17, 2022: 18}"))
    assert [c.check for c in facade(old, new)] == ["ambitie-verlaagd"]


def test_spent_available_and_grand_total_are_amounts_too() -> None:
    base = edit(
        "      totalen: {2019: 10000, 2020: 10000, 2021: 10000, 2022: 10000}",
        "      totalen: {2019: 10000, 2020: 10000, 2021: 10000, 2022: 10000}\n"
        "      totaal: 40000\n      beschikbaar: {2019: 500}",
    )
    text = edit(
        "      totaal: 40000\n      beschikbaar: {2019: 500}",
        "      totaal: 41000\n      beschikbaar: {2019: 0}",
        base,
    )
    text = edit(
        "          bedragen: {2019: 10000, 2020: 10000, 2021: 10000, 2022: 10000}\n",
        "          bedragen: {2019: 10000, 2020: 10000, 2021: 10000, 2022: 10000}\n"
        "          besteed: {2019: 9500}\n",
        text,
    )
    found = changes(text, base)
    assert [(c.check, c.subject.split(", ", 1)[1], c.message) for c in found] == [
        ("bedrag-gewijzigd", "regel 'Educatie', besteed 2019", "geen → € 9.500 (+€ 9.500)"),
        ("bedrag-gewijzigd", "beschikbaar 2019", "€ 500 → € 0 (−€ 500)"),
        ("bedrag-gewijzigd", "totaal alle jaren", "€ 40.000 → € 41.000 (+€ 1.000)"),
    ]


def test_other_money_in_euros() -> None:
    base = edit(
        "capaciteit:\n",
        "  overige:\n    - omschrijving: Revolverend fonds\n      bedrag: 1750\n"
        "      eenheid: duizend_euro\n      soort: fonds\ncapaciteit:\n",
    )
    found = changes(edit("      bedrag: 1750\n", "      bedrag: 1800\n", base), base)
    assert [(c.check, c.subject, c.message) for c in found] == [
        (
            "bedrag-gewijzigd",
            "overige middelen 'Revolverend fonds'",
            "€ 1.750.000 → € 1.800.000 (+€ 50.000)",
        )
    ]
    gone = changes(BASE, base)
    assert [(c.check, c.message) for c in gone] == [
        ("onderdeel-verwijderd", "verwijderd; was € 1.750.000 (fonds)")
    ]


SCHOLEN = "indicator 'scholen' (Aantal scholen dat meedoet aan educatieprojecten over afval)"


def test_a_strategic_goal_that_loses_its_direct_indicator() -> None:
    base = edit("    doel: a\n", "    doel: I\n")
    found = changes(edit("    doel: I\n", "    doel: a\n", base), base)
    assert [(c.check, c.subject, c.message) for c in found] == [
        ("doel-zonder-indicatoren", "strategisch doel I", "heeft geen indicator meer (had er 1)"),
        ("waarde-gewijzigd", f"{SCHOLEN}, doel", "'I' → 'a'"),
    ]


# --- the derived direction counts, as in every verdict ----------------------------------------

DERIVED = edit("    richting: hoger\n", "")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # Derived from peilwaarde 5 and the last target: higher is better, as the verdicts say.
        (
            DERIVED,
            edit("2021: 17, 2022: 20}", "2021: 17, 2022: 18}", DERIVED),
            [
                (
                    "ambitie-verlaagd",
                    "belangrijk",
                    "ambitie verlaagd: 20 → 18 in 2022, hoger is beter",
                )
            ],
        ),
        (
            DERIVED,
            edit("2021: 17, 2022: 20}", "2021: 17, 2022: 25}", DERIVED),
            [
                (
                    "ambitie-verhoogd",
                    "opmerking",
                    "ambitie verhoogd: 20 → 25 in 2022, hoger is beter",
                )
            ],
        ),
        # Written out where it was derived: the same direction, no change in meaning.
        (DERIVED, BASE, []),
        (BASE, DERIVED, []),
    ],
    ids=["derived-lowered", "derived-raised", "written-now", "no-longer-written"],
)
def test_a_derived_direction_judges_targets_like_a_written_one(
    old: str, new: str, expected: list[tuple[str, str, str]]
) -> None:
    found = changes(new, old)
    assert [(c.check, c.severity, c.message) for c in found] == expected
    assert not any("None" in c.message for c in found)


def test_a_target_that_turns_the_derived_direction_around_is_a_direction_change() -> None:
    found = changes(edit("2021: 17, 2022: 20}", "2021: 17, 2022: 3}", DERIVED), DERIVED)
    assert [(c.check, c.message) for c in found] == [
        ("richting-gewijzigd", "hoger is beter → lager is beter"),
        ("streefwaarde-gewijzigd", "streefwaarde 20 → 3 in 2022, lager is beter"),
    ]
