"""The portfolio page: one budget overview with totals, status with measurement year, relations."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import PROGRAMMAS


def _index(tmp_path: Path, cli) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    run = cli("render", PROGRAMMAS, "--out", out)
    assert run.code == 0, run.err
    return (out / "index.html").read_text(encoding="utf-8").replace("\xa0", " ")


def test_budget_overview_has_every_table_the_full_range_of_years_and_totals(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    html = _index(tmp_path, cli)
    geld = html[html.index('<table class="portfolio-geld">') :]
    geld = geld[: geld.index("</table>")]
    years = re.findall(r'<th scope="col" class="getal">(\d{4})</th>', geld)
    # Nieuwstraatkwartier runs 2017–2027: every year of every programme is a column.
    assert years == [str(y) for y in range(2017, 2028)]
    # Both tables of Binnenstad, and the spread of Omgevingswet.
    assert "Programma binnenstad" in geld and "Verdeling middelen 2019-2022" in geld
    assert "Spreiding van de invoeringskosten" in geld
    totaal = re.search(r'<tr class="totaal">(.*?)</tr>', geld)
    assert totaal is not None
    cells = re.findall(r'<td class="getal">(.*?)</td>', totaal.group(1))
    assert len(cells) == len(years)
    # 2019: Binnenstad 450.000 + Duurzaamheid 200.000 + Nieuwstraatkwartier 180.000
    # + Zorg 1.592.000 + Omgevingswet's spread for 2019.
    assert cells[years.index("2019")] == "€ 3.118.000"
    assert "waarvan nog niet gedekt" in geld and "€ 150.000" in geld
    assert "Revolverend fonds: € 650.000 (fonds)" in geld


def test_each_programme_shows_holder_status_with_measurement_year_and_coverage(
    tmp_path, cli
) -> None:  # type: ignore[no-untyped-def]
    html = _index(tmp_path, cli)
    status = html[html.index('<table class="portfolio-status">') :]
    status = status[: status.index("</table>")]
    assert "Eugene van Mierlo, Alex Langius" in status
    assert "op grond van metingen over 2020; 3 van 10 indicatoren gemeten" in status


def test_relations_are_a_grouped_list(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    html = _index(tmp_path, cli)
    lijst = html[html.index('<ul class="relaties">') :]
    lijst = lijst[: lijst.index("</ul>")]
    zorg = re.search(r'<li><a href="zorg.html">Zorg</a>: (.*?)</li>', lijst)
    assert zorg is not None
    assert zorg.group(1).count("<a href=") == 6
