"""The ``render`` command: contracts through the pipeline, documents rendered on all cores and
written atomically inside ``--out``; the programme card's line on changes since adoption is read
from git here."""

from __future__ import annotations

import glob
import hashlib
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.loading import DEFAULT_LIMITS
from programmatool.model.contract import Contract, Periode
from programmatool.pipeline.recording_data import unpack_view
from programmatool.progress.thresholds import Thresholds
from programmatool.rendering.environment import (
    RenderProblem,
    check_pdf_engine,
    environment,
    outside_period_message,
    outside_period_text,
    render_text,
    template_name,
    template_problem,
    to_pdf,
)
from programmatool.rendering.views import (
    FORMATEN,
    build_document,
    build_portfolio,
)
from programmatool.text.terminal import valid_unicode

if TYPE_CHECKING:
    from rich.console import Console

    from programmatool.diff.adoption import SindsVaststelling
    from programmatool.model.findings import Finding
    from programmatool.pipeline.adoption import AdoptionSource
    from programmatool.pipeline.settings import Config
    from programmatool.rendering.changes import ChangeChapter


def _revision_name(paths: list[Path], ref: str) -> str:
    """A revision in a reader's words: "de versie van 3 juni 2019" (the day it was saved), or
    "" when git cannot say (the revision as given is then shown)."""
    from programmatool.diff.adoption import date_text
    from programmatool.pipeline.git import GitProblem, open_revision

    try:
        date = open_revision(paths[0], ref).date()
    except GitProblem:
        return ""
    return f"de versie van {date_text(date)}" if date else ""


def changes_for_render(
    paths: list[Path],
    sinds: str | None,
    formaat: str,
    templates: Path | None,
    config: Config | None = None,
) -> tuple[dict[str, ChangeChapter], list[tuple[str, str]]]:
    """For ``render --sinds``: each programme's chapter, and the overview file to write.

    Without ``sinds`` nothing: no chapter, no overview. Trouble becomes a RenderProblem.
    """
    from programmatool.diff.result import DiffProblem
    from programmatool.pipeline.diff import compare_since
    from programmatool.rendering.changes import OVERVIEW_NAME, chapters, overview

    if sinds is None:
        return {}, []
    try:
        result = compare_since(paths, sinds, config)
        result.label = _revision_name(paths, sinds)
    except DiffProblem as exc:
        details = "".join(f"\n{line}" for line in exc.details)
        raise RenderProblem(exc.message + (":" if details else "") + details) from None
    if any(p.code == OVERVIEW_NAME for p in result.programmes):
        raise RenderProblem(
            f"een programma heeft de code '{OVERVIEW_NAME}'; het overzicht "
            f"{OVERVIEW_NAME}.{formaat} zou zijn document overschrijven"
        )
    from programmatool._version import __version__

    env = environment(templates, formaat)
    gemeenten = sorted({p.gemeente for p in result.programmes if p.gemeente})
    text = render_text(
        env,
        f"{OVERVIEW_NAME}.{formaat}.j2",
        o=overview(result),
        versie=__version__,
        gemeente=", ".join(gemeenten),
        portfolio=formaat == "html",
    )
    return chapters(result), [(f"{OVERVIEW_NAME}.{formaat}", text)]


