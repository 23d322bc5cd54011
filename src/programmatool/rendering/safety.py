"""Text from a contract made safe for a document: Markdown to HTML without raw HTML or
images, and Markdown for a Markdown document with raw HTML and unsafe links neutralised."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


def _markdown_it() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Raw HTML is off: a contract's text can never inject markup or script. Images are off:
    # a document must not fetch anything from the web.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.disable("image")
    return md


_MD: list[MarkdownIt] = []


def markdown_html(text: str | None, kop: int = 4) -> Any:
    """Markdown from a text field as safe HTML; headings in it start at level ``kop``."""
    from markupsafe import Markup

    if not text:
        return Markup("")
    return Markup(_markdown_html(text, kop))


@functools.lru_cache(maxsize=4096)
def _markdown_html(text: str, kop: int) -> str:
    # Pure and the slowest step of rendering: texts that recur (the standard paragraphs that
    # contracts of one municipality share, or many copies of one contract) are parsed once.
    if not _MD:
        _MD.append(_markdown_it())
    md = _MD[0]
    tokens = md.parse(text)
    levels = [int(t.tag[1:]) for t in tokens if t.type == "heading_open"]
    # The text's highest heading becomes level ``kop``; the rest keep their relative depth.
    shift = kop - min(levels) if levels else 0
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1:]) + shift)}"
    return str(md.renderer.render(tokens, md.options, {}).rstrip("\n"))


_CODE_SPAN = re.compile(r"(`+)(.*?)\1", re.DOTALL)
_RAW_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")


def markdown_veilig(text: str | None, kop: int = 4) -> str:
    """Markdown from a text field for a Markdown document, with raw HTML neutralised.

    A ``<`` that would open an HTML tag gets a backslash, so a viewer shows it as text, and a
    link to ``javascript:`` (or ``vbscript:``, ``data:``, ``file:``) is shown as text instead of
    a link; code spans and fenced code blocks are left alone. Headings in the text start at ``kop``.
    """
    if not text:
        return ""
    lines = text.rstrip("\n").split("\n")
    levels = [len(m.group(1)) for line in _outside_fences(lines) if (m := _ATX_HEADING.match(line))]
    shift = kop - min(levels) if levels else 0
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        stripped = line.lstrip()
        marker = re.match(r"(`{3,}|~{3,})", stripped)
        if fence is not None:
            out.append(line)
            if marker and stripped.startswith(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            out.append(line)
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            level = min(6, len(heading.group(1)) + shift)
            line = "#" * level + line[heading.end(1) :]
        out.append(_escape_outside_code(line))
    # Inline links are neutralised in the whole text: a destination may be on the next line.
    return _INLINE_LINK.sub(_link_als_tekst, "\n".join(out))


def _outside_fences(lines: list[str]) -> list[str]:
    outside: list[str] = []
    fence: str | None = None
    for line in lines:
        marker = re.match(r"(`{3,}|~{3,})", line.lstrip())
        if fence is not None:
            if marker and line.lstrip().startswith(fence):
                fence = None
        elif marker:
            fence = marker.group(1)
        else:
            outside.append(line)
    return outside


def _escape_outside_code(line: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(line):
        parts.append(_neutraliseer(line[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_neutraliseer(line[last:]))
    return "".join(parts)


#: Link destinations that run something or open local files when a viewer follows them.
_ONVEILIG = ("javascript:", "vbscript:", "data:", "file:")
# An inline link's destination: ``](dest`` (optionally in angle brackets).
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
# A link reference definition: ``[label]: dest`` at the start of a line.
_LINK_DEFINITION = re.compile(r"^( {0,3})\[[^\]]*\]:\s*<?(\S*)")


def _onveilig(destination: str) -> bool:
    """Whether a link destination, decoded as a Markdown viewer decodes it, is unsafe."""
    import html
    from urllib.parse import unquote

    decoded = unquote(html.unescape(destination.replace("\\", "")))
    squeezed = "".join(ch for ch in decoded if ch > " ").lower().lstrip("<")
    return squeezed.startswith(_ONVEILIG)


def _neutraliseer(text: str) -> str:
    """Raw HTML and unsafe link definitions in a piece of Markdown, made plain text (unsafe
    inline links are handled in the whole text by :func:`markdown_veilig`)."""
    text = _RAW_HTML_START.sub(r"\\<", text)
    definition = _LINK_DEFINITION.match(text)
    if definition and _onveilig(definition.group(2)):
        text = f"{definition.group(1)}\\[{text[definition.end(1) + 1 :]}"
    return text


def _link_als_tekst(match: re.Match[str]) -> str:
    return "]\\(" + match.group(0)[2:] if _onveilig(match.group(1)) else match.group(0)


def markdown_cel(text: Any) -> str:
    """A value for one cell of a Markdown table: one line, pipes escaped, HTML neutralised."""
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    return markdown_veilig(flat).replace("|", "\\|")
