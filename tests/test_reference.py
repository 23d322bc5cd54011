"""The field reference in docs/ is generated from the model and every example is valid."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from programmatool.loading import SourceMap, parse_yaml
from programmatool.model.contract import field_description, model_description
from programmatool.reference.fields import field_reference_markdown, model_fields, models

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "velden.md"


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
