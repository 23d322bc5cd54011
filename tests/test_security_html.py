"""Hostile text in every text field: the documents show it as text, and nothing runs.

Every string in a rich contract that the model accepts as free text gets markup, an event
handler and ``javascript:`` links. The HTML must contain no script, no event attribute and no
``javascript:`` URL; in Chromium (with JavaScript on) none of the payloads may run.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from programmatool.loading import load_text
from programmatool.pipeline.render import render

from .conftest import FIXTURES, string_paths
from .test_render_browser import browser  # noqa: F401 - the shared Chromium fixture

PAYLOAD = (
    "Kop <script>window.__pwned = 1</script> "
    '<img src="x" onerror="window.__pwned = 2"> '
    "[klik](javascript:window.__pwned=3) "
    '<a href="javascript:window.__pwned=4">link</a> '
    '<iframe src="javascript:window.__pwned=5"></iframe> '
    '</td></tr></table><b onmouseover="window.__pwned=6">x</b>'
)


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _dump(data: Any) -> str:
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, stream)
    return stream.getvalue()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The rich render fixture with the payload in every field that takes free text."""
    data = YAML(typ="safe", pure=True).load((FIXTURES / "render" / "rijk.yaml").read_text())
    poisoned = 0
    for path in string_paths(data):
        original = _get(data, path)
        _set(data, path, f"{original} {PAYLOAD}")
        if load_text(_dump(data), "x.yaml").ok:
            poisoned += 1
        else:  # an id, code, date or choice: not free text, so the model refuses it
            _set(data, path, original)
    folder = tmp_path_factory.mktemp("vijandig")
    (folder / "vijandig.yaml").write_text(_dump(data), encoding="utf-8")
    return folder, poisoned


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_payload_reaches_many_fields(hostile: tuple[Path, int]) -> None:
    assert hostile[1] >= 50


def test_html_has_no_script_handler_or_javascript_url(
    hostile: tuple[Path, int], tmp_path: Path
) -> None:
    result = render([hostile[0]], "html", tmp_path)
    assert result.written and not result.findings
    for page in tmp_path.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        collector = _Collector()
        collector.feed(text)
        tags = {tag for tag, _ in collector.tags}
        assert not tags & {"script", "iframe", "object", "embed", "img"}, (page.name, tags)
        for tag, attrs in collector.tags:
            for name, value in attrs:
                assert not name.startswith("on"), (page.name, tag, name)
                assert not (value or "").strip().lower().startswith("javascript:"), (tag, value)
        # The words of the payload are there, shown as text.
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in text


def test_markdown_document_neutralises_html(hostile: tuple[Path, int], tmp_path: Path) -> None:
    result = render([hostile[0]], "md", tmp_path)
    assert result.written
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    import re

    from .test_markdown_safety import live_problems

    # Every '<' that would open a tag carries a backslash, so viewers show it as text, and the
    # most permissive viewer (HTML on, no link filter) shows nothing live.
    assert not re.search(r"(?<!\\)<(script|img|iframe|a |b |/td)", text)
    assert "\\<script\\>" in text
    assert live_problems(text) == []


def test_nothing_runs_in_the_browser(
    browser: Any,  # noqa: F811 - the fixture imported above
    hostile: tuple[Path, int],
    tmp_path: Path,
) -> None:
    render([hostile[0]], "html", tmp_path)
    for page_path in sorted(tmp_path.glob("*.html")):
        context = browser.new_context(java_script_enabled=True)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
        page.goto(page_path.resolve().as_uri(), wait_until="load")
        for link in page.locator("a").all()[:200]:
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript:"), href
        page.mouse.move(10, 10)
        assert page.evaluate("typeof window.__pwned") == "undefined", page_path.name
        assert dialogs == []
        context.close()


def _links(markdown: str) -> list[str]:
    """Every link destination a permissive CommonMark viewer would make of ``markdown``."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # a viewer that trusts every scheme
    hrefs = []
    for token in md.parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                hrefs.append(str(child.attrs["href"]).lower())
    return hrefs


@pytest.mark.parametrize(
    "text",
    [
        "[klik](javascript:alert(1))",
        "[klik]( JaVaScRiPt:alert(1))",
        "[klik](java&#115;cript:alert(1))",
        "[klik](java%73cript:alert(1))",
        "[klik](<javascript:alert(1)>)",
        "[klik](\n  javascript:alert(1))",
        "[klik](vbscript:msgbox(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        "[klik](file:///etc/passwd)",
        "[klik][r]\n\n[r]: javascript:alert(1)",
    ],
)
def test_markdown_text_never_becomes_an_unsafe_link(text: str) -> None:
    from programmatool.text.markdown import markdown_veilig

    assert _links(text), "the unescaped text is a link: the test would prove nothing"
    safe = markdown_veilig(f"Zie {text} en [de site](https://www.almelo.nl).")
    assert _links(safe) == ["https://www.almelo.nl"]
    assert "klik" in safe


def test_markdown_document_has_no_unsafe_link(hostile: tuple[Path, int], tmp_path: Path) -> None:
    render([hostile[0]], "md", tmp_path)
    for document in tmp_path.glob("*.md"):
        for href in _links(document.read_text(encoding="utf-8")):
            assert not href.startswith(("javascript:", "vbscript:", "data:", "file:")), href
