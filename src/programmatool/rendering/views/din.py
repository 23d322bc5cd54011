"""The goals-efforts network (DIN): a drawing, a table and a Mermaid diagram of which effort
serves which goal.

The table is a matrix: a row per effort (its number and title, linked to its description), a
column per goal it can serve, a mark where it does. Every effort and every contribution is in
it once, however many goals an effort serves."""

from __future__ import annotations

from dataclasses import dataclass

from programmatool.model.contract import ONBEKEND, Contract
from programmatool.rendering.views.common import count_words
from programmatool.rendering.views.efforts import effort_anchors


@dataclass
class DinKolom:
    """A goal column of the matrix: the goal's number, its full label and the link to its
    heading (``#doel-…``)."""

    id: str
    titel: str
    anker: str


@dataclass
class DinGroep:
    """The strategic goal above its columns: its label and how many columns it spans."""

    kop: str
    anker: str
    breedte: int


@dataclass
class DinRij:
    """An effort in the matrix: number, title, link to its description, a mark per column."""

    id: str
    titel: str
    anker: str
    bij: list[bool]


@dataclass
class DinView:
    """The goals-efforts network: an SVG, a table and a Mermaid diagram."""

    svg: str
    mermaid: str
    rijen: list[tuple[str, str, list[str]]]
    #: Efforts linked to no goal of the contract (their titles).
    los: list[str]
    samenvatting: str
    groepen: list[DinGroep]
    kolommen: list[DinKolom]
    matrix: list[DinRij]
    #: Goals that no effort serves: their number and the anchor of their heading.
    zonder_inspanning: list[tuple[str, str]]
    #: Whether the drawing shows the efforts (or only the goals, the efforts being the table).
    getekend: bool
    #: Efforts whose goals the source does not name (``doelen: onbekend``), apart from ``los``.
    onbekend: list[str]


def goal_labels(contract: Contract) -> dict[str, str]:
    """Every goal's label, "id. titel", by its id."""
    labels = {sd.id: f"{sd.id}. {sd.titel}" for sd in contract.strategische_doelen}
    for sd in contract.strategische_doelen:
        for sub in sd.subdoelen:
            labels.setdefault(sub.id, f"{sub.id}. {sub.titel}")
    for od in contract.operationele_doelen():
        labels.setdefault(od.id, f"{od.id}. {od.titel}")
    return labels


def goal_anchors(contract: Contract) -> dict[str, str]:
    """The anchor of every goal's heading in a document, by its id."""
    anchors = {sd.id: f"doel-{sd.id}" for sd in contract.strategische_doelen}
    for sd in contract.strategische_doelen:
        for sub in sd.subdoelen:  # a sub-goal is described under its strategic goal
            anchors.setdefault(sub.id, f"doel-{sd.id}")
        for od in sd.operationele_doelen:
            anchors.setdefault(od.id, f"doel-{sd.id}-{od.id}")
    return anchors


def _summary(contract: Contract, labels: dict[str, str]) -> str:
    bijdragen = sum(len([d for d in i.doelen if d in labels]) for i in contract.inspanningen)
    if contract.doelniveaus == 1:
        doelen = count_words(len(contract.strategische_doelen), "doel", "doelen")
    else:
        doelen = (
            count_words(
                len(contract.strategische_doelen), "strategisch doel", "strategische doelen"
            )
            + ", "
            + count_words(
                len(contract.operationele_doelen()), "operationeel doel", "operationele doelen"
            )
        )
    tekst = f"{doelen} en {count_words(len(contract.inspanningen), 'inspanning', 'inspanningen')}"
    if not bijdragen:
        return tekst + "."
    return f"{tekst} met {count_words(bijdragen, 'bijdrage', 'bijdragen')} aan doelen."


def _drawing(contract: Contract, labels: dict[str, str], samenvatting: str) -> str:
    from programmatool.rendering import svg

    strategisch = [
        svg.DinStrategisch(
            svg.DinKnoop(sd.id, labels[sd.id]),
            # Sub-goals (subdoelen) are drawn as goals of their own, before the operational goals.
            [svg.DinKnoop(sub.id, labels[sub.id]) for sub in sd.subdoelen]
            + [svg.DinKnoop(od.id, labels[od.id]) for od in sd.operationele_doelen],
        )
        for sd in contract.strategische_doelen
    ]
    inspanningen = [
        svg.DinInspanning(svg.DinKnoop(i.id, i.titel), list(i.doelen))
        for i in contract.inspanningen
    ]
    return svg.din_svg(
        strategisch,
        inspanningen,
        f"Doelen-inspanningennetwerk van {contract.programma}",
        samenvatting + " Welke inspanning aan welk doel bijdraagt staat in de tabel eronder.",
    )


