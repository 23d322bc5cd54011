"""The loader's Dutch messages: YAML syntax errors and Pydantic's validation errors, turned
into Dutch sentences at the right line and column."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from ..findings import Finding
from ..model import Contract
from ..suggest import did_you_mean
from .base import PathKey, SourceMap

OPENING_CONTEXTS = (
    "while scanning a quoted scalar",
    "while parsing a flow",
    "while scanning a simple key",
)

_SYNTAX = [
    (
        "found character '\\t'",
        "een tab mag niet gebruikt worden om in te springen; gebruik spaties",
    ),
    (
        "mapping values are not allowed here",
        "een dubbele punt staat hier niet op zijn plaats "
        "(inspringing klopt niet, of een tekst met ': ' moet tussen aanhalingstekens)",
    ),
    ("could not find expected ':'", "verwacht een dubbele punt na de sleutel"),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op (een aanhalingsteken of haakje is niet gesloten)",
    ),
    (
        "found '<stream end>'",
        "het bestand houdt onverwacht op (een lijst met [ of mapping met { is niet gesloten)",
    ),
    (
        "while parsing a flow node",
        "verwacht een waarde binnen [ ] of { } (is een haakje niet gesloten of staat er een "
        "komma te veel?)",
    ),
    ("expected ',' or ']'", "verwacht ',' of ']' (een lijst met [ is niet gesloten)"),
    ("expected ',' or '}'", "verwacht ',' of '}' (een mapping met { is niet gesloten)"),
    ("did not find expected key", "verwacht een sleutel op deze plaats (klopt de inspringing?)"),
    (
        "did not find expected '-' indicator",
        "verwacht een lijstelement '- ' (klopt de inspringing?)",
    ),
    (
        "expected <block end>, but found",
        "de inspringing klopt niet: dit element staat op een andere diepte dan de vorige",
    ),
    ("found undefined alias", "onbekend anker (alias)"),
    (
        "found unknown escape character",
        "onbekend escape-teken in een tekst tussen dubbele aanhalingstekens",
    ),
    (
        "found character that cannot start any token",
        "dit teken kan hier niet beginnen; zet de tekst tussen aanhalingstekens",
    ),
    ("found a tab character", "een tab mag hier niet staan; gebruik spaties"),
    ("while scanning a quoted scalar", "een tekst tussen aanhalingstekens is niet gesloten"),
    ("while scanning a simple key", "verwacht een dubbele punt na de sleutel"),
    ("found duplicate anchor", "anker komt dubbel voor"),
    ("control characters are not allowed", "het bestand bevat stuurtekens die YAML niet toestaat"),
    ("special characters are not allowed", "het bestand bevat tekens die YAML niet toestaat"),
]


def dutch_syntax(exc: Any) -> str:
    text = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    for needle, dutch in _SYNTAX:
        if needle in text:
            return f"ongeldige YAML: {dutch}"
    return "ongeldige YAML-syntaxis op deze plaats"


# --- pydantic errors → Dutch findings ---------------------------------------------------------

_TYPE_WORDS = {
    "int": "een geheel getal",
    "float": "een getal",
    "decimal": "een getal",
    "string": "tekst",
    "str": "tekst",
    "bool": "ja of nee (true of false)",
    "date": "een datum (JJJJ-MM-DD)",
    "datetime": "een datum (JJJJ-MM-DD)",
    "dict": "een mapping (sleutel: waarde)",
    "model": "een mapping (sleutel: waarde)",
    "model_attributes": "een mapping (sleutel: waarde)",
    "list": "een lijst",
}


def validation_findings(exc: ValidationError, name: str, source_map: SourceMap) -> list[Finding]:
    """Turn each Pydantic error into a Dutch finding at the right line and column."""
    findings = []
    for error in exc.errors(include_url=False):
        loc: PathKey = tuple(error["loc"])
        code, message, at_key = _translate(error, loc)
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
            at_key = True
            loc = (*loc[:-1], _original_key(source_map, loc))
        position = source_map.locate_key(loc) if at_key else source_map.locate(loc)
        findings.append(Finding(name, position[0], position[1], code, "fout", message))
    return findings


def _original_key(source_map: SourceMap, loc: PathKey) -> Any:
    # Pydantic reports dict keys as strings; find the key as it stood in the document.
    for key in source_map.keys:
        if key[:-1] == loc[:-1] and str(key[-1]) == str(loc[-1]):
            return key[-1]
    return loc[-1]


def _translate(error: Any, loc: PathKey) -> tuple[str, str, bool]:
    kind: str = error["type"]
    found = _found(error.get("input"))
    ctx = error.get("ctx") or {}
    name = _field_name(loc)
    if kind == "missing":
        return "PT010", f"verplicht veld '{loc[-1]}' ontbreekt", False
    if kind == "extra_forbidden":
        unknown = str(loc[-1])
        hint = did_you_mean(unknown, _known_fields(loc[:-1]))
        return "PT011", f"onbekend veld '{unknown}'{hint}", True
    if loc and loc[-1] == "[key]":
        return (
            "PT012",
            f"een jaartal als sleutel moet een geheel getal zijn zonder aanhalingstekens, "
            f"gevonden {found}",
            True,
        )
    if kind.startswith("pt_"):
        return "PT012", str(error["msg"]), False
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return "PT013", f"{name}: waarde {found} is niet toegestaan; kies uit {expected}", False
    if kind == "string_pattern_mismatch":
        return "PT014", f"{name}: {found} {_pattern_hint(loc)}", False
    if kind in ("string_too_short", "too_short"):
        if kind == "too_short":
            return "PT014", f"{name}: moet ten minste één element bevatten", False
        return "PT014", f"{name}: mag niet leeg zijn", False
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(ctx.values()), "")
        words = {
            "greater_than_equal": "ten minste",
            "greater_than": "groter dan",
            "less_than_equal": "ten hoogste",
            "less_than": "kleiner dan",
        }[kind]
        return "PT014", f"{name}: {found} moet {words} {bound} zijn", False
    for suffix in ("_type", "_parsing", "_from_datetime_inexact", "_from_datetime_parsing"):
        if kind.endswith(suffix):
            base = kind[: -len(suffix)]
            expected = _TYPE_WORDS.get(base, base)
            return "PT012", f"{name}: verwacht {expected}, gevonden {found}", False
    if kind in ("int_from_float", "float_finite_number"):
        return "PT012", f"{name}: verwacht een geheel getal, gevonden {found}", False
    return "PT019", f"{name}: ongeldige waarde {found}", False


def _field_name(loc: PathKey) -> str:
    names = [str(p) for p in loc if isinstance(p, str) and p != "[key]"]
    return names[-1] if names else "contract"


def _pattern_hint(loc: PathKey) -> str:
    last = _field_name(loc)
    if last in ("code", "programma"):
        return (
            "is geen geldige programmacode (kleine letters, cijfers en '-', "
            "bijvoorbeeld 'duurzaamheid')"
        )
    if last == "email":
        return "is geen geldig e-mailadres"
    return (
        "is geen geldige id (letters, cijfers, '.', '_' of '-', zonder spaties, "
        "hoogstens 40 tekens)"
    )


def _found(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "een mapping"
    if isinstance(value, list):
        return "een lijst"
    return str(value)


def _known_fields(loc: PathKey) -> list[str]:
    model = _model_at(loc)
    return list(model.model_fields) if model is not None else []


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    current: type[BaseModel] | None = Contract
    for part in loc:
        if current is None:
            return None
        if not isinstance(part, str) or part not in current.model_fields:
            continue
        annotation = current.model_fields[part].annotation
        current = next(_models_in(annotation), None)
    return current


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list, dict, typing.Annotated) or origin is not None:
        for arg in typing.get_args(annotation):
            yield from _models_in(arg)
