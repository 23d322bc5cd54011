"""The ``render`` command's work: templates looked up in a chain (the user's folder first, then
the packaged ones), documents rendered on all cores and written atomically inside ``--out``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import formatting as fmt
from ..model import Contract
from ..progress import STANDAARD_DREMPELS, Drempels

if TYPE_CHECKING:
    from jinja2 import Environment
    from rich.console import Console

    from ..adoption import SindsVaststelling
    from ..config import Config
    from ..findings import Finding
from .notes import markdown_html_met_noot, markdown_md_met_noot
from .safety import (
    VeiligMarkdown,
    markdown_cel,
    md_code,
    md_tekst,
)
from .views import (
    FORMATEN,
    FOUT_TEKEN,
    STATUS_TEKEN,
    DocumentSamenvatting,
    build_document,
    build_portfolio,
)


class RenderProblem(Exception):
    """A document that cannot be written (exit code 2); the message is Dutch."""


# --- templates --------------------------------------------------------------------------------


def packaged_templates() -> Path:
    """The templates shipped with the tool: inside the package, or the repository's folder."""
    package = Path(__file__).resolve().parent.parent
    inside = package / "templates"
    if inside.is_dir():
        return inside
    return package.parent.parent / "templates"


def environment(templates: Path | None = None, formaat: str = "html") -> Environment:
    """The Jinja2 environment for documents of ``formaat`` (``md`` or ``html``).

    Templates are looked up in the user's folder first, then in the packaged ones; ``standaard/``
    always reaches the packaged ones, so ``{% extends "standaard/contract.html.j2" %}`` in a user
    template can replace a single block.

    A ``--templates`` folder is data, not code: with one, every template runs in Jinja's
    sandbox, so a template can use the document's values but reach no Python object, attribute
    or method beyond them (the sandbox halves the speed of laying out, so the packaged templates
    alone, which are the tool's own code, run without it). Every value a template prints is
    escaped by default: for HTML by Jinja's autoescaping, for Markdown by :func:`_md_finalize`;
    only what the ``md``, ``cel`` and ``code`` filters, macros or ``safe`` return is taken as it
    is.
    """
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    packaged = FileSystemLoader(str(packaged_templates()), encoding="utf-8")
    loaders: list[Any] = []
    if templates is not None:
        loaders.append(FileSystemLoader(str(templates), encoding="utf-8"))
    loaders.append(packaged)
    loaders.append(PrefixLoader({"standaard": packaged}))
    markdown = formaat == "md"
    soort = Environment if templates is None else ImmutableSandboxedEnvironment
    env = soort(
        loader=ChoiceLoader(loaders),
        autoescape=_autoescape_md if markdown else _autoescape_html,
        finalize=_md_finalize if markdown else None,
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
    )
    if markdown:
        env.filters.update(md=markdown_md_met_noot, cel=markdown_cel, code=_md_code)
    else:
        env.filters.update(markdown=markdown_html_met_noot)
    env.globals.update(status_teken=STATUS_TEKEN, fout_teken=FOUT_TEKEN)
    return env


def _autoescape_html(name: str | None) -> bool:
    return name is None or name.endswith((".html", ".html.j2", ".svg"))


def _autoescape_md(name: str | None) -> bool:
    # Style sheets are not included in Markdown; everything else is escaped by _md_finalize.
    return name is None or not name.endswith(".css")


def _md_finalize(value: Any) -> Any:
    """Every value a Markdown template prints, escaped as text unless it is ready-made Markdown
    (the result of ``md``, ``cel``, ``code``, a macro or ``safe``)."""
    if hasattr(value, "__html__"):
        return value
    return VeiligMarkdown(md_tekst(value))


def _md_code(value: Any) -> VeiligMarkdown:
    return VeiligMarkdown(md_code(value))


