"""`programmatool import`: many measurements from a CSV (as Dutch Excel writes it) or an .xlsx,
all or nothing, with row numbers in every message and a dry run."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from programmatool.loading import load_contract

from .conftest import FIXTURES, MINIMAAL

HANDGESCHREVEN = FIXTURES / "progress" / "handgeschreven.yaml"


@pytest.fixture
def werk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with two contracts (codes 'handwerk' and 'schone-stad'), the current folder."""
    folder = tmp_path / "programmas"
    folder.mkdir()
    shutil.copyfile(HANDGESCHREVEN, folder / "handwerk.yaml")
    shutil.copyfile(MINIMAAL, folder / "schoon.yaml")
    monkeypatch.chdir(tmp_path)
    return folder


def realisaties(path: Path, ident: str) -> dict[int, object]:
    result = load_contract(path)
    assert result.contract is not None, [f.as_text() for f in result.findings]
    ind = next(i for i in result.contract.indicatoren if i.id == ident)
    return {j: r for j, r in ind.realisaties.items()}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


DUTCH_CSV = (
    "contract;indicator;jaar;waarde;bron;toelichting;voorlopig\r\n"
    "handwerk;blok;2020;11,5;Monitor Sociaal Domein;;ja\r\n"
    "programmas/handwerk.yaml;stroom;2020;88;;Gemeten in maart;\r\n"
    "schone-stad;scholen;2021;1.250;Jaarverslag 2021;;nee\r\n"
    ";;;;;;\r\n"
    "handwerk;mijlpaal;2021;2021-11-02;Raadsbesluit;;\r\n"
)


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-8", "cp1252"], ids=["bom", "zonder-bom", "windows-1252"]
)
def test_dutch_excel_csv(cli, werk: Path, tmp_path: Path, encoding: str) -> None:
    sheet = tmp_path / "metingen.csv"
    sheet.write_bytes(DUTCH_CSV.replace("Monitor", "Monitör").encode(encoding))
    before = snapshot(werk)
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 0, run.err
    assert "4 metingen in 2 bestanden vastgelegd." in run.out
    assert (
        "programmas/handwerk.yaml:32: 2020: {waarde: 11.5, bron: Monitör Sociaal Domein" in run.out
    )
    blok = realisaties(werk / "handwerk.yaml", "blok")[2020]
    assert (blok.waarde, blok.bron, blok.voorlopig) == (11.5, "Monitör Sociaal Domein", True)  # type: ignore[attr-defined]
    assert realisaties(werk / "handwerk.yaml", "stroom")[2020].toelichting == "Gemeten in maart"  # type: ignore[attr-defined]
    # 1.250 in a Dutch sheet is twelve hundred and fifty
    assert realisaties(werk / "schoon.yaml", "scholen")[2021].waarde == 1250  # type: ignore[attr-defined]
    assert realisaties(werk / "handwerk.yaml", "mijlpaal")[2021].datum == dt.date(2021, 11, 2)  # type: ignore[attr-defined]
    # everything but the new lines is byte-identical
    after = snapshot(werk)
    for name, old in before.items():
        old_lines = old.decode().splitlines()
        new_lines = after[name].decode().splitlines()
        assert [line for line in new_lines if line not in old_lines] != []
        assert all(line in new_lines for line in old_lines if "realisaties: {" not in line)


