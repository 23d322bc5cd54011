"""The ``progress`` command: contracts through the pipeline, each programme's progress computed
in the worker that loaded it (and cached with the file), then shown in the asked format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console

from programmatool.presenting.progress import (
    FORMATEN,
    csv_document,
    json_document,
    plain_text,
    programme_output,
)
from programmatool.progress.thresholds import ThresholdError, Thresholds, thresholds_from_table
from programmatool.text.console import safe_console
from programmatool.text.terminal import env_columns, write_out


class VoortgangProbleem(Exception):
    """The progress command cannot do its work (exit code 2); the message is Dutch."""


def laad_drempels(folder: Path) -> tuple[Thresholds, str | None]:
    """Thresholds from the ``[voortgang]`` table of the configuration file found from
    ``folder`` upward (``programmatool.toml`` or ``[tool.programmatool.voortgang]``)."""
    from programmatool.pipeline.settings import ConfigError, load_config

    try:
        config = load_config(start=folder)
    except ConfigError as exc:
        raise VoortgangProbleem(str(exc)) from None
    name = config.path.as_posix() if config.path is not None else None
    try:
        return thresholds_from_table(config.table("voortgang")), name
    except ThresholdError as exc:
        raise VoortgangProbleem(f"{name}: [voortgang] {exc}") from None


TABEL_BREEDTE = 120


def run_progress(
    paths: list[Path],
    jaar: int | None,
    formaat: str,
    toelichting: bool,
    op_koers: float | None,
    kleine_achterstand: float | None,
    out: Console,
    err: Console,
    cache_dir: Path | None = None,
    jobs: int | None = None,
) -> int:
    """The ``progress`` command: the pipeline loads the contracts and computes each one's
    progress (cached per file with ``cache_dir``), then this shows it. Returns the exit code:
    0 all shown, 1 a contract was skipped because of errors, 2 something could not be read."""

    from programmatool.pipeline import run as pipeline
    from programmatool.pipeline.settings import ConfigError, load_config

    if formaat not in FORMATEN:
        raise VoortgangProbleem(f"onbekend formaat '{formaat}'; kies uit {', '.join(FORMATEN)}")
    drempels, _bron = laad_drempels(Path.cwd())
    try:
        drempels = Thresholds(
            op_koers=drempels.op_koers if op_koers is None else op_koers,
            kleine_achterstand=(
                drempels.kleine_achterstand if kleine_achterstand is None else kleine_achterstand
            ),
        )
    except ThresholdError as exc:
        raise VoortgangProbleem(str(exc)) from None
    try:
        config = load_config()
    except ConfigError as exc:
        raise VoortgangProbleem(str(exc)) from None
    if formaat == "table" and not out.is_terminal and env_columns() is None:
        # A pipe or file has no width; 80 columns would squeeze the names to nothing.
        out = safe_console(out.file, highlight=False, width=TABEL_BREEDTE)
    params = {
        "formaat": formaat,
        "jaar": jaar,
        "drempels": [drempels.op_koers, drempels.kleine_achterstand],
        "toelichting": toelichting,
        "width": out.width,
        "terminal": out.is_terminal,
        "colours": out.color_system,
    }
    product = pipeline.Product("progress", programme_output, params)
    result = pipeline.run(
        paths,
        config=config,
        cache_dir=cache_dir,
        jobs=jobs,
        portfolio=False,
        product=product,
        label="Voortgang",
    )
    for problem in result.problems:
        err.print(
            f"programmatool: {plain_text(problem)}", highlight=False, soft_wrap=True, markup=False
        )
    if not result.results and not result.problems:
        raise VoortgangProbleem(
            "geen contractbestanden (*.yaml, *.yml) gevonden in "
            + ", ".join(p.as_posix() for p in paths)
        )
    outputs: list[Any] = []
    for loaded in result.results:
        if loaded.contract is None:
            for finding in loaded.findings:
                err.print(finding.as_text(), highlight=False, soft_wrap=True, markup=False)
            err.print(
                f"programmatool: {plain_text(loaded.path)} overgeslagen: het contract bevat fouten",
                highlight=False,
                soft_wrap=True,
                markup=False,
            )
            continue
        outputs.append(result.products[loaded.path])
    if formaat == "json":
        write_out(json_document(outputs, jaar, drempels), json=True)
    elif formaat == "csv":
        write_out(csv_document(outputs))
    elif outputs:
        out.file.write("\n".join(outputs))
        out.file.flush()
    return result.exit_code(judge="loaded")
