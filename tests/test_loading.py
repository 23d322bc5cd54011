"""Loading: every kind of load error gets a Dutch message with the right line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from programmatool.loading import Limits, load_bytes, load_contract, load_text

from .conftest import MINIMAAL, minimal_text


def only(text: str) -> tuple[int, int, str, str]:
    result = load_text(text, "c.yaml")
    assert result.contract is None
    assert len(result.findings) == 1, [f.as_text() for f in result.findings]
    f = result.findings[0]
    return f.line, f.column, f.code, f.message


def test_minimal_contract_loads() -> None:
    result = load_contract(MINIMAAL)
    assert result.ok
    assert result.findings == []
    assert result.contract is not None
    assert result.contract.code == "schone-stad"
    assert result.contract.indicatoren[0].streefwaarden == {2019: 8, 2020: 12, 2021: 17, 2022: 20}
    # The scalar shorthand of a realisation means its value.
    assert result.contract.indicatoren[0].realisaties[2019].waarde == 9


def test_wrong_type_points_at_value() -> None:
    text = minimal_text().replace(
        "periode: {start: 2019, eind: 2022}", "periode:\n  start: 2019\n  eind: tweeduizend"
    )
    line, col, code, msg = only(text)
    assert (code, msg) == (
        "PT012",
        "veld 'eind': verwacht een jaartal zoals 2019, of 'onbekend', gevonden 'tweeduizend'",
    )
    assert text.splitlines()[line - 1][col - 1 :].startswith("tweeduizend")


def test_missing_field_points_at_mapping() -> None:
    text = minimal_text().replace("gemeente: Voorbeeldstad\n", "")
    line, col, code, msg = only(text)
    assert code == "PT010"
    assert msg == "verplicht veld 'gemeente' ontbreekt"
    assert (line, col) == (2, 1)


def test_unknown_key_with_suggestion() -> None:
    text = minimal_text().replace("streefwaarden:", "streefwaardes:")
    result = load_text(text, "c.yaml")
    messages = [(f.code, f.message) for f in result.findings]
    assert ("PT011", "onbekend veld 'streefwaardes'; bedoelde u 'streefwaarden'?") in messages
    f = next(f for f in result.findings if f.code == "PT011")
    assert text.splitlines()[f.line - 1][f.column - 1 :].startswith("streefwaardes:")


def test_year_as_string_is_refused() -> None:
    text = minimal_text().replace("{2019: 8,", '{"2019": 8,')
    line, col, code, msg = only(text)
    assert code == "PT012"
    assert "jaartal" in msg and "'2019'" in msg
    assert text.splitlines()[line - 1][col - 1 :].startswith('"2019"')


def test_literal_choice() -> None:
    _line, _col, code, msg = only(minimal_text().replace("rol: regie", "rol: baas"))
    assert code == "PT013"
    assert "'baas'" in msg and "'regie'" in msg and "'faciliterend'" in msg


def test_every_error_is_reported_not_only_the_first() -> None:
    text = (
        minimal_text()
        .replace("eind: 2022}", "eind: morgen}")
        .replace("rol: regie", "rol: baas")
        .replace("trekker: Team Afval", "trekker: Team Afval\n    prioriteit: hoog")
    )
    result = load_text(text, "c.yaml")
    assert sorted(f.code for f in result.findings) == ["PT011", "PT012", "PT013"]


def test_syntax_error() -> None:
    line, _col, code, msg = only("programma: x\nlijst: [1, 2\n")
    assert code == "PT001"
    assert "]" in msg
    assert line == 2  # where the unclosed bracket opened


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("programma: x\nrollen: [\n", (3, 1), "houdt onverwacht op (een lijst met [ of mapping"),
        ("programma: x\nrollen: {\n", (3, 1), "houdt onverwacht op (een lijst met [ of mapping"),
        ("programma: x\nrollen: [,]\n", (2, 10), "verwacht een waarde binnen [ ] of { }"),
        ("programma: x\nrollen: {a: [}\n", (2, 14), "verwacht een waarde binnen [ ] of { }"),
    ],
)
def test_unclosed_or_empty_flow_collections_are_explained(
    text: str, position: tuple[int, int], fragment: str
) -> None:
    line, col, code, msg = only(text)
    assert (code, (line, col)) == ("PT001", position)
    assert fragment in msg
    assert "op deze plaats" not in msg  # not the generic fallback


def test_tab_indentation() -> None:
    line, _col, code, msg = only("programma: x\nperiode:\n\tstart: 2019\n")
    assert code == "PT001"
    assert "tab" in msg
    assert line == 3


def test_duplicate_keys_all_reported() -> None:
    text = minimal_text() + "code: nog-een\nperiode: {start: 2019, eind: 2022}\n"
    result = load_text(text, "c.yaml")
    dups = [f for f in result.findings if f.code == "PT002"]
    assert [f.message for f in dups] == [
        "sleutel 'code' komt dubbel voor (eerder op regel 3)",
        "sleutel 'periode' komt dubbel voor (eerder op regel 7)",
    ]
    assert result.contract is None


def test_nested_duplicate_key() -> None:
    text = minimal_text().replace(
        "    peiljaar: 2018\n", "    peiljaar: 2018\n    peiljaar: 2017\n"
    )
    result = load_text(text, "c.yaml")
    assert [f.code for f in result.findings] == ["PT002"]


@pytest.mark.parametrize(
    "raw, code, fragment",
    [
        (b"", "PT004", "leeg"),
        (b"# alleen commentaar\n", "PT004", "leeg"),
        (b"- a\n- b\n", "PT005", "lijst"),
        (b"gewoon tekst\n", "PT005", "losse waarde"),
        ("programma: caf\u00e9\n".encode("latin-1"), "PT003", "UTF-8"),
        ("programma: x\n".encode("utf-16"), "PT003", "UTF-16"),
        (b"a: 1\n\x00\x01\x02", "PT003", "binaire"),
        (b"a: 1\n---\nb: 2\n", "PT007", "meer dan één"),
        (b"a: !!python/object:os.system x\n", "PT006", "label"),
        (b"a: !include andere.yaml\n", "PT006", "label"),
    ],
)
def test_file_level_problems(raw: bytes, code: str, fragment: str) -> None:
    result = load_bytes(raw, "c.yaml")
    assert [f.code for f in result.findings] == [code]
    assert fragment in result.findings[0].message
    assert result.findings[0].line >= 1


def test_latin1_position_points_at_byte() -> None:
    result = load_bytes("programma: x\ngemeente: Almel\u00f6\n".encode("latin-1"), "c.yaml")
    f = result.findings[0]
    assert (f.line, f.column) == (2, 16)


def test_byte_order_mark_is_accepted() -> None:
    result = load_bytes(b"\xef\xbb\xbf" + minimal_text().encode(), "c.yaml")
    assert result.ok


def test_alias_bomb_is_stopped() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefgh"):
        prev = "abcdefgh"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    result = load_text("\n".join(lines) + "\n", "c.yaml", Limits(max_nodes=100_000))
    assert [f.code for f in result.findings] == ["PT008"]
    assert "alias" in result.findings[0].message


def test_deep_nesting_is_stopped() -> None:
    result = load_text("[" * 10_000 + "]" * 10_000, "c.yaml")
    assert [f.code for f in result.findings] == ["PT008"]
    assert "diep" in result.findings[0].message


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_text("a: " + "x" * 2000 + "\n")
    result = load_contract(path, limits=Limits(max_bytes=1000))
    assert [f.code for f in result.findings] == ["PT008"]


def test_nan_and_huge_numbers_refused() -> None:
    text = (
        minimal_text()
        .replace("peilwaarde: 5", "peilwaarde: .nan")
        .replace("{2019: 10000, 2020", "{2019: 100000000000000000000, 2020")
    )
    result = load_text(text, "c.yaml")
    messages = sorted(f.message for f in result.findings)
    assert any("eindig" in m for m in messages)
    assert any("te groot" in m for m in messages)


def test_merge_key_refused() -> None:
    result = load_text("basis: &b {a: 1}\nx:\n  <<: *b\n", "c.yaml")
    assert [f.code for f in result.findings] == ["PT001"]
    assert "<<" in result.findings[0].message


def test_c_parser_and_pure_parser_agree() -> None:
    """The fast C-based reader and ruamel.yaml's own parser give the same data and positions."""
    from programmatool.loading import SourceMap
    from programmatool.loading import events as loading

    assert loading._c_parser() is not None, "ruamel.yaml.clib is a dependency and must be there"
    corpus = Path(__file__).resolve().parent / "corpus"
    programmas = Path(__file__).resolve().parent.parent / "programmas"
    files = [MINIMAAL, *sorted(corpus.glob("*.yaml")), *sorted(programmas.glob("*.yaml"))]
    for path in files:
        try:
            text = loading.decode(path.read_bytes())
        except Exception:  # not text: nothing to parse
            continue
        outcomes = []
        for fast in (True, False):
            source_map, problems = SourceMap(), []
            try:
                data = loading._build(text, source_map, Limits(), problems, fast=fast)
            except Exception as exc:  # a fatal problem: compare its kind
                outcomes.append(("fatal", type(exc).__name__))
                continue
            outcomes.append(
                (repr(data), source_map.values, source_map.keys, [p.code for p in problems])
            )
        if outcomes[0][0] != "fatal":
            assert outcomes[0] == outcomes[1], path.name


def test_folded_text_before_comment_has_no_control_character() -> None:
    """Regression: ruamel's round-trip parser put '\\a' into folded text followed by a comment."""
    from programmatool.loading import SourceMap
    from programmatool.loading import events as loading

    text = "a:\n  titel: >-\n    een twee\n    drie\n  # commentaar\n  b: 1\n"
    for fast in (True, False):
        data = loading._build(text, SourceMap(), Limits(), [], fast=fast)
        assert data["a"]["titel"] == "een twee drie"
