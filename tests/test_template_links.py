"""A --templates folder gives only its own regular files: a symbolic link (to a secret, to
another folder) is refused with a Dutch message and its target never reaches a document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import MINIMAAL, Run

SECRET = "GEHEIM-TOKEN-1234"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "geheim.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _render(cli: Callable[..., Run], tmp_path: Path, eigen: Path, formaat: str) -> Run:
    out = tmp_path / "site"
    return cli("render", MINIMAAL, "--format", formaat, "--out", out, "--templates", eigen)


def _written(tmp_path: Path) -> str:
    site = tmp_path / "site"
    files = sorted(site.rglob("*")) if site.exists() else []
    return "".join(f.read_text(encoding="utf-8", errors="replace") for f in files if f.is_file())


def test_a_template_that_is_a_link_is_refused(
    tmp_path: Path, cli: Callable[..., Run], secret: Path
) -> None:
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "contract.md.j2").symlink_to(secret)
    run = _render(cli, tmp_path, eigen, "md")
    assert run.code == 2
    assert run.err == (
        f"programmatool: sjabloon: fout in sjabloon: {eigen.resolve().as_posix()}/contract.md.j2 "
        "is een symbolische koppeling; een sjabloon moet een gewoon bestand in de sjablonenmap "
        "zijn\n"
    )
    assert SECRET not in _written(tmp_path)


def test_an_included_style_sheet_that_is_a_link_is_refused(
    tmp_path: Path, cli: Callable[..., Run], secret: Path
) -> None:
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "style.css").symlink_to(secret)
    run = _render(cli, tmp_path, eigen, "html")
    assert run.code == 2
    assert "style.css is een symbolische koppeling" in run.err
    assert SECRET not in _written(tmp_path)


def test_a_linked_folder_inside_the_templates_is_refused(
    tmp_path: Path, cli: Callable[..., Run], secret: Path
) -> None:
    elders = tmp_path / "elders"
    elders.mkdir()
    (elders / "titelblok.md.j2").write_text(SECRET, encoding="utf-8")
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "hoofdstukken").symlink_to(elders, target_is_directory=True)
    (eigen / "contract.md.j2").write_text(
        '{% include "hoofdstukken/titelblok.md.j2" %}\n', encoding="utf-8"
    )
    run = _render(cli, tmp_path, eigen, "md")
    assert run.code == 2
    assert "hoofdstukken is een symbolische koppeling" in run.err
    assert SECRET not in _written(tmp_path)


def test_a_regular_template_in_the_folder_is_used(tmp_path: Path, cli: Callable[..., Run]) -> None:
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "contract.md.j2").write_text("# {{ doc.contract.programma }}\n", encoding="utf-8")
    run = _render(cli, tmp_path, eigen, "md")
    assert run.code == 0, run.err
    assert _written(tmp_path).startswith("# ")
