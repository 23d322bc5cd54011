"""`render` leaves a document alone whose inputs did not change and whose file is intact:
an unchanged run renders and writes no document again, a changed template, contract or a
deleted or damaged output is rendered again, and the documents are the same either way."""

from __future__ import annotations

import shutil
from pathlib import Path

from programmatool.pipeline.render import RenderResult, render

from .conftest import FIXTURES, MINIMAAL
from .test_publish_history import git

RIJK = FIXTURES / "render" / "rijk.yaml"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "programmas"
    folder.mkdir()
    shutil.copy(MINIMAAL, folder / "minimaal.yaml")
    shutil.copy(RIJK, folder / "rijk.yaml")
    return folder


def _render(folder: Path, out: Path, cache: Path | None, **extra: object) -> RenderResult:
    return render([folder], "html", out, cache_dir=cache, **extra)  # type: ignore[arg-type]


def _stamps(out: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(out.iterdir())}


def _names(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def test_an_unchanged_render_writes_no_document_again(tmp_path: Path) -> None:
    folder, out, cache = _folder(tmp_path), tmp_path / "site", tmp_path / "cache"
    first = _render(folder, out, cache)
    assert first.unchanged == []
    before = _stamps(out)
    second = _render(folder, out, cache)
    assert _names(second.unchanged) == ["schone-stad.html", "levendige-binnenstad.html"]
    # The same files are reported, in the same order, as after the first run.
    assert second.written == first.written
    after = _stamps(out)
    for naam in ("schone-stad.html", "levendige-binnenstad.html"):
        assert after[naam] == before[naam]
    # The portfolio page is always made again (it is the parent's own page).
    assert after["index.html"] != before["index.html"]


def test_unchanged_documents_are_byte_for_byte_what_a_fresh_render_makes(tmp_path: Path) -> None:
    folder, out, cache = _folder(tmp_path), tmp_path / "site", tmp_path / "cache"
    _render(folder, out, cache)
    assert _names(_render(folder, out, cache).unchanged) != []
    fresh = tmp_path / "vers"
    _render(folder, fresh, None)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in fresh.iterdir())
    for page in fresh.iterdir():
        assert (out / page.name).read_bytes() == page.read_bytes(), page.name


def test_a_deleted_or_damaged_document_is_rendered_again(tmp_path: Path) -> None:
    folder, out, cache = _folder(tmp_path), tmp_path / "site", tmp_path / "cache"
    _render(folder, out, cache)
    good = (out / "levendige-binnenstad.html").read_bytes()
    (out / "levendige-binnenstad.html").unlink()
    (out / "schone-stad.html").write_text("kapot", encoding="utf-8")
    again = _render(folder, out, cache)
    assert again.unchanged == []
    assert (out / "levendige-binnenstad.html").read_bytes() == good
    assert "kapot" not in (out / "schone-stad.html").read_text(encoding="utf-8")


def test_a_changed_contract_renders_only_its_own_document(tmp_path: Path) -> None:
    folder, out, cache = _folder(tmp_path), tmp_path / "site", tmp_path / "cache"
    _render(folder, out, cache)
    contract = folder / "minimaal.yaml"
    contract.write_text(
        contract.read_text(encoding="utf-8").replace(
            "De stad wordt schoner en groener.", "De stad wordt veel schoner."
        ),
        encoding="utf-8",
    )
    again = _render(folder, out, cache)
    assert _names(again.unchanged) == ["levendige-binnenstad.html"]
    assert "De stad wordt veel schoner." in (out / "schone-stad.html").read_text(encoding="utf-8")


def test_a_changed_template_renders_every_document_again(tmp_path: Path) -> None:
    folder, out, cache = _folder(tmp_path), tmp_path / "site", tmp_path / "cache"
    eigen = tmp_path / "sjablonen"
    eigen.mkdir()
    template = eigen / "contract.html.j2"
    template.write_text('{% extends "standaard/contract.html.j2" %}\n', encoding="utf-8")
    _render(folder, out, cache, templates=eigen)
    assert _names(_render(folder, out, cache, templates=eigen).unchanged) != []
    template.write_text(
        '{% extends "standaard/contract.html.j2" %}\n{# aangepast #}\n', encoding="utf-8"
    )
    assert _render(folder, out, cache, templates=eigen).unchanged == []
    # Without the user's templates the documents are other ones again.
    assert _render(folder, out, cache).unchanged == []


