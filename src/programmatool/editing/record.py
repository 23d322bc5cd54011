"""Recording measurements: new or corrected realisations in contract files, nothing else touched.

The file is read with ruamel.yaml's round-trip composer, which knows where every node starts
and ends in the text. A new entry is spliced into the text at that place, in the style of its
neighbours (block or flow), and a corrected one replaces exactly its own key and value, so
comments, key order, quoting, indentation and line endings of everything else stay
byte-identical. Re-emitting the whole document would normalise indentation and line width, so
the tool never does that. Before writing, the new text is loaded again and must give the same
contract plus exactly the new realisations.

Writing happens as :mod:`guarded` describes: under an exclusive lock, the file read again under
it and written only if it has not changed since, so parallel runs all land and an editor's save
is never overwritten. ``run_import`` does the same for every row of a CSV or .xlsx sheet, all
files or none.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.editing.guarded import (
    RecordProblem,
    read_contract,
    resolve_target,
    write_files,
    writer_settings,
)
from programmatool.editing.sheets import Row
from programmatool.loading import LoadResult, load_bytes, load_text
from programmatool.pipeline.recording import (
    BrokenView,
    ContractView,
    KnownFile,
    PortfolioView,
    RecordingContract,
    RecordingIndicator,
    known_file,
    recording_view,
    recording_years,
)
from programmatool.pipeline.run import EXIT_FINDINGS, EXIT_USAGE, Settings, rule_findings
from programmatool.text.formatting import hoeveel
from programmatool.text.numbers import MAX_DECIMALS, FigureError, parse_date, parse_figure
from programmatool.text.suggest import did_you_mean

if TYPE_CHECKING:
    from programmatool.model.contract import Contract, Realisatie

# --- the value --------------------------------------------------------------------------------

#: At most this many decimals: more cannot be stored exactly and would be rounded unseen.
MAX_DECIMALEN = MAX_DECIMALS
_JA = {"ja", "behaald", "bereikt", "true"}
_NEE = {"nee", "niet behaald", "niet bereikt", "false"}


def lees_waarde(indicator: RecordingIndicator, tekst: str) -> dict[str, Any]:
    """The realisation's fields from the text given on the command line, per meetsoort."""
    text = tekst.strip()
    if indicator.meetsoort == "schaal":
        for word in indicator.schaal:
            if word.strip().casefold() == text.casefold():
                return {"waarde": word}
        woorden = ", ".join(indicator.schaal) or "(geen schaal opgegeven)"
        raise RecordProblem(
            f"waarde '{tekst}' staat niet op de schaal van indicator {indicator.id}; "
            f"kies uit: {woorden}"
        )
    if indicator.meetsoort == "mijlpaal":
        if text.casefold() in _JA:
            return {"behaald": True}
        if text.casefold() in _NEE:
            return {"behaald": False}
        try:
            return {"datum": parse_date(text)}
        except FigureError:
            pass
        raise RecordProblem(
            f"indicator {indicator.id} is een mijlpaal: geef de datum waarop hij is bereikt "
            f"(15-3-2024 of 2024-03-15), of 'ja' of 'nee'; gevonden '{tekst}'"
        )
    try:
        figure = parse_figure(text, MAX_DECIMALEN)
    except FigureError as exc:
        if exc.no_number:
            raise RecordProblem(
                f"indicator {indicator.id} verwacht een getal (bijvoorbeeld 12 of 12,5), "
                f"gevonden '{tekst}'"
            ) from None
        raise RecordProblem(f"indicator {indicator.id}: {exc}") from None
    fields: dict[str, Any] = {"waarde": figure.value}
    if figure.approximate:
        fields["benadering"] = True
    return fields


def _kort(tekst: str, lengte: int = 30) -> str:
    """A long text from the command line, shortened for a message."""
    return tekst if len(tekst) <= lengte else f"{tekst[: lengte - 1]}… ({len(tekst)} tekens)"


# --- YAML text --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _yaml_tekst(value: str) -> str:
    """A string as a YAML scalar: plain where that reads back as the same text, else quoted.
    (Cached: a sheet repeats its sources on every row, and each test is two YAML readings.)"""
    safe = _safe_yaml()
    if re.fullmatch(r"[^\s#,\[\]{}&*!|>'\"%@`:-][^#,\[\]{}]*", value) and not value.endswith(
        (" ", ":")
    ):
        try:
            if safe.load(f"a: {value}\n") == {"a": value} and safe.load(f"{{a: {value}}}") == {
                "a": value
            }:
                return value
        except Exception:  # any parse problem means: quote it
            pass
    return json.dumps(value, ensure_ascii=False)


@functools.cache
def _safe_yaml() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True)


