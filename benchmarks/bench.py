#!/usr/bin/env python3
"""Benchmark programmatool on portfolios of 10, 100 and 1 000 contracts.

A script, not a test: it builds portfolios from the real contracts in ``programmas/`` (copies
with new codes, same size and shape), times whole processes as medians of several runs, measures
peak memory, and times ``check-jsonschema`` and ``yamllint`` on the same files for reference.

    .venv/bin/python benchmarks/bench.py            # 10, 100 and 1 000 contracts
    .venv/bin/python benchmarks/bench.py --sizes 10 100 --runs 3
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TOOL = str(BIN / "programmatool")
#: yamllint takes minutes on 1 000 files; ``--no-yamllint`` leaves it out.
WITH_YAMLLINT = True
#: The portfolio size the import rows use (issue 28).
IMPORT_SIZE = 1000


@dataclass
class Row:
    what: str
    size: int
    seconds: float | None
    target: str = ""
    met: bool | None = None
    note: str = ""


def build_portfolio(folder: Path, size: int, broken_relations: bool = False) -> list[Path]:
    """``size`` contracts: the real ones copied round-robin, codes renamed consistently per copy.

    With ``broken_relations`` every relation points at a code that no contract has (the
    worst case for the "bedoelde u" suggestions: one per relation, among all codes)."""
    sources = sorted((ROOT / "programmas").glob("*.yaml"))
    if not sources:
        sys.exit("geen contracten in programmas/")
    codes = [re.search(r"^code:\s*(\S+)", p.read_text(encoding="utf-8"), re.M) for p in sources]
    names = [m.group(1) for m in codes if m]
    texts = [p.read_text(encoding="utf-8") for p in sources]
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(size):
        copy, index = divmod(i, len(sources))
        text = texts[index]
        for name in names:
            # A copy set renames every code the same way, so relations stay consistent.
            text = re.sub(
                rf"^(\s*(?:-\s+)?(?:code|programma):\s*){re.escape(name)}\s*$",
                rf"\g<1>{name}-{copy:04d}",
                text,
                flags=re.M,
            )
        if broken_relations:
            text = re.sub(r"^(\s*-\s+programma:\s*)(\S+)\s*$", r"\g<1>\g<2>-weg", text, flags=re.M)
        path = folder / f"{names[index]}-{copy:04d}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Wall-clock seconds of one process; its output is discarded."""
    start = time.perf_counter()
    done = subprocess.run(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    elapsed = time.perf_counter() - start
    # Exit 1 means findings (the copies keep the real contracts' inconsistencies); 2 is failure.
    if done.returncode > 1 and not cmd[0].endswith(("check-jsonschema", "yamllint")):
        raise SystemExit(
            f"mislukt (exit {done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]!r}"
        )
    return elapsed


def median(
    times: int, action: Callable[[], float], before: Callable[[], None] | None = None
) -> float:
    """Median of ``times`` runs of ``action``, calling ``before`` ahead of each one."""
    results = []
    for _ in range(times):
        if before is not None:
            before()
        results.append(action())
    return statistics.median(results)


def peak_memory_mb(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Peak memory of a process and all its worker processes together, in MB.

    The tree is sampled every 10 ms and each process counted by its proportional set size
    (PSS: pages shared after ``fork`` are split between the processes that share them), so
    the sum is what the command really occupies. Without ``/proc`` (not Linux) the peak
    resident size of the largest process is reported instead.
    """
    if not Path("/proc/self/smaps_rollup").exists():
        probe = (
            "import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", probe, *cmd],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        return int(out.stdout.strip()) / 1024
    process = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(_pss_kb(pid) for pid in _tree(process.pid)))
        time.sleep(0.01)
    return peak / 1024


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as handle:
                todo.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def compile_tool() -> None:
    """Write the bytecode of every module of the tool first, as an installed package has it:
    with ``PYTHONDONTWRITEBYTECODE`` set (as on some shared machines) a module changed since its
    last compilation would otherwise be compiled again in every measured run, and in every
    worker process."""
    probe = (
        "import compileall, os, programmatool\n"
        "compileall.compile_dir(os.path.dirname(programmatool.__file__), quiet=1)\n"
    )
    subprocess.run([str(BIN / "python"), "-c", probe], check=True, stdout=subprocess.DEVNULL)


def tool_available(name: str) -> str | None:
    """Path of a reference tool in this environment, if installed."""
    candidate = BIN / name
    if candidate.exists():
        return str(candidate)
    return shutil.which(name)


def bench_portfolio(work: Path, schema: Path, size: int, runs: int) -> list[Row]:
    """All measurements on one portfolio of ``size`` contracts."""
    rows: list[Row] = []
    folder = work / f"p{size}"
    files = build_portfolio(folder / "programmas", size)
    cache = folder / "cache"
    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(cache))
    check = [TOOL, "check", "programmas"]
    reps = runs

    def clear() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    cold = median(reps, lambda: run(check, folder, env), clear)
    rows.append(Row("check koud", size, cold))
    run(check, folder, env)
    warm = median(reps, lambda: run(check, folder, env))
    rows.append(
        Row(
            "check warm (niets gewijzigd)",
            size,
            warm,
            "< 10% van koud" if size == 1000 else "",
            warm < 0.10 * cold if size == 1000 else None,
            f"{100 * warm / cold:.0f}% van koud",
        )
    )
    counter = [0]

    def touch_one() -> None:
        counter[0] += 1
        target = files[len(files) // 2]
        text = target.read_text(encoding="utf-8")
        target.write_text(text + f"# wijziging {counter[0]}\n", encoding="utf-8")

    one = median(reps, lambda: run(check, folder, env), touch_one)
    rows.append(
        Row(
            "check na 1 gewijzigd bestand",
            size,
            one,
            "< 1 s" if size == 1000 else "",
            one < 1.0 if size == 1000 else None,
        )
    )
    site = folder / "site"
    render = median(
        reps,
        lambda: run(
            [TOOL, "render", "programmas", "--format", "html", "--out", str(site)],
            folder,
            env,
        ),
    )
    rows.append(
        Row(
            "render html (portfolio)",
            size,
            render,
            "< 20 s" if size == 1000 else "",
            render < 20 if size == 1000 else None,
        )
    )
    # publish: the site with its search index (Pagefind) and open data, in the render budget.
    publish = median(
        reps,
        lambda: run([TOOL, "publish", "programmas", "--uit", str(folder / "pub")], folder, env),
    )
    rows.append(
        Row(
            "publish (site met zoekindex)",
            size,
            publish,
            "< 20 s" if size == 1000 else "",
            publish < 20 if size == 1000 else None,
        )
    )
    progress_cmd = [TOOL, "progress", "programmas"]
    progress_cold = median(reps, lambda: run(progress_cmd, folder, env), clear)
    rows.append(Row("progress koud", size, progress_cold))
    run(progress_cmd, folder, env)
    progress_warm = median(reps, lambda: run(progress_cmd, folder, env))
    rows.append(
        Row(
            "progress warm (niets gewijzigd)",
            size,
            progress_warm,
            "≤ 10% van koud" if size == 1000 else "",
            progress_warm <= 0.10 * progress_cold if size == 1000 else None,
            f"{100 * progress_warm / progress_cold:.0f}% van koud",
        )
    )
    no_cache = [TOOL, "check", "--no-cache", "programmas"]
    consistent = median(reps, lambda: run(no_cache, folder, env))
    rows.append(Row("check zonder cache, relaties kloppen", size, consistent))
    broken_folder = work / f"p{size}-weg"
    build_portfolio(broken_folder / "programmas", size, broken_relations=True)
    broken = median(reps, lambda: run(no_cache, broken_folder, env))
    rows.append(
        Row(
            "check zonder cache, alle relaties naar onbekende codes",
            size,
            broken,
            "≤ 1,2 × kloppend" if size == 1000 else "",
            broken <= 1.2 * consistent if size == 1000 else None,
            f"{broken / consistent:.2f} × kloppend".replace(".", ","),
        )
    )
    shutil.rmtree(broken_folder, ignore_errors=True)
    clear()
    memory = peak_memory_mb(check, folder)
    rows.append(
        Row(
            "check piekgeheugen (MB, alle processen samen)",
            size,
            memory,
            "< 500 MB" if size == 1000 else "",
            memory < 500 if size == 1000 else None,
        )
    )
    jsonschema = tool_available("check-jsonschema")
    if jsonschema:
        ref = median(
            reps,
            lambda: run(
                [jsonschema, "--schemafile", str(schema), *[p.name for p in files]],
                folder / "programmas",
                env,
            ),
        )
        rows.append(Row("check-jsonschema (referentie)", size, ref))
        if size == 1000:
            rows.append(
                Row(
                    "check koud sneller dan check-jsonschema",
                    size,
                    None,
                    "ja",
                    cold < ref,
                    f"{cold:.2f} s tegen {ref:.2f} s",
                )
            )
    else:
        rows.append(Row("check-jsonschema (referentie)", size, None, note="niet geinstalleerd"))
    yamllint = tool_available("yamllint") if WITH_YAMLLINT else None
    if yamllint:
        ref = median(reps, lambda: run([yamllint, "-d", "relaxed", "programmas"], folder, env))
        rows.append(Row("yamllint (referentie)", size, ref))
    else:
        note = "niet geinstalleerd" if WITH_YAMLLINT else "overgeslagen"
        rows.append(Row("yamllint (referentie)", size, None, note=note))
    return rows


def bench_seven(work: Path, schema: Path, runs: int) -> list[Row]:
    """The editor and pre-commit case: a warm ``check`` of the seven real contracts against
    ``check-jsonschema`` on the same files, where start-up dominates."""
    folder = work / "zeven"
    shutil.copytree(ROOT / "programmas", folder / "programmas")
    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(folder / "cache"))
    check = [TOOL, "check", "programmas"]
    run(check, folder, env)
    run(check, folder, env)
    warm = median(max(runs, 5), lambda: run(check, folder, env))
    rows = [Row("check warm, de 7 contracten uit programmas/", 7, warm)]
    jsonschema = tool_available("check-jsonschema")
    if jsonschema:
        names = sorted(p.name for p in (folder / "programmas").glob("*.yaml"))
        ref = median(
            max(runs, 5),
            lambda: run([jsonschema, "--schemafile", str(schema), *names], folder / "programmas"),
        )
        rows.append(Row("check-jsonschema (referentie), dezelfde 7", 7, ref))
        rows.append(
            Row(
                "check warm ten opzichte van check-jsonschema",
                7,
                None,
                "≤ 0,35 ×",
                warm <= 0.35 * ref,
                f"{warm / ref:.2f} ×".replace(".", ","),
            )
        )
    return rows


def bench_hashing(runs: int) -> list[Row]:
    """What a warm ``check`` pays per file now that the cache trusts content, not stamps:
    reading and hashing a file (its cache key) against reading and parsing it, in-process, for
    the seven real contracts."""
    from programmatool.loading import DEFAULT_LIMITS, load_bytes
    from programmatool.pipeline.cache import ResultCache

    files = sorted((ROOT / "programmas").glob("*.yaml"))
    cache = ResultCache(ROOT / "niet-gebruikt", "bench", secret=b"x" * 32)

    def hashing() -> float:
        start = time.perf_counter()
        for path in files:
            cache.key(path.name, path.read_bytes())
        return time.perf_counter() - start

    def parsing() -> float:
        start = time.perf_counter()
        for path in files:
            load_bytes(path.read_bytes(), path.name, DEFAULT_LIMITS)
        return time.perf_counter() - start

    hashed = median(max(runs, 5), hashing)
    parsed = median(max(runs, 5), parsing)
    return [
        Row("inhoud lezen en hashen (cachesleutel), de 7 contracten", 7, hashed),
        Row("inhoud lezen en inlezen (YAML en model), de 7 contracten", 7, parsed),
        Row(
            "hashen ten opzichte van inlezen",
            7,
            None,
            "≤ 0,05 ×",
            hashed <= 0.05 * parsed,
            f"{hashed / parsed:.3f} ×".replace(".", ","),
        ),
    ]


def bench_big_diff(work: Path, runs: int) -> list[Row]:
    """``diff`` of a 1 MB contract whose long text changed in one word in the middle (the word
    summary was quadratic: about an hour before it was bounded)."""
    base = (ROOT / "tests" / "fixtures" / "minimaal.yaml").read_text(encoding="utf-8")
    words = [f"de woord{i % 50}" for i in range(100_000)]
    changed = [*words[:50_000], "anders", *words[50_001:]]
    old, new = work / "groot-oud.yaml", work / "groot-nieuw.yaml"
    for path, text in ((old, words), (new, changed)):
        body = "\n".join("  " + " ".join(text[i : i + 12]) for i in range(0, len(text), 12))
        path.write_text(
            base.replace(
                "samenvatting: |\n  De stad wordt schoner en groener.\n",
                f"samenvatting: |\n{body}\n",
            ),
            encoding="utf-8",
        )
    seconds = median(runs, lambda: run([TOOL, "diff", str(old), str(new)], work))
    size = old.stat().st_size // 1024
    return [Row(f"diff van een contract van {size} KB", 1, seconds, "< 10 s", seconds < 10)]


# --- import: bulk recording against check (issue 28) -------------------------------------------


def import_rows(folder: Path, size: int, count: int, bad_last: bool = False) -> str:
    """A Dutch Excel CSV of ``count`` measurements for the portfolio ``build_portfolio`` made
    of ``size`` contracts: spread over all contracts (by programme code, so ``--map`` looks
    them up), each a year without a measurement yet with a value the indicator already knows
    (so no rule breaks). With ``bad_last`` the last row's value is not a number."""
    import datetime as dt

    from programmatool.editing.record import toegestane_jaren
    from programmatool.loading import load_contract

    sources = sorted((ROOT / "programmas").glob("*.yaml"))
    slots: list[list[tuple[str, str, str]]] = []
    for path in sources:
        contract = load_contract(path).contract
        assert contract is not None, path
        free = []
        for ind in contract.indicatoren:
            low, high = toegestane_jaren(contract, ind)
            value = _known_value(ind)
            for year in range(low, min(high, dt.date.today().year) + 1):
                if year not in ind.realisaties and value is not None:
                    free.append((ind.id, str(year), value))
        slots.append(free)
    codes = [load_contract(p).contract.code for p in sources]  # type: ignore[union-attr]
    lines = ["contract;indicator;jaar;waarde;bron"]
    taken = [0] * size
    contract = 0
    if count > sum(len(slots[i % len(sources)]) for i in range(size)):
        sys.exit(f"{size} contracten hebben geen {count} vrije jaren")
    while len(lines) <= count:
        copy, index = divmod(contract, len(sources))
        if taken[contract] < len(slots[index]):
            ind, year, value = slots[index][taken[contract]]
            taken[contract] += 1
            lines.append(f"{codes[index]}-{copy:04d};{ind};{year};{value};Benchmark")
        contract = (contract + 1) % size
    if bad_last:
        code, ind, year, _value, bron = lines[-1].split(";")
        lines[-1] = ";".join([code, ind, year, "veel", bron])
    sheet = folder / f"metingen-{count}{'-fout' if bad_last else ''}.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sheet.name


def _known_value(ind: Any) -> str | None:
    """A value the indicator already has (a measurement, else its baseline or a target), as
    Dutch text; None for a milestone or an indicator without one."""
    if ind.meetsoort == "mijlpaal":
        return "ja"
    known = [r.waarde for r in ind.realisaties.values()] + [ind.peilwaarde]
    known += list(ind.streefwaarden.values())
    for value in known:
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float):
            return str(value).replace(".", ",")
        if isinstance(value, str) and value in ind.schaal:
            return value
    return None


def _timed(cmd: list[str], cwd: Path, env: dict[str, str], expect: int) -> float:
    """Seconds of one process that must end with exit code ``expect``."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != expect:
        raise SystemExit(
            f"exit {done.returncode}, verwacht {expect}: {' '.join(cmd)}\n{done.stderr[-2000:]!r}"
        )
    return elapsed


def bench_import(work: Path, size: int, runs: int) -> list[Row]:
    """``import`` of 1 000 and 10 000 rows, and 10 000 with a bad last row, into a portfolio of
    ``size`` contracts. Each run is paired with a cold and a warm ``check`` of the same
    portfolio taken just before it, and the ratio of each pair is reported (the median of the
    pairs): a busy machine slows both sides of a pair alike. The cache is as ``check`` left it,
    as when a user checks before importing."""
    folder = work / f"import{size}"
    pristine = folder / "origineel"
    build_portfolio(pristine, size)
    cache = folder / "cache"
    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(cache))
    sheets = [
        (import_rows(folder, size, 1_000), 0, "import 1.000 rijen"),
        (import_rows(folder, size, 10_000), 0, "import 10.000 rijen"),
        (import_rows(folder, size, 10_000, bad_last=True), 2, "import 10.000 rijen, laatste fout"),
    ]
    check = [TOOL, "check", "programmas"]
    ratios: dict[str, list[tuple[float, float, float]]] = {what: [] for _s, _c, what in sheets}
    for _ in range(runs):
        for sheet, expect, what in sheets:
            shutil.rmtree(folder / "programmas", ignore_errors=True)
            shutil.copytree(pristine, folder / "programmas")
            shutil.rmtree(cache, ignore_errors=True)
            cold = _timed(check, folder, env, 1)
            warm = _timed(check, folder, env, 1)
            seconds = _timed([TOOL, "import", sheet, "--map", "programmas"], folder, env, expect)
            ratios[what].append((seconds, seconds / cold, seconds / warm))
    rows = []
    for _sheet, expect, what in sheets:
        seconds = statistics.median(r[0] for r in ratios[what])
        to_cold = statistics.median(r[1] for r in ratios[what])
        to_warm = statistics.median(r[2] for r in ratios[what])
        note = f"{to_cold:.2f} × check koud, {to_warm:.1f} × check warm".replace(".", ",")
        if expect:
            rows.append(Row(what, size, seconds, "≤ 1,5 × check warm", to_warm <= 1.5, note))
        elif what.startswith("import 10.000"):
            rows.append(Row(what, size, seconds, "≤ 2 × check koud", to_cold <= 2, note))
        else:
            rows.append(Row(what, size, seconds, note=note))
    shutil.rmtree(folder, ignore_errors=True)
    return rows


# --- ratios in one run (issue 26): each measured command paired with its reference ----------

#: The parse floor: the same files parsed by libyaml's C loader over two processes, without
#: positions, model or rules; what no YAML checker on this machine can undercut.
FLOOR = """
import sys
from multiprocessing import Pool
import yaml

def parse(path):
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)

