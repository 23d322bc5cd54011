"""From a file to a Contract, keeping the line and column of every node.

The YAML is read event by event (no recursion, so deep nesting cannot crash the reader), with
limits on size, depth and alias expansion. Every problem becomes a Finding with a Dutch message
and a position; the loader never raises for bad input.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import io
import stat
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from .findings import Finding
from .model import Contract

PathKey = tuple[str | int, ...]
Position = tuple[int, int]

_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}


@dataclass(frozen=True)
class Limits:
    """Protections against hostile input; each can be raised for exceptional files."""

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 100
    max_nodes: int = 500_000


DEFAULT_LIMITS = Limits()


@dataclass
class SourceMap:
    """Where each node of the document stands: path in the document → (line, column), 1-based."""

    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)

    def locate(self, path: Iterable[str | int]) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor that exists."""
        key = tuple(path)
        while key:
            if key in self.values:
                return self.values[key]
            key = key[:-1]
        return self.values.get((), (1, 1))

    def locate_key(self, path: Iterable[str | int]) -> Position:
        """Position of the key that holds ``path``; falls back to the value's position."""
        key = tuple(path)
        if key in self.keys:
            return self.keys[key]
        return self.locate(key)


@dataclass
class LoadResult:
    """The outcome of loading one file: the contract if it is valid, and every finding."""

    path: str
    contract: Contract | None
    findings: list[Finding]
    source_map: SourceMap
    data: Any = None

    @property
    def ok(self) -> bool:
        """True when the file loaded without errors."""
        return self.contract is not None


class _YamlProblem(Exception):
    def __init__(self, code: str, message: str, position: Position) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position


# --- public entry points ----------------------------------------------------------------------


