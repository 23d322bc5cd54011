"""Reading figures and dates as Dutch people write them: one parser for every way a figure
enters the tool (``record``, ``import``, ``log``).

The rules (stated for users in docs/vastleggen.md):

- A point groups thousands and a comma is the decimal sign: ``2.372`` is 2372, ``1.050`` is
  1050, ``2,5`` is 2,5 and ``1.234.567,89`` is 1234567,89. Grouping is optional (``2372``).
- A point must group exactly three digits, and the comma comes after every point. Anything
  else is refused with a message that shows how it could be meant: ``1.05`` (1,05 or 105?),
  ``12.5`` (12,5?), ``1,050.5`` (English notation: 1.050,5?), ``1234.567``.
- Only the digits 0–9, one leading sign, points and one comma: no exponent (``1e5``), no
  ``NaN`` or ``Infinity``, no spaces or underscores inside the number, no other scripts'
  digits, and the number starts and ends with a digit (``,5`` and ``5,`` are refused).
- A figure may start with a word that makes it approximate: ``ca.``, ``circa``, ``ongeveer``,
  ``bijna``, ``ruim``, ``±`` or ``~`` (``ca. 8.000``, ``bijna 7``).
- A date is ISO (``2024-03-15``) or Dutch day-month-year as Excel writes it in a CSV
  (``15-3-2024``, ``15-03-2024``); a two-digit year is refused, never guessed.

Babel's ``parse_decimal(locale="nl", strict=True)`` does the grouping check and proposes the
readings for the message; the character check in front of it refuses what Babel would accept
but a figure in a contract never is (exponents, NaN, other digits, a bare comma at either end).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

#: At most this many decimals: more cannot be stored exactly and would be rounded unseen.
MAX_DECIMALS = 9
#: The largest figure a contract holds (the model's limit).
MAX_FIGURE = 10**15

#: A figure Babel would read exactly as Python does: digits, optionally a comma and decimals,
#: without a thousands point and within the limits (read without Babel: ten times faster, and
#: an import reads thousands of them).
_PLAIN_INTEGER = re.compile(r"[+-]?[0-9]{1,15}")
_PLAIN_DECIMAL = re.compile(r"[+-]?[0-9]{1,15},[0-9]{1,9}")
_CHARACTERS = re.compile(r"[+-]?[0-9](?:[0-9.,]*[0-9])?")
_APPROXIMATE = re.compile(
    r"(?i)(?P<word>ca\.?|c\.a\.|circa|ongeveer|bijna|ruim|±|~)\s*(?P<rest>[+-]?[0-9].*)"
)
_DUTCH_DATE = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_THOUSANDS_POINT = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]*)?")


class FigureError(ValueError):
    """A text that is not a figure in Dutch notation; ``str()`` is the Dutch reason.

    ``no_number`` is true when the text is no number at all (a word, other digits), false when
    it is a number written wrongly or ambiguously (then the reason shows the readings)."""

    def __init__(self, message: str, no_number: bool = False) -> None:
        super().__init__(message)
        self.no_number = no_number


@dataclass(frozen=True)
class Figure:
    """A figure read from text: its value, and whether the text called it approximate."""

    value: int | float
    approximate: bool = False


def parse_number(text: str, max_decimals: int = MAX_DECIMALS) -> int | float:
    """A number in Dutch notation (``2.372`` → 2372, ``2,5`` → 2.5); raises
    :class:`FigureError` with a Dutch message for anything else or anything ambiguous."""
    stripped = text.strip()
    if _PLAIN_INTEGER.fullmatch(stripped):
        return int(stripped)
    if _PLAIN_DECIMAL.fullmatch(stripped) and len(stripped.partition(",")[2]) <= max_decimals:
        return float(stripped.replace(",", "."))
    from babel.numbers import NumberFormatError, parse_decimal

    if not _CHARACTERS.fullmatch(stripped):
        raise FigureError(*_not_a_number(text, stripped))
    if stripped.count(",") > 1:
        swapped = stripped.translate(str.maketrans(".,", ",."))
        hint = f"; bedoeld is {swapped}? In" if _THOUSANDS_POINT.fullmatch(swapped) else "; in"
        raise FigureError(
            f"'{_short(text)}' heeft meer dan één komma{hint} een Nederlands getal is de "
            "komma het decimaalteken en groepeert een punt de duizendtallen (1.234.567,89)"
        )
    digits = stripped.lstrip("+-").split(",")[0].replace(".", "")
    # Checked on the digits before converting, so a number of thousands of digits is refused
    # at once and not first turned into a huge integer.
    if len(digits.lstrip("0")) > 16:
        raise FigureError(f"getal {_short(text)} is te groot (maximaal 10^15)")
    try:
        number = parse_decimal(stripped, locale="nl", strict=True)
    except NumberFormatError as exc:
        raise FigureError(_ambiguous(text, stripped, list(exc.suggestions or []))) from None
    if abs(number) > MAX_FIGURE:
        raise FigureError(f"getal {_short(text)} is te groot (maximaal 10^15)")
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if decimals > max_decimals:
        raise FigureError(
            f"getal {_short(text)} heeft te veel decimalen (hoogstens {max_decimals})"
        )
    if "," not in stripped:
        return int(number)
    return float(number)


def parse_figure(text: str, max_decimals: int = MAX_DECIMALS) -> Figure:
    """A figure, possibly approximate (``ca. 8.000``, ``bijna 7``): see :func:`parse_number`."""
    stripped = text.strip()
    found = _APPROXIMATE.fullmatch(stripped)
    if found:
        return Figure(parse_number(found.group("rest"), max_decimals), approximate=True)
    return Figure(parse_number(stripped, max_decimals))


def has_thousands_point(text: str) -> bool:
    """Whether a figure's text groups thousands with a point (``2.372``, ``1.050,5``)."""
    return bool(_THOUSANDS_POINT.fullmatch(text.strip()))


