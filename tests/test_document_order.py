"""Council documents answer the BBV's questions first; pointers to missing figures get a note."""

from __future__ import annotations

import re
from pathlib import Path

from programmatool.rendering.notes import (
    markdown_html_met_noot,
    markdown_md_met_noot,
    noot,
    verwijzingen,
)

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


def test_sentence_pointing_to_a_missing_figure_gets_a_note_right_after_it(
    tmp_path: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    # Nieuwstraatkwartier 4.1: "... opgaven die samenhangen (zie figuur 1). De programmamanager
    # heeft als taak ...": the sentence stays as printed and its note follows it at once, before
    # the next sentence, in HTML (and so in PDF) and in Markdown.
    note = (
        "[Noot: figuur 1 van het oorspronkelijke contract is niet in dit document opgenomen; wat "
        "het contract aan doelen, netwerk en begroting bevat, staat in de hoofdstukken van dit "
        "document.]"
    )
    out = tmp_path / "h"
    assert cli("render", PROGRAMMAS / "nieuwstraatkwartier.yaml", "--out", out).code == 0
    html = (out / "nieuwstraatkwartier.html").read_text(encoding="utf-8")
    assert (
        'samenhangen (zie figuur 1). <span class="noot" role="note">' + note + "</span> De "
        "programmamanager heeft als taak"
    ) in html
    assert '<p class="noot">' not in html  # no note is left over at the end of a text
    md_out = tmp_path / "m"
    run = cli("render", PROGRAMMAS / "nieuwstraatkwartier.yaml", "--out", md_out, "--format", "md")
    assert run.code == 0, run.err
    text = (md_out / "nieuwstraatkwartier.md").read_text(encoding="utf-8")
    md_note = note.replace("[", "\\[").replace("]", "\\]")
    assert f"samenhangen (zie figuur 1). *{md_note}* De programmamanager heeft als taak" in text


def test_each_sentence_gets_the_note_for_its_own_pointers() -> None:
    text = (
        "In bijlage 1 is de samenhang o.a. in één beeld weergegeven. Dat is bijv. nuttig.\n"
        "Zie ook bijlage 2 en\nfiguur 3 voor de projecten\n\n- een punt zonder verwijzing\n"
    )
    html = str(markdown_html_met_noot(text))
    # After the first sentence (not after "o.a." or "bijv."), about bijlage 1 only.
    first = html.index("weergegeven.") + len("weergegeven.")
    assert html[first:].startswith(' <span class="noot" role="note">[Noot: bijlage 1 van ')
    assert html.index("Dat is bijv. nuttig.") > first
    # A sentence without a full stop ends with its paragraph; its note names both pointers.
    assert 'voor de projecten <span class="noot" role="note">[Noot: bijlage 2 en figuur 3 ' in (
        html.replace("\n", " ")
    )
    assert html.count('class="noot"') == 2
    md = str(markdown_md_met_noot(text))
    assert "weergegeven. *\\[Noot: bijlage 1 van het oorspronkelijke contract is niet" in md
    assert md.count("Noot:") == 2
