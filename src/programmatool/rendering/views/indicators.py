"""An indicator as a document shows it: its table of targets and measurements per year, its
chart, what kind of figure it is, and the status its measurements give."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from programmatool.model.contract import Indicator, Realisatie
from programmatool.model.periods import period_of
from programmatool.rendering.views.common import FOUT_TEKEN, Fault, fault_sentences
from programmatool.text import formatting as fmt

if TYPE_CHECKING:
    from programmatool.progress.results import IndicatorProgress


@dataclass
class IndicatorView:
    """An indicator as a document shows it."""

    indicator: Indicator
    jaren: list[int]
    peil: str
    peiljaar: int | None
    streef: list[str]
    realisatie: list[str]
    bron: str
    status: str
    uitleg: str
    toelichtingen: list[tuple[int, str]]
    grafiek: str
    grafiek_tekst: str
    kenmerk: str
    streefdatum: str
    #: Comparison series: name (with its source), one value per year of ``jaren``.
    vergelijkingen: list[tuple[str, list[str]]] = field(default_factory=list)
    #: The explanation of a comparison series, by its name.
    vergelijking_toelichtingen: list[tuple[str, str]] = field(default_factory=list)
    #: Values before, between or after ``jaren`` that only a comparison has, as text.
    streef_zonder_jaar: str = ""
    #: Next to the status: the year of the measurement it rests on, and whether that is
    #: provisional (``meting 2020, voorlopig``).
    meting_noot: str = ""
    #: True when a value in the table is provisional (shown with an asterisk and a note).
    voorlopig: bool = False
    #: What ``check`` finds in the figures this table prints; those figures carry FOUT_TEKEN.
    fouten: list[str] = field(default_factory=list)
    peiljaar_fout: bool = False
    #: Measurements written per quarter or month, oldest first: the period in words and the
    #: value ("1e kwartaal 2020", "10"); a year's cell shows the latest of them.
    perioden: list[tuple[str, str]] = field(default_factory=list)

    @property
    def perioden_tekst(self) -> str:
        """The measurements per quarter or month in one sentence ("" without any)."""
        if not self.perioden:
            return ""
        kwartalen = any("kwartaal" in wanneer for wanneer, _w in self.perioden)
        maanden = any("kwartaal" not in wanneer for wanneer, _w in self.perioden)
        per = "kwartaal" if kwartalen else "maand"
        if kwartalen and maanden:
            per = "kwartaal en per maand"
        lijst = "; ".join(f"{wanneer}: {waarde}" for wanneer, waarde in self.perioden)
        punt = "" if lijst.endswith(".") else "."  # "n.t.b." keeps its own full stop
        return f"Gemeten per {per}: {lijst}{punt} Per jaar telt de laatste meting."

    @property
    def zonder_cijfers(self) -> str:
        """The sentence that replaces a table without a single figure ("" when it has one)."""
        cellen = self.streef + self.realisatie + [w for _n, ws in self.vergelijkingen for w in ws]
        if self.peiljaar is not None or any(c != "–" for c in cellen) or not self.jaren:
            return ""
        jaren = str(self.jaren[0]) if len(self.jaren) == 1 else f"{self.jaren[0]}–{self.jaren[-1]}"
        return f"Voor {jaren} noemt het contract geen streefwaarde en geen meting."


def comparison_years(indicator: Indicator) -> set[int]:
    """The years a comparison series has a value for."""
    return {j for v in indicator.vergelijkingen for j in v.waarden}


def _number_or_none(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _describe_series(label: str, data: dict[int, Any], eenheid: str | None) -> str:
    if not data:
        return f"geen {label}"
    parts = [f"{fmt.waarde(v, eenheid)} in {jaar}" for jaar, v in sorted(data.items())]
    return f"{label} " + ", ".join(parts)


def _realisation_text(r: Realisatie | None, eenheid: str | None) -> str:
    if r is None:
        return "–"
    delen = []
    if r.waarde is not None:
        # An approximate figure as the source gives it ("ca. 8.000", "bijna 7") reads "ca.".
        delen.append(("ca. " if r.benadering else "") + fmt.waarde(r.waarde, eenheid))
    if r.datum is not None:
        delen.append(("bereikt op " if not delen else "op ") + fmt.datum(r.datum))
    if r.behaald is not None:
        delen.append("behaald" if r.behaald else "niet behaald")
    if not delen:
        return "–"
    # A measurement of a quarter or month stands under its year with its period named.
    periode = f" ({fmt.periode(r.periode, met_jaar=False)})" if r.periode else ""
    return ", ".join(delen) + periode + ("*" if r.voorlopig else "")


def _sources(indicator: Indicator) -> str:
    bronnen = sorted({r.bron for r in indicator.realisaties.values() if r.bron})
    return "; ".join(
        [b for b in [indicator.bron] if b] + [b for b in bronnen if b != indicator.bron]
    )


def _chart(indicator: Indicator, prefix: str) -> tuple[str, str]:
    """The indicator's chart as SVG and its description in words ("" and "" without one)."""
    from programmatool.rendering import svg

    eenheid = indicator.eenheid
    targets = {
        j: v for j, w in indicator.streefwaarden.items() if (v := _number_or_none(w)) is not None
    }
    measured = {
        j: v
        for j, r in indicator.realisaties.items()
        if (v := _number_or_none(r.waarde)) is not None
    }
    series = [
        (v.naam, {j: g for j, w in v.waarden.items() if (g := _number_or_none(w)) is not None})
        for v in indicator.vergelijkingen
    ]
    series = [(naam, data) for naam, data in series if data]
    base_value = _number_or_none(indicator.peilwaarde)
    base = (
        (indicator.peiljaar, base_value)
        if isinstance(indicator.peiljaar, int) and base_value is not None
        else None
    )
    points = len(targets) + len(measured) + (1 if base else 0)
    points += sum(len(data) for _, data in series)
    if indicator.meetsoort != "getal" or points < 2:
        return "", ""
    delen = []
    if base:
        delen.append(f"peilwaarde {fmt.waarde(base[1], eenheid)} in {base[0]}")
    delen.append(_describe_series("streefwaarden", dict(targets), eenheid))
    delen.append(_describe_series("realisaties", dict(measured), eenheid))
    delen.extend(_describe_series(naam, dict(data), eenheid) for naam, data in series)
    text = f"Grafiek van {indicator.naam}: " + "; ".join(delen) + "."

    def label(value: float) -> str:
        return fmt.waarde(int(value) if float(value).is_integer() else value, eenheid)

    def number(value: float) -> str:
        return fmt.getal(int(value) if float(value).is_integer() else value)

    drawing = svg.indicator_svg(
        base,
        targets,
        measured,
        f"Verloop van {indicator.naam}",
        text,
        label,
        f"{prefix}-{indicator.id}",
        series,
        getal=number,
        eenheid=eenheid or "",
    )
    return drawing, text


