"""Progress results → terminal table, JSON and CSV. A reporter never decides, it only shows.

Imported only by the ``progress`` command, so rich tables and Babel load only when needed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from programmatool.progress.explain import reason_without_verdict
from programmatool.progress.results import GoalProgress, IndicatorProgress, Money, ProgrammeProgress
from programmatool.progress.statuses import JUDGED, STATUSES, THIN, RollupStatus, Status
from programmatool.progress.thresholds import Thresholds
from programmatool.progress.values import is_number
from programmatool.text.console import safe_console
from programmatool.text.formatting import hoeveel, wrap
from programmatool.text.terminal import MIN_WIDTH, neutralise, spreadsheet_cell

if TYPE_CHECKING:
    from programmatool.model.contract import Contract

#: Colour per status; the word is always printed too, so colour is never the only signal. A
#: roll-up judged on too little ("onvoldoende gemeten") is never green.
KLEUR: dict[RollupStatus, str] = {
    "behaald": "bold green",
    "op koers": "green",
    "kleine achterstand": "yellow",
    "achter": "bold red",
    "niet behaald": "bold red",
    "geen meting": "blue",
    "geen oordeel mogelijk": "magenta",
    THIN: "blue",
}

BALK_BREEDTE = 10


@dataclass(frozen=True)
class Programma:
    """One programme's progress together with the file it came from."""

    path: str
    voortgang: ProgrammeProgress


# --- values as text ---------------------------------------------------------------------------


def _waarde(value: Any, eenheid: str | None) -> str:
    from programmatool.text.formatting import NBSP, waarde

    if value is None:
        return "–"
    return waarde(value, eenheid).replace(NBSP, " ")


def plain_text(text: str) -> str:
    """Text from a contract as one harmless line for the terminal: its line breaks and runs of
    white space become one space, other control characters visible escapes."""
    return neutralise(_REGELEINDE.sub(" ", text))


_REGELEINDE = re.compile("[ \t]*[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+[ \t]*")


def _met_jaar(value: Any, jaar: int | str | None, eenheid: str | None) -> str:
    if value is None:
        return "–"
    text = plain_text(_waarde(value, eenheid))
    if jaar == "onbekend":
        return f"{text} (jaar onbekend)"
    return f"{text} ({jaar})" if jaar is not None else text


def richting_tekst(ind: Any) -> str:
    """How the direction is known, for a reader: '' when written in the contract."""
    richting, hoe = ind.bepaalde_richting()
    if hoe == "afgeleid":
        return f"{richting} is beter (afgeleid uit peil- en streefwaarden)"
    if hoe in ("onbekend", "ontbreekt"):
        return "richting onbekend (hoger of lager beter?)"
    return ""


def vergelijking_tekst(vergelijking: Any, eenheid: str | None) -> str:
    """A comparison series on one line: 'Zeeland: 738,2 (2016) · bron LISA'."""
    waarden = ", ".join(
        f"{_waarde(w, eenheid)} ({j})" for j, w in sorted(vergelijking.waarden.items())
    )
    bron = f" · bron {vergelijking.bron}" if vergelijking.bron else ""
    return plain_text(f"{vergelijking.naam}: {waarden or '–'}{bron}")


def _procent(fraction: float) -> str:
    return f"{round(fraction * 100)} %" if math.isfinite(fraction * 100) else "–"


def balk(voortgang: float | None, breedte: int = BALK_BREEDTE) -> str:
    """A text progress bar that reads the same with or without colour: ``██████░░░░  60 %``."""
    if voortgang is None:
        return "–"
    filled = round(min(max(voortgang, 0.0), 1.0) * breedte)
    return "█" * filled + "░" * (breedte - filled) + f" {_procent(voortgang):>5}"


def _status(status: RollupStatus, tekst: str | None = None) -> Text:
    """The status word in its colour; ``tekst`` adds the coverage of a roll-up."""
    return Text(tekst or status, style=KLEUR[status])


