"""Recording a measurement: one new realisation in a contract file, nothing else touched.

The file is read with ruamel.yaml's round-trip composer, which knows where every node starts
and ends in the text. The new entry is spliced into the text at that place, in the style of
its neighbours (block or flow), so comments, key order, quoting, indentation and line endings
of everything else stay byte-identical. Re-emitting the whole document would normalise
indentation and line width, so the tool never does that. Before writing, the new text is
loaded again and must give the same contract plus exactly the new realisation.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .loading import LoadResult, load_bytes, load_text
from .model import MAX_GETAL, Contract, Indicator, Realisatie
from .oserrors import reden

#: Exit code when the contract file itself has errors (before or after the change).
EXIT_CONTRACT = 1
#: Exit code when the request cannot be carried out (unknown indicator, bad year or value).
EXIT_WEIGERING = 2


class RecordProblem(Exception):
    """A refused request; ``code`` is the exit code, the message is Dutch."""

    def __init__(self, message: str, code: int = EXIT_WEIGERING) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Vastgelegd:
    """What ``record`` wrote: where, and the exact lines added."""

    bestand: str
    indicator: str
    jaar: int
    regel: int
    tekst: str


# --- the value --------------------------------------------------------------------------------

_GETAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: At most this many decimals: more cannot be stored exactly and would be rounded unseen.
MAX_DECIMALEN = 9
_JA = {"ja", "behaald", "true"}
_NEE = {"nee", "niet behaald", "false"}


def lees_waarde(indicator: Indicator, tekst: str) -> dict[str, Any]:
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
        if _DATUM.fullmatch(text):
            try:
                return {"datum": dt.date.fromisoformat(text)}
            except ValueError:
                pass
        if text.casefold() in _JA:
            return {"behaald": True}
        if text.casefold() in _NEE:
            return {"behaald": False}
        raise RecordProblem(
            f"indicator {indicator.id} is een mijlpaal: geef de datum waarop hij is bereikt "
            f"(JJJJ-MM-DD), of 'ja' of 'nee'; gevonden '{tekst}'"
        )
    if not _GETAL.fullmatch(text):
        raise RecordProblem(
            f"indicator {indicator.id} verwacht een getal (bijvoorbeeld 12 of 12,5), "
            f"gevonden '{tekst}'"
        )
    number = text.replace(",", ".")
    whole, _, decimals = number.lstrip("+-").partition(".")
    # Checked on the digits, before converting: Python refuses to read an integer of more than
    # 4,300 digits, and a float silently rounds what does not fit.
    if len(whole.lstrip("0")) > 16 or abs(float(number)) > MAX_GETAL:
        raise RecordProblem(f"getal {_kort(tekst)} is te groot (maximaal 10^15)")
    if len(decimals) > MAX_DECIMALEN:
        raise RecordProblem(
            f"getal {_kort(tekst)} heeft te veel decimalen (hoogstens {MAX_DECIMALEN})"
        )
    value: int | float = float(number) if "." in number else int(number)
    return {"waarde": value}


def _kort(tekst: str, lengte: int = 30) -> str:
    """A long text from the command line, shortened for a message."""
    return tekst if len(tekst) <= lengte else f"{tekst[: lengte - 1]}… ({len(tekst)} tekens)"


def toegestane_jaren(contract: Contract, indicator: Indicator) -> tuple[int, int]:
    """The years a measurement may be recorded for: from the earliest of the peiljaar, the
    measurements and the programme's start, to the latest of the targets, the measurements
    and the programme's end."""
    low = [contract.periode.start, *indicator.realisaties, *indicator.streefwaarden]
    high = [contract.periode.eind, *indicator.realisaties, *indicator.streefwaarden]
    if indicator.peiljaar is not None:
        low.append(indicator.peiljaar)
    if indicator.streefdatum is not None:
        high.append(indicator.streefdatum.year)
    return min(low), max(high)


# --- YAML text --------------------------------------------------------------------------------


