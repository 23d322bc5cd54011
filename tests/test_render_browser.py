"""Browser tests: every rendered page opens in headless Chromium without a failed request or a
console error, nothing is fetched from anywhere, axe-core finds no WCAG 2.1 A/AA violation, and a
screenshot and an A4 PDF are saved under tests/artifacts/ for a person to look at.

Chromium comes from Debian (/usr/bin/chromium), axe-core from npm (tests/browser/node_modules);
``.ci/run`` installs both. In CI (CI=true) a missing browser or axe fails the tests; elsewhere they
are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from programmatool.loading import load_contract
from programmatool.pipeline.render import render

from .conftest import FIXTURES, PROGRAMMAS, ROOT

CHROMIUM = os.environ.get("PROGRAMMATOOL_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

SOURCES = sorted(PROGRAMMAS.glob("*.yaml")) + sorted((FIXTURES / "render").glob("*.yaml"))
SOURCES.append(FIXTURES / "minimaal.yaml")


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python-pakket playwright ontbreekt (pip install -e '.[dev]')"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium ontbreekt op {CHROMIUM} (apt-get install chromium)"
    if not AXE.exists():
        return f"axe-core ontbreekt op {AXE} (npm ci in tests/browser)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module; in CI a missing browser is a failure, not a skip."""
    reason = _missing()
    if reason:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"browsertests kunnen niet draaien in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All real contracts and the render fixtures rendered to HTML, plus an annual account."""
    out = tmp_path_factory.mktemp("site")
    result = render(SOURCES, "html", out)
    assert result.written, result.problems
    assert not result.problems, result.problems
    jaar = render([FIXTURES / "render" / "rijk.yaml"], "html", out / "verantwoording", jaar=2020)
    assert jaar.written
    return out


def _check_page(browser: Any, page_path: Path, name: str, width: int = 1280) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=True
    )
    page = context.new_page()
    problems: list[str] = []
    url = page_path.resolve().as_uri()
    page.on("requestfailed", lambda r: problems.append(f"mislukt verzoek: {r.url} {r.failure}"))
    page.on(
        "request",
        lambda r: problems.append(f"haalt iets op: {r.url}") if r.url != url else None,
    )
    page.on(
        "console",
        lambda m: (
            problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"paginafout: {e}"))
    response = page.goto(url, wait_until="load")
    assert response is None or response.ok
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    if width == 1280:
        page.emulate_media(media="print")
        page.pdf(path=str(ARTIFACTS / f"{name}.pdf"), format="A4", print_background=True)
        page.emulate_media(media="screen")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    for violation in result["violations"]:
        targets = [" ".join(map(str, n["target"])) for n in violation["nodes"][:5]]
        problems.append(
            f"axe {violation['id']} ({violation['impact']}): {violation['help']} {targets}"
        )
    lang = page.evaluate("document.documentElement.lang")
    context.close()
    assert lang == "nl"
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_contract_page_in_browser(browser: Any, site: Path, source: Path) -> None:
    loaded = load_contract(source)
    assert loaded.contract is not None, [f.as_text() for f in loaded.findings]
    _check_page(browser, site / f"{loaded.contract.code}.html", loaded.contract.code)


def test_portfolio_page_in_browser(browser: Any, site: Path) -> None:
    _check_page(browser, site / "index.html", "index")


def test_annual_account_page_in_browser(browser: Any, site: Path) -> None:
    pages = sorted((site / "verantwoording").glob("*.html"))
    page = next(p for p in pages if p.name != "index.html")
    _check_page(browser, page, page.stem)


PHONE_WIDTH = 390


@pytest.mark.parametrize(
    "source",
    sorted(PROGRAMMAS.glob("*.yaml")),
    ids=[p.stem for p in sorted(PROGRAMMAS.glob("*.yaml"))],
)
def test_contract_page_on_a_phone_passes_axe(browser: Any, site: Path, source: Path) -> None:
    """At 390 px every table scrolls in its own box, which the keyboard reaches and which is
    named after its table: axe finds nothing, scrollable-region-focusable included."""
    loaded = load_contract(source)
    assert loaded.contract is not None
    code = loaded.contract.code
    _check_page(browser, site / f"{code}.html", f"telefoon-axe-{code}", PHONE_WIDTH)


def test_portfolio_and_annual_account_on_a_phone_pass_axe(browser: Any, site: Path) -> None:
    _check_page(browser, site / "index.html", "telefoon-axe-index", PHONE_WIDTH)
    pages = sorted((site / "verantwoording").glob("*.html"))
    page = next(p for p in pages if p.name != "index.html")
    _check_page(browser, page, f"telefoon-axe-{page.stem}", PHONE_WIDTH)


@pytest.mark.parametrize(
    "page_name", ["index.html", "zorg.html", "binnenstad.html", "omgevingswet.html"]
)
def test_page_is_readable_on_a_phone_without_sideways_scrolling(
    browser: Any, site: Path, page_name: str
) -> None:
    """At 390 px wide the page itself never scrolls sideways; a wide table scrolls in its own
    box (and nothing else sticks out)."""
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 844})
    page = context.new_page()
    page.goto((site / page_name).resolve().as_uri(), wait_until="load")
    width = page.evaluate("document.documentElement.scrollWidth")
    body = page.evaluate("document.body.scrollWidth")
    # Elements that stick out of the page (not inside a box that scrolls on its own).
    sticking_out = page.evaluate(
        """w => {
            const scrolls = e => {
                for (let p = e.parentElement; p; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX;
                    if (o === 'auto' || o === 'scroll') return p.clientWidth <= w;
                }
                return false;
            };
            return Array.from(document.querySelectorAll('body *')).filter(e => {
                const r = e.getBoundingClientRect();
                return r.right > w + 1 && !scrolls(e);
            }).slice(0, 5).map(e => e.tagName + '.' + e.className);
        }""",
        PHONE_WIDTH,
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"telefoon-{Path(page_name).stem}.png"), full_page=False)
    context.close()
    assert width <= PHONE_WIDTH and body <= PHONE_WIDTH, (width, body, sticking_out)
    assert not sticking_out
