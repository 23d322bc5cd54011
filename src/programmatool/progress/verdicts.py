"""Indicator progress and status per year, rolled up per goal and per programme.

Pure functions of the contract model: no I/O, no printing. The rules (stated for users in
docs/voortgang.md, "Hoe de status wordt bepaald"):

- The measurement used for a year is the latest realisation in or before that year that carries
  a value (a number, a word on the scale, a date or an explicit ``behaald``).
- The path runs straight from the peilwaarde (in the peiljaar; without one, the earliest earlier
  measurement) through every numeric target. A measurement is *op koers* when it has covered at
  least ``1 - drempels.op_koers`` of the distance the path expected by its year, *kleine
  achterstand* down to ``1 - drempels.kleine_achterstand``, and *achter* below that; *behaald*
  once it reaches the final target. Everything is measured in the indicator's own direction.
- The final year decides: a measurement for the final target's year or later is *behaald* or
  *niet behaald*, never on its way. A milestone whose date has passed unreached is *niet
  behaald*; one reached late is *behaald*, with how late.
- A target without a year (``streefwaarde_zonder_jaar``) counts where there is no yearly target:
  reached is *behaald*; not reached is *geen oordeel mogelijk* with an explanation that says so,
  since without a year there is no path to be on and no deadline to miss.
- A roll-up takes the worst status among the measured parts (niet behaald < achter < kleine
  achterstand < op koers < behaald) and says how many of its indicators were measured; with no
  measured part it is *geen meting* if a part lacks a measurement, else *geen oordeel mogelijk*.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from programmatool.model.contract import (
    ONBEKEND_WAARDEN,
    Contract,
    Indicator,
    Realisatie,
    Verantwoording,
)
from programmatool.text.formatting import hoeveel

Status = Literal[
    "behaald",
    "op koers",
    "kleine achterstand",
    "achter",
    "niet behaald",
    "geen meting",
    "geen oordeel mogelijk",
]

#: Every status, best first; the order used in tables and counts.
STATUSSEN: tuple[Status, ...] = (
    "behaald",
    "op koers",
    "kleine achterstand",
    "achter",
    "niet behaald",
    "geen meting",
    "geen oordeel mogelijk",
)

#: Measured statuses from worst to best: a roll-up takes the first one present.
_ERGST_EERST: tuple[Status, ...] = (
    "niet behaald",
    "achter",
    "kleine achterstand",
    "op koers",
    "behaald",
)
#: Years after the programme's last one in which a measurement (a final evaluation) is still
#: accepted and judged against the final target; later years are most likely typing errors.
NAMETING_JAREN = 3

#: Statuses that carry a verdict: an indicator with one of these counts as measured.
GEMETEN: frozenset[Status] = frozenset(_ERGST_EERST)

Getal = int | float
Waarde = int | float | str


class DrempelFout(ValueError):
    """Thresholds that make no sense (negative, above 1, or in the wrong order)."""


@dataclass(frozen=True)
class Drempels:
    """How far behind the straight path a measurement may be, as a fraction of the distance.

    ``op_koers=0.10``: at most 10 % of the expected distance behind is still on course;
    ``kleine_achterstand=0.25``: up to 25 % behind is a small delay; more is behind.
    """

    op_koers: float = 0.10
    kleine_achterstand: float = 0.25

    def __post_init__(self) -> None:
        for naam in ("op_koers", "kleine_achterstand"):
            value = getattr(self, naam)
            if isinstance(value, bool) or not isinstance(value, int | float):
                shown = str(value).lower() if isinstance(value, bool) else repr(value)
                raise DrempelFout(f"drempel '{naam}' moet een getal zijn, gevonden {shown}")
            if not 0 <= value <= 1:
                raise DrempelFout(
                    f"drempel '{naam}' moet tussen 0 en 1 liggen (een fractie), gevonden {value}"
                )
        if self.op_koers > self.kleine_achterstand:
            raise DrempelFout(
                "drempel 'op_koers' mag niet groter zijn dan 'kleine_achterstand' "
                f"({self.op_koers} > {self.kleine_achterstand})"
            )


STANDAARD_DREMPELS = Drempels()


def drempels_uit_tabel(tabel: dict[str, Any], basis: Drempels = STANDAARD_DREMPELS) -> Drempels:
    """Thresholds from a ``[voortgang]`` configuration table; unknown keys are an error."""
    bekend = {"op_koers", "kleine_achterstand"}
    onbekend = sorted(set(tabel) - bekend)
    if onbekend:
        raise DrempelFout(
            f"onbekende sleutel '{onbekend[0]}' in [voortgang]; "
            "bekend zijn 'op_koers' en 'kleine_achterstand'"
        )
    return Drempels(
        op_koers=tabel.get("op_koers", basis.op_koers),
        kleine_achterstand=tabel.get("kleine_achterstand", basis.kleine_achterstand),
    )


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorVoortgang:
    """The progress of one indicator in one year, with a Dutch sentence explaining the status."""

    indicator: Indicator
    jaar: int | None
    realisatie: Waarde | None
    realisatie_jaar: int | None
    streefwaarde: Waarde | None
    eindwaarde: Waarde | None
    eindjaar: int | None
    voortgang: float | None
    status: Status
    uitleg: str
    #: The target year of ``streefwaarde`` (may be earlier than ``jaar``).
    streefjaar: int | None = None
    #: The value the straight path expects in the measurement's year (numbers only).
    verwacht: float | None = None
    #: The realisation record itself (source and explanation of the measurement).
    meting: Realisatie | None = None
    #: Where the path starts: (year, value, "peilwaarde" or "eerste meting").
    beginpunt: tuple[int, Waarde, str] | None = None
    #: A milestone reached after its target date: how late (``3 maanden``).
    te_laat: str | None = None

    @property
    def voorlopig(self) -> bool:
        """True when the measurement is marked provisional."""
        return bool(self.meting is not None and self.meting.voorlopig)


def dekking_tekst(gemeten: int, aantal: int, zonder_indicator: int = 0) -> str:
    """How much of a roll-up was measured: ``2 van 4 indicatoren gemeten; 1 doel zonder
    indicator`` (empty when every part was measured)."""
    parts = []
    if gemeten < aantal:
        parts.append(f"{gemeten} van {hoeveel(aantal, 'indicator', 'indicatoren')} gemeten")
    if zonder_indicator:
        parts.append(f"{hoeveel(zonder_indicator, 'doel', 'doelen')} zonder indicator")
    return "; ".join(parts)


def dekking(status: Status, gemeten: int, aantal: int, zonder_indicator: int = 0) -> str:
    """A roll-up's status with its coverage when it is a verdict on only part of the whole:
    ``behaald · 2 van 4 indicatoren gemeten``; the bare status otherwise."""
    if status in GEMETEN:
        extra = dekking_tekst(gemeten, aantal, zonder_indicator)
        if extra:
            return f"{status} · {extra}"
    return status


@dataclass(frozen=True)
class DoelVoortgang:
    """A goal's rolled-up status: its own indicators and, for a strategic goal, its sub-goals."""

    id: str
    titel: str
    soort: Literal["strategisch", "operationeel"]
    status: Status
    uitleg: str
    indicatoren: list[IndicatorVoortgang]
    operationele_doelen: list[DoelVoortgang] = field(default_factory=list)
    verantwoording: Verantwoording | None = None
    telling: dict[Status, int] = field(default_factory=dict)
    #: How many of the goal's indicators (its own and its sub-goals') carry a verdict.
    gemeten: int = 0
    aantal: int = 0
    #: Operational goals under it (or the goal itself) without any indicator.
    zonder_indicator: int = 0

    @property
    def status_tekst(self) -> str:
        """The status with its coverage when only some indicators were measured."""
        return dekking(self.status, self.gemeten, self.aantal, self.zonder_indicator)


