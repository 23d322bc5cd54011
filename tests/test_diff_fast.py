"""`diff` pairs files with the same bytes on both sides without reading them twice and
compares only the others (in workers): the result is exactly that of loading and comparing
every contract, for folders and for ``--sinds``, with renames, new, removed and unchanged
programmes; and whatever the fast path cannot vouch for, the plain comparison reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import programmatool.loading as loading
from programmatool.diff.result import DiffProblem
from programmatool.pipeline import diff as pipeline_diff
from programmatool.pipeline import workers as parallel
from programmatool.pipeline.diff import blob_id, compare_files, compare_since
from programmatool.presenting.diff import present

from .diff_goldens import amend, make_repository


def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, the plain comparison: every contract loaded and compared."""
    monkeypatch.setattr(pipeline_diff, "_compare_versions", lambda *_args: None)


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []
    original = loading.load_bytes

    def counting(raw: bytes, name: str, *rest: object, **kwargs: object) -> object:
        names.append(name)
        return original(raw, name, *rest, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "load_bytes", counting)
    return names


def _scenario(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A repository whose contracts changed since the tag: a lowered target, moved money, a
    reflowed paragraph (``amend``), one file renamed unchanged, one removed, one added."""
    root = make_repository(tmp_path / "gemeente")
    old = tmp_path / "oud"
    shutil.copytree(root / "programmas", old)
    amend(root)
    programmas = root / "programmas"
    (programmas / "veiligheid.yaml").rename(programmas / "veiligheid-2019.yaml")
    (programmas / "omgevingswet.yaml").unlink()
    text = (old / "zorg.yaml").read_text(encoding="utf-8")
    (programmas / "zorg-kopie.yaml").write_text(
        text.replace("code: zorg\n", "code: zorg-kopie\n", 1), encoding="utf-8"
    )
    return root, old, programmas


@pytest.mark.parametrize("formaat", ["json", "text", "markdown"])
def test_folders_give_what_comparing_every_contract_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formaat: str
) -> None:
    _root, old, new = _scenario(tmp_path)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)  # the workers, as with many contracts
    fast = present(compare_files(old, new), formaat)
    _plain(monkeypatch)
    assert present(compare_files(old, new), formaat) == fast
    if formaat == "json":
        assert '"status": "verwijderd"' in fast and '"status": "nieuw"' in fast


@pytest.mark.parametrize("formaat", ["json", "text"])
def test_since_gives_what_comparing_every_contract_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formaat: str
) -> None:
    root, _old, _new = _scenario(tmp_path)
    monkeypatch.chdir(root)
    fast = present(compare_since([Path("programmas")], "vastgesteld"), formaat)
    _plain(monkeypatch)
    assert present(compare_since([Path("programmas")], "vastgesteld"), formaat) == fast


def test_unchanged_files_are_read_once_and_only_changed_ones_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, old, new = _scenario(tmp_path)
    loads = _count_loads(monkeypatch)
    result = compare_files(old, new)
    # Loaded: the new files once each, the old versions of the 3 amended and of the removed
    # one; then the 3 amended pairs and the new and the removed programme again to compare.
    amended = ["binnenstad.yaml", "duurzaamheid.yaml", "economie-participatie.yaml"]
    old_loaded = sorted(Path(n).name for n in loads if n.startswith(old.as_posix()))
    assert old_loaded == sorted([*amended, "omgevingswet.yaml"] * 2)
    assert {p.status for p in result.programmes} == {
        "gewijzigd",
        "ongewijzigd",
        "nieuw",
        "verwijderd",
    }
    loads.clear()
    monkeypatch.chdir(root)
    since = compare_since([Path("programmas")], "vastgesteld")
    # In the repository the unchanged file under a new name is a rename, read once.
    renamed = [(p.code, p.status) for p in since.programmes if p.renamed]
    assert renamed == [("veiligheid", "ongewijzigd")]
    from_git = sorted(n.split(":", 1)[1] for n in loads if n.startswith("vastgesteld:"))
    assert from_git == sorted(f"programmas/{n}" for n in [*amended, "omgevingswet.yaml"] * 2)


def test_the_blob_id_is_gits() -> None:
    # The id git gives the same bytes: an unchanged file is recognised without reading git.
    assert blob_id(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
    assert blob_id(b"hallo\n") == "4cf5aa5f9a644263dbe3d6e78bcbef45487a802c"


def test_two_files_with_one_content_are_left_to_the_plain_comparison(tmp_path: Path) -> None:
    _root, old, new = _scenario(tmp_path)
    shutil.copy(new / "binnenstad.yaml", new / "binnenstad-dubbel.yaml")
    with pytest.raises(DiffProblem) as raised:
        compare_files(old, new)
    assert raised.value.message.startswith("code 'binnenstad' staat in ")


def test_a_broken_file_is_reported_as_the_plain_comparison_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _root, old, new = _scenario(tmp_path)
    (old / "zorg.yaml").write_text("programma: [\n", encoding="utf-8")
    with pytest.raises(DiffProblem) as fast:
        compare_files(old, new)
    _plain(monkeypatch)
    with pytest.raises(DiffProblem) as plain:
        compare_files(old, new)
    assert (fast.value.message, fast.value.details) == (plain.value.message, plain.value.details)
    assert "zorg.yaml kon niet worden ingelezen" in fast.value.message
