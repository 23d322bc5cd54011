"""The cache and the worker processes never change a result, positions included."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from programmatool import checking
from programmatool.checking import check

from .conftest import FIXTURES, PROGRAMMAS

CORPUS = Path(__file__).resolve().parent / "corpus"
TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """The real contracts, the broken corpus and the rule fixtures in one folder tree."""
    root = tmp_path / "portfolio"
    shutil.copytree(PROGRAMMAS, root / "programmas")
    shutil.copytree(CORPUS, root / "corpus", ignore=shutil.ignore_patterns("*.tsv"))
    shutil.copytree(FIXTURES, root / "fixtures")
    return root


def _run(root: Path, **kwargs: object) -> list[object]:
    result = check([root], today=TODAY, **kwargs)  # type: ignore[arg-type]
    return [*result.findings, len(result.results), tuple(result.problems)]


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the names of the files that ``check`` reads from disk."""
    reads: list[str] = []
    original = checking.read_contract_bytes

    def counting(path: Path, bestand: str, limits: object) -> object:
        reads.append(bestand)
        return original(path, bestand, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(checking, "read_contract_bytes", counting)
    return reads


def test_cache_never_changes_a_result(portfolio: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    without = _run(portfolio)
    cold = _run(portfolio, cache_dir=cache)
    warm = _run(portfolio, cache_dir=cache)
    assert len(without) > 100  # the corpus and the real contracts have many findings
    assert cold == without
    assert warm == without
    assert any(cache.rglob("*.json"))


def test_warm_check_does_not_load_files_again(
    portfolio: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _run(portfolio, cache_dir=cache)
    calls: list[str] = []
    original = checking.check_one

    def counting(bestand: str, *args: object) -> object:
        calls.append(bestand)
        return original(bestand, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(checking, "check_one", counting)
    _run(portfolio, cache_dir=cache)
    assert calls == []
    changed = portfolio / "programmas" / "zorg.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# gewijzigd\n", encoding="utf-8")
    _run(portfolio, cache_dir=cache)
    assert calls == [changed.as_posix()]


def test_damaged_cache_entries_are_ignored(portfolio: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = _run(portfolio, cache_dir=cache)
    entries = sorted(cache.rglob("*.json"))
    entries[0].write_text("{niet: json", encoding="utf-8")
    entries[1].write_text(
        json.dumps({"findings": [["x", "een", 1, "PT1", "fout", "m"]], "samenvatting": None})
    )
    entries[2].write_text(json.dumps([1, 2, 3]))
    assert _run(portfolio, cache_dir=cache) == expected


def test_cache_folder_is_marked_and_ignored_by_git(portfolio: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(portfolio, cache_dir=cache)
    assert (cache / ".gitignore").read_text() == "*\n"
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_worker_processes_give_the_same_result(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _run(portfolio, jobs=1)
    monkeypatch.setattr(checking, "PARALLEL_FROM", 2)
    parallel = _run(portfolio, jobs=2)
    assert parallel == serial


def test_no_cache_option_writes_no_cache(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(cache))
    run = cli("check", "--no-cache", FIXTURES / "minimaal.yaml")
    assert run.code == 0
    assert not cache.exists()
    run = cli("check", FIXTURES / "minimaal.yaml")
    assert run.code == 0
    assert any(cache.rglob("*.json"))


def test_unchanged_files_are_not_even_read(
    portfolio: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    an_hour_ago = time.time() - 3600
    files = sorted((portfolio / "programmas").glob("*.yaml"))
    for path in files:
        os.utime(path, (an_hour_ago, an_hour_ago))
    cache = tmp_path / "cache"
    expected = _run(portfolio / "programmas", cache_dir=cache)
    reads = _count_reads(monkeypatch)
    assert _run(portfolio / "programmas", cache_dir=cache) == expected
    assert reads == []
    files[0].write_text(files[0].read_text(encoding="utf-8") + "# nieuw\n", encoding="utf-8")
    _run(portfolio / "programmas", cache_dir=cache)
    assert reads == [files[0].as_posix()]


def test_portfolio_findings_follow_a_changed_relation(portfolio: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    programmas = portfolio / "programmas"
    before = check([programmas], today=TODAY, cache_dir=cache)
    assert not [f for f in before.findings if f.code == "PT401"]
    zorg = programmas / "zorg.yaml"
    text = zorg.read_text(encoding="utf-8")
    assert "  - programma: binnenstad\n" in text
    zorg.write_text(text.replace("  - programma: binnenstad\n", "  - programma: binnestad\n"))
    after = check([programmas], today=TODAY, cache_dir=cache)
    fresh = check([programmas], today=TODAY)
    assert after.findings == fresh.findings
    assert [f.message for f in after.findings if f.code == "PT401"] == [
        "relatie met programma 'binnestad', maar geen contract in deze controle heeft die code;"
        " bedoelde u 'binnenstad'?"
    ]


def test_warm_check_does_not_run_the_portfolio_rules_again(
    portfolio: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from programmatool import rules

    cache = tmp_path / "cache"
    expected = _run(portfolio, cache_dir=cache)
    runs: list[int] = []
    original = rules.run_portfolio_rules

    def counting(*args: object, **kwargs: object) -> object:
        runs.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rules, "run_portfolio_rules", counting)
    assert _run(portfolio, cache_dir=cache) == expected
    assert runs == []
    other_day = check([portfolio], today=dt.date(2019, 1, 1), cache_dir=cache)
    assert other_day.findings != expected[:-2]
    assert runs == [1]  # another day is another key: computed, not served


def test_files_too_new_to_trust_are_trusted_once_the_index_is_newer(
    portfolio: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time
    import types

    programmas = portfolio / "programmas"
    for path in programmas.glob("*.yaml"):
        os.utime(path)  # changed just now: inside the racy window of the first index
    cache = tmp_path / "cache"
    expected = _run(programmas, cache_dir=cache)
    later = types.SimpleNamespace(time_ns=lambda: time.time_ns() + 10_000_000_000)
    monkeypatch.setattr(checking, "time", later)
    assert _run(programmas, cache_dir=cache) == expected  # read and hashed, index renewed
    monkeypatch.undo()
    reads = _count_reads(monkeypatch)
    assert _run(programmas, cache_dir=cache) == expected
    assert reads == []
