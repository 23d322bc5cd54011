"""Bulk recording (issue 28): each touched file is read once, every row spliced in from that one
reading, validated once; a bad row anywhere writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from programmatool.editing import record as recording

from .conftest import FIXTURES, MINIMAAL

HANDGESCHREVEN = FIXTURES / "progress" / "handgeschreven.yaml"


@pytest.fixture
def werk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "programmas"
    folder.mkdir()
    shutil.copyfile(HANDGESCHREVEN, folder / "handwerk.yaml")
    shutil.copyfile(MINIMAAL, folder / "schoon.yaml")
    monkeypatch.chdir(tmp_path)
    return folder


#: Several rows per indicator: before, between and after existing years, in block and flow
#: mappings, a replacement next to an insertion, and a new mapping with two years at once.
ROWS = (
    "contract;indicator;jaar;waarde;bron\n"
    "handwerk;blok;2022;21;\n"
    "handwerk;blok;2020;11;Monitor 2020\n"
    "handwerk;stroom;2022;70;\n"
    "handwerk;stroom;2020;90;\n"
    "handwerk;stroom;2021;81;\n"
    "handwerk;leeg;2021;1,2;\n"
    "handwerk;leeg;2019;0,7;\n"
    "handwerk;schaal;2020;goed;\n"
    "handwerk;schaal;2019;matig;\n"
)


def test_many_rows_in_one_file_land_exactly_where_one_by_one_would(
    cli, werk: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(ROWS, encoding="utf-8")
    run = cli("import", sheet, "--map", "programmas", "--vervang")
    assert run.code == 0, run.err
    text = (werk / "handwerk.yaml").read_text(encoding="utf-8")
    original = HANDGESCHREVEN.read_text(encoding="utf-8")
    expected = (
        original.replace(
            "        2019: 9          # voorlopig cijfer\n",
            "        2019: 9          # voorlopig cijfer\n"
            "        2020: {waarde: 11, bron: Monitor 2020}\n",
        )
        .replace(
            "            bron: 'Monitor 2021'\n    bron: Gemeente\n",
            "            bron: 'Monitor 2021'\n        2022: 21\n    bron: Gemeente\n",
        )
        .replace(
            "    realisaties: {2019: 95, 2021: 80}\n",
            "    realisaties: {2019: 95, 2020: 90, 2021: 81, 2022: 70}\n",
        )
        .replace(
            "    streefwaarden:\n        2022: 1.5\n",
            "    streefwaarden:\n        2022: 1.5\n"
            "    realisaties:\n        2019: 0.7\n        2021: 1.2\n",
        )
        .replace("    realisaties: {}\n", "    realisaties: {2019: matig, 2020: goed}\n")
    )
    assert text == expected
    assert run.out.splitlines() == [
        "programmas/handwerk.yaml:36: 2022: 21 (indicator blok)",
        "programmas/handwerk.yaml:32: 2020: {waarde: 11, bron: Monitor 2020} (indicator blok)",
        "programmas/handwerk.yaml:45: 2022: 70 (indicator stroom)",
        "programmas/handwerk.yaml:45: 2020: 90 (indicator stroom)",
        "programmas/handwerk.yaml:45: 2021: 80 → 2021: 81 (indicator stroom)",
        "programmas/handwerk.yaml:55: 2021: 1.2 (indicator leeg)",
        "programmas/handwerk.yaml:54: 2019: 0.7 (indicator leeg)",
        "programmas/handwerk.yaml:68: 2020: goed (indicator schaal)",
        "programmas/handwerk.yaml:68: 2019: matig (indicator schaal)",
        "9 metingen in 1 bestand vastgelegd.",
    ]


def test_each_touched_file_is_parsed_once_for_writing(
    cli, werk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    composed: list[str] = []
    real = recording._compose

    def counting(text: str):  # type: ignore[no-untyped-def]
        composed.append(text[:40])
        return real(text)

    monkeypatch.setattr(recording, "_compose", counting)
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(ROWS + "schone-stad;scholen;2021;1.250;\n", encoding="utf-8")
    run = cli("import", sheet, "--map", "programmas", "--vervang")
    assert run.code == 0, run.err
    assert "10 metingen in 2 bestanden vastgelegd." in run.out
    assert len(composed) == 2


def test_a_bad_last_row_is_refused_from_the_cached_view_before_any_file_is_parsed(
    cli, werk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import programmatool.loading

    assert cli("check", "programmas").code in (0, 1)  # the cache now knows both files
    loaded: list[str] = []
    real = programmatool.loading.load_bytes

    def counting(raw: bytes, name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        loaded.append(name)
        return real(raw, name, *args, **kwargs)

    monkeypatch.setattr(programmatool.loading, "load_bytes", counting)
    monkeypatch.setattr(recording, "load_bytes", counting)
    monkeypatch.setattr(recording, "_compose", lambda text: pytest.fail("parsed for writing"))
    (tmp_path / "metingen.csv").write_text(
        ROWS + "schone-stad;scholen;2021;veel;\n", encoding="utf-8"
    )
    before = {p.name: p.read_bytes() for p in werk.iterdir()}
    run = cli("import", "metingen.csv", "--map", "programmas", "--vervang")
    assert run.code == 2
    assert run.err.splitlines() == [
        "metingen.csv:11: programmas/schoon.yaml: indicator scholen verwacht een getal "
        "(bijvoorbeeld 12 of 12,5), gevonden 'veel'",
        "programmatool: metingen.csv: niets vastgelegd",
    ]
    assert loaded == []
    assert {p.name: p.read_bytes() for p in werk.iterdir()} == before


def test_import_leaves_no_lock_files_behind(cli, werk: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "metingen.csv").write_text(
        ROWS + "schone-stad;scholen;2021;1.250;\n", encoding="utf-8"
    )
    assert cli("import", "metingen.csv", "--map", "programmas", "--vervang").code == 0
    assert sorted(p.name for p in werk.iterdir()) == ["handwerk.yaml", "schoon.yaml"]


def test_a_lock_whose_file_was_removed_meanwhile_is_taken_again_on_the_new_file(
    tmp_path: Path,
) -> None:
    # A run that waited on a lock file which the holder removed (import tidies up) must not
    # count that lock as held: another run may already hold a new file of the same name.
    import os

    from programmatool.editing import guarded

    path = tmp_path / ".contract.yaml.lock"
    first = guarded._acquire(path, "contract.yaml")
    os.unlink(path)  # as import does while holding it
    assert guarded._holds(first, path) is False
    first.release()
    second = guarded._acquire(path, "contract.yaml")
    assert guarded._holds(second, path) is True
    second.release()


def test_a_bad_row_is_refused_without_starting_the_model(werk: Path, tmp_path: Path) -> None:
    # The refusal of a bad row is what an adviser waits for: it comes from check's cache, so
    # the process never loads Pydantic or the contract model (their import alone costs more
    # than a third of a warm check). A row that replaces a measurement does need the model.
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from programmatool.entry import main\n"
        "code = main(sys.argv[1:])\n"
        "print('pydantic' in sys.modules, 'programmatool.model.contract' in sys.modules)\n"
        "sys.exit(code)\n"
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", probe, *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )

    assert run("check", "programmas").returncode in (0, 1)
    (tmp_path / "fout.csv").write_text(
        "contract;indicator;jaar;waarde\nhandwerk;blok;2022;21\nschone-stad;scholen;2021;veel\n",
        encoding="utf-8",
    )
    refused = run("import", "fout.csv", "--map", "programmas")
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1] == "programmatool: fout.csv: niets vastgelegd"
    assert refused.stdout == "False False\n"
    # Replacing a measurement that is there compares with it, through the model.
    (tmp_path / "vervang.csv").write_text(
        "contract;indicator;jaar;waarde\nhandwerk;stroom;2019;veel\n", encoding="utf-8"
    )
    replaced = run("import", "vervang.csv", "--map", "programmas", "--vervang")
    assert replaced.returncode == 2
    assert replaced.stdout == "True True\n"