@dataclass
class RenderResult:
    """What ``render`` did: files written, findings in contracts that could not be rendered."""

    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: Documents in ``written`` that were already in place, unchanged: their inputs (contract,
    #: templates, configuration, tool) were those of the last render and the file was intact,
    #: so they were neither rendered nor written again.
    unchanged: list[Path] = field(default_factory=list)


def target_path(out: Path, naam: str) -> Path:
    """The path of a document in ``out``; refuses any name that would land outside it."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}\.(md|html|pdf)", naam):
        raise RenderProblem(f"ongeldige bestandsnaam voor een document: {naam!r}")
    target = (out / naam).resolve()
    if target.parent != out.resolve():
        raise RenderProblem(f"{naam} zou buiten {out.as_posix()} terechtkomen; niet geschreven")
    return out / naam


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
        raise RenderProblem(outside_period_message(contract, bestand, jaar))
    # A file name that is not valid UTF-8 is shown with its undecodable bytes escaped.
    doc = build_document(
        contract, valid_unicode(bestand), formaat, jaar, {contract.code: contract.programma}
    )
    if doc.kaart is not None and Path(bestand).is_file():
        doc.kaart.sinds_vaststelling = since_adoption(Path(bestand), contract, vastgesteld)
    kind = "verantwoording" if jaar is not None else "contract"
    return render_text(environment(templates, formaat), template_name(kind, formaat), doc=doc)


def render_contract_pdf(
    contract: Contract,
    bestand: str,
    jaar: int | None = None,
    templates: Path | None = None,
    vastgesteld: str | None = None,
) -> bytes:
    """One contract as an A4 PDF (``jaar``: the annual account of that year)."""
    if jaar is not None and contract.periode.buiten(jaar):
        raise RenderProblem(outside_period_message(contract, bestand, jaar))
    check_pdf_engine()
    doc = build_document(
        contract, valid_unicode(bestand), "pdf", jaar, {contract.code: contract.programma}
    )
    if doc.kaart is not None and Path(bestand).is_file():
        doc.kaart.sinds_vaststelling = since_adoption(Path(bestand), contract, vastgesteld)
    kind = "verantwoording" if jaar is not None else "contract"
    env = environment(templates)
    return to_pdf(env, render_text(env, template_name(kind, "pdf"), doc=doc))


def _thresholds(config: Config | None) -> tuple[Thresholds, str | None]:
    """The thresholds of ``[voortgang]`` with the name of their file; ones that make no sense
    are a RenderProblem."""
    from programmatool.pipeline.settings import ConfigError, thresholds

    try:
        return thresholds(config)
    except ConfigError as exc:
        raise RenderProblem(str(exc)) from None


def since_adoption(
    path: Path, contract: Contract, vastgesteld: str | None, config: Config | None = None
) -> SindsVaststelling:
    """The card's line on changes since the adopted version (``vastgesteld``: its revision;
    without one, ``[render] vastgesteld`` of the configuration; else it is looked up in git).

    A revision named on the command line that cannot be used is a RenderProblem. One from the
    configuration holds for every contract and every clone (a shallow one lacks old commits),
    so there it becomes the card's honest "niet gevonden" line instead.
    """
    return _card_line(_card_source(path, vastgesteld, config), path, contract, config)


def _card_source(path: Path, vastgesteld: str | None, config: Config | None) -> AdoptionSource:
    from programmatool.pipeline.adoption import AdoptionProblem, card_source

    try:
        return card_source(path, vastgesteld, config)
    except AdoptionProblem as exc:
        raise RenderProblem(str(exc)) from None


def _card_line(
    source: AdoptionSource, path: Path, contract: Contract, config: Config | None
) -> SindsVaststelling:
    from programmatool.pipeline.adoption import AdoptionProblem, card_line

    try:
        return card_line(source, path, contract, config)
    except AdoptionProblem as exc:
        raise RenderProblem(str(exc)) from None


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

    from programmatool.pipeline import run as pipeline
    from programmatool.pipeline.writing import write_atomic

    if formaat not in FORMATEN:
        raise RenderProblem(f"onbekend formaat {formaat!r}; kies md, html of pdf")
    if templates is not None and not templates.is_dir():
        raise RenderProblem(f"{templates.as_posix()}: map met sjablonen bestaat niet")
    if formaat == "pdf":
        check_pdf_engine()
    drempels, drempels_bron = _thresholds(config)
    result = RenderResult()
    # The first pass is that of check (from the cache when it knows the files): which files are
    # contracts, with their code, name and period. No contract is kept: each worker of the
    # second pass loads its own, renders it and returns only what the portfolio page needs.
    loaded = pipeline.run(
        paths,
        config=config,
        cache_dir=cache_dir,
        jobs=jobs,
        portfolio=False,
        label="Inlezen",
    )
    result.problems = list(loaded.problems)
    items: list[_Item] = []
    from programmatool.rules import RULES

    for file in loaded.results:
        # Errors of reading leave a contract out; what the rules find, check reports.
        result.findings.extend(
            f for f in file.findings if f.severity == "fout" and f.code not in RULES
        )
        summary = loaded.summaries.get(file.path)
        if file.contract is None or summary is None:
            continue
        item = _Item(
            file.path,
            file.contract.code,
            file.contract.programma,
            unpack_view(summary)["periode"],
        )
        if jaar is not None and item.buiten(jaar):
            result.problems.append(item.outside_message(jaar))
            continue
        items.append(item)
    del loaded  # what check found is no longer needed: the workers start without it
    if not items:
        return result
    botsingen = _collisions(items, formaat, jaar)
    if botsingen:
        raise RenderProblem("\n".join([*botsingen, "er is niets geschreven"]))

    environment(templates, formaat)  # a broken templates folder fails here, before any work
    namen = {item.code: item.programma for item in items}
    # A PDF's chapter of changes and its overview are those of the HTML document.
    html_of = "html" if formaat == "pdf" else formaat
    wijzigingen, overzicht = changes_for_render(paths, sinds, html_of, templates, config)
    # A revision named on the command line that cannot be used stops render before anything
    # is made; the history of each file is read by the worker that renders it.
    bronnen = (
        {item.name: _card_source(Path(item.name), vastgesteld, config) for item in items}
        if vastgesteld is not None
        else {}
    )
    from programmatool.text.oserrors import reason

    _make_out(out)
    staging = _Staging(out, cache_dir, _render_basis(formaat, jaar, namen, templates, config))
    try:
        rendered = _render_all(
            items,
            formaat,
            jaar,
            namen,
            templates,
            wijzigingen,
            (drempels, drempels_bron),
            staging,
            _Reading(config, vastgesteld, bronnen),
        )
        outputs: list[tuple[str, str | bytes]] = []
        env = environment(templates, formaat)
        for naam, pagina in overzicht:
            if formaat == "pdf":
                outputs.append((naam.removesuffix(".html") + ".pdf", to_pdf(env, pagina)))
            else:
                outputs.append((naam, pagina))
        if formaat in ("html", "pdf"):
            portfolio = build_portfolio(
                [samenvatting for samenvatting, _ in rendered], drempels, drempels_bron
            )
            index = render_text(env, "portfolio.html.j2", p=portfolio)
            outputs.append((f"index.{formaat}", to_pdf(env, index) if formaat == "pdf" else index))
    except TemplateError as exc:
        staging.discard([item.code for item in items], formaat, jaar)
        raise template_problem(exc) from exc
    except BaseException:
        staging.discard([item.code for item in items], formaat, jaar)
        raise
    targets = [(target_path(out, naam), text) for naam, text in outputs]
    _place(rendered, out, result)
    for target, text in targets:
        try:
            write_atomic(
                target, text if isinstance(text, bytes) else valid_unicode(text).encode("utf-8")
            )
        except OSError as exc:
            raise RenderProblem(f"kan {target.as_posix()} niet schrijven: {reason(exc)}") from exc
        result.written.append(target)
    return result


@dataclass(frozen=True)
class _Item:
    """A contract to render, as the first pass saw it: its file, code, name and period."""

    name: str
    code: str
    programma: str
    periode: dict[str, Any]

    def _periode(self) -> Periode:
        return Periode.model_validate(self.periode, strict=False)

    def buiten(self, jaar: int) -> bool:
        """Whether the programme does not run in ``jaar``."""
        return self._periode().buiten(jaar)

    def outside_message(self, jaar: int) -> str:
        """Why there is no annual account of ``jaar`` (see ``outside_period_message``)."""
        return outside_period_text(self.programma, self._periode().tekst(), self.name, jaar)


@dataclass(frozen=True)
class _Reading:
    """How a worker reads its contract and the adopted version: the configuration (limits,
    ``[render] vastgesteld``), the revision of ``--vastgesteld`` and, with it, each file's
    source looked up beforehand."""

    config: Config | None
    vastgesteld: str | None
    bronnen: dict[str, AdoptionSource]

    def source(self, name: str) -> AdoptionSource:
        """What the card's line of ``name`` compares with."""
        found = self.bronnen.get(name)
        if found is None:
            found = _card_source(Path(name), self.vastgesteld, self.config)
        return found


