"""Dutch formatting of amounts, numbers, percentages and dates, through Babel (locale nl_NL).

Every function returns plain text. Between the euro sign and the amount Babel's Dutch locale
puts a no-break space (U+00A0); documents keep it so that "€" never ends a line on its own.
Pass ``spatie=" "`` for plain text such as terminal messages, where an ordinary space is easier
to search for: ``bedrag(1234567, spatie=" ") == "€ 1.234.567"``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel.core import Locale

LOCALE = "nl_NL"
NBSP = "\u00a0"

#: Units that describe the kind of number rather than something to print after it.
_ALLEEN_GETAL = frozenset({"rapportcijfer", "cijfer", "score", "index", "schaal"})

#: Words for the units of a budget table, as printed above the table.
EENHEID_BIJSCHRIFT = {
    "euro": "bedragen in €",
    "duizend_euro": "bedragen × € 1.000",
    "uren": "in uren",
}


@cache
def _locale() -> Locale:
    from babel.core import Locale

    return Locale.parse(LOCALE)


def _is_whole(value: int | float) -> bool:
    return isinstance(value, int) or float(value).is_integer()


def _whole(value: int) -> str:
    """A whole number with Dutch thousands points (``-1234567`` → ``"-1.234.567"``): exactly
    what Babel writes for it in nl_NL with the pattern ``#,##0`` (a test compares the two on
    many numbers), without Babel's pattern machinery, which a page of a thousand amounts feels."""
    return f"{value:,}".replace(",", ".")


def getal(value: int | float, decimalen: int | None = None) -> str:
    """A number in Dutch notation: ``1234567.5`` → ``"1.234.567,5"``.

    Without ``decimalen`` a whole number gets no decimals and a fraction at most three.
    """
    from babel.numbers import format_decimal

    if decimalen is None and _is_whole(value) and not isinstance(value, bool):
        return _whole(int(value))
    if decimalen is None:
        pattern = "#,##0" if _is_whole(value) else "#,##0.###"
    else:
        pattern = "#,##0." + "0" * decimalen if decimalen > 0 else "#,##0"
    if _is_whole(value) and decimalen is None:
        value = int(value)
    return str(format_decimal(value, format=pattern, locale=_locale()))


def bedrag(value: int | float, eenheid: str = "euro", spatie: str = NBSP) -> str:
    """An amount: ``"€ 1.234.567"`` (euro), ``"1.234"`` (duizend_euro), ``"36 uur"`` (uren).

    Whole euros get no cents; an amount with cents gets two decimals (``"€ 12,50"``). In a
    table "× € 1.000" the numbers stand alone, as in a printed budget; the caption names the unit.
    """
    from babel.numbers import format_currency

    if eenheid == "duizend_euro":
        return getal(value)
    if eenheid == "uren":
        return f"{getal(value)}{spatie}uur"
    if _is_whole(value) and not isinstance(value, bool):
        whole = int(value)
        # Babel writes "€ 5" and "-€ 5"; Dutch budgets print "€ -5" (see below).
        return f"€{spatie}{'-' if whole < 0 else ''}{_whole(abs(whole))}"
    pattern = "¤ #,##0.00"
    text = str(
        format_currency(value, "EUR", format=pattern, locale=_locale(), currency_digits=False)
    )
    # Babel writes a negative amount as "-€ 5"; Dutch budgets print "€ -5".
    if text.startswith("-"):
        text = "€ -" + text[1:].lstrip("€").lstrip()
    return text.replace(" ", spatie).replace(NBSP, spatie)


def bedrag_in_euro(value: int | float, eenheid: str, spatie: str = NBSP) -> str:
    """An amount written out in whole euros, also when its table counts in thousands."""
    if eenheid == "duizend_euro":
        return bedrag(value * 1000, "euro", spatie)
    return bedrag(value, eenheid, spatie)


