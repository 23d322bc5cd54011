"""The cache and the worker processes never change a result, positions included."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from programmatool.pipeline import run as pipeline
from programmatool.pipeline import workers as parallel_module
from programmatool.pipeline.check import check

from .conftest import FIXTURES, PROGRAMMAS
from .test_pipeline import _count_loads

KEY_FILE_NAME = "cache.key"
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
    original = pipeline.read_file

    def counting(path: Path, bestand: str, limits: object) -> object:
        reads.append(bestand)
        return original(path, bestand, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "read_file", counting)
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
    calls = _count_loads(monkeypatch)
    _run(portfolio, cache_dir=cache)
    assert calls == []
    changed = portfolio / "programmas" / "zorg.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# gewijzigd\n", encoding="utf-8")
    _run(portfolio, cache_dir=cache)
    assert calls == [changed.as_posix()]


def test_a_new_file_or_a_part_of_the_folder_loads_only_what_the_cache_does_not_know(
    portfolio: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    part = portfolio / "programmas"
    expected_part = _run(part)
    _run(portfolio, cache_dir=cache)
    calls = _count_loads(monkeypatch)
    # In this process, so that the calls are counted here (workers run the same code).
    monkeypatch.setattr(parallel_module, "PARALLEL_FROM", 10**6)
    # Another set of files has no index of its own: each file's own entry is found instead.
    assert _run(part, cache_dir=cache) == expected_part
    assert calls == []
    added = portfolio / "programmas" / "kopie.yaml"
    shutil.copyfile(portfolio / "programmas" / "zorg.yaml", added)
    with_copy = _run(portfolio, cache_dir=cache)
    assert calls == [added.as_posix()]
    monkeypatch.undo()
    assert with_copy == _run(portfolio)


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
    monkeypatch.setattr(parallel_module, "PARALLEL_FROM", 2)
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


def test_a_same_size_replacement_with_its_time_kept_is_checked_again(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # cp -p, tar and rsync keep size and modification time: only the content tells.
    import time

    from .conftest import minimal_text

    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(tmp_path / "cache"))
    good = minimal_text()
    bad = good.replace("totalen: {2019: 10000,", "totalen: {2019: 99999,")
    assert len(bad) == len(good) and bad != good
    contract = tmp_path / "contract.yaml"
    contract.write_text(good, encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(contract, (an_hour_ago, an_hour_ago))
    assert cli("check", contract).code == 0
    assert cli("check", contract).code == 0  # the index now knows the file's stamp
    stamp = contract.stat()
    contract.write_text(bad, encoding="utf-8")
    os.utime(contract, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert (contract.stat().st_size, contract.stat().st_mtime_ns) == (
        stamp.st_size,
        stamp.st_mtime_ns,
    )
    run = cli("check", contract)
    assert run.code == 1
    assert "PT201" in run.out


def test_a_planted_link_at_a_temporary_name_is_never_written_through(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(cache))
    contract = FIXTURES / "minimaal.yaml"
    assert cli("check", contract).code == 0
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("onaangetast\n", encoding="utf-8")
    entries = sorted(cache.rglob("*.json"))
    assert entries
    for entry in entries:
        entry.unlink()
        # The name the tool used to write through: ".<entry>.<pid>.tmp".
        (entry.parent / f".{entry.name}.{os.getpid()}.tmp").symlink_to(victim)
    assert cli("check", contract).code == 0
    assert victim.read_text(encoding="utf-8") == "onaangetast\n"
    assert all(entry.is_file() and not entry.is_symlink() for entry in entries)


def test_a_cache_folder_others_can_write_is_not_used(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "gedeeld"
    cache.mkdir()
    cache.chmod(0o777)
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(cache))
    assert cli("check", FIXTURES / "minimaal.yaml").code == 0
    assert list(cache.iterdir()) == []
    own = tmp_path / "eigen"
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(own))
    assert cli("check", FIXTURES / "minimaal.yaml").code == 0
    assert own.stat().st_mode & 0o777 == 0o700


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


def test_a_run_without_portfolio_rules_after_check_writes_no_index(
    portfolio: Path, tmp_path: Path
) -> None:
    # import's view of the portfolio reads what check cached; rewriting the index each time
    # (it has no portfolio findings of its own) cost a tenth of a second at 1.000 contracts.
    cache = tmp_path / "cache"
    expected = _run(portfolio, cache_dir=cache)
    [index] = (cache / "index").glob("*.json")
    before = (index.read_bytes(), index.stat().st_mtime_ns)
    view = pipeline.run([portfolio], today=TODAY, cache_dir=cache, portfolio=False)
    assert len(view.results) == expected[-2]
    assert (index.read_bytes(), index.stat().st_mtime_ns) == before
    assert _run(portfolio, cache_dir=cache) == expected


# --- a cache that CI can trust ----------------------------------------------------------------

ATTACKER_KEY = "sleutel-van-iemand-anders-" + "x" * 40


def _broken_contract(folder: Path) -> Path:
    """A contract with an error (PT201) and a warning (PT307): ``check --strict`` must fail."""
    from .conftest import minimal_text

    text = minimal_text()
    text = text.replace("totalen: {2019: 10000,", "totalen: {2019: 99999,")
    text = text.replace("    bron: Gemeente Voorbeeldstad\n", "")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kapot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _forge_clean(cache: Path) -> int:
    """Rewrite every entry under ``cache`` with no findings at all, signed with the attacker's
    key: what someone who can write to a restored or committed cache folder could do."""
    from programmatool.pipeline.cache import ResultCache

    forger = ResultCache(cache, "-", secret=ATTACKER_KEY.encode())
    forged = 0
    for path in sorted(cache.rglob("*.json")):
        data = forger._read(path)
        if "uitkomsten" in data:
            for outcome in data["uitkomsten"].values():
                outcome["findings"] = []
            if data["portfolio"] is not None:
                data["portfolio"][1] = []
        else:
            data["findings"] = []
        forger._write(path, data)
        forged += 1
    return forged


def test_a_forged_cache_entry_never_makes_a_broken_contract_pass(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    contract = _broken_contract(tmp_path / "repo")
    cache = tmp_path / "cache"
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(cache))
    # The attacker checks the same file with their own key, then empties every entry.
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_KEY", ATTACKER_KEY)
    assert cli("check", "--strict", contract).code == 1
    assert _forge_clean(cache) >= 2  # the file's entry and the index
    # With the attacker's key the forged entries are served: the forgery itself works ...
    forged_run = cli("check", "--strict", contract)
    assert forged_run.code == 0, forged_run.out
    # ... but this machine's tool has its own key and ignores them.
    monkeypatch.delenv("PROGRAMMATOOL_CACHE_KEY")
    run = cli("check", "--strict", contract)
    assert run.code == 1
    assert "PT201" in run.out and "PT307" in run.out
    again = cli("check", "--strict", contract)  # now from this machine's own entries
    assert (again.code, again.out) == (run.code, run.out)


def test_an_entry_copied_to_another_files_name_is_ignored(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    contract = _broken_contract(tmp_path / "repo")
    clean = tmp_path / "repo" / "goed.yaml"
    shutil.copy(FIXTURES / "minimaal.yaml", clean)
    cache = tmp_path / "cache"
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(cache))
    assert cli("check", "--no-cache", contract).code == 1
    cli("check", clean)  # a genuine entry with no findings, signed with this machine's key
    entries = [p for p in cache.rglob("*.json") if p.parent.name != "index"]
    assert len(entries) == 1
    # Its content under the name that the broken file's entry would have.
    from programmatool.pipeline.cache import ResultCache

    signed = entries[0].read_bytes()
    cli("check", contract)
    for path in cache.rglob("*.json"):
        if path != entries[0]:
            path.write_bytes(signed)
    run = cli("check", contract)
    assert run.code == 1 and "PT201" in run.out
    assert ResultCache(cache, "-").secret  # the key file exists and is trusted


def test_a_committed_cache_folder_in_the_repository_is_not_read(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "repo"
    contract = _broken_contract(repo)
    committed = repo / ".programmatool_cache"
    # Whoever commits the folder also controls any key they put beside it.
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(committed))
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_KEY", ATTACKER_KEY)
    monkeypatch.chdir(repo)
    assert cli("check", "kapot.yaml").code == 1
    _forge_clean(committed)
    (committed / KEY_FILE_NAME).write_text(ATTACKER_KEY + "\n")
    monkeypatch.delenv("PROGRAMMATOOL_CACHE_DIR")
    monkeypatch.delenv("PROGRAMMATOOL_CACHE_KEY")
    run = cli("check", "--strict", "kapot.yaml")
    assert run.code == 1 and "PT201" in run.out
    # The default cache is the user's cache folder, outside the checked-out tree.
    from programmatool.pipeline.cache import cache_dir

    user_cache = Path(os.environ["XDG_CACHE_HOME"]) / "programmatool"
    assert cache_dir() == user_cache
    assert any(user_cache.rglob("*.json"))
    assert contract.exists()


def test_the_key_file_is_private_and_a_shared_one_is_not_trusted(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import stat

    from programmatool.pipeline.cache import cache_secret, key_file

    config_home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    cache = tmp_path / "cache"
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(cache))
    assert cli("check", FIXTURES / "minimaal.yaml").code == 0
    key = key_file()
    assert key == config_home / "programmatool" / "cache.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert not str(key).startswith(str(cache))
    assert cache_secret() == key.read_bytes().strip()
    key.chmod(0o666)  # anyone may write it: a key others can choose is no key
    assert cache_secret() is None
    shutil.rmtree(cache)
    run = cli("check", FIXTURES / "minimaal.yaml")
    assert run.code == 0
    assert not any(cache.rglob("*.json"))  # without a trusted key nothing is cached


def test_the_cache_key_covers_the_code_of_every_rule_and_the_model() -> None:
    # A changed rule must never serve an old finding: the key hashes the whole package, not
    # only the folder the cache module lives in (that bug kept old PT102 wording after an edit).
    from programmatool.pipeline import cache

    package = Path(pipeline.__file__).resolve().parent.parent
    hashed = {p.relative_to(package).as_posix() for p in cache.code_files()}
    assert {"rules/links.py", "model/contract.py", "progress/indicator.py"} <= hashed
    assert hashed == {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
