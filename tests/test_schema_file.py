"""The editor schema: committed, current, named by every contract, and in agreement with check."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from programmatool.loading import load_contract
from programmatool.reference.schema import SCHEMA_FILE, contract_schema, contract_schema_json

ROOT = Path(__file__).resolve().parent.parent
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
#: Codes of a contract's shape: what a JSON Schema can say too.
SHAPE = {"PT005", "PT010", "PT011", "PT012", "PT013", "PT014", "PT019"}
#: Reading the file failed before any shape was seen (syntax, encoding, size, …).
UNREADABLE = {"PT001", "PT002", "PT003", "PT004", "PT006", "PT007", "PT008", "PT009"}
#: What JSON cannot express, so only the loader can refuse it (docs/contractformaat.md).
JSON_CANNOT_SAY = {
    "type-jaarsleutel-tekst.yaml": 'a quoted "2019": is the JSON key of 2019:',
    "type-peilwaarde-nan.yaml": "JSON has no NaN",
}


def _contracts() -> list[Path]:
    return sorted([*ROOT.glob("programmas/*.yaml"), *ROOT.glob("voorbeelden/*.yaml")])


def test_the_committed_schema_is_current() -> None:
    # After a change of the model: make docs
    assert (ROOT / SCHEMA_FILE).read_text(encoding="utf-8") == contract_schema_json()


@pytest.mark.parametrize("path", _contracts(), ids=lambda p: p.name)
def test_every_contract_names_the_committed_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{path.name} begins with {first!r}"
    assert (path.parent / match.group(1)).resolve() == (ROOT / SCHEMA_FILE).resolve()


def _editor_data(path: Path) -> Any:
    """The file as yaml-language-server sees it: YAML 1.2 core, dates stay strings."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
    )
    # JSON object keys are text: 2019 becomes "2019", 2019.0 becomes "2019.0".
    return json.loads(json.dumps(yaml.load(path.read_text(encoding="utf-8-sig"))))


def _corpus() -> list[Path]:
    files = [*ROOT.glob("tests/corpus/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")]
    return sorted([*files, *_contracts()])


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_schema_and_check_agree_on_the_shape_of_a_contract(path: Path) -> None:
    codes = {f.code for f in load_contract(path, path.name).findings}
    if codes & UNREADABLE or path.name in JSON_CANNOT_SAY:
        return
    validator = jsonschema.Draft202012Validator(
        contract_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [e.message for e in validator.iter_errors(_editor_data(path))]
    assert bool(errors) == bool(codes & SHAPE), (sorted(codes), errors[:3])


def test_the_exceptions_are_still_refused_by_check() -> None:
    for name in JSON_CANNOT_SAY:
        codes = {f.code for f in load_contract(ROOT / "tests" / "corpus" / name, name).findings}
        assert "PT012" in codes


def _valid(text: str) -> list[str]:
    data = json.loads(json.dumps(YAML(typ="safe", pure=True).load(text)))
    return [e.message for e in jsonschema.Draft202012Validator(contract_schema()).iter_errors(data)]


def test_periode_onbekend_is_accepted_and_a_word_as_year_key_is_not() -> None:
    base = (ROOT / "tests" / "fixtures" / "minimaal.yaml").read_text(encoding="utf-8")
    assert _valid(base) == []
    unknown = re.sub(r"^periode:.*$", "periode: onbekend", base, count=1, flags=re.M)
    assert unknown != base and _valid(unknown) == []
    assert load_contract_text_ok(unknown)
    word = re.sub(r"(streefwaarden: \{)\d{4}:", r"\1twintig:", base, count=1)
    assert word != base
    assert any("twintig" in message for message in _valid(word))


def load_contract_text_ok(text: str) -> bool:
    from programmatool.loading import load_text

    return not [f for f in load_text(text, "x.yaml").findings if f.severity == "fout"]


def test_titles_are_not_made_up_from_field_names() -> None:
    text = json.dumps(contract_schema(), ensure_ascii=False)
    assert '"title": "Vastgesteld Op"' not in text
    assert '"title": "Streefwaarden"' not in text
    assert json.loads(text)["title"] == "Programmacontract"


def test_new_points_a_contract_in_a_subfolder_at_the_repository_schema(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    (tmp_path / SCHEMA_FILE).write_text(contract_schema_json(), encoding="utf-8")
    (tmp_path / "programmas").mkdir()
    monkeypatch.chdir(tmp_path)
    args = ["--programma", "Schone Stad", "--gemeente", "Voorbeeldstad", "--periode", "2023-2026"]
    run = cli("new", *args, "programmas/schone-stad.yaml")
    assert run.code == 0, run.err
    first = (tmp_path / "programmas" / "schone-stad.yaml").read_text(encoding="utf-8")
    assert (
        first.splitlines()[0] == "# yaml-language-server: $schema=../programmacontract.schema.json"
    )
