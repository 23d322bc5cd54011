"""An effort (inspanning) as a document shows it: role, leader, planning and amounts in words,
and in an annual account how it went that year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from programmatool.model.contract import ONBEKEND, Inspanning
from programmatool.rendering.views.common import ROL_WOORDEN, Fault, fault_sentences
from programmatool.text import formatting as fmt


@dataclass
class InspanningView:
    """An effort with its role and leader in words."""

    inspanning: Inspanning
    rol: str
    trekker: str
    planning: str
    bedragen: str
    #: In an annual account: how it went that year ("" when nothing is recorded).
    uitvoering: str = ""
    uitvoering_toelichting: str | None = None
    besteed: str = ""
    #: Where the effort is described in full: the anchor and the goal under which it is printed.
    anker: str = ""
    beschreven_bij: str = ""
    #: True where this is the one place the effort is printed in full.
    volledig: bool = False
    #: The goals it serves, as "id. titel".
    doelen: list[str] = field(default_factory=list)
    #: What ``check`` finds in its amounts (the amounts carry a *).
    fouten: list[str] = field(default_factory=list)
    #: The goals it serves as references: the goal's number and the link to its heading.
    doel_links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def doelen_onbekend(self) -> bool:
        """Whether the source does not say which goal the effort serves (``doelen: onbekend``)."""
        return ONBEKEND in self.inspanning.doelen

    @property
    def gegevens(self) -> list[tuple[str, str]]:
        """The short facts the contract gives (label, value); a fact it leaves out is absent,
        not printed as a dash."""
        i = self.inspanning
        feiten = [
            ("Thema", i.thema or ""),
            ("Rol", ROL_WOORDEN.get(i.rol or "", "")),
            ("Trekker", i.trekker or ""),
            ("Stakeholders", ", ".join(i.stakeholders)),
            ("Planning", planning_text(i, "")),
            ("Kleur (De Caluwé)", i.kleur or ""),
        ]
        return [(label, waarde) for label, waarde in feiten if waarde]

    @property
    def uitgebreid(self) -> bool:
        """Whether the effort holds more than its row in a table shows."""
        i = self.inspanning
        return bool(
            i.beschrijving or i.thema or i.stakeholders or self.bedragen or i.kleur or i.uitvoering
        )


def planning_text(inspanning: Inspanning, leeg: str = "–") -> str:
    """The effort's planning in words (``leeg``, a dash, without one)."""
    tekst = ", ".join(str(p) for p in inspanning.planning)
    if inspanning.planning_toelichting:
        tekst = (
            f"{tekst} ({inspanning.planning_toelichting})"
            if tekst
            else inspanning.planning_toelichting
        )
    return tekst or leeg


def _amounts_text(inspanning: Inspanning, fouten: Sequence[Fault]) -> str:
    # An amount check finds wrong (negative, outside the period, more than the budget) gets a *.
    wrong_years = {p[3] for p, _c, _m in fouten if p[2:3] == ("bedragen",) and len(p) > 3}
    bedragen = ", ".join(
        f"{j}: {fmt.bedrag(b)}" + (" *" if j in wrong_years else "")
        for j, b in sorted(inspanning.bedragen.items())
    )
    if inspanning.bedrag_toelichting:
        bedragen = (
            f"{bedragen} ({inspanning.bedrag_toelichting})"
            if bedragen
            else inspanning.bedrag_toelichting
        )
    return bedragen


def effort_view(
    inspanning: Inspanning,
    jaar: int | None = None,
    fouten: Sequence[Fault] = (),
) -> InspanningView:
    """The effort; with ``jaar`` also what its record says of that year."""
    verslag = inspanning.uitvoering.get(jaar) if jaar is not None else None
    return InspanningView(
        inspanning=inspanning,
        rol=ROL_WOORDEN.get(inspanning.rol or "", "–"),
        trekker=inspanning.trekker or "–",
        planning=planning_text(inspanning),
        bedragen=_amounts_text(inspanning, fouten),
        uitvoering=verslag.status if verslag else "",
        uitvoering_toelichting=verslag.toelichting if verslag else None,
        besteed=fmt.bedrag(verslag.besteed) if verslag and verslag.besteed is not None else "",
        fouten=fault_sentences(fouten),
    )


def effort_anchors(inspanningen: Sequence[Inspanning]) -> dict[int, str]:
    """The anchor of every effort's full description, by ``id()``: ``inspanning-ID``, made
    unique when two efforts share an id."""
    anchors: dict[int, str] = {}
    for i in inspanningen:
        anchor = f"inspanning-{i.id}"
        while anchor in anchors.values():
            anchor += "-"
        anchors[id(i)] = anchor
    return anchors


def planned_in(inspanning: Inspanning, jaar: int) -> bool:
    """Whether the effort's planning names ``jaar``."""
    return any(str(p).startswith(str(jaar)) for p in inspanning.planning)
