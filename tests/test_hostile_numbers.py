"""Hostile numbers and line breaks get a located Dutch message from every command, and a
hostile file is read once, by the fast parser, never a second time by the slow one."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import minimal_text


def _write(tmp_path: Path, old: str, new: str, name: str = "c.yaml") -> tuple[Path, str]:
    text = minimal_text()
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path, text


def _position(text: str, needle: str) -> tuple[int, int]:
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


HUGE_HEX = "0x" + "f" * 5000
HUGE_OCTAL = "0o" + "7" * 5000


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "peiljaar: 2018",
            "peiljaar: 0x7E2",
            "0x7E2",
            "getal '0x7E2' staat in hexadecimale notatie; schrijf het als gewoon decimaal getal "
            "(2018)",
        ),
        (
            "{2019: 8, 2020: 12",
            "{0x7E3: 8, 2020: 12",
            "0x7E3",
            "getal '0x7E3' staat in hexadecimale notatie; schrijf het als gewoon decimaal getal "
            "(2019)",
        ),
        ("peilwaarde: 5", "peilwaarde: 0o17", "0o17", "staat in octale notatie"),
        ("peilwaarde: 5", "peilwaarde: 0b101", "0b101", "staat in binaire notatie"),
        (
            "peilwaarde: 5",
            f"peilwaarde: {HUGE_HEX}",
            HUGE_HEX,
            "getal '0xfffffffffffffffffffffffffffffffffffff…' (5002 tekens) staat in hexadecimale",
        ),
        ("peilwaarde: 5", f"peilwaarde: {HUGE_OCTAL}", HUGE_OCTAL, "staat in octale notatie"),
        ("peilwaarde: 5", "peilwaarde: " + "9" * 5000, "9" * 5000, "(5000 tekens) is te groot"),
    ],
)
def test_numbers_in_other_notations_or_of_any_length(
    cli, tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    path, text = _write(tmp_path, old, new)
    line, column = _position(text, needle)
    run = cli("check", path)
    assert run.code == 1
    assert f"c.yaml:{line}:{column}: fout PT012 " in run.out
    assert message in run.out
    assert "interne fout" not in run.err
    for args in (("progress",), ("render", "--out", tmp_path / "site")):
        run = cli(*args, path)
        assert run.code == 1, args
        assert f"c.yaml:{line}:{column}: fout PT012" in run.err
        assert "interne fout" not in run.err
    before = path.read_bytes()
    run = cli("record", path, "scholen", "2021", "14")
    assert run.code == 1
    assert f"c.yaml:{line}:{column}: fout PT012" in run.err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x85", "NEL (U+0085"),
        ("\u2028", "regelscheiding (U+2028"),
        ("\u2029", "alineascheiding (U+2029"),
        ("\r", "losse regelterugloop"),
    ],
)
def test_line_breaks_that_readers_disagree_on(cli, tmp_path: Path, char: str, name: str) -> None:  # type: ignore[no-untyped-def]
    # In a comment and in a plain value: libyaml, ruamel.yaml and str.splitlines would each
    # count lines differently after it. Every command reports the same place instead.
    path, text = _write(
        tmp_path, "    titel: De stad is schoner\n", f"    titel: De stad{char}is schoner\n"
    )
    line, column = _position(text, char)
    expected = f"c.yaml:{line}:{column}: fout PT001 het bestand bevat "
    run = cli("check", path)
    assert run.code == 1
    assert expected in run.out and name in run.out
    for args in (("progress",), ("render", "--out", tmp_path / "site")):
        run = cli(*args, path)
        assert run.code == 1
        assert expected in run.err
    before = path.read_bytes()
    run = cli("record", path, "scholen", "2021", "14")
    assert run.code == 1
    assert expected in run.err
    assert path.read_bytes() == before


def test_the_same_characters_inside_double_quotes_are_text(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _ = _write(
        tmp_path, "    titel: De stad is schoner\n", '    titel: "De stad\\Lis\\Nschoner"\n'
    )
    assert cli("check", path).code == 0


def test_a_lone_surrogate_escape_is_located(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, text = _write(tmp_path, "gemeente: Voorbeeldstad", 'gemeente: "Voorbeeld\\ud800stad"')
    line, column = _position(text, '"Voorbeeld')
    run = cli("check", path)
    assert run.code == 1
    assert f"c.yaml:{line}:{column}: fout PT001 ongeldig teken U+D800" in run.out


@pytest.mark.parametrize(
    "text",
    [
        minimal_text() + "programma: Nog eens\n",  # a duplicate key (PT002)
        minimal_text() + "verwachte_resultaten:\n" + "  - a\n" * 600_000,  # over max_nodes
        minimal_text().replace("peiljaar: 2018", "peiljaar: 0x7E2"),  # a hex number
    ],
    ids=["dubbele-sleutel", "te-veel-elementen", "hexadecimaal"],
)
def test_a_hostile_file_is_read_once_by_the_fast_parser(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bound on the fallback: only a syntax error is read a second time, by the slow pure
    parser; what the builder finds is reported from the fast reading (see
    benchmarks/hostile_parse.py for the times)."""
    from programmatool.loading import events, load_text

    if events._c_parser() is None:
        pytest.skip("ruamel.yaml.clib is not installed: there is only the pure parser")
    readings: list[bool] = []
    original = events._build

    def counting(*args: object, **kwargs: object) -> object:
        readings.append(bool(kwargs.get("fast")))
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(events, "_build", counting)
    result = load_text(text, "c.yaml")
    assert result.contract is None
    assert result.findings
    assert readings == [True]


def test_a_syntax_error_is_explained_by_the_pure_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    from programmatool.loading import events, load_text

    readings: list[bool] = []
    original = events._build

    def counting(*args: object, **kwargs: object) -> object:
        readings.append(bool(kwargs.get("fast")))
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(events, "_build", counting)
    result = load_text(minimal_text() + "extra: [open\n", "c.yaml")
    assert [f.code for f in result.findings] == ["PT001"]
    assert readings[-1] is False