def _characteristic(indicator: Indicator) -> str:
    """What kind of figure the indicator is: milestone, scale, unit and which way is better."""
    eenheid = indicator.eenheid
    if indicator.meetsoort == "mijlpaal":
        kenmerk = "mijlpaal"
    elif indicator.meetsoort == "schaal":
        kenmerk = "schaal: " + " – ".join(indicator.schaal) if indicator.schaal else "schaal"
        kenmerk += ", van slecht naar goed" if indicator.schaal else ""
    else:
        richting, hoe = indicator.bepaalde_richting()
        if richting is None:
            kenmerk = "richting onbekend (hoger of lager beter?)"
        elif hoe == "afgeleid":
            kenmerk = f"{richting} is beter (afgeleid uit peil- en streefwaarden)"
        else:
            kenmerk = f"{richting} is beter"
        if eenheid is not None:
            kenmerk = f"{fmt.eenheid_kenmerk(eenheid)}, {kenmerk}"
    if indicator.meetsoort != "getal":
        # A unit or direction the contract does give still matters to a reader of the table.
        if eenheid is not None:
            kenmerk += f"; {fmt.eenheid_kenmerk(eenheid)}"
        if "richting" in indicator.model_fields_set:
            kenmerk += f"; {indicator.richting} is beter"
    return kenmerk


def _target_date(indicator: Indicator) -> str:
    if indicator.streefdatum is not None:
        tekst = fmt.datum(indicator.streefdatum)
        if indicator.streefdatum_tekst:
            tekst += f" ({indicator.streefdatum_tekst})"
        return tekst
    if indicator.streefdatum_tekst:
        return indicator.streefdatum_tekst
    if indicator.streefjaar is not None:
        return str(indicator.streefjaar)
    return ""