def _yaml_waarde(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return _yaml_tekst(str(value))


def entry_text(jaar: int | str, fields: dict[str, Any]) -> str:
    """``2021: 14`` when only a value is given, else ``2021: {waarde: 14, bron: …}``."""
    if list(fields) == ["waarde"]:
        return f"{jaar}: {_yaml_waarde(fields['waarde'])}"
    inner = ", ".join(f"{k}: {_yaml_waarde(v)}" for k, v in fields.items())
    return f"{jaar}: {{{inner}}}"


def _compose(text: str) -> Any:
    """The text's node tree with positions (character offsets, lines, columns).

    The C reader (libyaml, the one ``check`` reads with) composes a contract in a few
    milliseconds; ruamel.yaml's pure-Python round-trip reader, about thirty times slower, is
    used only where the C reader is not installed or refuses the text. A text that check
    accepts but neither reader can compose (a tab after a colon) is a Dutch refusal, never an
    internal error."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    loader_class = _c_loader()
    if loader_class is not None:
        loader = loader_class(io.StringIO(text))
        try:
            return loader.get_single_node()
        except YAMLError:
            pass  # the round-trip reader below explains it
        finally:
            loader.dispose()
    try:
        return YAML(typ="rt").compose(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) if isinstance(exc, MarkedYAMLError) else None
        where = f"regel {mark.line + 1}, kolom {mark.column + 1}: " if mark is not None else ""
        hint = "een tab na ':' of in de inspringing" if "'\\t'" in str(exc) else "deze opmaak"
        raise RecordProblem(
            f"{where}{hint} kan de tool niet precies aanpassen; vervang die door spaties. "
            "Er is niets gewijzigd"
        ) from None


@functools.cache
def _c_loader() -> Any:
    """ruamel.yaml's C composer (every scalar a string, no tags resolved), or None."""
    try:
        from ruamel.yaml.cyaml import CBaseLoader
    except ImportError:
        return None
    return CBaseLoader


def _mapping_get(node: Any, key: str) -> tuple[Any, Any] | None:
    for k, v in node.value:
        if getattr(k, "value", None) == key:
            return k, v
    return None


def _node_end(node: Any) -> int:
    """Index just after the last character of a node's own text (block collections: their
    last value), so that a trailing comment or blank line is never counted as part of it."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return _node_end(node.value[-1][1])
    if isinstance(node, SequenceNode) and not node.flow_style and node.value:
        return _node_end(node.value[-1])
    return int(node.end_mark.index)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _after_line(text: str, index: int, newline: str) -> tuple[int, str]:
    """Where a new line can go after the line holding ``index``; a newline to add first if the
    file ends without one."""
    if index > 0 and text[index - 1] == "\n":
        return index, ""
    end = text.find("\n", index)
    if end < 0:
        return len(text), newline
    return end + 1, ""


@dataclass(frozen=True)
class Entry:
    """One per-year entry to write into a listed item: ``jaar: {fields}`` under the item's
    ``sleutel`` (an indicator's ``realisaties``, an effort's ``uitvoering``)."""

    item: str
    #: A year, or a quarter or month of a measurement (``2020-Q4``, model/periods.py).
    jaar: int | str
    fields: dict[str, Any]


@dataclass
class _Piece:
    """Text to put at ``start`` (replacing up to ``end``), with where each entry begins in it."""

    start: int
    end: int
    text: str = ""
    #: (index of the entry in the request, offset of its text within ``text``)
    entries: list[tuple[int, int]] = field(default_factory=list)

    def add(self, index: int, before: str, entry: str, after: str = "") -> None:
        self.entries.append((index, len(self.text) + len(before)))
        self.text += before + entry + after


def splice(
    text: str,
    indicator_id: str,
    jaar: int,
    fields: dict[str, Any],
    *,
    lijst: str = "indicatoren",
    sleutel: str = "realisaties",
    na: str | None = "streefwaarden",
) -> tuple[str, int]:
    """The text with one entry added (see :func:`splice_all`) and the 1-based line where it
    stands."""
    new, lines = splice_all(
        text, [Entry(indicator_id, jaar, fields)], lijst=lijst, sleutel=sleutel, na=na
    )
    return new, lines[0]


def splice_all(
    text: str,
    entries: list[Entry],
    *,
    lijst: str = "indicatoren",
    sleutel: str = "realisaties",
    na: str | None = "streefwaarden",
    created: set[str] | None = None,
) -> tuple[str, list[int]]:
    """The text with every entry added, from one reading of it, and per entry the 1-based line
    where it stands; the items whose ``sleutel`` mapping had to be made are added to
    ``created``.

    A new year goes in its place between the other years, in the style of its neighbours
    (block or flow); an existing one is replaced from its key to the end of its value, so a
    comment after it stays. Without a ``sleutel`` mapping, one is made after ``na`` (else after
    the item's last key) holding the new years in order. Everything else stays byte-identical.
    """
    from ruamel.yaml.nodes import MappingNode

    newline = "\r\n" if "\r\n" in text else "\n"
    root = _compose(text)
    listed = _mapping_get(root, lijst) if isinstance(root, MappingNode) else None
    if listed is None:
        raise RecordProblem(f"het contract heeft geen {lijst}")
    items: dict[str, Any] = {}
    for item in getattr(listed[1], "value", []):
        found = _mapping_get(item, "id") if isinstance(item, MappingNode) else None
        if found is not None:
            items.setdefault(str(found[1].value), item)
    groups: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if entry.item not in items:
            raise RecordProblem(f"{entry.item} niet gevonden in de {lijst} in de tekst")
        groups.setdefault(entry.item, []).append(index)
    pieces: list[_Piece] = []
    for item_id, indices in groups.items():
        if created is not None and _mapping_get(items[item_id], sleutel) is None:
            created.add(item_id)
        pieces.extend(
            _item_pieces(
                text, items[item_id], [(i, entries[i]) for i in indices], sleutel, na, newline, root
            )
        )
    return _apply(text, pieces, len(entries))


def _item_pieces(
    text: str,
    target: Any,
    group: list[tuple[int, Entry]],
    sleutel: str,
    na: str | None,
    newline: str,
    root: Any,
) -> list[_Piece]:
    """The pieces of text that add ``group``'s entries to one listed item."""
    from ruamel.yaml.nodes import MappingNode

    group = sorted(group, key=lambda pair: _moment(pair[1].jaar))
    existing = _mapping_get(target, sleutel)
    if existing is None:
        texts = [(i, entry_text(e.jaar, e.fields)) for i, e in group]
        if target.flow_style:
            piece = _Piece(_node_end(target.value[-1][1]), _node_end(target.value[-1][1]))
            piece.text = f", {sleutel}: {{"
            for n, (i, line) in enumerate(texts):
                piece.add(i, ", " if n else "", line)
            piece.text += "}"
            return [piece]
        anchor = (_mapping_get(target, na) if na else None) or target.value[-1]
        column = int(target.value[0][0].start_mark.column)
        at, prefix = _after_line(text, _node_end(anchor[1]), newline)
        piece = _Piece(at, at, f"{prefix}{' ' * column}{sleutel}:{newline}")
        indent = " " * (column + _indent_step(root))
        for i, line in texts:
            piece.add(i, indent, line, newline)
        return [piece]
    node = existing[1]
    if not isinstance(node, MappingNode):
        raise RecordProblem(f"{sleutel} van {group[0][1].item} is geen mapping")
    pieces: list[_Piece] = []
    # Per place: the new entries that go there (keyed by the key they go before; None: last).
    places: dict[int | None, list[tuple[int, str]]] = {}
    for i, entry in group:
        same = [(k, v) for k, v in node.value if _moment(k.value) == _moment(entry.jaar)]
        if same:
            key, value = same[0]
            piece = _Piece(int(key.start_mark.index), _node_end(value))
            piece.add(i, "", entry_text(entry.jaar, entry.fields))
            pieces.append(piece)
            continue
        later = [
            n for n, (k, _v) in enumerate(node.value) if _moment(k.value) > _moment(entry.jaar)
        ]
        places.setdefault(later[0] if later else None, []).append(
            (i, entry_text(entry.jaar, entry.fields))
        )
    for before, new in places.items():
        pieces.append(_place(text, node, before, new, newline))
    return pieces


def _place(
    text: str, node: Any, before: int | None, new: list[tuple[int, str]], newline: str
) -> _Piece:
    """One piece with the new entries ``new`` (in order) before the key at position
    ``before`` of the mapping ``node`` (None: after its last entry)."""
    if node.flow_style:
        if before is not None:
            piece = _Piece(int(node.value[before][0].start_mark.index), 0)
            for i, entry in new:
                piece.add(i, "", entry, ", ")
        elif node.value:
            piece = _Piece(_node_end(node.value[-1][1]), 0)
            for i, entry in new:
                piece.add(i, ", ", entry)
        else:
            piece = _Piece(int(node.start_mark.index) + 1, 0)
            for n, (i, entry) in enumerate(new):
                piece.add(i, ", " if n else "", entry)
        piece.end = piece.start
        return piece
    indent = " " * int(node.value[0][0].start_mark.column)
    if before is not None:
        at = _line_start(text, int(node.value[before][0].start_mark.index))
        piece = _Piece(at, at)
    else:
        at, prefix = _after_line(text, _node_end(node.value[-1][1]), newline)
        piece = _Piece(at, at, prefix)
    for i, entry in new:
        piece.add(i, indent, entry, newline)
    return piece


def _apply(text: str, pieces: list[_Piece], count: int) -> tuple[str, list[int]]:
    """The text with every piece in place (an insertion before a replacement at the same
    place), and the 1-based line of each entry."""
    lines = [0] * count
    out: list[str] = []
    at = 0
    line = 1
    for piece in sorted(pieces, key=lambda p: (p.start, p.end > p.start)):
        if piece.start < at:
            raise RecordProblem("de invoer kon niet precies zo worden toegevoegd; niets gewijzigd")
        out.append(text[at : piece.start])
        line += text.count("\n", at, piece.start)
        for index, offset in piece.entries:
            lines[index] = line + piece.text.count("\n", 0, offset)
        out.append(piece.text)
        line += piece.text.count("\n")
        at = piece.end
    out.append(text[at:])
    return "".join(out), lines


def _moment(key: object) -> tuple[int, int]:
    """Where an entry's key sorts: a year before its quarters and months (``2020-Q4`` after
    ``2020-11``'s month 11, by the last month of the period); anything else first."""
    from programmatool.model.periods import period_of

    period = period_of(key)
    if period is not None:
        return period
    try:
        return int(str(key)), 0
    except ValueError:
        return 0, 0


def _year_of(key: Any) -> int | None:
    try:
        return int(str(key.value))
    except ValueError:
        return None


def _indent_step(root: Any) -> int:
    """The file's own indentation step, read from its first nested block mapping (else 2)."""
    from ruamel.yaml.nodes import MappingNode

    for key, value in root.value:
        if isinstance(value, MappingNode) and not value.flow_style and value.value:
            step = int(value.value[0][0].start_mark.column) - int(key.start_mark.column)
            if step > 0:
                return step
    return 2


# --- one file: plan, check, write under a lock ------------------------------------------------


@dataclass(frozen=True)
class Measurement:
    """One requested measurement, as given on the command line or in a row of a sheet."""

    indicator: str
    jaar: int | str
    waarde: str
    bron: str | None = None
    toelichting: str | None = None
    voorlopig: bool = False
    #: Where the request came from, for messages (``metingen.csv:5``); empty on the command line.
    origin: str = ""
    #: An approximate figure (``record --ca``, the sheet's column ``benadering``).
    benadering: bool = False


@dataclass(frozen=True)
class Change:
    """What one measurement does to one file: where, the new entry and the one it replaces."""

    bestand: str
    indicator: str
    jaar: int | str
    regel: int
    tekst: str
    oud: str | None = None
    #: A comment that followed the replaced entry on its line and still stands there.
    opmerking: str | None = None
    #: How a figure with a thousands point was read (``2.372 gelezen als 2372``).
    gelezen: str | None = None


def error_lines(result: LoadResult) -> list[str]:
    return [f.as_text() for f in result.findings if f.severity == "fout"]


def _rule_errors(result: LoadResult, settings: Settings) -> set[tuple[str, str]]:
    """Errors of the consistency rules at the configured levels, as ``check`` reports them,
    without positions (lines move when one is added)."""
    found = rule_findings(result, settings.config, settings.today)
    return {(f.code, f.message) for f in found if f.severity == "fout"}


@functools.lru_cache(maxsize=1024)
def lees_meetmoment(tekst: str) -> int | str:
    """A year, or a quarter or month (``2020-Q4``, ``2020-11``), from the command line."""
    text = tekst.strip()
    if len(text) == 4 and text.isascii() and text.isdigit() and 1900 <= int(text) <= 2200:
        return int(text)  # the usual case, a year, without the period parser
    from programmatool.model.periods import period_of

    if period_of(text) is not None:
        return text
    try:
        return lees_jaar(tekst)
    except RecordProblem:
        raise RecordProblem(
            f"jaar moet een jaartal zijn (1900–2200), een kwartaal (2020-Q4) of een maand "
            f"(2020-11), gevonden '{tekst}'"
        ) from None


def lees_jaar(tekst: str) -> int:
    """A year from the command line: a whole number from 1900 to 2200."""
    text = tekst.strip()
    if not re.fullmatch(r"[0-9]{4}", text) or not 1900 <= int(text) <= 2200:
        raise RecordProblem(f"jaar moet een jaartal zijn (1900–2200), gevonden '{tekst}'")
    return int(text)


def _is_placeholder(realisatie: Realisatie) -> bool:
    """An entry without a measurement yet (``2021: n.t.b.``): filling it in is no correction."""
    from programmatool.progress.values import is_unknown

    return (
        is_unknown(realisatie.waarde)
        and realisatie.datum is None
        and realisatie.behaald is None
        and not realisatie.bron
        and not realisatie.toelichting
    )


def _fields(indicator: RecordingIndicator, measurement: Measurement) -> dict[str, Any]:
    """The new entry's fields: the value as its meetsoort reads it (none for a note-only entry:
    an empty value or ``-`` with a toelichting), then ``benadering``, bron, toelichting and
    ``voorlopig`` as given."""
    note_only = measurement.waarde.strip() in {"", "-"}
    if note_only and not (measurement.toelichting or "").strip():
        raise RecordProblem(
            f"indicator {indicator.id}: geef een waarde, of met --toelichting alleen een "
            "toelichting voor een jaar zonder meting"
        )
    fields = {} if note_only else lees_waarde(indicator, measurement.waarde)
    if measurement.benadering:
        if "waarde" not in fields or indicator.meetsoort not in {"getal", None}:
            raise RecordProblem(
                f"indicator {indicator.id}: alleen een getal kan een benadering (ca.) zijn"
            )
        fields["benadering"] = True
    for key, text in (("bron", measurement.bron), ("toelichting", measurement.toelichting)):
        if text is not None:
            if not text.strip():
                raise RecordProblem(f"--{key} mag niet leeg zijn")
            fields[key] = text.strip()
    if measurement.voorlopig:
        fields["voorlopig"] = True
    return fields


@dataclass(frozen=True)
class _Planned:
    """A measurement that passed every check: its entry, and what it replaces."""

    entry: Entry
    oud: str | None
    reading: str | None


def check_measurements(
    contract: RecordingContract,
    name: str,
    measurements: list[Measurement],
    replace: bool,
    *,
    planning: bool = True,
) -> tuple[list[_Planned], list[str]]:
    """Every measurement checked against the contract (indicator, year, value, one already
    there, the same one twice), without touching any text: what may be written, and a Dutch
    problem per refused measurement (``metingen.csv:5: file: …``). Without ``planning`` only
    the problems are found (an import checks every row before it writes any)."""
    problems: list[str] = []
    planned: list[_Planned] = []
    seen: dict[tuple[str, int | str], str] = {}
    find: Callable[[str], RecordingIndicator | None]
    if isinstance(contract, ContractView):
        find = contract.indicator  # made from the cached view only when a row names it
    else:
        by_id: dict[str, RecordingIndicator] = {}
        for item in reversed(contract.indicatoren):
            by_id[item.id] = item  # the first of a repeated id, as the text's splice finds it
        find = by_id.get
    years: dict[str, tuple[int, int]] = {}
    for measurement in measurements:
        try:
            jaar = (
                lees_meetmoment(measurement.jaar)
                if isinstance(measurement.jaar, str)
                else measurement.jaar
            )
            year = jaar if isinstance(jaar, int) else _moment(jaar)[0]
            indicator = find(measurement.indicator) or _find_indicator(
                contract, measurement.indicator, name
            )
            bounds = years.get(indicator.id)
            if bounds is None:
                bounds = years[indicator.id] = toegestane_jaren(contract, indicator)
            low, high = bounds
            if not low <= year <= high:
                raise RecordProblem(
                    f"jaar {jaar} valt buiten de jaren van indicator {indicator.id} ({low}–{high})"
                )
            if (indicator.id, jaar) in seen:
                raise RecordProblem(
                    f"indicator {indicator.id} {jaar} staat al eerder in de invoer "
                    f"({seen[(indicator.id, jaar)]})"
                )
            seen[(indicator.id, jaar)] = measurement.origin or name
            old = _existing(indicator, jaar)
            if old is not None and not replace and not _is_placeholder(old):
                raise RecordProblem(
                    f"indicator {indicator.id} heeft al een realisatie voor {jaar} "
                    f"({entry_text(jaar, _as_fields(old))}); vervang die met --vervang"
                )
            fields = _fields(indicator, measurement)
        except RecordProblem as exc:
            where = f"{measurement.origin}: {name}" if measurement.origin else name
            problems.append(f"{where}: {exc.message}")
            continue
        if planning:
            oud = entry_text(jaar, _as_fields(old)) if old is not None else None
            planned.append(
                _Planned(
                    Entry(indicator.id, jaar, fields), oud, _reading(measurement.waarde, fields)
                )
            )
    return planned, problems


def plan(
    name: str,
    raw: bytes,
    measurements: list[Measurement],
    replace: bool = False,
    *,
    settings: Settings,
) -> tuple[bytes, list[Change]]:
    """The file's new bytes with every measurement spliced in, and what changed where.

    Every measurement is checked first; all problems are raised together as one
    :class:`RecordProblem` and nothing is returned then. The file is read once, every
    measurement spliced in from that one reading, and the new text validated once: it must
    load to exactly the old contract plus the new realisations, and bring no new rule errors.
    """
    known = known_file(name, raw, settings)
    if known is not None:
        try:
            quick = _plan_known(name, raw, measurements, replace, known, settings)
        except BrokenView:
            quick = None  # what the cache kept is not a view: load the file itself
        if quick is not None:
            return quick
    before = load_bytes(raw, name, settings.limits)
    if before.contract is None:
        raise RecordProblem(
            "\n".join([*error_lines(before), f"{name} bevat fouten; herstel die eerst"]),
            EXIT_FINDINGS,
        )
    planned, problems = check_measurements(before.contract, name, measurements, replace)
    if problems:
        raise RecordProblem("\n".join(problems))
    bom = raw.startswith(b"\xef\xbb\xbf")
    text, lines = splice_all(raw[3 if bom else 0 :].decode("utf-8"), [p.entry for p in planned])
    expected = before.contract.model_copy(deep=True)
    for item in planned:
        target = next(i for i in expected.indicatoren if i.id == item.entry.item)
        _expect(target, item.entry.jaar, item.entry.fields)
    verify_splice(before, text, expected, name, "de nieuwe meting", "de meting", settings)
    return _result(name, bom, text, planned, lines)


def _result(
    name: str, bom: bool, text: str, planned: list[_Planned], lines: list[int]
) -> tuple[bytes, list[Change]]:
    """The new bytes and, per planned entry, what changed on which line."""
    rows = text.splitlines()
    changes = []
    for item, line in zip(planned, lines, strict=True):
        entry = entry_text(item.entry.jaar, item.entry.fields)
        comment = _comment_after(rows[line - 1], entry) if item.oud is not None else None
        changes.append(
            Change(
                name, item.entry.item, item.entry.jaar, line, entry, item.oud, comment, item.reading
            )
        )
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"), changes


def _plan_known(
    name: str,
    raw: bytes,
    measurements: list[Measurement],
    replace: bool,
    known: KnownFile,
    settings: Settings,
) -> tuple[bytes, list[Change]] | None:
    """:func:`plan` for a file whose exact bytes ``check`` has cached as a valid contract:
    the measurements are checked against the cached view, and the new text's data must be the
    old data plus exactly the new entries, as the same reader gives them. With only new
    entries the old data is known by check's digest of it (:func:`_is_old_plus`) and the old
    text is not parsed at all; a replacement parses it (not validated). The new text is loaded
    and its rules run once, against the cached errors. None when the data differ in any other
    way, so that :func:`plan` decides on the loaded models instead (and refuses, or
    explains)."""
    from programmatool.loading.base import SourceMap, YamlProblem
    from programmatool.loading.events import decode, parse_yaml

    planned, problems = check_measurements(known.contract, name, measurements, replace)
    if problems:
        raise RecordProblem("\n".join(problems))
    bom = raw.startswith(b"\xef\xbb\xbf")
    old_text = decode(raw)
    created: set[str] = set()
    text, lines = splice_all(old_text, [p.entry for p in planned], created=created)
    if known.digest is not None and all(p.oud is None for p in planned):
        # Only new entries: the old data is the new data without them, and check's digest of
        # the old data proves it, so the old text need not be parsed.
        after = load_text(text, name, settings.limits)
        if after.contract is None or not _is_old_plus(
            after.data, planned, created, known.digest, settings
        ):
            return None
        return _known_rules(name, bom, text, planned, lines, after, known, settings)
    try:
        data = parse_yaml(old_text, SourceMap(), settings.limits, [])
        expected = _with_entries(data, planned, settings)
    except YamlProblem:
        return None
    if expected is None:
        return None
    after = load_text(text, name, settings.limits)
    if after.contract is None or after.data != expected:
        return None
    return _known_rules(name, bom, text, planned, lines, after, known, settings)


def _known_rules(
    name: str,
    bom: bool,
    text: str,
    planned: list[_Planned],
    lines: list[int],
    after: LoadResult,
    known: KnownFile,
    settings: Settings,
) -> tuple[bytes, list[Change]]:
    """The plan of a verified splice, unless it brings a rule error ``check`` did not report."""
    new_errors = _rule_errors(after, settings) - known.errors
    if new_errors:
        details = "; ".join(sorted(f"{code} {msg}" for code, msg in new_errors))
        raise RecordProblem(f"{name}: de nieuwe meting geeft een fout: {details}", EXIT_FINDINGS)
    return _result(name, bom, text, planned, lines)


def _is_old_plus(
    data: Any, planned: list[_Planned], created: set[str], digest: str, settings: Settings
) -> bool:
    """Whether ``data`` (the new text's) holds every planned entry as the reader gives its own
    text and is, without them, the data whose digest ``check`` cached: the old data plus
    exactly the new entries. ``created``: the items whose ``realisaties`` the splice made.
    Only copies are changed, so an entry that also landed elsewhere (a node shared through a
    YAML alias) still shows there and the digests differ."""
    from programmatool.pipeline.recording import data_digest

    where = _indicator_places(data)
    if where is None:
        return False
    indicators = list(data["indicatoren"])
    copied: dict[int, dict[Any, Any]] = {}
    for item in planned:
        index = where.get(item.entry.item)
        entry = _read_entry(item, settings)
        if index is None or entry is None:
            return False
        if index not in copied:
            realisaties = indicators[index].get("realisaties")
            if not isinstance(realisaties, dict):
                return False
            copied[index] = dict(realisaties)
        key, value = entry
        if key not in copied[index] or copied[index][key] != value:
            return False
        del copied[index][key]
    old = list(indicators)
    for index, realisaties in copied.items():
        if str(indicators[index].get("id")) in created:
            # The splice made the mapping: the old item had none.
            if realisaties:
                return False
            old[index] = {k: v for k, v in indicators[index].items() if k != "realisaties"}
        else:
            old[index] = dict(indicators[index], realisaties=realisaties)
    return data_digest({**data, "indicatoren": old}) == digest


def _with_entries(data: Any, planned: list[_Planned], settings: Settings) -> Any:
    """The parsed data of a contract with every planned entry in its indicator's
    ``realisaties``, each entry as the reader gives its own text; only the touched parts are
    copied. None when the data do not have the expected shape."""
    where = _indicator_places(data)
    if where is None:
        return None
    indicators = list(data["indicatoren"])
    copied: set[int] = set()
    for item in planned:
        index = where.get(item.entry.item)
        entry = _read_entry(item, settings)
        if index is None or entry is None:
            return None
        if index not in copied:
            indicators[index] = dict(indicators[index])
            old = indicators[index].get("realisaties")
            if old is not None and not isinstance(old, dict):
                return None
            indicators[index]["realisaties"] = dict(old or {})
            copied.add(index)
        key, value = entry
        indicators[index]["realisaties"][key] = value
    return {**data, "indicatoren": indicators}


def _indicator_places(data: Any) -> dict[str, int] | None:
    """Per indicator id in a contract's parsed data the index of its first item (as the
    splice finds it); None when the data have no list of indicators."""
    if not isinstance(data, dict) or not isinstance(data.get("indicatoren"), list):
        return None
    return {
        str(item.get("id")): index
        for index, item in reversed(list(enumerate(data["indicatoren"])))
        if isinstance(item, dict)
    }


def _read_entry(item: _Planned, settings: Settings) -> tuple[Any, Any] | None:
    """A planned entry's key and value as the reader gives its own text, or None."""
    from programmatool.loading.base import SourceMap
    from programmatool.loading.events import parse_yaml

    text = entry_text(item.entry.jaar, item.entry.fields)
    entry = parse_yaml(text, SourceMap(), settings.limits, [])
    if not isinstance(entry, dict) or len(entry) != 1:
        return None
    [(key, value)] = entry.items()
    return key, value


def _existing(indicator: Any, jaar: int | str) -> Realisatie | None:
    """The entry a new measurement would replace. A quarter or month beside a measurement of
    the whole year (or the other way round) is refused: which of the two counts is a guess."""
    periods: dict[str, Realisatie] = getattr(indicator, "perioden", {})
    if isinstance(jaar, str):
        year = _moment(jaar)[0]
        whole = indicator.realisaties.get(year)
        if whole is not None and whole.periode is None:
            raise RecordProblem(
                f"indicator {indicator.id} heeft voor {year} een meting van het hele jaar; een "
                f"meting van {jaar} komt daar niet naast"
            )
        return periods.get(jaar)
    found = indicator.realisaties.get(jaar)
    if found is not None and found.periode is not None:
        raise RecordProblem(
            f"indicator {indicator.id} heeft voor {jaar} metingen per kwartaal of maand; "
            f"geef het kwartaal of de maand (zoals {found.periode})"
        )
    return found  # type: ignore[no-any-return]


def _expect(target: Any, jaar: int | str, fields: dict[str, Any]) -> None:
    """What the indicator holds once the entry is written: per year the measurement, the
    latest period standing for its year (model/periods.py)."""
    from programmatool.model.contract import ONBEKEND_WAARDEN, Realisatie
    from programmatool.model.periods import fold_periods

    raw: dict[Any, Any] = {
        y: r.model_dump(exclude_none=True)
        for y, r in target.realisaties.items()
        if r.periode is None
    }
    raw.update({k: r.model_dump(exclude_none=True) for k, r in target.perioden.items()})
    raw[jaar] = fields
    folded, periods, chosen = fold_periods({"realisaties": raw}, ONBEKEND_WAARDEN)
    target.realisaties = {
        y: Realisatie.model_validate(v) for y, v in sorted(folded["realisaties"].items())
    }
    # Keep the marks the model sets, so that the next row of the same file sees the periods.
    from programmatool.model.periods import period_of

    for year, key in chosen.items():
        target.realisaties[year]._periode = key
    target._perioden = {
        k: Realisatie.model_validate(periods[k])
        for k in sorted(periods, key=lambda k: (period_of(k), k))
    }


def _reading(tekst: str, fields: dict[str, Any]) -> str | None:
    """``2.372 gelezen als 2372`` when a point in the given figure grouped thousands."""
    value = fields.get("waarde")
    grouped = re.search(r"[0-9]\.[0-9]", tekst)
    if not grouped or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return f"{tekst.strip()} gelezen als {_yaml_waarde(value)}"


def _comment_after(line: str, entry: str) -> str | None:
    """The comment that follows ``entry`` on its line (``# voorlopig cijfer``), if any."""
    at = line.find(entry)
    rest = line[at + len(entry) :].strip() if at >= 0 else ""
    return rest if rest.startswith("#") else None


def verify_splice(
    before: LoadResult,
    text: str,
    expected: Contract,
    name: str,
    subject: str,
    short: str,
    settings: Settings,
) -> None:
    """Refuse a spliced text that does not load, does not load to ``expected`` exactly, or
    brings a rule error (at the configured levels) the file did not have; ``subject``/``short``
    name what was added."""
    after = load_text(text, name, settings.limits)
    if after.contract is None:
        raise RecordProblem(
            "\n".join([*error_lines(after), f"{name}: {subject} zou het contract ongeldig maken"]),
            EXIT_FINDINGS,
        )
    if after.contract.model_dump() != expected.model_dump():
        raise RecordProblem(
            f"{name}: {short} kon niet precies zo worden toegevoegd; niets gewijzigd"
        )
    new_errors = _rule_errors(after, settings) - _rule_errors(before, settings)
    if new_errors:
        details = "; ".join(sorted(f"{code} {msg}" for code, msg in new_errors))
        raise RecordProblem(f"{name}: {subject} geeft een fout: {details}", EXIT_FINDINGS)


def _as_fields(realisatie: Realisatie) -> dict[str, Any]:
    return realisatie.model_dump(exclude_none=True)


def _find_indicator(
    contract: RecordingContract, indicator_id: str, name: str
) -> RecordingIndicator:
    indicator = next((i for i in contract.indicatoren if i.id == indicator_id), None)
    if indicator is not None:
        return indicator
    ids = [i.id for i in contract.indicatoren]
    hint = did_you_mean(indicator_id, ids)
    known = f" (bekend: {', '.join(ids)})" if ids and not hint else ""
    raise RecordProblem(f"onbekende indicator '{indicator_id}'{hint}{known}")


def toegestane_jaren(contract: RecordingContract, indicator: RecordingIndicator) -> tuple[int, int]:
    """The years a measurement may be recorded for (see :func:`recording_years`)."""
    return recording_years(contract, indicator)


def record_many(
    per_file: dict[Path, tuple[str, list[Measurement]]],
    replace: bool = False,
    dry_run: bool = False,
    *,
    settings: Settings,
    tidy: bool = False,
    resolved: bool = False,
) -> list[Change]:
    """Record measurements in one or more files, all or nothing, with the command's
    ``settings`` from the pipeline (limits, rule levels), as :func:`write_files` does: each
    file locked, read again under its lock, planned once (:func:`plan`; files in parallel),
    written only when every file passes. Raises :class:`RecordProblem` with every problem.
    ``tidy`` (import) leaves no lock files behind (see :func:`locked`); ``resolved``: the
    paths are already the files they stand for (:func:`resolve_target`)."""
    requests = sorted(
        (
            (path if resolved else resolve_target(path, settings), name, (measurements, replace))
            for path, (name, measurements) in per_file.items()
        ),
        key=lambda request: (request[0], request[1]),
    )
    done = write_files(requests, _plan_request, settings, dry_run, tidy)
    return [change for changes in done for change in changes]


def _plan_request(
    name: str, raw: bytes, request: tuple[list[Measurement], bool], settings: Settings
) -> tuple[bytes, list[Change]]:
    measurements, replace = request
    return plan(name, raw, measurements, replace, settings=settings)


def record(
    path: Path,
    indicator_id: str,
    jaar: int | str,
    waarde: str,
    bron: str | None = None,
    toelichting: str | None = None,
    replace: bool = False,
    voorlopig: bool = False,
    config_path: Path | None = None,
    benadering: bool = False,
) -> Change:
    """Add one measurement to the contract at ``path`` (with ``replace``: replace the one of
    that year; ``benadering``: an approximate figure), under the configuration at
    ``config_path`` or the one found from here upward; raises :class:`RecordProblem` and leaves
    the file untouched when anything is wrong."""
    settings = writer_settings(config_path)
    measurement = Measurement(
        indicator_id, jaar, waarde, bron, toelichting, voorlopig, benadering=benadering
    )
    name = path.as_posix()
    return record_many({path: (name, [measurement])}, replace, settings=settings)[0]


def visible(text: str) -> str:
    """Text from a file or sheet made safe for a terminal: control characters (escape
    sequences, bell, carriage return) shown as ``\\x1b`` instead of acted upon."""
    import unicodedata

    if text.isprintable():  # no control, format or surrogate character: nothing to show
        return text
    return "".join(
        c if c == "\n" or unicodedata.category(c) not in {"Cc", "Cf", "Cs"} else repr(c)[1:-1]
        for c in text
    )


def describe(change: Change) -> str:
    """One line per change: ``file:line: 2020: 11 (indicator x)``, with ``old → new`` for a
    replacement."""
    text = f"{change.oud} → {change.tekst}" if change.oud is not None else change.tekst
    gelezen = f"; {change.gelezen}" if change.gelezen else ""
    line = f"{change.bestand}:{change.regel}: {text} (indicator {change.indicator}{gelezen})"
    if change.opmerking:
        line += (
            f"; let op: de opmerking achter de oude waarde staat er nog ({change.opmerking}),"
            " pas die zo nodig aan"
        )
    return line


# --- many at once: a sheet of measurements ----------------------------------------------------


def run_import(
    tabel: Path,
    folder: Path,
    replace: bool = False,
    dry_run: bool = False,
    config_path: Path | None = None,
) -> list[Change]:
    """Record every row of a CSV or .xlsx sheet, all or nothing, under the configuration at
    ``config_path`` (or the one found from here upward).

    Every row is checked (columns, contract, indicator, year, value) before any file is
    parsed for writing, against the portfolio's view that ``check`` caches
    (:func:`recording_view`); all problems are reported together with their row numbers. Only
    then is each touched file read once, all its rows spliced in and validated, and written.
    """
    from programmatool.editing.sheets import SheetError, read_sheet

    settings = writer_settings(config_path)
    try:
        rows = read_sheet(tabel)
    except SheetError as exc:
        raise RecordProblem(str(exc)) from None
    sheet = tabel.as_posix()
    if not rows:
        raise RecordProblem(f"{sheet}: de tabel heeft een kopregel maar geen metingen")
    wanted, problems = _requested(sheet, rows)
    files = sorted({Path(c) for c, _m in wanted if _is_file(c) and Path(c).is_file()})
    codes = any(not _is_file(c) for c, _m in wanted)
    view = recording_view([*([folder] if codes else []), *files], settings)
    per_file, found, known_names = _by_file(wanted, view, folder, settings)
    problems.extend(found)
    code = EXIT_USAGE
    for target, (name, measurements) in per_file.items():
        known = known_names.get(target) or view.name_of(target)
        if known is None:
            continue  # not seen by the view: checked under its lock like any other
        if known in view.broken:
            problems.extend(view.broken[known])
            problems.append(f"{name} bevat fouten; herstel die eerst")
            code = EXIT_FINDINGS
            continue
        contract = view.contract(known)
        if contract is None:
            continue  # the cache's view of it is unreadable: checked under its lock
        try:
            found_here = check_measurements(contract, name, measurements, replace, planning=False)
        except BrokenView:
            continue  # likewise
        problems.extend(found_here[1])
    if problems:
        raise RecordProblem(
            "\n".join([*_in_row_order(sheet, problems), f"{sheet}: niets vastgelegd"]), code
        )
    try:
        return record_many(per_file, replace, dry_run, settings=settings, tidy=True, resolved=True)
    except RecordProblem as exc:
        lines = _in_row_order(sheet, exc.message.split("\n"))
        if exc.changed:
            # A rename failed after others landed: say so, never "niets vastgelegd".
            outcome = f"{sheet}: deels vastgelegd, in {', '.join(exc.changed)}; controleer die"
        else:
            outcome = f"{sheet}: niets vastgelegd"
        raise RecordProblem("\n".join([*lines, outcome]), exc.code, exc.changed) from None


def _is_file(contract: str) -> bool:
    """Whether the ``contract`` column names a file (else it is a programme code)."""
    return contract.lower().endswith((".yaml", ".yml")) or "/" in contract


def _requested(sheet: str, rows: list[Row]) -> tuple[list[tuple[str, Measurement]], list[str]]:
    """Per row the contract it names and its measurement, and the rows' own problems (an
    empty required cell, a ``voorlopig`` that is not ja or nee)."""
    from programmatool.editing.sheets import read_provisional

    wanted: list[tuple[str, Measurement]] = []
    problems: list[str] = []
    for row in rows:
        cell = row.cells.get
        contract, indicator, jaar, waarde = (
            cell("contract", ""),
            cell("indicator", ""),
            cell("jaar", ""),
            cell("waarde", ""),
        )
        toelichting = cell("toelichting", "")
        # A row with only a toelichting is a note for a year without a measurement.
        if not (contract and indicator and jaar and (waarde or toelichting)):
            required = ("contract", "indicator", "jaar", *(() if toelichting else ("waarde",)))
            empty = [c for c in required if not row.get(c)]
            problems.append(f"{sheet}:{row.number}: {', '.join(empty)} is leeg")
            continue
        try:
            voorlopig = read_provisional(cell("voorlopig", ""))
            benadering = read_provisional(cell("benadering", ""), "benadering")
        except ValueError as exc:
            problems.append(f"{sheet}:{row.number}: {exc}")
            continue
        measurement = Measurement(
            indicator,
            jaar,
            waarde,
            cell("bron") or None,
            toelichting or None,
            voorlopig,
            f"{sheet}:{row.number}",
            benadering,
        )
        wanted.append((contract, measurement))
    return wanted, problems


def _by_file(
    wanted: list[tuple[str, Measurement]], view: PortfolioView, folder: Path, settings: Settings
) -> tuple[dict[Path, tuple[str, list[Measurement]]], list[str], dict[Path, str]]:
    """The measurements per file they go to (a symbolic link's target), found by file name
    or by programme code in the view; a Dutch problem per row whose contract is not found;
    and per file found by its code, the name under which the view read it."""
    per_file: dict[Path, tuple[str, list[Measurement]]] = {}
    problems: list[str] = []
    targets: dict[Path, Path | str] = {}
    names: dict[Path, str] = {}
    # Per text of the contract column: the file's entry in per_file, or why there is none (a
    # sheet names the same contract on many rows).
    found_for: dict[str, list[Measurement] | str] = {}
    codes = view.codes()
    for contract, measurement in wanted:
        slot = found_for.get(contract)
        if slot is None:
            slot = found_for[contract] = _slot(
                contract, codes, view, folder, settings, per_file, targets, names
            )
        if isinstance(slot, str):
            problems.append(f"{measurement.origin}: {slot}")
        else:
            slot.append(measurement)
    return per_file, problems, names


def _slot(
    contract: str,
    codes: dict[str, list[str]],
    view: PortfolioView,
    folder: Path,
    settings: Settings,
    per_file: dict[Path, tuple[str, list[Measurement]]],
    targets: dict[Path, Path | str],
    names: dict[Path, str],
) -> list[Measurement] | str:
    """Where the rows for ``contract`` (a file name or a programme code) go: the list of
    measurements of the file it stands for in ``per_file``, or a Dutch reason why none."""
    known: str | None = None
    if _is_file(contract):
        path = Path(contract)
        if not path.is_file():
            return f"contract {contract} bestaat niet"
    else:
        found = _find_code(contract, codes, view, folder)
        if isinstance(found, str):
            return found
        path = found
        known = codes[contract][0]
    if path not in targets:
        try:
            resolved = resolve_target(path, settings, read=False)
            # A file the view has read needs no second reading to know it is readable.
            if known is not None:
                names[resolved] = known
            elif view.name_of(resolved) is None:
                read_contract(resolved, path.as_posix(), settings)
            targets[path] = resolved
        except RecordProblem as exc:
            targets[path] = exc.message
    target = targets[path]
    if isinstance(target, str):
        return target
    return per_file.setdefault(target, (path.as_posix(), []))[1]


def _find_code(
    code: str, codes: dict[str, list[str]], view: PortfolioView, folder: Path
) -> Path | str:
    """The contract with this programme code, or a Dutch reason why there is none."""
    found = codes.get(code)
    if found and len(found) == 1:
        return view.paths[found[0]]
    if found:
        return f"programmacode '{code}' staat in meer dan één contract ({', '.join(found)})"
    hint = did_you_mean(code, codes)
    broken = (
        f" ({hoeveel(len(view.broken), 'contract', 'contracten')} met fouten overgeslagen)"
        if view.broken
        else ""
    )
    return f"geen contract met programmacode '{code}' in {folder.as_posix()}{hint}{broken}"


def _in_row_order(sheet: str, problems: list[str]) -> list[str]:
    """Problems in the order of the sheet's rows; others (a contract's own errors) after."""
    prefix = re.compile(re.escape(sheet) + r":(\d+): ")

    def key(line: str) -> tuple[int, int]:
        found = prefix.match(line)
        return (0, int(found.group(1))) if found else (1, 0)

    return sorted(problems, key=key)
