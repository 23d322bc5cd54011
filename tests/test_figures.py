"""Figures as Dutch people write them: one parser for record, import and log.

A point groups thousands and a comma is the decimal sign (``2.372`` is 2372); what is
ambiguous is refused with a message that shows how it could be meant.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from programmatool.loading import load_contract
from programmatool.text.numbers import (
    Figure,
    FigureError,
    decimal_places,
    has_thousands_point,
    parse_date,
    parse_figure,
    parse_number,
)

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
ECONOMIE = ROOT / "programmas" / "economie-participatie.yaml"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2372", 2372),
        ("2.372", 2372),
        ("1.050", 1050),
        ("1.234.567", 1234567),
        ("2,5", 2.5),
        ("12,50", 12.5),
        ("0,001", 0.001),
        ("1.234.567,89", 1234567.89),
        ("-1.050,5", -1050.5),
        ("+7", 7),
        (" 12 ", 12),
        ("12.345,678", 12345.678),
        ("2,500", 2.5),
    ],
)
def test_dutch_numbers_are_read_exactly(text: str, value: int | float) -> None:
    result = parse_number(text)
    assert result == value
    assert type(result) is type(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1.05",
            "'1.05' is in Nederlandse schrijfwijze niet eenduidig: een punt groepeert precies "
            "drie cijfers; bedoeld is 1,05 of 105? Schrijf het zo (in het Nederlands is de komma "
            "het decimaalteken en groepeert een punt de duizendtallen)",
        ),
        (
            "12.5",
            "'12.5' is in Nederlandse schrijfwijze niet eenduidig: een punt groepeert precies "
            "drie cijfers; bedoeld is 12,5 of 125? Schrijf het zo (in het Nederlands is de komma "
            "het decimaalteken en groepeert een punt de duizendtallen)",
        ),
        (
            "1,050.5",
            "'1,050.5' staat in Engelse schrijfwijze (komma vóór punt); bedoeld is 1.050,5 of "
            "1,0505? Schrijf het zo (in het Nederlands is de komma het decimaalteken en "
            "groepeert een punt de duizendtallen)",
        ),
        (
            "1,234,567.5",
            "'1,234,567.5' heeft meer dan één komma; bedoeld is 1.234.567,5? In een Nederlands "
            "getal is de komma het decimaalteken en groepeert een punt de duizendtallen "
            "(1.234.567,89)",
        ),
        (",5", "',5' begint met een scheidingsteken; schrijf een 0 ervoor (0,5)"),
        ("5,", "'5,' eindigt met een scheidingsteken; laat dat weg (5)"),
        (
            "1 234",
            "'1 234' groepeert met spaties; schrijf de duizendtallen met een punt (1.234) of "
            "zonder scheiding (1234)",
        ),
        ("0,0000000001", "getal 0,0000000001 heeft te veel decimalen (hoogstens 9)"),
        ("99999999999999999", "getal 99999999999999999 is te groot (maximaal 10^15)"),
    ],
)
def test_ambiguous_or_malformed_numbers_are_refused_with_their_readings(
    text: str, message: str
) -> None:
    with pytest.raises(FigureError) as caught:
        parse_number(text)
    assert str(caught.value) == message
    assert caught.value.no_number is False


@pytest.mark.parametrize("text", ["elf", "1e5", "NaN", "Infinity", "١٢", "1_000", "€ 5", ""])
def test_what_is_no_number_at_all_is_refused(text: str) -> None:
    with pytest.raises(FigureError) as caught:
        parse_number(text)
    assert caught.value.no_number is True


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("ca. 8.000", Figure(8000, approximate=True)),
        ("circa 8000", Figure(8000, approximate=True)),
        ("ongeveer 12,5", Figure(12.5, approximate=True)),
        ("bijna 7", Figure(7, approximate=True)),
        ("ruim 300", Figure(300, approximate=True)),
        ("± 40", Figure(40, approximate=True)),
        ("8.000", Figure(8000)),
    ],
)
def test_approximate_figures(text: str, figure: Figure) -> None:
    assert parse_figure(text) == figure


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024-03-15", dt.date(2024, 3, 15)),
        ("15-3-2024", dt.date(2024, 3, 15)),
        ("15-03-2024", dt.date(2024, 3, 15)),
        ("1-1-2021", dt.date(2021, 1, 1)),
    ],
)
def test_dates_iso_and_as_dutch_excel_writes_them(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "15-3-24",
            "'15-3-24' is geen datum; schrijf dag-maand-jaar (15-3-2024) of "
            "jaar-maand-dag (2024-03-15)",
        ),
        ("31-2-2024", "'31-2-2024' is geen bestaande datum (dag 31, maand 2, jaar 2024)"),
        (
            "3/15/2024",
            "'3/15/2024' is geen datum; schrijf dag-maand-jaar (15-3-2024) of "
            "jaar-maand-dag (2024-03-15)",
        ),
    ],
)
def test_dates_that_are_refused(text: str, message: str) -> None:
    with pytest.raises(FigureError) as caught:
        parse_date(text)
    assert str(caught.value) == message


def test_helpers_for_the_thousands_rule() -> None:
    assert [has_thousands_point(t) for t in ("2.372", "1.050,5", "2,372", "12.5")] == [
        True,
        True,
        False,
        False,
    ]
    assert [decimal_places(v) for v in (2.372, 2.5, 2372, 1.0)] == [3, 1, 0, 0]


# --- the headline: record and import read 2.372 alike -------------------------------------------


@pytest.fixture
def economie(tmp_path: Path) -> Path:
    target = tmp_path / "economie.yaml"
    shutil.copyfile(ECONOMIE, target)
    return target


def _realisatie(path: Path, indicator: str, jaar: int):  # type: ignore[no-untyped-def]
    result = load_contract(path)
    assert result.contract is not None, [f.as_text() for f in result.findings]
    return next(i for i in result.contract.indicatoren if i.id == indicator).realisaties[jaar]


def test_record_reads_a_thousands_point_as_dutch(cli, economie: Path) -> None:  # type: ignore[no-untyped-def]
    before = economie.read_text(encoding="utf-8")
    run = cli("record", economie, "bijstandsdossiers", "2022", "2.372")
    assert run.code == 0, run.err
    assert run.out.rstrip().endswith(
        "2022: 2372 (indicator bijstandsdossiers; 2.372 gelezen als 2372)"
    )
    assert _realisatie(economie, "bijstandsdossiers", 2022).waarde == 2372
    after = economie.read_text(encoding="utf-8")
    assert "      2022: 2372\n" in after
    assert len(after) - len(before) == len("      2022: 2372\n")
    progress = cli("progress", economie, "--jaar", "2022", "--format", "json")
    rows = json.loads(progress.out)
    text = json.dumps(rows)
    assert '"niet behaald"' in text
    row = _row(rows, "bijstandsdossiers")
    assert (row["status"], row["realisatie"]) == ("niet behaald", 2372)


def _row(data: object, ident: str) -> dict[str, object]:
    """The progress JSON row of one indicator, wherever it is nested."""
    if isinstance(data, dict):
        if data.get("id") == ident and "status" in data:
            return data
        items = list(data.values())
    elif isinstance(data, list):
        items = data
    else:
        items = []
    for item in items:
        try:
            return _row(item, ident)
        except LookupError:
            continue
    raise LookupError(ident)


@pytest.mark.parametrize(
    ("waarde", "message"),
    [
        ("1.05", "bedoeld is 1,05 of 105?"),
        ("1,050.5", "'1,050.5' staat in Engelse schrijfwijze (komma vóór punt)"),
    ],
)
def test_record_refuses_an_ambiguous_figure_and_changes_nothing(  # type: ignore[no-untyped-def]
    cli, economie: Path, waarde: str, message: str
) -> None:
    before = economie.read_bytes()
    run = cli("record", economie, "bijstandsdossiers", "2022", waarde)
    assert run.code == 2
    assert f"indicator bijstandsdossiers: '{waarde}'" in run.err
    assert message in run.err
    assert economie.read_bytes() == before


@pytest.mark.parametrize("delimiter", [";", ","])
def test_import_reads_the_same_text_as_record(  # type: ignore[no-untyped-def]
    cli, economie: Path, tmp_path: Path, delimiter: str
) -> None:
    sheet = tmp_path / "metingen.csv"
    header = delimiter.join(["contract", "indicator", "jaar", "waarde"])
    row = delimiter.join([economie.as_posix(), "bijstandsdossiers", "2022", "2.372"])
    sheet.write_text(f"{header}\n{row}\n", encoding="utf-8")
    run = cli("import", sheet)
    assert run.code == 0, run.err
    assert _realisatie(economie, "bijstandsdossiers", 2022).waarde == 2372


def test_xlsx_number_cells_stay_numbers_and_text_cells_read_dutch(  # type: ignore[no-untyped-def]
    cli, economie: Path, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["contract", "indicator", "jaar", "waarde"])
    sheet.append([economie.as_posix(), "bijstandsdossiers", 2022, "2.372"])  # text
    sheet.append([economie.as_posix(), "terugval-bijstand", 2022, 20.5])  # a number cell
    path = tmp_path / "metingen.xlsx"
    book.save(path)
    run = cli("import", path)
    assert run.code == 0, run.err
    assert _realisatie(economie, "bijstandsdossiers", 2022).waarde == 2372
    assert _realisatie(economie, "terugval-bijstand", 2022).waarde == 20.5


def test_import_accepts_a_milestone_date_as_dutch_excel_writes_it(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    contract = tmp_path / "handwerk.yaml"
    shutil.copyfile(FIXTURES / "progress" / "handgeschreven.yaml", contract)
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(
        f"contract;indicator;jaar;waarde\n{contract.as_posix()};mijlpaal;2021;2-11-2021\n",
        encoding="utf-8",
    )
    run = cli("import", sheet)
    assert run.code == 0, run.err
    assert _realisatie(contract, "mijlpaal", 2021).datum == dt.date(2021, 11, 2)
    assert "2021: {datum: 2021-11-02}" in contract.read_text(encoding="utf-8")


# --- PT312: a thousands point left in the YAML --------------------------------------------------


def test_pt312_count_unit_with_three_decimals(tmp_path: Path) -> None:
    from .test_rules_support import findings, line_of, variant

    path = variant(tmp_path, "      2019: 9\n", "      2019: 2.372\n")
    [f] = findings(path, code="PT312")
    assert f.line == line_of(path, "2019: 2.372")
    assert f.severity == "waarschuwing"
    assert f.message == (
        "indicator 'scholen' realisatie 2019: 2.372 heeft drie decimalen; bedoelt de bron "
        "2.372 (een punt als duizendtal)? Schrijf dan 2372"
    )


def test_pt312_baseline_and_undated_target_with_three_decimals(tmp_path: Path) -> None:
    from .test_rules_support import findings, line_of, variant

    path = variant(
        tmp_path,
        "    peilwaarde: 5\n    peiljaar: 2018\n"
        "    streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}\n",
        "    peilwaarde: 2.372\n    peiljaar: 2018\n    streefwaarde_zonder_jaar: 2.200\n",
    )
    found = findings(path, code="PT312")
    assert [(f.line, f.message) for f in found] == [
        (
            line_of(path, "peilwaarde: 2.372"),
            "indicator 'scholen' peilwaarde: 2.372 heeft drie decimalen; bedoelt de bron "
            "2.372 (een punt als duizendtal)? Schrijf dan 2372",
        ),
    ]


def test_pt312_history_of_thousands_without_a_count_unit(tmp_path: Path) -> None:
    from .test_rules_support import findings, variant

    path = variant(
        tmp_path,
        "    peilwaarde: 220\n",
        "    peilwaarde: 1.220\n",
    )
    assert findings(path, code="PT312") == []  # kg, and no other value of 1000 or more
    path = variant(
        tmp_path,
        "streefwaarden: {2019: 210, 2020: 200, 2021: n.t.b., 2022: 180}",
        "streefwaarden: {2019: 2.105, 2020: 2000, 2021: n.t.b., 2022: 1800}",
        name="geschiedenis.yaml",
    )
    [f] = findings(path, code="PT312")
    assert f.message.startswith(
        "indicator 'restafval' streefwaarde 2019: 2.105 heeft drie decimalen"
    )


def test_pt312_is_silent_for_a_percentage_with_three_decimals(tmp_path: Path) -> None:
    from .test_rules_support import findings, variant

    path = variant(tmp_path, "    peilwaarde: 61\n", "    peilwaarde: 61.125\n")
    assert findings(path, code="PT312") == []


def test_a_verdict_resting_on_an_approximate_figure_says_so(cli, economie: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("record", economie, "bijstandsdossiers", "2022", "ca. 2.372")
    assert run.code == 0, run.err
    assert _realisatie(economie, "bijstandsdossiers", 2022).benadering is True
    assert "      2022: {waarde: 2372, benadering: true}\n" in economie.read_text(encoding="utf-8")
    progress = cli("progress", economie, "--jaar", "2022", "--format", "json")
    row = _row(json.loads(progress.out), "bijstandsdossiers")
    assert row["status"] == "niet behaald"
    assert str(row["uitleg"]).endswith(
        " Het oordeel rust op een benadering: de bron geeft ca. 2.372."
    )
