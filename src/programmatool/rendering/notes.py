"""Notes at a sentence that points to a figure or appendix the document does not hold.

Contracts keep their text as printed, including "zie figuur 1" or "in bijlage 2". A document
made by this tool reproduces no figures and no appendices as such, so such a sentence gets a note
rather than leaving the reader to look for something that is not there.
"""

from __future__ import annotations

import re
from typing import Any

from .safety import VeiligMarkdown, markdown_html, markdown_veilig, md_tekst

_VERWIJZING = re.compile(r"\b(figuur|afbeelding|bijlage)\s+([0-9]+[a-z]?|[IVX]+)\b", re.IGNORECASE)


def verwijzingen(text: str | None) -> list[str]:
    """The figures and appendices a text points to, as written ('figuur 1', 'bijlage III')."""
    if not text:
        return []
    seen: dict[str, str] = {}
    for match in _VERWIJZING.finditer(text):
        woord = f"{match.group(1).lower()} {match.group(2)}"
        seen.setdefault(woord.casefold(), woord)
    return list(seen.values())


def noot(text: str | None) -> str:
    """The note for a text, or '' when it points to nothing missing."""
    found = verwijzingen(text)
    if not found:
        return ""
    namen = ", ".join(found[:-1]) + (" en " if len(found) > 1 else "") + found[-1]
    figuren = any(f.startswith(("figuur", "afbeelding")) for f in found)
    bijlagen = any(f.startswith("bijlage") for f in found)
    wat = " en ".join(w for w, ja in (("figuren", figuren), ("bijlagen", bijlagen)) if ja)
    return (
        f"Noot: deze tekst verwijst naar {namen} van het oorspronkelijke contract. Dit document "
        f"neemt geen {wat} over; de gegevens uit het contract (doelen, netwerk, begroting) staan "
        "in de hoofdstukken van dit document."
    )


def markdown_html_met_noot(text: str | None, kop: int = 4) -> Any:
    """:func:`safety.markdown_html` plus a note when the text points to a missing figure."""
    from markupsafe import Markup, escape

    html = markdown_html(text, kop)
    tekst = noot(text)
    if not tekst:
        return html
    return html + Markup('<p class="noot">') + escape(tekst) + Markup("</p>")


def markdown_md_met_noot(text: str | None, kop: int = 4) -> VeiligMarkdown:
    """:func:`safety.markdown_veilig` plus the same note as an italic paragraph."""
    md = markdown_veilig(text, kop)
    tekst = noot(text)
    return VeiligMarkdown(f"{md}\n\n*{md_tekst(tekst)}*") if tekst else md
