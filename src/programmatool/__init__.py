"""programmatool: programme contracts of Dutch municipalities as YAML files.

The same verbs as the command line are usable from Python::

    from programmatool import load_contract, check
"""

from __future__ import annotations

__version__ = "0.1.0"

from .checking import CheckResult, check
from .findings import Finding
from .loading import LoadResult, load_contract

__all__ = ["CheckResult", "Finding", "LoadResult", "__version__", "check", "load_contract"]
