"""Rendering many contracts on several cores gives exactly the files of rendering one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from programmatool import rendering

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
    monkeypatch.setattr(rendering, "PARALLEL_FROM", 10_000)
    serial = rendering.render([folder], formaat, tmp_path / "serieel")
    monkeypatch.setattr(rendering, "PARALLEL_FROM", 2)
    monkeypatch.setattr(rendering.os, "cpu_count", lambda: 2)
    parallel = rendering.render([folder], formaat, tmp_path / "parallel")
    assert len(parallel.geschreven) == len(serial.geschreven) == 30 + (formaat == "html")
    assert _files(tmp_path / "parallel") == _files(tmp_path / "serieel")
