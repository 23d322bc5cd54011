"""The ``render`` command's work: templates looked up in a chain (the user's folder first, then
the packaged ones), documents rendered on all cores and written atomically inside ``--out``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.model.contract import Contract
from programmatool.text import formatting as fmt

if TYPE_CHECKING:
    from jinja2 import Environment

from programmatool.rendering.notes import markdown_html_met_noot, markdown_md_met_noot
from programmatool.rendering.views import (
    FOUT_TEKEN,
    STATUS_TEKEN,
)
from programmatool.text.markdown import (
    VeiligMarkdown,
    markdown_cel,
    md_code,
    md_tekst,
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
        loaders.append(_confined_loader(templates))
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


def _confined_loader(folder: Path) -> Any:
    """A loader for a user's ``--templates`` folder that reads only regular files inside it:
    a symbolic link (to ``/proc/self/environ``, a key, any readable file) or a name that leaves
    the folder is refused, so no file outside the folder can end up in a document. Style sheets
    and includes are read through it too."""
    import os
    import stat

    from jinja2 import BaseLoader, TemplateError, TemplateNotFound
    from jinja2.loaders import split_template_path

    class ConfinedLoader(BaseLoader):
        def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
            parts = split_template_path(template)  # refuses '..'
            base = folder.resolve()
            path = base.joinpath(*parts)
            # Every step is checked without following links: a linked folder leaves too.
            current = base
            for part in parts:
                current = current / part
                try:
                    info = os.lstat(current)
                except OSError:
                    raise TemplateNotFound(template) from None
                if stat.S_ISLNK(info.st_mode):
                    raise TemplateError(
                        f"{current.as_posix()} is een symbolische koppeling; een sjabloon moet "
                        "een gewoon bestand in de sjablonenmap zijn"
                    )
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
            try:
                descriptor = os.open(path, flags)
            except OSError:
                raise TemplateNotFound(template) from None
            with os.fdopen(descriptor, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    raise TemplateError(
                        f"{path.as_posix()} is geen gewoon bestand; een sjabloon moet een "
                        "gewoon bestand in de sjablonenmap zijn"
                    )
                data = handle.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise TemplateError(f"{path.as_posix()} is geen UTF-8 tekst") from None
            return text, str(path), lambda: False

    return ConfinedLoader()


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


def outside_period_message(contract: Contract, bestand: str, jaar: int) -> str:
    """The message for an annual account of a year in which the programme does not run."""
    return outside_period_text(contract.programma, contract.periode.tekst(), bestand, jaar)


def outside_period_text(programma: str, periode: str, bestand: str, jaar: int) -> str:
    """:func:`outside_period_message` from the programme's name and period as text."""
    return (
        f"{bestand}: {jaar} valt buiten de looptijd van {programma} "
        f"({periode}); geen verantwoording over {jaar} gemaakt"
    )


def render_text(env: Environment, template: str, **context: Any) -> str:
    """Render a template to text with a trailing newline and no trailing spaces."""
    text = env.get_template(template).render(**context)
    if template.startswith(("contract.", "verantwoording.", "portfolio.")):
        # Every table of a council document leaves out the columns that are empty in all rows.
        from programmatool.rendering.columns import (
            without_empty_columns_html,
            without_empty_columns_md,
        )

        if template.endswith(".md.j2"):
            text = without_empty_columns_md(text)
        else:
            from programmatool.rendering.regions import scrollable_regions

            text = scrollable_regions(without_empty_columns_html(text))
    lines = [line.rstrip() for line in text.split("\n")]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return cleaned.strip("\n") + "\n"


def template_name(soort: str, formaat: str) -> str:
    """The template of a kind of document; a PDF is the HTML document laid out on pages."""
    return f"{soort}.{'html' if formaat == 'pdf' else formaat}.j2"


def to_pdf(env: Environment, html: str) -> bytes:
    """An HTML document as a PDF, with the print stylesheet ``pdf.css`` of the template chain."""
    from jinja2 import TemplateNotFound

    from programmatool.rendering.pdf import STIJLBLAD, PdfProblem, html_naar_pdf
    from programmatool.text.terminal import valid_unicode

    # Undecodable bytes of a file name stay visible as escapes; a PDF holds only Unicode.
    html = valid_unicode(html)
    try:
        assert env.loader is not None
        stylesheet = env.loader.get_source(env, STIJLBLAD)[0]
    except TemplateNotFound as exc:
        raise RenderProblem(f"sjabloon {STIJLBLAD} ontbreekt") from exc
    try:
        return html_naar_pdf(html, stylesheet)
    except PdfProblem as exc:
        raise RenderProblem(str(exc)) from exc


def check_pdf_engine() -> None:
    """Refuse to start on PDF documents when the PDF engine cannot be loaded."""
    from programmatool.rendering.pdf import PdfProblem, weasyprint_module

    try:
        weasyprint_module()
    except PdfProblem as exc:
        raise RenderProblem(str(exc)) from exc
