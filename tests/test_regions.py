"""Every table of an HTML document is a named, keyboard-reachable scrolling box, exactly once."""

from __future__ import annotations

from programmatool.rendering.regions import scrollable_regions


def test_a_bare_table_gets_a_named_scrolling_box() -> None:
    html = "<p>a</p><table><caption>Middelen &amp; <b>uren</b></caption><tr><td>1</td></tr></table>"
    assert scrollable_regions(html) == (
        '<p>a</p><div class="schuif" role="region" tabindex="0" aria-label="Middelen &amp; uren">'
        "<table><caption>Middelen &amp; <b>uren</b></caption><tr><td>1</td></tr></table></div>"
    )


def test_a_wide_box_is_named_in_place_and_keeps_its_spacing() -> None:
    html = '<div class="breed din" id="x">\n  <table><tr><td>1</td></tr></table></div>'
    assert scrollable_regions(html) == (
        '<div class="breed din" id="x" role="region" tabindex="0" aria-label="Tabel">\n'
        "  <table><tr><td>1</td></tr></table></div>"
    )


def test_a_box_that_is_already_reachable_and_other_divs_are_left_alone() -> None:
    done = '<div class="breed" tabindex="0"><table><tr><td>1</td></tr></table></div>'
    assert scrollable_regions(done) == done
    other = '<div class="breedte">x</div><table><tr><td>2</td></tr></table>'
    assert scrollable_regions(other) == (
        '<div class="breedte">x</div><div class="schuif" role="region" tabindex="0" '
        'aria-label="Tabel"><table><tr><td>2</td></tr></table></div>'
    )
    assert scrollable_regions("<table zonder einde") == "<table zonder einde"
