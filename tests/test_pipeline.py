"""The one pipeline under every command: files, limits, cache, workers and exit codes."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from programmatool.pipeline import run as pipeline
from programmatool.pipeline import workers as parallel
from programmatool.pipeline.check import check

from .conftest import MINIMAAL, PROGRAMMAS, minimal_text, run_process


def _deny_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Reading ``folder``'s entries fails as for a folder without read permission (the tests
    run as root, for whom modes do not stop reading, so the refusal is simulated)."""
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


def _deny_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Opening ``path`` fails and ``os.access`` says it is unreadable (as for mode 000)."""
    import builtins

    real_open = builtins.open
    real_access = os.access

    def deny_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def deny_access(file: object, mode: int, *args: object, **kwargs: object) -> bool:
        if str(file) == str(path):
            return False
        return real_access(file, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "open", deny_open)
    monkeypatch.setattr(os, "access", deny_access)


@pytest.mark.parametrize("command", ["check", "progress"])
def test_unreadable_subfolder_is_reported_not_skipped(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "ok.yaml").write_text(minimal_text(), encoding="utf-8")
    hidden = tmp_path / "sub"
    hidden.mkdir()
    (hidden / "kapot.yaml").write_text("programma: [\n", encoding="utf-8")
    _deny_folder(monkeypatch, hidden)
    run = cli(command, tmp_path)
    assert run.code == 2
    assert f"{hidden.as_posix()}: map kan niet gelezen worden: geen toegang (rechten)" in run.err


def test_unreadable_subfolder_in_render(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "programmas"
    folder.mkdir()
    (folder / "ok.yaml").write_text(minimal_text(), encoding="utf-8")
    hidden = folder / "sub"
    hidden.mkdir()
    _deny_folder(monkeypatch, hidden)
    run = cli("render", folder, "--out", tmp_path / "site", "--format", "md")
    assert run.code == 2
    assert "map kan niet gelezen worden" in run.err


@pytest.mark.parametrize("command", ["check", "progress", "render"])
def test_unreadable_file_named_on_the_command_line_gets_pt009(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "geheim.yaml"
    path.write_text(minimal_text(), encoding="utf-8")
    _deny_file(monkeypatch, path)
    args = ["--out", str(tmp_path / "site")] if command == "render" else []
    run = cli(command, path, *args)
    assert run.code == 2
    text = run.out + run.err
    assert "PT009 bestand kan niet gelezen worden: geen toegang (rechten)" in text
    assert "ongeldige waarde" not in text and "Invalid value" not in text


def test_record_refuses_a_pipe_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.yaml")
    run = run_process("record", "pijp.yaml", "scholen", "2020", "5", cwd=tmp_path)
    assert run.code == 2
    assert "PT009 is geen gewoon bestand" in run.err
    assert "niets gewijzigd" in run.err


@pytest.fixture
def small_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with one contract and a configuration whose ``max_bytes`` it exceeds."""
    (tmp_path / "programmatool.toml").write_text("[limieten]\nmax_bytes = 200\n")
    shutil.copy(MINIMAAL, tmp_path / "groot.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", ["check", "progress", "render"])
def test_every_command_honours_the_configured_limits(cli, small_limit: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    args = ["--out", str(small_limit / "site")] if command == "render" else []
    run = cli(command, "groot.yaml", *args)
    assert run.code == 1
    assert "groot.yaml:1:1: fout PT008 bestand is te groot" in run.out + run.err
    assert "maximaal 200 bytes" in run.out + run.err


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    loads: list[str] = []
    original = pipeline.check_one

    def counting(name: str, *args: object) -> object:
        loads.append(name)
        return original(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "check_one", counting)
    return loads


def test_warm_progress_reads_no_contract_again(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(tmp_path / "cache"))
    for fmt in ("table", "json", "csv"):
        cold = cli("progress", PROGRAMMAS, "--format", fmt)
        loads = _count_loads(monkeypatch)
        warm = cli("progress", PROGRAMMAS, "--format", fmt)
        monkeypatch.undo()
        monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(tmp_path / "cache"))
        assert loads == []
        assert (warm.code, warm.out, warm.err) == (cold.code, cold.out, cold.err)
        fresh = cli("progress", PROGRAMMAS, "--format", fmt, "--no-cache")
        assert (fresh.code, fresh.out) == (cold.code, cold.out)


def test_progress_after_check_loads_only_for_its_own_product(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(tmp_path / "cache"))
    cli("check", PROGRAMMAS)
    loads = _count_loads(monkeypatch)
    cli("progress", PROGRAMMAS, "--format", "json")
    # The check outcome is reused: the files are loaded once for their progress, not checked.
    assert len(loads) == len(list(PROGRAMMAS.glob("*.yaml")))
    loads.clear()
    cli("check", PROGRAMMAS)
    assert loads == []


