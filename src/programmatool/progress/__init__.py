"""Verdicts per indicator and year, and their roll-up with coverage; pure.

One module a concern: :mod:`statuses` (the statuses and how they combine), :mod:`thresholds`
(``[voortgang]``), :mod:`values` (numbers, scale words, measurements, targets), :mod:`path`
(the straight path and how far off it a measurement is), :mod:`case` and :mod:`indicator`
(the verdict on one indicator), :mod:`milestone`, :mod:`explain` (the Dutch sentences),
:mod:`results` (what a verdict returns) and :mod:`rollup` (goals and programme). The rules are
stated for users in docs/voortgang.md.
"""
