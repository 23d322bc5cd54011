"""The field reference in docs/ is generated from the model and every example is valid."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from programmatool.loading import SourceMap, parse_yaml
from programmatool.reference.fields import (
    FIELDS,
    MODELS,
    field_reference_markdown,
    model_fields,
    models,
)

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "velden.md"


def test_every_model_field_is_described_and_nothing_else() -> None:
    fields = model_fields()
    assert [f for f in fields if f not in FIELDS] == []  # describe a new field in reference.py
    assert [f for f in FIELDS if f not in fields] == []  # a field that no longer exists
    assert {cls.__name__ for cls in models()} == set(MODELS)


def test_docs_are_what_the_model_generates() -> None:
    # After a change of the model or reference.py: make docs
    assert DOCS.read_text(encoding="utf-8") == field_reference_markdown(), "run: make docs"


def test_the_reference_lists_each_field_with_type_unknowns_and_example() -> None:
    text = field_reference_markdown()
    assert "| `richting` | keuze | `hoger`, `lager`, `onbekend` | ja: `onbekend` | – |" in text
    assert "| `peiljaar` | jaar |  | ja: `onbekend` | – |" in text
    assert "| `beschrijving` | tekst |" in text  # inspanningen: the field the README missed
    assert "`streefwaarden: {2019: 8, 2022: 20}`" in text
    assert text.count("\n## ") == len(models())


@pytest.mark.parametrize("key", sorted(FIELDS))
def test_every_example_is_valid_for_its_field(key: str) -> None:
    model_name, field = key.split(".")
    cls: type[BaseModel] = next(c for c in models() if c.__name__ == model_name)
    _, example = FIELDS[key]
    value = parse_yaml(f"{field}: {example}\n", SourceMap())[field]
    annotation = typing.get_type_hints(cls, include_extras=True)[field]
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as exc:  # pragma: no cover - the message is the point
        pytest.fail(f"{key}: voorbeeld {example!r} is ongeldig: {exc}")
