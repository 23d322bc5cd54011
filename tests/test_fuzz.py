"""Property-based tests: valid contracts generated from the model, then broken on purpose.

Whatever the mutation, ``check`` never raises, exits with 0, 1 or 2, and every finding it reports
points at a line inside the file.
"""

from __future__ import annotations

import contextlib
import copy
import io
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from programmatool.cli.app import main
from programmatool.loading import load_text

_FINDING = re.compile(r"^.+?:(\d+):(\d+): (fout|waarschuwing) PT\d{3} ", re.MULTILINE)

ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")
years = st.integers(min_value=2015, max_value=2030)
amounts = st.integers(min_value=0, max_value=10_000_000)


@st.composite
def contracts(draw: st.DrawFn) -> dict[str, Any]:
    """A contract that the model accepts, with goals, efforts, indicators and a budget."""
    start = draw(st.integers(min_value=2017, max_value=2022))
    end = start + draw(st.integers(min_value=0, max_value=9))
    goal_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    operational = [f"{g}-o" for g in goal_ids]
    period = list(range(start, end + 1))
    contract: dict[str, Any] = {
        "programma": draw(words),
        "code": draw(ids),
        "gemeente": draw(words),
        "status": draw(st.sampled_from(["concept", "vastgesteld", "gewijzigd"])),
        "periode": {"start": start, "eind": end},
        "rollen": {"bestuurlijk_opdrachtgevers": [{"naam": draw(words)}]},
        "strategische_doelen": [
            {
                "id": g,
                "titel": draw(words),
                "operationele_doelen": [{"id": o, "titel": draw(words)}],
            }
            for g, o in zip(goal_ids, operational, strict=True)
        ],
        "inspanningen": [
            {
                "id": f"ins-{i}",
                "titel": draw(words),
                "doelen": draw(st.lists(st.sampled_from(operational), min_size=1, max_size=3)),
                "rol": draw(st.sampled_from(["regie", "afstemming", "faciliterend"])),
            }
            for i in range(draw(st.integers(min_value=1, max_value=6)))
        ],
        "indicatoren": [
            {
                "id": f"ind-{i}",
                "naam": draw(words),
                "doel": draw(st.sampled_from(operational)),
                "richting": draw(st.sampled_from(["hoger", "lager"])),
                "peilwaarde": draw(amounts),
                "peiljaar": start - 1,
                "streefwaarden": {y: draw(amounts) for y in period},
                "realisaties": {
                    y: draw(amounts) for y in period[: draw(st.integers(0, len(period)))]
                },
                "bron": draw(words),
            }
            for i in range(draw(st.integers(min_value=0, max_value=4)))
        ],
        "middelen": {
            "begrotingen": [
                {
                    "titel": draw(words),
                    "regels": [
                        {
                            "omschrijving": draw(words),
                            "bedragen": {y: draw(amounts) for y in period},
                        }
                        for _ in range(draw(st.integers(min_value=1, max_value=4)))
                    ],
                    "totalen": {y: draw(amounts) for y in period},
                }
            ]
        },
    }
    return contract


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*prefix, index)))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A generated contract with one to three mutations of the kinds users make."""
    data = copy.deepcopy(draw(contracts()))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        key = path[-1]
        kind = draw(st.sampled_from(["drop", "type", "duplicate-id", "break-ref", "unknown-key"]))
        if kind == "drop" and isinstance(parent, dict):
            del parent[key]
        elif kind == "type":
            parent[key] = draw(
                st.one_of(
                    st.none(),
                    st.booleans(),
                    st.integers(min_value=-(10**20), max_value=10**20),
                    st.floats(allow_nan=True, allow_infinity=True),
                    words,
                    st.just([]),
                    st.just({}),
                    st.just("2019"),
                )
            )
        elif kind == "duplicate-id" and _efforts(data):
            data["inspanningen"].append(copy.deepcopy(data["inspanningen"][0]))
        elif kind == "break-ref" and _efforts(data) and isinstance(data["inspanningen"][0], dict):
            data["inspanningen"][0]["doelen"] = ["bestaat-niet"]
        elif kind == "unknown-key" and isinstance(parent, dict):
            parent[draw(words)] = draw(words)
    return data


def _efforts(data: Any) -> bool:
    # An earlier mutation may have replaced the list (or the whole document) by a scalar.
    return (
        isinstance(data, dict)
        and isinstance(data.get("inspanningen"), list)
        and bool(data["inspanningen"])
    )


def _dump(data: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _check_text(text: str) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contract.yaml"
        path.write_text(text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", str(path)])
        assert path.read_text(encoding="utf-8") == text, "check changed the file"
    return code, out.getvalue() + err.getvalue()


def _assert_sane(text: str, code: int, output: str) -> None:
    assert code in (0, 1, 2), output
    assert "Traceback" not in output
    assert "interne fout" not in output, output
    n_lines = text.count("\n") + 1
    for match in _FINDING.finditer(output):
        assert 1 <= int(match.group(1)) <= n_lines, (match.group(0), text)


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(contracts())
def test_generated_contracts_are_valid(data: dict[str, Any]) -> None:
    result = load_text(_dump(data), "c.yaml")
    assert result.ok, [f.as_text() for f in result.findings]


@FUZZ
@given(mutated())
def test_mutated_contracts_never_crash(data: dict[str, Any]) -> None:
    text = _dump(data)
    code, output = _check_text(text)
    _assert_sane(text, code, output)


@FUZZ
@given(contracts(), st.data())
def test_damaged_text_never_crashes(data: dict[str, Any], draw: st.DataObject) -> None:
    text = _dump(data)
    position = draw.draw(st.integers(min_value=0, max_value=len(text)))
    cut = draw.draw(st.integers(min_value=0, max_value=20))
    insert = draw.draw(st.text(alphabet="\t :-[]{}&*!|>'\"#%@`,?\n\\", max_size=5))
    damaged = text[:position] + insert + text[position + cut :]
    code, output = _check_text(damaged)
    _assert_sane(damaged, code, output)
