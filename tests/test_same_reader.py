"""A contract that check accepts never makes record or log end in an internal error."""

from __future__ import annotations

from pathlib import Path

from .conftest import minimal_text


def test_a_tab_after_a_colon_is_a_dutch_refusal_in_record_and_log(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.yaml"
    path.write_text(minimal_text().replace("code: schone-stad", "code:\tschone-stad"))
    before = path.read_bytes()
    assert cli("check", path).code == 0
    for args in (
        ("record", path, "scholen", "2021", "14"),
        ("log", path, "ins-1", "2020", "gereed"),
    ):
        run = cli(*args)
        assert run.code == 2, run.err
        assert "interne fout" not in run.err
        assert "regel 3, kolom 6: een tab na ':' of in de inspringing kan de tool niet precies" in (
            run.err
        )
    assert path.read_bytes() == before
