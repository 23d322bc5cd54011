"""A goal's efforts described under an earlier goal are listed by title, one a line, grouped
under the goal where they are described: titles that hold commas never run into each other."""

from __future__ import annotations

import re

from programmatool.loading import load_contract
from programmatool.pipeline.render import render_contract

from .conftest import PROGRAMMAS


def _zorg(formaat: str) -> str:
    loaded = load_contract(PROGRAMMAS / "zorg.yaml")
    assert loaded.contract is not None
    return render_contract(loaded.contract, "zorg.yaml", formaat)


def test_html_lists_each_reference_on_its_own_line_per_goal() -> None:
    page = _zorg("html")
    blocks = re.findall(r'<div class="verwijzingen">(.*?)</div>', page, re.S)
    assert len(blocks) == 3
    first = blocks[0]
    assert first.startswith(
        "<p>Ook voor dit doel, eerder in dit document beschreven bij strategisch doel 1:</p>"
    )
    assert '<p class="bij">' not in first  # one place: said once, in the sentence
    titles = re.findall(r"<li><a href=\"#[^\"]+\">([^<]+)</a></li>", first)
    assert titles[0] == "Opstellen preventieagenda sociaal domein"
    assert (
        "Voorlichten van inwoners over voorzieningen, zoals activiteiten van welzijnsorganisaties"
        in titles
    )
    later = blocks[1]
    assert re.findall(r'<p class="bij">([^<]+)</p>', later) == [
        "Bij strategisch doel 1:",
        "Bij strategisch doel 2:",
    ]
    assert "(bij strategisch doel" not in page


def test_markdown_lists_the_same_references() -> None:
    text = _zorg("md")
    start = text.index(
        "Ook voor dit doel, eerder in dit document beschreven bij strategisch doel 1:"
    )
    lines = text[start:].split("\n")
    assert lines[1:4] == [
        "",
        "- Opstellen preventieagenda sociaal domein",
        "- Activiteiten binnen sport en cultuur gericht op preventie verbinden aan de "
        "preventieagenda",
    ]
    assert "\nBij strategisch doel 2:\n" in text
