"""``programmatool publish``: the portfolio as a static site of short pages with relative links,
built whole or not at all, byte for byte the same from the same input."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import MINIMAAL, PROGRAMMAS, ROOT

VOORBEELDEN = ROOT / "voorbeelden"


def broken_links(site: Path) -> list[str]:
    """Every relative link or source on every page that does not lead to a file (or to an id in
    it); a link to another site is reported too, except mailto and links in the contracts' own
    texts (``programmas`` prints a few web addresses as written)."""
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts]
    ids = {p.resolve(): set(re.findall(r'\bid="([^"]+)"', p.read_text("utf-8"))) for p in pages}
    broken = []
    for page in pages:
        for match in re.finditer(r'\b(href|src)="([^"]*)"', page.read_text("utf-8")):
            parts = urlsplit(html.unescape(match.group(2)))
            if parts.scheme == "data":
                continue  # inline (the empty icon): loads nothing
            if parts.scheme:
                if match.group(1) == "src" or parts.scheme not in ("mailto", "https", "http"):
                    broken.append(f"{page.relative_to(site)}: {match.group(2)}")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
            ok = target.is_file() and (
                not parts.fragment or parts.fragment in ids.get(target, set())
            )
            if not ok:
                broken.append(f"{page.relative_to(site)}: {match.group(2)}")
    return broken


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real contracts and the examples published once for this module."""
    from programmatool.cli.app import main

    out = tmp_path_factory.mktemp("publish") / "site"
    assert main(["publish", str(PROGRAMMAS), str(VOORBEELDEN), "--uit", str(out)]) == 0
    return out


def test_every_programme_gets_its_short_pages(site: Path) -> None:
    zorg = sorted(p.name for p in (site / "programma" / "zorg").iterdir())
    assert "index.html" in zorg and "doelen.html" in zorg and "achtergrond.html" in zorg
    assert "indicatoren.html" in zorg and "geld.html" in zorg and "inspanningen.html" in zorg
    folders = sorted(p.name for p in (site / "programma").iterdir())
    assert folders == [
        "binnenstad",
        "duurzaamheid",
        "economie-participatie",
        "eindhoven-verkeer-2020",
        "montferland-inwoners-bestuur-2022",
        "nieuwstraatkwartier",
        "omgevingswet",
        "schilde-meerjarenplan-2014-2019",
        "terneuzen-beleidsindicatoren-2018",
        "veiligheid",
        "woerden-bouwen-en-wonen",
        "zaanstad-burger-en-bestuur-2018",
        "zaanstad-burger-en-bestuur-burap-2018",
        "zorg",
    ]
    # Annual accounts: one page per year with measurements or accounts, in the programme's bar.
    assert (site / "programma" / "duurzaamheid" / "verantwoording-2019.html").is_file()
    overzicht = (site / "programma" / "duurzaamheid" / "index.html").read_text("utf-8")
    assert '<a href="verantwoording-2019.html">Verantwoording 2019</a>' in overzicht
    assert '<a href="index.html" aria-current="page">Overzicht</a>' in overzicht


def test_every_link_leads_to_a_page_of_the_site(site: Path) -> None:
    assert broken_links(site) == []


def test_start_page_links_every_programme_with_its_status(site: Path) -> None:
    start = (site / "index.html").read_text("utf-8")
    assert '<html lang="nl">' in start
    assert '<a href="programma/duurzaamheid/index.html">Duurzaamheid</a>' in start
    assert "op grond van metingen over 2020; 3 van 10 indicatoren gemeten" in start
    assert '<link rel="stylesheet" href="stijl.css">' in start
    assert "<style>" not in start


def test_breadcrumbs_lead_back_to_the_programme_and_the_start(site: Path) -> None:
    page = (site / "programma" / "duurzaamheid" / "doel-ii.html").read_text("utf-8")
    crumbs = re.search(r'<nav class="kruimels".*?</nav>', page, re.S)
    assert crumbs is not None
    assert re.findall(r"<li>(.*?)</li>", crumbs.group(0)) == [
        '<a href="../../index.html">Alle programma&#39;s</a>',
        '<a href="index.html">Duurzaamheid</a>',
        '<span aria-current="page">Doel II</span>',
    ]
    assert '<link rel="stylesheet" href="../../stijl.css">' in page


def test_related_programmes_link_to_each_other(site: Path) -> None:
    page = (site / "programma" / "zorg" / "index.html").read_text("utf-8")
    assert '<a href="../economie-participatie/index.html">' in page


def test_same_input_gives_the_same_bytes(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    for name in ("a", "b"):
        assert cli("publish", PROGRAMMAS, "--uit", tmp_path / name).code == 0
    first = {
        p.relative_to(tmp_path / "a"): p.read_bytes()
        for p in (tmp_path / "a").rglob("*")
        if p.is_file()
    }
    second = {
        p.relative_to(tmp_path / "b"): p.read_bytes()
        for p in (tmp_path / "b").rglob("*")
        if p.is_file()
    }
    assert sorted(first) == sorted(second)
    assert [k for k in first if first[k] != second[k]] == []


def test_a_folder_that_is_not_a_site_is_left_alone(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    own = tmp_path / "verslag"
    own.mkdir()
    (own / "notities.txt").write_text("van mij\n", encoding="utf-8")
    run = cli("publish", MINIMAAL, "--uit", own)
    assert run.code == 2
    assert run.err == (
        f"programmatool: {own.as_posix()} bestaat al en is geen site van programmatool publish; "
        "kies een lege of nieuwe map (de tool vervangt alleen een map die hij zelf heeft "
        "gemaakt)\n"
    )
    assert sorted(p.name for p in own.iterdir()) == ["notities.txt"]


def test_a_new_site_replaces_the_old_one_whole(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    assert cli("publish", PROGRAMMAS, "--uit", out).code == 0
    assert (out / "programma" / "zorg" / "index.html").is_file()
    assert cli("publish", MINIMAAL, "--uit", out).code == 0
    assert sorted(p.name for p in (out / "programma").iterdir()) == ["schone-stad"]
    # Nothing is left beside the site: no temporary or old folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_contract_with_errors_is_left_out_and_named(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "kapot.yaml"
    bad.write_text("programma: Kapot\n", encoding="utf-8")
    run = cli("publish", MINIMAAL, bad, "--uit", tmp_path / "site")
    assert run.code == 1
    assert "niet gepubliceerd wegens fouten: " in run.err and "kapot.yaml" in run.err
    assert sorted(p.name for p in (tmp_path / "site" / "programma").iterdir()) == ["schone-stad"]


def test_nothing_to_publish_is_said_plainly(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "leeg"
    empty.mkdir()
    run = cli("publish", empty, "--uit", tmp_path / "site")
    assert run.code == 2
    assert not (tmp_path / "site").exists()


def test_the_municipalitys_house_style_reaches_every_page(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    eigen = tmp_path / "gemeente"
    eigen.mkdir()
    (eigen / "huisstijl.css").write_text(":root { --accent: #7a0026; }\n", encoding="utf-8")
    (eigen / "logo.html.j2").write_text('<span class="gemeente">Gemeente Eigen</span>\n', "utf-8")
    out = tmp_path / "site"
    assert cli("publish", MINIMAAL, "--uit", out, "--templates", eigen, "--zonder-zoeken").code == 0
    assert ":root { --accent: #7a0026; }" in (out / "stijl.css").read_text("utf-8")
    for page in ("index.html", "programma/schone-stad/geld.html"):
        assert '<span class="gemeente">Gemeente Eigen</span>' in (out / page).read_text("utf-8")
