"""The one Dutch "bedoelde u …?" helper: a suggestion for a word that is not known.

Used for unknown fields, configuration keys, rule codes, indicator ids and references between
goals, inspanningen, indicators and programmes, so every message suggests the same way.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: How alike two words must be (difflib's ratio) before one is suggested for the other.
CUTOFF = 0.6


def closest(word: str, options: Iterable[str]) -> str | None:
    """The one option clearly meant by ``word``, or None.

    An option that differs only in case wins; otherwise the option most alike (at least
    :data:`CUTOFF`); between equally alike options the one that shares the longest start with
    ``word`` (typing goes wrong more often at the end than at the start). When that too is a
    tie, nothing is suggested rather than a guess.
    """
    known = sorted(set(options))
    same_case = [k for k in known if k.lower() == word.lower() and k != word]
    if len(same_case) == 1:
        return same_case[0]
    # Only candidates whose cheap upper bounds reach the cutoff can be the best match. The
    # word is the matcher's second sequence, whose index difflib builds only once.
    scored = []
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    for k in known:
        matcher.set_seq1(k)
        if (
            matcher.real_quick_ratio() >= CUTOFF
            and matcher.quick_ratio() >= CUTOFF
            and (ratio := matcher.ratio()) >= CUTOFF
        ):
            scored.append((ratio, _common_start(word, k), k))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    if scored and (len(scored) == 1 or scored[1][:2] != scored[0][:2]):
        return scored[0][2]
    return None


def _common_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """``"; bedoelde u 'x'?"`` for the option clearly meant by ``word``, or an empty string."""
    match = closest(word, options)
    return f"; bedoelde u '{match}'?" if match is not None else ""
