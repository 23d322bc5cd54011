"""The ``progress`` command: contracts through the pipeline, each programme's progress computed
in the worker that loaded it (and cached with the file), then shown in the asked format."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.pipeline import run as pipeline
from programmatool.pipeline.settings import ConfigError, thresholds
from programmatool.pipeline.writing import write_atomic
from programmatool.presenting.progress import (
    PROGRESS_FORMATS,
    csv_document,
    json_document,
    plain_text,
    programme_output,
)
from programmatool.presenting.sheets import excel_csv_document, workbook_document
from programmatool.progress.thresholds import ThresholdError, Thresholds
from programmatool.text.console import safe_console
from programmatool.text.oserrors import reason
from programmatool.text.terminal import Gate, env_columns, write_out

if TYPE_CHECKING:
    from rich.console import Console


class ProgressProblem(Exception):
    """The progress command cannot do its work (exit code 2); the message is Dutch."""


#: The width of the table in a pipe or file, which has no width of its own.
TABLE_WIDTH = 120


def _thresholds(
    settings: pipeline.Settings, on_course: float | None, small_delay: float | None
) -> Thresholds:
    """The thresholds of the configuration, each overridden by its option when given."""
    try:
        configured, _source = thresholds(settings.config)
        return Thresholds(
            op_koers=configured.op_koers if on_course is None else on_course,
            kleine_achterstand=(
                configured.kleine_achterstand if small_delay is None else small_delay
            ),
            minimaal_beoordeeld=configured.minimaal_beoordeeld,
        )
    except (ConfigError, ThresholdError) as exc:
        raise ProgressProblem(str(exc)) from None


def run_progress(
    paths: list[Path],
    jaar: int | None,
    output_format: str,
    toelichting: bool,
    op_koers: float | None,
    kleine_achterstand: float | None,
    out: Console,
    err: Console,
    *,
    config_path: Path | None = None,
    cache: bool = True,
    jobs: int | None = None,
    output: Path | None = None,
) -> int:
    """The ``progress`` command: the pipeline reads the configuration (``config_path``, or the
    one found from here upward) once, loads the contracts and computes each one's progress
    (cached per file with ``cache``), then this shows it (or writes it whole to ``output``).
    Returns the exit code: 0 all shown, 1 a contract was skipped because of errors, 2 something
    could not be read or written."""
    if output_format not in PROGRESS_FORMATS:
        raise ProgressProblem(
            f"onbekend formaat '{output_format}'; kies uit {', '.join(PROGRESS_FORMATS)}"
        )
    _check_target(output_format, output, out)
    if output is not None:
        # A file has no terminal: the table as in a pipe, without colour.
        width = env_columns() or TABLE_WIDTH
        out = safe_console(io.StringIO(), highlight=False, width=width)
    try:
        settings = pipeline.read_settings(config_path, cache=cache, jobs=jobs)
    except ConfigError as exc:
        raise ProgressProblem(str(exc)) from None
    chosen = _thresholds(settings, op_koers, kleine_achterstand)
    if output_format == "table" and not out.is_terminal and env_columns() is None:
        # A pipe or file has no width; 80 columns would squeeze the names to nothing.
        out = safe_console(out.file, highlight=False, width=TABLE_WIDTH)
    params = {
        "formaat": output_format,
        "jaar": jaar,
        "drempels": [chosen.op_koers, chosen.kleine_achterstand, chosen.minimaal_beoordeeld],
        "toelichting": toelichting,
        "width": out.width,
        "terminal": out.is_terminal,
        "colours": out.color_system,
    }
    product = pipeline.Product("progress", programme_output, params)
    result = pipeline.run(
        paths, settings=settings, portfolio=False, product=product, label="Voortgang"
    )
    for problem in result.problems:
        _say(err, f"programmatool: {plain_text(problem)}")
    if not result.results and not result.problems:
        raise ProgressProblem(pipeline.no_contracts(paths))
    outputs: list[Any] = []
    for loaded in result.results:
        if loaded.contract is None:
            for finding in loaded.findings:
                _say(err, finding.as_text())
            _say(
                err,
                f"programmatool: {plain_text(loaded.path)} overgeslagen: het contract bevat fouten",
            )
            continue
        outputs.append(result.products[loaded.path])
    if output is None:
        _show(outputs, output_format, jaar, chosen, out)
    else:
        _write(output, _document(outputs, output_format, jaar, chosen), err)
    return result.exit_code(judge="loaded")


def _write_stdout(data: bytes) -> None:
    """Bytes as they are (a byte order mark, CR LF, a ZIP archive) to standard output; the text
    in them passed the gate already."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        raise ProgressProblem("de uitvoer neemt geen bytes aan; geef --output BESTAND")
    buffer.write(data)
    buffer.flush()


def _check_target(output_format: str, output: Path | None, out: Console) -> None:
    """Refuse before any work what cannot be written: a workbook to a terminal, a folder."""
    if output is None:
        if output_format == "xlsx" and out.file.isatty():
            raise ProgressProblem(
                "een werkmap (xlsx) is geen tekst voor de terminal; geef --output BESTAND.xlsx"
            )
        return
    if output.is_dir():
        raise ProgressProblem(f"{plain_text(output.as_posix())} is een map; geef een bestandsnaam")


def _document(
    outputs: list[Any], output_format: str, jaar: int | None, chosen: Thresholds
) -> bytes:
    """The whole output as the bytes of a file (text as UTF-8, through the gate)."""
    if output_format == "excel-csv":
        return excel_csv_document(outputs)
    if output_format == "xlsx":
        return workbook_document(outputs)
    if output_format == "json":
        text, json = json_document(outputs, jaar, chosen), True
    else:
        text, json = (csv_document(outputs) if output_format == "csv" else "".join(outputs)), False
    buffer = io.StringIO()
    Gate(buffer, json=json).write(text)
    return buffer.getvalue().encode("utf-8")


def _write(output: Path, data: bytes, err: Console) -> None:
    """``data`` to ``output`` whole or not at all (a temporary file, then a rename)."""
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise ProgressProblem(
            f"kan {plain_text(output.as_posix())} niet schrijven: {reason(exc)}"
        ) from None
    _say(err, f"Voortgang geschreven naar {plain_text(output.as_posix())}")


def _say(err: Console, text: str) -> None:
    err.print(text, highlight=False, soft_wrap=True, markup=False)


def _show(
    outputs: list[Any], output_format: str, jaar: int | None, chosen: Thresholds, out: Console
) -> None:
    """Each programme's output in the asked format; JSON and CSV as one document."""
    if output_format == "json":
        write_out(json_document(outputs, jaar, chosen), json=True)
    elif output_format == "csv":
        write_out(csv_document(outputs))
    elif output_format in ("excel-csv", "xlsx"):
        _write_stdout(_document(outputs, output_format, jaar, chosen))
    elif outputs:
        out.file.write("\n".join(outputs))
        out.file.flush()
