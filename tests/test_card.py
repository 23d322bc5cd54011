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


def _rows(kaart) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {r.label: [c.tekst for c in r.cellen] for r in kaart.geld.rijen}


def test_card_counts_binnenstad_once_with_stadstoezicht_per_year() -> None:
    geld = _kaart("binnenstad").geld
    assert geld.kolommen == ["2019", "2020", "2021", "2022", "zonder jaar", "Totaal"]
    rows = _rows(_kaart("binnenstad"))
    assert rows["Totaal"] == ["750.000", "750.000", "750.000", "150.000", "50.000", "2.450.000"]
    assert rows["Bijdrage Stadstoezicht aan de pilot 2 uur gratis parkeren"][-1] == "900.000"
    # The breakdown is shown, not counted; its 2022 printed total (600) is wrong, so it is marked.
    assert rows["waarvan: Verdeling middelen 2019-2022"] == [
        "450.000", "450.000", "450.000", "150.000 *", "–", "1.500.000 *",
    ]  # fmt: skip
    assert rows["Planvoorbereidingskosten (Verdeling middelen 2019-2022)"][-1] == "450.000"
    assert [r.soort for r in geld.rijen].count("totaal") == 1
    assert geld.totaal == "€\xa02.450.000 over 2019–2022"
    assert "Reserve Centrumspaarfonds: p.m. (het contract noemt geen bedrag)" in geld.naast


def test_card_carries_the_mark_of_a_wrong_figure_into_the_total() -> None:
    geld = _kaart("duurzaamheid").geld
    assert _rows(_kaart("duurzaamheid"))["Totaal"] == [
        "200.000", "200.000", "200.000", "200.000 *", "650.000", "1.450.000 *",
    ]  # fmt: skip
    assert geld.totaal == "€\xa01.450.000 * over 2019–2022"
    assert geld.fouten == [
        "'Verdeling middelen 2019-2021' 2022: de regels tellen op tot € 190.000, het gedrukte "
        "totaal is € 200.000 (verschil € 10.000)."
    ]


def test_card_status_names_its_measurement_year_and_coverage() -> None:
    kaart = _kaart("duurzaamheid")
    # 3 of 10 judged is too little to speak for the programme: never green on thin evidence.
    assert kaart.status == "onvoldoende gemeten"
    assert kaart.status_uitleg == (
        "wat beoordeeld is: op koers; op grond van metingen over 2020; 3 van 10 indicatoren gemeten"
    )
    zorg = _kaart("zorg")
    assert zorg.status_uitleg == (
        "nog geen meting met een oordeel: 0 van 8 indicatoren gemeten; 2 doelen zonder indicator"
    )


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
    assert "<strong>Wat kost het?</strong> €\xa02.450.000 over 2019–2022 in totaal" in kaart
    assert '<td class="getal fout">150.000 *</td>' in kaart
    assert "* Klopt niet zoals gedrukt: &#39;Verdeling middelen 2019-2022&#39; 2022:" in kaart
    assert '<tr class="geld-ongedekt"><th scope="row">Planvoorbereidingskosten' in kaart
    assert "Reserve Centrumspaarfonds: p.m." in kaart
    assert "Wat betekent deze status?" in kaart
    assert "geen meting</span></dt><dd>er is over dit jaar" in kaart
    md_out = tmp_path / "md"
    assert (
        cli("render", PROGRAMMAS / "binnenstad.yaml", "--out", md_out, "--format", "md").code == 0
    )
    text = (md_out / "binnenstad.md").read_text(encoding="utf-8")
    assert "## In één oogopslag" in text
    assert "| **Totaal** | 750.000 | 750.000 | 750.000 | 150.000 | 50.000 | 2.450.000 |" in text
    assert "- **Portefeuillehouder:** van Rees" in text