def test_comma_separated_csv(cli, werk: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "metingen.csv"
    sheet.write_text('contract,indicator,jaar,waarde\nhandwerk,blok,2020,"11,5"\n')
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 0, run.err
    assert realisaties(werk / "handwerk.yaml", "blok")[2020].waarde == 11.5  # type: ignore[attr-defined]


def test_xlsx(cli, werk: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Contract", "Indicator", "Jaar", "Waarde", "Voorlopig"])
    sheet.append(["handwerk", "blok", 2020, 11.5, True])
    sheet.append(["schone-stad", "scholen", 2021, 15, None])
    sheet.append(["handwerk", "mijlpaal", 2021, dt.datetime(2021, 11, 2), False])
    path = tmp_path / "metingen.xlsx"
    book.save(path)
    run = cli("import", path, "--map", "programmas")
    assert run.code == 0, run.err
    assert "3 metingen in 2 bestanden vastgelegd." in run.out
    blok = realisaties(werk / "handwerk.yaml", "blok")[2020]
    assert (blok.waarde, blok.voorlopig) == (11.5, True)  # type: ignore[attr-defined]
    assert realisaties(werk / "schoon.yaml", "scholen")[2021].waarde == 15  # type: ignore[attr-defined]
    assert realisaties(werk / "handwerk.yaml", "mijlpaal")[2021].datum == dt.date(2021, 11, 2)  # type: ignore[attr-defined]


def test_xlsx_error_names_the_excel_row(cli, werk: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A3"], sheet["B3"], sheet["C3"], sheet["D3"] = "contract", "indicator", "jaar", "waarde"
    sheet.append(["handwerk", "blok", 2020, "elf"])
    path = tmp_path / "metingen.xlsx"
    book.save(path)
    run = cli("import", path, "--map", "programmas")
    assert run.code == 2
    assert f"{path.as_posix()}:4: programmas/handwerk.yaml: indicator blok verwacht een getal" in (
        run.err
    )


def test_one_bad_row_writes_nothing_and_every_problem_is_named(
    cli, werk: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(
        "contract;indicator;jaar;waarde\n"
        "schone-stad;scholen;2021;15\n"  # fine, in another file
        "handwerk;blok;2020;11\n"  # fine
        "handwerk;blokk;2020;11\n"  # unknown indicator
        "handwerk;stroom;2019;90\n"  # already measured
        "handwerk;schaal;2020;prima\n"  # not on the scale
        "onbekend;x;2020;1\n"  # unknown programme
        "handwerk;blok;2020;12\n"  # twice the same
        "handwerk;blok;;12\n"  # empty year
    )
    before = snapshot(werk)
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 2
    name = sheet.as_posix()
    expected = [
        f"{name}:4: programmas/handwerk.yaml: onbekende indicator 'blokk'; bedoelde u 'blok'?",
        f"{name}:5: programmas/handwerk.yaml: indicator stroom heeft al een realisatie voor 2019",
        f"{name}:6: programmas/handwerk.yaml: waarde 'prima' staat niet op de schaal",
        f"{name}:7: geen contract met programmacode 'onbekend' in programmas",
        f"{name}:8: programmas/handwerk.yaml: indicator blok 2020 staat al eerder in de invoer "
        f"({name}:3)",
        f"{name}:9: jaar is leeg",
        f"programmatool: {name}: niets vastgelegd",
    ]
    lines = run.err.splitlines()
    assert len(lines) == len(expected), run.err
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), (line, start)
    assert snapshot(werk) == before
    assert run.out == ""


def test_dry_run_shows_changes_and_writes_nothing(cli, werk: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(
        "contract;indicator;jaar;waarde\nhandwerk;blok;2019;10\nhandwerk;blok;2020;11\n"
    )
    before = snapshot(werk)
    refused = cli("import", sheet, "--map", "programmas", "--proef")
    assert refused.code == 2 and "vervang die met --vervang" in refused.err
    run = cli("import", sheet, "--map", "programmas", "--proef", "--vervang")
    assert run.code == 0, run.err
    assert "programmas/handwerk.yaml:31: 2019: 9 → 2019: 10 (indicator blok)" in run.out
    assert "programmas/handwerk.yaml:32: 2020: 11 (indicator blok)" in run.out
    assert "Proef: 2 metingen in 1 bestand zouden veranderen; er is niets geschreven." in run.out
    assert snapshot(werk) == before
    assert cli("import", sheet, "--map", "programmas", "--vervang").code == 0
    assert realisaties(werk / "handwerk.yaml", "blok")[2019].waarde == 10  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("contract;indicator;jaar\nhandwerk;blok;2020\n", ":1: kolom waarde ontbreekt"),
        ("contract;indicator;jaar;waarde;opmerking\n", ":1: onbekende kolom 'opmerking'"),
        ("", "de tabel is leeg"),
        ("contract;indicator;jaar;waarde\n", "de tabel heeft een kopregel maar geen metingen"),
        ("contract;indicator;jaar;waarde\nhandwerk;blok;2020;1;extra\n", ":2: meer cellen"),
        (
            "contract;indicator;jaar;waarde;voorlopig\nhandwerk;blok;2020;1;misschien\n",
            ":2: voorlopig moet ja of nee zijn",
        ),
        (
            "contract;indicator;jaar;waarde\nprogrammas/weg.yaml;blok;2020;1\n",
            ":2: contract programmas/weg.yaml bestaat niet",
        ),
    ],
)
def test_bad_sheets_are_refused(
    cli, werk: Path, tmp_path: Path, content: str, message: str
) -> None:
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(content)
    before = snapshot(werk)
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 2
    assert message in run.err, run.err
    assert snapshot(werk) == before


def test_not_a_sheet(cli, werk: Path, tmp_path: Path) -> None:
    fake = tmp_path / "metingen.xlsx"
    fake.write_text("geen zip")
    run = cli("import", fake, "--map", "programmas")
    assert run.code == 2 and "geen geldig .xlsx-bestand" in run.err
    other = tmp_path / "metingen.ods"
    other.write_text("x")
    run = cli("import", other, "--map", "programmas")
    assert run.code == 2 and "gebruik .csv of .xlsx" in run.err


def test_control_characters_from_a_sheet_never_reach_the_terminal(
    cli, werk: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "metingen.csv"
    sheet.write_text("contract;indicator;jaar;waarde\nhandwerk;\x1b[31mrood\x07;2020;1\n")
    run = cli("import", sheet, "--map", "programmas")
    assert run.code == 2
    assert "\x1b" not in run.err and "\x07" not in run.err
    assert "onbekende indicator '\\x1b[31mrood\\x07'" in run.err


PER_PERIOD_CONTRACT = """\
programma: Kwartalen
code: kwartalen
gemeente: Voorbeeldstad
status: concept
periode: {start: 2020, eind: 2021}
rollen: {bestuurlijk_opdrachtgevers: [{naam: A. Jansen}]}
strategische_doelen:
  - id: '1'
    titel: Meer mensen aan het werk
    operationele_doelen:
      - {id: 1a, titel: Meer plaatsingen}
indicatoren:
  - id: plaatsingen
    naam: Aantal plaatsingen
    doel: 1a
    eenheid: aantal
    richting: hoger
    peilwaarde: 8
    peiljaar: 2019
    bron: Monitor
    streefwaarden: {2020: 12, 2021: 14}
    realisaties: {2020-Q1: 9, 2020-Q4: 11, 2021-03: 12}
inspanningen:
  - {id: ins-1, titel: Werkgeversservicepunt, doelen: [1a]}
"""


@pytest.mark.parametrize("warm", [False, True], ids=["koud", "warm"])
def test_several_quarters_and_months_of_one_file_in_one_import(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm: bool
) -> None:  # type: ignore[no-untyped-def]
    # Flemish plans report per quarter: rows of one indicator per period, beside the periods
    # already written, land together (the second row sees the first); a whole year beside
    # them is refused. Warm, the rows are checked against the cached view of the portfolio.
    folder = tmp_path / "programmas"
    folder.mkdir()
    path = folder / "kwartalen.yaml"
    path.write_text(PER_PERIOD_CONTRACT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    if warm:
        assert cli("check", folder).code == 0
    sheet = tmp_path / "kwartalen.csv"
    sheet.write_text(
        "contract;indicator;jaar;waarde\n"
        "kwartalen;plaatsingen;2021-Q2;13\n"
        "kwartalen;plaatsingen;2021-12;14\n",
        encoding="utf-8",
    )
    run = cli("import", sheet, "--map", folder)
    assert run.code == 0, run.err
    assert run.out.splitlines()[-1] == "2 metingen in 1 bestand vastgelegd."
    if warm:
        assert cli("check", folder).code == 0  # the cache now holds the new periods
    assert (
        "    realisaties: {2020-Q1: 9, 2020-Q4: 11, 2021-03: 12, 2021-Q2: 13, 2021-12: 14}\n"
        in path.read_text(encoding="utf-8")
    )
    progress = cli("progress", path, "--jaar", "2021", "--format", "json", "--no-cache")
    assert '"realisatie_periode": "2021-12"' in progress.out
    whole = tmp_path / "heel.csv"
    whole.write_text("contract;indicator;jaar;waarde\nkwartalen;plaatsingen;2020;12\n", "utf-8")
    before = path.read_bytes()
    refused = cli("import", whole, "--map", folder)
    assert refused.code == 2
    assert refused.err.splitlines()[0] == (
        f"{whole}:2: {path}: indicator plaatsingen heeft voor 2020 metingen per kwartaal of "
        "maand; geef het kwartaal of de maand (zoals 2020-Q4)"
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["import", "metingen.csv", "--map", "programmas"], 0),
        (["import", "--map=programmas", "--proef", "metingen.csv"], 0),
        (["import", "fout.csv", "--map", "programmas"], 2),
        (["import", "--vervang", "--map", "programmas", "--", "metingen.csv"], 0),
        (["import", "bestaat-niet.csv"], 2),
    ],
)
def test_quick_start_of_import_equals_the_full_command_line(
    args: list[str], expected: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    # Plain arguments skip Typer; what the user sees, the exit code and the files written are
    # exactly those of the full command line, run on a copy of the same folder.
    from programmatool.cli.app import main as full
    from programmatool.entry import main as quick

    outcomes = []
    for which, entry in (("snel", quick), ("volledig", full)):
        work = tmp_path / which
        (work / "programmas").mkdir(parents=True)
        shutil.copyfile(HANDGESCHREVEN, work / "programmas" / "handwerk.yaml")
        shutil.copyfile(MINIMAAL, work / "programmas" / "schoon.yaml")
        (work / "metingen.csv").write_text(
            "contract;indicator;jaar;waarde\n"
            "handwerk;blok;2020;11,5\n"
            "schone-stad;scholen;2021;1.250\n"
        )
        (work / "fout.csv").write_text(
            "contract;indicator;jaar;waarde\nhandwerk;blok;2020;11\nhandwerk;blokk;2020;1\n"
        )
        monkeypatch.chdir(work)
        code = entry(args)
        out, err = capsys.readouterr()
        outcomes.append((code, out, err, snapshot(work / "programmas")))
    assert outcomes[0] == outcomes[1]
    code, out, err, _files = outcomes[0]
    assert code == expected, err
    if "--proef" in args:
        assert out.endswith(
            "Proef: 2 metingen in 2 bestanden zouden veranderen; er is niets geschreven.\n"
        )
    elif code == 0:
        assert out.endswith("2 metingen in 2 bestanden vastgelegd.\n")


def test_quick_start_of_import_leaves_help_and_unusual_arguments_to_the_command_line() -> None:
    from programmatool.cli.quick import quick_import

    for args in (
        ["--help"],
        [],
        ["a.csv", "b.csv"],
        ["--map"],
        ["--map", "--proef", "a.csv"],
        ["--onbekend", "a.csv"],
        ["--no-config", "a.csv"],
        [""],
    ):
        assert quick_import(args) is None, args


def test_sheet_rows_are_read_by_their_header(tmp_path: Path) -> None:
    """Blank rows are skipped, cells stripped, trailing empty cells allowed, a column without
    a heading ignored, and each row keeps the number the spreadsheet shows."""
    from programmatool.editing.sheets import read_sheet

    sheet = tmp_path / "metingen.csv"
    sheet.write_text(
        "\n"
        " contract ;;Indicator;jaar;waarde\n"
        "handwerk; genegeerd ; blok ;2020; 1.050 ;;\n"
        " ; ;\n"
        "handwerk;;stroom;2021;7\n"
    )
    rows = read_sheet(sheet)
    assert [(row.number, row.cells) for row in rows] == [
        (3, {"contract": "handwerk", "indicator": "blok", "jaar": "2020", "waarde": "1.050"}),
        (5, {"contract": "handwerk", "indicator": "stroom", "jaar": "2021", "waarde": "7"}),
    ]


def test_a_row_with_only_a_note_needs_no_value_but_other_cells(
    cli, werk: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "metingen.csv"
    sheet.write_text(
        "contract;indicator;jaar;waarde;toelichting\n"
        ";blok;2020;;\n"
        "handwerk;;;;iets\n"
        "handwerk;blok;2020;;\n"
    )
    before = snapshot(werk)
    run = cli("import", sheet, "--map", "programmas")
    name = sheet.as_posix()
    assert run.code == 2
    assert run.err.splitlines() == [
        f"{name}:2: contract, waarde is leeg",
        f"{name}:3: indicator, jaar is leeg",
        f"{name}:4: waarde is leeg",
        f"programmatool: {name}: niets vastgelegd",
    ]
    assert snapshot(werk) == before