@dataclass(frozen=True)
class Geld:
    """Budgeted and spent money of one budget table in one year."""

    titel: str
    eenheid: str
    jaar: int
    begroot: Getal | None
    besteed: Getal | None


@dataclass(frozen=True)
class ProgrammaVoortgang:
    """A programme's progress in one year: per indicator, per goal, and overall."""

    contract: Contract
    jaar: int | None
    status: Status
    uitleg: str
    indicatoren: list[IndicatorVoortgang]
    doelen: list[DoelVoortgang]
    verantwoording: Verantwoording | None = None
    geld: list[Geld] = field(default_factory=list)
    telling: dict[Status, int] = field(default_factory=dict)
    gemeten: int = 0
    aantal: int = 0
    zonder_indicator: int = 0

    @property
    def status_tekst(self) -> str:
        """The status with its coverage when only some indicators were measured."""
        return dekking(self.status, self.gemeten, self.aantal, self.zonder_indicator)


# --- one indicator ----------------------------------------------------------------------------


def is_getal(value: object) -> bool:
    """True for an int or float that is not a boolean."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_onbekend(value: object) -> bool:
    """True for a missing value or a marker such as ``n.t.b.``."""
    return value is None or (
        isinstance(value, str) and value.strip().lower() in {m.lower() for m in ONBEKEND_WAARDEN}
    )


def _heeft_meting(indicator: Indicator, realisatie: Realisatie) -> bool:
    if realisatie.behaald is not None:
        return True
    if indicator.meetsoort == "mijlpaal" and realisatie.datum is not None:
        return True
    return not is_onbekend(realisatie.waarde)


def meetjaren(indicator: Indicator) -> list[int]:
    """Years in which the indicator has a usable measurement, sorted."""
    return sorted(j for j, r in indicator.realisaties.items() if _heeft_meting(indicator, r))


def laatste_meetjaar(indicators: Iterable[Indicator]) -> int | None:
    """The latest year in which any of the indicators has a measurement."""
    years = [y for ind in indicators for y in meetjaren(ind)]
    return max(years) if years else None


def _streef_voor(indicator: Indicator, jaar: int | None) -> tuple[Waarde | None, int | None]:
    if jaar is None or not indicator.streefwaarden:
        return None, None
    earlier = [y for y in indicator.streefwaarden if y <= jaar]
    if not earlier:
        return None, None
    year = max(earlier)
    return indicator.streefwaarden[year], year


def _eind(indicator: Indicator) -> tuple[Waarde | None, int | None]:
    usable = [y for y, v in indicator.streefwaarden.items() if _als_getal(indicator, v) is not None]
    if usable:
        year = max(usable)
        return indicator.streefwaarden[year], year
    if indicator.streefwaarden:
        year = max(indicator.streefwaarden)
        return indicator.streefwaarden[year], year
    return None, None


def _schaalpositie(indicator: Indicator, value: object) -> int | None:
    if not isinstance(value, str):
        return None
    wanted = value.strip().casefold()
    for index, word in enumerate(indicator.schaal):
        if word.strip().casefold() == wanted:
            return index
    return None


def _als_getal(indicator: Indicator, value: object) -> float | None:
    """A value as a number on the indicator's own axis: the number, or the scale position."""
    if indicator.meetsoort == "schaal":
        pos = _schaalpositie(indicator, value)
        return float(pos) if pos is not None else None
    if is_getal(value):
        return float(value)  # type: ignore[arg-type]
    return None