# --- terminal ---------------------------------------------------------------------------------


def report_table(programmas: list[Programma], console: Console, toelichting: bool) -> None:
    """One table per programme: goals with their rolled-up status, indicators with bars."""
    for index, item in enumerate(programmas):
        pv = item.voortgang
        if index:
            console.print()
        title = Text()
        title.append(plain_text(pv.contract.programma), style="bold")
        title.append(f" ({plain_text(item.path)})")
        jaar = f"voortgang {pv.jaar}" if pv.jaar is not None else "nog geen metingen"
        title.append(f" · {jaar} · status: ")
        title.append_text(_status(pv.status, pv.status_tekst))
        console.print(title, soft_wrap=True)
        rows = _rijen(pv)
        headers = ("Doel / indicator", "Meting", "Streef", "Voortgang", "Status")
        # Every column but the first fits its content; the first gets the rest and wraps.
        widths = [_breedte(headers[i], [r[i] for _, r in rows]) for i in range(1, 5)]
        width = max(console.width, MIN_WIDTH)
        rest = width - sum(widths) - len(KOLOMRUIMTE) * len(widths)
        longest = max([len(headers[0])] + [indent + 2 + _breedte("", [r[0]]) for indent, r in rows])
        first = max(16, min(longest, rest))
        lines = _tabel(headers, [first, *widths], rows) if first <= rest else _lijst(width, rows)
        if console.is_terminal:
            console.print(Text("\n").join(lines), soft_wrap=True)
        else:
            # Without a terminal there is no colour; drop the padding at the ends of lines.
            console.file.write("".join(line.plain.rstrip() + "\n" for line in lines))
        console.print(_telling(pv), soft_wrap=True)
        _gedaan(pv, console, toelichting)
        if toelichting:
            _toelichting(pv, console)


def _gedaan(pv: ProgrammeProgress, console: Console, toelichting: bool) -> None:
    """What was done on the efforts in the report's year, when the contract records it."""
    from programmatool.progress.efforts import telling, verslagen, verslagjaar

    jaar = verslagjaar(pv.contract, pv.jaar)
    if jaar is None:
        return
    rows = verslagen(pv.contract, jaar)
    console.print(f"Wat hebben we gedaan in {jaar}: {telling(rows)}.", soft_wrap=True, markup=False)
    if toelichting:
        for row in rows:
            if row.uitvoering is None:
                continue
            line = f"  {row.inspanning.id} {row.inspanning.titel}: {row.uitvoering.status}"
            if row.uitvoering.toelichting:
                line += f". {row.uitvoering.toelichting.strip()}"
            if row.uitvoering.besteed is not None:
                from programmatool.text.formatting import bedrag

                line += f" (besteed {bedrag(row.uitvoering.besteed, 'euro', spatie=' ')})"
            console.print(line, highlight=False, soft_wrap=True, markup=False)


Rij = tuple[int, tuple[Text, Text, Text, Text, Text]]

KOLOMRUIMTE = "   "  # padding, divider, padding


def _tabel(headers: tuple[str, ...], widths: list[int], rows: list[Rij]) -> list[Text]:
    """The table laid out line by line when every column fits: the names wrapped to the first
    column, every other cell on the row's first line. Far faster than a rich Table, which
    matters for a portfolio of hundreds of programmes."""
    lines = [_regel([Text(h, style="bold") for h in headers], widths)]
    lines.append(Text("─" * (sum(widths) + len(KOLOMRUIMTE) * (len(widths) - 1))))
    for indent, cells in rows:
        names = _naamregels(cells[0], indent, widths[0])
        lines.append(_regel([names[0], *cells[1:]], widths))
        lines.extend(names[1:])
    return lines


def _regel(cells: list[Text], widths: list[int]) -> Text:
    line = Text()
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        if i:
            line.append(KOLOMRUIMTE)
        line.append_text(cell)
        line.append(" " * (width - cell.cell_len))
    return line


