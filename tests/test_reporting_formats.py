"""``check --format``: text, json, github, gitlab, sarif and junit, and --strict."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .test_rules_support import BASIS, line_of, variant


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    """A contract with one error (PT201) and one warning (PT307)."""
    path = variant(
        tmp_path, "totalen: {2019: 14000, 2020: 15000}", "totalen: {2019: 14000, 2020: 16500}"
    )
    text = path.read_text(encoding="utf-8").replace("    bron: UWV\n", "")
    path.write_text(text, encoding="utf-8")
    return path


def test_text_lines_and_summary(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", contract)
    assert run.code == 1
    lines = run.out.splitlines()
    line = line_of(contract, "2020: 16500")
    assert lines[-1] == "1 fout en 1 waarschuwing in 1 van 1 bestand."
    assert any(
        ln.startswith(f"{contract.as_posix()}:{line}:36: fout PT201 'Verdeling middelen' 2020")
        for ln in lines
    )
    assert any(" waarschuwing PT307 indicator 'spanning' heeft geen bron" in ln for ln in lines)


def test_warnings_pass_unless_strict(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = variant(tmp_path, "    bron: UWV\n", "")
    assert cli("check", path).code == 0
    assert cli("check", "--strict", path).code == 1
    assert cli("check", "--strict", BASIS).code == 0


def test_json(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--format", "json", contract)
    assert run.code == 1
    data = json.loads(run.out)
    assert (data["bestanden"], data["fouten"], data["waarschuwingen"]) == (1, 1, 1)
    first = data["bevindingen"][0]
    assert set(first) == {"bestand", "regel", "kolom", "code", "niveau", "bericht"}
    assert [b["code"] for b in data["bevindingen"]] == ["PT307", "PT201"] or [
        b["code"] for b in data["bevindingen"]
    ] == ["PT201", "PT307"]


def test_github_annotations(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--format", "github", contract)
    assert run.code == 1
    line = line_of(contract, "2020: 16500")
    name = contract.as_posix().replace(":", "%3A").replace(",", "%2C")
    assert (
        f"::error file={name},line={line},col=36,title=PT201::'Verdeling middelen' 2020: "
        "de regels tellen op tot € 15.000, het gedrukte totaal is € 16.500 (verschil € 1.500)"
    ) in run.out.splitlines()
    assert any(ln.startswith(f"::warning file={name},line=") for ln in run.out.splitlines())
    assert run.out.splitlines()[-1] == "1 fout en 1 waarschuwing in 1 van 1 bestand."


def test_github_escapes_newlines_and_percent() -> None:
    from programmatool.model.findings import Finding
    from programmatool.pipeline.run import Run
    from programmatool.presenting.findings import report_github

    f = Finding("a,b:c.yaml", 1, 2, "PT305", "fout", "100% fout\nregel twee")
    out = report_github(Run([], [f]))
    assert (
        out.splitlines()[0]
        == "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=PT305::100%25 fout%0Aregel twee"
    )


def test_sarif_structure(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--format", "sarif", contract)
    assert run.code == 1
    log = json.loads(run.out)
    assert log["version"] == "2.1.0" and "$schema" in log
    [run_] = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "programmatool" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and "PT012" in ids and "PT201" in ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    levels = {r["ruleId"]: r["level"] for r in run_["results"]}
    assert levels == {"PT201": "error", "PT307": "warning"}
    for result in run_["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].endswith("contract.yaml")
        assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1
    pt201 = next(r for r in run_["results"] if r["ruleId"] == "PT201")
    assert pt201["locations"][0]["physicalLocation"]["region"] == {
        "startLine": line_of(contract, "2020: 16500"),
        "startColumn": 36,
    }


def test_sarif_relative_uri(cli, monkeypatch: pytest.MonkeyPatch, contract: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(contract.parent)
    log = json.loads(cli("check", "--format", "sarif", "contract.yaml").out)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"contract.yaml"}


def test_junit(cli, contract: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "ander.yaml"
    other.write_text(BASIS.read_text(encoding="utf-8").replace("schone-stad", "groen"))
    run = cli("check", "--format", "junit", contract, other)
    assert run.code == 1
    root = ET.fromstring(run.out)
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {contract.as_posix(), other.as_posix()}
    bad = suites[contract.as_posix()]
    [case] = bad.findall("testcase")
    [failure] = case.findall("failure")
    assert failure.get("type") == "PT201"
    assert failure.text is not None and failure.text.startswith(f"{contract.as_posix()}:")
    assert "PT307" in (case.findtext("system-out") or "")
    [good] = suites[other.as_posix()].findall("testcase")
    assert good.findall("failure") == []


def test_junit_strict_makes_warnings_failures(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    root = ET.fromstring(cli("check", "--format", "junit", "--strict", contract).out)
    assert sorted(f.get("type") or "" for f in root.iter("failure")) == ["PT201", "PT307"]


@pytest.mark.parametrize("formaat", ["text", "json", "github", "gitlab", "sarif", "junit"])
def test_output_is_deterministic(cli, contract: Path, formaat: str) -> None:  # type: ignore[no-untyped-def]
    first = cli("check", "--format", formaat, contract, BASIS).out
    assert first == cli("check", "--format", formaat, contract, BASIS).out


def test_unknown_format_exits_two(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--format", "xml", BASIS)
    assert run.code == 2
    assert "onbekend formaat 'xml'; kies uit text, json, github, gitlab, sarif, junit" in run.err


SCHEMAS = Path(__file__).parent / "schemas"


def test_sarif_names_no_rule_by_its_code_and_reports_the_exit_code(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(cli("check", "--format", "sarif", contract).out)
    [run_] = log["runs"]
    assert [r for r in run_["tool"]["driver"]["rules"] if r.get("name") == r["id"]] == []
    assert run_["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]
    clean = json.loads(cli("check", "--format", "sarif", BASIS).out)
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True, "exitCode": 0}]


def test_gitlab_code_quality_has_the_fields_gitlab_reads(cli, contract: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", "--format", "gitlab", contract)
    assert run.code == 1
    issues = json.loads(run.out)
    line = line_of(contract, "2020: 16500")
    by_code = {i["check_name"]: i for i in issues}
    assert set(by_code) == {"PT201", "PT307"}
    pt201 = by_code["PT201"]
    assert pt201["description"] == (
        "PT201 'Verdeling middelen' 2020: de regels tellen op tot € 15.000, het gedrukte totaal "
        "is € 16.500 (verschil € 1.500)"
    )
    assert pt201["severity"] == "major" and by_code["PT307"]["severity"] == "minor"
    assert pt201["location"] == {"path": contract.as_posix(), "lines": {"begin": line}}
    for issue in issues:
        # GitLab's documented Code Quality fields (docs.gitlab.com, "Code Quality report format").
        assert issue["type"] == "issue"
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert len(issue["fingerprint"]) == 64 and int(issue["fingerprint"], 16) >= 0
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprint_survives_lines_moving_and_tells_twins_apart() -> None:
    from programmatool.model.findings import Finding
    from programmatool.pipeline.run import Run
    from programmatool.presenting.findings import report_gitlab

    first = Finding("p/a.yaml", 10, 3, "PT305", "fout", "te hoog")
    moved = Finding("p/a.yaml", 14, 3, "PT305", "fout", "te hoog")
    [a] = json.loads(report_gitlab(Run([], [first])))
    [b] = json.loads(report_gitlab(Run([], [moved])))
    assert a["fingerprint"] == b["fingerprint"]
    twins = json.loads(report_gitlab(Run([], [first, moved])))
    assert twins[0]["fingerprint"] != twins[1]["fingerprint"]
    assert json.loads(report_gitlab(Run([], []))) == []


def test_junit_validates_against_the_junit_schema(cli, contract: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import xmlschema

    schema = xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd")
    other = tmp_path / "ander.yaml"
    other.write_text(BASIS.read_text(encoding="utf-8").replace("schone-stad", "groen"))
    for args in (["--format", "junit"], ["--format", "junit", "--strict"]):
        out = cli("check", *args, contract, other).out
        schema.validate(out)  # raises with the reason when a consumer would refuse the report
    root = ET.fromstring(cli("check", "--format", "junit", contract).out)
    [suite] = root.findall("testsuite")
    assert suite.get("file") == contract.as_posix()


def test_an_info_finding_in_every_format_never_fails(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A table in thousands whose 2020 total is 1 off from its two lines: rounding (PT212, info).
    path = variant(tmp_path, "      eenheid: euro\n", "      eenheid: duizend_euro\n")
    text = path.read_text(encoding="utf-8").replace(
        "totalen: {2019: 14000, 2020: 15000}", "totalen: {2019: 14000, 2020: 15001}"
    )
    path.write_text(text.replace("totaal: 29000\n", "totaal: 29001\n"), encoding="utf-8")
    out = {
        fmt: cli("check", "--strict", "--format", fmt, path)
        for fmt in ("json", "github", "gitlab", "sarif", "junit")
    }
    assert {fmt: run.code for fmt, run in out.items()} == dict.fromkeys(out, 0)
    data = json.loads(out["json"].out)
    assert (data["fouten"], data["waarschuwingen"], data["ter_informatie"]) == (0, 0, 1)
    assert [b["niveau"] for b in data["bevindingen"]] == ["info"]
    assert out["github"].out.startswith("::notice file=")
    assert json.loads(out["gitlab"].out)[0]["severity"] == "info"
    sarif = json.loads(out["sarif"].out)["runs"][0]
    assert [r["level"] for r in sarif["results"]] == ["note"]
    [rule] = [r for r in sarif["tool"]["driver"]["rules"] if r["id"] == "PT212"]
    assert rule["defaultConfiguration"] == {"level": "note"}
    assert ET.fromstring(out["junit"].out).get("failures") in ("0", None)