def _pad(indicator: Indicator, start: tuple[int, float] | None) -> list[tuple[int, float]]:
    """The corner points of the straight path: the baseline, then every numeric target."""
    points: list[tuple[int, float]] = [start] if start else []
    for year in sorted(indicator.streefwaarden):
        value = _als_getal(indicator, indicator.streefwaarden[year])
        if value is None or (start and year <= start[0]):
            continue
        points.append((year, value))
    return points


def _op_pad(points: list[tuple[int, float]], year: int, trap: bool) -> float | None:
    """The path's value in ``year``; a scale path moves in steps (``trap``), a number smoothly."""
    if not points or year < points[0][0]:
        return None
    previous = points[0]
    for point in points[1:]:
        if year < point[0]:
            if trap:
                return previous[1]
            fraction = (year - previous[0]) / (point[0] - previous[0])
            return previous[1] + fraction * (point[1] - previous[1])
        previous = point
    return previous[1]


def _toon(value: object) -> str:
    """A value in a Dutch sentence: 980.000, 12,5 (numbers rounded to two decimals)."""
    from programmatool.text.formatting import getal

    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return getal(round(value, 2) if isinstance(value, float) else value)


def indicator_progress(
    indicator: Indicator, jaar: int | None = None, drempels: Drempels = STANDAARD_DREMPELS
) -> IndicatorVoortgang:
    """Progress and status of one indicator in ``jaar`` (default: its latest measurement)."""
    years = meetjaren(indicator)
    if jaar is None:
        jaar = years[-1] if years else None
    meet_jaar = max((y for y in years if jaar is None or y <= jaar), default=None)
    meting = indicator.realisaties[meet_jaar] if meet_jaar is not None else None
    streef, streefjaar = _streef_voor(indicator, jaar)
    eind, eindjaar = _eind(indicator)
    if indicator.meetsoort == "mijlpaal" and eind is None and indicator.streefdatum is not None:
        eind, eindjaar = indicator.streefdatum.isoformat(), indicator.streefdatum.year
    elif indicator.meetsoort == "mijlpaal" and eind is None and indicator.streefjaar is not None:
        eind = indicator.streefdatum_tekst or f"in {indicator.streefjaar}"
        eindjaar = indicator.streefjaar
    realisatie: Waarde | None = None
    if meting is not None:
        if not is_onbekend(meting.waarde):
            realisatie = meting.waarde
        elif indicator.meetsoort == "mijlpaal" and meting.datum is not None:
            realisatie = meting.datum.isoformat()
    beginpunt: tuple[int, Waarde, str] | None = None

    def result(
        status: Status, uitleg: str, voortgang: float | None = None, verwacht: float | None = None
    ) -> IndicatorVoortgang:
        if meting is not None and meting.voorlopig and status in GEMETEN:
            uitleg += " De meting is voorlopig."
        return IndicatorVoortgang(
            indicator=indicator,
            jaar=jaar,
            realisatie=realisatie,
            realisatie_jaar=meet_jaar,
            streefwaarde=streef,
            eindwaarde=eind,
            eindjaar=eindjaar,
            voortgang=voortgang,
            status=status,
            uitleg=uitleg,
            streefjaar=streefjaar,
            verwacht=verwacht,
            meting=meting,
            beginpunt=beginpunt,
        )

    if indicator.meetsoort == "mijlpaal":
        return _mijlpaal(indicator, meting, meet_jaar, jaar, years, result)

    if meting is None or meet_jaar is None:
        return result("geen meting", _geen_meting(indicator, years, jaar))

    # The final year decides: a measurement for it (or later) is met or missed, not on its way.
    final = eindjaar is not None and meet_jaar >= eindjaar
    r = _als_getal(indicator, meting.waarde)
    if r is None:
        if meting.behaald is not None:
            if meting.behaald:
                return result(
                    "behaald", f"Volgens de meting van {meet_jaar} is het doel behaald.", 1.0
                )
            if final:
                return result(
                    "niet behaald",
                    f"Volgens de meting van {meet_jaar} is het doel niet behaald "
                    f"(eindjaar {eindjaar}).",
                )
            return result("achter", f"Volgens de meting van {meet_jaar} is het doel niet behaald.")
        if indicator.meetsoort == "schaal":
            woorden = ", ".join(indicator.schaal) or "geen schaal opgegeven"
            return result(
                "geen oordeel mogelijk",
                f"De meting '{_toon(meting.waarde)}' staat niet op de schaal ({woorden}).",
            )
        return result("geen oordeel mogelijk", f"De meting '{_toon(meting.waarde)}' is geen getal.")

    f = _als_getal(indicator, eind)
    zonder_jaar = _als_getal(indicator, indicator.streefwaarde_zonder_jaar)
    if f is None and zonder_jaar is not None:
        return _zonder_jaar(indicator, meting.waarde, meet_jaar, r, zonder_jaar, result)
    if f is None:
        return result(
            "geen oordeel mogelijk",
            "Er is geen streefwaarde als getal of op de schaal; daarom is er geen oordeel over "
            "de voortgang.",
        )

    richting_bekend, _ = indicator.bepaalde_richting()
    if richting_bekend is None:
        return result(
            "geen oordeel mogelijk",
            "Het contract zegt niet of hoger of lager beter is; daarom is er geen oordeel over "
            "de voortgang.",
        )
    sign = 1.0 if richting_bekend == "hoger" else -1.0
    trap = indicator.meetsoort == "schaal"
    start: tuple[int, float] | None = None
    p = _als_getal(indicator, indicator.peilwaarde)
    begin_uitleg = ""
    if p is not None:
        peiljaar = indicator.peiljaar
        if not isinstance(peiljaar, int):  # none, or 'onbekend': the year before the first target
            target_years = sorted(indicator.streefwaarden)
            peiljaar = target_years[0] - 1
        start = (peiljaar, p)
        beginpunt = (peiljaar, indicator.peilwaarde, "peilwaarde")  # type: ignore[assignment]
    else:
        eerste = _eerste_meting(indicator, meet_jaar)
        if eerste is not None:
            start = (eerste[0], eerste[1])
            p = eerste[1]
            beginpunt = (eerste[0], eerste[2], "eerste meting")
            begin_uitleg = (
                f" Er is geen peilwaarde; de eerste meting ({eerste[0]}: {_toon(eerste[2])}) "
                "is het beginpunt."
            )
    voortgang: float | None = None
    if p is not None:
        voortgang = (r - p) / (f - p) if f != p else (1.0 if sign * (r - f) >= 0 else 0.0)
    richting = "hoger" if sign > 0 else "lager"
    nog_niet = ""
    if jaar is not None and eindjaar is not None and jaar >= eindjaar > meet_jaar:
        nog_niet = f" Over het eindjaar {eindjaar} is nog niet gemeten."
    if sign * (r - f) >= 0:
        return result(
            "behaald",
            f"De meting van {meet_jaar} ({_toon(meting.waarde)}) haalt de eindstreefwaarde "
            f"({_toon(eind)} in {eindjaar}).{nog_niet}{begin_uitleg}",
            voortgang,
        )
    if final:
        return result(
            "niet behaald",
            _uitleg_gemist(indicator, meting.waarde, meet_jaar, eind, eindjaar, r, f, trap, sign)
            + begin_uitleg,
            voortgang,
        )

    if start is not None and meet_jaar < start[0]:
        return result(
            "geen meting",
            f"De laatste meting ({meet_jaar}) ligt vóór het peiljaar {start[0]}.",
            voortgang,
        )
    points = _pad(indicator, start)
    e = _op_pad(points, meet_jaar, trap)
    if e is None:
        return result(
            "geen oordeel mogelijk",
            "Er is geen beginwaarde (geen peilwaarde en geen eerdere meting). Daarom is niet te "
            "zeggen hoe ver het programma in dit jaar had moeten zijn; een oordeel volgt bij de "
            f"streefwaarde van {points[0][0] if points else eindjaar}.",
            voortgang,
        )

    achterstand = _achterstand(r, e, p, sign, trap)
    verwacht = e
    if achterstand <= 0:
        status: Status = "op koers"
    elif trap:
        status = "kleine achterstand" if achterstand <= 1 else "achter"
    elif achterstand <= drempels.op_koers:
        status = "op koers"
    elif achterstand <= drempels.kleine_achterstand:
        status = "kleine achterstand"
    else:
        status = "achter"
    uitleg = _uitleg_koers(
        indicator, status, meting.waarde, meet_jaar, e, achterstand, trap, richting
    )
    return result(status, uitleg + nog_niet + begin_uitleg, voortgang, verwacht)


