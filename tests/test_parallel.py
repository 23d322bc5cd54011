"""Rendering and progress on several cores give exactly what one process gives."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from programmatool.pipeline import render as rendering
from programmatool.pipeline import workers as parallel
from programmatool.pipeline.progress import run_progress

from .conftest import PROGRAMMAS


def _portfolio(folder: Path, copies: int) -> Path:
    folder.mkdir()
    sources = sorted(PROGRAMMAS.glob("*.yaml"))
    for i in range(copies):
        source = sources[i % len(sources)]
        text = source.read_text(encoding="utf-8")
        code = next(line for line in text.splitlines() if line.startswith("code:"))
        new_code = f"{code.split(':', 1)[1].strip()}-{i:03d}"
        (folder / f"{new_code}.yaml").write_text(text.replace(code, f"code: {new_code}", 1))
    return folder


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("formaat", ["html", "md"])
def test_parallel_render_equals_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formaat: str
) -> None:
    folder = _portfolio(tmp_path / "programmas", 30)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10_000)
    serial = rendering.render([folder], formaat, tmp_path / "serieel")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    spread = rendering.render([folder], formaat, tmp_path / "parallel")
    assert len(spread.written) == len(serial.written) == 30 + (formaat == "html")
    assert _files(tmp_path / "parallel") == _files(tmp_path / "serieel")


@pytest.mark.parametrize("formaat", ["table", "csv"])
def test_parallel_progress_equals_serial(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    formaat: str,
) -> None:
    folder = _portfolio(tmp_path / "programmas", 30)
    (folder / "kapot.yaml").write_text("programma: [\n", encoding="utf-8")

    def progress() -> tuple[int, str, str]:
        out = Console(file=io.StringIO(), width=120)
        err = Console(file=io.StringIO(), width=120)
        code = run_progress([folder], None, formaat, False, None, None, out, err)
        printed = capsys.readouterr().out + out.file.getvalue()  # type: ignore[attr-defined]
        return code, printed, err.file.getvalue()  # type: ignore[attr-defined]

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10_000)
    serial = progress()
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    spread = progress()
    assert spread == serial
    code, printed, errors = serial
    assert code == 1  # the broken file is skipped and reported
    assert "kapot.yaml:2:1: fout PT001" in errors
    assert printed.count("Duurzaamheid") >= 4
