"""PT3xx: indicator years, direction, percentages, value kinds and sources."""

from __future__ import annotations

from pathlib import Path

from .test_rules_support import findings, line_of, variant

SCHOLEN = "streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}"


def test_pt301_peiljaar_after_first_target_year(tmp_path: Path) -> None:
    path = variant(tmp_path, "    peiljaar: 2017\n", "    peiljaar: 2021\n")
    [f] = findings(path, code="PT301")
    assert (f.line, f.column) == (line_of(path, "peiljaar: 2021"), 15)
    assert f.message == "indicator 'groen': peiljaar 2021 ligt na het eerste streefjaar 2020"


def test_pt301_peiljaar_equal_to_first_target_year_is_fine(tmp_path: Path) -> None:
    path = variant(tmp_path, "    peiljaar: 2017\n", "    peiljaar: 2020\n")
    assert findings(path, code="PT301") == []


def test_pt302_target_year_outside_period(tmp_path: Path) -> None:
    path = variant(tmp_path, SCHOLEN, "streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2023: 20}")
    [f] = findings(path, code="PT302")
    assert (f.line, f.column) == (line_of(path, "2023: 20}"), 50)
    assert f.message == "indicator 'scholen': streefwaarde voor 2023, buiten de looptijd 2019–2022"


def test_pt303_realisation_after_period(tmp_path: Path) -> None:
    path = variant(tmp_path, "      2019: 9\n", "      2019: 9\n      2025: 19\n      2026: 19\n")
    found = findings(path, code="PT303")
    # up to three years after the period is a final evaluation, not a mistake
    assert [(f.line, f.severity) for f in found] == [(line_of(path, "2026: 19"), "waarschuwing")]
    assert found[0].message == (
        "indicator 'scholen': realisatie voor 2026, meer dan 3 jaar na het einde van de "
        "looptijd 2019–2022"
    )


def test_pt303_history_before_the_period_is_fine() -> None:
    from .test_rules_support import BASIS

    assert findings(BASIS, code="PT303") == []  # the base has a realisation for 2017


def test_pt304_targets_against_direction(tmp_path: Path) -> None:
    path = variant(tmp_path, "2021: n.t.b., 2022: 180}", "2021: n.t.b., 2022: 205}")
    [f] = findings(path, code="PT304")
    assert f.line == line_of(path, "2022: 205")
    assert f.message == (
        "indicator 'restafval': streefwaarde 2022 (205) is hoger dan die van 2020 (200), "
        "terwijl lager beter is"
    )


def test_pt304_unknown_values_between_targets_are_skipped() -> None:
    from .test_rules_support import BASIS

    assert findings(BASIS, code="PT304") == []


def test_pt305_percentage_out_of_range(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "streefwaarden: {2020: 65, 2022: 70}", "streefwaarden: {2020: 65, 2022: 700}"
    )
    [f] = findings(path, code="PT305")
    assert f.line == line_of(path, "2022: 700")
    assert f.message == "indicator 'groen': streefwaarde 2022 is 700 %, buiten 0–100 %"


def test_pt305_not_for_other_units(tmp_path: Path) -> None:
    path = variant(tmp_path, "    peilwaarde: 220\n", "    peilwaarde: 230\n")
    assert findings(path, code="PT305") == []


def test_pt306_realisation_in_the_future(tmp_path: Path) -> None:
    path = variant(tmp_path, "      2019: 9\n", "      2019: 9\n      2022: 19\n")
    [f] = findings(path, code="PT306")  # VANDAAG is 2021-06-01
    assert f.line == line_of(path, "2022: 19")
    assert f.message == "indicator 'scholen': realisatie voor 2022 ligt in de toekomst"


def test_pt306_date_in_the_future(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "{datum: 2020-06-30, behaald: true}", "{datum: 2021-06-30, behaald: true}"
    )
    text = path.read_text(encoding="utf-8").replace(
        "      2020: {datum: 2021", "      2021: {datum: 2021"
    )
    path.write_text(text, encoding="utf-8")
    [f] = findings(path, code="PT306")
    assert f.line == line_of(path, "datum: 2021-06-30")
    assert f.message == (
        "indicator 'omgevingsvisie': realisatie 2021 is gedateerd op 2021-06-30, in de toekomst"
    )


def test_pt307_indicator_without_source(tmp_path: Path) -> None:
    path = variant(tmp_path, "    bron: UWV\n", "")
    [f] = findings(path, code="PT307")
    assert (f.line, f.severity) == (line_of(path, "- id: spanning"), "waarschuwing")
    assert f.message == "indicator 'spanning' heeft geen bron"


def test_pt307_not_when_every_measurement_names_its_source(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "      2017: 4\n      2019: 9\n      2020: {waarde: 11, bron: Jaarverslag 2020}\n"
        "    bron: Gemeente Voorbeeldstad\n",
        "      2019: {waarde: 9, bron: Jaarverslag 2019}\n"
        "      2020: {waarde: 11, bron: Jaarverslag 2020}\n",
    )
    assert findings(path, code="PT307") == []
    # One measurement without its own source: the indicator needs one after all.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{waarde: 9, bron: Jaarverslag 2019}", "9"), encoding="utf-8")
    [f] = findings(path, code="PT307")
    assert f.message == "indicator 'scholen' heeft geen bron"


def test_pt308_text_where_a_number_belongs(tmp_path: Path) -> None:
    path = variant(tmp_path, "2021: n.t.b., 2022: 180}", "2021: ntb, 2022: 180}")
    [f] = findings(path, code="PT308")
    assert (f.line, f.column) == (line_of(path, "2021: ntb"), 49)
    assert f.message == (
        "indicator 'restafval' streefwaarde 2021: verwacht een getal, gevonden 'ntb' "
        "(of n.t.b., p.m., onbekend)"
    )


def test_pt308_unknown_markers_are_fine() -> None:
    from .test_rules_support import BASIS

    assert findings(BASIS, code="PT308") == []  # n.t.b. and p.m. in the base


def test_pt309_value_not_on_scale(tmp_path: Path) -> None:
    path = variant(tmp_path, "    peilwaarde: krap\n", "    peilwaarde: normaal\n")
    [f] = findings(path, code="PT309")
    assert f.line == line_of(path, "peilwaarde: normaal")
    assert f.message == (
        "indicator 'spanning' peilwaarde: 'normaal' staat niet op de schaal "
        "(zeer krap, krap, gemiddeld, ruim)"
    )


def test_pt309_number_on_a_scale(tmp_path: Path) -> None:
    path = variant(tmp_path, "streefwaarden: {2022: gemiddeld}", "streefwaarden: {2022: 3}")
    [f] = findings(path, code="PT309")
    assert f.message.startswith("indicator 'spanning' streefwaarde 2022: 3 staat niet op de schaal")


def test_pt310_milestone_without_date(tmp_path: Path) -> None:
    path = variant(tmp_path, "    streefdatum: 2020-07-01\n", "")
    [f] = findings(path, code="PT310")
    assert f.line == line_of(path, "meetsoort: mijlpaal")
    assert f.message == (
        "indicator 'omgevingsvisie' is een mijlpaal zonder streefdatum of streefjaar"
    )


def test_pt310_a_milestone_due_in_a_year_needs_no_date(tmp_path: Path) -> None:
    path = variant(tmp_path, "    streefdatum: 2020-07-01\n", "    streefjaar: 2020\n")
    assert findings(path, code="PT310") == []
