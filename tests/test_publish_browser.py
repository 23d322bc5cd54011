"""The published site in a real browser (Debian's Chromium, as in test_render_browser): a reader
searches with a Dutch word form and follows a result; every kind of page passes axe at phone and
desktop width, loads nothing from elsewhere and never scrolls sideways on a phone.

Pagefind's search fetches its index, which Chromium refuses to a page opened as a file, so the
site is served by a short-lived ``http.server`` that the fixture starts and stops.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import PROGRAMMAS, ROOT
from .test_render_browser import ARTIFACTS, AXE, WCAG_TAGS
from .test_render_browser import browser as browser  # the one headless Chromium fixture

PAGES = [
    "index.html",
    "zoeken.html",
    "data.html",
    "programma/duurzaamheid/index.html",
    "programma/duurzaamheid/doelen.html",
    "programma/duurzaamheid/doel-ii.html",
    "programma/duurzaamheid/indicatoren.html",
    "programma/duurzaamheid/indicator-gasverbruik-woningen.html",
    "programma/duurzaamheid/geld.html",
    "programma/duurzaamheid/inspanningen.html",
    "programma/duurzaamheid/verantwoording-2019.html",
    "programma/duurzaamheid/achtergrond.html",
    "programma/woerden-bouwen-en-wonen/index.html",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from programmatool.pipeline.publish import pagefind_executable, publish

    assert pagefind_executable() is not None, "pagefind ontbreekt (pip install -e '.[dev]')"
    out = tmp_path_factory.mktemp("publish-browser") / "site"
    result = publish([PROGRAMMAS, ROOT / "voorbeelden"], out)
    assert result.out == out and not result.zonder_zoeken, result.problems
    return out


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site on a local port for the module's tests, under a subfolder as a project page on
    GitHub or GitLab Pages is (``/portfolio/``); stopped afterwards."""
    root = site.parent
    (root / "portfolio").symlink_to(site, target_is_directory=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/portfolio/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _watch(page: Any, base: str) -> list[str]:
    problems: list[str] = []
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith((base, "data:")) else problems.append(f"haalt op: {r.url}")
        ),
    )
    page.on("requestfailed", lambda r: problems.append(f"mislukt: {r.url} {r.failure}"))
    page.on(
        "console",
        lambda m: (
            problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"paginafout: {e}"))
    return problems


def test_a_reader_searches_with_a_word_form_and_follows_a_result(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = _watch(page, served)
    page.goto(served + "zoeken.html", wait_until="load")
    # "fietsen" is not in the contracts, "fiets" is: Pagefind finds it through the Dutch stem.
    page.fill(".pagefind-ui__search-input", "fietsen")
    page.wait_for_selector(".pagefind-ui__result-link")
    titles = page.locator(".pagefind-ui__result-title .pagefind-ui__result-link").all_inner_texts()
    assert "Inspanningen – Duurzaamheid" in titles
    page.locator(".pagefind-ui__result-link", has_text="Inspanningen – Duurzaamheid").first.click()
    page.wait_for_load_state("load")
    assert page.url == served + "programma/duurzaamheid/inspanningen.html"
    assert page.locator("h1").inner_text() == "Inspanningen van Duurzaamheid"
    assert "fiets" in page.locator("main").inner_text().lower()
    # And back through the breadcrumbs to the start page.
    page.locator(".kruimels a", has_text="Alle programma's").click()
    page.wait_for_load_state("load")
    assert page.url == served + "index.html"
    context.close()
    assert problems == []


def test_the_search_page_opened_as_a_file_says_why_it_cannot_search(
    browser: Any, site: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "zoeken.html").resolve().as_uri(), wait_until="load")
    melding = page.locator("#zoeken-lokaal")
    assert melding.is_visible()
    assert "python3 -m http.server" in melding.inner_text()
    # The list of everything still leads to each programme.
    assert page.locator("#alles ~ h3 a", has_text="Duurzaamheid").count() == 1
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", PAGES)
def test_every_kind_of_page_passes_axe(browser: Any, served: str, name: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = _watch(page, served)
    response = page.goto(served + name, wait_until="load")
    assert response is not None and response.ok
    if name == "zoeken.html":
        page.fill(".pagefind-ui__search-input", "wijk")
        page.wait_for_selector(".pagefind-ui__result-link")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    for violation in result["violations"]:
        targets = [" ".join(map(str, n["target"])) for n in violation["nodes"][:5]]
        problems.append(f"axe {violation['id']}: {violation['help']} {targets}")
    assert page.evaluate("document.documentElement.lang") == "nl"
    if width == 390:
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            problems.append(f"schuift opzij: {wide} px breed")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        slug = name.replace("/", "-").removesuffix(".html")
        page.screenshot(path=str(ARTIFACTS / f"site-telefoon-{slug}.png"))
    context.close()
    assert problems == [], f"{name} op {width} px:\n" + "\n".join(problems)
