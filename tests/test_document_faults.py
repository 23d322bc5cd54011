"""Every fault check finds in printed figures is marked in the documents; empty things explained."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .conftest import MINIMAAL, PROGRAMMAS


def _render(cli, path: Path, out: Path, *extra: str) -> None:  # type: ignore[no-untyped-def]
    run = cli("render", path, "--out", out, *extra)
    assert run.code == 0, run.err


def test_spread_that_does_not_add_up_is_marked_in_html_and_markdown(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    check = cli("check", PROGRAMMAS / "omgevingswet.yaml")
    assert "PT209" in check.out
    _render(cli, PROGRAMMAS / "omgevingswet.yaml", tmp_path / "h")
    html = (tmp_path / "h" / "omgevingswet.html").read_text(encoding="utf-8")
    assert "<p>Totaal: € 2.320.000 *</p>" in html.replace("\xa0", " ")
    assert "de bedragen tellen op tot € 2.319.000" in html.replace("\xa0", " ")
    _render(cli, PROGRAMMAS / "omgevingswet.yaml", tmp_path / "m", "--format", "md")
    text = (tmp_path / "m" / "omgevingswet.md").read_text(encoding="utf-8").replace("\xa0", " ")
    # The mark is an escaped asterisk in Markdown, so a viewer shows "*" and not emphasis.
    assert "Totaal: € 2.320.000 \\*" in text
    assert "> - spreiding 'Spreiding van de invoeringskosten" in text and "(PT209)" not in text


def test_every_money_fault_of_check_appears_in_the_document(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    for name in ("binnenstad", "duurzaamheid", "omgevingswet"):
        found = [
            line for line in cli("check", PROGRAMMAS / f"{name}.yaml").out.splitlines()
            if " PT2" in line
        ]  # fmt: skip
        assert found
        _render(cli, PROGRAMMAS / f"{name}.yaml", tmp_path / name)
        html = (tmp_path / name / f"{name}.html").read_text(encoding="utf-8")
        html = html.replace("&#39;", "'").replace("\xa0", " ")
        for line in found:
            code = line.split()[2]
            if code == "PT201":
                # The table marks the year and says both amounts.
                assert "Let op: een cijfer klopt niet." in html
                assert " *</td>" in html
            else:
                message = line.split(f"{code} ", 1)[1].replace("\xa0", " ")
                assert f"{message}." in html and code not in html, message


def test_grand_total_that_fits_neither_years_nor_lines_is_marked(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "c.yaml"
    text = MINIMAAL.read_text(encoding="utf-8").replace(
        "      totalen: {2019: 10000, 2020: 10000, 2021: 10000, 2022: 10000}",
        "      totalen: {2019: 10000, 2020: 10000, 2021: 10000, 2022: 10000}\n      totaal: 45000",
    )
    source.write_text(text, encoding="utf-8")
    assert "PT202" in cli("check", source).out
    _render(cli, source, tmp_path / "h")
    html = (tmp_path / "h" / "schone-stad.html").read_text(encoding="utf-8").replace("\xa0", " ")
    assert "Totaal over de hele periode (zoals gedrukt): € 45.000 *" in html
    assert "de jaartotalen tellen op tot € 40.000, het gedrukte totaal is € 45.000" in html
    assert "PT202" not in html


def test_annual_account_without_spending_says_so_and_drops_empty_columns(
    tmp_path: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    _render(cli, PROGRAMMAS / "duurzaamheid.yaml", tmp_path, "--verantwoording", "2020")
    html = (tmp_path / "duurzaamheid-verantwoording-2020.html").read_text(encoding="utf-8")
    money = html[html.index('id="middelen"') :]
    assert "Besteed 2020" not in money
    assert "Over 2020 legt het contract niet vast wat er is uitgegeven" in money
    # The revolving fund (middelen.overige) is part of the money section.
    assert "Revolverend fonds" in money


def test_annual_account_reports_per_effort_what_was_done(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    contract = tmp_path / "c.yaml"
    shutil.copyfile(MINIMAAL, contract)
    run = cli(
        "log", contract, "ins-1", "2020", "vertraagd",
        "--toelichting", "Minder scholen dan gepland", "--besteed", "4.000",
    )  # fmt: skip
    assert run.code == 0, run.err
    _render(cli, contract, tmp_path / "h", "--verantwoording", "2020")
    html = (tmp_path / "h" / "schone-stad-verantwoording-2020.html").read_text(encoding="utf-8")
    gedaan = html[html.index("Wat hebben we gedaan?") :]
    assert '<th scope="col">Hoe ging het in 2020?</th>' in gedaan
    assert '<strong class="uitvoering uitvoering-vertraagd">vertraagd</strong>' in gedaan
    assert "Minder scholen dan gepland" in gedaan
    assert '<td class="getal">€\xa04.000</td>' in gedaan
    _render(cli, contract, tmp_path / "m", "--verantwoording", "2020", "--format", "md")
    text = (tmp_path / "m" / "schone-stad-verantwoording-2020.md").read_text(encoding="utf-8")
    assert (
        "| Educatieprojecten met scholen | **vertraagd**: Minder scholen dan gepland | € 4.000 |"
        in text.replace("\xa0", " ")
    )
    # Without records the table says it shows the plan, not what was done.
    _render(cli, MINIMAAL, tmp_path / "leeg", "--verantwoording", "2020")
    leeg = (tmp_path / "leeg" / "schone-stad-verantwoording-2020.html").read_text(encoding="utf-8")
    assert "Het contract legt voor 2020 niet vast hoe deze inspanningen zijn verlopen" in leeg


def test_portfolio_marks_the_yearly_figures_check_finds_wrong(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    _render(cli, PROGRAMMAS, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8").replace("\xa0", " ")
    html = html.replace("&#39;", "'")
    money = html[html.index('id="begroting"') :]
    # Counted figures check finds wrong carry a *, and so does every total they are part of:
    # Duurzaamheid 2022 (PT201) and Omgevingswet's spread (PT209). Breakdowns (Binnenstad's
    # Verdeling, Zorg's Tabel 1) are not counted on this page, so their faults mark nothing.
    marked = re.findall(r'<td class="getal fout">([^<]*)</td>', money)
    assert marked == ["200.000 *", "1.450.000 *", "2.319.000 *", "466.000 *", "11.599.000 *"]
    assert (
        "Duurzaamheid: 'Verdeling middelen 2019-2021' 2022: de regels tellen op tot € 190.000, "
        "het gedrukte totaal is € 200.000 (verschil € 10.000)."
    ) in money


def test_card_marks_a_printed_year_total_that_check_finds_wrong(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    from .test_rules_support import basis_text

    # A year outside the period (PT203) in a printed total: not only PT201 and PT210.
    text = basis_text()
    for old, new in (
        ("bedragen: {2019: 5000, 2020: 5000}", "bedragen: {2019: 5000, 2020: 5000, 2023: 500}"),
        ("totalen: {2019: 14000, 2020: 15000}", "totalen: {2019: 14000, 2020: 15000, 2023: 500}"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    source = tmp_path / "c.yaml"
    source.write_text(text, encoding="utf-8")
    assert "PT203" in cli("check", source).out
    _render(cli, source, tmp_path / "m", "--format", "md")
    md = (tmp_path / "m" / "schone-stad.md").read_text(encoding="utf-8").replace("\xa0", " ")
    start = md.index("## In één oogopslag")
    card = md[start : md.index("\n## ", start + 1)]
    assert "| Verdeling middelen | – | – | 14.000 | 15.000 | 500 \\* | 29.500 \\* |" in card
    assert (
        "\\* Klopt niet zoals gedrukt: 'Verdeling middelen' heeft bedragen voor 2023, buiten "
        "de looptijd 2019–2022."
    ) in card
