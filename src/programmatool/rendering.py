"""Council documents: from contracts to Markdown, HTML and a portfolio site.

The view-model is built here, in Python: every total, every remark about a total that does not
add up and every status comes ready-made to the templates, which only lay it out. Templates are
looked up in a chain: the user's folder first (``--templates``), then the packaged templates, so
a municipality can replace one block without copying the rest.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from . import __version__
from . import formatting as fmt
from .model import Begroting, Contract, Indicator, Inspanning, OperationeelDoel, StrategischDoel

if TYPE_CHECKING:
    from jinja2 import Environment
    from markdown_it import MarkdownIt
    from rich.console import Console

    from .findings import Finding
    from .progress import IndicatorVoortgang, ProgrammaVoortgang

Formaat = Literal["md", "html", "pdf"]
FORMATEN: tuple[str, ...] = ("md", "html", "pdf")

#: Words for a contract's status, as a council member reads them.
STATUS_WOORDEN = {"concept": "concept", "vastgesteld": "vastgesteld", "gewijzigd": "gewijzigd"}
ROL_WOORDEN = {"regie": "regie", "afstemming": "afstemming", "faciliterend": "faciliterend"}

#: The order in which indicator statuses are summed up, best first.
STATUS_VOLGORDE = (
    "behaald",
    "op koers",
    "kleine achterstand",
    "achter",
    "geen meting",
    "niet te bepalen",
)
#: A sign per status, so that a status never depends on colour alone.
STATUS_TEKEN = {
    "behaald": "✔",
    "op koers": "●",
    "kleine achterstand": "▲",
    "achter": "✖",
    "geen meting": "○",
    "niet te bepalen": "?",
}


class RenderProblem(Exception):
    """A document that cannot be written (exit code 2); the message is Dutch."""


# --- templates --------------------------------------------------------------------------------


def packaged_templates() -> Path:
    """The templates shipped with the tool: inside the package, or the repository's folder."""
    inside = Path(__file__).resolve().parent / "templates"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent.parent / "templates"


def environment(templates: Path | None = None) -> Environment:
    """The Jinja2 environment: user templates first, packaged next, ``standaard/`` always packaged.

    ``{% extends "standaard/contract.html.j2" %}`` in a user template reaches the packaged one,
    so a template of the same name can replace a single block.
    """
    from jinja2 import (
        ChoiceLoader,
        Environment,
        FileSystemLoader,
        PrefixLoader,
        StrictUndefined,
        select_autoescape,
    )

    packaged = FileSystemLoader(str(packaged_templates()), encoding="utf-8")
    loaders: list[Any] = []
    if templates is not None:
        loaders.append(FileSystemLoader(str(templates), encoding="utf-8"))
    loaders.append(packaged)
    loaders.append(PrefixLoader({"standaard": packaged}))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2", "svg"),
            default_for_string=True,
            default=False,
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        bedrag=fmt.bedrag,
        getal=fmt.getal,
        percentage=fmt.percentage,
        datum=fmt.datum,
        waarde=fmt.waarde,
        markdown=markdown_html,
        md=markdown_veilig,
        cel=markdown_cel,
    )
    env.globals.update(status_teken=STATUS_TEKEN)
    return env


# --- Markdown in text fields ------------------------------------------------------------------


def _markdown_it() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Raw HTML is off: a contract's text can never inject markup or script. Images are off:
    # a document must not fetch anything from the web.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.disable("image")
    return md


_MD: list[MarkdownIt] = []


def markdown_html(text: str | None, kop: int = 4) -> Any:
    """Markdown from a text field as safe HTML; headings in it start at level ``kop``."""
    from markupsafe import Markup

    if not text:
        return Markup("")
    return Markup(_markdown_html(text, kop))


@functools.lru_cache(maxsize=4096)
def _markdown_html(text: str, kop: int) -> str:
    # Pure and the slowest step of rendering: texts that recur (the standard paragraphs that
    # contracts of one municipality share, or many copies of one contract) are parsed once.
    if not _MD:
        _MD.append(_markdown_it())
    md = _MD[0]
    tokens = md.parse(text)
    levels = [int(t.tag[1:]) for t in tokens if t.type == "heading_open"]
    # The text's highest heading becomes level ``kop``; the rest keep their relative depth.
    shift = kop - min(levels) if levels else 0
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1:]) + shift)}"
    return str(md.renderer.render(tokens, md.options, {}).rstrip("\n"))


_CODE_SPAN = re.compile(r"(`+)(.*?)\1", re.DOTALL)
_RAW_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")


