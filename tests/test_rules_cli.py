"""``programmatool rules`` and ``programmatool rules CODE``."""

from __future__ import annotations

from programmatool.rules import RULES


def test_rules_lists_every_code(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("rules")
    assert run.code == 0
    for code in RULES:
        assert code in run.out
    assert "  PT201  fout          Gedrukt jaartotaal wijkt af van de som van de regels" in run.out
    assert "Inlezen (schema en YAML)" in run.out and "PT012" in run.out


def test_rules_explains_one_with_example_and_fix(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("rules", "pt201")
    assert run.code == 0
    assert run.out.startswith("PT201 Gedrukt jaartotaal wijkt af van de som van de regels\n")
    assert "Waarom" in run.out
    assert "Voorbeeld dat de regel raakt" in run.out and "totalen: {2019: 16000}" in run.out
    assert "Zo is het goed" in run.out and "totalen: {2019: 15000}" in run.out


def test_rules_explains_a_loader_code(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("rules", "PT011")
    assert run.code == 0 and run.out.startswith("PT011 Een onbekend veld")


def test_unknown_rule_exits_two_with_hint(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("rules", "PT2001")
    assert run.code == 2
    assert "onbekende regel 'PT2001'; bedoelde u" in run.err
