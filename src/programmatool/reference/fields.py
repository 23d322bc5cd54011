"""The field reference: every field of the contract model with a Dutch description and an
example, written out as ``docs/velden.md`` and used for the comments of ``programmatool new``.

Everything is read from the model itself: the types, allowed values, defaults and whether a
field is required, and the description and example each field carries in its ``Field``. A test
fails when a model field has no description or example, or when ``docs/velden.md`` differs from
what :func:`field_reference_markdown` generates (``make docs`` writes it).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from programmatool.model import contract as m
from programmatool.model.contract import field_description, model_description

#: Fields where the word ``onbekend`` (or ``n.t.b.``/``p.m.``) may stand for the value.
_WAARDE_ONBEKEND = "ja: `n.t.b.`, `p.m.` of `onbekend`"

#: The order of the models in the reference: the contract first, then as they are met.
_ROOT: type[BaseModel] = m.Contract


def models() -> list[type[BaseModel]]:
    """Every model of a contract, depth first from the contract, each once."""
    seen: list[type[BaseModel]] = []

    def visit(cls: type[BaseModel]) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for info in cls.model_fields.values():
            for sub in _models_in(info.annotation):
                visit(sub)

    visit(_ROOT)
    return seen


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [sub for arg in typing.get_args(annotation) for sub in _models_in(arg)]


def model_fields() -> list[str]:
    """Every "Model.field" of the contract, in reference order."""
    return [f"{cls.__name__}.{name}" for cls in models() for name in cls.model_fields]


def _literal_values(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is Literal:
        return list(typing.get_args(annotation))
    values: list[Any] = []
    for arg in typing.get_args(annotation):
        values.extend(_literal_values(arg))
    return values


def _type_words(annotation: Any, metadata: list[Any]) -> str:
    """The type in Dutch words, e.g. 'lijst van Inspanning', 'jaar → getal'."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        args = typing.get_args(annotation)
        return _type_words(args[0], list(args[1:]))
    if annotation is m.Jaar or _is(annotation, m.Jaar):
        return "jaar"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    if origin in (Union, types.UnionType):
        parts = [a for a in typing.get_args(annotation) if a is not type(None)]
        if all(typing.get_origin(a) is Literal for a in parts):
            return "keuze"
        words = [_type_words(a, []) for a in parts]
        if set(words) == {"geheel getal", "getal"}:
            return "getal"
        if words == ["geheel getal", "tekst"] and "Q[1-4]" in repr(metadata):
            return "jaar of kwartaal (`2020-Q3`)"
        if "getal" in words and "tekst" in words:
            return "getal of tekst"
        return " of ".join(dict.fromkeys(words))
    if origin is list:
        return f"lijst van {_type_words(typing.get_args(annotation)[0], [])}"
    if origin is dict:
        key, value = typing.get_args(annotation)
        return f"{_type_words(key, [])} → {_type_words(value, [])}"
    if origin is Literal:
        return "keuze"
    if annotation is bool:
        return "ja/nee (`true`/`false`)"
    if annotation is int:
        return "jaar" if "1900" in repr(metadata) else "geheel getal"
    if annotation is float:
        return "getal"
    if annotation is str:
        return "tekst"
    if annotation is dt.date:
        return "datum (`2019-06-11`)"
    return str(annotation)


def _is(annotation: Any, alias: Any) -> bool:
    return bool(annotation == alias)


def _field_type(cls: type[BaseModel], name: str, info: FieldInfo) -> str:
    raw = typing.get_type_hints(cls, include_extras=True)[name]
    words = _type_words(raw, [])
    if name in ("peilwaarde", "waarde", "vergelijking", "streefwaarde_zonder_jaar"):
        return "getal of tekst (een woord van de schaal)"
    if words.startswith("jaar → int | float | str") or "Waarde" in words:
        return "jaar → getal of tekst"
    return words.replace("int | float | str", "getal of tekst").replace("int | float", "getal")


def _unknown(cls: type[BaseModel], name: str) -> str:
    raw = typing.get_type_hints(cls, include_extras=True)[name]
    text = repr(raw)
    if "_allow_onbekend" in text or "_jaar_of_onbekend" in text or "_doelen_of_onbekend" in text:
        return "ja: `onbekend`"
    if "onbekend" in _literal_values(raw):
        return "ja: `onbekend`"
    if "_check_waarde" in text:
        return _WAARDE_ONBEKEND
    if cls is m.Indicator and name in ("doel", "eenheid"):
        return "ja: `onbekend`"
    if cls is m.Persoon and name == "naam":
        return "ja: `onbekend`"
    if cls is m.Periode and name in ("start", "eind"):
        return "ja: `onbekend`"
    return ""


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "verplicht"
    if info.default_factory is not None:
        return "–"
    if info.default is None:
        return "–"
    if isinstance(info.default, bool):
        return f"`{'true' if info.default else 'false'}`"
    return f"`{info.default}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def field_reference_markdown() -> str:
    """The whole field reference as Markdown (``docs/velden.md``)."""
    lines = [
        "# Alle velden van een programmacontract",
        "",
        "<!-- Gemaakt door `make docs` (programmatool.reference); niet met de hand bewerken. -->",
        "",
        "Elk veld met zijn type, de toegestane waarden, of `onbekend` (of `n.t.b.`/`p.m.` bij",
        "waarden) mag als de bron het niet zegt, de standaardwaarde en een voorbeeld. Een veld",
        "zonder standaardwaarde en zonder 'verplicht' mag wegblijven. De uitleg van het formaat",
        "staat in [contractformaat.md](contractformaat.md), de controles in",
        "[regels.md](regels.md).",
        "",
        "Inhoud: " + ", ".join(f"[{cls.__name__}](#{cls.__name__.lower()})" for cls in models()),
        "",
    ]
    for cls in models():
        lines += [f"## {cls.__name__}", "", model_description(cls), ""]
        lines += [
            "| veld | type | waarden | onbekend | standaard | betekenis | voorbeeld |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for name, info in cls.model_fields.items():
            description, example = field_description(cls, name)
            raw = typing.get_type_hints(cls, include_extras=True)[name]
            allowed = ", ".join(f"`{v}`" for v in _literal_values(raw))
            lines.append(
                f"| `{name}` | {_cell(_field_type(cls, name, info))} | {allowed} | "
                f"{_unknown(cls, name)} | {_default(info)} | {_cell(description)} | "
                f"`{name}: {_cell(example)}` |"
            )
        lines.append("")
    return "\n".join(lines)
