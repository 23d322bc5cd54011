"""PT2xx: budget tables, spreads, signs, money on inspanningen and hour ranges."""

from __future__ import annotations

from pathlib import Path

import pytest

from programmatool.rules.budget import bedrag, getal

from .test_rules_support import findings, line_of, variant


def test_dutch_numbers() -> None:
    assert getal(1234567) == "1.234.567"
    assert getal(-1000) == "-1.000"
    assert getal(1234.5) == "1.234,5"
    assert getal(12.0) == "12"
    assert bedrag(200000, "euro") == "€ 200.000"
    assert bedrag(1234, "duizend_euro") == "1.234"
    assert bedrag(36, "uren") == "36 uur"


def test_pt201_year_total_differs_from_lines(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "totalen: {2019: 14000, 2020: 15000}", "totalen: {2019: 14000, 2020: 16500}"
    )
    [f] = findings(path, code="PT201")
    assert (f.line, f.column, f.severity) == (line_of(path, "2020: 16500"), 36, "fout")
    assert f.message == (
        "'Verdeling middelen' 2020: de regels tellen op tot € 15.000, het gedrukte totaal is "
        "€ 16.500 (verschil € 1.500)"
    )


def test_pt201_printed_total_below_the_sum_of_its_lines(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "totalen: {2019: 14000, 2020: 15000}", "totalen: {2019: 14000, 2020: 13500}"
    )
    [f] = findings(path, code="PT201")
    assert f.line == line_of(path, "2020: 13500")
    assert f.message == (
        "'Verdeling middelen' 2020: de regels tellen op tot € 15.000, het gedrukte totaal is "
        "€ 13.500 (verschil € 1.500)"
    )


@pytest.mark.parametrize(("total", "difference"), [("15000.4", "0,40"), ("14999.6", "0,40")])
def test_pt201_totals_are_compared_in_cents_not_whole_euros(
    tmp_path: Path, total: str, difference: str
) -> None:
    # 40 cents either way rounds to the same whole euro, but is still a total that is off.
    path = variant(
        tmp_path, "totalen: {2019: 14000, 2020: 15000}", f"totalen: {{2019: 14000, 2020: {total}}}"
    )
    [f] = findings(path, code="PT201")
    assert f.message.endswith(f"(verschil € {difference})")


def test_pt202_grand_total_is_compared_in_cents(tmp_path: Path) -> None:
    path = variant(tmp_path, "totaal: 29000\n", "totaal: 29000.3\n")
    [f] = findings(path, code="PT202")
    assert f.message.endswith("(verschil € 0,30)")


def test_pt201_thousands_and_hours_in_their_own_unit(tmp_path: Path) -> None:
    path = variant(tmp_path, "      eenheid: euro\n", "      eenheid: duizend_euro\n")
    text = path.read_text(encoding="utf-8").replace(
        "totalen: {2019: 1400, 2020: 1400}", "totalen: {2019: 1400, 2020: 1450}"
    )
    text = text.replace(
        "totalen: {2019: 14000, 2020: 15000}", "totalen: {2019: 14000, 2020: 15003}"
    )
    path.write_text(text, encoding="utf-8")
    messages = [f.message for f in findings(path, code="PT201")]
    assert messages == [
        "'Verdeling middelen' 2020: de regels tellen op tot 15.000, het gedrukte totaal is "
        "15.003 (verschil 3) (bedragen × € 1.000)",
        "'Inzet in uren' 2020: de regels tellen op tot 1.400 uur, het gedrukte totaal is "
        "1.450 uur (verschil 50 uur)",
    ]


def test_pt201_cents_do_not_cause_rounding_alarms(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "bedragen: {2019: 10000, 2020: 10000}\n          inspanningen",
        "bedragen: {2019: 10000, 2020: 9999.9}\n          inspanningen",
    )
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "bedragen: {2019: 5000, 2020: 5000}", "bedragen: {2019: 5000, 2020: 5000.1}"
    )
    path.write_text(text, encoding="utf-8")
    assert findings(path, code="PT201") == []


def test_pt202_grand_total_differs(tmp_path: Path) -> None:
    path = variant(tmp_path, "totaal: 29000\n", "totaal: 30000\n")
    [f] = findings(path, code="PT202")
    assert f.line == line_of(path, "totaal: 30000")
    assert f.message == (
        "'Verdeling middelen': de jaartotalen tellen op tot € 29.000, het gedrukte totaal is "
        "€ 30.000 (verschil € 1.000)"
    )