def parse_date(text: str) -> dt.date:
    """A date written ISO (``2024-03-15``) or day-month-year (``15-3-2024``); raises
    :class:`FigureError` with a Dutch message otherwise."""
    stripped = text.strip()
    if _ISO_DATE.fullmatch(stripped):
        year, month, day = (int(p) for p in stripped.split("-"))
    else:
        found = _DUTCH_DATE.fullmatch(stripped)
        if not found:
            raise FigureError(
                f"'{_short(text)}' is geen datum; schrijf dag-maand-jaar (15-3-2024) of "
                "jaar-maand-dag (2024-03-15)"
            )
        day, month, year = (int(p) for p in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise FigureError(
            f"'{_short(text)}' is geen bestaande datum (dag {day}, maand {month}, jaar {year})"
        ) from None


def decimal_places(value: int | float) -> int:
    """How many decimals a number has as written in YAML (``2.372`` → 3, ``2.5`` → 1)."""
    if isinstance(value, int):
        return 0
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _not_a_number(text: str, stripped: str) -> tuple[str, bool]:
    shown = _short(text)
    if re.fullmatch(r"[+-]?[,.][0-9]+", stripped):
        return (
            f"'{shown}' begint met een scheidingsteken; schrijf een 0 ervoor (0{stripped})",
            False,
        )
    if re.fullmatch(r"[+-]?[0-9][0-9.,]*[,.]", stripped):
        return f"'{shown}' eindigt met een scheidingsteken; laat dat weg ({stripped[:-1]})", False
    if re.fullmatch(r"[+-]?[0-9]+(?: [0-9]{3})+(?:,[0-9]+)?", stripped):
        return (
            f"'{shown}' groepeert met spaties; schrijf de duizendtallen met een punt "
            f"({stripped.replace(' ', '.')}) of zonder scheiding ({stripped.replace(' ', '')})",
            False,
        )
    return (
        f"'{shown}' is geen getal; schrijf bijvoorbeeld 12, 12,5 of 1.234,5 (een punt groepeert "
        "duizendtallen, de komma is het decimaalteken)",
        True,
    )


def _ambiguous(text: str, stripped: str, suggestions: list[str]) -> str:
    """Why a number with points and commas is refused, and the readings it could have."""
    shown = _short(text)
    english = "," in stripped and "." in stripped.split(",", 1)[1]
    if english:
        why = "staat in Engelse schrijfwijze (komma vóór punt)"
    else:
        why = (
            "is in Nederlandse schrijfwijze niet eenduidig: een punt groepeert precies drie cijfers"
        )
    readings = [s for s in suggestions if s != stripped]
    # The decimal reading first: that is what a point before one or two digits usually means;
    # English notation first as its Dutch counterpart (points and commas swapped).
    readings.sort(key=lambda s: "," not in s)
    if english:
        swapped = stripped.translate(str.maketrans(".,", ",."))
        readings = [swapped, *(s for s in readings if s != swapped)]
    options = " of ".join(readings)
    hint = f"; bedoeld is {options}? Schrijf het zo" if options else ""
    return (
        f"'{shown}' {why}{hint} (in het Nederlands is de komma het decimaalteken en "
        "groepeert een punt de duizendtallen)"
    )


def _short(text: str, length: int = 30) -> str:
    """A long text shortened for a message."""
    return text if len(text) <= length else f"{text[: length - 1]}… ({len(text)} tekens)"
