"""Every rule that reports a fault in a figure a document prints marks that figure.

For each such rule (``faults.FIGURE_RULES``) one change to the consistent base contract
triggers it; the contract and annual-account documents then carry the mark right after the
printed figure, in HTML and Markdown, and say in words what ``check`` found.
"""

from __future__ import annotations

import html as htmllib
from pathlib import Path

import pytest

from programmatool.rendering.faults import FIGURE_RULES, NOT_MARKED
from programmatool.rules import RULES

from .test_rules_support import findings, variant

# code: (text in the base contract, its replacement, the figure with its mark in HTML,
# the same in Markdown).
CASES: dict[str, tuple[str, str, str, str]] = {
    "PT201": (
        "totalen: {2019: 14000, 2020: 15000}",
        "totalen: {2019: 14000, 2020: 16500}",
        '<td class="getal">€ 16.500 *</td>',
        "| € 16.500 \\* |",
    ),
    "PT202": (
        "totaal: 29000",
        "totaal: 30000",
        "Totaal over de hele periode (zoals gedrukt): € 30.000 *",
        "Totaal over de hele periode (zoals gedrukt): € 30.000 \\*",
    ),
    "PT203": (
        "bedragen: {2019: 5000, 2020: 5000}",
        "bedragen: {2019: 5000, 2020: 5000, 2023: 500}",
        '<td class="getal">€ 500 *</td>',
        "| € 500 \\* |",
    ),
    "PT204": (
        "2019: {percentage: 54.5, bedrag: 67284}",
        "2019: {percentage: 44.5, bedrag: 67284}",
        '<th scope="col" class="getal">Percentage *</th>',
        "| Jaar | Percentage \\* | Bedrag |",
    ),
    "PT205": (
        "2018: {percentage: 33, bedrag: 40740}",
        "2018: {percentage: 33, bedrag: 45000}",
        '<td class="getal">€ 45.000 *</td>',
        "| € 45.000 \\* |",
    ),
    "PT206": (
        "uren_per_week: 4",
        "uren_per_week: -4",
        '<td class="getal">-4 *</td>',
        "| -4 \\* |",
    ),
    "PT207": (
        "bedragen: {2019: 4000, 2020: 4000}",
        "bedragen: {2019: 400000, 2020: 4000}",
        "2019: € 10.000 *",
        "2019: € 10.000 \\*",
    ),
    "PT208": (
        "uren_per_week: {van: 24, tot: 32}",
        "uren_per_week: {van: 32, tot: 24}",
        '<td class="getal">32 tot 24 *</td>',
        "| 32 tot 24 \\* |",
    ),
    "PT209": ("totaal: 123456", "totaal: 123457", "Totaal: € 123.457 *", "Totaal: € 123.457 \\*"),
    "PT210": (
        "totalen: {2019: 14000, 2020: 15000}",
        "totalen: {2019: 14000, 2020: 15000, 2021: 7500}",
        '<td class="getal">€ 7.500 *</td>',
        "| € 7.500 \\* |",
    ),
    "PT301": (
        "peiljaar: 2017",
        "peiljaar: 2021",
        '<th scope="col" class="getal">2021 (peiljaar) ⚠</th>',
        "| 2021 (peiljaar) ⚠ |",
    ),
    "PT302": (
        "streefwaarden: {2020: 65, 2022: 70}",
        "streefwaarden: {2020: 65, 2024: 70}",
        '<td class="getal">70% ⚠</td>',
        "| 70% ⚠ |",
    ),
    "PT303": (
        "      2017: 4\n",
        "      2017: 4\n      2030: 25\n",
        '<td class="getal">25 ⚠</td>',
        "| 25 ⚠ |",
    ),
    "PT304": (
        "streefwaarden: {2019: 210, 2020: 200,",
        "streefwaarden: {2019: 210, 2020: 230,",
        '<td class="getal">230 kg ⚠</td>',
        "| 230 kg ⚠ |",
    ),
    "PT305": (
        "peilwaarde: 61",
        "peilwaarde: 161",
        '<td class="getal">161% ⚠ <span class="uitleg">(peilwaarde)</span></td>',
        "| 161% ⚠ (peilwaarde) |",
    ),
    "PT308": (
        "realisaties: {2019: p.m.}",
        "realisaties: {2019: veel}",
        '<td class="getal">veel ⚠</td>',
        "| veel ⚠ |",
    ),
    "PT309": (
        "streefwaarden: {2022: gemiddeld}",
        "streefwaarden: {2022: normaal}",
        '<td class="getal">normaal ⚠</td>',
        "| normaal ⚠ |",
    ),
}


def _text(path: Path) -> str:
    return htmllib.unescape(path.read_text(encoding="utf-8")).replace("\xa0", " ")


def test_every_rule_about_a_printed_figure_has_a_case() -> None:
    assert set(CASES) == set(FIGURE_RULES)
    assert set(FIGURE_RULES).isdisjoint(NOT_MARKED)
    assert set(FIGURE_RULES) | set(NOT_MARKED) <= set(RULES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_figure_check_finds_wrong_is_marked(code: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    old, new, in_html, in_md = CASES[code]
    source = variant(tmp_path, old, new)
    found = findings(source, code=code)
    assert found, f"the change does not trigger {code}"
    for fmt, mark in (("html", in_html), ("md", in_md)):
        run = cli("render", source, "--format", fmt, "--out", tmp_path / fmt)
        assert run.code == 0, run.err
        text = _text(tmp_path / fmt / f"schone-stad.{fmt}")
        assert mark in text, (fmt, mark)
        # The document says what is wrong in words (PT201 in its own words), without the
        # rule's code: that is for the author, in check.
        said = "het gedrukte totaal is € 16.500, maar de regels tellen op tot € 15.000"
        message = found[0].message.replace("\xa0", " ")
        assert (said if code == "PT201" else f"{message}.") in text
        assert code not in text
        assert "Let op: een cijfer klopt niet." in text
