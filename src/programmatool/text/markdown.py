"""Text from a contract made safe for a document: Markdown to HTML without raw HTML or
images, and Markdown for a Markdown document with raw HTML and unsafe links neutralised."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode


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


# --- Markdown for a Markdown document ---------------------------------------------------------
#
# A Markdown document is shown by many viewers, some with raw HTML on and without any URL filter.
# So a text is not patched with patterns: it is parsed with markdown-it (HTML recognised, so that
# it can be recognised as text), and written out again from its tokens. Only the constructs
# written here can appear in the output, every piece of text is escaped, raw HTML becomes text,
# a link keeps its target only for http(s) and mailto (or a relative address), an image becomes
# its description (a document fetches nothing), and code is fenced with more backticks than
# it contains.


class VeiligMarkdown(str):
    """Markdown that is safe to put into a Markdown document as it is.

    ``__html__`` lets Jinja's autoescaping in the Markdown environment (see ``command``) treat it
    as ready-made; only the Markdown environment, never an HTML one, makes these.
    """

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


#: Characters escaped wherever they occur in text: they open markup, HTML, code, links, tables,
#: headings or strike-through in some viewer.
_ALTIJD = frozenset("\\`*_[]<>|~#")
#: An ampersand that would start an entity (``&lt;``) is escaped too, so that it stays as typed.
_ENTITEIT = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
#: Text at the start of a line that would open a block: a list item, a rule, a heading underline.
_REGELBEGIN = re.compile(r"^(?:[-+](?=[ \t]|$)|=+[ \t]*$|-+[ \t]*$|\d{1,9}(?=[.)](?:[ \t]|$)))")
#: Link destinations a viewer may follow: the web and e-mail, and relative addresses.
_VEILIGE_SCHEMAS = ("http", "https", "mailto")
_SCHEMA = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # HTML on: raw HTML must be seen as such, so that it can be written out as text.
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable("table")
    # markdown-it's own link filter stays on, so that a text means the same here as in the HTML
    # document (a javascript: link is text in both); _veilige_bestemming checks once more.
    return md


_PARSER: list[MarkdownIt] = []


def _md() -> MarkdownIt:
    if not _PARSER:
        _PARSER.append(_parser())
    return _PARSER[0]


def md_tekst(value: Any) -> str:
    """Plain text (a name, a number, a label) escaped for a Markdown document, on one line."""
    # Only structure (a list, a heading level) could come from a line start, never HTML or a
    # link: the characters for those are escaped wherever they are.
    return _escape(_een_regel(str(value)))


def _een_regel(text: str) -> str:
    """Text on one line; a no-break space (between € and an amount) stays."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", text).strip()


def _escape(text: str) -> str:
    escaped = "".join("\\" + ch if ch in _ALTIJD else ch for ch in text)
    return _ENTITEIT.sub(r"\\&", escaped)


def _regelbegin(line: str) -> str:
    match = _REGELBEGIN.match(line)
    if match is None:
        return line
    end = match.end() if line[0].isdigit() else 0
    return line[:end] + "\\" + line[end:]


def md_code(text: Any) -> str:
    """Text as an inline code span that no backtick, backslash or line in it can break."""
    content = _een_regel(str(text))
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    if not content or content[0] in "` \\" or content[-1] in "` \\" or "\\" in content:
        content = f" {content} "
    return f"{fence}{content}{fence}"


def _veilige_bestemming(href: str) -> bool:
    """Whether a viewer may follow a link to ``href`` (already entity- and escape-decoded)."""
    from urllib.parse import unquote

    squeezed = "".join(ch for ch in unquote(href) if ch > " " and ch != "\x7f").lower()
    schema = _SCHEMA.match(squeezed)
    if schema is None:
        # Relative: an address in the same site. A colon before any / ? # would still make
        # some viewer read a scheme, so that is refused as well.
        return not re.match(r"^[^/?#]*:", squeezed)
    return schema.group(1) in _VEILIGE_SCHEMAS


def _bestemming(href: str) -> str:
    """A destination written so that no character in it can end or change the link."""
    from urllib.parse import quote

    return quote(href, safe="/:?#[]@!$&'*+,;=%-._~")


def _inline(nodes: Sequence[SyntaxTreeNode], cel: bool = False) -> str:
    out: list[str] = []
    for node in nodes:
        kind = node.type
        if kind == "text":
            out.append(_escape(node.content))
        elif kind == "softbreak":
            out.append(" " if cel else "\n")
        elif kind == "hardbreak":
            out.append(" " if cel else "\\\n")
        elif kind == "code_inline":
            code = md_code(node.content)
            out.append(code.replace("|", "\\|") if cel else code)
        elif kind == "em":
            out.append("*" + _inline(node.children, cel) + "*")
        elif kind == "strong":
            out.append("**" + _inline(node.children, cel) + "**")
        elif kind == "link":
            inner = _inline(node.children, cel)
            href = str(node.attrs.get("href", ""))
            if inner.strip() and _veilige_bestemming(href):
                out.append(f"[{inner}](<{_bestemming(href)}>)")
            else:  # shown as text, as the HTML document shows it
                out.append(f"\\[{inner}\\]({_escape(href)})")
        elif kind == "image":
            # Nothing is fetched: the image is shown as text, as in the HTML document.
            src = str(node.attrs.get("src", ""))
            out.append(f"!\\[{_escape(_platte_tekst(node))}\\]({_escape(src)})")
        else:  # html_inline and anything a future parser adds: its source as text
            out.append(_escape(node.content) + _inline(node.children, cel))
    return "".join(out)