def test_pt203_budget_year_outside_period(tmp_path: Path) -> None:
    path = variant(tmp_path, "bedragen: {2019: -1000}", "bedragen: {2019: -1000, 2023: -500}")
    [f] = findings(path, code="PT203")
    assert (f.line, f.column) == (line_of(path, "2023: -500"), 35)
    assert f.message == (
        "'Verdeling middelen' heeft bedragen voor 2023, buiten de looptijd 2019–2022"
    )


def test_pt203_spread_before_the_period_is_fine() -> None:
    # The base contract spreads costs over 2017-2019 while it runs 2019-2022.
    from .test_rules_support import BASIS

    assert findings(BASIS, code="PT203") == []


def test_pt203_inspanning_amount_outside_period(tmp_path: Path) -> None:
    path = variant(tmp_path, "bedragen: {2019: 4000, 2020: 4000}", "bedragen: {2018: 4000}")
    [f] = findings(path, code="PT203")
    assert f.line == line_of(path, "bedragen: {2018: 4000}")
    assert (
        f.message == "inspanning 'ins-2' heeft een bedrag voor 2018, buiten de looptijd 2019–2022"
    )


def test_pt204_percentages_do_not_add_up(tmp_path: Path) -> None:
    path = variant(tmp_path, "{percentage: 33, bedrag: 40740}", "{percentage: 32, bedrag: 39506}")
    [f] = findings(path, code="PT204")
    assert f.line == line_of(path, "      jaren:")
    assert f.message == (
        "spreiding 'Invoeringskosten': de percentages tellen op tot 99 %, niet tot 100 %"
    )


def test_pt205_amount_does_not_match_percentage(tmp_path: Path) -> None:
    path = variant(tmp_path, "bedrag: 40740}", "bedrag: 47040}")
    [f] = findings(path, code="PT205")
    assert f.line == line_of(path, "bedrag: 47040")
    assert f.message == (
        "spreiding 'Invoeringskosten' 2018: 33 % van € 123.456 is € 40.740,48, gedrukt is € 47.040"
    )


def test_pt205_allows_rounding_of_a_whole_percentage(tmp_path: Path) -> None:
    # 33 % printed may be 32.5 % to 33.5 %: 40.123 (32.5 %) still fits.
    path = variant(tmp_path, "bedrag: 40740}", "bedrag: 40200}")
    assert findings(path, code="PT205") == []


def test_pt206_negative_total_and_hours(tmp_path: Path) -> None:
    path = variant(tmp_path, "uren_per_week: 4\n", "uren_per_week: -4\n")
    [f] = findings(path, code="PT206")
    assert f.line == line_of(path, "uren_per_week: -4")
    assert f.message == "uren van 'Communicatieadviseur' is negatief; dat kan hier niet"


def test_pt206_negative_budget_line_in_euro_is_allowed() -> None:
    # The base contract has a line 'Korting' of -1000.
    from .test_rules_support import BASIS

    assert findings(BASIS, code="PT206") == []


def test_pt207_inspanningen_get_more_than_the_budget(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "bedragen: {2019: 10000, 2020: 10000}\n  - id: ins-2",
        "bedragen: {2019: 10000, 2020: 12000}\n  - id: ins-2",
    )
    [f] = findings(path, code="PT207")
    assert f.line == line_of(path, "bedragen: {2019: 10000, 2020: 12000}")
    assert f.message == (
        "2020: de inspanningen krijgen samen € 16.000, meer dan het programmabudget van "
        "€ 15.000 (verschil € 1.000)"
    )


def test_pt207_thousands_are_converted(tmp_path: Path) -> None:
    path = variant(tmp_path, "      eenheid: euro\n", "      eenheid: duizend_euro\n")
    assert findings(path, code="PT207") == []


def test_pt208_hour_range_reversed(tmp_path: Path) -> None:
    path = variant(tmp_path, "{van: 24, tot: 32}", "{van: 32, tot: 24}")
    [f] = findings(path, code="PT208")
    assert (f.line, f.column) == (line_of(path, "{van: 32, tot: 24}"), 26)
    assert f.message == (
        "'Programmamanager': van 32 tot 24 uur loopt achteruit; de ondergrens is groter dan "
        "de bovengrens"
    )


