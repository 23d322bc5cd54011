"""The word summary of a changed text is bounded on any input (it was quadratic: a 1 MB
contract took about an hour) and unchanged on texts of ordinary length."""

from __future__ import annotations

import difflib

import pytest

from programmatool.diff.text import word_summary


def test_ordinary_texts_keep_their_summary() -> None:
    old = "De stad wordt schoner en groener. Iedereen doet mee."
    new = "De stad wordt veel schoner en groener. Bijna iedereen doet mee."
    assert word_summary(old, new) == "erbij: 'veel'; 'Iedereen' → 'Bijna iedereen'"


def test_a_one_megabyte_text_is_compared_in_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # difflib's work grows with the product of both lengths: it may only see small pieces.
    products: list[int] = []
    real = difflib.SequenceMatcher

    def counting(*args, a=(), b=(), **kwargs):  # type: ignore[no-untyped-def]
        products.append(len(a) * len(b))
        return real(*args, a=a, b=b, **kwargs)

    monkeypatch.setattr(difflib, "SequenceMatcher", counting)
    words = [f"de woord{i % 50} " for i in range(100_000)]
    old = "".join(words)
    new = "".join(words[:50_000]) + "anders " + "".join(words[50_001:])
    assert len(old) > 1_000_000
    assert word_summary(old, new) == "'de woord0' → 'anders'"
    assert max(products) <= 1_000_000


def test_a_text_that_differs_throughout_is_one_change() -> None:
    old = " ".join(f"a{i}" for i in range(3000))
    new = " ".join(f"b{i}" for i in range(3000))
    assert word_summary(old, new) == (
        "'a0 a1 a2 a3 … a2996 a2997 a2998 a2999' → 'b0 b1 b2 b3 … b2996 b2997 b2998 b2999'"
    )
