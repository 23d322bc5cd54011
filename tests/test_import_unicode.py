"""`import` of a sheet that Excel saved as "Unicode-tekst": UTF-16 little-endian with a BOM,
tab-separated, CRLF line ends (issue 25)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from programmatool.loading import load_contract

from .conftest import FIXTURES, MINIMAAL

SHEET = (
    "contract\tindicator\tjaar\twaarde\tbron\r\n"
    "handwerk\tblok\t2020\t11,5\tMonitör Sociaal Domein\r\n"
    "schone-stad\tscholen\t2021\t1.250\tJaarverslag 2021 — definitief\r\n"
)


@pytest.fixture
def werk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "programmas"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "progress" / "handgeschreven.yaml", folder / "handwerk.yaml")
    shutil.copyfile(MINIMAAL, folder / "schoon.yaml")
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.mark.parametrize("suffix", [".txt", ".csv"])
def test_utf16_tab_separated_sheet_is_read_by_its_bom(cli, werk: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    sheet = Path(f"metingen{suffix}")
    sheet.write_bytes(b"\xff\xfe" + SHEET.encode("utf-16-le"))
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 0, run.err
    assert run.out.splitlines()[-1] == "2 metingen in 2 bestanden vastgelegd."
    hand = load_contract(werk / "handwerk.yaml").contract
    schoon = load_contract(werk / "schoon.yaml").contract
    assert hand is not None and schoon is not None
    blok = next(i for i in hand.indicatoren if i.id == "blok").realisaties[2020]
    scholen = next(i for i in schoon.indicatoren if i.id == "scholen").realisaties[2021]
    assert (blok.waarde, blok.bron) == (11.5, "Monitör Sociaal Domein")
    assert (scholen.waarde, scholen.bron) == (1250, "Jaarverslag 2021 — definitief")


def test_utf16_that_breaks_off_mid_character_is_refused(cli, werk: Path) -> None:  # type: ignore[no-untyped-def]
    Path("metingen.txt").write_bytes(b"\xff\xfe" + SHEET.encode("utf-16-le") + b"\x00")
    run = cli("import", "metingen.txt", "--map", "programmas")
    assert run.code == 2
    assert "metingen.txt: het bestand begint als UTF-16 maar byte" in run.err
