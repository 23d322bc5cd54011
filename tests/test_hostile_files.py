"""Hostile files that are made at test time: too large, very long lines, links, pipes, rights."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from programmatool.pipeline import run as pipeline

from .conftest import minimal_text


def test_fifty_megabyte_file_is_refused_quickly(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "groot.yaml"
    with big.open("wb") as handle:
        handle.write(minimal_text().encode())
        line = b"# " + b"x" * 1022 + b"\n"
        for _ in range(50 * 1024):
            handle.write(line)
    run = cli("check", big)
    assert run.code == 1
    assert "fout PT008 bestand is te groot" in run.out
    assert f"{big.as_posix()}:1:1:" in run.out


def test_very_long_line_is_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "lang.yaml"
    text = minimal_text().replace(
        "  De stad wordt schoner en groener.", "  " + "De stad wordt schoner. " * 200_000
    )
    path.write_text(text, encoding="utf-8")
    run = cli("check", path)
    assert run.code == 0, run.out


def test_symlink_loop_in_folder_does_not_hang(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.yaml").write_text(minimal_text(), encoding="utf-8")
    (tmp_path / "lus").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "x.yaml").symlink_to(tmp_path / "y.yaml")
    (tmp_path / "y.yaml").symlink_to(tmp_path / "x.yaml")
    run = cli("check", tmp_path)
    assert run.code == 2
    assert "x.yaml" in run.err and "y.yaml" in run.err
    assert "Geen fouten of waarschuwingen in 1 bestand." in run.out


def test_named_pipe_is_not_opened(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    os.mkfifo(tmp_path / "pijp.yaml")
    run = cli("check", tmp_path / "pijp.yaml")
    assert run.code == 2
    assert "geen gewoon bestand" in run.out


def test_unreadable_file(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "geheim.yaml"
    path.write_text(minimal_text(), encoding="utf-8")
    real_open = open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Toegang geweigerd")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    # Tests run as root, so file modes do not stop reading; the refusal is simulated.
    monkeypatch.setattr("builtins.open", deny)
    run = cli("check", path)
    assert run.code == 2
    assert "PT009 bestand kan niet gelezen worden" in run.out


def test_folder_named_like_a_contract_is_searched(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "map.yaml"
    folder.mkdir()
    (folder / "c.yaml").write_text(minimal_text(), encoding="utf-8")
    run = cli("check", folder)
    assert run.code == 0


def test_debug_shows_traceback_only_when_asked(
    cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(pipeline, "run", boom)
    path = tmp_path / "c.yaml"
    path.write_text(minimal_text(), encoding="utf-8")
    run = cli("check", path)
    assert run.code == 2
    assert "interne fout" in run.err and "--debug" in run.err
    assert "Traceback" not in run.err
    with pytest.raises(RuntimeError, match="kapot"):
        cli("--debug", "check", path)


@pytest.mark.parametrize(
    ("setting", "fragment"),
    [
        ("max_bytes = 200", "bestand is te groot"),
        ("max_depth = 2", "het document is te diep genest (meer dan 2 niveaus)"),
        ("max_nodes = 50", "het document heeft te veel elementen (meer dan 50)"),
    ],
)
def test_limits_are_configurable(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, fragment: str
) -> None:
    (tmp_path / "c.yaml").write_text(minimal_text(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("check", "c.yaml").code == 0
    (tmp_path / "programmatool.toml").write_text(f"[limieten]\n{setting}\n", encoding="utf-8")
    run = cli("check", "c.yaml")
    assert run.code == 1
    assert f"fout PT008 {fragment}" in run.out


def test_written_files_get_the_usual_mode(tmp_path: Path) -> None:
    import stat as st

    from programmatool.pipeline.writing import write_atomic

    new = tmp_path / "nieuw.txt"
    write_atomic(new, b"x")
    old_umask = os.umask(0o022)
    os.umask(old_umask)
    assert st.S_IMODE(new.stat().st_mode) == 0o666 & ~old_umask
    existing = tmp_path / "bestaand.txt"
    existing.write_bytes(b"a")
    existing.chmod(0o640)
    write_atomic(existing, b"b")
    assert st.S_IMODE(existing.stat().st_mode) == 0o640
    assert existing.read_bytes() == b"b"