def _matrix(
    contract: Contract, labels: dict[str, str]
) -> tuple[list[DinGroep], list[DinKolom], list[DinRij], list[tuple[str, str]]]:
    """The matrix: a column for every goal some effort serves, grouped by strategic goal; the
    goals no effort serves are returned apart, to be named in a sentence."""
    anchors = goal_anchors(contract)
    served = {d for i in contract.inspanningen for d in i.doelen}
    groepen: list[DinGroep] = []
    kolommen: list[DinKolom] = []
    zonder: list[tuple[str, str]] = []
    for sd in contract.strategische_doelen:
        ids = [
            sd.id,
            *(sub.id for sub in sd.subdoelen if sub.id in served),
            *(od.id for od in sd.operationele_doelen),
        ]
        if not sd.operationele_doelen and sd.id not in served:
            zonder.append((sd.id, "#" + anchors[sd.id]))
        eigen = [d for d in ids if d in served]
        zonder += [(d, "#" + anchors[d]) for d in ids[1:] if d not in served]
        if eigen:
            kop = "Doel" if contract.doelniveaus == 1 else "Strategisch doel"
            groepen.append(DinGroep(f"{kop} {sd.id}", "#" + anchors[sd.id], len(eigen)))
            kolommen += [DinKolom(d, labels[d], "#" + anchors[d]) for d in eigen]
    effort = effort_anchors(contract.inspanningen)
    rijen = [
        DinRij(i.id, i.titel, "#" + effort[id(i)], [k.id in i.doelen for k in kolommen])
        for i in contract.inspanningen
        if any(k.id in i.doelen for k in kolommen)
    ]
    return groepen, kolommen, rijen, zonder


def _rows(contract: Contract, labels: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    rijen: list[tuple[str, str, list[str]]] = []
    for sd in contract.strategische_doelen:
        direct = [i.titel for i in contract.inspanningen if sd.id in i.doelen]
        if direct:
            zelf = (
                "(het doel zelf)" if contract.doelniveaus == 1 else "(het strategische doel zelf)"
            )
            rijen.append((labels[sd.id], zelf, direct))
        for sub in sd.subdoelen:
            bij_sub = [i.titel for i in contract.inspanningen if sub.id in i.doelen]
            if bij_sub:
                rijen.append((labels[sd.id], labels[sub.id], bij_sub))
        for od in sd.operationele_doelen:
            bij = [i.titel for i in contract.inspanningen if od.id in i.doelen]
            rijen.append((labels[sd.id], f"{od.id}. {od.titel}", bij))
    return rijen


def din_view(contract: Contract) -> DinView:
    """The network of the contract's goals and efforts."""
    labels = goal_labels(contract)
    samenvatting = _summary(contract, labels)
    unlinked = [i for i in contract.inspanningen if not any(d in labels for d in i.doelen)]
    los = [i.titel for i in unlinked if ONBEKEND not in i.doelen]
    onbekend = [i.titel for i in unlinked if ONBEKEND in i.doelen]
    groepen, kolommen, matrix, zonder = _matrix(contract, labels)
    tekening = _drawing(contract, labels, samenvatting)
    return DinView(
        tekening,
        _mermaid(contract, labels),
        _rows(contract, labels),
        los,
        samenvatting,
        groepen,
        kolommen,
        matrix,
        zonder,
        'class="din-knoop din-ins"' in tekening,
        onbekend,
    )


def _mermaid_label(text: str) -> str:
    # A backtick could end the Markdown fence around the diagram; Mermaid's own entity keeps it.
    replacements = {
        "&": "#amp;",
        '"': "#quot;",
        "<": "#lt;",
        ">": "#gt;",
        "#": "#35;",
        "`": "#96;",
    }
    return "".join(replacements.get(ch, ch) for ch in " ".join(text.split()))


def _mermaid(contract: Contract, labels: dict[str, str]) -> str:
    """The network as a Mermaid flowchart; node names are generated, labels are escaped."""
    namen: dict[str, str] = {}
    lines = ["flowchart LR"]
    for n, sd in enumerate(contract.strategische_doelen, 1):
        namen[sd.id] = f"sd{n}"
        lines.append(f'  sd{n}["{_mermaid_label(labels[sd.id])}"]')
    teller = 0
    for sd in contract.strategische_doelen:
        for sub in sd.subdoelen:
            if sub.id not in namen:
                teller += 1
                namen[sub.id] = f"sub{teller}"
                lines.append(f'  sub{teller}["{_mermaid_label(labels[sub.id])}"]')
            lines.append(f"  {namen[sd.id]} --> {namen[sub.id]}")
        subs = {sub.id for sub in sd.subdoelen}
        for od in sd.operationele_doelen:
            if od.id not in namen:
                teller += 1
                namen[od.id] = f"od{teller}"
                lines.append(f'  od{teller}["{_mermaid_label(labels[od.id])}"]')
            above = od.subdoel if od.subdoel in subs else sd.id
            lines.append(f"  {namen[above]} --> {namen[od.id]}")
    for n, ins in enumerate(contract.inspanningen, 1):
        lines.append(f'  ins{n}(["{_mermaid_label(ins.titel)}"])')
        for doel in ins.doelen:
            if doel in namen:
                lines.append(f"  {namen[doel]} --- ins{n}")
    return "\n".join(lines)
