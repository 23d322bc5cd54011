"""PT4xx: rules over every contract given to one check."""

from __future__ import annotations

from pathlib import Path

from .test_rules_support import basis_text, findings, line_of, variant


def _second(tmp_path: Path, code: str = "groen", relaties: str = "") -> Path:
    path = tmp_path / "tweede.yaml"
    path.write_text(
        basis_text().replace("code: schone-stad\n", f"code: {code}\n") + relaties,
        encoding="utf-8",
    )
    return path


def test_pt401_relation_to_unknown_programme(tmp_path: Path) -> None:
    first = variant(tmp_path, "projecten:\n", "relaties:\n  - programma: gron\nprojecten:\n")
    second = _second(tmp_path, relaties="relaties:\n  - programma: schone-stad\n")
    [f] = findings(first, second, code="PT401")
    assert (f.path, f.line, f.column) == (first.as_posix(), line_of(first, "gron"), 16)
    assert f.message == (
        "relatie met programma 'gron', maar geen contract in deze controle heeft die code; "
        "bedoelde u 'groen'?"
    )


def test_pt401_silent_for_a_single_file(tmp_path: Path) -> None:
    first = variant(tmp_path, "projecten:\n", "relaties:\n  - programma: elders\nprojecten:\n")
    assert findings(first, code="PT401") == []


def test_pt402_two_contracts_with_the_same_code(tmp_path: Path) -> None:
    second = _second(tmp_path, code="schone-stad")
    first = variant(tmp_path, "vastgesteld_op", "vastgesteld_op", name="a.yaml")
    [f] = findings(first, second, code="PT402")
    assert (f.path, f.line) == (second.as_posix(), 3)
    assert f.message == f"code 'schone-stad' wordt ook gebruikt door {first.as_posix()}"


def test_pt403_relation_stated_on_one_side(tmp_path: Path) -> None:
    first = variant(tmp_path, "projecten:\n", "relaties:\n  - programma: groen\nprojecten:\n")
    second = _second(tmp_path)
    [f] = findings(first, second, code="PT403")
    assert (f.path, f.line, f.severity) == (
        first.as_posix(),
        line_of(first, "programma: groen"),
        "waarschuwing",
    )
    assert f.message == (
        f"relatie met 'groen' staat alleen hier: {second.as_posix()} noemt 'schone-stad' niet "
        "bij zijn relaties"
    )


def test_pt403_relation_on_both_sides_is_fine(tmp_path: Path) -> None:
    first = variant(tmp_path, "projecten:\n", "relaties:\n  - programma: groen\nprojecten:\n")
    second = _second(tmp_path, relaties="relaties:\n  - programma: schone-stad\n")
    assert findings(first, second) == []
