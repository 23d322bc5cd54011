"""A legend wherever statuses appear: the statuses that appear, the thresholds in force (from the
configuration), the year of the measurement; and the plain-Dutch status 'geen oordeel mogelijk'."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import MINIMAAL, PROGRAMMAS, ROOT, Run

VOLLEDIG = ROOT / "tests" / "fixtures" / "render" / "volledig.yaml"


def _legends_html(html: str) -> list[str]:
    """The text of every legend in an HTML document."""
    found = re.findall(r'<details class="legenda" open>(.*?)</details>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", f).split()) for f in found]


@pytest.fixture
def schone_stad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small contract (2020: 11 where the path asks 12, 14 % behind) in an empty folder."""
    shutil.copyfile(MINIMAAL, tmp_path / "schone-stad.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_goal_chapter_the_card_and_the_portfolio_have_a_legend(
    schone_stad: Path, cli: Callable[..., Run]
) -> None:
    assert cli("render", "schone-stad.yaml", "--out", "site").code == 0
    html = (schone_stad / "site" / "schone-stad.html").read_text(encoding="utf-8")
    card, goal = _legends_html(html)
    # Only the status that appears, its meaning, the thresholds and where the year stands.
    assert card == goal
    assert card.startswith("Wat betekent deze status? ▲ kleine achterstand de meting blijft")
    assert "meer dan 10 en hooguit 25 % achter" in card
    assert "op koers de meting" not in card and "geen meting er is" not in card
    assert "Grenzen (de standaardwaarden): op koers tot en met 10 % achterstand" in card
    assert "Achter de status van een indicator staat het jaar van de meting" in card
    # ...and the year is in the indicator's own lines.
    assert "kleine achterstand</span> (meting 2020)" in html
    # The goal's legend closes "Wat willen we bereiken?", before "Wat gaan we daarvoor doen?".
    chapter = html[html.index('id="doel-I"') :]
    assert chapter.index('class="legenda"') < chapter.index("Wat gaan we daarvoor doen?")
    index = (schone_stad / "site" / "index.html").read_text(encoding="utf-8")
    [portfolio] = _legends_html(index)
    assert portfolio.startswith("Wat betekent deze status? ▲ kleine achterstand")
    assert "Onder de status van een programma staat op metingen over welk jaar" in portfolio


def test_configured_thresholds_decide_and_are_named(
    schone_stad: Path, cli: Callable[..., Run]
) -> None:
    (schone_stad / "programmatool.toml").write_text(
        "[voortgang]\nop_koers = 0.15\nkleine_achterstand = 0.3\n", encoding="utf-8"
    )
    assert cli("render", "schone-stad.yaml", "--out", "site", "--format", "md").code == 0
    text = (schone_stad / "site" / "schone-stad.md").read_text(encoding="utf-8")
    # 14 % behind is on course with a 15 % threshold: the document and `progress` agree.
    assert "Status: **● op koers** (meting 2020)" in text
    assert (
        "*Grenzen (ingesteld in programmatool.toml): op koers tot en met 15 % achterstand, "
        "kleine achterstand tot en met 30 %, daarboven achter." in text
    )
    assert "hooguit 15 % achter bij de vooruitgang die tot dan nodig was" in text
    progress = cli("progress", "schone-stad.yaml", "--format", "json")
    statuses = [i["status"] for i in json.loads(progress.out)["programmas"][0]["indicatoren"]]
    assert statuses == ["op koers"]


def test_thresholds_that_make_no_sense_stop_render(
    schone_stad: Path, cli: Callable[..., Run]
) -> None:
    (schone_stad / "programmatool.toml").write_text(
        "[voortgang]\nop_koers = 0.5\nkleine_achterstand = 0.3\n", encoding="utf-8"
    )
    result = cli("render", "schone-stad.yaml", "--out", "site")
    assert result.code == 2
    assert "programmatool.toml:2: [voortgang] drempel 'op_koers' mag niet groter zijn" in result.err
    assert not (schone_stad / "site").exists()


