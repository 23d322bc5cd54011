"""A contract that check accepts is one that record and log can write to as well."""

from __future__ import annotations

import difflib
from pathlib import Path

from .conftest import minimal_text


def test_a_tab_after_a_colon_is_read_by_record_and_log_as_check_reads_it(
    cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.yaml"
    path.write_text(minimal_text().replace("code: schone-stad", "code:\tschone-stad"))
    assert cli("check", path).code == 0
    before = path.read_text().splitlines()
    record = cli("record", path, "scholen", "2021", "14")
    assert (record.code, record.err) == (0, "")
    log = cli("log", path, "ins-1", "2020", "gereed")
    assert (log.code, log.err) == (0, "")
    after = path.read_text().splitlines()
    # Only the two entries are added; the tab stays where the author put it.
    added = [line[2:] for line in difflib.ndiff(before, after) if line.startswith(("+ ", "- "))]
    assert added == ["    uitvoering:", "      2020: {status: gereed}", "      2021: 14"]
    assert "code:\tschone-stad" in after
    assert cli("check", path).code == 0
