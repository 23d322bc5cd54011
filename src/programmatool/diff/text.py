"""Changes in Dutch words: texts compared word by word, values and amounts as a council reads them.

Used by ``diff``; plain functions without state, standard library only at import time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from programmatool.model.contract import Contract

_MAX_PARTS = 3
_MAX_WORDS = 8
#: difflib compares words in time up to the product of both lengths; above this product the
#: common start and end are taken off first (linear), and a middle still too large is summed
#: up as one change, so any text is compared in bounded, near-linear time.
_MAX_PRODUCT = 1_000_000


def number(value: Any) -> int | float | None:
    """The value as a number, or None for words, markers and booleans."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def same(a: Any, b: Any) -> bool:
    """Equal in meaning: numbers to a thousandth, texts word by word, the rest exactly."""
    na, nb = number(a), number(b)
    if na is not None and nb is not None:
        return round(na * 1000) == round(nb * 1000)
    if isinstance(a, str) and isinstance(b, str):
        return same_text(a, b)
    return bool(a == b)


def value_text(value: Any, eenheid: str | None = None) -> str:
    """An indicator value in its unit, with ordinary spaces (``None`` is "geen")."""
    from programmatool.text.formatting import waarde

    if value is None:
        return "geen"
    return waarde(value, eenheid).replace("\u00a0", " ")


def money(value: int | float, eenheid: str) -> str:
    """An amount in whole euros, also from a table in thousands: ``60`` → ``€ 60.000``."""
    from programmatool.text.formatting import bedrag_in_euro

    return bedrag_in_euro(value, eenheid, spatie=" ")


def signed_money(value: int | float, eenheid: str) -> str:
    """A difference with its sign: ``+€ 10.000``, ``−€ 10.000``."""
    sign = "+" if value > 0 else "−"
    return sign + money(abs(value), eenheid)


def euros(value: int | float, eenheid: str) -> int | float:
    """An amount counted in euros (a ``duizend_euro`` table counts in thousands)."""
    return value * 1000 if eenheid == "duizend_euro" else value


def date(value: dt.date | None) -> str:
    """A date in Dutch words, or "geen"."""
    from programmatool.text.formatting import datum

    return datum(value) if value is not None else "geen"


def short(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, cut with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def show(value: Any) -> str:
    """Any value from a contract in a few Dutch words, for a message."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return date(value)
    if isinstance(value, int | float):
        return value_text(value)
    if isinstance(value, str):
        return f"'{short(value)}'"
    if isinstance(value, list):
        return short(", ".join(show(v) for v in value) or "geen", 80)
    if isinstance(value, dict):
        shown = "; ".join(
            f"{field_label(k)} {show(v)}" for k, v in value.items() if v not in (None, [], {})
        )
        return short(shown or "leeg", 80)
    return str(value)


def jsonable(value: Any) -> Any:
    """A value as JSON can hold it (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if is_model(value):
        return jsonable(value.model_dump(mode="json", exclude_defaults=True))
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def field_label(name: str | int) -> str:
    """A YAML key as words: ``uren_per_week`` → ``uren per week``."""
    return str(name).replace("_", " ")


def is_prose(value: Any) -> bool:
    """Text of more than one word: summarised word by word rather than shown whole."""
    return isinstance(value, str) and len(value.split()) > 1


def is_model(value: Any) -> bool:
    """True for a Pydantic model (checked by shape, so Pydantic is not imported here)."""
    return hasattr(type(value), "model_fields") and hasattr(value, "model_dump")


def _clip(words: Sequence[str]) -> str:
    if len(words) <= _MAX_WORDS:
        return " ".join(words)
    half = _MAX_WORDS // 2
    return " ".join(words[:half]) + " … " + " ".join(words[-half:])


def paragraphs(text: str | None) -> list[str]:
    """A text's paragraphs with whitespace collapsed: reflowing a paragraph changes nothing."""
    if text is None:
        return []
    return [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]


def same_text(old: str | None, new: str | None) -> bool:
    """True when two texts say the same words in the same paragraphs."""
    return paragraphs(old) == paragraphs(new)


def word_summary(old: str | None, new: str | None) -> str:
    """A short word-level summary of how ``old`` became ``new`` (not both texts in full)."""
    a = " ¶ ".join(paragraphs(old)).split()
    b = " ¶ ".join(paragraphs(new)).split()
    if not a:
        return f"nieuw: '{_clip(b)}'"
    if not b:
        return f"weg: '{_clip(a)}'"
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        before = [w for w in a[i1:i2] if w != "¶"]
        after = [w for w in b[j1:j2] if w != "¶"]
        if tag == "equal" or (not before and not after):
            continue
        if before and after:
            parts.append(f"'{_clip(before)}' → '{_clip(after)}'")
        elif after:
            parts.append(f"erbij: '{_clip(after)}'")
        else:
            parts.append(f"weg: '{_clip(before)}'")
    if not parts:
        return "alinea-indeling gewijzigd"
    shown = "; ".join(parts[:_MAX_PARTS])
    if len(parts) > _MAX_PARTS:
        rest = len(parts) - _MAX_PARTS
        from programmatool.text.formatting import hoeveel

        shown += f"; en nog {hoeveel(rest, 'wijziging', 'wijzigingen')}"
    return shown


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes for two word lists, in bounded time: exactly difflib's on texts of
    ordinary length; for long ones the common start and end first, then difflib on the middle
    when that is small enough, else the middle as one replacement."""
    import difflib

    if len(a) * len(b) <= _MAX_PRODUCT:
        return list(difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes())
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    mid_a, mid_b = a[start : len(a) - end], b[start : len(b) - end]
    if len(mid_a) * len(mid_b) <= _MAX_PRODUCT:
        inner = difflib.SequenceMatcher(a=mid_a, b=mid_b, autojunk=False).get_opcodes()
        return [(t, i1 + start, i2 + start, j1 + start, j2 + start) for t, i1, i2, j1, j2 in inner]
    tag = "replace" if mid_a and mid_b else "delete" if mid_a else "insert"
    return [(tag, start, len(a) - end, start, len(b) - end)]


#: An indicator or effort named by its id in a change ("indicator 'banen' (Aantal banen)").
_NAMED = re.compile(r"\b(indicator|inspanning) '([^']+)'(?: \((?:[^()]|\([^()]*\))*\))?")


def plain_subject(subject: str, names: dict[tuple[str, str], str]) -> str:
    """A change's subject with every indicator and effort named by its name, not its id."""

    def name(match: re.Match[str]) -> str:
        kind, ident = match.group(1), match.group(2)
        found = names.get((kind, ident))
        return f"{kind} '{short(found)}'" if found is not None else match.group(0)

    return _NAMED.sub(name, subject)


def contract_names(contract: Contract) -> dict[tuple[str, str], str]:
    """The names of a contract's indicators and efforts by (kind, id), for ``plain_subject``."""
    names = {("indicator", i.id): i.naam for i in contract.indicatoren}
    names.update({("inspanning", i.id): i.titel for i in contract.inspanningen})
    return names