def _yaml_tekst(value: str) -> str:
    """A string as a YAML scalar: plain where that reads back as the same text, else quoted."""
    from ruamel.yaml import YAML

    safe = YAML(typ="safe", pure=True)
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


def _entry(jaar: int, fields: dict[str, Any]) -> str:
    """``2021: 14`` when only a value is given, else ``2021: {waarde: 14, bron: …}``."""
    if list(fields) == ["waarde"]:
        return f"{jaar}: {_yaml_waarde(fields['waarde'])}"
    inner = ", ".join(f"{k}: {_yaml_waarde(v)}" for k, v in fields.items())
    return f"{jaar}: {{{inner}}}"


def _compose(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="rt").compose(text)


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


def splice(text: str, indicator_id: str, jaar: int, fields: dict[str, Any]) -> tuple[str, int]:
    """The text with the new realisation added, and the 1-based line where it stands."""
    from ruamel.yaml.nodes import MappingNode

    newline = "\r\n" if "\r\n" in text else "\n"
    root = _compose(text)
    entry = _entry(jaar, fields)
    indicatoren = _mapping_get(root, "indicatoren")
    if indicatoren is None:
        raise RecordProblem("het contract heeft geen indicatoren")
    target = None
    for item in indicatoren[1].value:
        found = _mapping_get(item, "id") if isinstance(item, MappingNode) else None
        if found is not None and str(found[1].value) == indicator_id:
            target = item
            break
    if target is None:
        raise RecordProblem(f"indicator {indicator_id} niet gevonden in de tekst")

    existing = _mapping_get(target, "realisaties")
    if existing is not None:
        node = existing[1]
        if not isinstance(node, MappingNode):
            raise RecordProblem("realisaties van deze indicator is geen mapping")
        later = [(k, v) for k, v in node.value if int(k.value) > jaar]
        if node.flow_style:
            if later:
                at = int(later[0][0].start_mark.index)
                return _insert(text, at, f"{entry}, ")
            if node.value:
                return _insert(text, _node_end(node.value[-1][1]), f", {entry}")
            return _insert(text, int(node.start_mark.index) + 1, entry)
        column = int(node.value[0][0].start_mark.column)
        if later:
            at = _line_start(text, int(later[0][0].start_mark.index))
            return _insert(text, at, " " * column + entry + newline)
        at, prefix = _after_line(text, _node_end(node.value[-1][1]), newline)
        return _insert(text, at, prefix + " " * column + entry + newline)

    if target.flow_style:
        return _insert(text, _node_end(target.value[-1][1]), f", realisaties: {{{entry}}}")
    anchor = _mapping_get(target, "streefwaarden") or target.value[-1]
    column = int(target.value[0][0].start_mark.column)
    step = _indent_step(root)
    at, prefix = _after_line(text, _node_end(anchor[1]), newline)
    block = f"{' ' * column}realisaties:{newline}{' ' * (column + step)}{entry}{newline}"
    new_text, line = _insert(text, at, prefix + block)
    return new_text, line + 1  # the entry stands on the line below the new key


def _indent_step(root: Any) -> int:
    """The file's own indentation step, read from its first nested block mapping (else 2)."""
    from ruamel.yaml.nodes import MappingNode

    for key, value in root.value:
        if isinstance(value, MappingNode) and not value.flow_style and value.value:
            step = int(value.value[0][0].start_mark.column) - int(key.start_mark.column)
            if step > 0:
                return step
    return 2


def _insert(text: str, at: int, piece: str) -> tuple[str, int]:
    new = text[:at] + piece + text[at:]
    first = at + len(piece) - len(piece.lstrip("\r\n, "))
    return new, new.count("\n", 0, first) + 1


# --- the command ------------------------------------------------------------------------------


def _fouten(result: LoadResult) -> list[str]:
    return [f.als_tekst() for f in result.findings if f.niveau == "fout"]


def _regel_fouten(result: LoadResult) -> set[tuple[str, str]]:
    """Errors of the consistency rules, without positions (lines move when one is added)."""
    from .rules import run_rules

    return {(f.code, f.bericht) for f in run_rules([result]) if f.niveau == "fout"}


