"""Comparison series (``vergelijkingen``) in the progress CSV: fixed columns for every contract,
the value of the measurement's year, several series side by side in the contract's order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from programmatool.cli.app import app
from programmatool.presenting.progress import CSV_KOLOMMEN

from .test_rules_support import variant

_SERIES = (
    "    vergelijkingen:\n"
    "      - naam: vergelijkbare gemeenten\n"
    "        bron: waarstaatjegemeente.nl\n"
    "        waarden: {2019: 7, 2020: 10.5}\n"
    "      - naam: Nederland\n"
    "        waarden: {2018: 6, 2019: n.t.b.}\n"
)


def _rows(path: Path, *args: str) -> list[dict[str, str]]:
    run = CliRunner().invoke(app, ["progress", str(path), "--format", "csv", *args])
    assert run.exit_code == 0, run.output
    reader = csv.DictReader(io.StringIO(run.output))
    assert reader.fieldnames == list(CSV_KOLOMMEN)
    return list(reader)


def test_comparison_columns_are_the_last_four_and_always_there() -> None:
    assert CSV_KOLOMMEN[-4:] == (
        "vergelijking",
        "vergelijking_bron",
        "vergelijking_jaar",
        "vergelijking_waarde",
    )


def test_series_in_the_year_of_the_measurement(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "    bron: Gemeente Voorbeeldstad\n",
        "    bron: Gemeente Voorbeeldstad\n" + _SERIES,
    )
    rows = {r["indicator"]: r for r in _rows(path, "--jaar", "2020")}
    scholen = rows["scholen"]
    assert (scholen["realisatie"], scholen["realisatie_jaar"]) == ("11", "2020")
    # Each series for the year of the measurement (2020); Nederland has no 2020, so its latest
    # year in or before 2020 that it does have (2019, a value not yet known) is shown.
    assert scholen["vergelijking"] == "vergelijkbare gemeenten | Nederland"
    assert scholen["vergelijking_bron"] == "waarstaatjegemeente.nl | "
    assert scholen["vergelijking_jaar"] == "2020 | 2019"
    assert scholen["vergelijking_waarde"] == "10.5 | n.t.b."
    # An indicator without series has empty comparison cells, not missing columns.
    assert [rows["restafval"][k] for k in CSV_KOLOMMEN[-4:]] == ["", "", "", ""]


def test_series_follow_the_year_asked(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "    bron: Gemeente Voorbeeldstad\n",
        "    bron: Gemeente Voorbeeldstad\n" + _SERIES,
    )
    scholen = {r["indicator"]: r for r in _rows(path, "--jaar", "2019")}["scholen"]
    assert scholen["realisatie_jaar"] == "2019"
    assert scholen["vergelijking_jaar"] == "2019 | 2019"
    assert scholen["vergelijking_waarde"] == "7 | n.t.b."