if __name__ == "__main__":
    files = sys.argv[1:]
    with Pool(2) as pool:
        pool.map(parse, files, chunksize=max(1, len(files) // 8))
"""


@dataclass
class Ratio:
    """One line of the issue's table: a ratio measured against its reference in the same run
    (the median of paired runs), with the median times and, where measured, peak memory."""

    what: str
    size: int
    ratio: float | None
    measured: float | None = None
    reference: float | None = None
    target: str = ""
    met: bool | None = None
    megabytes: float | None = None
    note: str = ""


def paired(
    runs: int, actions: dict[str, Callable[[], float]], before: Callable[[], None] | None = None
) -> dict[str, list[float]]:
    """Times of several commands measured in turns: each round runs every action once (after
    ``before``), and the order turns round each time, so drift in the machine's load hits
    measured command and reference alike. A ratio is then taken per round (see :func:`ratio`).
    """
    names = list(actions)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(runs):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            if before is not None:
                before()
            times[name].append(actions[name]())
    return times


def ratio(times: dict[str, list[float]], measured: str, reference: str) -> float:
    """The median over the rounds of measured / reference."""
    return statistics.median(
        m / r for m, r in zip(times[measured], times[reference], strict=True) if r > 0
    )


def _ratio_row(
    what: str,
    size: int,
    times: dict[str, list[float]],
    measured: str,
    reference: str,
    aim: float | None,
    megabytes: float | None = None,
) -> Ratio:
    value = ratio(times, measured, reference)
    return Ratio(
        what,
        size,
        value,
        statistics.median(times[measured]),
        statistics.median(times[reference]),
        f"≤ {aim:.2f} ×".replace(".", ",") if aim is not None else "houden",
        value <= aim if aim is not None else None,
        megabytes,
    )


def _jsonschema_cmd(schema: Path, folder: Path) -> list[str] | None:
    jsonschema = tool_available("check-jsonschema")
    if jsonschema is None:
        return None
    names = sorted(p.name for p in folder.glob("*.yaml"))
    return [jsonschema, "--schemafile", str(schema), *names]


def _floor_cmd(folder: Path) -> list[str] | None:
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        return None
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    return [sys.executable, "-c", FLOOR, *sorted(p.name for p in folder.glob("*.yaml"))]


def ratios_check(work: Path, schema: Path, size: int, runs: int) -> list[Ratio]:
    """Cold and warm ``check`` against check-jsonschema and the parse floor, and a cold check
    that writes the cache against one that does not, all in the same rounds."""
    folder = work / f"v{size}"
    build_portfolio(folder / "programmas", size)
    programmas = folder / "programmas"
    cache = folder / "cache"
    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(cache))
    check = [TOOL, "check", "programmas"]

    def cold() -> float:
        shutil.rmtree(cache, ignore_errors=True)
        return run(check, folder, env)

    actions: dict[str, Callable[[], float]] = {
        "koud": cold,
        "warm": lambda: run(check, folder, env),
        "zonder cache": lambda: run([TOOL, "check", "--no-cache", "programmas"], folder, env),
    }
    jsonschema = _jsonschema_cmd(schema, programmas)
    if jsonschema is not None:
        actions["check-jsonschema"] = lambda: run(jsonschema, programmas)
    floor = _floor_cmd(programmas)
    if floor is not None:
        actions["libyaml"] = lambda: run(floor, programmas)
    # "warm" follows "koud" or "zonder cache" in every round; a cold run first makes sure the
    # first warm run finds a cache.
    cold()
    times = paired(runs, actions)
    rows = [
        _ratio_row("check koud met cache / --no-cache", size, times, "koud", "zonder cache", 1.05)
    ]
    if jsonschema is not None:
        rows.append(
            _ratio_row(
                "check koud / check-jsonschema", size, times, "koud", "check-jsonschema", 0.30
            )
        )
        rows.append(
            _ratio_row(
                "check warm / check-jsonschema", size, times, "warm", "check-jsonschema", None
            )
        )
    else:
        rows.append(Ratio("check / check-jsonschema", size, None, note="niet geïnstalleerd"))
    if floor is not None:
        rows.append(
            _ratio_row(
                "check koud / libyaml over 2 processen (ondergrens)",
                size,
                times,
                "koud",
                "libyaml",
                2.0,
            )
        )
    else:
        rows.append(Ratio("check / libyaml", size, None, note="PyYAML met libyaml ontbreekt"))
    return rows


def ratios_seven(work: Path, schema: Path, runs: int) -> list[Ratio]:
    """A warm ``check`` of the seven real contracts against check-jsonschema (start-up
    dominates), and ``render --format pdf`` of the seven against ``--format html``."""
    folder = work / "v7"
    shutil.copytree(ROOT / "programmas", folder / "programmas")
    programmas = folder / "programmas"
    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(folder / "cache"))
    check = [TOOL, "check", "programmas"]
    run(check, folder, env)
    rows = []
    jsonschema = _jsonschema_cmd(schema, programmas)
    if jsonschema is not None:
        times = paired(
            max(runs, 5),
            {"warm": lambda: run(check, folder, env), "ref": lambda: run(jsonschema, programmas)},
        )
        rows.append(_ratio_row("check warm / check-jsonschema", 7, times, "warm", "ref", 0.25))

    def render(formaat: str) -> Callable[[], float]:
        out = folder / f"site-{formaat}"
        cmd = [TOOL, "render", "programmas", "--no-cache", "--format", formaat, "--out", str(out)]

        def action() -> float:
            shutil.rmtree(out, ignore_errors=True)
            return run(cmd, folder, env)

        return action

    times = paired(runs, {"pdf": render("pdf"), "html": render("html")})
    rows.append(_ratio_row("render --format pdf / --format html", 7, times, "pdf", "html", 8.0))
    return rows


def ratios_memory(work: Path, sizes: list[int]) -> list[Ratio]:
    """Peak memory of a cold ``check`` and of ``render --format html`` (all processes
    together) per portfolio size, and the render's speed in contracts a second; memory is
    flat when the largest portfolio needs little more than the smallest."""
    rows = []
    for size in sizes:
        folder = work / f"m{size}"
        build_portfolio(folder / "programmas", size)
        env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(folder / "cache"))
        check_mb = peak_memory_mb([TOOL, "check", "--no-cache", "programmas"], folder, env)
        rows.append(
            Ratio(
                "check koud, piekgeheugen",
                size,
                None,
                target="≤ 150 MB",
                met=check_mb <= 150,
                megabytes=check_mb,
            )
        )
        render = [TOOL, "render", "programmas", "--no-cache", "--format", "html", "--out", "site"]
        render_mb = peak_memory_mb(render, folder, env)
        shutil.rmtree(folder / "site", ignore_errors=True)
        seconds = run(render, folder, env)
        rows.append(
            Ratio(
                "render --format html, piekgeheugen en contracten per seconde",
                size,
                None,
                seconds,
                target="≤ 250 MB",
                met=render_mb <= 250,
                megabytes=render_mb,
                note=f"{size / seconds:.0f} contracten/s",
            )
        )
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def ratios_render_progress(work: Path, size: int, runs: int) -> list[Ratio]:
    """A warm ``render`` (nothing changed) against a cold one, and ``progress`` cold and warm
    against a cold ``check``."""
    folder = work / f"r{size}"
    build_portfolio(folder / "programmas", size)
    cache = folder / "cache"
    site = folder / "site"
    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(cache))
    render = [TOOL, "render", "programmas", "--format", "html", "--out", str(site)]
    progress = [TOOL, "progress", "programmas"]

    def clear() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)

    # Each round: the cold command first (after clearing), then the warm one, so every warm
    # run follows its own cold run.
    times: dict[str, list[float]] = {k: [] for k in ("rk", "rw", "ck", "pk", "pw")}
    for _ in range(runs):
        clear()
        times["ck"].append(run([TOOL, "check", "programmas"], folder, env))
        clear()
        times["rk"].append(run(render, folder, env))
        times["rw"].append(run(render, folder, env))
        clear()
        times["pk"].append(run(progress, folder, env))
        times["pw"].append(run(progress, folder, env))
    return [
        _ratio_row("render warm (niets gewijzigd) / render koud", size, times, "rw", "rk", 0.30),
        _ratio_row("progress koud / check koud", size, times, "pk", "ck", None),
        _ratio_row("progress warm / progress koud", size, times, "pw", "pk", 0.10),
    ]


def _changed_copy(source: Path, target: Path, places: int) -> None:
    """``target``: a copy of the folder ``source`` with ``places`` contracts changed (each
    programme gets a new name)."""
    shutil.copytree(source, target)
    files = sorted(target.glob("*.yaml"))
    step = max(1, len(files) // places)
    for path in files[::step][:places]:
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"^programma:\s*(.+)$", r"programma: \1 (gewijzigd)", text, count=1, flags=re.M),
            encoding="utf-8",
        )


def ratios_diff(work: Path, size: int, runs: int) -> list[Ratio]:
    """``diff`` of two folders differing in 10 places against a cold ``check`` of one, and
    ``diff --sinds`` (the old side from git) against the diff of folders; with the diff's
    peak memory."""
    folder = work / f"d{size}"
    old = folder / "oud"
    build_portfolio(old, size)
    _changed_copy(old, folder / "programmas", 10)
    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(folder / "cache"))
    git_env = dict(
        env,
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="bench@example.org",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="bench@example.org",
    )
    repo = folder / "repo"
    shutil.copytree(old, repo / "programmas")
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "oud"]):
        subprocess.run(cmd, cwd=repo, check=True, env=git_env)
    shutil.rmtree(repo / "programmas")
    shutil.copytree(folder / "programmas", repo / "programmas")
    diff = [TOOL, "diff", "oud", "programmas"]
    since = [TOOL, "diff", "programmas", "--sinds", "HEAD"]
    times = paired(
        runs,
        {
            "check": lambda: run([TOOL, "check", "--no-cache", "programmas"], folder, env),
            "diff": lambda: run(diff, folder, env),
            "sinds": lambda: run(since, repo, env),
        },
    )
    megabytes = peak_memory_mb(diff, folder, env)
    return [
        _ratio_row(
            "diff van twee mappen (10 wijzigingen) / check koud",
            size,
            times,
            "diff",
            "check",
            1.5,
            megabytes,
        ),
        _ratio_row("diff --sinds HEAD / diff van twee mappen", size, times, "sinds", "diff", 1.1),
    ]


def ratios(sizes: list[int], size: int, runs: int) -> list[Ratio]:
    """Every line of issue 26's table, as ratios in one run: the timed rows at ``size``
    contracts, memory at every one of ``sizes``. Each group of rows is printed as soon as it is
    measured (a long run on a busy machine shows what it has)."""
    rows: list[Ratio] = []
    with tempfile.TemporaryDirectory(prefix="pt-ratios-") as tmp:
        work = Path(tmp)
        schema = work / "schema.json"
        subprocess.run([TOOL, "schema", "-o", str(schema)], check=True, capture_output=True)
        groups: list[Callable[[], list[Ratio]]] = [
            lambda: ratios_check(work, schema, size, runs),
            lambda: ratios_seven(work, schema, runs),
            lambda: ratios_render_progress(work, size, runs),
            lambda: ratios_diff(work, size, runs),
            lambda: ratios_memory(work, sizes),
        ]
        for group in groups:
            found = group()
            print(ratio_table(found).split("\n", 2)[2], flush=True)
            rows.extend(found)
    return rows


def ratio_table(rows: list[Ratio]) -> str:
    """The ratios as a Markdown table (Dutch decimal commas)."""

    def number(value: float | None, digits: int) -> str:
        return "" if value is None else f"{value:.{digits}f}".replace(".", ",")

    lines = [
        "| meting | contracten | verhouding | gemeten (s) | referentie (s) | piek (MB) | doel "
        "| gehaald |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        met = "" if r.met is None else ("ja" if r.met else "NEE")
        extra = f" ({r.note})" if r.note else ""
        value = "" if r.ratio is None else f"{number(r.ratio, 2)} ×"
        size = f"{r.size:,}".replace(",", ".")
        lines.append(
            f"| {r.what}{extra} | {size} | {value} | {number(r.measured, 2)} | "
            f"{number(r.reference, 2)} | {number(r.megabytes, 0)} | {r.target} | {met} |"
        )
    return "\n".join(lines)


def bench(sizes: list[int], runs: int) -> list[Row]:
    rows: list[Row] = []
    version = median(max(runs, 5), lambda: run([TOOL, "--version"], ROOT))
    rows.append(Row("programmatool --version", 0, version, "< 0,150 s", version < 0.150))
    with tempfile.TemporaryDirectory(prefix="pt-bench-") as tmp:
        work = Path(tmp)
        schema = work / "schema.json"
        subprocess.run([TOOL, "schema", "-o", str(schema)], check=True, capture_output=True)
        rows.extend(bench_seven(work, schema, runs))
        rows.extend(bench_hashing(runs))
        rows.extend(bench_big_diff(work, runs))
        for size in sizes:
            rows.extend(bench_portfolio(work, schema, size, runs))
        if IMPORT_SIZE in sizes:
            rows.extend(bench_import(work, IMPORT_SIZE, max(1, runs // 2)))
    return rows


def table(rows: list[Row]) -> str:
    lines = [
        "| meting | contracten | tijd (s) of MB | doel | gehaald |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        value = "" if r.seconds is None else f"{r.seconds:.3f}".replace(".", ",")
        met = "" if r.met is None else ("ja" if r.met else "NEE")
        size = "" if r.size == 0 else f"{r.size:,}".replace(",", ".")
        extra = f" ({r.note})" if r.note else ""
        lines.append(f"| {r.what}{extra} | {size} | {value} | {r.target} | {met} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark van programmatool")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument(
        "--runs", type=int, default=5, help="aantal herhalingen per meting (mediaan)"
    )
    parser.add_argument("--no-yamllint", action="store_true", help="laat yamllint weg")
    parser.add_argument(
        "--alleen-import", action="store_true", help="alleen de rijen van import (1.000 contracten)"
    )
    parser.add_argument(
        "--verhoudingen",
        action="store_true",
        help="alleen de verhoudingen uit issue 26, elk in dezelfde run tegen zijn referentie",
    )
    parser.add_argument(
        "--grootte",
        type=int,
        default=1000,
        help="met --verhoudingen: het aantal contracten van de getimede rijen (geheugen: --sizes)",
    )
    args = parser.parse_args()
    compile_tool()
    if args.verhoudingen:
        return main_ratios(args.sizes, args.grootte, args.runs)
    global WITH_YAMLLINT
    WITH_YAMLLINT = not args.no_yamllint
    if args.alleen_import:
        with tempfile.TemporaryDirectory(prefix="pt-bench-") as tmp:
            rows = bench_import(Path(tmp), args.sizes[-1], args.runs)
    else:
        rows = bench(args.sizes, args.runs)
    import platform

    print(
        f"{os.cpu_count()} kernen, Python {platform.python_version()}, "
        f"mediaan van {args.runs} metingen per rij\n"
    )
    print(table(rows))
    return 0 if all(r.met is not False for r in rows) else 1


def main_ratios(sizes: list[int], size: int, runs: int) -> int:
    """``--verhoudingen``: the ratios of issue 26, with the machine's load before and after."""
    import platform

    before = os.getloadavg()[0]
    rows = ratios(sizes, size, runs)
    after = os.getloadavg()[0]
    print(
        f"{os.cpu_count()} kernen, Python {platform.python_version()}, belasting {before:.1f} "
        f"bij het begin en {after:.1f} aan het eind; mediaan van {runs} paren per verhouding\n"
    )
    print(ratio_table(rows))
    return 0 if all(r.met is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