def template_problem(exc: Exception) -> RenderProblem:
    """A Dutch message for an error in a template, with its file and line where known."""
    from jinja2.exceptions import SecurityError

    where = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    if where is None:  # a runtime error: the template's frame is in the traceback
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.endswith(".j2"):
                where, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    position = f"{where or 'sjabloon'}" + (f":{line}" if line else "")
    if isinstance(exc, SecurityError):
        return RenderProblem(
            f"{position}: het sjabloon vraagt iets wat een sjabloon niet mag ({exc}); een "
            "sjabloon kan alleen de gegevens van het document gebruiken, geen Python"
        )
    return RenderProblem(f"{position}: fout in sjabloon: {getattr(exc, 'message', None) or exc}")


# --- writing ----------------------------------------------------------------------------------


@dataclass
class RenderResult:
    """What ``render`` did: files written, findings in contracts that could not be rendered."""

    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def target_path(out: Path, naam: str) -> Path:
    """The path of a document in ``out``; refuses any name that would land outside it."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}\.(md|html|pdf)", naam):
        raise RenderProblem(f"ongeldige bestandsnaam voor een document: {naam!r}")
    target = (out / naam).resolve()
    if target.parent != out.resolve():
        raise RenderProblem(f"{naam} zou buiten {out.as_posix()} terechtkomen; niet geschreven")
    return out / naam


def buiten_looptijd(contract: Contract, bestand: str, jaar: int) -> str:
    """The message for an annual account of a year in which the programme does not run."""
    periode = contract.periode.tekst()
    return (
        f"{bestand}: {jaar} valt buiten de looptijd van {contract.programma} "
        f"({periode}); geen verantwoording over {jaar} gemaakt"
    )


def render_text(env: Environment, template: str, **context: Any) -> str:
    """Render a template to text with a trailing newline and no trailing spaces."""
    text = env.get_template(template).render(**context)
    if template.startswith(("contract.", "verantwoording.", "portfolio.")):
        # Every table of a council document leaves out the columns that are empty in all rows.
        from .columns import zonder_lege_kolommen_html, zonder_lege_kolommen_md

        if template.endswith(".md.j2"):
            text = zonder_lege_kolommen_md(text)
        else:
            text = zonder_lege_kolommen_html(text)
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
    from .pdf import PdfProblem, weasyprint_module

    try:
        weasyprint_module()
    except PdfProblem as exc:
        raise RenderProblem(str(exc)) from exc


def render_contract(
    contract: Contract,
    bestand: str,
    formaat: str,
    jaar: int | None = None,
    templates: Path | None = None,
    vastgesteld: str | None = None,
) -> str:
    """One contract as a Markdown or HTML document (``jaar``: the annual account of that year).

    When ``bestand`` is a file, the card says what changed since the adopted version (from git,
    or the revision ``vastgesteld``)."""
    if formaat not in ("md", "html"):
        raise RenderProblem(
            f"onbekend formaat {formaat!r}; kies md of html (een PDF maakt render_contract_pdf)"
        )
    if jaar is not None and contract.periode.buiten(jaar):
        raise RenderProblem(buiten_looptijd(contract, bestand, jaar))
    doc = build_document(contract, bestand, formaat, jaar, {contract.code: contract.programma})
    if doc.kaart is not None and Path(bestand).is_file():
        doc.kaart.sinds_vaststelling = sinds_vaststelling(Path(bestand), contract, vastgesteld)
    kind = "verantwoording" if jaar is not None else "contract"
    return render_text(environment(templates, formaat), sjabloon(kind, formaat), doc=doc)


def render_contract_pdf(
    contract: Contract,
    bestand: str,
    jaar: int | None = None,
    templates: Path | None = None,
    vastgesteld: str | None = None,
) -> bytes:
    """One contract as an A4 PDF (``jaar``: the annual account of that year)."""
    if jaar is not None and contract.periode.buiten(jaar):
        raise RenderProblem(buiten_looptijd(contract, bestand, jaar))
    controleer_pdf()
    doc = build_document(contract, bestand, "pdf", jaar, {contract.code: contract.programma})
    if doc.kaart is not None and Path(bestand).is_file():
        doc.kaart.sinds_vaststelling = sinds_vaststelling(Path(bestand), contract, vastgesteld)
    kind = "verantwoording" if jaar is not None else "contract"
    env = environment(templates)
    return als_pdf(env, render_text(env, sjabloon(kind, "pdf"), doc=doc))


def drempels_van(config: Config | None) -> tuple[Drempels, str | None]:
    """The thresholds in force: ``[voortgang]`` of the configuration, with the name of its file
    (None: the defaults). Thresholds that make no sense are a RenderProblem."""
    from ..progress import STANDAARD_DREMPELS, DrempelFout, drempels_uit_tabel

    tabel = config.table("voortgang") if config is not None else {}
    if config is None or not tabel:
        return STANDAARD_DREMPELS, None
    naam = "de configuratie"
    if config.path is not None:
        # Relative where possible: an absolute path would differ from machine to machine.
        try:
            naam = config.path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            naam = config.path.name
    try:
        return drempels_uit_tabel(tabel), naam
    except DrempelFout as exc:
        raise RenderProblem(f"{naam}: [voortgang] {exc}") from None


def sinds_vaststelling(
    path: Path, contract: Contract, vastgesteld: str | None, config: Config | None = None
) -> SindsVaststelling:
    """The card's line on changes since the adopted version (``vastgesteld``: its revision;
    without one, ``[render] vastgesteld`` of the configuration; else it is looked up in git).

    A revision named on the command line that cannot be used is a RenderProblem. One from the
    configuration holds for every contract and every clone (a shallow one lacks old commits),
    so there it becomes the card's honest "niet gevonden" line instead.
    """
    from ..adoption import AdoptionProblem, niet_gevonden, uit_revisie, zoek

    if vastgesteld is not None:
        try:
            return uit_revisie(path, contract, vastgesteld, config)
        except AdoptionProblem as exc:
            raise RenderProblem(str(exc)) from None
    ingesteld = config.table("render").get("vastgesteld") if config is not None else None
    if not isinstance(ingesteld, str):
        return zoek(path, contract, config)
    bron = config.path.name if config is not None and config.path is not None else "configuratie"
    try:
        regel = uit_revisie(path, contract, ingesteld, config)
    except AdoptionProblem:
        # Not the git message itself: it names the folder, and a document must not depend on
        # where it was made.
        return niet_gevonden(
            f"de revisie '{ingesteld}' ([render] vastgesteld in {bron}) is hier niet te vinden; "
            "een ondiepe kloon of een kopie buiten git mist die"
        )
    return replace(regel, bron=f"{regel.bron} (ingesteld in {bron})") if regel.gevonden else regel


def render(
    paths: list[Path],
    formaat: str,
    out: Path,
    templates: Path | None = None,
    jaar: int | None = None,
    sinds: str | None = None,
    config: Config | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    vastgesteld: str | None = None,
) -> RenderResult:
    """Render every contract under ``paths`` into ``out``; in HTML and PDF also the portfolio
    index.

    The pipeline finds and loads the contracts (with the configuration's ``[limieten]``).
    With ``sinds`` (a git revision) each document gets the chapter "Wijzigingen ten opzichte
    van …" and ``wijzigingen.md``/``.html`` is written beside them. Each card says what changed
    since the adopted version: the revision ``vastgesteld``, or else the one found in git. Files
    are written atomically; nothing is written outside ``out``.
    """
    from jinja2 import TemplateError

    from .. import pipeline
    from ..writing import write_atomic

    if formaat not in FORMATEN:
        raise RenderProblem(f"onbekend formaat {formaat!r}; kies md, html of pdf")
    if templates is not None and not templates.is_dir():
        raise RenderProblem(f"{templates.as_posix()}: map met sjablonen bestaat niet")
    if formaat == "pdf":
        controleer_pdf()
    drempels, drempels_bron = drempels_van(config)
    result = RenderResult()
    loaded = pipeline.run(
        paths,
        config=config,
        cache_dir=cache_dir,
        jobs=jobs,
        portfolio=False,
        keep_contracts=True,
        label="Inlezen",
    )
    result.problems = list(loaded.problems)
    contracten: list[tuple[Contract, str]] = []
    for file in loaded.results:
        result.findings.extend(f for f in file.findings if f.severity == "fout")
        contract, name = file.contract, file.path
        if contract is None:
            continue
        if jaar is not None and contract.periode.buiten(jaar):
            result.problems.append(buiten_looptijd(contract, name, jaar))
            continue
        contracten.append((contract, name))
    if not contracten:
        return result
    botsingen = _botsingen(contracten, formaat, jaar)
    if botsingen:
        raise RenderProblem("\n".join([*botsingen, "er is niets geschreven"]))

    environment(templates, formaat)  # a broken templates folder fails here, before any work
    namen = {c.code: c.programma for c, _ in contracten}
    from ..diff_report import changes_for_render

    # A PDF's chapter of changes and its overview are those of the HTML document.
    html_of = "html" if formaat == "pdf" else formaat
    wijzigingen, overzicht = changes_for_render(paths, sinds, html_of, templates)
    kaartregels = {}
    for contract, name in contracten:
        regel = sinds_vaststelling(Path(name), contract, vastgesteld, config)
        if contract.code in wijzigingen:
            regel = regel.met_hoofdstuk(
                f"Wijzigingen ten opzichte van {wijzigingen[contract.code].basis}"
            )
        kaartregels[contract.code] = regel
    try:
        rendered = _render_all(
            contracten,
            formaat,
            jaar,
            namen,
            templates,
            wijzigingen,
            kaartregels,
            (drempels, drempels_bron),
        )
        outputs: list[tuple[str, str | bytes]] = [
            (samenvatting.bestandsnaam, text) for samenvatting, text in rendered
        ]
        env = environment(templates, formaat)
        for naam, pagina in overzicht:
            if formaat == "pdf":
                outputs.append((naam.removesuffix(".html") + ".pdf", als_pdf(env, pagina)))
            else:
                outputs.append((naam, pagina))
        if formaat in ("html", "pdf"):
            portfolio = build_portfolio(
                [samenvatting for samenvatting, _ in rendered], drempels, drempels_bron
            )
            index = render_text(env, "portfolio.html.j2", p=portfolio)
            outputs.append((f"index.{formaat}", als_pdf(env, index) if formaat == "pdf" else index))
    except TemplateError as exc:
        raise template_problem(exc) from exc

    from ..oserrors import reason

    if out.exists() and not out.is_dir():
        raise RenderProblem(f"{out.as_posix()} is geen map")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderProblem(f"kan map {out.as_posix()} niet maken: {reason(exc)}") from exc
    if not out.is_dir():
        raise RenderProblem(f"{out.as_posix()} is geen map")
    targets = [(target_path(out, naam), text) for naam, text in outputs]
    for target, text in targets:
        try:
            write_atomic(target, text if isinstance(text, bytes) else text.encode("utf-8"))
        except OSError as exc:
            raise RenderProblem(f"kan {target.as_posix()} niet schrijven: {reason(exc)}") from exc
        result.written.append(target)
    return result


def _botsingen(contracten: list[tuple[Contract, str]], formaat: str, jaar: int | None) -> list[str]:
    """Messages for documents that would get the same file name; empty when there are none.

    Two contracts with one code would overwrite each other, and a contract with the code
    ``index`` the portfolio page: nothing is written then, not even the documents that differ.
    """
    suffix = f"-verantwoording-{jaar}" if jaar is not None else ""
    per_naam: dict[str, list[str]] = {}
    for contract, name in contracten:
        per_naam.setdefault(f"{contract.code}{suffix}.{formaat}", []).append(name)
    berichten = []
    for naam, bronnen in per_naam.items():
        if len(bronnen) > 1:
            berichten.append(
                f"{naam} zou uit {len(bronnen)} contracten komen ({', '.join(bronnen)}): "
                "elke code mag maar één keer voorkomen"
            )
    index = f"index.{formaat}"
    if formaat in ("html", "pdf") and index in per_naam:
        berichten.append(
            f"{per_naam[index][0]}: de code 'index' geeft {index}, de naam van het "
            "portfoliooverzicht; kies een andere code"
        )
    return berichten


def _render_all(
    contracten: list[tuple[Contract, str]],
    formaat: str,
    jaar: int | None,
    namen: dict[str, str],
    templates: Path | None,
    wijzigingen: dict[str, Any] | None = None,
    kaartregels: dict[str, SindsVaststelling] | None = None,
    drempels: tuple[Drempels, str | None] | None = None,
) -> list[tuple[DocumentSamenvatting, str | bytes]]:
    """Each contract's document (text, or bytes for a PDF) with the summary the portfolio page
    uses."""
    work = {
        "contracten": contracten,
        "formaat": formaat,
        "jaar": jaar,
        "namen": namen,
        "templates": templates,
        "wijzigingen": wijzigingen or {},
        "kaartregels": kaartregels or {},
        "drempels": drempels or (STANDAARD_DREMPELS, None),
    }
    from .. import parallel
    from ..pipeline import _Bar

    bar = _Bar("Documenten maken", len(contracten))
    try:
        # A PDF takes seconds to lay out, so PDFs go to all cores from two contracts on.
        texts = parallel.run(
            work,
            _render_one,
            len(contracten),
            chunksize=4 if formaat != "pdf" else 1,
            done=bar.update,
            parallel_from=2 if formaat == "pdf" else parallel.PARALLEL_FROM,
        )
    finally:
        bar.close()
    return [
        (DocumentSamenvatting(contract, bestandsnaam, periode, statussen, status, uitleg), text)
        for (contract, _name), (bestandsnaam, periode, statussen, status, uitleg, text) in zip(
            contracten, texts, strict=True
        )
    ]


def _render_one(index: int) -> tuple[str, str, list[tuple[str, int]], str, str, str | bytes]:
    # Only text and the small summary go back to the main process, not the contract.
    from ..parallel import WORK

    contract, name = WORK["contracten"][index]
    formaat = WORK["formaat"]
    jaar = WORK["jaar"]
    drempels, drempels_bron = WORK["drempels"]
    doc = build_document(
        contract,
        name,
        formaat,
        jaar,
        WORK["namen"],
        portfolio=formaat != "md",
        drempels=drempels,
        drempels_bron=drempels_bron,
    )
    if doc.kaart is not None:
        doc.kaart.sinds_vaststelling = WORK["kaartregels"].get(contract.code)
    kind = "verantwoording" if jaar is not None else "contract"
    if "env" not in WORK:  # compiled templates are reused for every contract of this process
        WORK["env"] = environment(WORK["templates"], formaat)
    chapter = WORK["wijzigingen"].get(contract.code)
    text = render_text(WORK["env"], sjabloon(kind, formaat), doc=doc, wijzigingen=chapter)
    document = als_pdf(WORK["env"], text) if formaat == "pdf" else text
    return (
        doc.bestandsnaam,
        doc.periode,
        doc.statussen,
        doc.status_programma,
        doc.status_uitleg,
        document,
    )


def run_render(
    paths: list[Path],
    formaat: str,
    out: Path,
    templates: Path | None,
    jaar: int | None,
    stdout: Console,
    stderr: Console,
    sinds: str | None = None,
    config: Config | None = None,
    cache_dir: Path | None = None,
    vastgesteld: str | None = None,
) -> int:
    """The ``render`` command: render, report what was written, return the exit code.

    0: every contract rendered; 1: a contract had errors and was skipped; 2: could not work.
    """
    from ..pipeline import Run

    result = render(
        paths, formaat, out, templates, jaar, sinds, config, cache_dir, vastgesteld=vastgesteld
    )
    for problem in result.problems:
        stderr.print(f"programmatool: {problem}", markup=False, highlight=False)
    for finding in result.findings:
        stderr.print(finding.as_text(), markup=False, highlight=False, soft_wrap=True)
    if result.findings:
        bestanden = sorted({f.path for f in result.findings})
        stderr.print(
            "niet gemaakt wegens fouten: "
            + ", ".join(bestanden)
            + " (gebruik 'programmatool check' voor alle bevindingen)",
            markup=False,
            highlight=False,
        )
    if not result.written and not result.findings and not result.problems:
        raise RenderProblem(
            "geen contractbestanden (*.yaml, *.yml) gevonden in "
            + ", ".join(p.as_posix() for p in paths)
        )
    for path in result.written:
        stdout.print(f"geschreven: {path.as_posix()}", markup=False, highlight=False)
    return Run([], result.findings, result.problems).exit_code()
