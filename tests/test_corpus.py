"""The corpus of broken and hostile contracts: each gets its documented exit code and message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
_LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>fout|waarschuwing) (?P<code>PT\d{3}) "
)


def _cases() -> list[tuple[str, int, str | None, int | None]]:
    cases = []
    for row in (CORPUS / "verwachtingen.tsv").read_text(encoding="utf-8").splitlines():
        if not row or row.startswith("#"):
            continue
        name, exit_code, code, line = row.split("\t")
        cases.append(
            (
                name,
                int(exit_code),
                None if code == "-" else code,
                None if line == "-" else int(line),
            )
        )
    return cases


CASES = _cases()


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    on_disk = {p.name for p in CORPUS.glob("*.yaml")}
    assert on_disk == {name for name, *_ in CASES}


@pytest.mark.parametrize(("name", "exit_code", "code", "line"), CASES, ids=[c[0] for c in CASES])
def test_corpus_case(cli, name: str, exit_code: int, code: str | None, line: int | None) -> None:  # type: ignore[no-untyped-def]
    path = CORPUS / name
    before = path.read_bytes()
    run = cli("check", path)
    assert run.code == exit_code, run.out + run.err
    assert "Traceback" not in run.out + run.err
    findings = [m.groupdict() for m in map(_LINE.match, run.out.splitlines()) if m]
    n_lines = max(1, before.count(b"\n") + (0 if before.endswith(b"\n") else 1))
    for f in findings:
        assert 1 <= int(f["line"]) <= n_lines, f
    if code is not None:
        matching = [f for f in findings if f["code"] == code]
        assert matching, f"{code} not reported:\n{run.out}"
        if line is not None:
            assert line in [int(f["line"]) for f in matching], run.out
    # Checking never changes the file it reads.
    assert path.read_bytes() == before


BROKEN = [c for c in CASES if c[1] != 0]


@pytest.mark.parametrize(("name", "exit_code", "code", "line"), BROKEN, ids=[c[0] for c in BROKEN])
def test_every_command_refuses_a_broken_contract(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, name: str, exit_code: int, code: str | None, line: int | None
) -> None:
    """progress, render and record meet the same broken file with a message, never a crash."""
    import shutil

    copy = tmp_path / name
    shutil.copyfile(CORPUS / name, copy)
    before = copy.read_bytes()
    out = tmp_path / "site"
    runs = {
        "progress": cli("progress", copy),
        "render": cli("render", copy, "--format", "html", "--out", out),
        "record": cli("record", copy, "scholen", "2021", "15"),
    }
    for command, run in runs.items():
        assert run.code in (1, 2), (command, run.out, run.err)
        assert "Traceback" not in run.out + run.err, command
        assert "interne fout" not in run.err, (command, run.err)
        if code is not None:
            assert code in run.out + run.err, (command, run.out, run.err)
    assert copy.read_bytes() == before, "a broken contract was changed"
    assert not out.exists() or not any(out.iterdir()), "a document was written for it"
