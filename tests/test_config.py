"""The configuration file: rules off, other levels, per file pattern, limits, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from programmatool.pipeline.settings import ConfigError, find_config, load_config

from .test_rules_support import basis_text


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with two contracts, each without a bron on one indicator (PT307, warning)."""
    (tmp_path / "programmas" / "oud").mkdir(parents=True)
    text = basis_text().replace("    bron: UWV\n", "")
    (tmp_path / "programmas" / "nieuw.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "programmas" / "oud" / "oud.yaml").write_text(
        text.replace("schone-stad", "oud"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _codes(out: str) -> list[str]:
    return [line.split(": ", 1)[0] + " " + line.split()[2] for line in out.splitlines()[:-1]]


def test_without_config_the_defaults_apply(cli, project: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "programmas")
    assert run.code == 0
    assert run.out.splitlines()[-1] == "0 fouten en 2 waarschuwingen in 2 van 2 bestanden."


def test_rule_switched_off(cli, project: Path) -> None:  # type: ignore[no-untyped-def]
    (project / "programmatool.toml").write_text('[regels]\nuit = ["PT307"]\n')
    run = cli("check", "programmas")
    assert run.out.splitlines() == ["Geen fouten of waarschuwingen in 2 bestanden."]


def test_level_raised_makes_check_fail(cli, project: Path) -> None:  # type: ignore[no-untyped-def]
    (project / "programmatool.toml").write_text('[regels]\nniveau = {PT307 = "fout"}\n')
    run = cli("check", "programmas")
    assert run.code == 1
    assert "fout PT307 indicator 'spanning' heeft geen bron" in run.out


def test_per_file_pattern(cli, project: Path) -> None:  # type: ignore[no-untyped-def]
    (project / "programmatool.toml").write_text(
        '[regels]\nniveau = {PT307 = "fout"}\n\n'
        '[[regels.per_bestand]]\npatroon = "programmas/oud/*.yaml"\nuit = ["PT307"]\n'
    )
    run = cli("check", "programmas")
    assert run.code == 1
    assert _codes(run.out) == ["programmas/nieuw.yaml:70:9 PT307"]


def test_pattern_star_does_not_cross_folders(cli, project: Path) -> None:  # type: ignore[no-untyped-def]
    (project / "programmatool.toml").write_text(
        '[[regels.per_bestand]]\npatroon = "programmas/*.yaml"\nuit = ["PT307"]\n'
    )
    run = cli("check", "programmas")
    assert _codes(run.out) == ["programmas/oud/oud.yaml:70:9 PT307"]


def test_found_in_a_parent_folder_and_in_pyproject(
    cli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.programmatool.regels]\nuit = ["PT307"]\n'
    )
    monkeypatch.chdir(project / "programmas")
    assert find_config() == project / "pyproject.toml"
    run = cli("check", ".")
    assert run.out.splitlines() == ["Geen fouten of waarschuwingen in 2 bestanden."]


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    found = find_config(tmp_path / "sub")
    assert found is None or not str(found).startswith(str(tmp_path))


def test_explicit_config_option(cli, project: Path) -> None:  # type: ignore[no-untyped-def]
    (project / "streng.toml").write_text('[regels]\nniveau = {PT307 = "fout"}\n')
    assert cli("check", "programmas").code == 0
    assert cli("check", "--config", "streng.toml", "programmas").code == 1


def test_other_tables_are_accepted_and_limits_are_used(cli, project: Path) -> None:  # type: ignore[no-untyped-def]
    (project / "programmatool.toml").write_text(
        "[voortgang]\nop_koers = 0.1\n\n[limieten]\nmax_bytes = 100\n"
    )
    config = load_config()
    assert config.table("voortgang") == {"op_koers": 0.1}
    assert config.limits.max_bytes == 100
    run = cli("check", "programmas")
    assert run.code == 1
    assert "fout PT008 bestand is te groot" in run.out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[regels]\nuit = ["PT999"]\n', "programmatool.toml:2: onbekende regel 'PT999'"),
        ('[regels]\nuit = ["PT3O5"]\n', "onbekende regel 'PT3O5'; bedoelde u 'PT305'?"),
        (
            '[regels]\nuit = ["PT012"]\n',
            "programmatool.toml:2: PT012 is een fout bij het inlezen en kan niet worden uitgezet",
        ),
        (
            '[regels]\nniveau = {PT301 = "hoog"}\n',
            "niveau van PT301 moet 'fout', 'waarschuwing' of 'info' zijn",
        ),
        ("[regel]\n", "programmatool.toml:1: onbekende tabel [regel]; bedoelde u 'regels'?"),
        ("[regels]\nuit = [\n", "programmatool.toml:2: ongeldige TOML: ongeldige waarde"),
        ("[[regels.per_bestand]]\nuit = []\n", "[[regels.per_bestand]] mist 'patroon'"),
        (
            "[limieten]\nmax_bytes = -1\n",
            "programmatool.toml:2: 'max_bytes' moet een positief geheel getal zijn",
        ),
        # Absurd numbers: larger than any read size (once an internal OverflowError).
        (
            "[limieten]\nmax_bytes = 100000000000000000000000\n",
            "programmatool.toml:2: 'max_bytes' mag hoogstens 1073741824 zijn, "
            "niet 100000000000000000000000",
        ),
        (
            "[limieten]\nmax_bytes = 9223372036854775807\n",
            "programmatool.toml:2: 'max_bytes' mag hoogstens 1073741824 zijn",
        ),
        (
            "\n[limieten]\nmax_depth = 1e308\n",
            "programmatool.toml:3: 'max_depth' moet een positief",
        ),
        ("[limieten]\nmax_nodes = inf\n", "'max_nodes' moet een positief geheel getal zijn"),
        ("[limieten]\nmax_nodes = 10_000_000_000\n", "'max_nodes' mag hoogstens 100000000 zijn"),
    ],
)
def test_config_errors_exit_two_with_position(cli, project: Path, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    (project / "programmatool.toml").write_text(text)
    with pytest.raises(ConfigError):
        load_config()
    run = cli("check", "programmas")
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err


def test_missing_explicit_config_exits_two(cli, project: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--config", "bestaat-niet.toml", "programmas")
    assert run.code == 2
    assert "bestaat-niet.toml: configuratiebestand bestaat niet" in run.err
