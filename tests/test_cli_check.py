"""``programmatool check`` as a user runs it: output format and exit codes."""

from __future__ import annotations

from pathlib import Path

from .conftest import MINIMAAL, minimal_text, run_process


def test_valid_file_exits_zero(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", MINIMAAL)
    assert run.code == 0
    assert "Geen fouten of waarschuwingen in 1 bestand." in run.out


def test_errors_exit_one_with_file_line_col(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "slecht.yaml"
    bad.write_text(minimal_text().replace("eind: 2022", "eind: tweeduizend"), encoding="utf-8")
    run = cli("check", bad)
    assert run.code == 1
    line = (
        f"{bad.as_posix()}:7:30: fout PT012 veld 'eind': verwacht een jaartal zoals 2019, "
        "of 'onbekend', gevonden 'tweeduizend'"
    )
    assert line in run.out


def test_folder_is_searched_for_yaml(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yml").write_text(minimal_text(), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        minimal_text().replace("schone-stad", "andere"), encoding="utf-8"
    )
    (tmp_path / "notities.txt").write_text("geen contract")
    run = cli("check", tmp_path)
    assert run.code == 0
    assert "in 2 bestanden" in run.out


def test_missing_path_exits_two(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", tmp_path / "bestaat-niet.yaml")
    assert run.code == 2
    assert "pad bestaat niet" in run.err


def test_empty_folder_exits_two(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", tmp_path)
    assert run.code == 2
    assert "geen contractbestanden" in run.err


def test_unknown_option_exits_two_in_dutch(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--bestaatniet", MINIMAAL)
    assert run.code == 2
    assert "onbekende optie --bestaatniet" in run.err
    assert "Traceback" not in run.err


def test_version(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("--version")
    assert run.code == 0
    assert run.out.startswith("programmatool ")


def test_schema_to_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    out = tmp_path / "schema.json"
    run = cli("schema", "-o", out)
    assert run.code == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert schema["title"] == "Programmacontract"
    assert "strategische_doelen" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_schema_validates_example_with_jsonschema(cli) -> None:  # type: ignore[no-untyped-def]
    import json

    import jsonschema
    from ruamel.yaml import YAML

    run = cli("schema")
    schema = json.loads(run.out)
    data = YAML(typ="safe").load(MINIMAAL.read_text(encoding="utf-8"))
    # JSON has no date or integer keys; normalise as an editor's YAML server does.
    data = json.loads(json.dumps(data, default=str))
    jsonschema.validate(data, schema)


def test_python_dash_m_and_plain_output_when_piped(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("programma: [\n", encoding="utf-8")
    run = run_process("check", str(bad))
    assert run.code == 1
    assert "\x1b[" not in run.out
    assert "fout PT001" in run.out
