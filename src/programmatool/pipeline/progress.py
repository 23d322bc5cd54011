"""The ``progress`` command: contracts through the pipeline, each programme's progress computed
in the worker that loaded it (and cached with the file), then shown in the asked format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from programmatool.pipeline import run as pipeline
from programmatool.pipeline.settings import ConfigError, thresholds
from programmatool.presenting.progress import (
    PROGRESS_FORMATS,
    csv_document,
    json_document,
    plain_text,
    programme_output,
)
from programmatool.progress.thresholds import ThresholdError, Thresholds
from programmatool.text.console import safe_console
from programmatool.text.terminal import env_columns, write_out

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
) -> int:
    """The ``progress`` command: the pipeline reads the configuration (``config_path``, or the
    one found from here upward) once, loads the contracts and computes each one's progress
    (cached per file with ``cache``), then this shows it. Returns the exit code: 0 all shown,
    1 a contract was skipped because of errors, 2 something could not be read."""
    if output_format not in PROGRESS_FORMATS:
        raise ProgressProblem(
            f"onbekend formaat '{output_format}'; kies uit {', '.join(PROGRESS_FORMATS)}"
        )
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
    _show(outputs, output_format, jaar, chosen, out)
    return result.exit_code(judge="loaded")


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
    elif outputs:
        out.file.write("\n".join(outputs))
        out.file.flush()
