"""The references in docs/ are what the code generates (commands from the app, rules from the
registry, kinds of change from the change checks, fields from the model), and every field
example is valid."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from programmatool.loading import SourceMap, parse_yaml
from programmatool.model.contract import field_description, model_description
from programmatool.reference.changes import change_reference_markdown
from programmatool.reference.commands import GUIDES, command_reference_markdown
from programmatool.reference.fields import field_reference_markdown, model_fields, models
from programmatool.reference.pages import pages, write_pages
from programmatool.reference.rules import rule_reference_markdown

ROOT = Path(__file__).resolve().parent.parent


def _described(key: str) -> tuple[str, str]:
    model_name, field = key.split(".")
    return field_description(next(c for c in models() if c.__name__ == model_name), field)


def test_every_model_and_field_is_described_with_an_example() -> None:
    # A new field needs Field(description=..., examples=[...]) in model/contract.py.
    assert [f for f in model_fields() if not all(_described(f))] == []
    assert [cls.__name__ for cls in models() if not model_description(cls)] == []


def test_the_descriptions_are_read_from_the_model() -> None:
    from programmatool.model.contract import Contract, Periode

    assert _described("Periode.eind") == ("laatste jaar, inbegrepen (of 'onbekend')", "2022")
    assert Contract.model_fields["code"].examples == ["schone-stad"]
    assert model_description(Periode) == (
        "De looptijd (`periode`), beide jaren inbegrepen; `periode: onbekend` mag ook."
    )


def _command_tree() -> Any:
    from programmatool.cli.app import command

    return command()


@pytest.mark.parametrize("name", ["commandos.md", "regels.md", "velden.md", "wijzigingen.md"])
def test_generated_pages_are_current(name: str) -> None:
    # After a change of a command, a rule, a change check or the model: make docs
    expected = pages(_command_tree())[name]
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == expected, "run: make docs"


def test_make_docs_writes_every_generated_page(tmp_path: Path) -> None:
    written = write_pages(_command_tree(), tmp_path)
    assert sorted(p.name for p in written) == sorted(pages(_command_tree()))
    assert (tmp_path / "docs" / "velden.md").read_text(encoding="utf-8") == (
        field_reference_markdown()
    )


def test_the_command_reference_has_every_command_and_option() -> None:
    tree = _command_tree()
    text = command_reference_markdown(tree)
    for name, command in tree.commands.items():
        section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        assert f"programmatool {name} [OPTIES]" in section
        for param in command.params:
            shown = param.opts[0] if param.opts[0].startswith("-") else param.metavar
            assert f"`{shown}" in section or f"`[{shown}]`" in section, (name, shown)
            assert " ".join(param.help.split()) in section, (name, shown)
    assert "| `--jobs`, `-j` | `N` (1–256) |  | Aantal processen bij veel bestanden" in text
    assert "| `--format` | `FORMAAT` | `text` | Uitvoer: text, json, github" in text
    assert "| `--out`, `-o` | `MAP` | verplicht | Map waarin de documenten komen. |" in text
    assert "programmatool record [OPTIES] BESTAND INDICATOR JAAR WAARDE" in text
    assert "programmatool rules [OPTIES] [CODE]" in text
    assert "| `--version` |  |  | Toon de versie en stop. |" in text
    assert set(GUIDES) == set(tree.commands)  # a new command needs a guide in GUIDES


def test_the_rule_reference_explains_every_rule_like_rules_code() -> None:
    from programmatool.rules import LOAD_CODES, RULES

    text = rule_reference_markdown()
    for code in LOAD_CODES:
        assert f"| {code} | fout | {LOAD_CODES[code].title} |" in text
    for code, rule in RULES.items():
        section = text.split(f"\n### {code}\n", 1)[1].split("\n### ", 1)[0]
        assert f"**{rule.title}** · {rule.severity}" in section
        assert f"```yaml\n{rule.example}```" in section
        assert f"```yaml\n{rule.fix}```" in section
    assert (
        "| [PT201](#pt201) | fout | Gedrukt jaartotaal wijkt af van de som van de regels |" in text
    )
    assert "totalen: {2019: 16000}      # 10.000 + 5.000 is 15.000" in text


def test_the_change_reference_lists_every_kind_with_its_level() -> None:
    from programmatool.diff.changes import CHECKS

    text = change_reference_markdown()
    for name, check in CHECKS.items():
        assert f"| `{name}` | {check.severity} | {check.title} |" in text
    assert (
        "| `ambitie-verlaagd` | belangrijk | Een streefwaarde is minder ambitieus geworden |"
        in (text)
    )


def test_the_reference_lists_each_field_with_type_unknowns_and_example() -> None:
    text = field_reference_markdown()
    assert "| `richting` | keuze | `hoger`, `lager`, `onbekend` | ja: `onbekend` | – |" in text
    assert "| `peiljaar` | jaar |  | ja: `onbekend` | – |" in text
    assert "| `beschrijving` | tekst |" in text  # inspanningen: the field the README missed
    assert "`streefwaarden: {2019: 8, 2022: 20}`" in text
    assert text.count("\n## ") == len(models())


@pytest.mark.parametrize("key", sorted(model_fields()))
def test_every_example_is_valid_for_its_field(key: str) -> None:
    model_name, field = key.split(".")
    cls: type[BaseModel] = next(c for c in models() if c.__name__ == model_name)
    _, example = _described(key)
    value = parse_yaml(f"{field}: {example}\n", SourceMap())[field]
    annotation = typing.get_type_hints(cls, include_extras=True)[field]
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as exc:  # pragma: no cover - the message is the point
        pytest.fail(f"{key}: voorbeeld {example!r} is ongeldig: {exc}")
