"""`programmatool diff`: git repositories built in tmp_path, golden output, bad input."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import MINIMAAL, PROGRAMMAS, ROOT, Run, run_process
from .diff_goldens import (
    GOLDEN,
    amend,
    commit,
    git,
    make_repository,
    reflow_first_paragraph,
    replace_once,
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the seven real contracts, tagged ``vastgesteld``; cwd is its root."""
    root = make_repository(tmp_path / "gemeente")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def diff(cli: Callable[..., Run]) -> Callable[..., Run]:
    """Run ``programmatool diff`` in-process (git still runs as a real process)."""
    return lambda *args: cli("diff", *args)


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/diff/ (written only by ``make goldens``, never by a test)."""
    path = GOLDEN / name
    assert path.exists(), f"golden file missing: run make goldens ({path})"
    assert text == path.read_text(encoding="utf-8"), f"differs from {path}; see make goldens"


# --- the midterm review: exactly the two changes in meaning, in every format --------------------


@pytest.mark.parametrize(("formaat", "name"), [("text", "sinds.txt"), ("markdown", "sinds.md")])
def test_midterm_review_in_text_and_markdown(
    repo: Path, formaat: str, name: str, diff: Callable[..., Run]
) -> None:
    amend(repo)
    assert "duurzaamheid.yaml" in git(repo, "status", "--short")
    # Once as a real process, the way CI runs it.
    result = run_process("diff", "programmas/", "--sinds", "vastgesteld", "--format", formaat)
    assert result.code == 1, result.err
    assert result.err == ""
    golden(name, result.out)
    assert "duurzaamheid" not in result.out.lower()
    assert "ambitie verlaagd: 2.200 → 2.400 in 2022, lager is beter" in result.out
    assert "€ 60.000 → € 50.000 (−€ 10.000)" in result.out
    assert "€ 50.000 → € 60.000 (+€ 10.000)" in result.out


def test_midterm_review_in_json(repo: Path, diff: Callable[..., Run]) -> None:
    amend(repo)
    result = diff("programmas/", "--sinds", "vastgesteld", "--format", "json")
    assert result.code == 1, result.err
    golden("sinds.json", result.out)
    data = json.loads(result.out)
    assert data["wijzigingen"] == 3
    changed = {p["code"]: p for p in data["programmas"] if p["wijzigingen"]}
    assert sorted(changed) == ["binnenstad", "economie-participatie"]
    target = changed["economie-participatie"]["wijzigingen"][0]
    assert (target["controle"], target["jaar"], target["oud"], target["nieuw"]) == (
        "ambitie-verlaagd",
        2022,
        2200,
        2400,
    )
    money = changed["binnenstad"]["wijzigingen"]
    assert [(c["controle"], c["verschil"]) for c in money] == [
        ("bedrag-gewijzigd", -10000),
        ("bedrag-gewijzigd", 10000),
    ]
    assert len(data["programmas"]) == 7


def test_no_change_in_meaning_is_exit_0(repo: Path, diff: Callable[..., Run]) -> None:
    reflow_first_paragraph(repo / "programmas" / "duurzaamheid.yaml", "samenvatting: |", 50)
    result = diff("programmas/", "--sinds", "vastgesteld")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Geen wijzigingen in betekenis ten opzichte van vastgesteld (7 programma's vergeleken).\n"
    )


def test_a_renamed_file_is_the_same_programme_and_new_and_removed_are_reported(
    repo: Path, diff: Callable[..., Run]
) -> None:
    programmas = repo / "programmas"
    (programmas / "zorg.yaml").rename(programmas / "zorg-en-welzijn.yaml")
    replace_once(
        programmas / "zorg-en-welzijn.yaml",
        "periode: {start: 2019, eind: 2022}",
        "periode: {start: 2019, eind: 2023}",
    )
    (programmas / "veiligheid.yaml").unlink()
    shutil.copy(MINIMAAL, programmas / "schone-stad.yaml")
    result = diff("programmas/", "--sinds", "vastgesteld")
    assert result.code == 1, result.err
    assert "Schone Stad (programmas/schone-stad.yaml, nieuw)" in result.out
    assert "opmerking programma-toegevoegd" in result.out
    assert "Veiligheid (vastgesteld:programmas/veiligheid.yaml, verwijderd)" in result.out
    assert "belangrijk programma-verwijderd" in result.out
    assert "Zorg (vastgesteld:programmas/zorg.yaml → programmas/zorg-en-welzijn.yaml)" in result.out
    assert "belangrijk periode-gewijzigd: looptijd: 2019–2022 → 2019–2023" in result.out
    assert result.out.endswith(
        "3 wijzigingen in 3 van 8 programma's ten opzichte van vastgesteld: "
        "2 belangrijk, 1 opmerking.\n"
    )


def test_one_file_since_a_revision_and_two_files(
    repo: Path, tmp_path: Path, diff: Callable[..., Run]
) -> None:
    amend(repo)
    one = diff("programmas/economie-participatie.yaml", "--sinds", "vastgesteld")
    assert one.code == 1
    assert "programmas/economie-participatie.yaml:1628:27: belangrijk ambitie-verlaagd" in one.out
    old = tmp_path / "oud.yaml"
    old.write_bytes(git(repo, "show", "vastgesteld:programmas/binnenstad.yaml").encode("utf-8"))
    two = diff(str(old), "programmas/binnenstad.yaml")
    assert two.code == 1
    assert two.out.count("bedrag-gewijzigd") == 2
    same = diff(str(old), str(old))
    assert same.code == 0


def test_configured_severities(repo: Path, diff: Callable[..., Run]) -> None:
    amend(repo)
    (repo / "programmatool.toml").write_text(
        '[diff]\nuit = ["bedrag-gewijzigd"]\nniveau = {ambitie-verlaagd = "info"}\n',
        encoding="utf-8",
    )
    result = diff("programmas/", "--sinds", "vastgesteld")
    assert result.code == 1
    assert "bedrag-gewijzigd" not in result.out
    assert ": info ambitie-verlaagd:" in result.out
    (repo / "programmatool.toml").write_text(
        '[diff]\nuit = ["ambitie-verlaagd", "bedrag-gewijzigd"]\n', encoding="utf-8"
    )
    assert diff("programmas/", "--sinds", "vastgesteld").code == 0


def test_a_bad_diff_table_in_the_config_is_exit_2(repo: Path, diff: Callable[..., Run]) -> None:
    (repo / "programmatool.toml").write_text(
        '[diff]\nniveau = {ambitie-verlaag = "info"}\n', encoding="utf-8"
    )
    result = diff("programmas/", "--sinds", "vastgesteld")
    assert result.code == 2
    assert result.err.startswith("programmatool: ")
    assert result.err.endswith(
        "programmatool.toml:2: onbekende soort wijziging 'ambitie-verlaag'; "
        "bedoelde u 'ambitie-verlaagd'?\n"
    )


# --- bad input: a Dutch message and exit 2, never a traceback ---------------------------------


def assert_trouble(result: Run, message: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    assert result.out == ""
    assert message in result.err


def test_not_a_git_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, diff: Callable[..., Run]
) -> None:
    folder = tmp_path / "los"
    folder.mkdir()
    shutil.copy(MINIMAAL, folder / "contract.yaml")
    monkeypatch.chdir(folder)
    assert_trouble(
        diff("contract.yaml", "--sinds", "main"),
        "programmatool: contract.yaml ligt niet in een git-repository",
    )


def test_unknown_revision(repo: Path, diff: Callable[..., Run]) -> None:
    assert_trouble(
        diff("programmas/", "--sinds", "v9.9"),
        "programmatool: onbekende revisie 'v9.9'",
    )
    assert_trouble(diff("programmas/", "--sinds", "--help=x"), "onbekende revisie '--help=x'")


def test_file_that_did_not_exist_at_the_revision(repo: Path, diff: Callable[..., Run]) -> None:
    shutil.copy(MINIMAAL, repo / "programmas" / "schone-stad.yaml")
    assert_trouble(
        diff("programmas/schone-stad.yaml", "--sinds", "vastgesteld"),
        "programmatool: programmas/schone-stad.yaml bestond niet in vastgesteld; geef de map",
    )


def test_contract_that_did_not_load_at_the_revision(repo: Path, diff: Callable[..., Run]) -> None:
    zorg = repo / "programmas" / "zorg.yaml"
    good = zorg.read_text(encoding="utf-8")
    replace_once(zorg, "periode: {start: 2019, eind: 2022}", "periode: {start: 2019, eind: twee}")
    commit(repo, "kapot", tag="kapot")
    zorg.write_text(good, encoding="utf-8")
    result = diff("programmas/", "--sinds", "kapot")
    line = good.split("\n").index("periode: {start: 2019, eind: 2022}") + 1
    assert_trouble(
        result,
        f"kapot:programmas/zorg.yaml:{line}:30: fout PT012 veld 'eind': verwacht een jaartal",
    )
    assert (
        "programmatool: kapot:programmas/zorg.yaml kon niet worden ingelezen (de versie in kapot)"
        in result.err
    )


def test_contract_that_does_not_load_now(repo: Path, diff: Callable[..., Run]) -> None:
    replace_once(repo / "programmas" / "zorg.yaml", "status: vastgesteld", "status: klaar")
    result = diff("programmas/", "--sinds", "vastgesteld")
    assert_trouble(result, "programmas/zorg.yaml:")
    assert "programmatool: programmas/zorg.yaml kon niet worden ingelezen" in result.err


def test_usage_mistakes(repo: Path, diff: Callable[..., Run]) -> None:
    assert_trouble(diff("programmas/zorg.yaml"), "geef twee paden (OUD NIEUW)")
    assert_trouble(
        diff("programmas/zorg.yaml", "programmas/", "--format", "html"), "onbekend formaat 'html'"
    )
    assert_trouble(
        diff("programmas/zorg.yaml", "programmas/"), "vergelijk twee bestanden of twee mappen"
    )
    assert_trouble(diff("weg.yaml", "programmas/zorg.yaml"), "weg.yaml: pad bestaat niet")


def test_the_guide_shows_the_real_output_and_every_kind_of_change() -> None:
    from programmatool.presenting.diff import checks_table

    readme = (ROOT / "docs" / "vergelijken.md").read_text(encoding="utf-8")
    text = (GOLDEN / "sinds.txt").read_text(encoding="utf-8")
    markdown = (GOLDEN / "sinds.md").read_text(encoding="utf-8")
    assert f"$ programmatool diff programmas/ --sinds vastgesteld\n{text}$ echo $?\n1\n" in readme
    assert f"```markdown\n{markdown}```" in readme
    kinds = (ROOT / "docs" / "wijzigingen.md").read_text(encoding="utf-8")
    assert checks_table() in kinds


def test_hostile_text_is_neutralised_in_text_and_markdown(
    tmp_path: Path, diff: Callable[..., Run]
) -> None:
    old = tmp_path / "oud.yaml"
    new = tmp_path / "nieuw.yaml"
    shutil.copy(MINIMAAL, old)
    text = MINIMAAL.read_text(encoding="utf-8").replace(
        "titel: In 2022 doen 20 scholen mee aan educatieprojecten over afval",
        'titel: "In 2022 <script>x</script> | [klik](javascript:alert(1)) \\e[31mrood \\u202egro"',
    )
    new.write_text(text, encoding="utf-8")
    plain = diff(str(old), str(new))
    assert plain.code == 1
    assert "\x1b" not in plain.out
    assert "\u202e" not in plain.out
    markdown = diff(str(old), str(new), "--format", "markdown")
    assert "\x1b" not in markdown.out
    assert re.search(r"(?<!\\)<script", markdown.out) is None  # "\<script>" shows as text
    # An unsafe link stays as text: its brackets are escaped, so no viewer makes a link of it.
    assert re.search(r"(?<!\\)\]\(javascript:", markdown.out) is None
    row = next(line for line in markdown.out.splitlines() if "doel-gewijzigd" in line)
    assert row.count(" | ") == 4  # the pipe in the title does not add a column
    data = json.loads(diff(str(old), str(new), "--format", "json").out)
    assert "\x1b[31mrood" in data["programmas"][0]["wijzigingen"][0]["bericht"]


def test_fail_on_a_severity(repo: Path, diff: Callable[..., Run]) -> None:
    programmas = repo / "programmas"
    replace_once(
        programmas / "binnenstad.yaml",
        "bedragen: {2019: 50, 2020: 60, 2021: 60, 2022: 60}",
        "bedragen: {2019: 50, 2020: 60, 2021: 60, 2022: 50}",
    )
    replace_once(
        programmas / "binnenstad.yaml",
        "bedragen: {2019: 60, 2020: 50, 2021: 50, 2022: 50}",
        "bedragen: {2019: 60, 2020: 50, 2021: 50, 2022: 60}",
    )
    assert diff("programmas/", "--sinds", "vastgesteld").code == 1
    only_important = diff("programmas/", "--sinds", "vastgesteld", "--fail-on", "belangrijk")
    assert only_important.code == 0
    assert "bedrag-gewijzigd" in only_important.out  # still reported, just not failing
    assert diff("programmas/", "--sinds", "vastgesteld", "--fail-on", "opmerking").code == 1
    assert_trouble(
        diff("programmas/", "--sinds", "vastgesteld", "--fail-on", "hoog"),
        "onbekend niveau 'hoog' voor --fail-on",
    )


def test_two_folders_pair_programmes_by_code(tmp_path: Path, diff: Callable[..., Run]) -> None:
    old, new = tmp_path / "oud", tmp_path / "nieuw"
    old.mkdir()
    new.mkdir()
    shutil.copy(MINIMAAL, old / "schone-stad.yaml")
    text = MINIMAAL.read_text(encoding="utf-8").replace("peilwaarde: 5", "peilwaarde: 4")
    (new / "andere-naam.yaml").write_text(text, encoding="utf-8")
    shutil.copy(PROGRAMMAS / "zorg.yaml", new / "zorg.yaml")
    result = diff(str(old), str(new))
    assert result.code == 1
    assert "belangrijk peilwaarde-gewijzigd: indicator 'scholen'" in result.out
    assert "peilwaarde achteraf gewijzigd: 5 (2018) → 4 (2018)" in result.out
    assert "Zorg (" in result.out and ", nieuw)" in result.out
    assert result.out.endswith(
        "2 wijzigingen in 2 van 2 programma's ten opzichte van "
        f"{old.as_posix()}: 1 belangrijk, 1 opmerking.\n"
    )


def test_absolute_paths_from_another_folder(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, diff: Callable[..., Run]
) -> None:
    amend(repo)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = diff(str(repo / "programmas"), "--sinds", "vastgesteld")
    assert result.code == 1, result.err
    assert result.out.count("bedrag-gewijzigd") == 2
    assert "ambitie-verlaagd" in result.out


def test_a_path_outside_the_repository(
    repo: Path, tmp_path: Path, diff: Callable[..., Run]
) -> None:
    outside = tmp_path / "los.yaml"
    shutil.copy(MINIMAAL, outside)
    assert_trouble(
        diff("programmas/", str(outside), "--sinds", "vastgesteld"),
        f"{outside.as_posix()} ligt buiten het git-repository",
    )


def test_a_bad_severity_in_the_config(repo: Path, diff: Callable[..., Run]) -> None:
    (repo / "programmatool.toml").write_text(
        '[diff]\nniveau = {ambitie-verlaagd = "hoog"}\n', encoding="utf-8"
    )
    assert_trouble(
        diff("programmas/", "--sinds", "vastgesteld"),
        "programmatool.toml:2: niveau van ambitie-verlaagd moet 'belangrijk', 'opmerking', "
        "'info' of 'uit' zijn, niet 'hoog'",
    )
