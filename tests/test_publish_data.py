"""The site's open data: CSV and JSON per table, a Frictionless Data Package that validates and
DCAT metadata with the date from git, never the clock."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import MINIMAAL, PROGRAMMAS


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from programmatool.cli.app import main

    out = tmp_path_factory.mktemp("data") / "site"
    assert main(["publish", str(PROGRAMMAS), "--uit", str(out), "--zonder-zoeken"]) == 0
    return out / "data"


def test_data_package_validates_with_frictionless(data: Path) -> None:
    from frictionless import validate

    report = validate(str(data / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    assert sorted(rows) == [
        "begrotingen",
        "bevindingen",
        "doelen",
        "indicatoren",
        "programmas",
        "reeksen",
    ]
    assert rows["programmas"] == 7


def test_series_hold_targets_and_realisations_as_printed(data: Path) -> None:
    lines = (data / "reeksen.csv").read_text("utf-8").splitlines()
    assert lines[0] == "programma,indicator,jaar,soort,waarde,tekst,voorlopig"
    assert "binnenstad,bezoekers-per-week,2022,streefwaarde,7000,," in lines
    rows = json.loads((data / "reeksen.json").read_text("utf-8"))
    assert {
        "programma": "binnenstad",
        "indicator": "bezoekers-per-week",
        "jaar": 2022,
        "soort": "streefwaarde",
        "waarde": 7000,
        "tekst": None,
        "voorlopig": None,
    } in rows


def test_dcat_names_title_publisher_licence_and_distributions(data: Path) -> None:
    catalogue = json.loads((data / "catalogus.jsonld").read_text("utf-8"))
    dataset = catalogue["dcat:dataset"][0]
    assert dataset["dct:title"] == "Programma's Almelo"
    assert dataset["dct:publisher"]["foaf:name"] == "Gemeente Almelo"
    assert dataset["dct:license"] == {
        "@id": "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
    }
    urls = [d["dcat:downloadURL"]["@id"] for d in dataset["dcat:distribution"]]
    assert "programmas.csv" in urls and "reeksen.json" in urls


def _git(repo: Path, *args: str, date: str = "2021-03-03T12:00:00") -> None:
    env = {
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(repo),
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_modified_date_comes_from_git_not_the_clock(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "afval.yaml").write_bytes(MINIMAAL.read_bytes())
    _git(repo, "add", "afval.yaml")
    _git(repo, "commit", "-q", "-m", "eerste", date="2021-03-03T12:00:00")
    out = tmp_path / "site"
    assert cli("publish", repo / "afval.yaml", "--uit", out, "--zonder-zoeken").code == 0
    catalogue = json.loads((out / "data" / "catalogus.jsonld").read_text("utf-8"))
    assert catalogue["dcat:dataset"][0]["dct:modified"] == {
        "@value": "2021-03-03",
        "@type": "xsd:date",
    }
    page = (out / "data.html").read_text("utf-8")
    assert "<dd>3 maart 2021 (de nieuwste versie van een contract in git)</dd>" in page


def test_outside_git_the_date_is_unknown(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "afval.yaml"
    source.write_bytes(MINIMAAL.read_bytes())
    out = tmp_path / "site"
    assert cli("publish", source, "--uit", out, "--zonder-zoeken").code == 0
    catalogue = json.loads((out / "data" / "catalogus.jsonld").read_text("utf-8"))
    assert "dct:modified" not in catalogue["dcat:dataset"][0]
    assert "onbekend (de contracten staan niet in git)" in (out / "data.html").read_text("utf-8")


def test_with_the_sites_address_the_metadata_names_full_addresses(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    run = cli(
        "publish",
        MINIMAAL,
        "--uit",
        out,
        "--zonder-zoeken",
        "--adres",
        "https://raad.example.nl/p/",
    )
    assert run.code == 0, run.err
    dataset = json.loads((out / "data" / "catalogus.jsonld").read_text("utf-8"))["dcat:dataset"][0]
    assert dataset["dcat:landingPage"] == {"@id": "https://raad.example.nl/p/data.html"}
    assert dataset["dcat:distribution"][0]["dcat:downloadURL"] == {
        "@id": "https://raad.example.nl/p/data/programmas.csv"
    }


def test_an_address_that_is_not_a_web_address_is_refused(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("publish", MINIMAAL, "--uit", tmp_path / "site", "--adres", "raad.example.nl")
    assert run.code == 2
    assert run.err == (
        "programmatool: --adres 'raad.example.nl' is geen webadres; geef het adres van de site, "
        "beginnend met https:// (of http://)\n"
    )
    assert not (tmp_path / "site").exists()
