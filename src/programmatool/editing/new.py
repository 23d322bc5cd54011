"""``programmatool new``: a contract to start from, written out from the model.

Every section of the contract is there with a short Dutch comment per field (from
:mod:`programmatool.reference`); lists start empty with a commented example entry, texts start
empty, and what the author cannot know yet is ``onbekend``. The result loads at once: ``check``
gives only warnings for what is still to be filled in.
"""

from __future__ import annotations

import re
import typing
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from programmatool.model import contract as m
from programmatool.model.contract import field_description

#: Width of the value part before a line's comment, so the comments form a column.
_COMMENT_COLUMN = 40


def code_from_name(name: str) -> str:
    """A programme code from its name: 'Schone Stad!' → 'schone-stad'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    code = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    return code or "programma"


def parse_periode(text: str) -> tuple[int | str, int | str]:
    """'2024-2027' (or '2024–2027', '2024-onbekend', 'onbekend') → (start, eind)."""
    cleaned = text.strip().replace("–", "-").replace("—", "-").replace(" tot ", "-")
    if cleaned == m.ONBEKEND:
        return m.ONBEKEND, m.ONBEKEND
    match = re.fullmatch(r"\s*(\d{4}|onbekend)\s*-\s*(\d{4}|onbekend)\s*", cleaned)
    if not match:
        raise ValueError(
            f"periode '{text}' is geen looptijd; schrijf bijvoorbeeld 2024-2027 "
            "(of onbekend voor een jaar dat de bron niet noemt)"
        )
    start, eind = (int(x) if x.isdigit() else m.ONBEKEND for x in match.groups())
    for year in (start, eind):
        if isinstance(year, int) and not 1900 <= year <= 2200:
            raise ValueError(f"jaar {year} ligt niet tussen 1900 en 2200")
    if isinstance(start, int) and isinstance(eind, int) and eind < start:
        raise ValueError(f"het eindjaar {eind} ligt vóór het startjaar {start}")
    return start, eind


def _quote(text: str) -> str:
    """A YAML scalar for a user's text: plain when safe, else double-quoted."""
    if re.fullmatch(r"[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 .,'()/&+-]*", text) and not re.fullmatch(
        r"(?i)(true|false|yes|no|on|off|null|~|[0-9.]+)", text
    ):
        return text
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _line(indent: str, key_value: str, comment: str) -> str:
    text = f"{indent}{key_value}"
    return f"{text.ljust(_COMMENT_COLUMN)} # {comment}" if comment else text


def _describe(cls: type[BaseModel], name: str) -> str:
    description, _ = field_description(cls, name)
    raw = typing.get_type_hints(cls, include_extras=True)[name]
    choices = _choices(raw)
    if choices:
        description += " (" + " | ".join(choices) + ")"
    return description


