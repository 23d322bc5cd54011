#!/usr/bin/env python3
"""Reading a hostile contract costs about as much as reading a clean one of the same size.

Builds three contracts of about 6 MB in a temporary folder: a clean one (a long list of
chapters), one with a million list items (more than the element limit: PT008), and the clean one
with a duplicate key (PT002). Runs ``programmatool check --no-cache`` on each as a separate
process and reports the median wall time, the ratio to the clean file and the peak memory.

    .venv/bin/python benchmarks/hostile_parse.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAAL = ROOT / "tests" / "fixtures" / "minimaal.yaml"
TOOL = [sys.executable, "-m", "programmatool"]
SIZE = 6 * 1024 * 1024


def clean_text() -> str:
    base = MINIMAAL.read_text(encoding="utf-8")
    lines = ["hoofdstukken:\n"]
    size = len(base)
    n = 0
    while size < SIZE:
        item = f"  - titel: Hoofdstuk {n}\n    tekst: Tekst van hoofdstuk {n} met wat woorden.\n"
        lines.append(item)
        size += len(item)
        n += 1
    return base + "".join(lines)


def million_items_text() -> str:
    base = MINIMAAL.read_text(encoding="utf-8")
    body = "".join("  - a\n" for _ in range(1_000_000))
    return base + "verwachte_resultaten:\n" + body


def duplicate_key_text(clean: str) -> str:
    return clean + "programma: Nog eens\n"


def measure(path: Path, runs: int) -> tuple[float, int, int]:
    """Median seconds, peak RSS in MiB over the runs, and the exit code."""
    times = []
    code = 0
    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(path.parent / "cache"))
    peak = 0
    for _ in range(runs):
        start = time.perf_counter()
        # A small parent per run, so that its children's peak is this run's peak alone.
        proc = subprocess.run(
            [sys.executable, "-c", _PEAK, *TOOL, "check", "--no-cache", str(path)],
            capture_output=True,
            env=env,
            check=False,
            cwd=ROOT,
        )
        times.append(time.perf_counter() - start)
        last = proc.stdout.decode().strip().splitlines()[-1]
        code, kib = (int(x) for x in last.split())
        peak = max(peak, kib // 1024)
        if code not in (0, 1):
            sys.exit(f"{path.name}: exit {code}\n{proc.stderr.decode()}")
    return statistics.median(times), peak, code


_PEAK = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clean = clean_text()
        files = {
            "schoon": clean,
            "miljoen lijstelementen": million_items_text(),
            "dubbele sleutel": duplicate_key_text(clean),
        }
        base = None
        header = ("bestand", "MB", "exit", "tijd (s)", "× schoon", "piek (MiB)")
        print("{:<24} {:>5} {:>4} {:>9} {:>9} {:>11}".format(*header))
        for name, text in files.items():
            path = folder / (name.replace(" ", "-") + ".yaml")
            path.write_text(text, encoding="utf-8")
            seconds, peak, code = measure(path, args.runs)
            base = base or seconds
            size = path.stat().st_size / 1e6
            ratio = seconds / base
            print(f"{name:<24} {size:5.1f} {code:>4} {seconds:9.2f} {ratio:9.2f} {peak:11d}")


if __name__ == "__main__":
    main()
