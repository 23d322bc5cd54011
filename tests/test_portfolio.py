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


def test_budget_overview_has_one_row_per_programme_and_one_total_after_them(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    html = _index(tmp_path, cli)
    geld = html[html.index('<table class="portfolio-geld">') :]
    geld = geld[: geld.index("</table>")]
    kolommen = re.findall(r'<th scope="col" class="getal">([^<]*)</th>', geld)
    # Only years that hold money are columns (no column of dashes for 2025-2027).
    assert kolommen == [*(str(y) for y in range(2017, 2025)), "zonder jaar", "Totaal"]
    assert "<tfoot>" not in geld  # a footer is repeated on every page of a PDF
    totaal = re.findall(r'<tr class="geld-totaal">(.*?)</tr>', geld)
    assert len(totaal) == 1
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", totaal[0])
    # 2019: Binnenstad 750.000 + Duurzaamheid 200.000 + Nieuwstraatkwartier 180.000
    # + Zorg 1.750.000 + Omgevingswet 696.000; the wrong 2022 of Duurzaamheid carries its *.
    assert cells[kolommen.index("2019")] == "3.576.000"
    assert cells[kolommen.index("2022")] == "466.000 *"
    assert cells[-1] == "11.599.000 *"
    assert geld.rindex('<tr class="geld-programma">') < geld.index('<tr class="geld-totaal">')
    assert "Reserve Centrumspaarfonds: p.m." in html


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
