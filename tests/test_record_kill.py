"""``record`` killed in the middle of writing leaves the contract exactly as it was."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from programmatool.loading import load_contract

from .conftest import MINIMAAL

# Runs `record` in a child process that kills itself at the given moment of the write.
CHILD = """
import os, signal, sys
import programmatool.pipeline.writing as writing
moment = sys.argv[1]
real_fsync, real_replace = os.fsync, os.replace

class Dying:
    def __init__(self, handle):
        self.handle = handle
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)
    def write(self, data):
        # Half of the new text reaches the disk, then the process dies.
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    def __getattr__(self, name):
        return getattr(self.handle, name)

if moment == "tijdens-schrijven":
    real_fdopen = os.fdopen
    writing.os.fdopen = lambda *a, **k: Dying(real_fdopen(*a, **k))
elif moment == "voor-hernoemen":
    def dying_replace(src, dst):
        os.kill(os.getpid(), signal.SIGKILL)
    writing.os.replace = dying_replace
from programmatool.cli.app import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("moment", ["tijdens-schrijven", "voor-hernoemen"])
def test_killed_record_leaves_contract_untouched(tmp_path: Path, moment: str) -> None:
    contract = tmp_path / "contract.yaml"
    shutil.copyfile(MINIMAAL, contract)
    before = contract.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, moment, "record", str(contract), "scholen", "2021", "15"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert contract.read_bytes() == before
    assert load_contract(contract).ok
    # Whatever was left behind is a hidden temporary or lock file that `check` never reads.
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "contract.yaml"]
    assert all(name.startswith(".") and name.endswith((".tmp", ".lock")) for name in leftovers), (
        leftovers
    )


def test_record_that_completes_changes_only_its_value(tmp_path: Path) -> None:
    contract = tmp_path / "contract.yaml"
    shutil.copyfile(MINIMAAL, contract)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, "geen", "record", str(contract), "scholen", "2021", "15"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = load_contract(contract)
    assert result.contract is not None
    assert result.contract.indicatoren[0].realisaties[2021].waarde == 15
    # Only the (hidden, empty) lock file stays beside the contract.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".contract.yaml.lock", "contract.yaml"]