def measurement_note(voortgang: IndicatorProgress | None) -> str:
    """The year of the measurement a verdict rests on, so that a later year's report never
    hides an older figure: ``meting 2020`` or ``meting 2020, voorlopig``."""
    if voortgang is None or voortgang.realisatie_jaar is None:
        return ""
    wanneer = fmt.periode(voortgang.periode) if voortgang.periode else voortgang.realisatie_jaar
    noot = f"meting {wanneer}"
    return noot + ", voorlopig" if voortgang.voorlopig else noot


def period_year(key: str) -> int | None:
    """The year of a quarter or month key (``2020-Q4`` → 2020)."""
    found = period_of(key)
    return found[0] if found is not None else None


def target_text(indicator: Indicator, jaar: int) -> str:
    """The target for one year; a milestone shows its target date in the year it falls in."""
    if jaar in indicator.streefwaarden:
        return fmt.waarde(indicator.streefwaarden[jaar], indicator.eenheid)
    if indicator.streefdatum is not None and indicator.streefdatum.year == jaar:
        return "uiterlijk " + fmt.datum(indicator.streefdatum)
    if indicator.streefdatum is None and indicator.streefjaar == jaar:
        return indicator.streefdatum_tekst or f"in {jaar}"
    return "–"


def indicator_view(
    indicator: Indicator,
    jaren: list[int],
    voortgang: IndicatorProgress | None,
    prefix: str,
    fouten: Sequence[Fault] = (),
) -> IndicatorView:
    """The indicator over ``jaren``; ``fouten`` are check's faults in its figures."""
    # Only the faults in figures this table prints (an annual account shows one year).
    fouten = [
        f
        for f in fouten
        if len(f[0]) < 4 or f[0][2] not in ("streefwaarden", "realisaties") or f[0][3] in jaren
    ]

    def mark(*pad: str | int) -> str:
        return f" {FOUT_TEKEN}" if any(p[2 : 2 + len(pad)] == pad for p, _c, _m in fouten) else ""

    eenheid = indicator.eenheid
    realisaties = indicator.realisaties
    grafiek, grafiek_tekst = _chart(indicator, prefix)
    return IndicatorView(
        vergelijkingen=[
            (
                v.naam + (f" (bron: {v.bron})" if v.bron else ""),
                [fmt.waarde(v.waarden[j], eenheid) if j in v.waarden else "–" for j in jaren],
            )
            for v in indicator.vergelijkingen
        ],
        vergelijking_toelichtingen=[
            (v.naam, v.toelichting) for v in indicator.vergelijkingen if v.toelichting
        ],
        streef_zonder_jaar=fmt.waarde(indicator.streefwaarde_zonder_jaar, eenheid)
        if indicator.streefwaarde_zonder_jaar is not None
        else "",
        kenmerk=_characteristic(indicator),
        streefdatum=_target_date(indicator),
        indicator=indicator,
        jaren=jaren,
        peil=(
            fmt.waarde(indicator.peilwaarde, eenheid) if indicator.peilwaarde is not None else "–"
        )
        + mark("peilwaarde"),
        peiljaar=indicator.peiljaar if isinstance(indicator.peiljaar, int) else None,
        peiljaar_fout=bool(mark("peiljaar")),
        fouten=fault_sentences(fouten),
        streef=[target_text(indicator, j) + mark("streefwaarden", j) for j in jaren],
        realisatie=[
            _realisation_text(realisaties.get(j), eenheid) + mark("realisaties", j) for j in jaren
        ],
        bron=_sources(indicator) or "–",
        status=voortgang.status if voortgang else "geen oordeel mogelijk",
        uitleg=voortgang.uitleg if voortgang else "",
        meting_noot=measurement_note(voortgang),
        voorlopig=any(realisaties[j].voorlopig for j in jaren if j in realisaties)
        or any(r.voorlopig and period_year(k) in jaren for k, r in indicator.perioden.items()),
        toelichtingen=[(j, r.toelichting) for j, r in sorted(realisaties.items()) if r.toelichting],
        perioden=[
            (fmt.periode(k), _realisation_text(r, eenheid))
            for k, r in indicator.perioden.items()
            if period_year(k) in jaren
        ],
        grafiek=grafiek,
        grafiek_tekst=grafiek_tekst,
    )