def percentage(value: int | float, decimalen: int | None = None) -> str:
    """A percentage given as a number of percent: ``2.1`` → ``"2,1%"``, ``40`` → ``"40%"``."""
    from babel.numbers import format_percent

    if decimalen is None:
        pattern = "#,##0%" if _is_whole(value) else "#,##0.##%"
    else:
        pattern = "#,##0." + "0" * decimalen + "%" if decimalen > 0 else "#,##0%"
    # Babel multiplies by 100; divide exactly by going through the decimal string.
    from decimal import Decimal

    fraction = Decimal(str(value)) / Decimal(100)
    return str(format_percent(fraction, format=pattern, locale=_locale()))


def datum(value: dt.date) -> str:
    """A date as in a Dutch letter: ``2019-06-11`` → ``"11 juni 2019"``."""
    from babel.dates import format_date

    return str(format_date(value, format="d MMMM y", locale=_locale()))


def periode(key: str, met_jaar: bool = True) -> str:
    """A quarter or month key in words: ``2020-Q4`` → ``"4e kwartaal 2020"``, ``2020-11`` →
    ``"november 2020"`` (without ``met_jaar``: ``"4e kwartaal"``, ``"november"``, for a cell
    under its year); anything else stays as written."""
    import re

    match = re.fullmatch(r"(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))", key)
    if match is None:
        return key
    jaar, kwartaal, maand = match.groups()
    if kwartaal:
        return f"{kwartaal}e kwartaal" + (f" {jaar}" if met_jaar else "")
    from babel.dates import format_date

    patroon = "LLLL y" if met_jaar else "LLLL"
    return str(format_date(dt.date(int(jaar), int(maand), 1), format=patroon, locale=_locale()))


def eenheid_bijschrift(eenheid: str) -> str:
    """The caption of a budget table's unit: ``"duizend_euro"`` → ``"bedragen × € 1.000"``."""
    return EENHEID_BIJSCHRIFT.get(eenheid, eenheid)


def waarde(value: Any, eenheid: str | None = None) -> str:
    """A value of an indicator in its unit: ``(2.1, "%")`` → ``"2,1%"``; words stay as they are.

    ``None`` becomes an en dash, the usual mark for "no value" in a Dutch table. Without a unit
    (or with ``onbekend``) the number stands alone: a unit is never invented.
    """
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return datum(value)
    if eenheid == "%":
        return percentage(value)
    if eenheid in ("euro", "€"):
        return bedrag(value, "euro")
    if eenheid is None or eenheid in ("aantal", "getal", "", "onbekend", *_ALLEEN_GETAL):
        return getal(value)
    return f"{getal(value)}{NBSP}{eenheid}"


def eenheid_kenmerk(eenheid: str | None) -> str:
    """The unit as a reader sees it beside an indicator: as written, ``"eenheid onbekend"``
    for the explicit unknown, nothing when the contract gives none."""
    if eenheid is None:
        return ""
    return "eenheid onbekend" if eenheid == "onbekend" else eenheid


def hoeveel(n: int, enkelvoud: str, meervoud: str) -> str:
    """A count with its noun in the right number: ``hoeveel(1, "doel", "doelen") == "1 doel"``,
    ``hoeveel(3, "doel", "doelen") == "3 doelen"``; the one place that decides singular or
    plural in a message."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def uren(van: int | float, tot: int | float | None = None) -> str:
    """Hours as a number or a range: ``36`` → ``"36"``, ``(2, 4)`` → ``"2 tot 4"``."""
    if tot is None:
        return getal(van)
    return f"{getal(van)} tot {getal(tot)}"


def wrap(text: str, width: int, hyphen: bool = False) -> list[str]:
    """Word-wrap ``text`` to lines of at most ``width`` characters (at least one line).

    A word that does not fit starts a new line; a word longer than a line is cut where the line
    ends, with a hyphen at the cut when ``hyphen`` is true (then ``width`` must be at least 2).
    """
    piece = width - 1 if hyphen else width
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) <= width:
            current += " " + word
            continue
        if current:
            lines.append(current)
        while len(word) > width:
            lines.append(word[:piece] + ("-" if hyphen else ""))
            word = word[piece:]
        current = word
    lines.append(current)
    return lines