def load_contract(
    path: str | Path, name: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> LoadResult:
    """Load and validate one contract file (``name`` is how findings show it; default the
    path); never raises for bad content."""
    name = name if name is not None else Path(path).as_posix()
    raw = read_contract_bytes(path, name, limits)
    if isinstance(raw, LoadResult):
        return raw
    return load_bytes(raw, name, limits)


def read_contract_bytes(path: str | Path, name: str, limits: Limits) -> bytes | LoadResult:
    """The bytes of a contract file, or a failed LoadResult saying why it cannot be read."""
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO or a device could block forever; only plain files are read.
            return _failed(
                name, "PT009", "is geen gewoon bestand (maar een map, pijp of apparaat)", (1, 1)
            )
        if info.st_size > limits.max_bytes:
            return _failed(
                name,
                "PT008",
                f"bestand is te groot ({info.st_size} bytes; maximaal {limits.max_bytes} bytes)",
                (1, 1),
            )
        with open(path, "rb") as handle:
            return handle.read(limits.max_bytes + 1)
    except OSError as exc:
        from .oserrors import reden

        return _failed(name, "PT009", f"bestand kan niet gelezen worden: {reden(exc)}", (1, 1))


def load_bytes(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    """Load a contract from bytes (UTF-8, optionally with a byte-order mark)."""
    if len(raw) > limits.max_bytes:
        return _failed(
            name,
            "PT008",
            f"bestand is te groot (meer dan {limits.max_bytes} bytes)",
            (1, 1),
        )
    try:
        text = decode(raw)
    except _YamlProblem as problem:
        return _failed(name, problem.code, problem.message, problem.position)
    return load_text(text, name, limits)


def load_text(text: str, name: str, limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    """Load a contract from YAML text."""
    source_map = SourceMap()
    problems: list[_YamlProblem] = []
    try:
        data = parse_yaml(text, source_map, limits, problems)
    except _YamlProblem as problem:
        problems.append(problem)
        return LoadResult(name, None, _problem_findings(name, problems), source_map)
    findings = _problem_findings(name, problems)
    if not isinstance(data, dict):
        kind = "een lijst" if isinstance(data, list) else "een losse waarde"
        findings.append(
            Finding(
                name,
                *source_map.locate(()),
                "PT005",
                "fout",
                f"een programmacontract moet een mapping (sleutel: waarde) zijn, gevonden {kind}",
            )
        )
        return LoadResult(name, None, findings, source_map, data)
    try:
        contract = Contract.model_validate(data)
    except ValidationError as exc:
        findings.extend(validation_findings(exc, name, source_map))
        return LoadResult(name, None, findings, source_map, data)
    if findings:
        return LoadResult(name, None, findings, source_map, data)
    return LoadResult(name, contract, findings, source_map, data)


def _problem_findings(name: str, problems: list[_YamlProblem]) -> list[Finding]:
    return [
        Finding(name, p.position[0], p.position[1], p.code, "fout", p.message) for p in problems
    ]


def _failed(
    name: str,
    code: str,
    message: str,
    position: Position,
    source_map: SourceMap | None = None,
) -> LoadResult:
    finding = Finding(name, position[0], position[1], code, "fout", message)
    return LoadResult(name, None, [finding], source_map or SourceMap())


# --- bytes → text -----------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 text from bytes; a clear problem for UTF-16, binary data or other encodings."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _YamlProblem(
            "PT003",
            "bestand is opgeslagen als UTF-16; sla het op als UTF-8",
            (1, 1),
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise _YamlProblem(
            "PT003",
            "bestand bevat binaire gegevens (een NUL-byte); een contract is tekst in UTF-8",
            _byte_position(raw, nul),
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = raw[exc.start]
        raise _YamlProblem(
            "PT003",
            f"bestand is geen geldige UTF-8 (byte 0x{byte:02X}); "
            "sla het op als UTF-8 (bijvoorbeeld niet als Latin-1 of Windows-1252)",
            _byte_position(raw, exc.start),
        ) from None


def _byte_position(raw: bytes, offset: int) -> Position:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, len(raw[start:offset].decode("utf-8", errors="replace")) + 1


# --- text → plain data with positions ---------------------------------------------------------


def parse_yaml(
    text: str,
    source_map: SourceMap,
    limits: Limits = DEFAULT_LIMITS,
    problems: list[_YamlProblem] | None = None,
) -> Any:
    """Parse YAML 1.2 text into dicts, lists and scalars, filling ``source_map``.

    The C-based parser (libyaml, through ruamel.yaml.clib) reads the events when it is
    installed; on any problem the text is read again by ruamel.yaml's own parser, whose
    messages and positions are the ones the user sees. Both feed the same builder, so the
    result is the same.
    """
    if _c_parser() is not None:
        fast_map = SourceMap()
        fast_problems: list[_YamlProblem] = []
        try:
            data = _build(text, fast_map, limits, fast_problems, fast=True)
        except Exception:
            pass  # any trouble at all: the pure parser below gives the real answer
        else:
            if not fast_problems:
                source_map.values.update(fast_map.values)
                source_map.keys.update(fast_map.keys)
                return data
    return _build(text, source_map, limits, problems, fast=False)


@functools.cache
def _c_parser() -> Any:
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:
        return None
    return CParser


@functools.cache
def _resolver() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="rt").resolver


def _c_events(text: str) -> Iterator[Any]:
    parser = _c_parser()(io.StringIO(text))
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def _build(
    text: str,
    source_map: SourceMap,
    limits: Limits,
    problems: list[_YamlProblem] | None,
    fast: bool,
) -> Any:
    # Only the standard tags are accepted, so no YAML content can construct Python objects.
    from ruamel.yaml import YAML
    from ruamel.yaml import events as ev
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    resolver = _resolver()
    if problems is None:
        problems = []
    documents = 0
    result: Any = None
    # Stack of open collections: (container, path, pending key or None, key position)
    stack: list[_Open] = []
    anchors: dict[str, tuple[Any, int]] = {}
    nodes = 0

    def pos(event: Any) -> Position:
        mark = event.start_mark
        return (mark.line + 1, mark.column + 1)

    try:
        # The round-trip parser marks folded line breaks with \a; the safe one does not.
        events = _c_events(text) if fast else YAML(typ="safe", pure=True).parse(io.StringIO(text))
        for event in events:
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _YamlProblem(
                        "PT007",
                        "het bestand bevat meer dan één YAML-document; "
                        "zet elk programmacontract in een eigen bestand",
                        pos(event),
                    )
                continue
            if isinstance(event, ev.ScalarEvent | ev.MappingStartEvent | ev.SequenceStartEvent):
                nodes += 1
                if nodes > limits.max_nodes:
                    raise _YamlProblem(
                        "PT008",
                        f"het document heeft te veel elementen (meer dan {limits.max_nodes})",
                        pos(event),
                    )
            if isinstance(event, ev.AliasEvent):
                if event.anchor not in anchors:
                    raise _YamlProblem("PT001", f"onbekend anker '*{event.anchor}'", pos(event))
                value, size = anchors[event.anchor]
                nodes += size
                if nodes > limits.max_nodes:
                    raise _YamlProblem(
                        "PT008",
                        "aliassen breiden het document te ver uit "
                        f"(meer dan {limits.max_nodes} elementen); is dit een 'alias-bom'?",
                        pos(event),
                    )
                result = _attach(stack, value, pos(event), source_map, result, problems)
                continue
            if isinstance(event, ev.ScalarEvent):
                value = _scalar(event, resolver, pos(event))
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                result = _attach(stack, value, pos(event), source_map, result, problems)
                continue
            if isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
                _check_tag(
                    event.tag,
                    pos(event),
                    "map" if isinstance(event, ev.MappingStartEvent) else "seq",
                )
                if len(stack) >= limits.max_depth:
                    raise _YamlProblem(
                        "PT008",
                        f"het document is te diep genest (meer dan {limits.max_depth} niveaus)",
                        pos(event),
                    )
                container: Any = {} if isinstance(event, ev.MappingStartEvent) else []
                path = _child_path(stack, container, pos(event), source_map)
                stack.append(_Open(container, path, event.anchor, nodes))
                continue
            if isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
                done = stack.pop()
                if done.anchor:
                    anchors[done.anchor] = (done.container, nodes - done.nodes_before + 1)
                if not stack:
                    result = done.container
                continue
    except _YamlProblem:
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and str(exc.context).startswith(_OPENING_CONTEXTS):
            # An unclosed quote or bracket, or a key without a colon, is found later on;
            # where it opened is what the user has to fix.
            mark = exc.context_mark
        position = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise _YamlProblem("PT001", _dutch_syntax(exc), position) from None
    except ReaderError as exc:
        offset = max(0, int(getattr(exc, "position", 0)))
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        char = getattr(exc, "character", "")
        code = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        raise _YamlProblem(
            "PT001",
            f"ongeldige YAML: het teken {code} is niet toegestaan in een YAML-bestand",
            (line, column),
        ) from None
    except YAMLError:
        raise _YamlProblem("PT001", "ongeldige YAML op deze plaats", (1, 1)) from None
    except RecursionError:
        raise _YamlProblem("PT008", "het document is te diep genest", (1, 1)) from None
    if documents == 0 or result is None:
        raise _YamlProblem(
            "PT004",
            "het bestand is leeg; een programmacontract begint met velden als "
            "'programma:', 'code:' en 'periode:'",
            (1, 1),
        )
    return result


@dataclass
class _Open:
    container: Any
    path: PathKey
    anchor: str | None
    nodes_before: int
    key: Any = None
    has_key: bool = False
    key_position: Position = (0, 0)


_SKIP = object()


def _child_path(
    stack: list[_Open], container: Any, position: Position, source_map: SourceMap
) -> PathKey:
    if not stack:
        source_map.values[()] = position
        return ()
    parent = stack[-1]
    if isinstance(parent.container, dict):
        if not parent.has_key:
            raise _YamlProblem(
                "PT001",
                "een sleutel moet een enkele waarde zijn, geen lijst of mapping",
                position,
            )
        path = (*parent.path, parent.key)
        _store_in_mapping(parent, container, position, source_map)
    else:
        path = (*parent.path, len(parent.container))
        parent.container.append(container)
        source_map.values[path] = position
    return path


def _attach(
    stack: list[_Open],
    value: Any,
    position: Position,
    source_map: SourceMap,
    result: Any,
    problems: list[_YamlProblem],
) -> Any:
    if not stack:
        source_map.values[()] = position
        return value
    parent = stack[-1]
    if isinstance(parent.container, dict):
        if not parent.has_key:
            if isinstance(value, dict | list):
                raise _YamlProblem("PT001", "een sleutel moet een enkele waarde zijn", position)
            if value is _MERGE:
                raise _YamlProblem(
                    "PT001",
                    "de samenvoegsleutel '<<' wordt niet ondersteund; schrijf de velden uit",
                    position,
                )
            if value in parent.container or _has_equal_key(parent.container, value):
                first = source_map.keys.get((*parent.path, value))
                where = f" (eerder op regel {first[0]})" if first else ""
                problems.append(
                    _YamlProblem("PT002", f"sleutel '{value}' komt dubbel voor{where}", position)
                )
                # Keep the first value; the duplicate's value is read but dropped.
                parent.key, parent.has_key, parent.key_position = _SKIP, True, position
                return result
            parent.key, parent.has_key, parent.key_position = value, True, position
            source_map.keys[(*parent.path, value)] = position
            return result
        _store_in_mapping(parent, value, position, source_map)
    else:
        source_map.values[(*parent.path, len(parent.container))] = position
        parent.container.append(value)
    return result


def _has_equal_key(mapping: dict[Any, Any], key: Any) -> bool:
    # 2019 and 2019.0 (or True and 1) are different YAML keys but equal in Python.
    if isinstance(key, str):
        return False
    return any(type(k) is not type(key) and k == key for k in mapping)


def _store_in_mapping(parent: _Open, value: Any, position: Position, source_map: SourceMap) -> None:
    if parent.key is not _SKIP:
        parent.container[parent.key] = value
        source_map.values[(*parent.path, parent.key)] = position
    parent.has_key = False
    parent.key = None


class _Merge:
    def __repr__(self) -> str:
        return "<<"


_MERGE = _Merge()


def _check_tag(tag: Any, position: Position, kind: str) -> None:
    if tag is None:
        return
    text = str(getattr(tag, "value", tag))
    if text in ("!", _STD + kind) or text in _ALLOWED_TAGS:
        if text.startswith(_STD) and text != _STD + kind:
            raise _YamlProblem("PT006", f"label '{_short_tag(text)}' past hier niet", position)
        return
    raise _YamlProblem(
        "PT006",
        f"onbekend of onveilig YAML-label '{_short_tag(text)}'; "
        "een contract gebruikt geen labels (tags)",
        position,
    )


def _short_tag(text: str) -> str:
    return "!!" + text[len(_STD) :] if text.startswith(_STD) else text


def _scalar(event: Any, resolver: Any, position: Position) -> Any:
    from ruamel.yaml.nodes import ScalarNode

    explicit = event.tag
    if explicit is None and not event.implicit[0]:
        # Quoted, literal or folded text without a tag is always a string.
        return event.value
    if explicit is not None:
        text = str(getattr(explicit, "value", explicit))
        if text != "!" and text not in _ALLOWED_TAGS:
            raise _YamlProblem(
                "PT006",
                f"onbekend of onveilig YAML-label '{_short_tag(text)}'; "
                "een contract gebruikt geen labels (tags)",
                position,
            )
        tag = _STD + "str" if text == "!" else text
    else:
        tag = str(resolver.resolve(ScalarNode, event.value, event.implicit))
    value: str = event.value
    kind = tag[len(_STD) :] if tag.startswith(_STD) else tag
    if kind == "str":
        return value
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "merge":
        return _MERGE
    try:
        if kind == "int":
            return _int(value)
        if kind == "float":
            return _float(value)
        if kind == "timestamp":
            return _timestamp(value)
    except ValueError:
        raise _YamlProblem(
            "PT001", f"'{value}' is geen geldige waarde voor !!{kind}", position
        ) from None
    # Any other implicitly resolved type is kept as text.
    return value


def _int(value: str) -> int:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    if text.startswith("0x"):
        return sign * int(text[2:], 16)
    if text.startswith("0o"):
        return sign * int(text[2:], 8)
    if text.startswith("0b"):
        return sign * int(text[2:], 2)
    if len(text) > 400:
        raise ValueError(value)
    return sign * int(text)


def _float(value: str) -> float:
    text = value.replace("_", "").lower()
    if text in (".nan", "+.nan", "-.nan"):
        return float("nan")
    if text in (".inf", "+.inf"):
        return float("inf")
    if text == "-.inf":
        return float("-inf")
    return float(text)


def _timestamp(value: str) -> dt.date | dt.datetime | str:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        return value


_OPENING_CONTEXTS = (
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


def _dutch_syntax(exc: Any) -> str:
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
        hint = ""
        known = _known_fields(loc[:-1])
        close = difflib.get_close_matches(unknown, known, n=1, cutoff=0.6)
        if close:
            hint = f"; bedoelde u '{close[0]}'?"
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
