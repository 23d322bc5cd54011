"""PT313: a target stated in a goal's title that its indicator no longer holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from programmatool import load_contract

from .test_rules_support import ROOT_PROGRAMMAS, findings, line_of, variant

PROGRAMMAS = sorted(ROOT_PROGRAMMAS.glob("*.yaml"))
VOORBEELDEN = sorted((ROOT_PROGRAMMAS.parent / "voorbeelden").glob("*.yaml"))


def _changed(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (ROOT_PROGRAMMAS / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_rating_changed_in_the_indicator_but_not_in_the_title(tmp_path: Path) -> None:
    # Binnenstad 4a: "... gemiddeld met een 6,5"; the indicator now says 6,2.
    path = _changed(
        tmp_path,
        "binnenstad.yaml",
        "    doel: 4a\n    eenheid: rapportcijfer\n    richting: hoger\n"
        "    streefwaarden: {2022: 6.5}\n",
        "    doel: 4a\n    eenheid: rapportcijfer\n    richting: hoger\n"
        "    streefwaarden: {2022: 6.2}\n",
    )
    [f] = findings(path, code="PT313")
    assert (f.severity, f.line) == ("waarschuwing", line_of(path, "gemiddeld met een 6,5"))
    assert f.message == (
        "operationeel doel '4a' noemt 6,5 in zijn titel, maar de streefwaarde 2022 van "
        "indicator 'waardering-sfeer' is 6,2; is de streefwaarde veranderd zonder de titel "
        "(of andersom)?"
    )


def test_the_baseline_years_and_ages_in_a_title_are_not_taken_for_the_target(
    tmp_path: Path,
) -> None:
    # Zorg 1c: "In 2022 maken maximaal 176 unieke personen gebruik van de Maatschappelijke
    # opvang (dag/nacht/crisis/24uurs) t.o.v. 218 in 2017": 218 is the baseline.
    path = _changed(
        tmp_path, "zorg.yaml", "streefwaarden: {2022: 176}", "streefwaarden: {2022: 180}"
    )
    [f] = findings(path, code="PT313")
    assert f.message.startswith(
        "operationeel doel '1c' noemt 176 in zijn titel, maar de streefwaarde 2022 van "
        "indicator 'maatschappelijke-opvang' is 180;"
    )


@pytest.mark.parametrize("path", PROGRAMMAS + VOORBEELDEN, ids=lambda p: p.stem)
def test_the_real_contracts_state_their_targets_consistently(path: Path) -> None:
    assert findings(path, code="PT313") == []


def test_every_target_a_real_title_states_is_caught_when_only_the_indicator_changes(
    tmp_path: Path,
) -> None:
    """Each of the seven contracts, each indicator whose goal title states its last target:
    raise that target by a tenth and PT313 names exactly that goal."""
    caught: list[str] = []
    for source in PROGRAMMAS:
        contract = load_contract(source).contract
        assert contract is not None
        text = source.read_text(encoding="utf-8")
        for ind in contract.indicatoren:
            numeric = {y: v for y, v in ind.streefwaarden.items() if isinstance(v, int | float)}
            if len(numeric) != 1:
                continue
            [(year, value)] = numeric.items()
            old = f"streefwaarden: {{{year}: {value}}}"
            at = text.index(f"  - id: {ind.id}\n")
            if old not in text[at:] or not value:
                continue
            new = f"streefwaarden: {{{year}: {value * 1.1:.4g}}}"
            path = tmp_path / f"{source.stem}-{ind.id}.yaml"
            path.write_text(text[:at] + text[at:].replace(old, new, 1), encoding="utf-8")
            found = findings(path, code="PT313")
            if found:
                assert len(found) == 1 and f"'{ind.id}'" in found[0].message, found
                caught.append(f"{source.stem}:{ind.doel}")
    assert caught == [
        "binnenstad:1a",
        "binnenstad:2b",
        "binnenstad:3a",
        "binnenstad:3b",
        "binnenstad:4a",
        "binnenstad:4b",
        "binnenstad:4c",
        "binnenstad:4d",
        "binnenstad:5a",
        "economie-participatie:1a",
        "economie-participatie:1b",
        "economie-participatie:1d",
        "economie-participatie:1e",
        "economie-participatie:2a",
        "economie-participatie:2b",
        "zorg:1a",
        "zorg:1b",
        "zorg:1c",
        "zorg:1d",
        "zorg:1e",
        "zorg:2a",
        "zorg:4a",
    ]


@pytest.mark.parametrize(
    ("title", "target", "unit", "reported"),
    [
        ("In 2022 doen 25 scholen mee", "20", "aantal", True),
        ("In 2022 doen 20 scholen mee", "20", "aantal", False),
        ("In 2022 doen 2.000 scholen mee", "2000", "aantal", False),  # a thousands point
        ("In 2022 doen 2.100 scholen mee", "2000", "aantal", True),
        ("Eind 2022 doen meer scholen mee", "20", "aantal", False),  # a year only
        ("In 2022 doet 25% van de scholen mee", "20", "aantal", False),  # % of something else
        ("In 2022 doet 25% van de scholen mee", "20", "'%'", True),
        ("In 2022 doen 25 scholen mee", "20", "'%'", False),  # a count, the target is a %
        ("Scholen 1.1 en 1.2 doen mee", "20", "aantal", False),  # a numbering, no figure
        ("In 2022 doen 90 scholen mee", "20", "aantal", False),  # not near the target
        ("In 2022 doen 5 scholen mee, toen 5", "20", "aantal", False),  # 5 is the baseline
    ],
)
def test_which_figures_in_a_title_count_as_its_target(
    tmp_path: Path, title: str, target: str, unit: str, reported: bool
) -> None:
    path = variant(
        tmp_path,
        "        titel: Meer scholen doen mee aan afvaleducatie\n",
        f"        titel: {title}\n",
    )
    text = path.read_text(encoding="utf-8").replace(
        "    eenheid: aantal\n    richting: hoger\n    peilwaarde: 5\n    peiljaar: 2018\n"
        "    streefwaarden: {2019: 8, 2020: 12, 2021: 17, 2022: 20}\n",
        f"    eenheid: {unit}\n    richting: hoger\n    peilwaarde: 5\n    peiljaar: 2018\n"
        f"    streefwaarden: {{2022: {target}}}\n",
    )
    path.write_text(text, encoding="utf-8")
    assert bool(findings(path, code="PT313")) is reported
