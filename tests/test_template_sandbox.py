"""A --templates folder is data, not code: its templates run in Jinja's sandbox, and in Markdown
templates every value is escaped unless a filter made it safe Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import MINIMAAL, minimal_text
from .test_markdown_safety import live_problems

HOSTILE = [
    "{{ doc.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ doc.contract.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.system('touch {marker}') }}",
    "{{ lipsum.__globals__['os'].system('touch {marker}') }}",
    "{{ doc.contract.model_config.__setitem__('extra', 'allow') }}",
    "{% set x = doc.doelen.append(1) %}{{ doc.doelen | length }}",
    "{{ doc.contract.__dict__ }}",
    "{{ status_teken.update({{'a': 'b'}}) }}",
    "{{ doc.contract._check_getal }}",
]


@pytest.mark.parametrize("formaat", ["html", "md"])
@pytest.mark.parametrize("source", HOSTILE)
def test_a_hostile_template_cannot_reach_python(
    tmp_path: Path, cli, formaat: str, source: str
) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "gedaan"
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / f"contract.{formaat}.j2").write_text(
        source.replace("{marker}", marker.as_posix()), encoding="utf-8"
    )
    out = tmp_path / "site"
    run = cli("render", MINIMAAL, "--format", formaat, "--out", out, "--templates", eigen)
    assert run.code == 2, (run.out, run.err)
    assert "contract." + formaat + ".j2" in run.err
    assert "Traceback" not in run.err
    assert not marker.exists()
    assert not out.exists() or not any(out.iterdir())


def test_the_message_says_what_a_template_may_do(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "contract.html.j2").write_text("<p>{{ doc.__class__ }}</p>\n", encoding="utf-8")
    run = cli("render", MINIMAAL, "--out", tmp_path / "site", "--templates", eigen)
    assert run.code == 2
    assert "contract.html.j2:1: het sjabloon vraagt iets wat een sjabloon niet mag" in run.err
    assert "een sjabloon kan alleen de gegevens van het document gebruiken, geen Python" in run.err


def test_a_user_markdown_template_escapes_every_value(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "contract.md.j2").write_text(
        "# {{ doc.contract.programma }}\n\n{{ doc.contract.gemeente }}\n\n"
        "{{ doc.contract.samenvatting | md(2) }}\n",
        encoding="utf-8",
    )
    source = tmp_path / "c.yaml"
    source.write_text(
        minimal_text()
        .replace("programma: Schone Stad", 'programma: "<img src=x onerror=alert(1)>"')
        .replace("gemeente: Voorbeeldstad", 'gemeente: "[klik](javascript:alert(2))"')
        .replace(
            "De stad wordt schoner en groener.",
            "De stad wordt **schoner**. <script>alert(3)</script>",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "md"
    run = cli("render", source, "--format", "md", "--out", out, "--templates", eigen)
    assert run.code == 0, run.err
    text = (out / "schone-stad.md").read_text(encoding="utf-8")
    assert live_problems(text) == []
    assert text.startswith("# \\<img src=x onerror=alert(1)\\>\n")
    assert "\\[klik\\](javascript:alert(2))" in text
    assert "De stad wordt **schoner**. \\<script\\>alert(3)\\</script\\>" in text


@pytest.mark.parametrize("formaat", ["html", "md"])
def test_the_packaged_templates_give_the_same_documents_in_the_sandbox(
    tmp_path: Path, cli, formaat: str
) -> None:  # type: ignore[no-untyped-def]
    from .conftest import FIXTURES

    eigen = tmp_path / "eigen"
    eigen.mkdir()
    sources = (MINIMAAL, FIXTURES / "render" / "volledig.yaml")
    plain, boxed = tmp_path / "gewoon", tmp_path / "sandbox"
    assert cli("render", *sources, "--format", formaat, "--out", plain).code == 0
    run = cli("render", *sources, "--format", formaat, "--out", boxed, "--templates", eigen)
    assert run.code == 0, run.err
    names = sorted(p.name for p in plain.iterdir())
    assert names == sorted(p.name for p in boxed.iterdir())
    for name in names:
        assert (plain / name).read_bytes() == (boxed / name).read_bytes(), name