def lees_jaar(tekst: str) -> int:
    """A year from the command line: a whole number from 1900 to 2200."""
    text = tekst.strip()
    if not re.fullmatch(r"[0-9]{4}", text) or not 1900 <= int(text) <= 2200:
        raise RecordProblem(f"jaar moet een jaartal zijn (1900–2200), gevonden '{tekst}'")
    return int(text)


def record(
    path: Path,
    indicator_id: str,
    jaar: int | str,
    waarde: str,
    bron: str | None = None,
    toelichting: str | None = None,
) -> Vastgelegd:
    """Add one measurement to the contract at ``path``; raises :class:`RecordProblem` and
    leaves the file untouched when anything is wrong."""
    from .writing import write_atomic

    name = path.as_posix()
    jaar = lees_jaar(jaar) if isinstance(jaar, str) else jaar
    if path.is_dir():
        raise RecordProblem(f"{name} is een map; geef een contractbestand")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RecordProblem(f"{name}: kan het bestand niet lezen: {reden(exc)}") from None
    before = load_bytes(raw, name)
    if before.contract is None:
        raise RecordProblem(
            "\n".join([*_fouten(before), f"{name} bevat fouten; herstel die eerst"]),
            EXIT_CONTRACT,
        )
    contract = before.contract
    indicator = next((i for i in contract.indicatoren if i.id == indicator_id), None)
    if indicator is None:
        ids = [i.id for i in contract.indicatoren]
        close = difflib.get_close_matches(indicator_id, ids, n=1, cutoff=0.6)
        hint = f"; bedoelde u '{close[0]}'?" if close else ""
        known = f" (bekend: {', '.join(ids)})" if ids and not close else ""
        raise RecordProblem(f"{name}: onbekende indicator '{indicator_id}'{hint}{known}")
    low, high = toegestane_jaren(contract, indicator)
    if not low <= jaar <= high:
        raise RecordProblem(
            f"{name}: jaar {jaar} valt buiten de jaren van indicator {indicator.id} ({low}–{high})"
        )
    if jaar in indicator.realisaties:
        raise RecordProblem(
            f"{name}: indicator {indicator.id} heeft al een realisatie voor {jaar}; "
            "pas die met de hand aan"
        )
    fields = lees_waarde(indicator, waarde)
    for key, text in (("bron", bron), ("toelichting", toelichting)):
        if text is not None:
            if not text.strip():
                raise RecordProblem(f"--{key} mag niet leeg zijn")
            fields[key] = text.strip()

    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0 :].decode("utf-8")
    new_text, line = splice(text, indicator.id, jaar, fields)

    after = load_text(new_text, name)
    if after.contract is None:
        raise RecordProblem(
            "\n".join(
                [*_fouten(after), f"{name}: de nieuwe meting zou het contract ongeldig maken"]
            ),
            EXIT_CONTRACT,
        )
    expected = contract.model_copy(deep=True)
    target = next(i for i in expected.indicatoren if i.id == indicator.id)
    target.realisaties[jaar] = Realisatie.model_validate(fields)
    target.realisaties = dict(sorted(target.realisaties.items()))
    got = after.contract.model_dump()
    if got != expected.model_dump():
        raise RecordProblem(
            f"{name}: de meting kon niet precies zo worden toegevoegd; niets gewijzigd"
        )
    new_errors = _regel_fouten(after) - _regel_fouten(before)
    if new_errors:
        details = "; ".join(sorted(f"{code} {msg}" for code, msg in new_errors))
        raise RecordProblem(f"{name}: de nieuwe meting geeft een fout: {details}", EXIT_CONTRACT)
    try:
        write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8"))
    except OSError as exc:
        raise RecordProblem(f"{name}: kan het bestand niet schrijven: {reden(exc)}") from None
    added = new_text.splitlines()[line - 1].strip()
    return Vastgelegd(name, indicator.id, jaar, line, added)
