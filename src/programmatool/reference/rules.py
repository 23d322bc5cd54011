"""The rule reference: every code from the rule registry with its level, title, reason, an
example that triggers it and its fixed version, written out as ``docs/regels.md`` (the same
texts as ``programmatool rules CODE``)."""

from __future__ import annotations

from programmatool.rules import CATEGORIES, LOAD_CODES, Rule, all_rules


def _paragraphs(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n"))


def _yaml(text: str) -> list[str]:
    return ["```yaml", *text.rstrip("\n").split("\n"), "```"]


def _rule_section(rule: Rule) -> list[str]:
    return [
        f"### {rule.code}",
        "",
        f"**{rule.title}** · {rule.severity}",
        "",
        _paragraphs(rule.why),
        "",
        "Voorbeeld dat de regel raakt:",
        "",
        *_yaml(rule.example),
        "",
        "Zo is het goed:",
        "",
        *_yaml(rule.fix),
        "",
    ]


def rule_reference_markdown() -> str:
    """The whole rule reference as Markdown (``docs/regels.md``)."""
    rules = all_rules()
    load_codes = sorted(LOAD_CODES.values(), key=lambda c: c.code)
    groups = list(dict.fromkeys(code[:3] for code in [*LOAD_CODES, *(r.code for r in rules)]))
    lines = [
        "# Alle controleregels",
        "",
        "<!-- Gemaakt door `make docs` (programmatool.reference); niet met de hand bewerken. -->",
        "",
        "Elke code die `programmatool check` kan melden, met het standaardniveau (`fout`,",
        "`waarschuwing` of `info`), waarom de regel bestaat, een voorbeeld dat hem raakt en hoe",
        "het goed is. `programmatool rules CODE` toont hetzelfde in de terminal. Het niveau van",
        "een regel aanpassen of een regel uitzetten: zie",
        "[Configuratie](controleren.md#configuratie-regels-uitzetten-of-hun-niveau-veranderen).",
        "",
        "| code | niveau | wat |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {c.code} | {c.severity} | {c.title} |" for c in load_codes]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {r.severity} | {r.title} |" for r in rules]
    lines.append("")
    for group in groups:
        lines += [f"## {CATEGORIES.get(group, group)}", ""]
        if group == "PT0":
            lines += [
                _paragraphs(load_codes[0].why),
                "",
                "Wat elke code precies meldt: zie [Foutcodes bij het inlezen]"
                "(controleren.md#foutcodes-bij-het-inlezen).",
                "",
            ]
            continue
        for rule in rules:
            if rule.code.startswith(group):
                lines += _rule_section(rule)
    return "\n".join(lines).rstrip("\n") + "\n"