def _lijst(width: int, rows: list[Rij]) -> list[Text]:
    """For a terminal too narrow for the columns: each goal or indicator as a small block, its
    name wrapped to the full width and its values on the lines below, every word kept."""
    labels = ("meting", "streef", "voortgang", "status")
    lines: list[Text] = []
    for indent, cells in rows:
        lines.extend(_naamregels(cells[0], indent, width))
        parts = [
            Text(f"{label} ").append_text(cell)
            for label, cell in zip(labels, cells[1:], strict=True)
            if cell.plain.strip() and cell.plain != "–"
        ]
        prefix = " " * (indent + 2)
        line = Text(prefix)
        for part in parts:
            if len(line.plain) > len(prefix):
                if len(line.plain) + 3 + part.cell_len > width:
                    lines.append(line)
                    line = Text(prefix)
                else:
                    line.append(" · ")
            line.append_text(part)
        if parts:
            lines.append(line)
    return lines


def _naamregels(text: Text, indent: int, width: int) -> list[Text]:
    """The first cell's lines, wrapped to ``width``: each line of the name keeps its
    indentation when it wraps (the lines after the first two spaces more)."""
    result: list[Text] = []
    for i, line in enumerate(text.split("\n")):
        prefix = " " * (indent + (2 if i else 0))
        style = line.spans[0].style if line.spans else line.style
        for piece in wrap(line.plain, max(1, width - len(prefix))):
            result.append(Text(prefix + piece, style=style))
    return result


def _breedte(header: str, cells: list[Text]) -> int:
    return max([len(header)] + [len(line) for c in cells for line in c.plain.split("\n")])


def _rijen(pv: ProgrammeProgress) -> list[Rij]:
    """The table's rows with their indentation: goals, then their indicators."""
    leeg = Text("")
    rows: list[Rij] = []
    shown: set[str] = set()
    for doel in pv.doelen:
        kop = Text(plain_text(f"{doel.id} {doel.titel}"), style="bold")
        rows.append((0, (kop, leeg, leeg, leeg, _goal_status(doel))))
        on_sub = {r.indicator.id for sub in doel.subdoelen for r in sub.indicatoren}
        under_sub = {od.id for sub in doel.subdoelen for od in sub.operationele_doelen}
        for row in doel.indicatoren:
            if row.indicator.id not in on_sub:
                rows.append((2, _indicator_cellen(row)))
                shown.add(row.indicator.id)
        for sub in doel.subdoelen:
            if sub.indicatoren or sub.operationele_doelen:  # an empty level says nothing
                rows += _goal_rows(sub, 2, shown)
        for od in doel.operationele_doelen:
            if od.id not in under_sub:
                rows += _goal_rows(od, 2, shown)
    loose = [r for r in pv.indicatoren if r.indicator.id not in shown]
    if loose:
        rows.append((0, (Text("Zonder bekend doel", style="bold"), leeg, leeg, leeg, leeg)))
        rows.extend((2, _indicator_cellen(r)) for r in loose)
    return rows


def _goal_rows(goal: GoalProgress, indent: int, shown: set[str]) -> list[Rij]:
    """A sub-goal or operational goal, its indicators, and the operational goals under it."""
    leeg = Text("")
    naam = Text(plain_text(f"{goal.id} {goal.titel}"))
    rows: list[Rij] = [(indent, (naam, leeg, leeg, leeg, _goal_status(goal)))]
    for row in goal.indicatoren:
        rows.append((indent + 2, _indicator_cellen(row)))
        shown.add(row.indicator.id)
    for od in goal.operationele_doelen:
        rows += _goal_rows(od, indent + 2, shown)
    return rows


