"""Plain-text explanations of the rules for ``programmatool rules [CODE]``."""

from __future__ import annotations

import difflib
import textwrap

from . import CATEGORIEEN, LAADCODES, REGELS, alle_regels


def list_rules() -> str:
    """Every code with its level and title, grouped by category."""
    lines: list[str] = []
    rows: list[tuple[str, str, str]] = [
        (c.code, c.niveau, c.titel) for c in sorted(LAADCODES.values(), key=lambda c: c.code)
    ]
    rows += [(r.code, r.niveau, r.titel) for r in alle_regels()]
    current = ""
    for code, niveau, titel in rows:
        category = code[:3]
        if category != current:
            if lines:
                lines.append("")
            lines.append(CATEGORIEEN.get(category, category))
            current = category
        lines.append(f"  {code}  {niveau:<12}  {titel}")
    lines.append("")
    lines.append("Uitleg en voorbeeld van één regel: programmatool rules CODE")
    return "\n".join(lines) + "\n"


def _wrap(text: str) -> str:
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(textwrap.fill(p, width=88) for p in paragraphs if p)


def explain_rule(code: str) -> str | None:
    """Title, level, reason and (for rules) an example and its fix; None for an unknown code."""
    key = code.strip().upper()
    if key in LAADCODES:
        lc = LAADCODES[key]
        return f"{lc.code} {lc.titel}\nniveau: {lc.niveau}\n\n{_wrap(lc.waarom)}\n"
    rule = REGELS.get(key)
    if rule is None:
        return None
    category = CATEGORIEEN.get(rule.code[:3], "")
    parts = [
        f"{rule.code} {rule.titel}",
        f"niveau: {rule.niveau} (standaard; aan te passen in programmatool.toml)",
        f"groep: {category}",
        "",
        "Waarom",
        _wrap(rule.waarom),
        "",
        "Voorbeeld dat de regel raakt",
        textwrap.indent(rule.voorbeeld.rstrip("\n"), "    "),
        "",
        "Zo is het goed",
        textwrap.indent(rule.oplossing.rstrip("\n"), "    "),
    ]
    return "\n".join(parts) + "\n"


def suggestion(code: str) -> str:
    """A Dutch 'did you mean' for a code that does not exist, or an empty string."""
    known = sorted([*LAADCODES, *REGELS])
    close = difflib.get_close_matches(code.strip().upper(), known, n=1, cutoff=0.6)
    return f"; bedoelde u '{close[0]}'?" if close else ""
