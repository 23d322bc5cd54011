"""Dutch formatting of amounts, numbers, percentages and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from programmatool.text import formatting as fmt

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234567, "€ 1.234.567"),
        (1234567.0, "€ 1.234.567"),
        (0, "€ 0"),
        (12.5, "€ 12,50"),
        (97500.55, "€ 97.500,55"),
        (-5000, "€ -5.000"),
    ],
)
def test_bedrag_in_euro_with_plain_space(value: float, expected: str) -> None:
    assert fmt.bedrag(value, "euro", spatie=" ") == expected


def test_bedrag_keeps_euro_sign_and_amount_together_in_documents() -> None:
    # Documents use a no-break space so that "€" never ends a line on its own.
    assert fmt.bedrag(1234567) == f"€{NBSP}1.234.567"
    assert fmt.bedrag(1234567).replace(NBSP, " ") == "€ 1.234.567"


def test_bedrag_in_thousands_prints_the_number_as_in_the_table() -> None:
    assert fmt.bedrag(1500, "duizend_euro") == "1.500"
    assert fmt.eenheid_bijschrift("duizend_euro") == "bedragen × € 1.000"
    assert fmt.bedrag_in_euro(1500, "duizend_euro", spatie=" ") == "€ 1.500.000"


def test_bedrag_in_hours() -> None:
    assert fmt.bedrag(1200, "uren", spatie=" ") == "1.200 uur"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2.1, "2,1%"), (40, "40%"), (12.5, "12,5%"), (0.15, "0,15%"), (16.7, "16,7%")],
)
def test_percentage(value: float, expected: str) -> None:
    assert fmt.percentage(value) == expected


def test_percentage_with_fixed_decimals() -> None:
    assert fmt.percentage(8, decimalen=1) == "8,0%"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1234567, "1.234.567"), (1234567.5, "1.234.567,5"), (3.0, "3"), (7.25, "7,25"), (0, "0")],
)
def test_getal(value: float, expected: str) -> None:
    assert fmt.getal(value) == expected


def test_getal_with_fixed_decimals() -> None:
    assert fmt.getal(7, decimalen=2) == "7,00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2019, 6, 11), "11 juni 2019"),
        (dt.date(2021, 10, 1), "1 oktober 2021"),
        (dt.date(2020, 3, 31), "31 maart 2020"),
    ],
)
def test_datum(value: dt.date, expected: str) -> None:
    assert fmt.datum(value) == expected


@pytest.mark.parametrize(
    ("value", "eenheid", "expected"),
    [
        (2.1, "%", "2,1%"),
        (1200000, "aantal", "1.200.000"),
        (7.5, "rapportcijfer", "7,5"),
        (350, "m²", f"350{NBSP}m²"),
        ("n.t.b.", "aantal", "n.t.b."),
        ("hoog", "aantal", "hoog"),
        (None, "aantal", "–"),
        (25000, "euro", f"€{NBSP}25.000"),
        (dt.date(2021, 9, 30), "aantal", "30 september 2021"),
    ],
)
def test_waarde_of_an_indicator(value: object, eenheid: str, expected: str) -> None:
    assert fmt.waarde(value, eenheid) == expected


def test_uren_as_number_or_range() -> None:
    assert fmt.uren(36) == "36"
    assert fmt.uren(2, 4) == "2 tot 4"
    assert fmt.uren(2.5, None) == "2,5"


def test_whole_amounts_and_numbers_are_written_exactly_as_babel_writes_them() -> None:
    # Whole numbers skip Babel's pattern machinery; they must come out as Babel would write
    # them, signs, thousands points and the no-break space after the euro sign included.
    import random

    from babel.numbers import format_currency, format_decimal

    locale = fmt._locale()
    rng = random.Random(26)
    values: list[int | float] = [0, -0.0, 1, -1, 999, 1000, -1000, 10**15, 2.0e6]
    for _ in range(20000):
        digits = rng.randint(0, 16)
        value = rng.randint(-(10**digits), 10**digits)
        values.append(float(value) if rng.random() < 0.3 else value)
    for value in values:
        whole = int(value)
        number = str(format_decimal(whole, format="#,##0", locale=locale))
        assert fmt.getal(value) == number, value
        money = str(
            format_currency(whole, "EUR", format="¤ #,##0", locale=locale, currency_digits=False)
        )
        if money.startswith("-"):  # the tool prints "€ -5" where Babel writes "-€ 5"
            money = "€ -" + money[1:].lstrip("€").lstrip()
        money = money.replace(" ", NBSP)  # documents keep "€" and the amount together
        assert fmt.bedrag(value) == money, value
        assert fmt.bedrag(value, spatie=" ") == money.replace("\u00a0", " "), value
    assert fmt.bedrag(-1234567) == "€\u00a0-1.234.567"
    assert fmt.getal(-1234567.0) == "-1.234.567"
