"""The one Dutch "bedoelde u …?" helper: a suggestion for a word that is not known.

Used for unknown fields, configuration keys, rule codes, indicator ids and references between
goals, inspanningen, indicators and programmes, so every message suggests the same way.
"""

from __future__ import annotations

import difflib
import heapq
import math
from collections import Counter
from collections.abc import Iterable
from itertools import chain

#: How alike two words must be (difflib's ratio) before one is suggested for the other.
CUTOFF = 0.6

#: Up to this many options every one is compared; above it, only the options that share the
#: most three-letter groups with the word (see :class:`Suggester`).
SMALL = 64
#: How many of those options are compared with difflib.
CANDIDATES = 16
#: Options next to the word in alphabetical order that are compared too (a word with a suffix
#: added or changed stands next to the option it was typed from).
NEIGHBOURS = 6


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
    # difflib's cheap upper bounds first; the exact ratio only for options whose bound can
    # still reach the best ratio found (so every option that ties with the best is scored).
    # The word is the matcher's second sequence, whose index difflib builds only once.
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounds = []
    for k in known:
        matcher.set_seq1(k)
        if matcher.real_quick_ratio() >= CUTOFF and (bound := matcher.quick_ratio()) >= CUTOFF:
            bounds.append((bound, k))
    bounds.sort(key=lambda b: -b[0])
    scored: list[tuple[float, int, str]] = []
    best = CUTOFF
    for bound, k in bounds:
        if bound < best:
            break
        matcher.set_seq1(k)
        ratio = matcher.ratio()
        if ratio >= best:
            best = ratio
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
    return _phrase(closest(word, options))


def _phrase(match: str | None) -> str:
    return f"; bedoelde u '{match}'?" if match is not None else ""


class Suggester:
    """Suggestions among many options (all programme codes of a portfolio), asked for many
    words: the options are indexed once, so each word costs about the same however many
    options there are, instead of a comparison with every one.

    The index maps each three-letter group to the options holding it; a word is compared
    (as by :func:`closest`) only with the options that share the most groups with it, counting
    only groups that few options hold (at most about 4·√n of n options), and with its
    alphabetical neighbours. A word thus costs about √n, not n: sub-quadratic for a portfolio.
    With at most :data:`SMALL` options every option is compared. Answers are remembered per
    word.
    """

    def __init__(self, options: Iterable[str]) -> None:
        self.known = sorted(set(options))
        self._answers: dict[str, str | None] = {}
        self._postings: dict[str, list[int]] = {}
        self._by_lower: dict[str, list[str]] = {}
        self._rare = max(SMALL, 4 * math.isqrt(len(self.known)))
        if len(self.known) > SMALL:
            for option in self.known:
                self._by_lower.setdefault(option.lower(), []).append(option)
            for i, option in enumerate(self.known):
                for gram in _grams(option):
                    self._postings.setdefault(gram, []).append(i)

    def closest(self, word: str) -> str | None:
        """The one option clearly meant by ``word``, or None (see :func:`closest`)."""
        if word not in self._answers:
            self._answers[word] = closest(word, self._candidates(word))
        return self._answers[word]

    def did_you_mean(self, word: str) -> str:
        """``"; bedoelde u 'x'?"`` for the option clearly meant by ``word``, or ``""``."""
        return _phrase(self.closest(word))

    def _candidates(self, word: str) -> list[str]:
        if not self._postings:
            return self.known
        counts = Counter(chain.from_iterable(self._postings.get(gram, ()) for gram in _grams(word)))
        best = heapq.nlargest(CANDIDATES, counts.items(), key=lambda item: (item[1], -item[0]))
        # Options that differ only in case share no group with the word: add them too.
        same_case = self._by_lower.get(word.lower(), [])
        return [self.known[i] for i, _count in best] + same_case


def _grams(word: str) -> set[str]:
    padded = f"\0{word}\0"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}
