"""programmatool: programme contracts of Dutch municipalities as YAML files.

The same verbs as the command line are usable from Python::

    from programmatool import check, contract_progress, diff, load_contract, render

Names are imported on first use, so that ``programmatool --version`` does not pay for Pydantic.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from programmatool._version import __version__

_LAZY = {
    "check": "pipeline.check",
    "contract_progress": "progress.rollup",
    "Change": "diff.changes",
    "diff": "diff.changes",
    "indicator_progress": "progress.indicator",
    "render": "pipeline.render",
    "render_contract": "pipeline.render",
    "render_contract_pdf": "pipeline.render",
    "Finding": "model.findings",
    "LoadResult": "loading",
    "load_contract": "loading",
}

if TYPE_CHECKING:
    from programmatool.diff.changes import Change, diff
    from programmatool.loading import LoadResult, load_contract
    from programmatool.model.findings import Finding
    from programmatool.pipeline.check import check
    from programmatool.pipeline.render import render, render_contract, render_contract_pdf
    from programmatool.progress.indicator import indicator_progress
    from programmatool.progress.rollup import contract_progress

__all__ = [
    "Change",
    "Finding",
    "LoadResult",
    "__version__",
    "check",
    "contract_progress",
    "diff",
    "indicator_progress",
    "load_contract",
    "render",
    "render_contract",
    "render_contract_pdf",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'programmatool' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


class _Package(types.ModuleType):
    """``programmatool.diff`` is the facade's function, also after the submodule is imported.

    Importing ``programmatool.diff`` (the module) makes Python set the package attribute
    ``diff`` to that module; this keeps the name for the function, which ``__getattr__``
    supplies. The module itself stays reachable as ``sys.modules["programmatool.diff"]``.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "diff" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
