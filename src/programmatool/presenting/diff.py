"""The ``diff`` command: load two sides, pair programmes by code, present the changes.

The comparison itself is ``diff.diff`` (pure); git access is ``gitrev``. This module reads the
files, pairs them, applies the configured severities and writes text, Markdown or JSON.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from programmatool.diff.changes import CHECKS
from programmatool.diff.result import DiffResult, ProgrammeDiff, summary

if TYPE_CHECKING:
    pass

DIFF_FORMATS = ("text", "markdown", "json")


# --- severities from the configuration ---------------------------------------------------------


# --- loading both sides -------------------------------------------------------------------------


# --- presenting ---------------------------------------------------------------------------------


def _title(programme: ProgrammeDiff) -> str:
    if programme.status == "nieuw":
        return f"{programme.programma} ({programme.new_name}, nieuw)"
    if programme.status == "verwijderd":
        return f"{programme.programma} ({programme.old_name}, verwijderd)"
    if programme.renamed:
        return f"{programme.programma} ({programme.old_name} → {programme.new_name})"
    return f"{programme.programma} ({programme.new_name})"


def as_text(result: DiffResult) -> str:
    """For the terminal: per programme one line per change, ``file:line:col: niveau check: …``."""
    lines: list[str] = []
    for programme in result.programmes:
        if not programme.changes:
            continue
        lines.append(_title(programme))
        for located in programme.changes:
            change = located.change
            lines.append(
                f"  {located.location()}: {change.severity} {change.check}: {change.text()}"
            )
        lines.append("")
    lines.append(summary(result))
    return "\n".join(_plain(line) for line in lines) + "\n"


def _plain(text: str) -> str:
    # Contract text reaches the terminal: control characters (C0, DEL, C1) and bidirectional
    # overrides must not steer it or make a line read differently than it is.
    return "".join("\ufffd" if _steers(ch) else ch for ch in text)


def _steers(ch: str) -> bool:
    code = ord(ch)
    return (
        (code < 0x20 and ch != "\t")
        or 0x7F <= code <= 0x9F
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
    )


def _cell(text: Any) -> str:
    from programmatool.text.markdown import markdown_cel

    return markdown_cel(text)


def as_markdown(result: DiffResult, level: int = 2) -> str:
    """For a pull-request comment or the CI step summary: a table per changed programme."""
    head = "#" * level
    out = [f"{head} Wijzigingen ten opzichte van {_code(result.base)}", "", summary(result), ""]
    for programme in result.programmes:
        if not programme.changes:
            continue
        out.append(f"{head}# {_cell(_title(programme))}")
        out.append("")
        out.append("| Niveau | Onderdeel | Wijziging | Soort | Waar |")
        out.append("| --- | --- | --- | --- | --- |")
        for located in programme.changes:
            change = located.change
            level_text = (
                f"**{change.severity}**" if change.severity == "belangrijk" else (change.severity)
            )
            out.append(
                f"| {level_text} | {_cell(change.subject)} | {_cell(change.message)} | "
                f"`{change.check}` | {_code(f'{located.file}:{located.line}')} |"
            )
        out.append("")
    return "\n".join(_plain(line) for line in out).rstrip("\n") + "\n"


def _code(text: str) -> str:
    """Inline code that no backtick, pipe or newline in ``text`` can break out of."""
    clean = " ".join(text.split()).replace("`", "'").replace("|", "\\|")
    return f"`{clean}`"


def as_json(result: DiffResult) -> str:
    """For other tools: every programme, every change with its check, severity and values."""
    data = {
        "sinds": result.base,
        "wijzigingen": len(result.changes()),
        "per_niveau": result.per_severity(),
        "programmas": [
            {
                "code": p.code,
                "programma": p.programma,
                "oud": p.old_name,
                "nieuw": p.new_name,
                "status": p.status,
                "wijzigingen": [
                    {
                        "controle": c.change.check,
                        "niveau": c.change.severity,
                        "onderwerp": c.change.subject,
                        "bericht": c.change.message,
                        "bestand": c.file,
                        "regel": c.line,
                        "kolom": c.column,
                        "jaar": c.change.year,
                        "oud": c.change.old,
                        "nieuw": c.change.new,
                        "verschil": c.change.difference,
                    }
                    for c in p.changes
                ],
            }
            for p in result.programmes
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def present(result: DiffResult, formaat: str) -> str:
    """The result in ``text``, ``markdown`` or ``json``."""
    if formaat == "json":
        return as_json(result)
    if formaat == "markdown":
        return as_markdown(result)
    return as_text(result)


def checks_table() -> str:
    """The kinds of change as a Markdown table (for the README)."""
    rows = ["| soort | standaardniveau | wat |", "| --- | --- | --- |"]
    rows += [f"| `{c.name}` | {c.severity} | {c.title} |" for c in CHECKS.values()]
    return "\n".join(rows) + "\n"


# --- the chapter in council documents (render --sinds) ------------------------------------------
