"""Spending printed with a minus sign (Flemish accounts, ``teken: uitgaven_negatief``): written
as printed, read as spending everywhere, so "Verschil € -8.750" never reads as underspending."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from programmatool import contract_progress, load_contract
from programmatool.model.money import programme_money

from .test_rules_support import findings

MINIMAAL = Path(__file__).resolve().parent / "fixtures" / "minimaal.yaml"

_TABLE = """\
middelen:
  begrotingen:
    - titel: Actieplan 1.1 Netheid
      eenheid: euro
{teken}      regels:
        - omschrijving: Zwerfvuilacties
          bedragen: {{2021: -10000}}
          besteed: {{2021: -18750}}
      totalen: {{2021: {totaal}}}
capaciteit:
"""


def _contract(tmp_path: Path, teken: str | None, totaal: int = -10000) -> Path:
    text = MINIMAAL.read_text(encoding="utf-8")
    start, end = text.index("middelen:\n"), text.index("capaciteit:\n")
    regel = f"      teken: {teken}\n" if teken else ""
    table = _TABLE.format(teken=regel, totaal=totaal)
    path = tmp_path / f"{teken or 'gewoon'}-{totaal}.yaml"
    path.write_text(text[:start] + table + text[end + len("capaciteit:\n") :], encoding="utf-8")
    return path


def test_the_difference_is_read_as_spending(tmp_path: Path) -> None:
    # Budget € -10.000, spent € -18.750: the source's "Verschil € -8.750" is € 8.750 more spent.
    path = _contract(tmp_path, "uitgaven_negatief")
    result = load_contract(path)
    assert result.contract is not None and result.findings == []
    [regel] = result.contract.middelen.begrotingen[0].regels  # type: ignore[union-attr]
    assert regel.afwijking(2021, "uitgaven_negatief") == 8750
    assert regel.afwijking(2021) == -8750  # the same figures read the Dutch way
    assert programme_money(result.contract).per_year() == {2021: 10000}
    [geld] = contract_progress(result.contract, 2021).geld
    assert (geld.begroot, geld.besteed) == (10000, 18750)


def test_check_asks_for_an_explanation_of_overspending_and_says_so(tmp_path: Path) -> None:
    path = _contract(tmp_path, "uitgaven_negatief")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("-18750", "-78750"), encoding="utf-8")
    [f] = findings(path, code="PT211")
    assert f.message == (
        "'Zwerfvuilacties' 2021: besteed € -78.750, begroot € -10.000 (afwijking +€ 68.750 "
        "meer uitgegeven dan begroot); vanaf € 50.000 vraagt de verantwoording een toelichting "
        "('toelichting_afwijking')"
    )
    assert [f.as_text() for f in findings(path) if f.severity == "fout"] == []


def test_a_negative_total_is_right_and_a_positive_one_wrong_under_the_flemish_sign(
    tmp_path: Path,
) -> None:
    assert findings(_contract(tmp_path, "uitgaven_negatief"), code="PT206") == []
    [f] = findings(_contract(tmp_path, "uitgaven_negatief", totaal=10000), code="PT206")
    assert f.message == (
        "jaartotaal 2021 is positief, maar deze tabel drukt uitgaven met een minteken "
        "(teken: uitgaven_negatief); dat kan hier niet"
    )
    [f] = findings(_contract(tmp_path, None), code="PT206")
    assert f.message == "jaartotaal 2021 is negatief; dat kan hier niet"


def test_documents_show_the_figures_as_printed_and_the_difference_as_spending(
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    path = _contract(tmp_path, "uitgaven_negatief")
    out = tmp_path / "uit"
    run = cli("render", path, "--verantwoording", "2021", "--format", "md", "--out", out)
    assert run.code == 0, run.err
    [doc] = list(out.rglob("*.md"))
    text = doc.read_text(encoding="utf-8")
    # Printed amounts as printed, the difference as spending (€ and the amount kept together).
    row = "| Zwerfvuilacties | € -10.000 | € -18.750 | € 8.750 |".replace("€ ", "€\u00a0")
    assert row in text
    assert "De bron drukt uitgaven met een minteken; de bedragen staan zoals gedrukt." in text


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_progress_reads_budget_and_spending_as_positive_money(
    tmp_path: Path,
    cli,
    fmt: str,  # type: ignore[no-untyped-def]
) -> None:
    path = _contract(tmp_path, "uitgaven_negatief")
    run = cli("progress", path, "--jaar", "2021", "--format", fmt, "--toelichting")
    assert run.code == 0, run.err
    if fmt == "table":
        assert "begroot € 10.000, besteed € 18.750 (188 %)" in run.out
    else:
        assert '"besteed": 18750' in json.dumps(json.loads(run.out))