def _platte_tekst(node: SyntaxTreeNode) -> str:
    if node.type in ("text", "code_inline", "html_inline"):
        return node.content
    return "".join(_platte_tekst(child) for child in node.children)


def _blokken(nodes: Sequence[SyntaxTreeNode], shift: int) -> list[str]:
    lines: list[str] = []
    for index, node in enumerate(nodes):
        if index:
            lines.append("")
        lines.extend(_blok(node, shift))
    return lines


def _inline_van(node: SyntaxTreeNode) -> str:
    return _inline(node.children[0].children) if node.children else ""


def _alinea(text: str) -> list[str]:
    return [_regelbegin(line.strip()) for line in text.split("\n")]


def _blok(node: SyntaxTreeNode, shift: int) -> list[str]:
    kind = node.type
    if kind == "paragraph":
        return _alinea(_inline_van(node))
    if kind == "heading":
        level = min(6, max(1, int(node.tag[1:]) + shift))
        return ["#" * level + " " + " ".join(_inline_van(node).split())]
    if kind in ("bullet_list", "ordered_list"):
        start = int(str(node.attrs.get("start", 1))) if kind == "ordered_list" else 0
        items = [_blokken(item.children, shift) for item in node.children]
        loose = any(len(item.children) > 1 for item in node.children)
        lines: list[str] = []
        for number, item_lines in enumerate(items, start):
            marker = f"{number}." if kind == "ordered_list" else "-"
            if loose and lines:
                lines.append("")
            first, *rest = item_lines or [""]
            lines.append(f"{marker} {first}".rstrip())
            lines.extend(" " * (len(marker) + 1) + line if line else "" for line in rest)
        return lines
    if kind == "blockquote":
        return ["> " + line if line else ">" for line in _blokken(node.children, shift)]
    if kind in ("fence", "code_block"):
        content = node.content.rstrip("\n")
        longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
        fence = "`" * max(3, longest + 1)
        info = re.sub(r"[^A-Za-z0-9_+-]", "", node.info.split()[0]) if node.info.strip() else ""
        return [fence + info, *content.split("\n"), fence]
    if kind == "hr":
        return ["---"]
    if kind == "table":
        return _tabel(node)
    # html_block and anything else: its source, as text
    source = node.content.rstrip("\n") if not node.children else _platte_tekst(node)
    return [_regelbegin(_escape(line.strip())) for line in source.split("\n")]


def _tabel(node: SyntaxTreeNode) -> list[str]:
    rows = [tr for section in node.children for tr in section.children]
    if not rows:
        return []

    def cells(tr: SyntaxTreeNode) -> list[str]:
        return [
            _inline(cell.children[0].children, cel=True) if cell.children else ""
            for cell in tr.children
        ]

    header = rows[0]
    align = []
    for cell in header.children:
        style = str(cell.attrs.get("style", ""))
        align.append(
            {"text-align:left": ":--", "text-align:right": "--:", "text-align:center": ":-:"}.get(
                style, "---"
            )
        )
    lines = ["| " + " | ".join(cells(header)) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cells(tr)) + " |" for tr in rows[1:]]
    return lines


@functools.lru_cache(maxsize=4096)
def _markdown_veilig(text: str, kop: int) -> str:
    from markdown_it.tree import SyntaxTreeNode

    tokens = _md().parse(text)
    levels = [int(t.tag[1:]) for t in tokens if t.type == "heading_open"]
    shift = kop - min(levels) if levels else 0
    return "\n".join(_blokken(SyntaxTreeNode(tokens).children, shift))


def markdown_veilig(text: str | None, kop: int = 4) -> VeiligMarkdown:
    """Markdown from a text field, rewritten from its tokens so that it is safe in any viewer.

    Emphasis, lists, quotes, tables, code and links to http(s)/mailto stay; raw HTML becomes
    text, other links their text, images their description. Headings start at ``kop``.
    """
    if not text:
        return VeiligMarkdown("")
    return VeiligMarkdown(_markdown_veilig(text, kop))


def markdown_cel(text: Any) -> VeiligMarkdown:
    """A value for one cell of a Markdown table: one line, inline Markdown only, made safe."""
    from markdown_it.tree import SyntaxTreeNode

    if text is None:
        return VeiligMarkdown("")
    flat = _een_regel(str(text))
    if not flat:
        return VeiligMarkdown("")
    root = SyntaxTreeNode(_md().parseInline(flat))
    inline = root.children[0].children if root.children else []
    return VeiligMarkdown(_inline(inline, cel=True))