def _choices(annotation: Any) -> list[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    out: list[str] = []
    for arg in typing.get_args(annotation):
        out.extend(_choices(arg))
    return out


def _list_model(cls: type[BaseModel], name: str) -> type[BaseModel] | None:
    kind, sub = _nested(cls.model_fields[name].annotation)
    return sub if kind == "lijst" else None


def _nested(annotation: Any) -> tuple[str, type[BaseModel] | None]:
    """How a field holds another model: ('lijst'|'jaar'|'enkel', model) or ('', None)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "enkel", annotation
    if origin is typing.Annotated:
        return _nested(args[0])
    if origin is list:
        kind, sub = _nested(args[0])
        return ("lijst", sub) if kind == "enkel" else ("", None)
    if origin is dict:
        kind, sub = _nested(args[1])
        return ("jaar", sub) if kind == "enkel" else ("", None)
    for arg in args:  # Optional[...] and other unions
        kind, sub = _nested(arg)
        if kind:
            return kind, sub
    return "", None


def _example_entry(
    cls: type[BaseModel], base: str, offset: int = 2, item: bool = True
) -> list[str]:
    """A commented-out example: every field with its example and comment, nested models
    written out field by field (a list entry with '- ', a year under '2020:'). The '#' stays
    at ``base``; the YAML indentation follows it, so removing the '#' gives valid YAML."""
    lines = []
    pad = " " * offset
    for n, name in enumerate(cls.model_fields):
        _, example = field_description(cls, name)
        if item:
            prefix = f"{base}#{pad} - " if n == 0 else f"{base}#{pad}   "
            inner = offset + 4
        else:
            prefix = f"{base}#{pad} "
            inner = offset + 2
        kind, sub = _nested(cls.model_fields[name].annotation)
        comment = _describe(cls, name)
        if sub is None:
            lines.append(_line(prefix, f"{name}: {example}", comment))
        elif kind == "lijst":
            lines.append(_line(prefix, f"{name}:", comment))
            lines += _example_entry(sub, base, inner)
        elif kind == "jaar":
            lines.append(_line(prefix, f"{name}:", comment))
            lines.append(f"{base}#{' ' * inner} 2020:")
            lines += _example_entry(sub, base, inner + 2, item=False)
        else:
            lines.append(_line(prefix, f"{name}:", comment))
            lines += _example_entry(sub, base, inner, item=False)
    return lines


def new_contract_text(
    programma: str,
    gemeente: str,
    start: int | str,
    eind: int | str,
    code: str | None = None,
    schema: str = "programmacontract.schema.json",
    bestand: str | None = None,
) -> str:
    """The YAML text of a new contract; valid at once, with 'onbekend' where nothing is known."""
    code = code or code_from_name(programma)
    # Names go into comments too: one line, no control characters.
    naam_regel = " ".join(programma.split())
    plaats_regel = " ".join(gemeente.split())
    given: dict[str, str] = {
        "programma": _quote(programma),
        "code": code,
        "gemeente": _quote(gemeente),
        "status": "onbekend",
        "doelniveaus": "2",
    }
    out = [
        f"# yaml-language-server: $schema={' '.join(schema.split())}",
        f"# Programmacontract {naam_regel} ({plaats_regel}), begonnen met 'programmatool new'.",
        "# Vul in wat de bron zegt, met elk cijfer zoals het is gedrukt. Zegt de bron iets niet,",
        "# schrijf dan 'onbekend' (bij getallen ook 'n.t.b.' of 'p.m.') en verzin niets.",
        "# Een lijst begint leeg ([]); het voorbeeld eronder laat de velden van één element zien.",
        f"# Controleer met: programmatool check {bestand or code + '.yaml'}",
    ]
    contract = m.Contract
    for name in contract.model_fields:
        comment = _describe(contract, name)
        if name in given:
            out.append(_line("", f"{name}: {given[name]}", comment))
        elif name == "periode":
            out.append(_line("", "periode:", comment))
            out.append(_line("  ", f"start: {start}", _describe(m.Periode, "start")))
            out.append(_line("  ", f"eind: {eind}", _describe(m.Periode, "eind")))
        elif name == "rollen":
            out.append(_line("", "rollen:", comment))
            out.append(
                _line(
                    "  ",
                    "bestuurlijk_opdrachtgevers: onbekend",
                    _describe(m.Rollen, "bestuurlijk_opdrachtgevers"),
                )
            )
            for sub in ("ambtelijk_opdrachtgever", "programmamanager"):
                out.append(_line("  ", f"{sub}:", _describe(m.Rollen, sub)))
            out += _example_entry(m.Persoon, "  ", item=False)
            out.append(_line("  ", "overige: []", _describe(m.Rollen, "overige")))
            out += _example_entry(m.OverigeRol, "  ")
        elif name == "middelen":
            out.append(_line("", "middelen:", comment))
            for sub in m.Middelen.model_fields:
                item = _list_model(m.Middelen, sub)
                value = "[]" if item else ""
                out.append(_line("  ", f"{sub}: {value}".rstrip(), _describe(m.Middelen, sub)))
                if item:
                    out += _example_entry(item, "  ")
        else:
            kind, sub_model = _nested(contract.model_fields[name].annotation)
            raw = contract.model_fields[name].annotation
            if kind == "lijst" and sub_model is not None:
                out.append(_line("", f"{name}: []", comment))
                out += _example_entry(sub_model, "")
            elif kind == "jaar" and sub_model is not None:
                out.append(_line("", f"{name}: {{}}", comment))
                out.append("#   2020:")
                out += _example_entry(sub_model, "", 4, item=False)
            elif typing.get_origin(raw) in (list,):
                out.append(_line("", f"{name}: []", comment))
            else:
                out.append(_line("", f"{name}:", comment))
    return "\n".join(out) + "\n"


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` only if no file is there: never overwrite (whole or nothing)."""
    import contextlib
    import os
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.link(tmp, path)  # fails with FileExistsError when the file appeared meanwhile
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current


def problems_in_new(text: str, name: str) -> list[str]:
    """What ``check`` would say is wrong with the new contract's text (errors only): a name
    with a control character or a line separator can make a text that is not valid."""
    from programmatool.loading import load_bytes
    from programmatool.rules import run_rules

    # As check reads a file: from its bytes, where a line separator is caught.
    result = load_bytes(text.encode("utf-8"), name)
    found = [f for f in result.findings if f.severity == "fout"]
    if result.contract is not None:
        found += [f for f in run_rules([result]) if f.severity == "fout"]
    return [f.as_text() for f in found]