def _zonder_jaar(
    indicator: Indicator,
    waarde: Waarde | None,
    meet_jaar: int,
    r: float,
    f: float,
    result: Callable[..., IndicatorVoortgang],
) -> IndicatorVoortgang:
    """A measurement judged against the one target the source gives without a year: reached is
    *behaald*; not reached stays *geen oordeel mogelijk*, because without a year there is no line to
    be on or behind, and no deadline to have missed, but the explanation says it is not reached."""
    richting, _ = indicator.bepaalde_richting()
    doel = _toon(indicator.streefwaarde_zonder_jaar)
    if richting is None:
        return result(
            "geen oordeel mogelijk",
            f"Het contract zegt niet of hoger of lager beter is; daarom is niet te zeggen of de "
            f"meting van {meet_jaar} ({_toon(waarde)}) de streefwaarde zonder jaar ({doel}) "
            "haalt.",
        )
    sign = 1.0 if richting == "hoger" else -1.0
    if sign * (r - f) >= 0:
        return result(
            "behaald",
            f"De meting van {meet_jaar} ({_toon(waarde)}) haalt de streefwaarde ({doel}); de "
            "bron noemt bij die streefwaarde geen jaar.",
        )
    return result(
        "geen oordeel mogelijk",
        f"Nog niet behaald: de meting van {meet_jaar} ({_toon(waarde)}) haalt de streefwaarde "
        f"({doel}) nog niet. De bron noemt bij die streefwaarde geen jaar, dus is niet te zeggen "
        "of het programma op schema ligt of te laat is.",
    )


