"""What every part of a document's view model shares: a table row, the words and signs for
statuses and roles, and people and related programmes in words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from programmatool.text import formatting as fmt

Formaat = Literal["md", "html", "pdf"]
FORMATEN: tuple[str, ...] = ("md", "html", "pdf")

#: Words for a contract's status, as a council member reads them.
STATUS_WOORDEN = {
    "concept": "concept",
    "vastgesteld": "vastgesteld",
    "gewijzigd": "gewijzigd",
    "onbekend": "onbekend",
}
ROL_WOORDEN = {"regie": "regie", "afstemming": "afstemming", "faciliterend": "faciliterend"}

#: A sign per status (every one of ``progress.STATUSSEN``), so that a status never depends on
#: colour alone.
STATUS_TEKEN = {
    "behaald": "✔",
    "op koers": "●",
    "kleine achterstand": "▲",
    "achter": "✖",
    "niet behaald": "✗",
    "geen meting": "○",
    "geen oordeel mogelijk": "?",
    "onvoldoende gemeten": "◌",
}

#: The mark at an indicator's figure that ``check`` finds wrong (an asterisk already means
#: "provisional" in those tables).
FOUT_TEKEN = "⚠"

#: A fault as ``faults.under`` returns it: path in the contract, rule code, message.
Fault = tuple[tuple[str | int, ...], str, str]


@dataclass
class Rij:
    """A row of a table: a header cell and data cells, all as text."""

    kop: str
    cellen: list[str]
    klasse: str = ""


def relatie_naam(relatie: Any, namen: dict[str, str]) -> str:
    """A related programme in words; one outside the portfolio says so."""
    if relatie.extern or relatie.programma is None:
        wie = relatie.naam or relatie.programma or ""
        code = f"{relatie.programma}, " if relatie.naam and relatie.programma else ""
        bij = f", {relatie.organisatie}" if relatie.organisatie else ""
        return f"{wie} ({code}buiten het portfolio{bij})"
    return str(namen.get(relatie.programma, relatie.naam or relatie.programma))


def people(namen: Iterable[Any]) -> str:
    """People in words: "name (function), name"."""
    return ", ".join(p.naam + (f" ({p.functie})" if p.functie else "") for p in namen)


def count_words(n: int, singular: str, plural: str) -> str:
    """``3 inspanningen``, ``1 inspanning``."""
    return fmt.hoeveel(n, singular, plural)


def fault_sentences(faults: Iterable[Fault]) -> list[str]:
    """What check finds, one sentence per fault, in plain words: a document names no rule code
    (``check`` does, for the author)."""
    return [_sentence(message) for _path, _code, message in faults]


def _sentence(message: str) -> str:
    """A message as a sentence ending in one full stop."""
    text = message.rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."