def test_a_changed_file_is_recomputed_for_progress(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PROGRAMMATOOL_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "programmas"
    folder.mkdir()
    contract = folder / "c.yaml"
    contract.write_text(minimal_text(), encoding="utf-8")
    before = cli("progress", folder, "--format", "json")
    assert '"realisatie": 11' in before.out
    contract.write_text(
        minimal_text().replace("{waarde: 11, bron: Jaarverslag 2020}", "{waarde: 12}"),
        encoding="utf-8",
    )
    after = cli("progress", folder, "--format", "json")
    assert '"realisatie": 12' in after.out


def _copies(folder: Path, n: int) -> Path:
    folder.mkdir()
    text = minimal_text()
    for i in range(n):
        (folder / f"c{i:02d}.yaml").write_text(
            text.replace("code: schone-stad", f"code: stad-{i:02d}"), encoding="utf-8"
        )
    (folder / "kapot.yaml").write_text("programma: [\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_give_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    folder = _copies(tmp_path / "p", 6)
    serial = check([folder], jobs=1)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "START_METHOD", method)
    spread = check([folder], jobs=2)
    assert spread.findings == serial.findings
    assert [r.path for r in spread.results] == [r.path for r in serial.results]
    assert spread.exit_code() == serial.exit_code() == 1


def test_exit_codes_are_decided_in_one_place(tmp_path: Path) -> None:
    folder = _copies(tmp_path / "p", 1)
    result = pipeline.run([folder])
    assert result.exit_code() == 1  # the broken file's error
    assert result.exit_code(judge="loaded") == 1  # a contract was skipped
    good = pipeline.run([MINIMAAL])
    assert good.exit_code() == 0
    assert good.exit_code(strict=True) == good.exit_code() == 0
    missing = pipeline.run([tmp_path / "bestaat-niet"])
    assert missing.problems and missing.exit_code() == 2


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "BAR_AFTER_SECONDS", 0.0)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    piped = pipeline._Bar("Controleren", 10)
    piped.update(1)
    assert piped.progress is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setenv("CI", "true")
    ci = pipeline._Bar("Controleren", 10)
    ci.update(1)
    assert ci.progress is None
    monkeypatch.delenv("CI")
    terminal = pipeline._Bar("Controleren", 10)
    terminal.update(3)
    try:
        assert terminal.progress is not None
        assert terminal.progress.tasks[0].completed == 3
    finally:
        terminal.close()


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(PROGRAMMAS)],
        ["check", "--format", "json", str(PROGRAMMAS)],
        ["check", "--strict", "--no-cache", str(MINIMAAL)],
        ["check", "--format=github", "-j", "1", str(PROGRAMMAS / "zorg.yaml")],
        ["check", "bestaat-niet.yaml"],
        ["check", "--format", "xml", str(MINIMAAL)],
    ],
)
def test_quick_start_of_check_equals_the_full_command_line(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from programmatool.cli.app import main as full
    from programmatool.entry import main as quick

    code = quick(args)
    fast = (code, *capsys.readouterr())
    code = full(args)
    slow = (code, *capsys.readouterr())
    assert fast == slow


def test_quick_start_leaves_help_and_unknown_options_to_the_command_line() -> None:
    from programmatool.cli.quick import quick_check

    assert quick_check(["--help"]) is None
    assert quick_check(["--onbekend", "x.yaml"]) is None
    assert quick_check(["--jobs", "0", "x.yaml"]) is None
    assert quick_check([]) is None


def test_warm_check_imports_neither_typer_nor_pydantic(tmp_path: Path) -> None:
    import subprocess

    env = dict(os.environ, PROGRAMMATOOL_CACHE_DIR=str(tmp_path / "cache"))
    probe = (
        "import sys\n"
        "from programmatool.entry import main\n"
        "code = main(['check', sys.argv[1]])\n"
        "heavy = sorted(m for m in ('typer', 'pydantic', 'ruamel.yaml', 'rich.console') "
        "if m in sys.modules)\n"
        "print(code, heavy)\n"
    )
    cold = subprocess.run(
        [sys.executable, "-c", probe, str(PROGRAMMAS)], capture_output=True, text=True, env=env
    )
    assert cold.stdout.strip().splitlines()[-1].startswith("1 ")
    warm = subprocess.run(
        [sys.executable, "-c", probe, str(PROGRAMMAS)], capture_output=True, text=True, env=env
    )
    assert warm.stdout.strip().splitlines()[-1] == "1 []"
