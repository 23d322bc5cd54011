"""Notes at a sentence that points to a figure or appendix the document does not hold.

Contracts keep their text as printed, including "zie figuur 1" or "in bijlage 2". A document
made by this tool reproduces no figures and no appendices as such, so such a sentence gets a note
right after it, rather than leaving the reader to look for something that is not there. The
sentence itself stays as printed; the note follows it in the same paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from programmatool.text.markdown import VeiligMarkdown, markdown_html, markdown_veilig, md_tekst

_VERWIJZING = re.compile(r"\b(figuur|afbeelding|bijlage)\s+([0-9]+[a-z]?|[IVX]+)\b", re.IGNORECASE)
#: The end of a sentence: a full stop, question or exclamation mark (with a closing bracket or
#: quote after it) before white space or the end of the text.
_ZINSEINDE = re.compile(r"[.!?][)\"'”’»]*(?=\s|$)")
#: Where a paragraph ends: an empty line, or a line that opens a list item, heading, table or
#: quote (a sentence never runs on into those).
_BLOKEINDE = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|\||>))")
#: Abbreviations whose full stop does not end a sentence ("o.a." has a stop inside and is
#: recognised by that).
_AFKORTINGEN = frozenset(
    [
        "bijv",
        "ca",
        "enz",
        "nr",
        "nrs",
        "blz",
        "zgn",
        "resp",
        "incl",
        "excl",
        "evt",
        "jl",
        "vgl",
        "art",
        "mln",
        "mld",
        "max",
        "min",
    ]
)
#: Marks a note's place in the text while the text is turned into HTML or Markdown; private-use
#: characters, which no contract text holds (a text that does keeps its note at the end).
_PLEK = "\ue000{}\ue001"
_PLEK_RE = re.compile("\ue000(\\d+)\ue001")


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
    """The note for a sentence (or text), or '' when it points to nothing missing."""
    found = verwijzingen(text)
    if not found:
        return ""
    namen = ", ".join(found[:-1]) + (" en " if len(found) > 1 else "") + found[-1]
    return (
        f"Noot: {namen} van het oorspronkelijke contract {'is' if len(found) == 1 else 'zijn'} "
        "niet in dit document opgenomen; wat het contract aan doelen, netwerk en begroting "
        "bevat, staat in de hoofdstukken van dit document."
    )


def _zinseinde(text: str, start: int) -> int:
    """The position right after the sentence that runs on from ``start``."""
    regel_begin = text.rfind("\n", 0, start) + 1
    if text[regel_begin:start].lstrip().startswith("#"):  # a heading: its own line
        einde = text.find("\n", start)
        return len(text) if einde < 0 else einde
    blok = _BLOKEINDE.search(text, start)
    grens = blok.start() if blok else len(text)
    for match in _ZINSEINDE.finditer(text, start, grens):
        woord = text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
        if "." in woord or woord.casefold() in _AFKORTINGEN:
            continue
        return match.end()
    return len(text[:grens].rstrip())


def _in_tabel(text: str, at: int) -> bool:
    regel_begin = text.rfind("\n", 0, at) + 1
    return text[regel_begin:at].lstrip().startswith("|")


def met_plekken(text: str) -> tuple[str, list[str]]:
    """The text with a mark after each sentence that points to a missing figure, and the notes.

    A sentence in a Markdown table keeps no mark (a note would break the row); its note is
    returned last, with the index ``len(notes) - 1`` not placed in the text.
    """
    per_einde: dict[int, str] = {}
    los: list[str] = []
    for match in _VERWIJZING.finditer(text):
        if _in_tabel(text, match.start()):
            los.append(match.group(0))
            continue
        einde = _zinseinde(text, match.end())
        per_einde[einde] = per_einde.get(einde, "") + " " + match.group(0)
    notes: list[str] = []
    delen: list[str] = []
    vorige = 0
    for einde in sorted(per_einde):
        delen.append(text[vorige:einde])
        delen.append(_PLEK.format(len(notes)))
        notes.append(noot(per_einde[einde]))
        vorige = einde
    delen.append(text[vorige:])
    if los:
        notes.append(noot(" ".join(los)))
    return "".join(delen), notes


def _plaatsbaar(text: str | None) -> bool:
    return bool(text) and "\ue000" not in (text or "") and "\ue001" not in (text or "")


def markdown_html_met_noot(text: str | None, kop: int = 4) -> Any:
    """:func:`safety.markdown_html` with a note right after each sentence that points to a
    missing figure or appendix."""
    from markupsafe import Markup, escape

    if not text or not verwijzingen(text):
        return markdown_html(text, kop)
    if not _plaatsbaar(text):
        return (
            markdown_html(text, kop)
            + Markup('<p class="noot">')
            + escape(noot(text))
            + Markup("</p>")
        )
    gemarkeerd, notes = met_plekken(text)
    html = str(markdown_html(gemarkeerd, kop))
    geplaatst: set[int] = set()

    def plaats(match: re.Match[str]) -> str:
        n = int(match.group(1))
        geplaatst.add(n)
        return f' <span class="noot" role="note">[{escape(notes[n])}]</span>'

    html = _PLEK_RE.sub(plaats, html)
    rest = [notes[n] for n in range(len(notes)) if n not in geplaatst]
    slot = "".join(f'<p class="noot">{escape(n)}</p>' for n in rest)
    return Markup(html + slot)


def markdown_md_met_noot(text: str | None, kop: int = 4) -> VeiligMarkdown:
    """:func:`safety.markdown_veilig` with the same notes, in italics after their sentence."""
    if not text or not verwijzingen(text):
        return markdown_veilig(text, kop)
    if not _plaatsbaar(text):
        veilig = markdown_veilig(text, kop)
        return VeiligMarkdown(f"{veilig}\n\n*{md_tekst(noot(text))}*")
    gemarkeerd, notes = met_plekken(text)
    md = str(markdown_veilig(gemarkeerd, kop))
    geplaatst: set[int] = set()

    def plaats(match: re.Match[str]) -> str:
        n = int(match.group(1))
        geplaatst.add(n)
        return f" *\\[{md_tekst(notes[n])}\\]*"

    md = _PLEK_RE.sub(plaats, md)
    rest = [notes[n] for n in range(len(notes)) if n not in geplaatst]
    return VeiligMarkdown(md + "".join(f"\n\n*{md_tekst(n)}*" for n in rest))
