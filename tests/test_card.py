"""The programme card: cost per year, status with its measurement year, holder, version."""

from __future__ import annotations

from programmatool.loading import load_contract
from programmatool.progress.rollup import contract_progress
from programmatool.rendering.card import programmakaart

from .conftest import PROGRAMMAS


def _kaart(name: str):  # type: ignore[no-untyped-def]
    contract = load_contract(PROGRAMMAS / f"{name}.yaml").contract
    assert contract is not None
    return programmakaart(contract, contract_progress(contract))


def test_card_has_every_budget_table_and_marks_a_total_that_does_not_add_up() -> None:
    kaart = _kaart("binnenstad")
    assert kaart.jaren == [2019, 2020, 2021, 2022]
    assert [b.titel for b in kaart.begrotingen] == [
        "Programma binnenstad",
        "Verdeling middelen 2019-2022",
    ]
    verdeling = kaart.begrotingen[1]
    cel_2022 = verdeling.cellen[3]
    assert cel_2022.tekst == "€\xa0600.000"
    assert "niet de som van de regels (€\xa0300.000, verschil €\xa0300.000)" in cel_2022.fout
    assert not any(c.fout for c in verdeling.cellen[:3])
    # Lines marked gedekt: false are shown as not yet covered, per year.
    assert verdeling.ongedekt == ["–", "€\xa0150.000", "€\xa0150.000", "€\xa0150.000"]


def test_card_lists_other_money_with_what_kind_it_is() -> None:
    assert "Revolverend fonds: €\xa0650.000 (fonds)" in _kaart("duurzaamheid").overige
    assert any(
        "€\xa024.000 tot €\xa034.669 (nog niet van dekking voorzien, 2019)" in o
        for o in _kaart("nieuwstraatkwartier").overige
    )


def test_card_status_names_its_measurement_year_and_coverage() -> None:
    kaart = _kaart("duurzaamheid")
    assert kaart.status == "op koers"
    assert kaart.status_uitleg == "op grond van metingen over 2020; 3 van 10 indicatoren gemeten"
    zorg = _kaart("zorg")
    assert zorg.status_uitleg == "nog geen meting met een oordeel: 0 van 8 indicatoren gemeten"


def test_card_names_portefeuillehouder_and_version() -> None:
    kaart = _kaart("zorg")
    assert kaart.portefeuillehouder == "Eugene van Mierlo, Alex Langius"
    assert kaart.versie == "vastgesteld, versie 21 mei 2019, kenmerk Intern — 67933"


def test_card_stands_at_the_top_of_html_and_markdown_with_fault_marks(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    assert cli("render", PROGRAMMAS / "binnenstad.yaml", "--out", out).code == 0
    html = (out / "binnenstad.html").read_text(encoding="utf-8")
    kaart = html[html.index('<section class="kaart"') : html.index("</section>")]
    assert html.index('<section class="kaart"') < html.index('<nav class="inhoud"')
    assert "Wat mag het kosten? Per begroting en per jaar" in kaart
    assert (
        '<td class="getal fout">€\xa0600.000 <span class="foutmerk">⚠&nbsp;klopt niet</span></td>'
        in kaart
    )
    assert "2022: het gedrukte totaal €\xa0600.000 is niet de som van de regels" in kaart
    assert '<tr class="ongedekt"><th scope="row">waarvan nog niet gedekt</th>' in kaart
    assert "Reserve Centrumspaarfonds: p.m. (fonds)" in kaart
    assert "Wat betekent deze status?" in kaart
    assert "geen meting</span></dt><dd>er is over dit jaar" in kaart
    md_out = tmp_path / "md"
    assert (
        cli("render", PROGRAMMAS / "binnenstad.yaml", "--out", md_out, "--format", "md").code == 0
    )
    text = (md_out / "binnenstad.md").read_text(encoding="utf-8")
    assert "## In één oogopslag" in text
    assert "€ 600.000 ⚠ klopt niet |" in text.replace("\xa0", " ")
    assert "- **Portefeuillehouder:** van Rees" in text


def test_annual_account_has_the_card_too(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "v"
    run = cli("render", PROGRAMMAS / "duurzaamheid.yaml", "--out", out, "--verantwoording", "2020")
    assert run.code in (0, 1), run.err
    html = (out / "duurzaamheid-verantwoording-2020.html").read_text(encoding="utf-8")
    assert "In één oogopslag" in html
    assert "op grond van metingen over 2020; 3 van 10 indicatoren gemeten" in html
