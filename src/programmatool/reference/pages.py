"""Every generated page of docs/, and writing them (``make docs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from programmatool.pipeline.writing import write_atomic
from programmatool.reference.changes import change_reference_markdown
from programmatool.reference.commands import command_reference_markdown
from programmatool.reference.fields import field_reference_markdown
from programmatool.reference.rules import rule_reference_markdown


def pages(root_command: Any) -> dict[str, str]:
    """File name in docs/ → its text; ``root_command`` is the app's command tree."""
    return {
        "commandos.md": command_reference_markdown(root_command),
        "regels.md": rule_reference_markdown(),
        "velden.md": field_reference_markdown(),
        "wijzigingen.md": change_reference_markdown(),
    }


def write_pages(root_command: Any, root: Path = Path(".")) -> list[Path]:
    """Write every generated page into ``root/docs``, each whole or not at all."""
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    written = []
    for name, text in pages(root_command).items():
        write_atomic(docs / name, text.encode("utf-8"))
        written.append(docs / name)
    return written
