"""The ``publish`` command: the portfolio as a static site (short pages per programme, a search
index, each indicator's history from git and the figures as open data), built in a folder
beside the target and swapped in whole, so the target holds the old site or the new one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.rendering.environment import RenderProblem

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console

    from programmatool.loading import Limits
    from programmatool.model.contract import Contract
    from programmatool.model.findings import Finding
    from programmatool.pipeline.git import FileVersion
    from programmatool.pipeline.settings import Config
    from programmatool.progress.thresholds import Thresholds
    from programmatool.rendering.site.build import ProgrammeOutput
    from programmatool.rendering.site.history import Version
    from programmatool.rendering.site.pages import SiteProgramme

#: A file in every site this command writes: only a folder holding it is ever replaced.
MARKER = ".programmatool-site"
MARKER_TEXT = (
    b"Deze map is gemaakt met 'programmatool publish' en wordt bij elke publicatie vervangen.\n"
)
#: How many versions of a contract are read from git in one go.
HISTORY_BATCH = 50
#: The folder of Pagefind's search bundle inside the site.
SEARCH_FOLDER = "pagefind"


@dataclass
class PublishResult:
    """What ``publish`` did: the site's folder and its files, contracts skipped for errors."""

    out: Path | None = None
    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: Why the site has no search index ("" when it has one).
    zonder_zoeken: str = ""
    #: What could not be shown, with the reason (a history git could not read).
    notes: list[str] = field(default_factory=list)
    #: Every finding of check in the contracts (the open data's table of findings).
    all_findings: list[Finding] = field(default_factory=list)


def pagefind_executable() -> Path | None:
    """Pagefind's binary from the PyPI package (``pip install 'programmatool[site]'``), or None."""
    import importlib

    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found: Any = importlib.import_module(module)
            path = Path(found.get_executable())
        except (ImportError, FileNotFoundError, AttributeError):
            continue
        if path.is_file():
            return path
    return None


def _check_target(out: Path) -> None:
    """Refuse a target that is not ours to replace: a file, or a folder with other content."""
    if not out.exists() and not out.is_symlink():
        return
    if out.is_symlink() or not out.is_dir():
        raise RenderProblem(f"{out.as_posix()} is geen map; kies een map voor de site")
    try:
        inhoud = list(out.iterdir())
    except OSError as exc:
        from programmatool.text.oserrors import reason

        raise RenderProblem(f"kan map {out.as_posix()} niet lezen: {reason(exc)}") from None
    if inhoud and not (out / MARKER).is_file():
        raise RenderProblem(
            f"{out.as_posix()} bestaat al en is geen site van programmatool publish; kies een "
            "lege of nieuwe map (de tool vervangt alleen een map die hij zelf heeft gemaakt)"
        )


def _contracts(
    paths: list[Path],
    config: Config | None,
    cache_dir: Path | None,
    jobs: int | None,
    result: PublishResult,
) -> list[tuple[Contract, str]]:
    from programmatool.pipeline import run as pipeline

    loaded = pipeline.run(
        paths, config=config, cache_dir=cache_dir, jobs=jobs, keep_contracts=True, label="Inlezen"
    )
    result.problems = list(loaded.problems)
    result.all_findings = list(loaded.findings)
    contracten: list[tuple[Contract, str]] = []
    for file in loaded.results:
        result.findings.extend(f for f in file.findings if f.severity == "fout")
        if file.contract is not None:
            contracten.append((file.contract, file.path))
    per_code: dict[str, list[str]] = {}
    for contract, name in contracten:
        per_code.setdefault(contract.code, []).append(name)
    dubbel = [
        f"de code '{code}' staat in {len(namen)} contracten ({', '.join(namen)}): elke code "
        "mag maar één keer voorkomen"
        for code, namen in per_code.items()
        if len(namen) > 1
    ]
    if dubbel:
        raise RenderProblem("\n".join([*dubbel, "er is niets geschreven"]))
    return contracten


def _read_in_batches(
    root: Path, versions: list[FileVersion], limits: Limits
) -> Iterator[tuple[FileVersion, bytes | None]]:
    """The versions' contents, read ``HISTORY_BATCH`` at a time from git; together never more
    than ``max_history_bytes`` (a HistoryLimit when they would be)."""
    from programmatool.pipeline.git import read_versions

    budget = limits.max_history_bytes
    for start in range(0, len(versions), HISTORY_BATCH):
        batch = versions[start : start + HISTORY_BATCH]
        for version, raw in read_versions(root, batch, limits.max_bytes, budget):
            budget -= len(raw or b"")
            yield version, raw