def _place(rendered: list[tuple[_Rendered, Path | None]], out: Path, result: RenderResult) -> None:
    """Every document is ready: only now does each staged one take its place in ``out``."""
    from programmatool.text.oserrors import reason

    for samenvatting, staged in rendered:
        target = out / samenvatting.bestandsnaam
        if staged is None:
            result.unchanged.append(target)
        else:
            try:
                os.replace(staged, target)
            except OSError as exc:
                raise RenderProblem(
                    f"kan {target.as_posix()} niet schrijven: {reason(exc)}"
                ) from exc
        result.written.append(target)


def _make_out(out: Path) -> None:
    """The folder ``out``, made when it does not exist; a RenderProblem when it cannot be."""
    from programmatool.text.oserrors import reason

    if out.exists() and not out.is_dir():
        raise RenderProblem(f"{out.as_posix()} is geen map")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderProblem(f"kan map {out.as_posix()} niet maken: {reason(exc)}") from exc
    if not out.is_dir():
        raise RenderProblem(f"{out.as_posix()} is geen map")


def _collisions(items: list[_Item], formaat: str, jaar: int | None) -> list[str]:
    """Messages for documents that would get the same file name; empty when there are none.

    Two contracts with one code would overwrite each other, and a contract with the code
    ``index`` the portfolio page: nothing is written then, not even the documents that differ.
    """
    per_naam: dict[str, list[str]] = {}
    for item in items:
        per_naam.setdefault(document_name(item.code, formaat, jaar), []).append(item.name)
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