def _geen_meting(indicator: Indicator, years: list[int], jaar: int | None) -> str:
    later = [y for y in years if jaar is not None and y > jaar]
    if later:
        return f"Geen meting in of vóór {jaar}; de eerste is van {later[0]}."
    unknown = sorted(y for y in indicator.realisaties if jaar is None or y <= jaar)
    if unknown:
        return (
            f"De meting van {unknown[-1]} is nog onbekend "
            f"({_toon(indicator.realisaties[unknown[-1]].waarde or 'leeg')})."
        )
    return "Er is nog geen meting vastgelegd."


def _eerste_meting(indicator: Indicator, voor: int) -> tuple[int, float, Waarde] | None:
    """The earliest measurement before ``voor`` that is a number (or a word on the scale)."""
    for year in sorted(indicator.realisaties):
        if year >= voor:
            return None
        value = indicator.realisaties[year].waarde
        number = _als_getal(indicator, value)
        if number is not None and value is not None:
            return year, number, value
    return None


def _uitleg_gemist(
    indicator: Indicator,
    waarde: object,
    meet_jaar: int,
    eind: object,
    eindjaar: int | None,
    r: float,
    f: float,
    trap: bool,
    sign: float,
) -> str:
    """Why a measurement in or after the final year misses the final target, and by how much."""
    wanneer = f"De meting van {meet_jaar}"
    if eindjaar is not None and meet_jaar > eindjaar:
        wanneer += f", na het eindjaar {eindjaar},"
    if trap:
        steps = int(abs(f - r))
        hoeveel = f"{steps} {'stap' if steps == 1 else 'stappen'} eronder"
    else:
        side = "te laag" if sign > 0 else "te hoog"
        hoeveel = f"{_toon(abs(f - r))} {side}"
        if f != 0:
            hoeveel += f", {round(abs(f - r) / abs(f) * 100)} % van de streefwaarde"
    return (
        f"{wanneer} ({_toon(waarde)}) haalt de eindstreefwaarde ({_toon(eind)} in {eindjaar}) "
        f"niet: {hoeveel}."
    )