def contract_versions(path: Path, contract: Contract, config: Config | None) -> list[Version]:
    """The versions of the contract in ``path`` from its adopted one on (all when it was never
    adopted), oldest first, with the file as it is now when that is not yet committed; empty
    outside git. Raises GitProblem (a HistoryLimit among them) when git cannot tell."""
    from programmatool.loading import DEFAULT_LIMITS, load_bytes
    from programmatool.pipeline.git import file_history, open_repository, repository_folder
    from programmatool.rendering.site.history import Version

    if repository_folder(path) is None:
        return []
    root = open_repository(path)
    try:
        relpath = path.resolve().relative_to(root).as_posix()
    except ValueError:
        return []
    limits = config.limits if config is not None else DEFAULT_LIMITS
    found = list(reversed(file_history(root, relpath, limits.max_versions)))
    versions: list[Version] = []
    for version, raw in _read_in_batches(root, found, limits):
        old = None if raw is None else load_bytes(raw, version.path, limits).contract
        if old is not None:
            versions.append(Version(version.date, version.commit[:10], old))
    adopted = next((n for n, v in enumerate(versions) if v.contract.status == "vastgesteld"), 0)
    versions = versions[adopted:]
    if not versions or versions[-1].contract != contract:
        versions.append(Version("", "", contract))
    return versions


def _programmes(
    contracten: list[tuple[Contract, str]], config: Config | None, result: PublishResult
) -> list[SiteProgramme]:
    from programmatool.pipeline.git import GitProblem
    from programmatool.pipeline.render import since_adoption
    from programmatool.rendering.site.history import histories
    from programmatool.rendering.site.pages import SiteProgramme
    from programmatool.text.terminal import valid_unicode

    programmes = []
    for contract, name in sorted(contracten, key=lambda item: (item[0].programma, item[0].code)):
        regel = since_adoption(Path(name), contract, None, config)
        try:
            geschiedenis = histories(contract, contract_versions(Path(name), contract, config))
        except GitProblem as exc:
            result.notes.append(f"{name}: geen geschiedenis per indicator: {exc}")
            geschiedenis = {}
        programmes.append(SiteProgramme(contract, valid_unicode(name), regel, geschiedenis))
    return programmes


def last_change(paths: list[Path]) -> str | None:
    """The date (ISO) of the newest commit that changed one of ``paths``; None when none is in
    git. The open data's "modified" comes from here, not from the clock."""
    from programmatool.pipeline.git import (
        GitProblem,
        file_history,
        open_repository,
        repository_folder,
    )

    dates = []
    for path in paths:
        if repository_folder(path) is None:
            continue
        try:
            root = open_repository(path)
            relpath = path.resolve().relative_to(root).as_posix()
        except (GitProblem, ValueError):
            continue
        versions = file_history(root, relpath, 1)
        if versions:
            dates.append(versions[0].date)
    return max(dates) if dates else None


def publish(
    paths: list[Path],
    out: Path,
    templates: Path | None = None,
    config: Config | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    search: bool = True,
    adres: str | None = None,
) -> PublishResult:
    """Build the site for every contract under ``paths`` and put it in ``out`` whole.

    A contract with errors is left out (its findings are in the result). ``search`` False, or
    Pagefind not installed, gives a site without a search index; the search page then says so.
    """
    from jinja2 import TemplateError

    from programmatool.pipeline.render import _thresholds
    from programmatool.rendering.environment import environment, template_problem
    from programmatool.rendering.site.build import root_files

    if templates is not None and not templates.is_dir():
        raise RenderProblem(f"{templates.as_posix()}: map met sjablonen bestaat niet")
    _check_target(out)
    if adres is not None and not re.fullmatch(r"https?://[^\s\"<>]+", adres):
        raise RenderProblem(
            f"--adres {adres!r} is geen webadres; geef het adres van de site, beginnend met "
            "https:// (of http://)"
        )
    drempels, drempels_bron = _thresholds(config)
    result = PublishResult()
    contracten = _contracts(paths, config, cache_dir, jobs, result)
    if not contracten:
        return result
    executable = pagefind_executable() if search else None
    if not search:
        result.zonder_zoeken = "gemaakt met --zonder-zoeken"
    elif executable is None:
        result.zonder_zoeken = (
            "Pagefind is niet geïnstalleerd; installeer het met pip install 'programmatool[site]'"
        )
    programmes = _programmes(contracten, config, result)
    try:
        environment(templates, "html")  # a broken templates folder fails here, before any work
        outputs = _programme_outputs(programmes, templates, (drempels, drempels_bron))
        files = [f for output in outputs for f in output.files]
        files.extend(
            root_files(
                environment(templates, "html"),
                programmes,
                outputs,
                result.all_findings,
                last_change([Path(name) for _c, name in contracten]),
                drempels,
                drempels_bron,
                result.zonder_zoeken,
                adres or "",
            )
        )
    except TemplateError as exc:
        raise template_problem(exc) from exc
    files.append((MARKER, MARKER_TEXT))
    result.files = sorted(name for name, _ in files)
    _write_site(out, files, executable)
    result.out = out
    if executable is not None:
        result.files.append(f"{SEARCH_FOLDER}/")
    return result