def _goal_status(doel: GoalProgress) -> Text:
    """A goal's status with what it could not see, so that it never reads as a plain verdict
    on the whole: ``behaald · 2/4 gemeten``, ``niet behaald · 2/2 beoordeeld`` (judged without
    a measurement), ``onvoldoende gemeten: op koers 1/6``."""
    text = _status(doel.status)
    d = doel.dekking
    if doel.status == THIN:
        text.append(f": {d.deeloordeel} {d.beoordeeld}/{d.aantal + d.zonder_indicator}")
    elif doel.status in JUDGED and d.beoordeeld != d.gemeten:
        text.append(f" · {d.beoordeeld}/{d.aantal} beoordeeld")
    elif doel.status in JUDGED and d.gemeten < d.aantal:
        text.append(f" · {d.gemeten}/{d.aantal} gemeten")
    return text


def _indicator_cellen(row: IndicatorProgress) -> tuple[Text, Text, Text, Text, Text]:
    ind = row.indicator
    eenheid = ind.eenheid
    name = Text(f"▸ {plain_text(ind.naam)}\n")
    peil = _met_jaar(ind.peilwaarde, ind.peiljaar, eenheid)
    eind = _met_jaar(row.eindwaarde, row.eindjaar, eenheid)
    if row.eindwaarde is None and ind.streefwaarde_zonder_jaar is not None:
        eind = _met_jaar(ind.streefwaarde_zonder_jaar, "onbekend", eenheid)
    name.append(f"peil {peil} · eind {eind}", style="dim")
    reden = reason_without_verdict(row)
    if reden:
        name.append(f" · geen oordeel: {reden}", style="dim")
    extra = [
        f"meting van {row.realisatie_jaar}, ouder dan {row.jaar}" if row.ouder else "",
        richting_tekst(ind),
        "eenheid onbekend" if eenheid == "onbekend" else "",
        *(vergelijking_tekst(v, eenheid) for v in ind.vergelijkingen),
    ]
    for line in extra:
        if line:
            name.append(f"\n{line}", style="dim")
    return (
        name,
        Text(meting_cel(row)),
        Text(_streef_cel(row, eenheid)),
        Text(balk(row.voortgang)),
        _status(row.status).append(f" · {row.te_laat} te laat" if row.te_laat else ""),
    )


def meting_cel(row: IndicatorProgress) -> str:
    """The measurement as the table shows it: ``ca. 8.000`` for an approximate figure, ``92*``
    for a provisional one, ``oordeel`` for a verdict without a number, and its year:
    ``ca. 15 (2019)`` (the line below the name says when it is older than the year asked)."""
    if row.realisatie_jaar is None:
        return "–"
    star = "*" if row.voorlopig else ""
    if row.realisatie is None:
        value = "oordeel"
    else:
        value = plain_text(_waarde(row.realisatie, row.indicator.eenheid))
        if row.benadering:
            value = f"ca. {value}"
    return f"{value}{star} ({row.periode or row.realisatie_jaar})"


def _streef_cel(row: IndicatorProgress, eenheid: str | None) -> str:
    """The target of the year; without yearly targets the one the source gives without a year."""
    ind = row.indicator
    if row.streefwaarde is None and not ind.streefwaarden and ind.streefwaarde_zonder_jaar:
        return _met_jaar(ind.streefwaarde_zonder_jaar, "onbekend", eenheid)
    return _met_jaar(row.streefwaarde, row.streefjaar, eenheid)


def _telling(pv: ProgrammeProgress) -> Text:
    n = len(pv.indicatoren)
    text = Text(f"{hoeveel(n, 'indicator', 'indicatoren')}: ")
    for i, (status, count) in enumerate(pv.telling.items()):
        if i:
            text.append(", ")
        text.append(f"{count} ")
        text.append_text(_status(status))
    text.append(f". {pv.uitleg}")
    if any(r.voorlopig for r in pv.indicatoren):
        text.append(" * voorlopig cijfer.")
    if any(r.ouder for r in pv.indicatoren):
        text.append(
            f" Meting ouder dan {pv.jaar}: er is geen meting over {pv.jaar}, het oordeel rust op "
            "de laatste."
        )
    if any(r.benadering for r in pv.indicatoren):
        text.append(" ca.: een benadering, zoals de bron het cijfer geeft.")
    return text if pv.telling else Text("Geen indicatoren: de voortgang is niet te meten.")