def test_pt208_reversed_range_in_capaciteit_uren(tmp_path: Path) -> None:
    # `uren` (hours printed without "per week" or "in total") is checked like uren_per_week.
    path = variant(tmp_path, "uren: {van: 2, tot: 6}", "uren: {van: 6, tot: 2}")
    [f] = findings(path, code="PT208")
    assert f.line == line_of(path, "uren: {van: 6, tot: 2}")
    assert f.message == (
        "'Advisering milieu': van 6 tot 2 uur loopt achteruit; de ondergrens is groter dan "
        "de bovengrens"
    )


@pytest.mark.parametrize("hours", ["-3", "{van: -2, tot: 6}", "{van: 2, tot: -6}"])
def test_pt206_negative_capaciteit_uren(tmp_path: Path, hours: str) -> None:
    path = variant(tmp_path, "uren: {van: 2, tot: 6}", f"uren: {hours}")
    [f] = findings(path, code="PT206")
    assert f.line == line_of(path, f"uren: {hours}")
    assert f.message == "uren van 'Advisering milieu' is negatief; dat kan hier niet"


def test_capaciteit_uren_in_order_and_positive_is_fine(tmp_path: Path) -> None:
    for hours in ("{van: 2, tot: 6}", "{van: 4, tot: 4}", "12", "0"):
        path = variant(tmp_path, "uren: {van: 2, tot: 6}", f"uren: {hours}")
        assert findings(path, code="PT206") == findings(path, code="PT208") == []


def test_pt209_spread_amounts_do_not_add_up_to_total(tmp_path: Path) -> None:
    path = variant(tmp_path, "totaal: 123456", "totaal: 123457")
    [f] = findings(path, code="PT209")
    assert (f.line, f.severity) == (line_of(path, "totaal: 123457"), "fout")
    assert f.message == (
        "spreiding 'Invoeringskosten': de bedragen tellen op tot € 123.456, het genoemde totaal "
        "is € 123.457 (verschil € 1); het bedrag voor 2018 past niet bij het percentage "
        "(2018: 33 % van € 123.457 is € 40.740,81, gedrukt is € 40.740)"
    )


def test_pt209_names_the_year_whose_amount_causes_the_gap() -> None:
    # Almelo's Omgevingswet: 17,5 % of € 2.320.000 is € 406.000; the source prints € 405.000.
    from .test_rules_support import ROOT_PROGRAMMAS

    path = ROOT_PROGRAMMAS / "omgevingswet.yaml"
    [f] = findings(path, code="PT209")
    assert f.severity == "fout"
    assert f.message.endswith(
        "de bedragen tellen op tot € 2.319.000, het genoemde totaal is € 2.320.000 "
        "(verschil € 1.000); het bedrag voor 2021 past niet bij het percentage "
        "(2021: 17,5 % van € 2.320.000 is € 406.000, gedrukt is € 405.000)"
    )
    assert findings(path, code="PT212") == []  # euros: a difference is never rounding


def test_pt209_silent_when_amounts_add_up_or_one_is_missing(tmp_path: Path) -> None:
    assert findings(variant(tmp_path, "totaal: 123456", "totaal: 123456"), code="PT209") == []
    path = variant(tmp_path, "{percentage: 33, bedrag: 40740}", "{percentage: 33}")
    assert findings(path, code="PT209") == []


def test_pt210_year_total_without_any_line_for_that_year(tmp_path: Path) -> None:
    # Zorg's "Tabel 1" prints 150 for 2020 while no activity has a 2020 amount.
    path = variant(
        tmp_path,
        "totalen: {2019: 14000, 2020: 15000}",
        "totalen: {2019: 14000, 2020: 15000, 2021: 7500}",
    )
    [f] = findings(path, code="PT210")
    assert (f.line, f.severity) == (line_of(path, "2021: 7500"), "fout")
    assert f.message == (
        "'Verdeling middelen' 2021: het gedrukte totaal is € 7.500, maar geen regel heeft een "
        "bedrag voor 2021"
    )
    # The years that have lines are judged by PT201 as before, not by PT210.
    assert findings(path, code="PT201") == []


def test_pt210_table_with_totals_and_no_lines(tmp_path: Path) -> None:
    old = """      regels:
        - omschrijving: Programmamanager
          bedragen: {2019: 1400, 2020: 1400}
      totalen: {2019: 1400, 2020: 1400}"""
    path = variant(tmp_path, old, "      totalen: {2019: 1400, 2020: 0}\n      totaal: 1400")
    messages = [f.message for f in findings(path, code="PT210")]
    # A year total of 0 adds up to nothing and is no fault; 1400 hours and the grand total are.
    assert messages == [
        "'Inzet in uren' 2019: het gedrukte totaal is 1.400 uur, maar de tabel heeft geen regels",
        "'Inzet in uren': het gedrukte totaal over alle jaren is 1.400 uur, maar de tabel heeft "
        "geen regels",
    ]


