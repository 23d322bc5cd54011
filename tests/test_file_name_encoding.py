"""A contract whose file name is not valid UTF-8 renders in every format (issue 22, class 7)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "minimaal.yaml"


@pytest.mark.parametrize("formaat", ["md", "html", "pdf"])
def test_render_shows_an_undecodable_file_name_escaped(cli, tmp_path: Path, formaat: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "programmas"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.yaml")
    shutil.copy(FIXTURE, folder / name)
    run = cli("render", folder, "--format", formaat, "--out", tmp_path / "uit")
    assert run.code == 0, run.err
    assert "interne fout" not in run.err
    document = tmp_path / "uit" / f"schone-stad.{formaat}"
    assert document.is_file()
    if formaat != "pdf":
        assert "caf\\xe9.yaml" in document.read_text(encoding="utf-8")