def _toelichting(pv: ProgrammeProgress, console: Console) -> None:
    from programmatool.text.formatting import bedrag

    jaar = pv.jaar
    console.print()
    console.print(Text(f"Toelichting {jaar if jaar is not None else ''}".rstrip(), style="bold"))
    lines: list[str] = []
    if pv.verantwoording is not None:
        lines.extend(_verantwoording_regels("Programma", pv.verantwoording, jaar))
    for doel in pv.doelen:
        if doel.verantwoording is not None:
            lines.extend(
                _verantwoording_regels(f"{doel.id} {doel.titel}", doel.verantwoording, jaar)
            )
        for od in doel.operationele_doelen:
            if od.verantwoording is not None:
                lines.extend(_verantwoording_regels(f"{od.id} {od.titel}", od.verantwoording, jaar))
    for row in pv.indicatoren:
        lines.append(f"  {row.indicator.naam}: {row.status}. {row.uitleg}")
        meting = row.meting
        if meting is not None:
            if meting.bron:
                lines.append(f"    Bron: {meting.bron}")
            if meting.toelichting:
                lines.append(f"    Toelichting: {meting.toelichting.strip()}")
    for geld in pv.geld:
        lines.append(_geld_regel(geld, bedrag))
    for line in lines:
        console.print(plain_text(line), highlight=False, soft_wrap=True, markup=False)


def _verantwoording_regels(naam: str, v: Any, jaar: int | None) -> list[str]:
    lines = [f"  {naam}"]
    if v.resultaten:
        lines.append(f"    Behaalde resultaten in {jaar}: {v.resultaten.strip()}")
    if v.toelichting:
        lines.append(f"    Toelichting: {v.toelichting.strip()}")
    if v.bron:
        lines.append(f"    Bron: {v.bron}")
    return lines


def _geld_regel(geld: Money, bedrag: Any) -> str:
    def show(value: Any) -> str:
        return str(bedrag(value, geld.eenheid, spatie=" ")) if value is not None else "–"

    unit = " (× € 1.000)" if geld.eenheid == "duizend_euro" else ""
    text = f"  Geld {geld.jaar}, {geld.titel}{unit}: begroot {show(geld.begroot)}"
    if geld.besteed is None:
        return text + ", besteed nog niet vastgelegd"
    text += f", besteed {show(geld.besteed)}"
    if geld.begroot:
        text += f" ({_procent(geld.besteed / geld.begroot)})"
    return text


# --- JSON and CSV -----------------------------------------------------------------------------


def _getal(value: Any) -> Any:
    """Numbers as they are, fractions rounded to 4 decimals so output stays stable."""
    if isinstance(value, float):
        # JSON has no Infinity or NaN; a value that is not a number is no value.
        return round(value, 4) if math.isfinite(value) else None
    return value