def test_pt210_silent_when_every_total_has_lines(tmp_path: Path) -> None:
    assert findings(variant(tmp_path, "totaal: 29000", "totaal: 29000"), code="PT210") == []


# --- PT212: rounding in tables printed in thousands ----------------------------------------------

_THOUSANDS = (
    "middelen:\n"
    "  begrotingen:\n"
    "    - titel: Lasten\n"
    "      eenheid: {eenheid}\n"
    "      regels:\n"
    "        - omschrijving: Wijkteams\n"
    "          bedragen: {{2023: 12345}}\n"
    "        - omschrijving: Schuldhulp\n"
    "          bedragen: {{2023: 8012}}\n"
    "        - omschrijving: Minimabeleid\n"
    "          bedragen: {{2023: 4400}}\n"
    "      totalen: {{2023: {totaal}}}\n"
    "      totaal: {eindtotaal}\n"
)


def _thousands(tmp_path: Path, eenheid: str, totaal: int, eindtotaal: int) -> Path:
    from .test_rules_support import basis_text

    text = basis_text()
    start, end = text.index("middelen:\n"), text.index("capaciteit:\n")
    table = _THOUSANDS.format(eenheid=eenheid, totaal=totaal, eindtotaal=eindtotaal)
    body = text[:start] + table + text[end:]
    body = body.replace("periode: {start: 2019, eind: 2022}", "periode: {start: 2019, eind: 2023}")
    path = tmp_path / f"{eenheid}-{totaal}-{eindtotaal}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_pt212_a_thousands_total_off_by_rounding_is_info_not_an_error(tmp_path: Path) -> None:
    # Utrecht's case: the lines add up to 24.757, the printed total is 24.756.
    path = _thousands(tmp_path, "duizend_euro", 24756, 24756)
    assert findings(path, code="PT201") == [] and findings(path, code="PT202") == []
    found = findings(path, code="PT212")
    assert [(f.line, f.severity, f.message) for f in found] == [
        (
            line_of(path, "totalen: {2023: 24756}"),
            "info",
            "'Lasten' 2023: de regels tellen op tot 24.757, het gedrukte totaal is 24.756 "
            "(verschil 1): een afrondingsverschil, want 3 bedragen afgerond op duizenden "
            "kunnen samen tot 1,5 afwijken (bedragen × € 1.000)",
        ),
    ]


def test_pt212_grand_total_within_rounding_of_the_lines(tmp_path: Path) -> None:
    path = _thousands(tmp_path, "duizend_euro", 24757, 24758)
    assert findings(path, code="PT202") == []
    [f] = findings(path, code="PT212")
    assert (f.line, f.message) == (
        line_of(path, "totaal: 24758"),
        "'Lasten': de regels tellen op tot 24.757, het gedrukte totaal is 24.758 (verschil 1): "
        "een afrondingsverschil, want 3 bedragen afgerond op duizenden kunnen samen tot 1,5 "
        "afwijken (bedragen × € 1.000)",
    )


def test_pt212_more_than_rounding_or_in_euros_stays_an_error(tmp_path: Path) -> None:
    beyond = _thousands(tmp_path, "duizend_euro", 24759, 24759)  # 2 more than 3 × 0,5
    assert findings(beyond, code="PT212") == []
    assert [f.severity for f in findings(beyond, code="PT201")] == ["fout"]
    euros = _thousands(tmp_path, "euro", 24756, 24756)
    assert findings(euros, code="PT212") == []
    [f] = findings(euros, code="PT201")
    assert f.message == (
        "'Lasten' 2023: de regels tellen op tot € 24.757, het gedrukte totaal is € 24.756 "
        "(verschil € 1)"
    )


def test_pt212_info_never_fails_a_check_not_even_strict(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = _thousands(tmp_path, "duizend_euro", 24756, 24756)
    for args in ((), ("--strict",)):
        run = cli("check", path, *args)
        assert run.code == 0, run.out
        assert run.out.splitlines()[-1] == (
            "0 fouten en 0 waarschuwingen in 1 van 1 bestand; 1 melding ter informatie."
        )
