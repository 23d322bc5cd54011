"""Findings → output formats. A reporter never decides, it only shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from programmatool.model.findings import Finding
from programmatool.text.formatting import hoeveel
from programmatool.text.terminal import neutralise, neutralise_lines, valid_unicode

if TYPE_CHECKING:
    from rich.console import Console

    from programmatool.loading import LoadResult

_STYLE = {"fout": "bold red", "waarschuwing": "yellow", "info": "blue"}


class Checked(Protocol):
    """What a reporter shows of a check (the pipeline's ``Run``): files, findings and counts."""

    @property
    def results(self) -> Sequence[LoadResult]: ...

    @property
    def findings(self) -> Sequence[Finding]: ...

    @property
    def errors(self) -> int: ...

    @property
    def warnings(self) -> int: ...

    def exit_code(self, strict: bool = False) -> int: ...


def summary_line(result: Checked) -> str:
    """The closing line: how many errors and warnings in how many files."""
    n = len(result.results)
    bestanden = hoeveel(n, "bestand", "bestanden")
    if not result.findings:
        return f"Geen fouten of waarschuwingen in {bestanden}."
    fouten = hoeveel(result.errors, "fout", "fouten")
    w = result.warnings
    waarschuwingen = hoeveel(w, "waarschuwing", "waarschuwingen")
    met = len({f.path for f in result.findings})
    infos = sum(1 for f in result.findings if f.severity == "info")
    ter_info = f"; {hoeveel(infos, 'melding', 'meldingen')} ter informatie" if infos else ""
    return f"{fouten} en {waarschuwingen} in {met} van {bestanden}{ter_info}."


def report_text(result: Checked, console: Console, summary: bool = True) -> None:
    """``file:line:col: niveau CODE bericht`` per finding, then (with ``summary``) a summary
    line."""
    if not console.is_terminal:
        # Piped or in CI: plain lines, written at once (Rich styling thousands of lines is slow).
        lines = [f.as_text() for f in result.findings] + [summary_line(result)] * summary
        if lines:
            console.file.write(neutralise_lines("\n".join(lines)) + "\n")
        return
    from rich.text import Text

    for finding in result.findings:
        line = Text()
        line.append(finding.location(), style="bold")
        line.append(": ")
        line.append(finding.severity, style=_STYLE[finding.severity])
        line.append(" ")
        line.append(finding.code, style="cyan")
        line.append(" ")
        line.append(neutralise(finding.message))
        console.print(line, soft_wrap=True, highlight=False)
    if summary:
        console.print(summary_line(result), highlight=False, soft_wrap=True)


CHECK_FORMATS = ("text", "json", "github", "gitlab", "sarif", "junit")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/programmatool/programmatool"


def report_json(result: Checked) -> str:
    """Every finding as JSON, with the counts: for scripts and other tools."""
    import json

    data = {
        "bestanden": len(result.results),
        "fouten": result.errors,
        "waarschuwingen": result.warnings,
        "ter_informatie": sum(1 for f in result.findings if f.severity == "info"),
        "bevindingen": [
            {
                "bestand": valid_unicode(f.path),
                "regel": f.line,
                "kolom": f.column,
                "code": f.code,
                "niveau": f.severity,
                "bericht": valid_unicode(f.message),
            }
            for f in result.findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _gh_data(text: str) -> str:
    # GitHub's own encoding of '%', CR and LF (the annotation shows a line break, the log line
    # stays one line); every other control character, such as an ANSI sequence, is escaped.
    text = text.replace("%", "%25")
    return "%0A".join(
        "%0D".join(neutralise(part) for part in line.split("\r")) for line in text.split("\n")
    )


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


_GH_COMMAND = {"fout": "error", "waarschuwing": "warning", "info": "notice"}


def report_github(result: Checked) -> str:
    """GitHub Actions workflow commands: one annotation per finding, then the summary."""
    lines = []
    for f in result.findings:
        command = _GH_COMMAND[f.severity]
        props = [f"file={_gh_property(f.path)}"]
        if f.line > 0:
            props.append(f"line={f.line}")
            if f.column > 0:
                props.append(f"col={f.column}")
        props.append(f"title={_gh_property(f.code)}")
        lines.append(f"::{command} {','.join(props)}::{_gh_data(f.message)}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


#: GitLab Code Quality severities (info, minor, major, critical, blocker) for our levels.
_GITLAB_SEVERITY = {"fout": "major", "waarschuwing": "minor", "info": "info"}


def report_gitlab(result: Checked) -> str:
    """GitLab's Code Quality report (the Code Climate subset GitLab reads): a JSON array with a
    description, check name, fingerprint, severity and location per finding, for merge requests.

    The fingerprint leaves the line out, so a finding keeps its identity when lines above it
    move; the same finding twice in one file is told apart by its order.
    """
    import hashlib
    import json

    seen: dict[str, int] = {}
    issues: list[dict[str, object]] = []
    for f in result.findings:
        path = valid_unicode(f.path).replace("\\", "/").removeprefix("./")
        key = "\0".join((f.code, path, f.message))
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": f.code,
                "description": f"{f.code} {valid_unicode(f.message)}",
                "categories": ["Bug Risk" if f.severity == "fout" else "Style"],
                "severity": _GITLAB_SEVERITY[f.severity],
                "fingerprint": digest,
                "location": {"path": path, "lines": {"begin": max(f.line, 1)}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


#: SARIF's levels for ours ("note" is SARIF's level for a finding that needs no action).
_SARIF_LEVEL = {"fout": "error", "waarschuwing": "warning", "info": "note"}


def _descriptors() -> list[dict[str, object]]:
    from programmatool.rules import LOAD_CODES, all_rules

    out: list[dict[str, object]] = []
    for code in sorted(LOAD_CODES):
        lc = LOAD_CODES[code]
        out.append(_descriptor(code, lc.title, lc.why, lc.severity, lc.why))
    for rule in all_rules():
        help_text = (
            f"{rule.why}\nVoorbeeld dat de regel raakt:\n{rule.example}\n"
            f"Zo is het goed:\n{rule.fix}"
        )
        out.append(_descriptor(rule.code, rule.title, rule.why, rule.severity, help_text))
    return out


def _descriptor(
    code: str, titel: str, waarom: str, niveau: str, help_text: str
) -> dict[str, object]:
    # No "name": SARIF means a readable identifier there, and the stable code is the only one
    # a rule has; viewers show the short description instead.
    return {
        "id": code,
        "shortDescription": {"text": titel},
        "fullDescription": {"text": " ".join(waarom.split())},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": _SARIF_LEVEL.get(niveau, "warning")},
    }


def report_sarif(result: Checked, exit_code: int) -> str:
    """SARIF 2.1.0 with rule descriptors and the invocation's exit code, for GitHub code
    scanning and other viewers."""
    import json

    from programmatool._version import __version__

    rules = _descriptors()
    index = {str(r["id"]): i for i, r in enumerate(rules)}
    results: list[dict[str, object]] = []
    for f in result.findings:
        physical: dict[str, object] = {"artifactLocation": {"uri": _uri(valid_unicode(f.path))}}
        if f.line > 0:
            region: dict[str, int] = {"startLine": f.line}
            if f.column > 0:
                region["startColumn"] = f.column
            physical["region"] = region
        entry: dict[str, object] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": valid_unicode(f.message)},
            "locations": [{"physicalLocation": physical}],
        }
        if f.code in index:
            entry["ruleIndex"] = index[f.code]
        results.append(entry)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "programmatool",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        # Findings are the tool doing its work; only exit code 2 is a failure.
                        "executionSuccessful": exit_code != 2,
                        "exitCode": exit_code,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _uri(bestand: str) -> str:
    from pathlib import PurePosixPath
    from urllib.parse import quote

    path = PurePosixPath(bestand.replace("\\", "/"))
    if path.is_absolute():
        return "file://" + quote(path.as_posix())
    return quote(path.as_posix().removeprefix("./"))


def report_junit(result: Checked, strict: bool = False) -> str:
    """JUnit XML: one testsuite per file with one testcase; a failure per error.

    Warnings are failures too with ``strict``; otherwise they are listed in system-out.
    """
    import xml.etree.ElementTree as ET

    per_file: dict[str, list[Finding]] = {r.path: [] for r in result.results}
    for f in result.findings:
        per_file.setdefault(f.path, []).append(f)
    root = ET.Element("testsuites", name="programmatool")
    total_failures = 0
    for bestand in sorted(per_file):
        findings = per_file[bestand]
        failing = [f for f in findings if f.severity == "fout" or (strict and f.severity != "info")]
        other = [f for f in findings if f not in failing]
        total_failures += len(failing)
        # XML 1.0 cannot hold most control characters at all, not even escaped: every text
        # from a contract or a file name is neutralised, so the report is always well-formed.
        name = neutralise(bestand)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=name,
            tests="1",
            failures=str(len(failing)),
            errors="0",
            skipped="0",
        )
        # The file is named on the suite: the common JUnit schema (Jenkins' junit-10.xsd)
        # allows ``file`` there and not on a testcase.
        suite.set("file", name)
        case = ET.SubElement(suite, "testcase", classname="programmatool.check", name=name)
        for f in failing:
            failure = ET.SubElement(
                case, "failure", message=f"{f.code} {neutralise(f.message)}", type=f.code
            )
            failure.text = f.as_text()
        if other:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f.as_text() for f in other)
    root.set("tests", str(len(per_file)))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def report_result(
    result: Checked, formaat: str, strict: bool, console: Console, summary: bool = True
) -> None:
    """Show ``result`` in ``formaat`` (one of CHECK_FORMATS); text goes through the console
    (the closing line only with ``summary``)."""

    if formaat == "text":
        report_text(result, console, summary)
        return
    if formaat == "json":
        text = report_json(result)
    elif formaat == "github":
        text = report_github(result)
    elif formaat == "gitlab":
        text = report_gitlab(result)
    elif formaat == "sarif":
        text = report_sarif(result, result.exit_code(strict))
    elif formaat == "junit":
        text = report_junit(result, strict)
    else:
        raise ValueError(f"unknown format {formaat!r}")
    from programmatool.text.terminal import write_out

    # The github report's own lines are workflow commands; every value in them is escaped.
    write_out(text, commands=formaat == "github", json=formaat in ("json", "sarif"))
