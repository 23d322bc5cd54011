"""The one process pool: a function over many items, on all cores when there are enough of them.

Every command's per-file work goes through :func:`run`. The work shared by all items is handed
to each worker once (``initializer``): a forked worker inherits it from memory, a spawned one
(where ``fork`` does not exist) receives it pickled, so only indices and results travel per
item.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

#: From this many items on, the work is spread over worker processes.
PARALLEL_FROM = 24

#: Work shared with the worker processes (and with ``func`` in a serial run).
WORK: dict[str, Any] = {}

#: The start method; None picks ``fork`` where it exists, else ``spawn`` (tests set it).
START_METHOD: str | None = None


def workers(n: int, jobs: int | None = None, parallel_from: int | None = None) -> int:
    """How many processes ``n`` items get: 1 below ``parallel_from``, else up to ``jobs``
    (default: the number of cores)."""
    cores = jobs if jobs is not None else (os.cpu_count() or 1)
    # Read at call time, so that a changed PARALLEL_FROM (as in the tests) counts.
    least = PARALLEL_FROM if parallel_from is None else parallel_from
    return min(cores, n) if n >= least and cores > 1 else 1


def _set_work(work: dict[str, Any]) -> None:
    WORK.clear()
    WORK.update(work)


def run(
    work: dict[str, Any],
    func: Callable[[int], T],
    n: int,
    chunksize: int | None = None,
    jobs: int | None = None,
    done: Callable[[int], None] | None = None,
    parallel_from: int | None = None,
) -> list[T]:
    """``func(0) … func(n-1)`` with ``work`` in :data:`WORK`, results in order; worker processes
    when ``n`` is at least ``parallel_from`` (slow items warrant a lower bound). ``done(k)`` is
    called after each finished item with the count so far. ``func`` must be a module-level
    function (a spawned worker imports it by name)."""
    count = workers(n, jobs, parallel_from)
    _set_work(work)
    results: list[T] = []
    try:
        if count == 1:
            for i in range(n):
                results.append(func(i))
                if done is not None:
                    done(len(results))
            return results
        from concurrent.futures import ProcessPoolExecutor

        method = START_METHOD or (
            "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        )
        context = multiprocessing.get_context(method)
        # Small chunks: files differ in size, and with a few large chunks one worker was
        # still busy for a whole chunk (half a second in 1,000 contracts) after the other
        # finished. A chunk costs one message each way, which is little next to its files.
        chunk = chunksize or max(1, n // (count * 32))
        with ProcessPoolExecutor(
            max_workers=count, mp_context=context, initializer=_set_work, initargs=(work,)
        ) as pool:
            for result in pool.map(func, range(n), chunksize=chunk):
                results.append(result)
                if done is not None:
                    done(len(results))
        return results
    finally:
        WORK.clear()
