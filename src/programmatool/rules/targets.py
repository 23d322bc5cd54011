"""PT313: a target in the title of a goal that its indicator no longer holds.

Goal titles often carry their target ("gemiddeld met een 6,5", "in 2022 naar 2200
bijstandsdossiers"). When an indicator's target is changed and the title is not (or the other
way round), the council reads two different ambitions. The figures in a title are read with
the Dutch conventions of ``text.numbers`` (a point groups thousands, a comma is the decimal
sign); years, figures that are no target (ages, the baseline) and percentages of something else
are left alone, so only a figure that plausibly is the same target is compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from programmatool.model.contract import Contract, Indicator
from programmatool.rules.registry import Hit, Source, rule
from programmatool.text.formatting import getal
from programmatool.text.numbers import FigureError, parse_number

Pad = tuple[str | int, ...]

#: A figure in running text: digits with Dutch points and commas, not glued to letters.
_FIGURE = re.compile(r"(?<![\w.,])[0-9](?:[0-9.,]*[0-9])?(?![\w])")
_PERCENT_AFTER = re.compile(r"\s*(?:%|procent\b)", re.IGNORECASE)
_PERCENT_UNITS = {"%", "procent", "percentage"}
#: Whole numbers in this range are read as years, never as a target.
_YEARS = range(1900, 2101)


@dataclass(frozen=True)
class _TitleFigure:
    value: int | float
    percent: bool


def _figures(title: str) -> tuple[list[_TitleFigure], set[int]]:
    """The figures in a title (years apart) and the years it names."""
    figures: list[_TitleFigure] = []
    years: set[int] = set()
    for match in _FIGURE.finditer(title):
        try:
            value = parse_number(match.group())
        except FigureError:
            continue  # '1.1' (a numbering) or another figure that is not Dutch notation
        # A year is written without a thousands point: '2022' is a year, '2.100' a count.
        if isinstance(value, int) and value in _YEARS and "." not in match.group():
            years.add(value)
            continue
        percent = bool(_PERCENT_AFTER.match(title, match.end()))
        figures.append(_TitleFigure(value, percent))
    return figures, years


def _numeric_targets(ind: Indicator) -> dict[int | None, int | float]:
    targets: dict[int | None, int | float] = {
        year: v
        for year, v in sorted(ind.streefwaarden.items())
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
    undated = ind.streefwaarde_zonder_jaar
    if isinstance(undated, int | float) and not isinstance(undated, bool):
        targets[None] = undated
    return targets


def _goal_titles(c: Contract) -> dict[str, tuple[str, Pad, str]]:
    """Per goal id: its title, the path of the title and how a message names the goal."""
    titles: dict[str, tuple[str, Pad, str]] = {}
    for i, sd in enumerate(c.strategische_doelen):
        base: Pad = ("strategische_doelen", i)
        titles[sd.id] = (sd.titel, (*base, "titel"), f"doel '{sd.id}'")
        for k, sub in enumerate(sd.subdoelen):
            titles[sub.id] = (sub.titel, (*base, "subdoelen", k, "titel"), f"subdoel '{sub.id}'")
        for j, od in enumerate(sd.operationele_doelen):
            path: Pad = (*base, "operationele_doelen", j, "titel")
            titles[od.id] = (od.titel, path, f"operationeel doel '{od.id}'")
    return titles


def _closest(
    figures: list[_TitleFigure], target: int | float, ind: Indicator
) -> _TitleFigure | None:
    """The title's figure that plausibly states this target: the same kind (a percentage only
    for a percentage), not the baseline, and within a factor two of the target."""
    percent = (ind.eenheid or "").strip().casefold() in _PERCENT_UNITS
    near = [
        f
        for f in figures
        if f.percent == percent
        and f.value != ind.peilwaarde
        and f.value > 0
        and target > 0
        and 0.5 <= f.value / target <= 2
    ]
    return min(near, key=lambda f: abs(f.value - target), default=None)


@rule(
    "PT313",
    "waarschuwing",
    "Streefwaarde in de titel van een doel wijkt af van de indicator",
    why="""
        Veel doelen noemen hun streefwaarde in de titel ("Almeloërs waarderen de sfeer met een
        6,5"). Is de streefwaarde van de indicator later veranderd en de titel niet (of
        andersom), dan leest de raad twee ambities. Deze regel leest de getallen in de titel
        van een doel zoals een Nederlandse tekst ze schrijft (een komma is het decimaalteken,
        een punt groepeert duizendtallen) en vergelijkt ze met de streefwaarden van de
        indicatoren die het doel meten. Jaartallen, de peilwaarde, percentages bij een
        indicator die geen percentage is (en omgekeerd) en getallen die niet in de buurt van
        de streefwaarde liggen tellen niet mee; noemt de titel een streefwaarde van een van de
        indicatoren, dan volgt geen melding. Neem over wat de bron zegt: staan in de bron
        echt twee verschillende getallen, laat de melding dan staan.
    """,
    example="""
        strategische_doelen:
          - id: I
            titel: De binnenstad is aantrekkelijk
            operationele_doelen:
              - id: a
                titel: Almeloërs waarderen de sfeer in de binnenstad met een 6,5
        indicatoren:
          - id: sfeer
            naam: Waardering sfeer binnenstad
            doel: a
            eenheid: rapportcijfer
            richting: hoger
            streefwaarden: {2022: 6.2}    # de titel zegt 6,5
            bron: Stadspeiling
    """,
    fix="""
        strategische_doelen:
          - id: I
            titel: De binnenstad is aantrekkelijk
            operationele_doelen:
              - id: a
                titel: Almeloërs waarderen de sfeer in de binnenstad met een 6,5
        indicatoren:
          - id: sfeer
            naam: Waardering sfeer binnenstad
            doel: a
            eenheid: rapportcijfer
            richting: hoger
            streefwaarden: {2022: 6.5}
            bron: Stadspeiling
    """,
)
def streefwaarde_in_titel(source: Source) -> Iterator[Hit]:
    """Goals whose title states a target none of their indicators holds (any more)."""
    c = source.contract
    titles = _goal_titles(c)
    by_goal: dict[str, list[Indicator]] = {}
    for ind in c.indicatoren:
        by_goal.setdefault(ind.doel, []).append(ind)
    for goal, indicators in by_goal.items():
        if goal not in titles:
            continue
        title, path, name = titles[goal]
        figures, years = _figures(title)
        all_targets = [v for ind in indicators for v in _numeric_targets(ind).values()]
        if not figures or any(f.value == v for f in figures for v in all_targets):
            continue  # the title states one of the targets, or none at all
        for ind in indicators:
            hit = _mismatch(ind, figures, years)
            if hit is not None:
                stated, year, target = hit
                jaar = f" {year}" if year is not None else ""
                yield Hit(
                    source,
                    path,
                    f"{name} noemt {getal(stated)} in zijn titel, maar de streefwaarde{jaar} "
                    f"van indicator '{ind.id}' is {getal(target)}; is de streefwaarde "
                    "veranderd zonder de titel (of andersom)?",
                )
                break  # one finding per goal title


def _mismatch(
    ind: Indicator, figures: list[_TitleFigure], years: set[int]
) -> tuple[int | float, int | None, int | float] | None:
    """The title figure, the year and the indicator target that disagree, if any."""
    targets = _numeric_targets(ind)
    if not targets:
        return None
    named = [y for y in targets if y is not None and y in years]
    # The target of the year the title names, else the final one.
    year = named[-1] if named else list(targets)[-1]
    figure = _closest(figures, targets[year], ind)
    if figure is None:
        return None
    return figure.value, year, targets[year]
