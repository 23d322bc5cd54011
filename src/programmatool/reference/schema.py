"""The JSON Schema of a contract, for editors (yaml-language-server) and other tools."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from programmatool.model.contract import MAX_GETAL, Contract, Indicator

SCHEMA_ID = "https://programmatool.nl/schema/programmacontract.json"


def contract_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a programme contract."""
    schema = Contract.model_json_schema(mode="validation")
    defs = schema["$defs"]
    # Editors show the Dutch descriptions of the model while typing. The examples are lines of
    # YAML for the field reference and ``programmatool new``, not JSON values: left out here.
    _drop_examples(schema)
    # Shorthands the loader accepts: ``2019: 12`` for a realisation, ``36`` for hours.
    for name in ("Realisatie", "Uren"):
        model = defs[name]
        defs[name] = {
            "title": model.get("title", name),
            "anyOf": [{k: v for k, v in model.items() if k != "title"}, {"type": "number"}]
            + ([{"type": "string", "minLength": 1}] if name == "Realisatie" else []),
        }
    # ``periode: onbekend`` is short for both years unknown, as in the model.
    periode = defs["Periode"]
    defs["Periode"] = {
        "description": periode.get("description", ""),
        "anyOf": [{k: v for k, v in periode.items() if k != "description"}, {"const": "onbekend"}],
    }
    _year_keys(schema)
    _tighten(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "Programmacontract",
    }


#: A year as a key (``2019:``); the loader also refuses ``2019.0:`` and ``twintig:``. A quoted
#: ``"2019":`` is the same JSON key as ``2019:``, so only the loader can refuse that one.
YEAR_KEY = {"pattern": "^[0-9]{4}$"}
#: A measurement's key: a year, or a quarter or month (``2020-Q4``, ``2020-11``; model/periods).
MEASUREMENT_KEY = {"pattern": "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"}
_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _year_keys(schema: dict[str, Any]) -> None:
    """Give every per-year field (``dict[Jaar, …]`` in the model) the key pattern of a year."""
    from programmatool.reference.fields import models

    for cls in models():
        target = schema if cls is Contract else schema["$defs"].get(cls.__name__)
        properties = (target or {}).get("properties", {})
        for name, info in cls.model_fields.items():
            prop = properties.get(info.alias or name)
            if prop is not None and _is_year_dict(info.annotation):
                for branch in [prop, *prop.get("anyOf", [])]:
                    if branch.get("type") == "object":
                        periods = cls is Indicator and name == "realisaties"
                        branch["propertyNames"] = MEASUREMENT_KEY if periods else YEAR_KEY


def _is_year_dict(annotation: Any) -> bool:
    if typing.get_origin(annotation) is dict:
        key = typing.get_args(annotation)[0]
        if typing.get_origin(key) is typing.Annotated:
            key = typing.get_args(key)[0]
        return key is int
    return any(_is_year_dict(arg) for arg in typing.get_args(annotation))


def _tighten(node: Any) -> None:
    """What the loader checks and JSON Schema can say too: finite numbers within the model's
    bounds, dates written as ``2019-06-11``; and no titles Pydantic made up from field names
    ("Vastgesteld Op"): editors show the Dutch description instead."""
    if isinstance(node, list):
        for item in node:
            _tighten(item)
        return
    if not isinstance(node, dict):
        return
    bounds = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
    if node.get("type") in ("number", "integer") and not any(b in node for b in bounds):
        node["minimum"], node["maximum"] = -MAX_GETAL, MAX_GETAL
    if node.get("type") == "string" and node.get("format") == "date":
        node["pattern"] = _DATE
    for key, value in node.items():
        if key == "properties":
            for name, prop in value.items():
                if isinstance(prop, dict) and prop.get("title") == _automatic_title(name):
                    del prop["title"]
                _tighten(prop)
        else:
            _tighten(value)


def _automatic_title(name: str) -> str:
    return name.replace("_", " ").title()


def _drop_examples(schema: Any) -> None:
    """Remove every ``examples`` keyword (never a property named so) from a schema in place."""
    if isinstance(schema, list):
        for item in schema:
            _drop_examples(item)
    elif isinstance(schema, dict):
        schema.pop("examples", None)
        for key, value in schema.items():
            if key == "properties":
                for prop in value.values():
                    _drop_examples(prop)
            else:
                _drop_examples(value)


def contract_schema_json() -> str:
    """The schema as stable, indented JSON text ending in a newline."""
    return json.dumps(contract_schema(), indent=2, ensure_ascii=False) + "\n"


#: Where the schema lives in the repository: the contracts' modeline points here.
SCHEMA_FILE = "programmacontract.schema.json"


def write_schema(root: str = ".") -> None:
    """Write the schema to ``programmacontract.schema.json`` under ``root`` (``make docs``)."""
    from pathlib import Path

    from programmatool.pipeline.writing import write_atomic

    write_atomic(Path(root) / SCHEMA_FILE, contract_schema_json().encode("utf-8"))


def schema_reference(target: Path) -> str:
    """The editor schema for a new contract at ``target``: the repository's
    programmacontract.schema.json as a path from the contract's folder, found by looking up
    from that folder to the top of the repository; its bare name when there is none."""
    import os

    folder = target.parent.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_FILE).is_file():
            return Path(os.path.relpath(candidate / SCHEMA_FILE, folder)).as_posix()
        if (candidate / ".git").exists():
            break
    return SCHEMA_FILE
