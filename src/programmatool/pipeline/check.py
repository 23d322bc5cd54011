"""``check`` as a function: the pipeline with the portfolio rules, returning its findings.

The work itself is :mod:`pipeline`'s; this module keeps the names the Python API has always
offered (``check``, ``CheckResult``, ``find_contract_files``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from programmatool.pipeline.run import YAML_SUFFIXES, Run, find_files

if TYPE_CHECKING:
    from programmatool.loading import Limits
    from programmatool.pipeline.settings import Config

#: What :func:`check` returns: the pipeline's :class:`~programmatool.pipeline.Run`.
CheckResult = Run

find_contract_files = find_files


def check(
    paths: list[Path],
    limits: Limits | None = None,
    config: Config | None = None,
    today: dt.date | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
) -> CheckResult:
    """Load every contract under ``paths`` and run the consistency rules on them.

    ``config`` switches rules off or changes their level and gives the reading limits;
    ``today`` is the date a realisation may not lie after (default: today). With ``cache_dir``
    the outcome per file is kept there, so an unchanged file is not read again. Many files are
    checked on all cores (``jobs`` processes; default: the number of cores).
    """
    from programmatool.pipeline import run as pipeline

    return pipeline.run(
        paths, config=config, limits=limits, today=today, cache_dir=cache_dir, jobs=jobs
    )


__all__ = ["YAML_SUFFIXES", "CheckResult", "check", "find_contract_files"]
