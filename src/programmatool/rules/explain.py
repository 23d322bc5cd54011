"""Plain-text explanations of the rules for ``programmatool rules [CODE]``."""

from __future__ import annotations

import textwrap

from programmatool.rules import CATEGORIES, LOAD_CODES, RULES, all_rules
from programmatool.text.formatting import wrap
from programmatool.text.suggest import did_you_mean


def list_rules() -> str:
    """Every code with its level and title, grouped by category."""
    lines: list[str] = []
    rows: list[tuple[str, str, str]] = [
        (c.code, c.severity, c.title) for c in sorted(LOAD_CODES.values(), key=lambda c: c.code)
    ]
    rows += [(r.code, r.severity, r.title) for r in all_rules()]
    current = ""
    for code, severity, title in rows:
        category = code[:3]
        if category != current:
            if lines:
                lines.append("")
            lines.append(CATEGORIES.get(category, category))
            current = category
        lines.append(f"  {code}  {severity:<12}  {title}")
    lines.append("")
    lines.append("Uitleg en voorbeeld van één regel: programmatool rules CODE")
    return "\n".join(lines) + "\n"


def _wrap(text: str) -> str:
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join("\n".join(wrap(p, 88)) for p in paragraphs if p)


def explain_rule(code: str) -> str | None:
    """Title, level, reason and (for rules) an example and its fix; None for an unknown code."""
    key = code.strip().upper()
    if key in LOAD_CODES:
        lc = LOAD_CODES[key]
        return f"{lc.code} {lc.title}\nniveau: {lc.severity}\n\n{_wrap(lc.why)}\n"
    rule = RULES.get(key)
    if rule is None:
        return None
    category = CATEGORIES.get(rule.code[:3], "")
    parts = [
        f"{rule.code} {rule.title}",
        f"niveau: {rule.severity} (standaard; aan te passen in programmatool.toml)",
        f"groep: {category}",
        "",
        "Waarom",
        _wrap(rule.why),
        "",
        "Voorbeeld dat de regel raakt",
        textwrap.indent(rule.example.rstrip("\n"), "    "),
        "",
        "Zo is het goed",
        textwrap.indent(rule.fix.rstrip("\n"), "    "),
    ]
    return "\n".join(parts) + "\n"


def suggestion(code: str) -> str:
    """A Dutch 'did you mean' for a code that does not exist, or an empty string."""
    known = sorted([*LOAD_CODES, *RULES])
    return did_you_mean(code.strip().upper(), known)
