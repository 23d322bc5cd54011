"""`programmatool render`: council documents in Markdown and HTML, and the portfolio page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from programmatool.loading import load_contract
from programmatool.pipeline.render import render_contract, target_path
from programmatool.rendering.environment import RenderProblem

from .conftest import FIXTURES, MINIMAAL, minimal_text

RIJK = FIXTURES / "render" / "rijk.yaml"


def _html(tmp_path: Path, cli, *paths: Path, extra: tuple[str, ...] = ()) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    run = cli("render", *paths, "--format", "html", "--out", out, *extra)
    assert run.code == 0, run.err
    return out


def test_render_writes_one_html_document_per_contract_and_an_index(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    run = cli("render", MINIMAAL, RIJK, "--format", "html", "--out", out)
    assert run.code == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html",
        "levendige-binnenstad.html",
        "schone-stad.html",
    ]
    assert f"geschreven: {(out / 'schone-stad.html').as_posix()}" in run.out
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="schone-stad.html">Schone Stad</a>' in index
    assert '<a href="levendige-binnenstad.html">Levendige Binnenstad &amp; Haven</a>' in index


def test_render_markdown_writes_md_documents_without_index(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "md"
    run = cli("render", MINIMAAL, "--format", "md", "--out", out)
    assert run.code == 0, run.err
    assert [p.name for p in out.iterdir()] == ["schone-stad.md"]
    text = (out / "schone-stad.md").read_text(encoding="utf-8")
    assert text.startswith("# Programmacontract Schone Stad\n")
    assert "| Datum | 11 juni 2019 |" in text


def test_short_option_o_names_the_output_folder(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """`-o` is short for `--out`, as with `schema -o`."""
    out = tmp_path / "docs"
    run = cli("render", MINIMAAL, "--format", "md", "-o", out)
    assert run.code == 0, run.err
    assert (out / "schone-stad.md").is_file()


def test_output_is_byte_identical_for_identical_input(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    first = _html(tmp_path / "a", cli, MINIMAAL, RIJK)
    second = _html(tmp_path / "b", cli, MINIMAAL, RIJK)
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_html_is_self_contained_and_without_script(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = _html(tmp_path, cli, MINIMAAL, RIJK)
    for page in out.iterdir():
        html = page.read_text(encoding="utf-8")
        assert '<html lang="nl">' in html
        assert "<script" not in html.lower()
        assert not re.search(r"\s(src|srcset)=", html), page.name
        assert "<link" not in html
        assert "@import" not in html and "url(" not in html
        assert "<style>" in html


def test_contract_document_follows_the_council_reading_order(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    html = (_html(tmp_path, cli, RIJK) / "levendige-binnenstad.html").read_text(encoding="utf-8")
    order = [
        "<h1>Programmacontract Levendige Binnenstad &amp; Haven</h1>",
        'id="kaart-kop"',
        'id="samenvatting"',
        'id="din"',
        '<h2 id="doel-I" class="hoofdstuk" data-kop="Strategisch doel I">Strategisch doel I. De',
        "Wat willen we bereiken?",
        "Wat gaan we daarvoor doen?",
        '<h2 id="doel-II" class="hoofdstuk" data-kop="Strategisch doel II">Strategisch doel II.',
        '<h2 id="middelen" class="hoofdstuk">Wat mag het kosten?</h2>',
        # The BBV's questions first, then the contract's own prose.
        'id="aanleiding"',
        'id="visie"',
        'id="organisatie"',
        "Risico's",
        'id="colofon"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert '<th scope="row">Bestuurlijk opdrachtgevers</th>' in html
    assert "A. de Wethouder (wethouder economie), C. van Dijk (wethouder ruimte)" in html
    assert "<td>11 juni 2019</td>" in html
    assert "programmatool 0.1.0" in html and "rijk.yaml" in html


def test_text_fields_cannot_inject_html(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    html = (_html(tmp_path, cli, RIJK) / "levendige-binnenstad.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;geen script&quot;)&lt;/script&gt;" in html
    assert "<b>geen vet</b>" not in html
    # Markdown in text fields is rendered, and a heading in a text cannot become a second h1.
    assert "<strong>levendiger</strong>" in html
    assert '<a href="https://www.voorbeeldstad.nl/visie">de visie</a>' in html
    assert html.count("<h1") == 1
    assert "<h3>Een kop in de tekst</h3>" in html


def test_markdown_output_neutralises_raw_html(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "md"
    assert cli("render", RIJK, "--format", "md", "--out", out).code == 0
    text = (out / "levendige-binnenstad.md").read_text(encoding="utf-8")
    assert '\\<script\\>alert("geen script")\\</script\\>' in text
    assert "<script" not in text.replace("\\<script", "")
    assert "\n### Een kop in de tekst\n" in text
    assert text.count("\n# ") == 0 and text.startswith("# ")


def test_budget_total_that_does_not_add_up_gets_a_visible_remark(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    html = (_html(tmp_path, cli, RIJK) / "levendige-binnenstad.html").read_text(encoding="utf-8")
    assert "bedragen × € 1.000" in html
    # A council member reads what is wrong, not which command found it.
    assert (
        "<p><strong>Let op: een cijfer klopt niet.</strong> Wat de controle op de cijfers vindt "
        "in deze tabel (met * gemarkeerd):</p>"
    ) in html
    assert "programmatool check" not in html.split('class="colofon"')[0]
    assert (
        "2020: het gedrukte totaal is 2.100, maar de regels tellen op tot 2.000 (verschil 100)."
        in html
    )
    assert '<td class="getal">2.100 *</td>' in html
    assert "€\u00a0109.500,50" in html
    # A table whose totals add up has no remark.
    minimal = (_html(tmp_path / "m", cli, MINIMAAL) / "schone-stad.html").read_text("utf-8")
    assert "een cijfer klopt niet" not in minimal
    assert "€\u00a010.000" in minimal


def test_indicators_show_targets_realisations_source_and_status_in_words(
    tmp_path: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    html = (_html(tmp_path, cli, RIJK) / "levendige-binnenstad.html").read_text(encoding="utf-8")
    assert "Aantal bezoekers van de binnenstad per jaar" in html
    assert '1.200.000 <span class="uitleg">(peilwaarde)</span>' in html
    assert '<td class="getal">1.320.000</td>' in html
    assert '<td class="getal">980.000</td>' in html
    assert "Bron: Passantentelling binnenstad; Passantentelling 2020" in html
    # Status in words with a sign, never by colour alone.
    assert re.search(r'class="status status-achter"><span aria-hidden="true">✖</span> achter', html)
    assert '<td class="getal">11,8%</td>' in html
    assert "Streefdatum: 30 september 2021 (najaar 2021)" in html
    assert "bereikt op 15 oktober 2021" in html


def test_indicator_chart_is_inline_svg_with_a_text_alternative(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    html = (_html(tmp_path, cli, RIJK) / "levendige-binnenstad.html").read_text(encoding="utf-8")
    chart = re.search(r'<svg[^>]*class="grafiek"[^>]*>.*?</svg>', html, re.DOTALL)
    assert chart is not None
    assert 'role="img"' in chart.group(0)
    assert "<title" in chart.group(0)
    assert (
        "Grafiek van Aantal bezoekers van de binnenstad per jaar: peilwaarde 1.200.000 in 2018; "
        "streefwaarden 1.250.000 in 2019, 1.320.000 in 2020" in html
    )


def test_large_din_draws_the_goals_and_lists_every_effort_once_in_a_matrix(
    tmp_path: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    contract = load_contract(RIJK).contract
    assert contract is not None and len(contract.inspanningen) == 25
    html = (_html(tmp_path, cli, RIJK) / "levendige-binnenstad.html").read_text(encoding="utf-8")
    # 25 efforts: one drawing of the goals with its accessible name and a legend.
    drawings = re.findall(r'<svg[^>]*class="din"[^>]*>.*?</svg>', html, re.DOTALL)
    assert len(drawings) == 1
    assert 'role="img"' in drawings[0] and "<title id=" in drawings[0]
    assert '<g class="din-legenda">' in drawings[0]
    assert drawings[0].count("<path class=") == len(contract.operationele_doelen()) + 1
    # The matrix: every effort once, linked to its description, a mark per contribution.
    table = html[html.index("Inspanningen en de doelen waaraan ze bijdragen") :]
    table = table[: table.index("</table>")]
    for inspanning in contract.inspanningen:
        row = f'<a href="#inspanning-{inspanning.id}">{inspanning.titel}</a>'
        assert table.count(row) == 1, row
    assert table.count('<span aria-hidden="true">●</span>') == sum(
        len(i.doelen) for i in contract.inspanningen
    )


def test_din_in_markdown_is_a_mermaid_diagram_plus_table(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "md"
    assert cli("render", RIJK, "--format", "md", "--out", out).code == 0
    text = (out / "levendige-binnenstad.md").read_text(encoding="utf-8")
    block = text[text.index("```mermaid\n") : text.index("```\n", text.index("```mermaid\n") + 3)]
    assert "flowchart LR" in block
    assert 'sd1["I. De binnenstad trekt meer bezoekers"]' in block
    assert block.count('(["') == 25
    assert "| Strategisch doel | Operationeel doel | Inspanningen die bijdragen |" in text


def test_mermaid_labels_are_escaped(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "c.yaml"
    source.write_text(
        minimal_text().replace(
            "titel: Educatieprojecten met scholen", 'titel: "Project \\"A\\" <b>&</b> #1"'
        ),
        encoding="utf-8",
    )
    out = tmp_path / "md"
    assert cli("render", source, "--format", "md", "--out", out).code == 0
    text = (out / "schone-stad.md").read_text(encoding="utf-8")
    assert 'ins1(["Project #quot;A#quot; #lt;b#gt;#amp;#lt;/b#gt; #35;1"])' in text


def test_annual_account_shows_what_was_achieved_done_and_spent(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "v"
    run = cli("render", RIJK, "--format", "html", "--out", out, "--verantwoording", "2020")
    assert run.code == 0, run.err
    html = (out / "levendige-binnenstad-verantwoording-2020.html").read_text(encoding="utf-8")
    for kop in ("Wat hebben we bereikt?", "Wat hebben we gedaan?", "Wat heeft het gekost?"):
        assert kop in html
    assert "Het jaar 2020 stond in het teken van corona." in html
    assert "Het bezoekersaantal daalde door de coronamaatregelen." in html
    assert '<th scope="col" class="getal">Besteed 2020</th>' in html
    assert '<td class="getal">310,5</td>' in html
    assert "Doelen-inspanningennetwerk" not in html
    md_out = tmp_path / "vmd"
    assert (
        cli("render", RIJK, "--format", "md", "--out", md_out, "--verantwoording", "2020").code == 0
    )
    text = (md_out / "levendige-binnenstad-verantwoording-2020.md").read_text(encoding="utf-8")
    assert "### Wat hebben we bereikt?" in text and "## Wat heeft het gekost?" in text


def test_user_templates_replace_one_block_and_keep_the_rest(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "huisstijl.css").write_text(":root { --accent: #8a1538; }\n", encoding="utf-8")
    (eigen / "contract.html.j2").write_text(
        '{% extends "standaard/contract.html.j2" %}\n'
        "{% block omgeving %}<p>Eigen hoofdstuk van {{ doc.contract.gemeente }}</p>"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    out = _html(tmp_path, cli, RIJK, extra=("--templates", str(eigen)))
    html = (out / "levendige-binnenstad.html").read_text(encoding="utf-8")
    assert "--accent: #8a1538;" in html
    assert "<p>Eigen hoofdstuk van Voorbeeldstad</p>" in html
    assert "Risico's en beheersmaatregelen" not in html
    assert "Wat mag het kosten?" in html and "Doelen-inspanningennetwerk" in html


def test_autoescape_stays_on_in_user_templates(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "logo.html.j2").write_text("<strong>{{ gemeente }}</strong>\n", encoding="utf-8")
    source = tmp_path / "c.yaml"
    source.write_text(
        minimal_text().replace("gemeente: Voorbeeldstad", 'gemeente: "<i>Stad</i>"'),
        encoding="utf-8",
    )
    out = _html(tmp_path, cli, source, extra=("--templates", str(eigen)))
    html = (out / "schone-stad.html").read_text(encoding="utf-8")
    assert "<strong>&lt;i&gt;Stad&lt;/i&gt;</strong>" in html


def test_relations_link_to_documents_in_the_same_set(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = _html(tmp_path, cli, MINIMAAL, RIJK)
    html = (out / "levendige-binnenstad.html").read_text(encoding="utf-8")
    assert '<a href="schone-stad.html">Schone Stad</a>' in html
    assert "<li>economie: Afstemming over ondernemersbeleid.</li>" in html
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Hoe hangen de programma's samen?" in index
    # 2019 of the rich contract in euro: 950 × € 1.000 printed less 200 × € 1.000 not yet
    # covered, + € 107.000 + the spread's € 500.000.
    assert '<td class="getal">1.357.000</td>' in index


def test_contract_with_errors_is_skipped_and_reported(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "in" / "kapot.yaml"
    bad.parent.mkdir()
    bad.write_text(minimal_text().replace("eind: 2022", "eind: tweeduizend"), encoding="utf-8")
    shutil.copy(MINIMAAL, tmp_path / "in" / "goed.yaml")
    out = tmp_path / "site"
    run = cli("render", tmp_path / "in", "--out", out)
    assert run.code == 1
    assert "kapot.yaml:7:" in run.err and "PT012" in run.err
    assert (out / "schone-stad.html").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("bestaat-niet.yaml",), "bestaat-niet.yaml: pad bestaat niet"),
        ((str(MINIMAAL), "--format", "docx"), "onbekend formaat 'docx'; kies md, html of pdf"),
        ((str(MINIMAAL), "--templates", "geen-map"), "geen-map: map met sjablonen bestaat niet"),
    ],
)
def test_unusable_arguments_exit_2(
    tmp_path: Path, cli, args: tuple[str, ...], message: str
) -> None:  # type: ignore[no-untyped-def]
    run = cli("render", *args, "--out", tmp_path / "site")
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err


def test_out_that_is_a_file_exits_2(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "bestand"
    target.write_text("x", encoding="utf-8")
    run = cli("render", MINIMAAL, "--out", target)
    assert run.code == 2
    assert f"programmatool: {target.as_posix()} is geen map" in run.err
    assert "File exists" not in run.err
    assert target.read_text(encoding="utf-8") == "x"


def test_duplicate_code_is_refused_and_nothing_is_written(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(MINIMAAL, folder / "a.yaml")
    (folder / "b.yaml").write_text(
        minimal_text().replace("programma: Schone Stad", "programma: Andere Stad"), "utf-8"
    )
    shutil.copy(RIJK, folder / "c.yaml")
    for formaat in ("html", "md"):
        run = cli("render", folder, "--format", formaat, "--out", tmp_path / formaat)
        assert run.code == 2
        assert f"schone-stad.{formaat} zou uit 2 contracten komen" in run.err
        assert "a.yaml" in run.err and "b.yaml" in run.err
        assert "er is niets geschreven" in run.err
        assert not (tmp_path / formaat).exists()


def test_code_index_would_overwrite_the_portfolio_and_is_refused(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "index.yaml").write_text(
        minimal_text().replace("code: schone-stad", "code: index"), "utf-8"
    )
    shutil.copy(RIJK, folder / "rijk.yaml")
    out = tmp_path / "site"
    out.mkdir()
    run = cli("render", folder, "--out", out)
    assert run.code == 2
    assert "de code 'index' geeft index.html, de naam van het portfoliooverzicht" in run.err
    assert list(out.iterdir()) == []
    # In Markdown there is no portfolio page, so nothing collides.
    assert cli("render", folder, "--format", "md", "--out", tmp_path / "md").code == 0
    assert (tmp_path / "md" / "index.md").exists()


@pytest.mark.parametrize("naam", ["../buiten.html", "/etc/x.html", "a/b.html", "x.txt", ".html"])
def test_nothing_is_written_outside_out(tmp_path: Path, naam: str) -> None:
    with pytest.raises(RenderProblem):
        target_path(tmp_path, naam)


def test_a_code_that_would_escape_out_is_refused(tmp_path: Path) -> None:
    from programmatool.rendering.views import build_document

    contract = load_contract(MINIMAAL).contract
    assert contract is not None
    hostile = contract.model_copy(update={"code": "../../buiten"})
    doc = build_document(hostile, "x.yaml", "html")
    with pytest.raises(RenderProblem, match="ongeldige bestandsnaam"):
        target_path(tmp_path / "site", doc.bestandsnaam)


def test_files_are_replaced_atomically_and_keep_their_mode(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = _html(tmp_path, cli, MINIMAAL)
    page = out / "schone-stad.html"
    page.write_text("oud", encoding="utf-8")
    page.chmod(0o640)
    _html(tmp_path, cli, MINIMAAL)
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert page.stat().st_mode & 0o777 == 0o640
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


# --- complete documents -----------------------------------------------------------------------

VOLLEDIG = FIXTURES / "render" / "volledig.yaml"


def _doc(tmp_path: Path, cli, formaat: str, *extra: str) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{formaat}{'-'.join(extra)}"
    run = cli("render", VOLLEDIG, MINIMAAL, "--format", formaat, "--out", out, *extra)
    assert run.code == 0, run.err
    suffix = f"-verantwoording-{extra[1]}" if extra else ""
    return (out / f"volledig-voorbeeld{suffix}.{formaat}").read_text(encoding="utf-8")


@pytest.mark.parametrize("formaat", ["html", "md"])
def test_indicators_of_a_strategic_goal_are_shown_under_that_goal(
    tmp_path: Path, cli, formaat: str
) -> None:  # type: ignore[no-untyped-def]
    for extra in ((), ("--verantwoording", "2021")):
        text = _doc(tmp_path, cli, formaat, *extra)
        goal = text.rindex("Strategisch doel S1.")
        indicator = text.index("Schoonheid van de openbare ruimte")
        assert goal < indicator < text.rindex("Strategisch doel S2.")
        assert "redelijk" in text[indicator:]


@pytest.mark.parametrize("formaat", ["html", "md"])
def test_effort_without_goal_is_printed_in_full(tmp_path: Path, cli, formaat: str) -> None:  # type: ignore[no-untyped-def]
    text = _doc(tmp_path, cli, formaat)
    section = text[text.index("Zonder doel in dit contract", text.rindex("Strategisch doel S2.")) :]
    assert "Onderzoek naar een wijkfonds" in section
    assert "Een verkenning van een fonds dat bewoners zelf beheren." in section


@pytest.mark.parametrize("formaat", ["html", "md"])
def test_effort_serving_several_goals_is_printed_once_and_referred_to(
    tmp_path: Path, cli, formaat: str
) -> None:  # type: ignore[no-untyped-def]
    text = _doc(tmp_path, cli, formaat)
    assert text.count("Elk wijkteam krijgt een vaste") == 1
    assert text.count("woningcorporatie Thuis, bewonersvereniging Oost") == 1
    start = text.index("Strategisch doel S2.", text.index("Wat willen we bereiken?"))
    s2 = text[start : text.index("Zonder doel in dit contract", start)]
    assert "Wijkteams schoon en heel" in s2
    assert "Ook voor dit doel, eerder in dit document beschreven bij strategisch doel S1:" in s2
    if formaat == "html":
        assert '<li><a href="#inspanning-VI-01">Wijkteams schoon en heel</a></li>' in s2
        assert text.count('id="inspanning-VI-01"') == 1
    else:
        assert "- Wijkteams schoon en heel\n" in s2


@pytest.mark.parametrize("formaat", ["html", "md"])
def test_annual_account_does_not_present_unplanned_efforts_as_work_of_the_year(
    tmp_path: Path, cli, formaat: str
) -> None:  # type: ignore[no-untyped-def]
    text = _doc(tmp_path, cli, formaat, "--verantwoording", "2021")
    gedaan = text[text.index("Wat hebben we gedaan?", text.rindex("Strategisch doel S2.")) :]
    gedaan = gedaan[: gedaan.index("Inspanningen zonder planning")]
    assert "Buurtbudget voor initiatieven" not in gedaan
    assert "Wijkteams schoon en heel" in gedaan
    rest = text[text.index("Inspanningen zonder planning") :]
    assert "niet als werk van 2021" in rest and "Buurtbudget voor initiatieven" in rest
    # An effort planned in another year only is not work of 2021 either.
    assert "Onderzoek naar een wijkfonds" not in text


@pytest.mark.parametrize("jaar", ["2018", "2031"])
def test_annual_account_outside_the_period_is_refused(tmp_path: Path, cli, jaar: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    run = cli("render", VOLLEDIG, "--out", out, "--verantwoording", jaar)
    assert run.code == 2
    assert (
        f"volledig.yaml: {jaar} valt buiten de looptijd van Volledig Voorbeeld (2020–2023); "
        f"geen verantwoording over {jaar} gemaakt" in run.err
    )
    assert not out.exists() or not any(out.iterdir())


def test_annual_account_outside_the_period_is_refused_from_python() -> None:
    contract = load_contract(VOLLEDIG).contract
    assert contract is not None
    with pytest.raises(RenderProblem, match="valt buiten de looptijd"):
        render_contract(contract, "volledig.yaml", "md", 2019)


def test_portfolio_never_shows_an_unexplained_empty_budget(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    geen_tabel = tmp_path / "geen-tabel.yaml"
    text = (
        minimal_text().split("middelen:")[0]
        + "middelen:\n  overige:\n    - omschrijving: Revolverend fonds\n"
        + "      bedrag: 650000\n      soort: fonds\n"
        + minimal_text().split("capaciteit:")[1].join(["capaciteit:", ""])
    )
    geen_tabel.write_text(text.replace("code: schone-stad", "code: fonds"), encoding="utf-8")
    out = _html(tmp_path, cli, RIJK, geen_tabel)
    index = (out / "index.html").read_text(encoding="utf-8")
    row = index[index.index("Schone Stad<", index.index('id="begroting"')) :]
    row = row[: row.index("</tr>")]
    assert "het contract noemt geen bedrag dat meetelt; wat het noemt, staat onder de tabel" in row
    assert ">Schone Stad</a>: Revolverend fonds: €\u00a0650.000</li>" in index
    assert "Een streepje (–) betekent dat het programma voor dat jaar geen bedrag noemt." in index
