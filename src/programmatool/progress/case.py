"""What a verdict on one indicator in one year starts from: the measurement and targets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from programmatool.model.contract import Indicator, Realisatie
from programmatool.progress.results import IndicatorProgress
from programmatool.progress.statuses import JUDGED, Status
from programmatool.progress.values import (
    Value,
    final_target,
    is_unknown,
    measurement_years,
    show,
    target_for,
)


@dataclass(frozen=True)
class Case:
    """What a verdict on one indicator in one year starts from."""

    indicator: Indicator
    jaar: int | None
    years: list[int]
    meet_jaar: int | None
    meting: Realisatie | None
    streef: Value | None
    streefjaar: int | None
    eind: Value | None
    eindjaar: int | None

    def result(
        self,
        status: Status,
        uitleg: str,
        voortgang: float | None = None,
        verwacht: float | None = None,
        **extra: Any,
    ) -> IndicatorProgress:
        """The verdict, saying when it rests on a measurement from before the year asked, on a
        provisional one or on an approximate one ("ca.")."""
        meting = self.meting
        if meting is not None and status in JUDGED:
            uitleg = self._older(status) + uitleg
            if meting.periode is not None:
                from programmatool.text.formatting import periode

                uitleg += (
                    f" Het is de meting van {periode(meting.periode)}, de laatste van dat jaar."
                )
            if meting.voorlopig:
                uitleg += " De meting is voorlopig."
            if meting.benadering:
                uitleg += (
                    f" Het oordeel rust op een benadering: de bron geeft ca. {show(meting.waarde)}."
                )
        return IndicatorProgress(
            indicator=self.indicator,
            jaar=self.jaar,
            realisatie=_shown_value(self.indicator, self.meting),
            realisatie_jaar=self.meet_jaar,
            streefwaarde=self.streef,
            eindwaarde=self.eind,
            eindjaar=self.eindjaar,
            voortgang=voortgang,
            status=status,
            uitleg=uitleg,
            streefjaar=self.streefjaar,
            verwacht=verwacht,
            meting=self.meting,
            **extra,
        )

    def _older(self, status: Status) -> str:
        """'Er is geen meting over 2022; ...' for a verdict on an older measurement (not for a
        milestone reached earlier: that needs no new measurement)."""
        if self.jaar is None or self.meet_jaar is None or self.meet_jaar >= self.jaar:
            return ""
        if self.indicator.meetsoort == "mijlpaal" and status == "behaald":
            return ""
        final = " (het eindjaar)" if self.jaar == self.eindjaar else ""
        return (
            f"Er is geen meting over {self.jaar}{final}; het oordeel rust op de laatste meting, "
            f"die van {self.meet_jaar}. "
        )


def _shown_value(indicator: Indicator, meting: Realisatie | None) -> Value | None:
    if meting is None:
        return None
    if not is_unknown(meting.waarde):
        return meting.waarde
    if indicator.meetsoort == "mijlpaal" and meting.datum is not None:
        return meting.datum.isoformat()
    return None


def case_for(indicator: Indicator, jaar: int | None) -> Case:
    years = measurement_years(indicator)
    if jaar is None:
        jaar = years[-1] if years else None
    meet_jaar = max((y for y in years if jaar is None or y <= jaar), default=None)
    streef, streefjaar = target_for(indicator, jaar)
    eind, eindjaar = final_target(indicator)
    if indicator.meetsoort == "mijlpaal" and eind is None and indicator.streefdatum is not None:
        eind, eindjaar = indicator.streefdatum.isoformat(), indicator.streefdatum.year
    elif indicator.meetsoort == "mijlpaal" and eind is None and indicator.streefjaar is not None:
        eind = indicator.streefdatum_tekst or f"in {indicator.streefjaar}"
        eindjaar = indicator.streefjaar
    return Case(
        indicator=indicator,
        jaar=jaar,
        years=years,
        meet_jaar=meet_jaar,
        meting=indicator.realisaties[meet_jaar] if meet_jaar is not None else None,
        streef=streef,
        streefjaar=streefjaar,
        eind=eind,
        eindjaar=eindjaar,
    )
