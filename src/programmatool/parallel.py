"""Running one function over many contracts, on all cores when there are enough of them.

Used by ``render`` and ``progress`` (``check`` has its own pool, because its work items are
file contents that go to the workers). Workers are forked, so they inherit the shared work from
memory and only indices and results travel between processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

#: From this many items on, the work is spread over worker processes.
PARALLEL_FROM = 24

# Work shared with forked worker processes: set just before the pool starts, inherited by it.
WORK: dict[str, Any] = {}


def workers(n: int, parallel_from: int = PARALLEL_FROM) -> int:
    """How many processes ``n`` items get: 1 below ``parallel_from`` or without ``fork``."""
    cores = os.cpu_count() or 1
    forking = "fork" in multiprocessing.get_all_start_methods()
    return min(cores, n) if forking and n >= parallel_from and cores > 1 else 1


def run(
    work: dict[str, Any],
    func: Callable[[int], T],
    n: int,
    chunksize: int,
    parallel_from: int = PARALLEL_FROM,
) -> list[T]:
    """``func(0) … func(n-1)`` with ``work`` in :data:`WORK`, in order; forked worker
    processes when ``n`` is at least ``parallel_from`` (slow items warrant a lower bound)."""
    count = workers(n, parallel_from)
    WORK.clear()
    WORK.update(work)
    try:
        if count == 1:
            return [func(i) for i in range(n)]
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            return list(pool.map(func, range(n), chunksize=chunksize))
    finally:
        WORK.clear()