def _achterstand(r: float, e: float, p: float | None, sign: float, trap: bool) -> float:
    """How far behind the path: steps for a scale; else the missed fraction of the distance."""
    if trap:
        return sign * (e - r)
    if p is not None:
        expected = sign * (e - p)
        if expected > 0:
            return (expected - sign * (r - p)) / expected
    # No distance to cover (target equals baseline, or no baseline): compare with the value.
    short = sign * (e - r)
    if short <= 0:
        return 0.0
    return short / abs(e) if e != 0 else float("inf")


def _uitleg_koers(
    indicator: Indicator,
    status: Status,
    waarde: object,
    meet_jaar: int,
    verwacht: float,
    achterstand: float,
    trap: bool,
    richting: str,
) -> str:
    if trap:
        expected_word = indicator.schaal[int(verwacht)]
        if status == "op koers":
            return (
                f"De meting van {meet_jaar} ({_toon(waarde)}) haalt de streefwaarde "
                f"van dat jaar ({expected_word})."
            )
        steps = int(achterstand)
        return (
            f"De meting van {meet_jaar} ({_toon(waarde)}) ligt {steps} "
            f"{'stap' if steps == 1 else 'stappen'} onder de streefwaarde van dat jaar "
            f"({expected_word})."
        )
    if status == "op koers" and achterstand <= 0:
        return (
            f"De meting van {meet_jaar} ({_toon(waarde)}) is even goed als gepland of beter: "
            f"op weg naar de streefwaarde was in {meet_jaar} {_toon(verwacht)} nodig "
            f"({richting} is beter)."
        )
    if achterstand == float("inf") or achterstand >= 1:
        deel = "niets van de vooruitgang die tot dan nodig was, is bereikt"
    else:
        deel = f"van de vooruitgang die tot dan nodig was, ontbreekt {round(achterstand * 100)} %"
    hoe = "ligt vrijwel op schema" if status == "op koers" else "blijft achter bij de planning"
    return (
        f"De meting van {meet_jaar} ({_toon(waarde)}) {hoe}: op weg naar de streefwaarde was "
        f"in {meet_jaar} {_toon(verwacht)} nodig ({richting} is beter); {deel}."
    )


def _mijlpaal(
    indicator: Indicator,
    meting: Realisatie | None,
    meet_jaar: int | None,
    jaar: int | None,
    years: list[int],
    result: Callable[..., IndicatorVoortgang],
) -> IndicatorVoortgang:
    streefdatum = indicator.streefdatum
    # A milestone due "in 2024" (streefjaar, no date) is due by the end of that year; the
    # texts then name the year, never a date the source does not print.
    uiterlijk = streefdatum
    if uiterlijk is None and indicator.streefjaar is not None:
        uiterlijk = dt.date(indicator.streefjaar, 12, 31)
    if streefdatum is None and indicator.streefjaar is not None:
        termijn, termijn_is = f"het streefjaar ({indicator.streefjaar})", f"{indicator.streefjaar}"
    else:
        termijn, termijn_is = f"de streefdatum ({_datum(streefdatum)})", _datum(streefdatum)
    # The date has passed for the year's account when it falls in that year or before.
    verstreken = uiterlijk is not None and jaar is not None and dt.date(jaar, 12, 31) >= uiterlijk
    if meting is None or meet_jaar is None:
        if verstreken:
            return result(
                "niet behaald",
                f"Er is geen realisatie vastgelegd en {termijn} is verstreken in {jaar}.",
                0.0,
            )
        return result("geen meting", _geen_meting(indicator, years, jaar))
    reached = meting.behaald if meting.behaald is not None else meting.datum is not None
    if reached:
        when = f" op {_datum(meting.datum)}" if meting.datum else f" in {meet_jaar}"
        late = ""
        if meting.datum and streefdatum and meting.datum > streefdatum:
            hoe_laat = _hoe_laat(streefdatum, meting.datum)
            late = f", {hoe_laat} na de streefdatum ({_datum(streefdatum)})"
            done = result("behaald", f"De mijlpaal is bereikt{when}{late}.", 1.0)
            return dataclasses.replace(done, te_laat=hoe_laat)
        elif meting.datum is None and streefdatum and meet_jaar > streefdatum.year:
            late = f", na het jaar van de streefdatum ({_datum(streefdatum)})"
        elif (
            uiterlijk
            and streefdatum is None
            and (meting.datum or dt.date(meet_jaar, 1, 1)) > uiterlijk
        ):
            late = f", na {termijn}"
        return result("behaald", f"De mijlpaal is bereikt{when}{late}.", 1.0)
    if verstreken:
        return result(
            "niet behaald",
            f"De mijlpaal is niet bereikt (meting {meet_jaar}) en {termijn} is verstreken.",
            0.0,
        )
    return result(
        "op koers",
        f"De mijlpaal is nog niet bereikt (meting {meet_jaar}); "
        f"{'het streefjaar' if termijn.startswith('het') else 'de streefdatum'} is {termijn_is}.",
        0.0,
    )


