"""Every text and every figure a contract holds reaches its HTML and its Markdown document.

The contract model is walked generically (every field of every Pydantic model, recursively), so a
field added to the model and forgotten in the templates makes these tests fail: its values are
missing from the documents, and if no contract under test uses the field at all, the coverage
test below names it. Values are compared on their words, normalised for formatting: Dutch number
notation, HTML and Markdown escaping and markup, whitespace.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import typing
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from programmatool.loading import load_contract
from programmatool.model.contract import Contract, Indicator, Inspanning
from programmatool.pipeline.render import render_contract
from programmatool.text import formatting as fmt

from .conftest import PROGRAMMAS, ROOT


def _contract_files() -> list[Path]:
    """Every contract in programmas/ and every test fixture that loads as a contract."""
    files = sorted(PROGRAMMAS.glob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
    return [p for p in files if _load(p) is not None]


@functools.cache
def _load(path: Path) -> Contract | None:
    return load_contract(path).contract


CONTRACTS = _contract_files()


def _ids(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --- normalisation ----------------------------------------------------------------------------


class _Text(HTMLParser):
    """The text of an HTML document as a reader sees it (no style sheet)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(document: str) -> str:
    parser = _Text()
    parser.feed(document)
    parser.close()
    return "".join(parser.parts)


@functools.cache
def _md() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_text(source: str) -> str:
    """Markdown as the text a viewer shows: escapes resolved, markup gone."""
    return html_text(_md().render(source))


def words(text: str) -> str:
    """The words of a text, lower case, separated by single spaces, with room at both ends."""
    return " " + " ".join(re.findall(r"\w+", html.unescape(text).lower())) + " "


# --- walking the model ------------------------------------------------------------------------


def leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every scalar the contract gives (defaults it leaves out are not its text), with its path;
    keys of a mapping count as values."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            # A yes/no or a choice is shown in words of the document's own; flipping it is the
            # test for those (below).
            if name in value.model_fields_set and _choices(type(value), name) is None:
                if _author_id(value, name):
                    continue
                yield from leaves(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(key, f"{path}<{key}>")
            yield from leaves(item, f"{path}[{key}]")
    elif value is not None:
        yield path, value


def _author_id(model: BaseModel, name: str) -> bool:
    """An indicator's or effort's id, and the lists that refer to efforts by it, are the
    author's handles, no text of the contract: a document names them by their name or title
    (test_plain_words checks that no such id is printed)."""
    if name == "id":
        return isinstance(model, Indicator | Inspanning)
    return name == "inspanningen" and not isinstance(model, Contract)


def spellings(value: Any) -> list[str]:
    """The ways a document may write a value, normalised to words; empty: not checkable."""
    if isinstance(value, dt.date):
        return [words(fmt.datum(value))]
    if isinstance(value, int | float):
        forms = {str(value), fmt.getal(value), fmt.getal(value, 2)}
        return [words(f) for f in forms]
    if isinstance(value, str):
        text = words(markdown_text(value))
        return [text] if text.strip() else []
    raise AssertionError(f"unexpected leaf type {type(value).__name__}: {value!r}")


def missing(contract: Contract, document: str) -> list[str]:
    """Paths of the values of ``contract`` that ``document`` (normalised words) lacks."""
    absent = []
    for path, value in leaves(contract, "contract"):
        forms = spellings(value)
        if forms and not any(form in document for form in forms):
            absent.append(f"{path} = {value!r}")
    return absent


@functools.cache
def _rendered(path: Path, formaat: str) -> str:
    contract = _load(path)
    assert contract is not None
    text = render_contract(contract, path.name, formaat)
    # A note the tool places right after a sentence that points to a missing figure (notes.py)
    # is no text of the contract; it may stand between two of its sentences.
    text = re.sub(r' <span class="noot" role="note">\[Noot: .*?\]</span>', "", text)
    text = re.sub(r" \*\\\[Noot: .*?\\\]\*", "", text)
    return words(html_text(text) if formaat == "html" else markdown_text(text))


@pytest.mark.parametrize("formaat", ["html", "md"])
@pytest.mark.parametrize("path", CONTRACTS, ids=_ids)
def test_every_text_and_figure_reaches_the_document(path: Path, formaat: str) -> None:
    contract = _load(path)
    assert contract is not None
    absent = missing(contract, _rendered(path, formaat))
    assert not absent, f"{len(absent)} values missing from the {formaat} document:\n" + "\n".join(
        absent[:40]
    )


# --- yes/no and choice fields: flipping one changes the document ------------------------------


def _choices(model: type[BaseModel], name: str) -> list[Any] | None:
    """The possible values of a yes/no or choice field, or None for any other field."""
    annotation = model.model_fields[name].annotation
    options: list[Any] = []
    arms = (
        typing.get_args(annotation) if typing.get_origin(annotation) is not typing.Literal else ()
    )
    for arm in arms or (annotation,):
        if arm is bool:
            options += [True, False]
        elif typing.get_origin(arm) is typing.Literal:
            options += list(typing.get_args(arm))
        elif arm is type(None):
            continue
        else:
            return None
    return options or None


def _instances(value: Any, path: str) -> Iterator[tuple[str, BaseModel]]:
    if isinstance(value, BaseModel):
        yield path, value
        for name in type(value).model_fields:
            yield from _instances(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _instances(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _instances(item, f"{path}[{key}]")


def _flip_cases() -> list[tuple[Path, str, str, Any]]:
    """For every yes/no or choice field: the first contract and place where it is set."""
    cases: dict[tuple[str, str], tuple[Path, str, str, Any]] = {}
    for path in CONTRACTS:
        contract = _load(path)
        assert contract is not None
        for where, instance in _instances(contract, "contract"):
            model = type(instance)
            for name in model.model_fields:
                options = _choices(model, name)
                if options is None or (model.__name__, name) in cases:
                    continue
                current = getattr(instance, name)
                if current is None or name not in instance.model_fields_set:
                    continue
                other = next(o for o in options if o != current)
                cases[(model.__name__, name)] = (path, f"{where}.{name}", name, other)
    return sorted(cases.values(), key=lambda case: case[1])


def _set(contract: Contract, where: str, value: Any) -> Contract:
    copy = contract.model_copy(deep=True)
    steps = re.findall(r"\.(\w+)|\[([^\]]+)\]", where.removeprefix("contract"))
    target: Any = copy
    for attr, index in steps[:-1]:
        if attr:
            target = getattr(target, attr)
        elif isinstance(target, list):
            target = target[int(index)]
        else:
            target = target[int(index)]
    setattr(target, steps[-1][0], value)
    return copy


@pytest.mark.parametrize(
    ("path", "where", "name", "other"),
    _flip_cases(),
    ids=lambda v: v if isinstance(v, str) and v.startswith("contract") else "",
)
def test_every_yes_no_and_choice_field_shows_in_the_document(
    path: Path, where: str, name: str, other: Any
) -> None:
    contract = _load(path)
    assert contract is not None
    changed = _set(contract, where, other)
    for formaat in ("html", "md"):
        before = render_contract(contract, path.name, formaat)
        after = render_contract(changed, path.name, formaat)
        assert before != after, f"{where} = {other!r} does not change the {formaat} document"


# --- coverage: every field of the model is used by some contract under test -------------------


def _model_fields(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[tuple[str, str]]:
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        yield model.__name__, name
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                yield from _model_fields(annotation, seen)
            else:
                stack.extend(typing.get_args(annotation))


def test_every_field_of_the_model_is_used_by_a_contract_under_test() -> None:
    """Otherwise the tests above could not notice that a field is missing from the documents."""
    used: set[tuple[str, str]] = set()
    for path in CONTRACTS:
        contract = _load(path)
        assert contract is not None
        for _where, instance in _instances(contract, "contract"):
            for name in instance.model_fields_set:
                if getattr(instance, name) not in (None, [], {}):
                    used.add((type(instance).__name__, name))
    fields = list(_model_fields(Contract, set()))
    unused = [f"{model}.{name}" for model, name in fields if (model, name) not in used]
    assert not unused, (
        "no contract under test sets these fields; "
        "add them to tests/fixtures/render/volledig.yaml: " + ", ".join(unused)
    )
