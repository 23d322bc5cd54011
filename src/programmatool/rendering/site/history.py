"""Each indicator's history from git: its targets and realisations in every adopted and later
version of its contract, the changes between versions in words ("streefwaarde 2022 verlaagd van
7 naar 6,8 op 3 maart 2021"), a small table and a chart. Pure: the pipeline reads the versions
from git and hands them over oldest first."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from programmatool.text import formatting as fmt

if TYPE_CHECKING:
    from programmatool.model.contract import Contract, Indicator


@dataclass(frozen=True)
class Version:
    """One version of a contract: when git got it (ISO date), its commit ("" for the file as it
    is now and not yet committed) and the contract as it was then."""

    datum: str
    commit: str
    contract: Contract


@dataclass
class HistoryRow:
    """A version in the history table: what it is, and its value per year."""

    label: str
    waarden: list[str]


@dataclass
class IndicatorHistory:
    """One indicator through the versions of its contract."""

    #: Where the history starts ("de vastgestelde versie van 3 maart 2021", or the first one).
    vanaf: str
    jaren: list[int] = field(default_factory=list)
    streefwaarden: list[HistoryRow] = field(default_factory=list)
    realisaties: list[HistoryRow] = field(default_factory=list)
    wijzigingen: list[str] = field(default_factory=list)
    grafiek: str = ""
    grafiek_tekst: str = ""


def _date(iso: str) -> str:
    return fmt.datum(dt.date.fromisoformat(iso))


def _value(value: Any) -> str:
    return "–" if value is None else fmt.waarde(value)


def _words(value: Any) -> str:
    # In a sentence an absent figure is said, not drawn as a dash.
    return "geen getal" if value is None else fmt.waarde(value)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _label(v: Version) -> str:
    parts = [f"versie {v.contract.versie}"] if v.contract.versie else []
    parts.append(v.contract.status)
    if v.commit:
        return f"{_date(v.datum)} ({', '.join(parts)}; commit {v.commit})"
    return f"nu ({', '.join(parts)}; nog niet in git vastgelegd)"


def _changes(kind: str, old: dict[int, Any], new: dict[int, Any], op: str) -> list[str]:
    """The changes of one series between two versions, in words, by year."""
    lines = []
    for jaar in sorted(set(old) | set(new)):
        a, b = old.get(jaar), new.get(jaar)
        if jaar not in new:
            lines.append(f"{kind} {jaar} ({_words(a)}) geschrapt {op}")
        elif jaar not in old:
            lines.append(f"{kind} {jaar} toegevoegd: {_words(b)} {op}")
        elif a != b:
            x, y = _number(a), _number(b)
            word = "gewijzigd"
            if x is not None and y is not None:
                word = "verhoogd" if y > x else "verlaagd"
            lines.append(f"{kind} {jaar} {word} van {_words(a)} naar {_words(b)} {op}")
    return lines


def _series(ind: Indicator) -> tuple[dict[int, Any], dict[int, Any]]:
    return dict(ind.streefwaarden), {j: r.waarde for j, r in ind.realisaties.items()}


def _chart(
    ind: Indicator, first: Version, first_targets: dict[int, Any], prefix: str
) -> tuple[str, str]:
    """The chart: targets and realisations now, and the targets of the first version."""
    from programmatool.rendering.svg import indicator_svg

    streef = {j: n for j, v in ind.streefwaarden.items() if (n := _number(v)) is not None}
    real = {j: n for j, r in ind.realisaties.items() if (n := _number(r.waarde)) is not None}
    oud = {j: n for j, v in first_targets.items() if (n := _number(v)) is not None}
    if not (streef or real or oud):
        return "", ""
    naam = f"streefwaarden {_date(first.datum)}"
    tekst = (
        f"De streefwaarden en realisaties van nu, en gestippeld de streefwaarden in de versie "
        f"van {_date(first.datum)}."
    )
    peil_waarde = _number(ind.peilwaarde)
    peil = (
        (ind.peiljaar, peil_waarde)
        if isinstance(ind.peiljaar, int) and peil_waarde is not None
        else None
    )
    svg = indicator_svg(
        peil,
        streef,
        real,
        f"{ind.naam}: streefwaarden toen en nu",
        tekst,
        fmt.waarde,
        prefix,
        [(naam, oud)] if oud else [],
    )
    return svg, tekst


def indicator_history(ind: Indicator, versions: list[Version]) -> IndicatorHistory | None:
    """The history of ``ind`` (by its id) over ``versions`` (oldest first); None when no
    version holds it. Only versions in which its targets or realisations changed are rows."""
    kept: list[tuple[Version, dict[int, Any], dict[int, Any]]] = []
    for version in versions:
        found = next((i for i in version.contract.indicatoren if i.id == ind.id), None)
        if found is None:
            continue
        streef, real = _series(found)
        if not kept or (kept[-1][1], kept[-1][2]) != (streef, real):
            kept.append((version, streef, real))
    if not kept:
        return None
    first = kept[0][0]
    history = IndicatorHistory(
        f"de {'vastgestelde ' if first.contract.status == 'vastgesteld' else ''}versie van "
        f"{_date(first.datum)}"
        if first.commit
        else "de versie van nu (nog niet in git vastgelegd)"
    )
    history.jaren = sorted({j for _v, s, r in kept for j in (*s, *r)})
    for version, streef, real in kept:
        label = _label(version)
        history.streefwaarden.append(
            HistoryRow(label, [_value(streef.get(j)) for j in history.jaren])
        )
        history.realisaties.append(HistoryRow(label, [_value(real.get(j)) for j in history.jaren]))
    for (_old, s0, r0), (new, s1, r1) in itertools.pairwise(kept):
        op = f"op {_date(new.datum)}" if new.commit else "in de versie van nu"
        history.wijzigingen.extend(_changes("streefwaarde", s0, s1, op))
        history.wijzigingen.extend(_changes("realisatie", r0, r1, op))
    history.grafiek, history.grafiek_tekst = _chart(ind, first, kept[0][1], f"gesch-{ind.id}")
    return history


def histories(contract: Contract, versions: list[Version]) -> dict[str, IndicatorHistory]:
    """Every indicator of ``contract`` (the one published) with its history, by id."""
    result = {}
    for ind in contract.indicatoren:
        h = indicator_history(ind, versions)
        if h is not None:
            result[ind.id] = h
    return result
