"""``programmatool new``: a contract to start from that checks at once."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from programmatool import check, load_contract
from programmatool.model.contract import Contract, field_description
from programmatool.reference.fields import models


def test_new_contract_is_valid_and_only_asks_for_what_is_missing(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli(
        "new", "--programma", "Schone Stad", "--gemeente", "Voorbeeldstad", "--periode", "2024-2027"
    )
    assert run.code == 0, run.err
    path = tmp_path / "schone-stad.yaml"
    assert run.out.splitlines()[0] == "geschreven: schone-stad.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=programmacontract.schema.json"
    result = load_contract(path)
    assert result.contract is not None, [f.as_text() for f in result.findings]
    c = result.contract
    assert (c.programma, c.code, c.gemeente, c.status) == (
        "Schone Stad",
        "schone-stad",
        "Voorbeeldstad",
        "onbekend",
    )
    assert (c.periode.start, c.periode.eind) == (2024, 2027)
    findings = check([path]).findings
    assert {f.severity for f in findings} == {"waarschuwing"}
    assert sorted(f.code for f in findings) == ["PT110", "PT601", "PT601"]
    # No status given: the new file says it is unknown instead of inventing 'concept'.
    assert "status: onbekend" in text.splitlines()[9]
    assert any(f.line == 10 and f.message.startswith("status is onbekend") for f in findings)


def test_every_section_and_field_is_there_with_a_comment(tmp_path: Path, cli, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert (
        cli("new", "a.yaml", "--programma", "A", "--gemeente", "B", "--periode", "2024-2025").code
        == 0
    )
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    data = load_contract(tmp_path / "a.yaml").data
    assert isinstance(data, dict)
    # Every top-level field of the model is a real key of the new file.
    assert list(data) == list(Contract.model_fields)
    # Every field of every model appears (as a key or in a commented example) with its comment.
    for cls in models():
        for field in cls.model_fields:
            description, _ = field_description(cls, field)
            assert any(
                f"{field}:" in line and f"# {description}" in line for line in text.splitlines()
            ), f"{cls.__name__}.{field}"


def test_new_refuses_to_overwrite(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text("oud\n", encoding="utf-8")
    run = cli("new", "x.yaml", "--programma", "X", "--gemeente", "Y", "--periode", "2024-2025")
    assert run.code == 2
    assert "x.yaml bestaat al" in run.err
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == "oud\n"
    assert sorted(os.listdir(tmp_path)) == ["x.yaml"]  # no temporary file left behind


def test_missing_options_are_asked_for_on_a_terminal(cli, tmp_path: Path, monkeypatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", Terminal("Zorg voor elkaar\nAlmelo\n2019-onbekend\n"))
    run = cli("new")
    assert run.code == 0, run.err
    assert "Naam van het programma" in run.out and "Looptijd" in run.out
    c = load_contract(tmp_path / "zorg-voor-elkaar.yaml").contract
    assert c is not None
    assert (c.programma, c.gemeente, c.periode.start, c.periode.eind) == (
        "Zorg voor elkaar",
        "Almelo",
        2019,
        "onbekend",
    )


def test_without_a_terminal_a_missing_option_is_an_error(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("new", "--programma", "X", "--periode", "2024-2025")
    assert run.code == 2
    assert run.err.strip() == (
        "programmatool: geef --gemeente "
        "(of start het commando in een terminal, dan vraagt het erom)"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("periode", "message"),
    [
        ("2027-2024", "het eindjaar 2024 ligt vóór het startjaar 2027"),
        ("volgend jaar", "periode 'volgend jaar' is geen looptijd"),
        ("1800-2024", "jaar 1800 ligt niet tussen 1900 en 2200"),
    ],
)
def test_a_bad_period_is_refused(cli, tmp_path, monkeypatch, periode: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("new", "--programma", "X", "--gemeente", "Y", "--periode", periode)
    assert run.code == 2 and message in run.err


def test_awkward_names_stay_valid_yaml(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = "Wonen: 'thuis' & #samen\nnu"
    run = cli(
        "new",
        "w.yaml",
        "--programma",
        name,
        "--gemeente",
        "Súdwest-Fryslân",
        "--periode",
        "2024 – 2027",
    )
    assert run.code == 0, run.err
    c = load_contract(tmp_path / "w.yaml").contract
    assert c is not None and c.programma == name and c.code == "wonen-thuis-samen-nu"
