"""Money a council can total: roles of money tables, amounts per year, PT211 and its threshold."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from programmatool import check, load_contract
from programmatool.cli.app import app
from programmatool.model.contract import Contract
from programmatool.model.money import programme_money
from programmatool.pipeline.settings import ConfigError, load_config

from .test_rules_support import VANDAAG, line_of, variant

PROGRAMMAS = Path(__file__).resolve().parent.parent / "programmas"


def _contract(name: str) -> Contract:
    result = load_contract(PROGRAMMAS / f"{name}.yaml")
    assert result.contract is not None
    return result.contract


def test_binnenstad_counts_its_budget_once_and_stadstoezicht_per_year() -> None:
    money = programme_money(_contract("binnenstad"))
    # "Programmabudget" 450 450 450 150 (× € 1.000) is the budget; "Verdeling middelen" divides
    # it and is not counted again; Stadstoezicht gives € 300.000 per year in 2019-2021.
    assert [(r.label, r.rol) for r in money.counted] == [
        ("Programma binnenstad", "budget"),
        ("Bijdrage Stadstoezicht aan de pilot 2 uur gratis parkeren", "aanvullend"),
        ("Stichting Bomenstad Almelo, vergroenen van de binnenstad", "aanvullend"),
    ]
    assert money.counted[1].total() == 900000
    assert money.counted[1].each_year == 300000
    assert money.per_year() == {2019: 750000, 2020: 750000, 2021: 750000, 2022: 150000}
    assert money.without_year() == 50000
    assert money.total() == 2450000
    assert [r.label for r in money.breakdowns] == ["Verdeling middelen 2019-2022"]
    assert money.uncovered_per_year() == {2020: 150000, 2021: 150000, 2022: 150000}
    assert [(o.kind, o.label) for o in money.others if o.kind == "pm"] == [
        ("pm", "Subsidie Provincie Overijssel voor de uitvoering van het stadsarrangement"),
        ("pm", "Reserve Centrumspaarfonds"),
    ]


def test_zorg_budget_is_the_innovatiebudget_and_tabel_1_divides_it() -> None:
    money = programme_money(_contract("zorg"))
    [row] = money.counted
    assert (row.label, row.each_year) == ("Innovatiebudget programma Zorg", 1750000)
    assert money.per_year() == {2019: 1750000, 2020: 1750000}
    assert money.total() == 3500000
    [tabel] = money.breakdowns
    assert {y: f.amount for y, f in tabel.per_year.items()} == {2019: 1592000, 2020: 150000}
    assert {y: f.amount for y, f in tabel.available.items()} == {2019: 158000, 2020: 1600000}


@pytest.mark.parametrize(
    ("name", "per_year", "without_year", "total"),
    [
        ("duurzaamheid", {2019: 200000, 2020: 200000, 2021: 200000, 2022: 200000}, 650000, 1450000),
        ("economie-participatie", {}, 1500000, 1500000),
        ("nieuwstraatkwartier", {2019: 180000}, None, 180000),
        ("veiligheid", {}, 200000, 200000),
        (
            "omgevingswet",
            {
                2017: 58000,
                2018: 232000,
                2019: 696000,
                2020: 696000,
                2021: 405000,
                2022: 116000,
                2023: 58000,
                2024: 58000,
            },
            None,
            2319000,
        ),
    ],
)
def test_every_contract_has_one_total(
    name: str, per_year: dict[int, int], without_year: int | None, total: int
) -> None:
    money = programme_money(_contract(name))
    assert (money.per_year(), money.without_year(), money.total()) == (
        per_year,
        without_year,
        total,
    )


def test_without_roles_two_tables_of_the_same_money_would_both_count(tmp_path: Path) -> None:
    # Proves the roles matter: the same Binnenstad file without them counts € 3.300.000.
    text = (PROGRAMMAS / "binnenstad.yaml").read_text(encoding="utf-8")
    text = text.replace("      rol: verdeling\n", "")
    path = tmp_path / "binnenstad.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_contract(path)
    assert result.contract is not None
    assert programme_money(result.contract).per_year()[2022] == 600000


def test_jaar_and_per_jaar_together_is_a_load_error(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "  begrotingen:\n",
        "  overige:\n    - omschrijving: Bijdrage\n      bedrag: 1000\n      jaar: 2019\n"
        "      per_jaar: [2019, 2020]\n  begrotingen:\n",
    )
    result = check([path], today=VANDAAG)
    [f] = [f for f in result.findings if f.code.startswith("PT0")]
    assert f.line == line_of(path, "- omschrijving: Bijdrage")
    assert "'jaar' (één jaar) of 'per_jaar'" in f.message


_VARIANCE = (
    "          bedragen: {2019: 5000, 2020: 5000}\n",
    "          bedragen: {2019: 5000, 2020: 5000}\n"
    "          gewijzigd: {2020: 6000}\n"
    "          besteed: {2020: 66000}\n",
)


def test_pt211_variance_above_the_default_threshold_asks_for_an_explanation(
    tmp_path: Path,
) -> None:
    path = variant(tmp_path, *_VARIANCE)
    [f] = [f for f in check([path], today=VANDAAG).findings if f.code == "PT211"]
    assert (f.line, f.severity) == (line_of(path, "besteed: {2020: 66000}"), "waarschuwing")
    assert f.message == (
        "'Afvalcoaches' 2020: besteed € 66.000, begroot na wijziging € 6.000 (afwijking "
        "+€ 60.000); vanaf € 50.000 vraagt de verantwoording een toelichting "
        "('toelichting_afwijking')"
    )


def test_pt211_explained_variance_is_fine(tmp_path: Path) -> None:
    old, new = _VARIANCE
    path = variant(tmp_path, old, new + "          toelichting_afwijking: {2020: Meer coaches.}\n")
    assert [f for f in check([path], today=VANDAAG).findings if f.code == "PT211"] == []


def test_pt211_threshold_comes_from_programmatool_toml(tmp_path: Path) -> None:
    path = variant(tmp_path, *_VARIANCE)
    (tmp_path / "programmatool.toml").write_text(
        "[middelen]\nafwijking_bedrag = 100000\n", encoding="utf-8"
    )
    config = load_config(tmp_path / "programmatool.toml")
    assert [
        f for f in check([path], config=config, today=VANDAAG).findings if f.code == "PT211"
    ] == []
    (tmp_path / "programmatool.toml").write_text(
        "[middelen]\nafwijking_bedrag = 100000\nafwijking_procent = 10\n", encoding="utf-8"
    )
    config = load_config(tmp_path / "programmatool.toml")
    [f] = [f for f in check([path], config=config, today=VANDAAG).findings if f.code == "PT211"]
    assert f.message.endswith(
        "vanaf € 100.000 of 10 % van de begroting vraagt de verantwoording "
        "een toelichting ('toelichting_afwijking')"
    )


def test_pt211_threshold_in_cli_and_cache(tmp_path: Path) -> None:
    path = variant(tmp_path, *_VARIANCE)
    toml = tmp_path / "programmatool.toml"
    runner = CliRunner()
    toml.write_text("[middelen]\nafwijking_bedrag = 50000\n", encoding="utf-8")
    first = runner.invoke(app, ["check", str(path), "--config", str(toml)])
    assert "PT211" in first.output
    toml.write_text("[middelen]\nafwijking_bedrag = 70000\n", encoding="utf-8")
    second = runner.invoke(app, ["check", str(path), "--config", str(toml)])
    assert "PT211" not in second.output, second.output


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            "afwijking_bedrag = -1",
            "'afwijking_bedrag' in [middelen] moet een getal van 0 of meer zijn, niet -1",
        ),
        (
            'afwijking_procent = "10"',
            "'afwijking_procent' in [middelen] moet een getal van 0 of meer zijn, niet '10'",
        ),
        ("afwijking = 1", "onbekende sleutel 'afwijking' in [middelen]"),
    ],
)
def test_middelen_table_errors(tmp_path: Path, table: str, message: str) -> None:
    toml = tmp_path / "programmatool.toml"
    toml.write_text(f"[middelen]\n{table}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(toml)
    assert str(error.value).startswith(f"{toml}:2: {message}")


# --- the documents: the card of all seven contracts and the portfolio PDF ---------------------

#: Per contract the card's total row (year columns, "zonder jaar" where some money has no
#: year, then the total), as a reader finds it on the card.
CARD_TOTALS = {
    "binnenstad": ["750.000", "750.000", "750.000", "150.000", "50.000", "2.450.000"],
    "duurzaamheid": ["200.000", "200.000", "200.000", "200.000 *", "650.000", "1.450.000 *"],
    "economie-participatie": ["1.500.000", "1.500.000"],
    "nieuwstraatkwartier": ["180.000", "180.000"],
    "omgevingswet": [
        "58.000", "232.000", "696.000", "696.000", "405.000", "116.000", "58.000", "58.000",
        "2.319.000 *",
    ],
    "veiligheid": ["200.000", "200.000"],
    "zorg": ["1.750.000", "1.750.000", "3.500.000"],
}  # fmt: skip


def test_every_card_in_html_has_one_total_row(tmp_path: Path) -> None:
    import re

    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["render", str(PROGRAMMAS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name, cells in CARD_TOTALS.items():
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        kaart = html[html.index('<section class="kaart"') : html.index("</section>")]
        totals = re.findall(r'<tr class="geld-totaal">(.*?)</tr>', kaart)
        assert len(totals) == 1, name
        assert re.findall(r"<td[^>]*>([^<]*)</td>", totals[0]) == cells, name


@pytest.fixture(scope="module")
def portfolio_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    result = CliRunner().invoke(
        app, ["render", str(PROGRAMMAS), "--out", str(out), "--format", "pdf"]
    )
    assert result.exit_code == 0, result.output
    return out / "index.pdf"


def _words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) of every word, from pdftotext -bbox."""
    import html
    import re
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for page, body in enumerate(re.split(r"<page ", text)[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            body,
        ):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            words.append((page, x0, y0, x1, y1, html.unescape(m.group(5))))
    return words


def test_portfolio_pdf_has_one_total_after_all_programmes(portfolio_pdf: Path) -> None:
    words = _words(portfolio_pdf)
    totaal = [w for w in words if w[5] == "Totaal" and any(
        v[5] == "alle" and v[0] == w[0] and abs(v[2] - w[2]) < 1 for v in words)]  # fmt: skip
    assert len(totaal) == 1
    page, _x, y, *_ = totaal[0]
    # Below every programme's row, on the same page, with the marks carried.
    for naam in ("Binnenstad", "Zorg", "Veiligheid"):
        rows = [w for w in words if w[5] == naam and w[0] == page and w[1] < 100]
        assert rows and all(r[2] < y for r in rows), naam
    same_line = [
        w[5] for w in sorted(words, key=lambda w: w[1]) if w[0] == page and abs(w[2] - y) < 2
    ]
    assert same_line[-2:] == ["11.599.000", "*"]
    assert "Totaal (eerste tabel per programma)" not in " ".join(w[5] for w in words)


def test_portfolio_pdf_fits_every_year_on_the_paper(portfolio_pdf: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(portfolio_pdf)
    words = _words(portfolio_pdf)
    [kop] = [w for w in words if w[5] == "2024" and w[1] > 300]
    page = reader.pages[kop[0] - 1]
    width = float(page.mediabox.width)
    assert width > float(page.mediabox.height)  # landscape
    on_page = [w for w in words if w[0] == kop[0]]
    assert max(w[3] for w in on_page) <= width - 18 * 72 / 25.4 + 1  # inside the right margin
    assert [w[5] for w in on_page if w[5] == "Totaal"]