def _hoe_laat(streefdatum: dt.date, datum: dt.date) -> str:
    """How long after the target date, in whole months (or days when under a month)."""
    months = (datum.year - streefdatum.year) * 12 + datum.month - streefdatum.month
    if datum.day < streefdatum.day:
        months -= 1
    if months >= 1:
        return hoeveel(months, "maand", "maanden")
    return hoeveel((datum - streefdatum).days, "dag", "dagen")


def _datum(value: dt.date | None) -> str:
    from programmatool.text.formatting import datum

    return datum(value) if value else "niet opgegeven"


def reden_zonder_oordeel(iv: IndicatorVoortgang) -> str:
    """Why an indicator has no verdict, in a few plain words (empty when it has one or lacks a
    measurement): the short form of its explanation, for tables and JSON."""
    if iv.status != "geen oordeel mogelijk":
        return ""
    indicator = iv.indicator
    if iv.meting is not None and _als_getal(indicator, iv.meting.waarde) is None:
        if indicator.meetsoort == "schaal":
            return "de meting staat niet op de schaal"
        return "de meting is geen getal"
    richting_onbekend = indicator.bepaalde_richting()[0] is None
    if _als_getal(indicator, iv.eindwaarde) is None:
        if _als_getal(indicator, indicator.streefwaarde_zonder_jaar) is None:
            return "er is geen streefwaarde als getal"
        if not richting_onbekend:
            return "de streefwaarde heeft geen jaar en is nog niet gehaald"
    if richting_onbekend:
        return "onbekend is of hoger of lager beter is"
    return "er is geen beginwaarde (geen peilwaarde en geen eerdere meting)"


# --- roll-ups ---------------------------------------------------------------------------------


def samenvoegen(statussen: list[Status]) -> Status:
    """Roll statuses up: the worst measured one; else 'geen meting' or 'geen oordeel mogelijk'."""
    for status in _ERGST_EERST:
        if status in statussen:
            return status
    if "geen meting" in statussen:
        return "geen meting"
    return "geen oordeel mogelijk"


def tel(statussen: Iterable[Status]) -> dict[Status, int]:
    """How often each status occurs, in the fixed order of :data:`STATUSSEN` (zeros left out)."""
    items = list(statussen)
    return {s: items.count(s) for s in STATUSSEN if s in items}


def _uitleg_rollup(rows: list[IndicatorVoortgang], wat: str) -> str:
    """The roll-up's reason, in words that agree with the rows: how many indicators were
    measured and how the status follows from them."""
    if not rows:
        return "Geen indicator om de voortgang aan te meten."
    n = len(rows)
    counts = tel(r.status for r in rows)
    parts = ", ".join(f"{k} {s}" for s, k in counts.items())
    measured = sum(k for s, k in counts.items() if s in GEMETEN)
    woord = "indicator" if n == 1 else "indicatoren"
    if measured == 0:
        if set(counts) == {"geen meting"}:
            return f"Nog niets gemeten ({n} {woord}: {parts})."
        if n == 1:
            return f"De indicator heeft geen oordeel ({parts})."
        return f"Geen van de {n} {woord} heeft een oordeel ({parts})."
    if measured == n:
        gemeten = f"Alle {n} {woord} gemeten" if n > 1 else "De indicator is gemeten"
    else:
        gemeten = f"{measured} van {n} {woord} gemeten"
    return (
        f"{gemeten}; het gemeten {wat} dat er het slechtst voor staat, bepaalt de status ({parts})."
    )


