"""Findings → output formats. A reporter never decides, it only shows."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from .checking import CheckResult

_STYLE = {"fout": "bold red", "waarschuwing": "yellow"}


def samenvatting(result: CheckResult) -> str:
    """The closing line: how many errors and warnings in how many files."""
    n = len(result.results)
    bestanden = f"{n} {'bestand' if n == 1 else 'bestanden'}"
    if not result.findings:
        return f"Geen fouten of waarschuwingen in {bestanden}."
    fouten = f"{result.fouten} {'fout' if result.fouten == 1 else 'fouten'}"
    w = result.waarschuwingen
    waarschuwingen = f"{w} {'waarschuwing' if w == 1 else 'waarschuwingen'}"
    met = len({f.bestand for f in result.findings})
    return f"{fouten} en {waarschuwingen} in {met} van {bestanden}."


def report_text(result: CheckResult, console: Console) -> None:
    """``file:line:col: niveau CODE bericht`` per finding, then a summary line."""
    for finding in result.findings:
        line = Text()
        line.append(finding.locatie(), style="bold")
        line.append(": ")
        line.append(finding.niveau, style=_STYLE[finding.niveau])
        line.append(" ")
        line.append(finding.code, style="cyan")
        line.append(" ")
        line.append(finding.bericht)
        console.print(line, soft_wrap=True, highlight=False)
    console.print(samenvatting(result), highlight=False, soft_wrap=True)