def test_annual_account_and_markdown_have_the_same_legend(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    out = tmp_path / "site"
    assert cli("render", VOLLEDIG, "--out", out, "--verantwoording", "2022").code == 0
    html = (out / "volledig-voorbeeld-verantwoording-2022.html").read_text(encoding="utf-8")
    legends = _legends_html(html)
    assert len(legends) >= 2
    assert all(lg.startswith("Wat beteken") for lg in legends)
    assert any(
        "? geen oordeel mogelijk de meting is niet met een doel te vergelijken" in lg
        for lg in legends
    )
    assert cli("render", VOLLEDIG, "--out", out, "--format", "md").code == 0
    text = (out / "volledig-voorbeeld.md").read_text(encoding="utf-8")
    assert text.count("**Wat beteken") >= 2
    assert "- ? geen oordeel mogelijk: de meting is niet met een doel te vergelijken" in text


def test_no_status_word_needs_the_readme(tmp_path: Path, cli: Callable[..., Run]) -> None:
    out = tmp_path / "site"
    assert cli("render", PROGRAMMAS, "--out", out, "--format", "md").code in (0, 1)
    for document in out.iterdir():
        text = document.read_text(encoding="utf-8")
        assert "niet te bepalen" not in text, document.name
        assert "op of voor de lijn" not in text, document.name


def test_progress_names_the_reason_without_a_verdict(cli: Callable[..., Run]) -> None:
    result = cli("progress", VOLLEDIG, "--format", "json")
    rows = json.loads(result.out)["programmas"][0]["indicatoren"]
    by_status = {r["status"]: r for r in rows}
    # A scale measurement (redelijk in 2021) without a peilwaarde or earlier measurement.
    assert by_status["geen oordeel mogelijk"]["reden"] == (
        "er is geen beginwaarde (geen peilwaarde en geen eerdere meting)"
    )
    assert by_status["op koers"]["reden"] is None
    table = cli("progress", VOLLEDIG)
    flat = " ".join(table.out.split())  # the name column wraps where the width says
    assert "geen oordeel: er is geen beginwaarde" in flat
    assert "niet te bepalen" not in table.out


@pytest.mark.parametrize(
    ("fields", "reden"),
    [
        (
            {"richting": "hoger", "streefwaarden": {2022: "p.m."}, "realisaties": {2020: 5}},
            "er is geen streefwaarde als getal",
        ),
        (
            {"richting": "hoger", "streefwaarden": {2022: 60}, "realisaties": {2020: "veel"}},
            "de meting is geen getal",
        ),
        (
            {"richting": "onbekend", "peilwaarde": 40, "streefwaarden": {2022: 60}},
            "onbekend is of hoger of lager beter is",
        ),
        (
            {"richting": "hoger", "streefwaarden": {2022: 60}, "realisaties": {2020: 54}},
            "er is geen beginwaarde (geen peilwaarde en geen eerdere meting)",
        ),
        ({"richting": "hoger", "peilwaarde": 40, "streefwaarden": {2022: 60}}, ""),
    ],
)
def test_the_reason_without_a_verdict(fields: dict[str, object], reden: str) -> None:
    from programmatool.model.contract import Indicator
    from programmatool.progress.explain import reason_without_verdict
    from programmatool.progress.indicator import indicator_progress

    base: dict[str, object] = {"id": "x", "naam": "X", "doel": "a", "realisaties": {2020: 50}}
    indicator = Indicator.model_validate({**base, **fields})
    iv = indicator_progress(indicator, 2020)
    assert reason_without_verdict(iv) == reden
    assert (iv.status == "geen oordeel mogelijk") == bool(reden)


def test_a_target_without_year_not_yet_reached_names_that_reason() -> None:
    from programmatool.model.contract import Indicator
    from programmatool.progress.explain import reason_without_verdict
    from programmatool.progress.indicator import indicator_progress

    base = {"id": "x", "naam": "X", "doel": "a", "streefwaarde_zonder_jaar": 83}
    reached = indicator_progress(
        Indicator.model_validate({**base, "richting": "hoger", "realisaties": {2020: 72}})
    )
    assert reached.status == "geen oordeel mogelijk"
    assert (
        reason_without_verdict(reached) == "de streefwaarde heeft geen jaar en is nog niet gehaald"
    )
    unknown = indicator_progress(
        Indicator.model_validate({**base, "richting": "onbekend", "realisaties": {2020: 90}})
    )
    assert reason_without_verdict(unknown) == "onbekend is of hoger of lager beter is"
