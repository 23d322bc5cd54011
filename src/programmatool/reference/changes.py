"""The reference of the kinds of change that ``programmatool diff`` reports, with their default
level, from the change checks themselves, written out as ``docs/wijzigingen.md``."""

from __future__ import annotations

from programmatool.presenting.diff import checks_table


def change_reference_markdown() -> str:
    """The kinds of change as Markdown (``docs/wijzigingen.md``)."""
    lines = [
        "# Alle soorten wijzigingen",
        "",
        "<!-- Gemaakt door `make docs` (programmatool.reference); niet met de hand bewerken. -->",
        "",
        "Elke soort wijziging die `programmatool diff` (en `render --sinds`) meldt, heeft een",
        "vaste naam en een niveau: `belangrijk` (raakt wat de raad heeft vastgesteld),",
        "`opmerking` (een andere wijziging die de raad moet kunnen zien) of `info` (een kleine",
        "wijziging). Het niveau per soort aanpassen of een soort uitzetten kan in",
        "`programmatool.toml` (`[diff]`, zie [Wijzigingen](vergelijken.md)).",
        "",
        checks_table().rstrip("\n"),
    ]
    return "\n".join(lines) + "\n"