def indicator_dict(row: IndicatorProgress) -> dict[str, Any]:
    """One indicator's progress as plain data (for JSON)."""
    ind = row.indicator
    meting = row.meting
    return {
        "id": ind.id,
        "naam": ind.naam,
        "doel": ind.doel,
        "indicator_bron": ind.bron,
        "eenheid": ind.eenheid,
        "meetsoort": ind.meetsoort,
        "richting": ind.bepaalde_richting()[0],
        "richting_herkomst": ind.bepaalde_richting()[1],
        "peilwaarde": _getal(ind.peilwaarde),
        "peiljaar": ind.peiljaar,
        "streefwaarde_zonder_jaar": _getal(ind.streefwaarde_zonder_jaar),
        "vergelijkingen": [
            {
                "naam": v.naam,
                "bron": v.bron,
                "waarden": {str(j): _getal(w) for j, w in sorted(v.waarden.items())},
            }
            for v in ind.vergelijkingen
        ],
        "jaar": row.jaar,
        "realisatie": _getal(row.realisatie),
        "realisatie_jaar": row.realisatie_jaar,
        "realisatie_periode": row.periode,
        "streefwaarde": _getal(row.streefwaarde),
        "streefjaar": row.streefjaar,
        "verwacht": _getal(row.verwacht),
        "eindwaarde": _getal(row.eindwaarde),
        "eindjaar": row.eindjaar,
        "voortgang": _getal(row.voortgang),
        "status": row.status,
        "reden": reason_without_verdict(row) or None,
        "uitleg": row.uitleg,
        "voorlopig": row.voorlopig,
        "benadering": row.benadering,
        "meting_ouder": row.ouder,
        "te_laat": row.te_laat,
        "beginpunt": (
            {
                "jaar": row.beginpunt[0],
                "waarde": _getal(row.beginpunt[1]),
                "soort": row.beginpunt[2],
            }
            if row.beginpunt
            else None
        ),
        "bron": meting.bron if meting else None,
        "toelichting": meting.toelichting if meting else None,
    }


def _verantwoording_dict(v: Any) -> dict[str, Any] | None:
    if v is None:
        return None
    return {"resultaten": v.resultaten, "toelichting": v.toelichting, "bron": v.bron}


def _dekking_dict(status: str, status_tekst: str, uitleg: str, d: Any) -> dict[str, Any]:
    """A roll-up's status and what it saw, the same keys for a programme and every goal:
    ``gemeten`` counts indicators with a measurement, ``beoordeeld`` those with a verdict."""
    return {
        "status": status,
        "deeloordeel": d.deeloordeel,
        "status_tekst": status_tekst,
        "uitleg": uitleg,
        "gemeten": d.gemeten,
        "beoordeeld": d.beoordeeld,
        "aantal_indicatoren": d.aantal,
        "doelen_zonder_indicator": d.zonder_indicator,
        "dekking": d.tekst or None,
    }


def _doel_dict(d: GoalProgress) -> dict[str, Any]:
    data: dict[str, Any] = {"id": d.id, "titel": d.titel}
    data.update(_dekking_dict(d.status, d.status_tekst, d.uitleg, d.dekking))
    data["telling"] = dict(d.telling)
    data["indicatoren"] = [r.indicator.id for r in d.indicatoren]
    data["verantwoording"] = _verantwoording_dict(d.verantwoording)
    if d.soort == "strategisch":
        data["operationele_doelen"] = [_doel_dict(od) for od in d.operationele_doelen]
        data["subdoelen"] = [_doel_dict(sub) for sub in d.subdoelen]
    elif d.soort == "subdoel":
        data["operationele_doelen"] = [od.id for od in d.operationele_doelen]
    return data


def programma_dict(item: Programma) -> dict[str, Any]:
    """One programme's progress as plain data (for JSON)."""
    pv = item.voortgang
    data: dict[str, Any] = {
        "bestand": item.path,
        "programma": pv.contract.programma,
        "code": pv.contract.code,
        "jaar": pv.jaar,
    }
    data.update(_dekking_dict(pv.status, pv.status_tekst, pv.uitleg, pv.dekking))
    data.update(
        {
            "telling": dict(pv.telling),
            "verantwoording": _verantwoording_dict(pv.verantwoording),
            "doelen": [_doel_dict(d) for d in pv.doelen],
            "indicatoren": [indicator_dict(r) for r in pv.indicatoren],
            "inspanningen": _inspanningen_dict(pv),
            "geld": [
                {
                    "titel": g.titel,
                    "eenheid": g.eenheid,
                    "jaar": g.jaar,
                    "begroot": _getal(g.begroot),
                    "besteed": _getal(g.besteed),
                }
                for g in pv.geld
            ],
        }
    )
    return data


