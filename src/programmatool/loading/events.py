"""YAML text to plain data with the position of every node.

The YAML is read event by event (no recursion, so deep nesting cannot crash the reader), with
limits on size, depth and alias expansion. Only the standard tags are accepted.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from programmatool.loading.base import (
    DEFAULT_LIMITS,
    Limits,
    PathKey,
    Position,
    SourceMap,
    YamlProblem,
)
from programmatool.loading.messages import OPENING_CONTEXTS, dutch_syntax

_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}


# --- bytes → text -----------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 text from bytes; a clear problem for UTF-16, binary data or other encodings."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(
            "PT003",
            "bestand is opgeslagen als UTF-16; sla het op als UTF-8",
            (1, 1),
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise YamlProblem(
            "PT003",
            "bestand bevat binaire gegevens (een NUL-byte); een contract is tekst in UTF-8",
            _byte_position(raw, nul),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = raw[exc.start]
        raise YamlProblem(
            "PT003",
            f"bestand is geen geldige UTF-8 (byte 0x{byte:02X}); "
            "sla het op als UTF-8 (bijvoorbeeld niet als Latin-1 of Windows-1252)",
            _byte_position(raw, exc.start),
        ) from None
    _check_line_breaks(text)
    return text


#: Characters that some readers take for a line break and others do not (YAML 1.1, libyaml and
#: Python's str.splitlines do, YAML 1.2 does not), and a carriage return without a line feed.
#: With any of them the line numbers of check, progress, render and record, and of an editor,
#: would differ, so a contract may not hold them outside quotes.
_ODD_BREAK = re.compile("[\x85\u2028\u2029]|\r(?!\n)")
_BREAK_NAMES = {
    "\x85": "het teken NEL (U+0085, 'next line')",
    "\u2028": "een regelscheiding (U+2028, 'line separator')",
    "\u2029": "een alineascheiding (U+2029, 'paragraph separator')",
    "\r": "een losse regelterugloop (CR zonder LF, zoals oude Mac-bestanden)",
}


def _check_line_breaks(text: str) -> None:
    match = _ODD_BREAK.search(text)
    if match is None:
        return
    offset = match.start()
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    raise YamlProblem(
        "PT001",
        f"het bestand bevat {_BREAK_NAMES[match.group()]}: niet elk programma ziet dat als "
        "regeleinde, dus regelnummers zouden verschillen; vervang het door een gewoon "
        "regeleinde of een spatie (in een tekst tussen dubbele aanhalingstekens: \\L, \\P "
        "of \\N)",
        (line, column),
    )


def _byte_position(raw: bytes, offset: int) -> Position:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, len(raw[start:offset].decode("utf-8", errors="replace")) + 1


# --- text → plain data with positions ---------------------------------------------------------


def parse_yaml(
    text: str,
    source_map: SourceMap,
    limits: Limits = DEFAULT_LIMITS,
    problems: list[YamlProblem] | None = None,
) -> Any:
    """Parse YAML 1.2 text into dicts, lists and scalars, filling ``source_map``.

    The C-based parser (libyaml, through ruamel.yaml.clib) reads the events when it is
    installed. Only on a syntax error is the text read again by ruamel.yaml's own parser,
    whose messages are the ones the user sees. Both feed the same builder, so the result is
    the same. A problem that the builder itself finds (a duplicate key, a limit, a label, a
    number in hex) is reported from the fast reading: a hostile file costs about as much as a
    clean one of its size, never a second, ten times slower reading.
    """
    if _c_parser() is not None:
        fast_map = SourceMap()
        fast_problems: list[YamlProblem] = []
        try:
            data = _build(text, fast_map, limits, fast_problems, fast=True)
        except YamlProblem:
            raise
        except Exception:
            pass  # a syntax error: the pure parser below explains it in its own words
        else:
            source_map.values.update(fast_map.values)
            source_map.keys.update(fast_map.keys)
            if problems is not None:
                problems.extend(fast_problems)
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
    problems: list[YamlProblem] | None,
    fast: bool,
) -> Any:
    # Only the standard tags are accepted, so no YAML content can construct Python objects.
    from ruamel.yaml import YAML
    from ruamel.yaml import events as ev
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

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
            kind = type(event)
            if kind is ev.ScalarEvent:
                # The most common event first: every key and every value is one.
                nodes += 1
                position = pos(event)
                if nodes > limits.max_nodes:
                    raise YamlProblem("PT008", _too_many(limits), position)
                value = _scalar(event, position)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                result = _attach(stack, value, position, source_map, result, problems)
                continue
            if kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                nodes += 1
                position = pos(event)
                if nodes > limits.max_nodes:
                    raise YamlProblem("PT008", _too_many(limits), position)
                mapping = kind is ev.MappingStartEvent
                _check_tag(event.tag, position, "map" if mapping else "seq")
                if len(stack) >= limits.max_depth:
                    raise YamlProblem(
                        "PT008",
                        f"het document is te diep genest (meer dan {limits.max_depth} niveaus)",
                        position,
                    )
                container: Any = {} if mapping else []
                path = _child_path(stack, container, position, source_map)
                stack.append(_Open(container, path, event.anchor, nodes))
                continue
            if kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                done = stack.pop()
                if done.anchor:
                    anchors[done.anchor] = (done.container, nodes - done.nodes_before + 1)
                if not stack:
                    result = done.container
                continue
            if kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        "PT007",
                        "het bestand bevat meer dan één YAML-document; "
                        "zet elk programmacontract in een eigen bestand",
                        pos(event),
                    )
                continue
            if kind is ev.AliasEvent:
                if event.anchor not in anchors:
                    raise YamlProblem("PT001", f"onbekend anker '*{event.anchor}'", pos(event))
                value, size = anchors[event.anchor]
                nodes += size
                if nodes > limits.max_nodes:
                    raise YamlProblem(
                        "PT008",
                        "aliassen breiden het document te ver uit "
                        f"(meer dan {limits.max_nodes} elementen); is dit een 'alias-bom'?",
                        pos(event),
                    )
                result = _attach(stack, value, pos(event), source_map, result, problems)
                continue
    except YamlProblem:
        raise
    except MarkedYAMLError as exc:
        if fast:
            raise  # parse_yaml reads it again with the pure parser
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and str(exc.context).startswith(OPENING_CONTEXTS):
            # An unclosed quote or bracket, or a key without a colon, is found later on;
            # where it opened is what the user has to fix.
            mark = exc.context_mark
        position = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise YamlProblem("PT001", dutch_syntax(exc), position) from None
    except ReaderError as exc:
        if fast:
            raise
        offset = max(0, int(getattr(exc, "position", 0)))
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        char = getattr(exc, "character", "")
        code = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        raise YamlProblem(
            "PT001",
            f"ongeldige YAML: het teken {code} is niet toegestaan in een YAML-bestand",
            (line, column),
        ) from None
    except YAMLError:
        if fast:
            raise
        raise YamlProblem("PT001", "ongeldige YAML op deze plaats", (1, 1)) from None
    except RecursionError:
        if fast:
            raise
        raise YamlProblem("PT008", "het document is te diep genest", (1, 1)) from None
    if documents == 0 or result is None:
        raise YamlProblem(
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
            raise YamlProblem(
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
    problems: list[YamlProblem],
) -> Any:
    if not stack:
        source_map.values[()] = position
        return value
    parent = stack[-1]
    if isinstance(parent.container, dict):
        if not parent.has_key:
            if isinstance(value, dict | list):
                raise YamlProblem("PT001", "een sleutel moet een enkele waarde zijn", position)
            if value is _MERGE:
                raise YamlProblem(
                    "PT001",
                    "de samenvoegsleutel '<<' wordt niet ondersteund; schrijf de velden uit",
                    position,
                )
            if value in parent.container or _has_equal_key(parent.container, value):
                first = source_map.keys.get((*parent.path, value))
                where = f" (eerder op regel {first[0]})" if first else ""
                problems.append(
                    YamlProblem("PT002", f"sleutel '{value}' komt dubbel voor{where}", position)
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
            raise YamlProblem("PT006", f"label '{_short_tag(text)}' past hier niet", position)
        return
    raise YamlProblem(
        "PT006",
        f"onbekend of onveilig YAML-label '{_short_tag(text)}'; "
        "een contract gebruikt geen labels (tags)",
        position,
    )


def _short_tag(text: str) -> str:
    return "!!" + text[len(_STD) :] if text.startswith(_STD) else text


def _too_many(limits: Limits) -> str:
    return f"het document heeft te veel elementen (meer dan {limits.max_nodes})"


_Resolvers = tuple[tuple[str, Any], ...]


@functools.cache
def _implicit_resolvers() -> tuple[dict[str, _Resolvers], _Resolvers]:
    """ruamel.yaml's YAML 1.2 implicit resolvers per first character (and those for any
    character), read once: exactly what ``resolver.resolve`` tries for a plain scalar (a
    detached resolver always works at the default version), without working out the version
    for every scalar."""
    table = _resolver().versioned_resolver
    extra = tuple(table.get(None, ()))
    return {key: (*found, *extra) for key, found in table.items() if key is not None}, extra


def _implicit_tag(value: str) -> str:
    """The tag a plain scalar resolves to (``!!str`` when no resolver matches)."""
    table, extra = _implicit_resolvers()
    for tag, regexp in table.get(value[:1], extra):
        if regexp.match(value):
            return str(tag)
    return _STD + "str"


def _scalar(event: Any, position: Position) -> Any:
    # Only a "\ud800" escape in double quotes can make half a character: decoded UTF-8 has none.
    surrogate = _SURROGATE.search(event.value) if event.style == '"' else None
    if surrogate is not None:
        raise YamlProblem(
            "PT001",
            f"ongeldig teken U+{ord(surrogate.group()):04X} (een losse helft van een "
            "UTF-16-paar uit een \\u-escape); dat is geen Unicode-teken",
            position,
        )
    explicit = event.tag
    if explicit is None and not event.implicit[0]:
        # Quoted, literal or folded text without a tag is always a string.
        return event.value
    if explicit is not None:
        text = str(getattr(explicit, "value", explicit))
        if text != "!" and text not in _ALLOWED_TAGS:
            raise YamlProblem(
                "PT006",
                f"onbekend of onveilig YAML-label '{_short_tag(text)}'; "
                "een contract gebruikt geen labels (tags)",
                position,
            )
        tag = _STD + "str" if text == "!" else text
    else:
        tag = _implicit_tag(event.value)
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
            return _int(value, position)
        if kind == "float":
            return _float(value)
        if kind == "timestamp":
            return _timestamp(value)
    except ValueError:
        raise YamlProblem(
            "PT001", f"{_short(value)} is geen geldige waarde voor !!{kind}", position
        ) from None
    # Any other implicitly resolved type is kept as text.
    return value


#: Notations YAML 1.2 reads as integers but a printed contract never uses: a year written as
#: 0x7E3 is 2019 to the parser and a typing accident (or a trick) to everyone else.
_NOTATIONS = {"0x": ("hexadecimale", 16), "0o": ("octale", 8), "0b": ("binaire", 2)}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _int(value: str, position: Position) -> int:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    notation = _NOTATIONS.get(digits[:2])
    if notation is not None:
        words, base = notation
        hint = ""
        if len(digits) <= 20:  # small enough to say what it means
            hint = f" ({sign * int(digits[2:], base)})"
        raise YamlProblem(
            "PT012",
            f"getal {_short(value)} staat in {words} notatie; schrijf het als gewoon "
            f"decimaal getal{hint}",
            position,
        )
    if len(digits) > 400:
        # Beyond any figure in a contract, and too long for Python to even print as a number.
        raise YamlProblem("PT012", f"getal {_short(value)} is te groot", position)
    return sign * int(digits)


def _short(value: str, length: int = 40) -> str:
    """A scalar's text for a message: quoted, and shortened when it is long."""
    if len(value) <= length:
        return repr(value)
    return repr(value[: length - 1] + "…") + f" ({len(value)} tekens)"


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