def _programme_outputs(
    programmes: list[SiteProgramme],
    templates: Path | None,
    drempels: tuple[Thresholds, str | None],
) -> list[ProgrammeOutput]:
    """Each programme's pages, laid out on all cores (as ``render`` lays out documents)."""
    from programmatool.pipeline import workers as parallel
    from programmatool.pipeline.run import _Bar

    work = {
        "programmes": programmes,
        "namen": {p.contract.code: p.contract.programma for p in programmes},
        "templates": templates,
        "drempels": drempels,
    }
    bar = _Bar("Pagina's maken", len(programmes))
    try:
        return parallel.run(work, _programme_one, len(programmes), chunksize=4, done=bar.update)
    finally:
        bar.close()


def _programme_one(index: int) -> ProgrammeOutput:
    from programmatool.pipeline.workers import WORK
    from programmatool.rendering.environment import environment
    from programmatool.rendering.site.build import programme_output

    if "env" not in WORK:  # compiled templates are reused for every programme of this process
        WORK["env"] = environment(WORK["templates"], "html")
    drempels, bron = WORK["drempels"]
    return programme_output(WORK["env"], WORK["programmes"][index], WORK["namen"], drempels, bron)


def _write_site(out: Path, files: list[tuple[str, bytes]], executable: Path | None) -> None:
    """Write the files into a new folder beside ``out``, index it, then swap it in."""
    from programmatool.text.oserrors import reason

    parent = out.parent if str(out.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.nieuw-", dir=parent))
    except OSError as exc:
        raise RenderProblem(f"kan map {parent.as_posix()} niet gebruiken: {reason(exc)}") from None
    try:
        for name, data in files:
            target = tmp / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if executable is not None:
            _index(tmp, executable)
        _tidy_modes(tmp)
        _swap(tmp, out)
    except OSError as exc:
        raise RenderProblem(
            f"kan de site in {out.as_posix()} niet schrijven: {reason(exc)}"
        ) from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _tidy_modes(folder: Path) -> None:
    # mkdtemp makes a private folder; a web server must be able to read the site.
    umask = os.umask(0)
    os.umask(umask)
    for path in [folder, *folder.rglob("*")]:
        os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)


def _swap(new: Path, out: Path) -> None:
    if not out.exists():
        os.rename(new, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.oud-", dir=new.parent))
    os.rmdir(old)
    os.rename(out, old)
    try:
        os.rename(new, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _index(site: Path, executable: Path) -> None:
    """Pagefind's search index over the pages marked ``data-pagefind-body``, written into the
    site; it runs offline, in the site's folder, without settings from the environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND")}
    try:
        proc = subprocess.run(
            [
                str(executable),
                "--site",
                ".",
                "--output-subdir",
                SEARCH_FOLDER,
                "--keep-index-url",
                "--silent",
            ],
            cwd=site,
            env=env,
            capture_output=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderProblem(
            f"Pagefind kon de zoekindex niet maken: {exc.__class__.__name__}"
        ) from None
    if proc.returncode != 0:
        fout = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderProblem(
            "Pagefind kon de zoekindex niet maken" + (f": {fout[-1]}" if fout else "")
        )


def run_publish(
    paths: list[Path],
    out: Path,
    templates: Path | None,
    stdout: Console,
    stderr: Console,
    *,
    config_path: Path | None = None,
    cache: bool = True,
    search: bool = True,
    adres: str | None = None,
) -> int:
    """The ``publish`` command: build the site, report it, return the exit code.

    0: every contract published; 1: a contract had errors and was left out; 2: could not work.
    """
    from programmatool.pipeline.render import report_left_out
    from programmatool.pipeline.run import ConfigError, Run, no_contracts, read_settings

    try:
        settings = read_settings(config_path, cache=cache)
    except ConfigError as exc:
        raise RenderProblem(str(exc)) from None
    result = publish(
        paths, out, templates, settings.config, settings.cache_dir, search=search, adres=adres
    )
    report_left_out(stderr, [*result.problems, *result.notes], result.findings, "niet gepubliceerd")
    if result.out is None:
        if not result.findings and not result.problems:
            raise RenderProblem(no_contracts(paths))
        return Run([], result.findings, result.problems).exit_code()
    pages = sum(1 for f in result.files if f.endswith(".html"))
    stdout.print(
        f"site geschreven: {result.out.as_posix()} ({pages} pagina's)",
        markup=False,
        highlight=False,
    )
    if result.zonder_zoeken:
        stderr.print(
            f"programmatool: zonder zoekfunctie: {result.zonder_zoeken}",
            markup=False,
            highlight=False,
        )
    return Run([], result.findings, result.problems).exit_code()