def _inspanningen_dict(pv: ProgrammeProgress) -> dict[str, Any]:
    from programmatool.progress.efforts import verslagen, verslagjaar

    jaar = verslagjaar(pv.contract, pv.jaar)
    return {
        "jaar": jaar,
        "verslagen": [
            {
                "id": r.inspanning.id,
                "titel": r.inspanning.titel,
                "status": r.uitvoering.status if r.uitvoering else None,
                "toelichting": r.uitvoering.toelichting if r.uitvoering else None,
                "besteed": _getal(r.uitvoering.besteed) if r.uitvoering else None,
            }
            for r in verslagen(pv.contract, jaar)
        ],
    }


def report_json(programmas: list[Programma], jaar: int | None, drempels: Thresholds) -> str:
    """Everything as one JSON document, keys in a fixed order, ending in a newline."""
    return json_document([programma_dict(p) for p in programmas], jaar, drempels)


def json_document(programmas: list[dict[str, Any]], jaar: int | None, drempels: Thresholds) -> str:
    """The JSON document of ``progress --format json``: the year, thresholds and programmes."""
    data = {
        "jaar": jaar,
        "drempels": {
            "op_koers": drempels.op_koers,
            "kleine_achterstand": drempels.kleine_achterstand,
            "minimaal_beoordeeld": drempels.minimaal_beoordeeld,
        },
        "statussen": [*STATUSES, THIN],
        "programmas": programmas,
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


CSV_KOLOMMEN = (
    "bestand",
    "programma",
    "code",
    "doel",
    "doel_status",
    "doel_gemeten",
    "doel_beoordeeld",
    "doel_indicatoren",
    "doel_telling",
    "programma_status",
    "programma_gemeten",
    "programma_beoordeeld",
    "programma_indicatoren",
    "programma_telling",
    "indicator",
    "naam",
    "eenheid",
    "richting",
    "peilwaarde",
    "peiljaar",
    "jaar",
    "realisatie",
    "realisatie_jaar",
    "realisatie_periode",
    "streefwaarde",
    "streefjaar",
    "eindwaarde",
    "eindjaar",
    "voortgang",
    "status",
    "voorlopig",
    "benadering",
    "meting_ouder",
    "uitleg",
    "vergelijking",
    "vergelijking_bron",
    "vergelijking_jaar",
    "vergelijking_waarde",
)

#: Between the series of one indicator in the comparison columns (in the contract's order).
CSV_REEKS_SCHEIDING = " | "


def _csv_waarde(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 4))
    if is_number(value):
        return str(value)
    return str(value)


def _telling_tekst(telling: dict[Status, int]) -> str:
    """Counts per status in one cell: ``behaald: 2; geen meting: 2``."""
    return "; ".join(f"{status}: {count}" for status, count in telling.items())


def report_csv(programmas: list[Programma]) -> str:
    """One row per indicator; numbers with a decimal point so that other tools read them."""
    return csv_document([_csv_rows(item) for item in programmas])


