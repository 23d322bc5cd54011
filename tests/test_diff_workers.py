"""`diff` loads its sides on all cores and reads the old side from git in one batch: the
result is the same as one process reading file by file, and the batch refuses exactly the
files the single reads refuse."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from programmatool.pipeline import workers as parallel
from programmatool.pipeline.diff import compare_files, compare_since
from programmatool.pipeline.git import GitProblem, open_revision
from programmatool.presenting.diff import present

from .diff_goldens import amend, make_repository


def test_diff_of_folders_is_the_same_with_and_without_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repository(tmp_path / "gemeente")
    old = tmp_path / "oud"
    subprocess.run(["cp", "-r", str(root / "programmas"), str(old)], check=True)
    amend(root)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10_000)
    serial = present(compare_files(old, root / "programmas"), "json")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    assert present(compare_files(old, root / "programmas"), "json") == serial
    assert '"code"' in serial


def test_diff_since_reads_git_in_one_batch_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repository(tmp_path / "gemeente")
    amend(root)
    monkeypatch.chdir(root)
    batched = present(compare_since([Path("programmas")], "vastgesteld"), "text")
    from programmatool.pipeline import git

    calls: list[list[str]] = []
    original = git._run

    def counting(args: list[str], *rest: object, **kwargs: object) -> object:
        calls.append(args)
        return original(args, *rest, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(git, "_run", counting)
    assert present(compare_since([Path("programmas")], "vastgesteld"), "text") == batched
    # Seven files, but no single read per file: one batch of sizes (the contents stream from one
    # more process).
    assert [a for a in calls if a[:2] == ["cat-file", "-s"]] == []
    assert [a for a in calls if a[:2] == ["cat-file", "--batch-check"]] != []
    assert "2.400" in batched or "2400" in batched


def test_the_batch_reads_what_single_reads_read_and_refuses_what_they_refuse(
    tmp_path: Path,
) -> None:
    root = make_repository(tmp_path / "gemeente")
    revision = open_revision(root, "vastgesteld")
    files = revision.contract_files("programmas")
    assert len(files) == 7
    assert dict(revision.read_many(files, 10_000_000)) == {
        f: revision.read(f, 10_000_000) for f in files
    }
    with pytest.raises(GitProblem) as missing:
        list(revision.read_many([files[0], "programmas/weg.yaml"], 10_000_000))
    assert str(missing.value) == "programmas/weg.yaml bestond niet in vastgesteld"
    small = min(len(revision.read(f, 10_000_000)) for f in files)
    with pytest.raises(GitProblem) as large:
        list(revision.read_many(files, small))
    with pytest.raises(GitProblem) as single:
        for f in files:
            revision.read(f, small)
    assert str(large.value) == str(single.value)
    assert "bestand is te groot" in str(large.value)
