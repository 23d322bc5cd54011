"""The JSON Schema of a contract, for editors (yaml-language-server) and other tools."""

from __future__ import annotations

import json
from typing import Any

from programmatool.model.contract import Contract

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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "Programmacontract",
    }


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
