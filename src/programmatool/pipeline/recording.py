"""The portfolio as a writing command sees it before it touches a file: per contract its
programme code and, per indicator, what a new measurement is checked against.

``check`` keeps this view with every file's cached outcome (:func:`recording_summary`, stored in
the outcome's summary), so ``import`` can refuse an unknown code, indicator, year or value in
about the time of a warm ``check``: from the cache, without reading any YAML. Only the files it
will write are parsed, once each, after every row passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from programmatool.pipeline.recording_data import (
    DIGEST_KEY,
    SUMMARY_KEY,
    BrokenView,
    ContractView,
    IndicatorView,
    RecordingContract,
    RecordingIndicator,
    contract_from_summary,
    data_digest,
    recording_summary,
    recording_years,
    unpack_view,
)

__all__ = [
    "DIGEST_KEY",
    "SUMMARY_KEY",
    "BrokenView",
    "ContractView",
    "IndicatorView",
    "KnownFile",
    "PortfolioView",
    "RecordingContract",
    "RecordingIndicator",
    "contract_from_summary",
    "data_digest",
    "known_file",
    "recording_summary",
    "recording_view",
    "recording_years",
]


@dataclass
class PortfolioView:
    """The contracts under some paths as :func:`recording_view` found them."""

    #: Per file name (as found under the paths) the file's path.
    paths: dict[str, Path] = field(default_factory=dict)
    #: Per file name of a contract that loaded: its programme code, and its view as one JSON
    #: text (:func:`pack_view`), unpacked by :meth:`contract` when it is asked for.
    loaded: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Per file name that did not load as a contract, its errors (``file:line:col: …``).
    broken: dict[str, list[str]] = field(default_factory=dict)
    #: Problems with the paths themselves (one that does not exist, a folder not readable).
    problems: list[str] = field(default_factory=list)
    _resolved: dict[Path, str] = field(default_factory=dict, repr=False)

    def name_of(self, target: Path) -> str | None:
        """The name under which the view found the file ``target`` (a resolved path)."""
        if not self._resolved:
            for name, path in self.paths.items():
                try:
                    self._resolved.setdefault(path.resolve(), name)
                except (OSError, RuntimeError):
                    continue
        return self._resolved.get(target)

    def codes(self) -> dict[str, list[str]]:
        """Per programme code the names of the files that have it."""
        found: dict[str, list[str]] = {}
        for name, (code, _packed) in self.loaded.items():
            found.setdefault(code, []).append(name)
        return found

    def contract(self, name: str) -> ContractView | None:
        """The view of the contract the view read as ``name``; None when it did not load, or
        when what the cache kept for it cannot be read (then the file is loaded itself)."""
        found = self.loaded.get(name)
        if found is None:
            return None
        try:
            return contract_from_summary(unpack_view({SUMMARY_KEY: found[1]}))
        except (KeyError, ValueError, TypeError):
            return None


def recording_view(paths: list[Path], settings: Any) -> PortfolioView:
    """Every contract under ``paths`` as a writer checks against it, from the cache that
    ``check`` fills (the user's cache folder, unless ``settings`` says otherwise): a file whose
    content the cache knows is not parsed again. ``settings`` is the command's
    :class:`~programmatool.pipeline.run.Settings`."""
    from dataclasses import replace

    from programmatool.pipeline.cache import cache_dir
    from programmatool.pipeline.run import run

    if settings.cache_dir is None:
        settings = replace(settings, cache_dir=cache_dir())
    found = run(paths, settings=settings, portfolio=False, label="Portefeuille inlezen")
    view = PortfolioView(problems=list(found.problems))
    view.paths = dict(found.paths)
    for result in found.results:
        summary = found.summaries.get(result.path)
        packed = summary.get(SUMMARY_KEY) if summary is not None else None
        if result.contract is None or not isinstance(packed, str):
            view.broken[result.path] = [
                f.as_text() for f in result.findings if f.severity == "fout"
            ]
            continue
        view.loaded[result.path] = (str(result.contract.code), packed)
    return view


@dataclass(frozen=True)
class KnownFile:
    """What ``check`` cached about exactly these bytes of a contract that loaded: its view for
    recording (:func:`contract_from_summary`) and its rule errors at the configured levels."""

    contract: ContractView
    #: ``(code, message)`` of every error ``check`` reported for the file.
    errors: frozenset[tuple[str, str]]
    #: :func:`data_digest` of the file's parsed data, when check kept it.
    digest: str | None = None


def known_file(name: str, raw: bytes, settings: Any) -> KnownFile | None:
    """What the cache holds for the file ``name`` with exactly the bytes ``raw`` under the
    command's settings, when it loaded as a contract; None when the cache does not know it (a
    different name, other bytes, other settings, no cache key), so the caller loads it."""
    from programmatool.pipeline.cache import ResultCache, cache_dir
    from programmatool.pipeline.run import fingerprint

    folder = settings.cache_dir if settings.cache_dir is not None else cache_dir()
    cache = ResultCache(folder, fingerprint(settings.config, settings.limits, settings.today))
    if cache.secret is None:
        return None
    outcome = cache.get(cache.key(name, raw))
    summary = outcome.samenvatting if outcome is not None else None
    if outcome is None or summary is None or SUMMARY_KEY not in summary:
        return None
    try:
        data = unpack_view(summary)
        contract = contract_from_summary(data)
    except (KeyError, ValueError, TypeError):
        return None
    errors = frozenset((f.code, f.message) for f in outcome.findings if f.severity == "fout")
    digest = data.get(DIGEST_KEY)
    return KnownFile(contract, errors, digest if isinstance(digest, str) else None)