def markdown_veilig(text: str | None, kop: int = 4) -> str:
    """Markdown from a text field for a Markdown document, with raw HTML neutralised.

    A ``<`` that would open an HTML tag gets a backslash, so a viewer shows it as text, and a
    link to ``javascript:`` (or ``vbscript:``, ``data:``, ``file:``) is shown as text instead of
    a link; code spans and fenced code blocks are left alone. Headings in the text start at ``kop``.
    """
    if not text:
        return ""
    lines = text.rstrip("\n").split("\n")
    levels = [len(m.group(1)) for line in _outside_fences(lines) if (m := _ATX_HEADING.match(line))]
    shift = kop - min(levels) if levels else 0
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        stripped = line.lstrip()
        marker = re.match(r"(`{3,}|~{3,})", stripped)
        if fence is not None:
            out.append(line)
            if marker and stripped.startswith(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            out.append(line)
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            level = min(6, len(heading.group(1)) + shift)
            line = "#" * level + line[heading.end(1) :]
        out.append(_escape_outside_code(line))
    # Inline links are neutralised in the whole text: a destination may be on the next line.
    return _INLINE_LINK.sub(_link_als_tekst, "\n".join(out))


def _outside_fences(lines: list[str]) -> list[str]:
    outside: list[str] = []
    fence: str | None = None
    for line in lines:
        marker = re.match(r"(`{3,}|~{3,})", line.lstrip())
        if fence is not None:
            if marker and line.lstrip().startswith(fence):
                fence = None
        elif marker:
            fence = marker.group(1)
        else:
            outside.append(line)
    return outside


def _escape_outside_code(line: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(line):
        parts.append(_neutraliseer(line[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_neutraliseer(line[last:]))
    return "".join(parts)


#: Link destinations that run something or open local files when a viewer follows them.
_ONVEILIG = ("javascript:", "vbscript:", "data:", "file:")
# An inline link's destination: ``](dest`` (optionally in angle brackets).
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
# A link reference definition: ``[label]: dest`` at the start of a line.
_LINK_DEFINITION = re.compile(r"^( {0,3})\[[^\]]*\]:\s*<?(\S*)")


def _onveilig(destination: str) -> bool:
    """Whether a link destination, decoded as a Markdown viewer decodes it, is unsafe."""
    import html
    from urllib.parse import unquote

    decoded = unquote(html.unescape(destination.replace("\\", "")))
    squeezed = "".join(ch for ch in decoded if ch > " ").lower().lstrip("<")
    return squeezed.startswith(_ONVEILIG)


def _neutraliseer(text: str) -> str:
    """Raw HTML and unsafe link definitions in a piece of Markdown, made plain text (unsafe
    inline links are handled in the whole text by :func:`markdown_veilig`)."""
    text = _RAW_HTML_START.sub(r"\\<", text)
    definition = _LINK_DEFINITION.match(text)
    if definition and _onveilig(definition.group(2)):
        text = f"{definition.group(1)}\\[{text[definition.end(1) + 1 :]}"
    return text


def _link_als_tekst(match: re.Match[str]) -> str:
    return "]\\(" + match.group(0)[2:] if _onveilig(match.group(1)) else match.group(0)


def markdown_cel(text: Any) -> str:
    """A value for one cell of a Markdown table: one line, pipes escaped, HTML neutralised."""
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    return markdown_veilig(flat).replace("|", "\\|")


# --- the view-model ---------------------------------------------------------------------------


@dataclass
class Rij:
    """A row of a table: a header cell and data cells, all as text."""

    kop: str
    cellen: list[str]
    klasse: str = ""


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


@dataclass
class InspanningView:
    """An effort with its role and leader in words."""

    inspanning: Inspanning
    rol: str
    trekker: str
    planning: str
    bedragen: str


@dataclass
class OperationeelView:
    """An operational goal with its indicators and the efforts serving it."""

    doel: OperationeelDoel
    indicatoren: list[IndicatorView]
    verantwoording: Any = None


@dataclass
class StrategischView:
    """A strategic goal: what we want to achieve and what we do for it."""

    doel: StrategischDoel
    operationeel: list[OperationeelView]
    inspanningen: list[InspanningView]
    verantwoording: Any = None


@dataclass
class BegrotingView:
    """A budget table ready to print, with remarks where a printed total does not add up."""

    titel: str
    bijschrift: str
    jaren: list[str]
    regels: list[Rij]
    totalen: Rij | None
    som: Rij | None
    extra: list[Rij]
    opmerkingen: list[str]
    toelichting: str | None
    totaal: str | None


@dataclass
class DinView:
    """The goals-efforts network: an SVG, a table and a Mermaid diagram."""

    svg: str
    mermaid: str
    rijen: list[tuple[str, str, list[str]]]
    los: list[str]
    samenvatting: str


@dataclass
class RelatieView:
    """A relation to another programme, with a link when its document is in the same set."""

    code: str
    naam: str
    link: str | None
    toelichting: str | None


@dataclass
class Document:
    """Everything a contract document shows; built once, laid out by a template."""

    contract: Contract
    bestand: str
    versie: str
    formaat: str
    jaar: int | None
    titelblok: list[tuple[str, str]]
    periode: str
    doelen: list[StrategischView]
    din: DinView
    begrotingen: list[BegrotingView]
    overige_middelen: list[Rij]
    spreidingen: list[BegrotingView]
    capaciteit: list[Rij]
    relaties: list[RelatieView]
    statussen: list[tuple[str, int]]
    status_programma: str
    bestandsnaam: str
    portfolio: bool


@dataclass
class PortfolioRegel:
    """One programme in the portfolio overview."""

    naam: str
    code: str
    link: str
    periode: str
    status: str
    begroting: list[str]
    begroting_titel: str
    statussen: list[tuple[str, int]]
    samenvatting: str


@dataclass
class PortfolioView:
    """The portfolio page: every programme and the relations between them."""

    programmas: list[PortfolioRegel]
    jaren: list[int]
    relaties: list[tuple[str, str, str, str | None, str | None]]
    versie: str
    gemeenten: list[str]


def _periode(contract: Contract) -> str:
    return f"{contract.periode.start}–{contract.periode.eind}"


def _personen(namen: Iterable[Any]) -> str:
    return ", ".join(p.naam + (f" ({p.functie})" if p.functie else "") for p in namen)


def _titelblok(contract: Contract) -> list[tuple[str, str]]:
    rows = [
        ("Programma", contract.programma),
        ("Gemeente", contract.gemeente),
        ("Periode", _periode(contract)),
        ("Status", STATUS_WOORDEN[contract.status]),
    ]
    if contract.versie:
        rows.append(("Versie", contract.versie))
    if contract.vastgesteld_op:
        rows.append(("Datum", fmt.datum(contract.vastgesteld_op)))
    if contract.kenmerk:
        rows.append(("Kenmerk", contract.kenmerk))
    opdrachtgevers = contract.rollen.bestuurlijk_opdrachtgevers
    label = "Bestuurlijk opdrachtgever" + ("s" if len(opdrachtgevers) > 1 else "")
    rows.append((label, _personen(opdrachtgevers)))
    if contract.rollen.ambtelijk_opdrachtgever:
        rows.append(
            ("Ambtelijk opdrachtgever", _personen([contract.rollen.ambtelijk_opdrachtgever]))
        )
    if contract.rollen.programmamanager:
        rows.append(("Programmamanager", _personen([contract.rollen.programmamanager])))
    for rol in contract.rollen.overige:
        if rol.personen:
            rows.append((rol.rol[:1].upper() + rol.rol[1:], _personen(rol.personen)))
    return rows


def _getal_of_none(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _beschrijf_reeks(label: str, data: dict[int, Any], eenheid: str) -> str:
    if not data:
        return f"geen {label}"
    parts = [f"{fmt.waarde(v, eenheid)} in {jaar}" for jaar, v in sorted(data.items())]
    return f"{label} " + ", ".join(parts)


def _indicator_view(
    indicator: Indicator, jaren: list[int], voortgang: IndicatorVoortgang | None, prefix: str
) -> IndicatorView:
    from . import svg

    eenheid = indicator.eenheid
    realisaties = {j: r for j, r in indicator.realisaties.items()}

    def realisatie_tekst(jaar: int) -> str:
        r = realisaties.get(jaar)
        if r is None:
            return "–"
        if r.waarde is not None:
            return fmt.waarde(r.waarde, eenheid)
        if r.datum is not None:
            return "bereikt op " + fmt.datum(r.datum)
        if r.behaald is not None:
            return "behaald" if r.behaald else "niet behaald"
        return "–"

    bronnen = sorted({r.bron for r in indicator.realisaties.values() if r.bron})
    bron = "; ".join(
        [b for b in [indicator.bron] if b] + [b for b in bronnen if b != indicator.bron]
    )
    toelichtingen = [
        (j, r.toelichting) for j, r in sorted(indicator.realisaties.items()) if r.toelichting
    ]
    streef_getallen = {
        j: v for j, w in indicator.streefwaarden.items() if (v := _getal_of_none(w)) is not None
    }
    real_getallen = {
        j: v
        for j, r in indicator.realisaties.items()
        if (v := _getal_of_none(r.waarde)) is not None
    }
    peil_getal = _getal_of_none(indicator.peilwaarde)
    peil = (
        (indicator.peiljaar, peil_getal) if indicator.peiljaar and peil_getal is not None else None
    )
    grafiek = ""
    grafiek_tekst = ""
    punten = len(streef_getallen) + len(real_getallen) + (1 if peil else 0)
    if indicator.meetsoort == "getal" and punten >= 2:
        delen = []
        if peil:
            delen.append(f"peilwaarde {fmt.waarde(peil[1], eenheid)} in {peil[0]}")
        delen.append(_beschrijf_reeks("streefwaarden", dict(streef_getallen), eenheid))
        delen.append(_beschrijf_reeks("realisaties", dict(real_getallen), eenheid))
        grafiek_tekst = f"Grafiek van {indicator.naam}: " + "; ".join(delen) + "."

        def label(value: float) -> str:
            return fmt.waarde(int(value) if float(value).is_integer() else value, eenheid)

        grafiek = svg.indicator_svg(
            peil,
            streef_getallen,
            real_getallen,
            f"Verloop van {indicator.naam}",
            grafiek_tekst,
            label,
            f"{prefix}-{indicator.id}",
        )
    if indicator.meetsoort == "mijlpaal":
        kenmerk = "mijlpaal"
    elif indicator.meetsoort == "schaal":
        kenmerk = "schaal: " + " – ".join(indicator.schaal) if indicator.schaal else "schaal"
        kenmerk += ", van slecht naar goed" if indicator.schaal else ""
    else:
        richting = "hoger" if indicator.richting == "hoger" else "lager"
        kenmerk = f"{eenheid}, {richting} is beter"
    streefdatum = ""
    if indicator.streefdatum is not None:
        streefdatum = fmt.datum(indicator.streefdatum)
        if indicator.streefdatum_tekst:
            streefdatum += f" ({indicator.streefdatum_tekst})"
    elif indicator.streefdatum_tekst:
        streefdatum = indicator.streefdatum_tekst
    return IndicatorView(
        kenmerk=kenmerk,
        streefdatum=streefdatum,
        indicator=indicator,
        jaren=jaren,
        peil=fmt.waarde(indicator.peilwaarde, eenheid) if indicator.peilwaarde is not None else "–",
        peiljaar=indicator.peiljaar,
        streef=[
            fmt.waarde(indicator.streefwaarden[j], eenheid) if j in indicator.streefwaarden else "–"
            for j in jaren
        ],
        realisatie=[realisatie_tekst(j) for j in jaren],
        bron=bron or "–",
        status=voortgang.status if voortgang else "niet te bepalen",
        uitleg=voortgang.uitleg if voortgang else "",
        toelichtingen=toelichtingen,
        grafiek=grafiek,
        grafiek_tekst=grafiek_tekst,
    )


def _planning(inspanning: Inspanning) -> str:
    delen = [str(p) for p in inspanning.planning]
    tekst = ", ".join(delen)
    if inspanning.planning_toelichting:
        tekst = (
            f"{tekst} ({inspanning.planning_toelichting})"
            if tekst
            else inspanning.planning_toelichting
        )
    return tekst or "–"


def _inspanning_view(inspanning: Inspanning) -> InspanningView:
    bedragen = ", ".join(
        f"{jaar}: {fmt.bedrag(b)}" for jaar, b in sorted(inspanning.bedragen.items())
    )
    if inspanning.bedrag_toelichting:
        bedragen = (
            f"{bedragen} ({inspanning.bedrag_toelichting})"
            if bedragen
            else inspanning.bedrag_toelichting
        )
    return InspanningView(
        inspanning=inspanning,
        rol=ROL_WOORDEN.get(inspanning.rol or "", "–"),
        trekker=inspanning.trekker or "–",
        planning=_planning(inspanning),
        bedragen=bedragen,
    )


def _in_jaar(inspanning: Inspanning, jaar: int) -> bool:
    return any(str(p).startswith(str(jaar)) for p in inspanning.planning)


def _begroting_view(begroting: Begroting, jaar: int | None = None) -> BegrotingView:
    eenheid = begroting.eenheid
    alle_jaren = begroting.jaren()
    jaren = [jaar] if jaar is not None else alle_jaren

    def cel(value: int | float | None) -> str:
        return "–" if value is None else fmt.bedrag(value, eenheid)

    afwijkingen = begroting.afwijkingen()
    opmerkingen: list[str] = []
    for year, (som, totaal) in afwijkingen.items():
        if jaar is not None and year != jaar:
            continue
        verschil = totaal - som
        opmerkingen.append(
            f"{year}: het gedrukte totaal is {fmt.bedrag(totaal, eenheid)}, maar de regels tellen "
            f"op tot {fmt.bedrag(som, eenheid)} (verschil {fmt.bedrag(verschil, eenheid)})."
        )
    if jaar is None:
        regels = [
            Rij(
                r.omschrijving + ("" if r.gedekt else " (nog niet gedekt)"),
                [cel(r.bedragen.get(j)) for j in jaren],
            )
            for r in begroting.regels
        ]
        kop = [str(j) for j in jaren]
    else:
        regels = []
        for r in begroting.regels:
            begroot = r.bedragen.get(jaar)
            besteed = r.besteed.get(jaar)
            over = cel(besteed - begroot) if begroot is not None and besteed is not None else "–"
            regels.append(Rij(r.omschrijving, [cel(begroot), cel(besteed), over]))
        kop = [f"Begroot {jaar}", f"Besteed {jaar}", "Verschil"]
    totalen = None
    som_rij = None
    if begroting.totalen:
        cellen = []
        for j in jaren:
            waarde = cel(begroting.totalen.get(j))
            if j in afwijkingen:
                waarde += " *"
            cellen.append(waarde)
        if jaar is not None:
            cellen += ["", ""]
        totalen = Rij("Totaal (zoals gedrukt)", cellen, "totaal")
    sommen = begroting.som_per_jaar()
    if any(j in afwijkingen for j in jaren) or (
        not begroting.totalen and len(begroting.regels) > 1
    ):
        cellen = [cel(sommen.get(j)) for j in jaren]
        if jaar is not None:
            besteed_som: int | float = 0
            heeft_besteed = False
            for r in begroting.regels:
                if jaar in r.besteed:
                    besteed_som += r.besteed[jaar]
                    heeft_besteed = True
            cellen += [cel(besteed_som) if heeft_besteed else "–", ""]
        label = "Som van de regels" if begroting.totalen else "Totaal (som van de regels)"
        som_rij = Rij(label, cellen, "som")
    extra = []
    if begroting.beschikbaar:
        cellen = [cel(begroting.beschikbaar.get(j)) for j in jaren]
        if jaar is not None:
            cellen += ["", ""]
        extra.append(Rij("Beschikbaar", cellen))
    return BegrotingView(
        titel=begroting.titel,
        bijschrift=fmt.eenheid_bijschrift(eenheid),
        jaren=kop,
        regels=regels,
        totalen=totalen,
        som=som_rij,
        extra=extra,
        opmerkingen=opmerkingen,
        toelichting=begroting.toelichting,
        totaal=(
            fmt.bedrag_in_euro(begroting.totaal, eenheid) if begroting.totaal is not None else None
        ),
    )


def _din_view(contract: Contract) -> DinView:
    from . import svg

    labels: dict[str, str] = {}
    strategisch = []
    for sd in contract.strategische_doelen:
        labels[sd.id] = f"{sd.id}. {sd.titel}"
        ods = []
        for od in sd.operationele_doelen:
            labels.setdefault(od.id, f"{od.id}. {od.titel}")
            ods.append(svg.DinKnoop(od.id, labels[od.id]))
        strategisch.append(svg.DinStrategisch(svg.DinKnoop(sd.id, labels[sd.id]), ods))
    inspanningen = [
        svg.DinInspanning(svg.DinKnoop(i.id, i.titel), list(i.doelen))
        for i in contract.inspanningen
    ]
    bijdragen = sum(len([d for d in i.doelen if d in labels]) for i in contract.inspanningen)
    samenvatting = (
        f"{len(contract.strategische_doelen)} strategische doelen, "
        f"{len(contract.operationele_doelen())} operationele doelen en "
        f"{len(contract.inspanningen)} inspanningen met {bijdragen} bijdragen aan doelen. "
        "Dezelfde gegevens staan in de tabel onder de figuur."
    )
    drawing = svg.din_svg(
        strategisch,
        inspanningen,
        f"Doelen-inspanningennetwerk van {contract.programma}",
        samenvatting,
    )
    rijen: list[tuple[str, str, list[str]]] = []
    for sd in contract.strategische_doelen:
        direct = [i.titel for i in contract.inspanningen if sd.id in i.doelen]
        if direct:
            rijen.append((labels[sd.id], "(het strategische doel zelf)", direct))
        for od in sd.operationele_doelen:
            bij = [i.titel for i in contract.inspanningen if od.id in i.doelen]
            rijen.append((labels[sd.id], f"{od.id}. {od.titel}", bij))
    los = [i.titel for i in contract.inspanningen if not any(d in labels for d in i.doelen)]
    return DinView(drawing, _mermaid(contract, labels), rijen, los, samenvatting)


def _mermaid_label(text: str) -> str:
    replacements = {"&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;"}
    out = "".join(replacements.get(ch, ch) for ch in " ".join(text.split()))
    return out


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


def _statussen(voortgang: ProgrammaVoortgang | None) -> list[tuple[str, int]]:
    if voortgang is None:
        return []
    counts: dict[str, int] = {}
    for iv in voortgang.indicatoren:
        counts[iv.status] = counts.get(iv.status, 0) + 1
    return [(s, counts[s]) for s in STATUS_VOLGORDE if s in counts]


def _voortgang(contract: Contract, jaar: int | None) -> ProgrammaVoortgang | None:
    from .progress import contract_progress

    return contract_progress(contract, jaar)


def build_document(
    contract: Contract,
    bestand: str,
    formaat: str,
    jaar: int | None = None,
    namen: dict[str, str] | None = None,
    portfolio: bool = False,
) -> Document:
    """The view-model of one contract document (``jaar`` set: the annual account of that year)."""
    voortgang = _voortgang(contract, jaar)
    per_indicator: dict[int, IndicatorVoortgang] = {}
    if voortgang is not None:
        for iv in voortgang.indicatoren:
            per_indicator[id(iv.indicator)] = iv
    jaren = list(range(contract.periode.start, contract.periode.eind + 1))
    if jaar is not None:
        jaren = [jaar]
    doelen: list[StrategischView] = []
    for sd in contract.strategische_doelen:
        ods = []
        od_ids = {od.id for od in sd.operationele_doelen}
        for od in sd.operationele_doelen:
            inds = [
                _indicator_view(ind, jaren, per_indicator.get(id(ind)), f"ind-{sd.id}-{od.id}")
                for ind in contract.indicatoren
                if ind.doel == od.id
            ]
            ods.append(
                OperationeelView(
                    od, inds, od.verantwoording.get(jaar) if jaar is not None else None
                )
            )
        inspanningen = [
            _inspanning_view(i)
            for i in contract.inspanningen
            if (sd.id in i.doelen or od_ids.intersection(i.doelen))
            and (jaar is None or _in_jaar(i, jaar) or not i.planning)
        ]
        doelen.append(
            StrategischView(
                sd, ods, inspanningen, sd.verantwoording.get(jaar) if jaar is not None else None
            )
        )
    middelen = contract.middelen
    begrotingen = [_begroting_view(b, jaar) for b in middelen.begrotingen] if middelen else []
    overige: list[Rij] = []
    spreidingen: list[BegrotingView] = []
    if middelen:
        for o in middelen.overige:
            if o.bedrag is None:
                bedrag = "p.m."
            elif o.bedrag_tot is not None:
                bedrag = (
                    f"{fmt.bedrag(o.bedrag, o.eenheid)} tot {fmt.bedrag(o.bedrag_tot, o.eenheid)}"
                )
            else:
                bedrag = fmt.bedrag(o.bedrag, o.eenheid)
            if o.eenheid == "duizend_euro":
                bedrag += " (× € 1.000)"
            soort = {"ongedekt": "nog niet gedekt"}.get(o.soort, o.soort)
            overige.append(
                Rij(
                    o.omschrijving,
                    [bedrag, str(o.jaar) if o.jaar else "–", soort, o.toelichting or ""],
                )
            )
        for s in middelen.spreidingen:
            spreidingen.append(
                BegrotingView(
                    titel=s.omschrijving,
                    bijschrift=fmt.eenheid_bijschrift(s.eenheid),
                    jaren=["Percentage", "Bedrag"],
                    regels=[
                        Rij(
                            str(j),
                            [
                                fmt.percentage(sj.percentage),
                                fmt.bedrag(sj.bedrag, s.eenheid) if sj.bedrag is not None else "–",
                            ],
                        )
                        for j, sj in sorted(s.jaren.items())
                    ],
                    totalen=None,
                    som=None,
                    extra=[],
                    opmerkingen=[],
                    toelichting=s.toelichting,
                    totaal=fmt.bedrag(s.totaal, s.eenheid) if s.totaal is not None else None,
                )
            )
    capaciteit = []
    for c in contract.capaciteit:

        def uren(u: Any) -> str:
            return fmt.uren(u.van, u.tot) if u is not None else "–"

        capaciteit.append(
            Rij(
                c.rol,
                [uren(c.uren_per_week), uren(c.uren_totaal), uren(c.uren), c.toelichting or ""],
            )
        )
    namen = namen or {}
    relaties = [
        RelatieView(
            r.programma,
            namen.get(r.programma, r.programma),
            f"{r.programma}.{formaat}" if r.programma in namen else None,
            r.toelichting,
        )
        for r in contract.relaties
    ]
    suffix = f"-verantwoording-{jaar}" if jaar is not None else ""
    return Document(
        contract=contract,
        bestand=bestand,
        versie=__version__,
        formaat=formaat,
        jaar=jaar,
        titelblok=_titelblok(contract),
        periode=_periode(contract),
        doelen=doelen,
        din=_din_view(contract),
        begrotingen=begrotingen,
        overige_middelen=overige,
        spreidingen=spreidingen,
        capaciteit=capaciteit,
        relaties=relaties,
        statussen=_statussen(voortgang),
        status_programma=voortgang.status if voortgang is not None else "",
        bestandsnaam=f"{contract.code}{suffix}.{formaat}",
        portfolio=portfolio,
    )


def _hoofdbegroting(contract: Contract) -> Begroting | None:
    if contract.middelen is None:
        return None
    for b in contract.middelen.begrotingen:
        if b.eenheid in ("euro", "duizend_euro"):
            return b
    return None


class PortfolioBron(Protocol):
    """What the portfolio page needs of each programme's document."""

    @property
    def contract(self) -> Contract: ...
    @property
    def bestandsnaam(self) -> str: ...
    @property
    def periode(self) -> str: ...
    @property
    def statussen(self) -> list[tuple[str, int]]: ...
    @property
    def status_programma(self) -> str: ...


@dataclass(frozen=True)
class DocumentSamenvatting:
    """The part of a rendered document the portfolio page uses (sent back by workers)."""

    contract: Contract
    bestandsnaam: str
    periode: str
    statussen: list[tuple[str, int]]
    status_programma: str


def build_portfolio(documenten: Sequence[PortfolioBron]) -> PortfolioView:
    """The view-model of the portfolio page from the documents of all programmes."""
    per_programma: list[tuple[Begroting | None, dict[int, int | float]]] = []
    for d in documenten:
        hoofd = _hoofdbegroting(d.contract)
        bedragen: dict[int, int | float] = {}
        if hoofd is not None:
            bedragen = dict(hoofd.totalen) if hoofd.totalen else hoofd.som_per_jaar()
        per_programma.append((hoofd, bedragen))
    # Only years in which some programme has an amount: a column of dashes helps no one.
    jaren = sorted({j for _, bedragen in per_programma for j in bedragen})
    regels = []
    for d, (hoofd, bedragen) in zip(documenten, per_programma, strict=True):
        c = d.contract
        regels.append(
            PortfolioRegel(
                naam=c.programma,
                code=c.code,
                link=d.bestandsnaam,
                periode=d.periode,
                status=STATUS_WOORDEN[c.status],
                begroting=[
                    fmt.bedrag_in_euro(bedragen[j], hoofd.eenheid)
                    if hoofd and j in bedragen
                    else "–"
                    for j in jaren
                ],
                begroting_titel=hoofd.titel if hoofd else "",
                statussen=d.statussen,
                samenvatting=d.status_programma,
            )
        )
    namen = {d.contract.code: d.contract.programma for d in documenten}
    links = {d.contract.code: d.bestandsnaam for d in documenten}
    relaties = [
        (
            d.contract.programma,
            d.bestandsnaam,
            namen.get(r.programma, r.programma),
            links.get(r.programma),
            r.toelichting,
        )
        for d in documenten
        for r in d.contract.relaties
    ]
    return PortfolioView(
        programmas=regels,
        jaren=jaren,
        relaties=relaties,
        versie=__version__,
        gemeenten=sorted({d.contract.gemeente for d in documenten}),
    )


# --- writing ----------------------------------------------------------------------------------


@dataclass
class RenderResult:
    """What ``render`` did: files written, findings in contracts that could not be rendered."""

    geschreven: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problemen: list[str] = field(default_factory=list)


def doelpad(out: Path, naam: str) -> Path:
    """The path of a document in ``out``; refuses any name that would land outside it."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}\.(md|html|pdf)", naam):
        raise RenderProblem(f"ongeldige bestandsnaam voor een document: {naam!r}")
    target = (out / naam).resolve()
    if target.parent != out.resolve():
        raise RenderProblem(f"{naam} zou buiten {out.as_posix()} terechtkomen; niet geschreven")
    return out / naam


def render_text(env: Environment, template: str, **context: Any) -> str:
    """Render a template to text with a trailing newline and no trailing spaces."""
    text = env.get_template(template).render(**context)
    lines = [line.rstrip() for line in text.split("\n")]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return cleaned.strip("\n") + "\n"


def sjabloon(soort: str, formaat: str) -> str:
    """The template of a kind of document; a PDF is the HTML document laid out on pages."""
    return f"{soort}.{'html' if formaat == 'pdf' else formaat}.j2"


def als_pdf(env: Environment, html: str) -> bytes:
    """An HTML document as a PDF, with the print stylesheet ``pdf.css`` of the template chain."""
    from jinja2 import TemplateNotFound

    from .pdf import STIJLBLAD, PdfProblem, html_naar_pdf

    try:
        assert env.loader is not None
        stylesheet = env.loader.get_source(env, STIJLBLAD)[0]
    except TemplateNotFound as exc:
        raise RenderProblem(f"sjabloon {STIJLBLAD} ontbreekt") from exc
    try:
        return html_naar_pdf(html, stylesheet)
    except PdfProblem as exc:
        raise RenderProblem(str(exc)) from exc


def controleer_pdf() -> None:
    """Refuse to start on PDF documents when the PDF engine cannot be loaded."""
    from .pdf import PdfProblem, _weasyprint

    try:
        _weasyprint()
    except PdfProblem as exc:
        raise RenderProblem(str(exc)) from exc


def render_contract(
    contract: Contract,
    bestand: str,
    formaat: str,
    jaar: int | None = None,
    templates: Path | None = None,
) -> str:
    """One contract as a Markdown or HTML document (``jaar``: the annual account of that year)."""
    if formaat not in ("md", "html"):
        raise RenderProblem(
            f"onbekend formaat {formaat!r}; kies md of html (een PDF maakt render_contract_pdf)"
        )
    doc = build_document(contract, bestand, formaat, jaar, {contract.code: contract.programma})
    kind = "verantwoording" if jaar is not None else "contract"
    return render_text(environment(templates), sjabloon(kind, formaat), doc=doc)


def render_contract_pdf(
    contract: Contract,
    bestand: str,
    jaar: int | None = None,
    templates: Path | None = None,
) -> bytes:
    """One contract as an A4 PDF (``jaar``: the annual account of that year)."""
    controleer_pdf()
    doc = build_document(contract, bestand, "pdf", jaar, {contract.code: contract.programma})
    kind = "verantwoording" if jaar is not None else "contract"
    env = environment(templates)
    return als_pdf(env, render_text(env, sjabloon(kind, "pdf"), doc=doc))


def render(
    paths: list[Path],
    formaat: str,
    out: Path,
    templates: Path | None = None,
    jaar: int | None = None,
) -> RenderResult:
    """Render every contract under ``paths`` into ``out``; in HTML also the portfolio index.

    Files are written atomically; nothing is written outside ``out``.
    """
    from jinja2 import TemplateError

    from .checking import find_contract_files
    from .writing import write_atomic

    if formaat not in FORMATEN:
        raise RenderProblem(f"onbekend formaat {formaat!r}; kies md, html of pdf")
    if templates is not None and not templates.is_dir():
        raise RenderProblem(f"{templates.as_posix()}: map met sjablonen bestaat niet")
    if formaat == "pdf":
        controleer_pdf()
    result = RenderResult()
    files, result.problemen = find_contract_files(paths)
    contracten: list[tuple[Contract, str]] = []
    seen: dict[str, str] = {}
    for (_path, name), (findings, contract) in zip(files, _load_all(files), strict=True):
        result.findings.extend(f for f in findings if f.niveau == "fout")
        if contract is None:
            continue
        code = contract.code
        if code in seen:
            result.problemen.append(
                f"{name}: code {code!r} komt ook voor in {seen[code]}; niet opnieuw geschreven"
            )
            continue
        seen[code] = name
        contracten.append((contract, name))
    if not contracten:
        return result

    environment(templates)  # a broken templates folder fails here, before any work
    namen = {c.code: c.programma for c, _ in contracten}
    try:
        rendered = _render_all(contracten, formaat, jaar, namen, templates)
        outputs: list[tuple[str, str | bytes]] = [
            (samenvatting.bestandsnaam, text) for samenvatting, text in rendered
        ]
        if formaat in ("html", "pdf"):
            portfolio = build_portfolio([samenvatting for samenvatting, _ in rendered])
            env = environment(templates)
            index = render_text(env, "portfolio.html.j2", p=portfolio)
            outputs.append((f"index.{formaat}", als_pdf(env, index) if formaat == "pdf" else index))
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or getattr(exc, "name", None) or "sjabloon"
        line = getattr(exc, "lineno", None)
        position = f"{where}:{line}" if line else str(where)
        raise RenderProblem(f"{position}: fout in sjabloon: {exc.message or exc}") from exc

    from .oserrors import reden

    if out.exists() and not out.is_dir():
        raise RenderProblem(f"{out.as_posix()} is geen map")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderProblem(f"kan map {out.as_posix()} niet maken: {reden(exc)}") from exc
    if not out.is_dir():
        raise RenderProblem(f"{out.as_posix()} is geen map")
    targets = [(doelpad(out, naam), text) for naam, text in outputs]
    for target, text in targets:
        try:
            write_atomic(target, text if isinstance(text, bytes) else text.encode("utf-8"))
        except OSError as exc:
            raise RenderProblem(f"kan {target.as_posix()} niet schrijven: {reden(exc)}") from exc
        result.geschreven.append(target)
    return result


def _load_all(files: list[tuple[Path, str]]) -> list[tuple[list[Finding], Contract | None]]:
    """Every file loaded: its findings and, when valid, its contract."""
    from . import parallel

    return parallel.run({"files": files}, _load_one, len(files), chunksize=8)


def _load_one(index: int) -> tuple[list[Finding], Contract | None]:
    from .loading import load_contract
    from .parallel import WERK

    path, name = WERK["files"][index]
    loaded = load_contract(path, name)
    return loaded.findings, loaded.contract


def _render_all(
    contracten: list[tuple[Contract, str]],
    formaat: str,
    jaar: int | None,
    namen: dict[str, str],
    templates: Path | None,
) -> list[tuple[DocumentSamenvatting, str | bytes]]:
    """Each contract's document (text, or bytes for a PDF) with the summary the portfolio page
    uses."""
    work = {
        "contracten": contracten,
        "formaat": formaat,
        "jaar": jaar,
        "namen": namen,
        "templates": templates,
    }
    from . import parallel

    # A PDF takes seconds to lay out, so PDFs go to all cores from two contracts on.
    texts = parallel.run(
        work,
        _render_one,
        len(contracten),
        chunksize=4 if formaat != "pdf" else 1,
        parallel_from=2 if formaat == "pdf" else parallel.PARALLEL_FROM,
    )
    return [
        (DocumentSamenvatting(contract, bestandsnaam, periode, statussen, status), text)
        for (contract, _name), (bestandsnaam, periode, statussen, status, text) in zip(
            contracten, texts, strict=True
        )
    ]


def _render_one(index: int) -> tuple[str, str, list[tuple[str, int]], str, str | bytes]:
    # Only text and the small summary go back to the main process, not the contract.
    from .parallel import WERK

    contract, name = WERK["contracten"][index]
    formaat = WERK["formaat"]
    jaar = WERK["jaar"]
    doc = build_document(contract, name, formaat, jaar, WERK["namen"], portfolio=formaat != "md")
    kind = "verantwoording" if jaar is not None else "contract"
    if "env" not in WERK:  # compiled templates are reused for every contract of this process
        WERK["env"] = environment(WERK["templates"])
    text = render_text(WERK["env"], sjabloon(kind, formaat), doc=doc)
    document = als_pdf(WERK["env"], text) if formaat == "pdf" else text
    return doc.bestandsnaam, doc.periode, doc.statussen, doc.status_programma, document


def run_render(
    paths: list[Path],
    formaat: str,
    out: Path,
    templates: Path | None,
    jaar: int | None,
    stdout: Console,
    stderr: Console,
) -> int:
    """The ``render`` command: render, report what was written, return the exit code.

    0: every contract rendered; 1: a contract had errors and was skipped; 2: could not work.
    """
    result = render(paths, formaat, out, templates, jaar)
    for problem in result.problemen:
        stderr.print(f"programmatool: {problem}", markup=False, highlight=False)
    for finding in result.findings:
        stderr.print(finding.als_tekst(), markup=False, highlight=False, soft_wrap=True)
    if result.findings:
        bestanden = sorted({f.bestand for f in result.findings})
        stderr.print(
            "niet gemaakt wegens fouten: "
            + ", ".join(bestanden)
            + " (gebruik 'programmatool check' voor alle bevindingen)",
            markup=False,
            highlight=False,
        )
    if not result.geschreven and not result.findings and not result.problemen:
        raise RenderProblem(
            "geen contractbestanden (*.yaml, *.yml) gevonden in "
            + ", ".join(p.as_posix() for p in paths)
        )
    for path in result.geschreven:
        stdout.print(f"geschreven: {path.as_posix()}", markup=False, highlight=False)
    if result.problemen:
        return 2
    return 1 if result.findings else 0
