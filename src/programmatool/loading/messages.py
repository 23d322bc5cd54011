"""The loader's Dutch messages: YAML syntax errors and Pydantic's validation errors, turned
into Dutch sentences at the right line and column."""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from programmatool.loading.base import PathKey, SourceMap
from programmatool.model.contract import Contract
from programmatool.model.findings import Finding
from programmatool.text.suggest import did_you_mean

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
    "date": "een datum zoals 2019-06-11",
    "datetime": "een datum zoals 2019-06-11",
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
    value = error.get("input")
    found = _found(value)
    ctx = error.get("ctx") or {}
    name = _field_label(loc)
    if kind == "missing":
        return "PT010", f"verplicht veld '{loc[-1]}' ontbreekt", False
    if kind == "extra_forbidden":
        unknown = str(loc[-1])
        hint = did_you_mean(unknown, _known_fields(loc[:-1]))
        return "PT011", f"onbekend veld '{unknown}'{hint}", True
    if loc and loc[-1] == "[key]":
        owner = _field_label(loc[:-2])
        if isinstance(value, int) and not isinstance(value, bool):
            return "PT012", f"{owner}: een jaartal ligt tussen 1900 en 2200, gevonden {found}", True
        return (
            "PT012",
            f"{owner}: een jaartal als sleutel is een geheel getal zonder aanhalingstekens "
            f"(2019:), gevonden {found}",
            True,
        )
    if kind == "pt_ontbreekt":
        return "PT010", str(error["msg"]), False
    if kind.startswith("pt_"):
        return "PT012", f"{name}: {error['msg']}", False
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return "PT013", f"{name}: waarde {found} is niet toegestaan; kies uit {expected}", False
    if kind == "string_pattern_mismatch":
        return "PT014", f"{name}: {found} {_pattern_hint(loc)}", False
    if kind in ("string_too_short", "too_short"):
        if kind == "too_short":
            return (
                "PT014",
                f"{name}: de lijst is leeg; noem er ten minste één{_empty_hint(loc)}",
                False,
            )
        return "PT014", f"{name}: mag niet leeg zijn", False
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(ctx.values()), "")
        if _is_year(loc):
            return "PT014", f"{name}: een jaartal ligt tussen 1900 en 2200, gevonden {found}", False
        words = {
            "greater_than_equal": "ten minste",
            "greater_than": "groter dan",
            "less_than_equal": "ten hoogste",
            "less_than": "kleiner dan",
        }[kind]
        return "PT014", f"{name}: {found} moet {words} {bound} zijn", False
    # Longest suffix first: 'date_from_datetime_parsing' is a date, not 'date_from_datetime'.
    for suffix in ("_from_datetime_inexact", "_from_datetime_parsing", "_type", "_parsing"):
        if kind.endswith(suffix):
            base = kind[: -len(suffix)]
            expected = _TYPE_WORDS.get(base, "een waarde van een andere soort")
            if base == "int" and _is_year(loc):
                expected = _year_words(loc)
            if base == "dict":
                expected = "per jaar een waarde, zoals {2019: 8, 2020: 12}"
            if base in ("model", "model_attributes") and _field_name(loc) in _MAPPING_WORDS:
                expected = _MAPPING_WORDS[_field_name(loc)]
            return (
                "PT012",
                f"{name}: verwacht {expected}, gevonden {found}{_hint(base, loc, value)}",
                False,
            )
    if kind in ("int_from_float", "float_finite_number"):
        expected = _year_words(loc) if _is_year(loc) else "een geheel getal"
        return "PT012", f"{name}: verwacht {expected}, gevonden {found}", False
    return "PT019", f"{name}: ongeldige waarde {found}", False


def _field_label(loc: PathKey) -> str:
    """The place of an error as a reader knows it: the quoted field, with the year of a
    per-year mapping it sits in: ``veld 'totalen', jaar 2019``."""
    names = [(i, p) for i, p in enumerate(loc) if isinstance(p, str) and p != "[key]"]
    if not names:
        return "het contract"
    at, field = names[-1]
    label = f"veld '{field}'"
    rest = loc[at + 1 :]
    if rest and _year_key(loc, at + 1):
        return f"{label}, jaar {rest[0]}"
    if len(rest) == 1 and isinstance(rest[0], int):
        return f"{label}, nummer {rest[0] + 1}"
    if at >= 2 and _year_key(loc, at - 1):
        return f"{label} bij '{loc[at - 2]}', jaar {loc[at - 1]}"
    return label


def _year_key(loc: PathKey, index: int) -> bool:
    """Whether ``loc[index]`` is a year: a key of a per-year field (all mappings in a contract
    are per year), not the position in a list."""
    part = loc[index]
    if not isinstance(part, int) or isinstance(part, bool) or index == 0:
        return False
    return "dict[" in _field_repr(loc[:index])


def _field_repr(loc: PathKey) -> str:
    names = [p for p in loc if isinstance(p, str)]
    if not names or not isinstance(loc[-1], str):
        return ""
    model = _model_at(loc[:-1])
    info = model.model_fields.get(names[-1]) if model is not None else None
    return repr(info.annotation) + repr(info.metadata) if info is not None else ""


def _is_year(loc: PathKey) -> bool:
    """Whether the value at ``loc`` is a calendar year (a field of type Jaar)."""
    return "ge=1900" in _field_repr(loc)


def _year_words(loc: PathKey) -> str:
    """'een jaartal zoals 2019', with the unknown where the field allows it."""
    if "_jaar_of_onbekend" in _field_repr(loc):
        return "een jaartal zoals 2019, of 'onbekend'"
    return "een jaartal zoals 2019"


def _hint(base: str, loc: PathKey, value: Any) -> str:
    """What to write instead, where the mistake is a common one."""
    field = _field_name(loc)
    if base == "list" and isinstance(value, str | int | float) and not isinstance(value, bool):
        if field == "bestuurlijk_opdrachtgevers":
            return "; schrijf elke persoon als '- naam: …' op een eigen regel, of 'onbekend'"
        return f"; schrijf [{value}]"
    if base == "int" and isinstance(value, str) and value.strip().isdigit():
        return f"; schrijf {value.strip()} zonder aanhalingstekens"
    persoon = field in ("ambtelijk_opdrachtgever", "programmamanager")
    if base in ("model", "model_attributes") and isinstance(value, str) and persoon:
        return f"; schrijf 'naam: {value}' op de regel eronder (ingesprongen), of 'onbekend'"
    return ""


#: What a field holds, in words, where a mapping may also be written shorter.
_MAPPING_WORDS = {
    "uren_per_week": "een aantal uren (36) of een bereik ({van: 24, tot: 32})",
    "uren_totaal": "een aantal uren (36) of een bereik ({van: 24, tot: 32})",
    "uren": "een aantal uren (36) of een bereik ({van: 24, tot: 32})",
    "realisaties": "een waarde (2019: 9) of een meting ({waarde: 9, bron: …})",
    "periode": "een periode zoals {start: 2019, eind: 2022}, of 'onbekend'",
}


def _empty_hint(loc: PathKey) -> str:
    if _field_name(loc) == "bestuurlijk_opdrachtgevers":
        return " (of schrijf 'bestuurlijk_opdrachtgevers: onbekend' als de bron niemand noemt)"
    return ""


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
    if isinstance(value, float) and math.isnan(value):
        return "'.nan' (geen getal)"
    if isinstance(value, float) and math.isinf(value):
        return "'.inf' (oneindig)"
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