def csv_document(programmas: list[list[list[str]]]) -> str:
    """The CSV of ``progress --format csv``: a header and every programme's rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_KOLOMMEN)
    for rows in programmas:
        # The gate for a spreadsheet: no cell is a formula, none holds a control character.
        writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def _csv_rows(item: Programma) -> list[list[str]]:
    return [
        [*(_csv_waarde(v) for v in row[:-4]), *(_csv_reeksen(c) for c in row[-4:])]
        for row in sheet_values(item)
    ]


def _csv_reeksen(values: list[Any]) -> str:
    return CSV_REEKS_SCHEIDING.join(_csv_waarde(v) for v in values)


def sheet_values(item: Programma) -> list[list[Any]]:
    """The rows of :data:`CSV_KOLOMMEN` as values (numbers stay numbers; for the spreadsheet
    formats in :mod:`programmatool.presenting.sheets`); each of the last four cells is a list,
    one value per comparison series."""
    rows: list[list[Any]] = []
    pv = item.voortgang
    goals: dict[str, GoalProgress] = {od.id: od for d in pv.doelen for od in d.operationele_doelen}
    goals.update({d.id: d for d in pv.doelen})
    for row in pv.indicatoren:
        ind = row.indicator
        goal = goals.get(ind.doel)
        values = (
            item.path,
            pv.contract.programma,
            pv.contract.code,
            ind.doel,
            goal.status if goal else None,
            goal.gemeten if goal else None,
            goal.beoordeeld if goal else None,
            goal.aantal if goal else None,
            _telling_tekst(goal.telling) if goal else None,
            pv.status,
            pv.gemeten,
            pv.beoordeeld,
            pv.aantal,
            _telling_tekst(pv.telling),
            ind.id,
            ind.naam,
            ind.eenheid,
            ind.bepaalde_richting()[0] or "onbekend",
            ind.peilwaarde,
            ind.peiljaar,
            row.jaar,
            row.realisatie,
            row.realisatie_jaar,
            row.periode,
            row.streefwaarde,
            row.streefjaar,
            row.eindwaarde,
            row.eindjaar,
            row.voortgang,
            row.status,
            "ja" if row.voorlopig else "",
            "ja" if row.benadering else "",
            "ja" if row.ouder else "",
            row.uitleg,
        )
        rows.append([_getal(v) for v in values] + _vergelijkingen(row))
    return rows


def _vergelijkingen(row: IndicatorProgress) -> list[list[Any]]:
    """The comparison columns: per series its name, source, year and value, for the year of the
    measurement (else the latest year in or before the year asked); in CSV several series are
    joined with :data:`CSV_REEKS_SCHEIDING`, so that the columns stay the same for every
    contract."""
    cells: list[list[Any]] = [[], [], [], []]
    for reeks in row.indicator.vergelijkingen:
        jaar = _vergelijkingsjaar(reeks.waarden, row.realisatie_jaar, row.jaar)
        waarde = reeks.waarden.get(jaar) if jaar is not None else None
        for cell, value in zip(cells, (reeks.naam, reeks.bron, jaar, waarde), strict=True):
            cell.append(_getal(value))
    return cells


def _vergelijkingsjaar(
    waarden: dict[int, Any], meetjaar: int | None, jaar: int | None
) -> int | None:
    if meetjaar is not None and meetjaar in waarden:
        return meetjaar
    tot = jaar if jaar is not None else meetjaar
    eerder = [j for j in waarden if tot is None or j <= tot]
    return max(eerder) if eerder else None


# --- configuration and the command ------------------------------------------------------------


PROGRESS_FORMATS = ("table", "json", "csv", "excel-csv", "xlsx")
#: The formats whose product is :func:`sheet_values` (see :mod:`programmatool.presenting.sheets`).
SHEET_FORMATS = ("excel-csv", "xlsx")


def programme_output(contract: Contract, name: str, params: dict[str, Any]) -> Any:
    """One programme's progress, already in the requested output form (a product of the
    pipeline, computed where the contract was loaded and cached with the file): the JSON
    object, the CSV rows, or the table section as text (with colour codes on a terminal)."""
    from programmatool.progress.rollup import contract_progress

    drempels = Thresholds(*params["drempels"])
    item = Programma(name, contract_progress(contract, params["jaar"], drempels))
    if params["formaat"] == "json":
        return programma_dict(item)
    if params["formaat"] == "csv":
        return _csv_rows(item)
    if params["formaat"] in SHEET_FORMATS:
        return sheet_values(item)
    buffer = io.StringIO()
    console = safe_console(
        buffer,
        width=params["width"],
        force_terminal=params["terminal"],
        color_system=params["colours"],
        highlight=False,
        soft_wrap=True,
        markup=False,
        legacy_windows=False,
    )
    report_table([item], console, params["toelichting"])
    return buffer.getvalue()
