"""The goals-efforts network (DIN): a drawing, a table and a Mermaid diagram of which effort
serves which goal."""

from __future__ import annotations

from dataclasses import dataclass

from programmatool.model.contract import Contract
from programmatool.rendering.views.common import count_words


@dataclass
class DinView:
    """The goals-efforts network: an SVG, a table and a Mermaid diagram."""

    svg: str
    mermaid: str
    rijen: list[tuple[str, str, list[str]]]
    los: list[str]
    samenvatting: str


def goal_labels(contract: Contract) -> dict[str, str]:
    """Every goal's label, "id. titel", by its id."""
    labels = {sd.id: f"{sd.id}. {sd.titel}" for sd in contract.strategische_doelen}
    for od in contract.operationele_doelen():
        labels.setdefault(od.id, f"{od.id}. {od.titel}")
    return labels


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
    return (
        f"{doelen} en {count_words(len(contract.inspanningen), 'inspanning', 'inspanningen')} "
        f"met {count_words(bijdragen, 'bijdrage', 'bijdragen')} aan doelen. "
        "Dezelfde gegevens staan in de tabel onder de figuur."
    )


def _drawing(contract: Contract, labels: dict[str, str], samenvatting: str) -> str:
    from programmatool.rendering import svg

    strategisch = [
        svg.DinStrategisch(
            svg.DinKnoop(sd.id, labels[sd.id]),
            [svg.DinKnoop(od.id, labels[od.id]) for od in sd.operationele_doelen],
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
        samenvatting,
    )


def _rows(contract: Contract, labels: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    rijen: list[tuple[str, str, list[str]]] = []
    for sd in contract.strategische_doelen:
        direct = [i.titel for i in contract.inspanningen if sd.id in i.doelen]
        if direct:
            zelf = (
                "(het doel zelf)" if contract.doelniveaus == 1 else "(het strategische doel zelf)"
            )
            rijen.append((labels[sd.id], zelf, direct))
        for od in sd.operationele_doelen:
            bij = [i.titel for i in contract.inspanningen if od.id in i.doelen]
            rijen.append((labels[sd.id], f"{od.id}. {od.titel}", bij))
    return rijen


def din_view(contract: Contract) -> DinView:
    """The network of the contract's goals and efforts."""
    labels = goal_labels(contract)
    samenvatting = _summary(contract, labels)
    los = [i.titel for i in contract.inspanningen if not any(d in labels for d in i.doelen)]
    return DinView(
        _drawing(contract, labels, samenvatting),
        _mermaid(contract, labels),
        _rows(contract, labels),
        los,
        samenvatting,
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
        for od in sd.operationele_doelen:
            if od.id not in namen:
                teller += 1
                namen[od.id] = f"od{teller}"
                lines.append(f'  od{teller}["{_mermaid_label(labels[od.id])}"]')
            lines.append(f"  {namen[sd.id]} --> {namen[od.id]}")
    for n, ins in enumerate(contract.inspanningen, 1):
        lines.append(f'  ins{n}(["{_mermaid_label(ins.titel)}"])')
        for doel in ins.doelen:
            if doel in namen:
                lines.append(f"  {namen[doel]} --- ins{n}")
    return "\n".join(lines)
