"""Markdown documents are safe in a permissive viewer: raw HTML on, no URL filter.

Every input of a corpus of hostile Markdown goes through the Markdown neutraliser, and every text
field of a rich contract gets such input before the whole Markdown document is rendered. The
result is shown the way the most permissive viewer would (markdown-it with HTML on and every
link allowed); the HTML that comes out may contain only plain text markup, links to the web or
e-mail, and no image, script, event attribute or other tag.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from programmatool.loading import load_contract, load_text
from programmatool.pipeline.render import render_contract
from programmatool.text.markdown import (
    markdown_cel,
    markdown_html,
    markdown_veilig,
    md_code,
    md_tekst,
)

from .conftest import FIXTURES, string_paths

#: What a Markdown viewer may make of a contract's text: structure and formatting only.
ALLOWED_TAGS = {
    "p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {("a", "href"), ("code", "class"), ("th", "style"), ("td", "style")}
ALLOWED_ORDERED_LIST = {("ol", "start")}

CORPUS = [
    # raw HTML, plain and in every block context
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "tekst <b onmouseover=alert(1)>vet</b> tekst",
    "- lijst <iframe src=javascript:alert(1)></iframe>",
    "> citaat\n> <svg onload=alert(1)>",
    "<!-- commentaar --><script>alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "| a | b |\n| --- | --- |\n| <img src=x onerror=alert(1)> | c |",
    # escaped backticks and code spans that are not what they seem
    "\\`<img src=x onerror=alert(1)>\\`",
    "\\\\`<img src=x onerror=alert(1)>`",
    "`code over\ntwee regels` <img src=x onerror=alert(1)>",
    "``<img src=x onerror=alert(1)>` `` na",
    "`a\\`<script>alert(1)</script>",
    # odd fences
    "   ```\n<script>alert(1)</script>\n  ```\n<img src=x onerror=alert(1)>",
    "    ```\n<script>alert(1)</script>",
    "~~~\n<script>alert(1)</script>\n~~~~\n<img src=x onerror=alert(1)>",
    "```\n<script>alert(1)</script>",
    "- ```\n  <script>alert(1)</script>\n```\n<img src=x onerror=alert(1)>",
    '```js" onload="alert(1)\n<b>x</b>\n```',
    # unsafe links in every spelling
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java&#115;cript:alert(1))",
    "[klik](java%73cript:alert(1))",
    "[klik](<javascript:alert(1)>)",
    "[klik]( javascript:alert(1) )",
    "[klik](vbscript:msgbox(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](file:///etc/passwd)",
    "<javascript:alert(1)>",
    "[klik](\\javascript:alert(1))",
    # link reference definitions split over lines, in quotes and in lists
    "[x]:\njavascript:alert(1)\n\n[x]",
    "[x]:\n  javascript:alert(1)\n  'titel'\n\n[klik][x]",
    "> [y]: javascript:alert(1)\n\n[y]",
    "- [z]: data:text/html,<script>alert(1)</script>\n\n[z]",
    "[a\nb]: javascript:alert(1)\n\n[a b]",
    # nested brackets
    "[[a](javascript:alert(1))](https://voorbeeld.nl)",
    "[a [b] c](javascript:alert(1))",
    "[![x](https://evil.example/x.png)](javascript:alert(1))",
    "[a](https://voorbeeld.nl)[b](javascript:alert(1))",
    # images never load
    "![plaatje](https://evil.example/pixel.png)",
    "![](data:image/png;base64,iVBORw0KGgo=)",
    "![x][r]\n\n[r]: https://evil.example/pixel.png",
    # autolinks and entities
    "<https://voorbeeld.nl> en <mailto:a@b.nl>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    # headings and setext tricks
    "Titel\n===\n<script>alert(1)</script>",
    "# kop <img src=x onerror=alert(1)> #",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if (tag, name) not in ALLOWED_ATTRIBUTES | ALLOWED_ORDERED_LIST:
                self.problems.append(f"<{tag} {name}={value!r}>")
            elif name == "href" and not _safe_href(value or ""):
                self.problems.append(f"<a href={value!r}>")
            elif name == "class" and not re.fullmatch(r"language-[\w+-]*", value or ""):
                self.problems.append(f"<code class={value!r}>")

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.problems.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.problems.append(f"<?{data}>")


def _safe_href(href: str) -> bool:
    from urllib.parse import unquote

    squeezed = "".join(ch for ch in unquote(href) if ch > " ").lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
    if scheme is None:
        return not re.match(r"^[^/?#]*:", squeezed)
    return scheme.group(1) in ("http", "https", "mailto")


def permissive_html(markdown: str) -> str:
    """The HTML the most permissive viewer makes of a Markdown text."""
    md = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table")
    md.validateLink = lambda url: True
    return md.render(markdown)


def live_problems(markdown: str) -> list[str]:
    parser = _Tags()
    parser.feed(permissive_html(markdown))
    parser.close()
    return parser.problems


def test_the_permissive_viewer_does_show_the_corpus_as_live_html() -> None:
    """The corpus is hostile: without the neutraliser most of it would be live in the viewer."""
    live = [text for text in CORPUS if live_problems(text)]
    assert len(live) >= len(CORPUS) * 2 // 3


@pytest.mark.parametrize("text", CORPUS)
@pytest.mark.parametrize("kop", [1, 4])
def test_neutralised_text_has_no_live_html_or_unsafe_link(text: str, kop: int) -> None:
    out = markdown_veilig(text, kop)
    assert live_problems(out) == [], out
    # Nothing is lost: every word the HTML document shows of this text, the viewer shows too.
    shown_in_html = _words(markdown_html(text, kop))
    assert shown_in_html <= _words(permissive_html(out)), (shown_in_html, out)


def _words(html: str) -> set[str]:
    from .test_completeness import html_text

    return set(re.findall(r"\w+", html_text(html).lower()))


@pytest.mark.parametrize("text", CORPUS)
def test_table_cells_and_plain_values_have_no_live_html_or_unsafe_link(text: str) -> None:
    for out in (markdown_cel(text), md_tekst(text), md_code(text)):
        assert "\n" not in out
        table = f"| kop | kop |\n| --- | --- |\n| {out} | x |\n"
        assert live_problems(table) == [], out
        assert live_problems(out) == [], out
    # A cell never breaks its table: one row, two cells.
    html = permissive_html(f"| kop | kop |\n| --- | --- |\n| {markdown_cel(text)} | x |\n")
    assert html.count("<td") == 2, html


def test_formatting_and_safe_links_survive() -> None:
    text = (
        "Zie **vet**, *schuin*, `code` en [de visie](https://voorbeeld.nl/visie).\n\n- een\n- twee"
    )
    html = permissive_html(markdown_veilig(text, 3))
    assert "<strong>vet</strong>" in html and "<em>schuin</em>" in html
    assert "<code>code</code>" in html
    assert '<a href="https://voorbeeld.nl/visie">de visie</a>' in html
    assert "<li>een</li>" in html


def test_remote_images_do_not_load_but_their_description_stays() -> None:
    out = markdown_veilig("Zie ![de kaart van de wijk](https://evil.example/pixel.png).", 3)
    html = permissive_html(out)
    assert "<img" not in html and "<a" not in html
    assert "de kaart van de wijk" in html


def test_code_keeps_its_content_as_text() -> None:
    out = markdown_veilig("```html\n<b>vet</b>\n```", 3)
    html = permissive_html(out)
    assert '<pre><code class="language-html">&lt;b&gt;vet&lt;/b&gt;' in html


# --- whole documents --------------------------------------------------------------------------

PAYLOAD = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3)) "
    "\\`<b onmouseover=alert(4)>x</b>\\` ![p](https://evil.example/p.png) `a\nb` <i>"
    "\n[r]:\n  javascript:alert(5)\n\n[r]\n```\n<script>alert(6)</script>\n"
)


def _dump(data: Any) -> str:
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, stream)
    return stream.getvalue()


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@pytest.fixture(scope="module")
def hostile_contract() -> Any:
    """The complete fixture with the payload in every field that takes text."""
    data = YAML(typ="safe", pure=True).load((FIXTURES / "render" / "volledig.yaml").read_text())
    poisoned = 0
    for path in string_paths(data):
        parent = _at(data, path)
        original = parent[path[-1]]
        parent[path[-1]] = f"{original} {PAYLOAD}"
        if load_text(_dump(data), "x.yaml").ok:
            poisoned += 1
        else:  # an id, code, date or choice: the model refuses free text there
            parent[path[-1]] = original
    assert poisoned > 60
    loaded = load_text(_dump(data), "vijandig.yaml")
    assert loaded.contract is not None
    return loaded.contract


@pytest.mark.parametrize("jaar", [None, 2021])
def test_hostile_text_in_every_field_is_not_live_in_the_markdown_document(
    hostile_contract: Any, jaar: int | None
) -> None:
    name = "a`b <img src=x onerror=alert(7)> [l](javascript:alert(8)).yaml"
    document = render_contract(hostile_contract, name, "md", jaar)
    # The Mermaid diagram is code for GitHub/GitLab; the permissive viewer shows it as code.
    assert live_problems(document) == []
    assert "alert(7)" in document  # the file name is shown, as text


def test_file_name_in_the_colophon_cannot_break_out_of_its_code_span() -> None:
    contract = load_contract(FIXTURES / "minimaal.yaml").contract
    assert contract is not None
    for name in ("x`<img src=x onerror=alert(1)>`.yaml", "x``\\`<script>alert(1)</script>.yaml"):
        document = render_contract(contract, name, "md")
        colofon = document[document.rindex("---") :]
        html = permissive_html(colofon)
        assert live_problems(colofon) == [], html
        assert "<code>" in html


def test_markdown_documents_of_the_real_contracts_are_safe(tmp_path: Path) -> None:
    from .conftest import PROGRAMMAS

    for path in sorted(PROGRAMMAS.glob("*.yaml")):
        contract = load_contract(path).contract
        assert contract is not None
        assert live_problems(render_contract(contract, path.name, "md")) == [], path.name