def document_name(code: str, formaat: str, jaar: int | None) -> str:
    """The file name of a contract's document (as ``build_document`` names it)."""
    suffix = f"-verantwoording-{jaar}" if jaar is not None else ""
    return f"{code}{suffix}.{formaat}"


def _render_basis(
    formaat: str,
    jaar: int | None,
    namen: dict[str, str],
    templates: Path | None,
    config: Config | None,
) -> str:
    """A hash of what every document of this render depends on besides its own contract: the
    format and year, the programmes' names, the templates (the user's and the packaged ones,
    file by file), the configuration, the tool's version and code, and the libraries that lay
    out the text."""
    from importlib import metadata

    from programmatool._version import __version__
    from programmatool.pipeline.cache import fingerprint
    from programmatool.rendering.environment import packaged_templates

    digest = hashlib.blake2b(digest_size=32)
    described = repr((formaat, jaar, sorted(namen.items()), config))
    digest.update(fingerprint(__version__, described).encode())
    for package in ("jinja2", "markdown", "babel", "weasyprint"):
        try:
            digest.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}\0".encode())
    for folder in (templates, packaged_templates()):
        if folder is None:
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode("utf-8", "replace"))
                digest.update(b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class _Staging:
    """Documents rendered by the workers wait beside their targets in ``out`` under temporary
    names until every one is ready (the parent then renames them into place, or
    :meth:`discard` removes them). With a cache folder each document's inputs and output are
    recorded there, so that a document whose inputs did not change and whose file is intact is
    neither rendered nor written again."""

    out: Path
    cache_dir: Path | None
    basis: str

    def _cache(self) -> Any:
        from programmatool.pipeline.cache import ResultCache

        return ResultCache(self.cache_dir, "render") if self.cache_dir is not None else None

    def _key(self, naam: str) -> str:
        digest = hashlib.blake2b(digest_size=32)
        digest.update(f"render\0{self.out.resolve().as_posix()}\0{naam}".encode("utf-8", "replace"))
        return digest.hexdigest()

    def inputs(self, bestand: str, raw: bytes, *extra: Any) -> str | None:
        """The hash of one document's inputs: the file's name and bytes and ``extra`` (what
        the adopted version is, the chapter of changes, the thresholds); None when they cannot
        be told apart reliably."""
        described = repr(extra)
        if " at 0x" in described:  # an object without a stable description: never skip
            return None
        digest = hashlib.blake2b(digest_size=32)
        for part in (self.basis.encode(), bestand.encode("utf-8", "surrogateescape"), raw):
            digest.update(hashlib.sha256(part).digest())
        digest.update(described.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def unchanged(self, naam: str, inputs: str | None) -> list[Any] | None:
        """The recorded summary of the document ``naam`` when its inputs are ``inputs`` and its
        file is still the one written then; else None."""
        cache = self._cache() if inputs is not None else None
        stored = cache.get_json(self._key(naam)) if cache is not None else None
        if not isinstance(stored, dict) or stored.get("invoer") != inputs:
            return None
        try:
            current = (self.out / naam).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(current).hexdigest() != stored.get("uitvoer"):
            return None
        summary = stored.get("samenvatting")
        return summary if isinstance(summary, list) and len(summary) == 5 else None

    def stage(self, naam: str, data: bytes, inputs: str | None, summary: list[Any]) -> Path:
        """``data`` written under a temporary name beside ``out/naam``, recorded in the cache."""
        from programmatool.pipeline.writing import write_temporary
        from programmatool.text.oserrors import reason

        target = target_path(self.out, naam)
        try:
            staged = write_temporary(target, data)
        except OSError as exc:
            raise RenderProblem(f"kan {target.as_posix()} niet schrijven: {reason(exc)}") from exc
        cache = self._cache() if inputs is not None else None
        if cache is not None:
            record = {
                "invoer": inputs,
                "uitvoer": hashlib.sha256(data).hexdigest(),
                "samenvatting": summary,
            }
            cache.put_json(self._key(naam), record)
        return staged

    def discard(self, codes: list[str], formaat: str, jaar: int | None) -> None:
        """Remove the documents staged for the contracts with ``codes`` (after a failure: none
        takes its place)."""
        for code in codes:
            naam = document_name(code, formaat, jaar)
            for staged in self.out.glob(f".{glob.escape(naam)}.*.tmp"):
                staged.unlink(missing_ok=True)


def _render_all(
    items: list[_Item],
    formaat: str,
    jaar: int | None,
    namen: dict[str, str],
    templates: Path | None,
    wijzigingen: dict[str, Any],
    drempels: tuple[Thresholds, str | None],
    staging: _Staging,
    reading: _Reading,
) -> list[tuple[_Rendered, Path | None]]:
    """Each contract's document, loaded, rendered and staged by a worker (see
    :class:`_Staging`), with the summary the portfolio page uses; the path is None for a
    document left as it was."""
    work = {
        "items": items,
        "formaat": formaat,
        "jaar": jaar,
        "namen": namen,
        "templates": templates,
        "wijzigingen": wijzigingen,
        "drempels": drempels,
        "staging": staging,
        "reading": reading,
    }
    from programmatool.pipeline import workers as parallel
    from programmatool.pipeline.run import _Bar

    bar = _Bar("Documenten maken", len(items))
    try:
        # A PDF takes seconds to lay out, so PDFs go to all cores from two contracts on.
        done = parallel.run(
            work,
            _render_one,
            len(items),
            chunksize=4 if formaat != "pdf" else 1,
            done=bar.update,
            parallel_from=2 if formaat == "pdf" else parallel.PARALLEL_FROM,
        )
    finally:
        bar.close()
    return [
        (_Rendered(deel, bestandsnaam, periode, statussen, status, uitleg), staged)
        for (bestandsnaam, periode, statussen, status, uitleg, deel, staged) in done
    ]


@dataclass(frozen=True)
class _Rendered:
    """What the portfolio page needs of one rendered document (a :class:`PortfolioBron`):
    its contract, reduced to what that page reads, is kept as compressed JSON and unpacked
    each time the page asks for it, so a render of thousands of contracts holds a few
    kilobytes per programme, never the contracts themselves."""

    deel: bytes
    bestandsnaam: str
    periode: str
    statussen: list[tuple[str, int]]
    status_programma: str
    status_uitleg: str

    @property
    def contract(self) -> Contract:
        """The reduced contract (:func:`portfolio_part`), unpacked."""
        return Contract.model_validate_json(zlib.decompress(self.deel), strict=False)


def _packed(part_json: str) -> bytes:
    return zlib.compress(part_json.encode("utf-8"), 6)


def _changed(name: str) -> RenderProblem:
    return RenderProblem(
        f"{name} veranderde terwijl de documenten werden gemaakt; er is niets geschreven, "
        "probeer het opnieuw"
    )


def _render_one(
    index: int,
) -> tuple[str, str, list[tuple[str, int]], str, str, bytes, Path | None]:
    """One document in a worker: the file read and, unless its document is still the one its
    inputs gave last time, loaded and rendered. Only the summary for the portfolio page (with
    the contract reduced to what that page reads) and the staged file's name go back."""
    from programmatool.loading import LoadResult, load_bytes
    from programmatool.pipeline.run import read_file
    from programmatool.pipeline.workers import WORK
    from programmatool.rendering.views import portfolio_part

    item: _Item = WORK["items"][index]
    formaat = WORK["formaat"]
    jaar = WORK["jaar"]
    staging: _Staging = WORK["staging"]
    reading: _Reading = WORK["reading"]
    drempels, drempels_bron = WORK["drempels"]
    limits = reading.config.limits if reading.config is not None else DEFAULT_LIMITS
    raw = read_file(Path(item.name), item.name, limits)
    if isinstance(raw, LoadResult):  # it became unreadable since the first pass
        raise _changed(item.name)
    source = reading.source(item.name)
    chapter = WORK["wijzigingen"].get(item.code)
    naam = document_name(item.code, formaat, jaar)
    inputs = staging.inputs(item.name, raw, source.key, chapter, drempels, drempels_bron)
    kept = staging.unchanged(naam, inputs)
    if kept is not None:
        periode, statussen, status, uitleg, deel = kept
        try:
            part = Contract.model_validate_json(deel, strict=False)
        except ValueError:
            part = None
        if part is not None and part.code == item.code:
            statussen = [(str(s), int(n)) for s, n in statussen]
            return naam, periode, statussen, status, uitleg, _packed(deel), None
    contract = load_bytes(raw, item.name, limits).contract
    if contract is None or (contract.code, contract.programma) != (item.code, item.programma):
        raise _changed(item.name)
    kaartregel = _card_line(source, Path(item.name), contract, reading.config)
    if chapter is not None:
        kaartregel = kaartregel.met_hoofdstuk(f"Wijzigingen ten opzichte van {chapter.basis}")
    doc = build_document(
        contract,
        valid_unicode(item.name),
        formaat,
        jaar,
        WORK["namen"],
        portfolio=formaat != "md",
        drempels=drempels,
        drempels_bron=drempels_bron,
    )
    if doc.kaart is not None:
        doc.kaart.sinds_vaststelling = kaartregel
    kind = "verantwoording" if jaar is not None else "contract"
    if "env" not in WORK:  # compiled templates are reused for every contract of this process
        WORK["env"] = environment(WORK["templates"], formaat)
    text = render_text(WORK["env"], template_name(kind, formaat), doc=doc, wijzigingen=chapter)
    data = to_pdf(WORK["env"], text) if formaat == "pdf" else valid_unicode(text).encode("utf-8")
    deel = portfolio_part(contract).model_dump_json()
    summary = [doc.periode, doc.statussen, doc.status_programma, doc.status_uitleg, deel]
    staged = staging.stage(doc.bestandsnaam, data, inputs, summary)
    return (
        doc.bestandsnaam,
        doc.periode,
        doc.statussen,
        doc.status_programma,
        doc.status_uitleg,
        _packed(deel),
        staged,
    )


def report_left_out(
    stderr: Console, problems: list[str], findings: list[Finding], wat: str
) -> None:
    """Print the problems, the errors of the contracts that were left out, and which files
    those were ("niet gemaakt wegens fouten: …"; ``wat`` says what did not happen)."""
    for problem in problems:
        stderr.print(f"programmatool: {problem}", markup=False, highlight=False)
    for finding in findings:
        stderr.print(finding.as_text(), markup=False, highlight=False, soft_wrap=True)
    if findings:
        bestanden = sorted({f.path for f in findings})
        stderr.print(
            f"{wat} wegens fouten: "
            + ", ".join(bestanden)
            + " (gebruik 'programmatool check' voor alle bevindingen)",
            markup=False,
            highlight=False,
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
    *,
    config_path: Path | None = None,
    cache: bool = True,
    vastgesteld: str | None = None,
) -> int:
    """The ``render`` command: the configuration read once (``config_path``, or the one found
    from here upward), render, report what was written, return the exit code.

    0: every contract rendered; 1: a contract had errors and was skipped; 2: could not work.
    """
    from programmatool.pipeline.run import ConfigError, Run, no_contracts, read_settings

    try:
        settings = read_settings(config_path, cache=cache)
    except ConfigError as exc:
        raise RenderProblem(str(exc)) from None
    result = render(
        paths,
        formaat,
        out,
        templates,
        jaar,
        sinds,
        settings.config,
        settings.cache_dir,
        vastgesteld=vastgesteld,
    )
    report_left_out(stderr, result.problems, result.findings, "niet gemaakt")
    if not result.written and not result.findings and not result.problems:
        raise RenderProblem(no_contracts(paths))
    unchanged = set(result.unchanged)
    for path in result.written:
        # A document left in place (same inputs, file intact) was not written again: say so.
        wat = "ongewijzigd" if path in unchanged else "geschreven"
        stdout.print(f"{wat}: {path.as_posix()}", markup=False, highlight=False)
    return Run([], result.findings, result.problems).exit_code()
