"""`render --sinds`: the chapter "Wijzigingen ten opzichte van …" and the separate overview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .conftest import Run
from .test_diff_cli import amend, golden, repo  # noqa: F401  (repo is a fixture)


def test_render_markdown_with_the_change_chapter_and_overview(
    repo: Path,  # noqa: F811
    cli: Callable[..., Run],
) -> None:
    amend(repo)
    site = repo / "site"
    result = cli(
        "render", "programmas/", "--out", str(site), "--format", "md", "--sinds", "vastgesteld"
    )
    assert result.code == 0, result.err
    economie = (site / "economie-participatie.md").read_text(encoding="utf-8")
    # The compared version is named by the day it was saved, not by the revision "vastgesteld".
    chapter = economie.split("## Wijzigingen ten opzichte van de versie van 3 juni 2019\n", 1)[1]
    chapter = chapter.split("\n## ", 1)[0]
    assert chapter == (
        "\n1 wijziging in betekenis ten opzichte van de versie van 3 juni 2019; per niveau: "
        "belangrijk 1.\n\n"
        "| Niveau | Onderdeel | Wijziging |\n"
        "| --- | --- | --- |\n"
        # The indicator by its name, not by its id ('bijstandsdossiers').
        "| belangrijk | indicator 'Aantal bijstandsdossiers' | "
        "ambitie verlaagd: 2.200 → 2.400 in 2022, lager is beter |\n\n"
        # A legend of the levels that appear, so the word 'belangrijk' needs no README.
        "Wat de niveaus betekenen:\n\n"
        "- belangrijk: raakt wat de raad heeft vastgesteld: een doel, indicator, streefwaarde "
        "of begroting is verdwenen, een ambitie is verlaagd, of de looptijd, een totaal, een "
        "peilwaarde of een eerdere meting is veranderd\n\n"
        "*Het niveau per soort wijziging is in te stellen in programmatool.toml (`[diff]`).*\n"
    )
    duurzaamheid = (site / "duurzaamheid.md").read_text(encoding="utf-8")
    assert "Geen wijzigingen in betekenis ten opzichte van de versie van 3 juni 2019." in (
        duurzaamheid
    )
    overview = (site / "wijzigingen.md").read_text(encoding="utf-8")
    golden("wijzigingen.md", overview)
    assert overview.startswith("# Wijzigingen ten opzichte van de versie van 3 juni 2019\n")
    assert (
        "3 wijzigingen in 2 van 7 programma's ten opzichte van de versie van 3 juni 2019; per "
        "niveau: belangrijk 1, opmerking 2." in overview
    )
    # An adopted contract's version is named by its own date.
    assert "## Wijzigingen ten opzichte van de vastgestelde versie van mei 2019" in (
        (site / "binnenstad.md").read_text(encoding="utf-8")
    )
    assert "## Binnenstad" in overview and "## Economie en Participatie" in overview
    assert "Duurzaamheid" not in overview
    assert "geschreven: " + (site / "wijzigingen.md").as_posix() in result.out


def test_render_html_with_the_change_chapter_and_overview(
    repo: Path,  # noqa: F811
    cli: Callable[..., Run],
) -> None:
    amend(repo)
    site = repo / "site"
    result = cli("render", "programmas/", "--out", str(site), "--sinds", "vastgesteld")
    assert result.code == 0, result.err
    binnenstad = (site / "binnenstad.html").read_text(encoding="utf-8")
    assert (
        '<h2 id="wijzigingen" class="hoofdstuk" data-kop="Wijzigingen">Wijzigingen ten '
        "opzichte van de vastgestelde "
        "versie van mei 2019</h2>" in binnenstad
    )
    assert "€ 60.000 → € 50.000 (−€ 10.000)" in binnenstad
    legend = binnenstad.split('<dl class="niveaus">', 1)[1].split("</dl>", 1)[0]
    assert "<dt>opmerking</dt><dd>een andere wijziging die de raad moet kunnen zien" in legend
    assert "belangrijk" not in legend and "info" not in legend
    overview = (site / "wijzigingen.html").read_text(encoding="utf-8")
    assert "<h1>Wijzigingen ten opzichte van de versie van 3 juni 2019</h1>" in overview
    assert "<strong>belangrijk</strong>" in overview


def test_render_without_sinds_has_no_change_chapter(
    repo: Path,  # noqa: F811
    cli: Callable[..., Run],
) -> None:
    amend(repo)
    site = repo / "site"
    assert cli("render", "programmas/", "--out", str(site), "--format", "md").code == 0
    assert "Wijzigingen ten opzichte van" not in (site / "binnenstad.md").read_text("utf-8")
    assert not (site / "wijzigingen.md").exists()


def test_render_sinds_an_unknown_revision_writes_nothing(
    repo: Path,  # noqa: F811
    cli: Callable[..., Run],
) -> None:
    site = repo / "site"
    result = cli("render", "programmas/", "--out", str(site), "--sinds", "v9")
    assert result.code == 2
    assert "programmatool: onbekende revisie 'v9'" in result.err
    assert "Traceback" not in result.err
    assert not site.exists()


def test_the_guide_shows_the_real_overview() -> None:
    from .conftest import ROOT
    from .test_diff_cli import GOLDEN

    readme = (ROOT / "docs" / "vergelijken.md").read_text(encoding="utf-8")
    overview = (GOLDEN / "wijzigingen.md").read_text(encoding="utf-8")
    assert f"```markdown\n{overview}```" in readme
