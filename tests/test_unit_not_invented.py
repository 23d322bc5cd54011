"""An indicator's unit is never invented: without ``eenheid`` the outputs show the bare number
(no "aantal"), PT602 asks for the unit, and ``eenheid: onbekend`` is shown and asked for."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from programmatool.cli.app import app

from .test_rules_support import findings, line_of, variant

_SCHOLEN = "    doel: a\n    eenheid: aantal\n"


def test_without_unit_pt602_warns_at_the_indicator(tmp_path: Path) -> None:
    path = variant(tmp_path, _SCHOLEN, "    doel: a\n")
    found = findings(path)
    assert [(f.code, f.severity, f.line, f.message) for f in found] == [
        (
            "PT602",
            "waarschuwing",
            line_of(path, "- id: scholen"),
            "indicator 'scholen': de eenheid staat er niet bij; neem haar over uit de bron "
            '(bijvoorbeeld eenheid: "%") of schrijf eenheid: onbekend als de bron haar niet '
            "noemt",
        )
    ]


def test_scale_and_milestone_need_no_unit(tmp_path: Path) -> None:
    # The base contract's scale ('spanning') and milestone ('omgevingsvisie') have no unit.
    path = variant(tmp_path, "  - id: groen\n", "  - id: groen\n")
    assert findings(path, code="PT602") == []


def test_unit_onbekend_is_asked_for_by_pt601(tmp_path: Path) -> None:
    path = variant(tmp_path, _SCHOLEN, "    doel: a\n    eenheid: onbekend\n")
    found = findings(path)
    assert [(f.code, f.line, f.message) for f in found] == [
        (
            "PT601",
            line_of(path, "eenheid: onbekend"),
            "indicator 'scholen': de eenheid is onbekend: de bron noemt het niet; vul het in "
            "zodra het bekend is",
        )
    ]


def _cli(*args: str) -> str:
    run = CliRunner().invoke(app, list(args))
    assert run.exit_code == 0, run.output
    return run.output


def test_outputs_show_no_invented_unit(tmp_path: Path) -> None:
    path = variant(tmp_path, _SCHOLEN, "    doel: a\n")
    data = json.loads(_cli("progress", str(path), "--format", "json", "--jaar", "2020"))
    rows = [i for p in data["programmas"] for i in p["indicatoren"] if i["id"] == "scholen"]
    assert [r["eenheid"] for r in rows] == [None]
    csv_text = _cli("progress", str(path), "--format", "csv", "--jaar", "2020")
    assert "aantal" not in csv_text
    out = tmp_path / "site"
    _cli("render", str(path), "--out", str(out), "--format", "md")
    document = (out / "schone-stad.md").read_text(encoding="utf-8")
    assert "**Aantal deelnemende scholen** (hoger is beter)\n" in document


def test_unit_onbekend_is_shown_as_unknown(tmp_path: Path) -> None:
    path = variant(tmp_path, _SCHOLEN, "    doel: a\n    eenheid: onbekend\n")
    out = tmp_path / "site"
    _cli("render", str(path), "--out", str(out), "--format", "md")
    document = (out / "schone-stad.md").read_text(encoding="utf-8")
    assert "**Aantal deelnemende scholen** (eenheid onbekend, hoger is beter)\n" in document
    # The numbers stand bare: 'onbekend' is not printed as if it were the unit.
    assert "onbekend</" not in document and " onbekend |" not in document
    table = _cli("progress", str(path), "--jaar", "2020")
    assert "eenheid onbekend" in table