def test_without_a_cache_every_document_is_rendered(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "site"
    _render(folder, out, None)
    before = _stamps(out)
    assert _render(folder, out, None).unchanged == []
    after = _stamps(out)
    assert after["schone-stad.html"] != before["schone-stad.html"]


def test_the_command_says_which_documents_it_left_unchanged(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, out = _folder(tmp_path), tmp_path / "site"
    first = cli("render", folder, "--format", "html", "--out", out)
    assert first.code == 0, first.err
    assert first.out.splitlines() == [
        f"geschreven: {out.as_posix()}/schone-stad.html",
        f"geschreven: {out.as_posix()}/levendige-binnenstad.html",
        f"geschreven: {out.as_posix()}/index.html",
    ]
    rijk = folder / "rijk.yaml"
    text = rijk.read_text(encoding="utf-8")
    rijk.write_text(
        text.replace("komen vaker en blijven", "komen vaker en blijven veel", 1), encoding="utf-8"
    )
    second = cli("render", folder, "--format", "html", "--out", out)
    assert second.code == 0, second.err
    assert second.out.splitlines() == [
        f"ongewijzigd: {out.as_posix()}/schone-stad.html",
        f"geschreven: {out.as_posix()}/levendige-binnenstad.html",
        f"geschreven: {out.as_posix()}/index.html",
    ]


def test_a_new_commit_of_an_unchanged_file_renders_its_card_again(tmp_path: Path) -> None:
    # The card's line comes from the file's history: when the adopted version is committed,
    # the file's bytes stay the same, yet the document must say what git now knows.
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    adopted = MINIMAAL.read_text(encoding="utf-8")
    concept = adopted.replace(
        "status: vastgesteld\nvastgesteld_op: 2019-06-11\n", "status: concept\n"
    )
    assert concept != adopted
    contract = repo / "schone-stad.yaml"
    contract.write_text(concept, encoding="utf-8")
    git(repo, "add", "schone-stad.yaml")
    git(repo, "commit", "-q", "-m", "concept")
    contract.write_text(adopted, encoding="utf-8")  # adopted, not yet committed
    out, cache = tmp_path / "site", tmp_path / "cache"

    first = render([contract], "html", out, cache_dir=cache)
    assert first.unchanged == []
    page = (out / "schone-stad.html").read_text(encoding="utf-8")
    assert "Vastgestelde versie niet gevonden: geen versie met status vastgesteld" in page
    assert _names(render([contract], "html", out, cache_dir=cache).unchanged) == [
        "schone-stad.html"
    ]

    git(repo, "commit", "-q", "-am", "vastgesteld")
    again = render([contract], "html", out, cache_dir=cache)
    assert again.unchanged == []
    page = (out / "schone-stad.html").read_text(encoding="utf-8")
    assert "Vastgestelde versie niet gevonden" not in page
    assert "Geen wijzigingen sinds vaststelling" in page
    assert page == _fresh(tmp_path, contract)


def _fresh(tmp_path: Path, contract: Path) -> str:
    fresh = tmp_path / "vers"
    render([contract], "html", fresh, cache_dir=None)
    return (fresh / "schone-stad.html").read_text(encoding="utf-8")


def test_an_unchanged_render_loads_no_contract(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A warm render neither parses the files (the first pass is check's cache) nor loads a
    # contract whose document is left as it was: only the portfolio page is made again.
    import programmatool.loading as loading

    folder, out, cache = _folder(tmp_path), tmp_path / "site", tmp_path / "cache"
    _render(folder, out, cache)
    loaded: list[str] = []
    real = loading.load_bytes

    def counting(raw: bytes, name: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        loaded.append(Path(name).name)
        return real(raw, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "load_bytes", counting)
    second = _render(folder, out, cache)
    assert _names(second.unchanged) == ["schone-stad.html", "levendige-binnenstad.html"]
    assert loaded == []
    (folder / "rijk.yaml").write_text(
        RIJK.read_text(encoding="utf-8") + "\n# een opmerking\n", encoding="utf-8"
    )
    third = _render(folder, out, cache)
    assert _names(third.unchanged) == ["schone-stad.html"]
    # The changed file is read by check's pass and by the worker that renders it.
    assert loaded == ["rijk.yaml", "rijk.yaml"]
