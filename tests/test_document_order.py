"""Council documents answer the BBV's questions first; pointers to missing figures get a note."""

from __future__ import annotations

import re
from pathlib import Path

from programmatool.rendering.notes import noot, verwijzingen

from .conftest import PROGRAMMAS


def test_bbv_questions_come_before_the_contracts_prose(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "h"
    assert cli("render", PROGRAMMAS / "duurzaamheid.yaml", "--out", out).code == 0
    html = (out / "duurzaamheid.html").read_text(encoding="utf-8")
    order = re.findall(r'<h2 id="([^"]+)"', html)
    assert order.index("kaart-kop") < order.index("samenvatting") < order.index("doel-I")
    assert order.index("doel-II") < order.index("middelen") < order.index("aanleiding")
    assert order.index("aanleiding") < order.index("hoofdstuk-1") < order.index("organisatie")
    # The table of contents follows the same order and numbers nothing twice.
    toc = html[html.index('<nav class="inhoud"') : html.index("</nav>")]
    links = re.findall(r'<a href="#([^"]+)"', toc)
    assert links.index("middelen") < links.index("aanleiding") < links.index("hoofdstuk-1")
    assert "nav.inhoud ol { list-style: none;" in html
    md_out = tmp_path / "m"
    assert (
        cli("render", PROGRAMMAS / "duurzaamheid.yaml", "--out", md_out, "--format", "md").code == 0
    )
    text = (md_out / "duurzaamheid.md").read_text(encoding="utf-8")
    assert text.index("## Wat mag het kosten?") < text.index("## Aanleiding")


def test_annual_account_keeps_its_own_order_without_the_prose(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "v"
    run = cli("render", PROGRAMMAS / "duurzaamheid.yaml", "--out", out, "--verantwoording", "2020")
    assert run.code == 0, run.err
    html = (out / "duurzaamheid-verantwoording-2020.html").read_text(encoding="utf-8")
    assert 'id="aanleiding"' not in html and 'id="hoofdstuk-1"' not in html


def test_pointers_to_figures_and_appendices_are_found() -> None:
    assert verwijzingen("Zie figuur 1 en Bijlage III; ook figuur 1 weer.") == [
        "figuur 1",
        "bijlage III",
    ]
    assert verwijzingen("Het figuur van de wijk") == []
    assert "figuur 1 en bijlage III" in noot("Zie figuur 1 en Bijlage III.")
    assert noot("Geen verwijzing hier.") == ""


def test_sentence_pointing_to_a_missing_figure_gets_a_note(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "h"
    assert cli("render", PROGRAMMAS / "nieuwstraatkwartier.yaml", "--out", out).code == 0
    html = (out / "nieuwstraatkwartier.html").read_text(encoding="utf-8")
    # The text is kept as printed ...
    assert "samenhangen (zie figuur 1)" in html
    # ... and its text ends with a note that the figure is not in this document.
    at = html.index("samenhangen (zie figuur 1)")
    section = html[at : html.index("<h2", at)]
    assert '<p class="noot">Noot: deze tekst verwijst naar figuur 1' in section
    md_out = tmp_path / "m"
    assert (
        cli(
            "render", PROGRAMMAS / "nieuwstraatkwartier.yaml", "--out", md_out, "--format", "md"
        ).code
        == 0
    )
    text = (md_out / "nieuwstraatkwartier.md").read_text(encoding="utf-8")
    assert "*Noot: deze tekst verwijst naar figuur 1" in text