def _gemeten(rows: list[IndicatorVoortgang]) -> int:
    return sum(1 for r in rows if r.status in GEMETEN)


def _verantwoording(source: dict[int, Verantwoording], jaar: int | None) -> Verantwoording | None:
    return source.get(jaar) if jaar is not None else None


def contract_progress(
    contract: Contract, jaar: int | None = None, drempels: Drempels = STANDAARD_DREMPELS
) -> ProgrammaVoortgang:
    """Progress of every indicator in ``jaar`` (default: the contract's latest measurement year),
    rolled up per operational goal, per strategic goal and for the programme."""
    if jaar is None:
        jaar = laatste_meetjaar(contract.indicatoren)
    rows = [indicator_progress(ind, jaar, drempels) for ind in contract.indicatoren]
    by_goal: dict[str, list[IndicatorVoortgang]] = {}
    for row in rows:
        by_goal.setdefault(row.indicator.doel, []).append(row)

    doelen: list[DoelVoortgang] = []
    used: set[str] = set()
    for sd in contract.strategische_doelen:
        ods: list[DoelVoortgang] = []
        for od in sd.operationele_doelen:
            own = by_goal.get(od.id, [])
            used.add(od.id)
            statuses = [r.status for r in own]
            status = samenvoegen(statuses)
            ods.append(
                DoelVoortgang(
                    id=od.id,
                    titel=od.titel,
                    soort="operationeel",
                    status=status,
                    uitleg=_uitleg_rollup(own, "onderdeel"),
                    indicatoren=own,
                    verantwoording=_verantwoording(od.verantwoording, jaar),
                    telling=tel(statuses),
                    gemeten=_gemeten(own),
                    aantal=len(own),
                    zonder_indicator=0 if own else 1,
                )
            )
        direct = list(by_goal.get(sd.id, []))
        used.add(sd.id)
        for sub in sd.subdoelen:
            direct.extend(by_goal.get(sub.id, []))
            used.add(sub.id)
        parts = [r.status for r in direct] + [od.status for od in ods if od.indicatoren]
        status = samenvoegen(parts)
        all_rows = direct + [r for od in ods for r in od.indicatoren]
        zonder = sum(od.zonder_indicator for od in ods) or (0 if all_rows else 1)
        doelen.append(
            DoelVoortgang(
                id=sd.id,
                titel=sd.titel,
                soort="strategisch",
                status=status,
                uitleg=_uitleg_rollup(all_rows, "onderdeel"),
                indicatoren=direct,
                operationele_doelen=ods,
                verantwoording=_verantwoording(sd.verantwoording, jaar),
                telling=tel(r.status for r in all_rows),
                gemeten=_gemeten(all_rows),
                aantal=len(all_rows),
                zonder_indicator=zonder,
            )
        )
    loose = [r for r in rows if r.indicator.doel not in used]
    parts = [d.status for d in doelen if d.telling] + [r.status for r in loose]
    status = samenvoegen(parts)
    zonder = sum(d.zonder_indicator for d in doelen)
    uitleg = _uitleg_rollup(rows, "doel")
    if zonder and rows:
        uitleg += f" {zonder} {'doel heeft' if zonder == 1 else 'doelen hebben'} geen indicator."
    return ProgrammaVoortgang(
        contract=contract,
        jaar=jaar,
        status=status,
        uitleg=uitleg,
        indicatoren=rows,
        doelen=doelen,
        verantwoording=_verantwoording(contract.verantwoording, jaar),
        geld=geld(contract, jaar),
        telling=tel(r.status for r in rows),
        gemeten=_gemeten(rows),
        aantal=len(rows),
        zonder_indicator=zonder,
    )


def geld(contract: Contract, jaar: int | None) -> list[Geld]:
    """Per budget table: what was budgeted and what was spent in ``jaar``."""
    if jaar is None or contract.middelen is None:
        return []
    out: list[Geld] = []
    for begroting in contract.middelen.begrotingen:
        planned = [r.bedragen[jaar] for r in begroting.regels if jaar in r.bedragen]
        spent = [r.besteed[jaar] for r in begroting.regels if jaar in r.besteed]
        begroot: Getal | None = sum(planned) if planned else begroting.totalen.get(jaar)
        if begroot is None and not spent:
            continue
        out.append(
            Geld(begroting.titel, begroting.eenheid, jaar, begroot, sum(spent) if spent else None)
        )
    return out
