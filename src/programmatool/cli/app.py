"""The command line: one short function per command, wiring arguments to the core.

Exit codes: 0 no errors, 1 errors found in contracts, 2 the command could not do its work.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from programmatool._version import __version__
from programmatool.cli import completion
from programmatool.cli.quick import DEFAULTS, MAX_JOBS
from programmatool.pipeline.run import EXIT_OK, EXIT_USAGE

app = typer.Typer(
    name="programmatool",
    help="Programmacontracten als YAML: valideren, controleren, voortgang en raadsdocumenten.",
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

_state: dict[str, Any] = {"debug": False}


class UsageProblem(Exception):
    """Something the user asked for that cannot be done; shown in Dutch with exit code 2."""


def stdout() -> Console:
    """Console for results: coloured in a terminal, plain text when piped; through the output
    gate either way (no control character from a contract, no workflow command)."""
    from programmatool.text.console import safe_console
    from programmatool.text.terminal import console_width

    return safe_console(
        sys.stdout, highlight=False, soft_wrap=True, markup=False, width=console_width(sys.stdout)
    )


def stderr() -> Console:
    """Console for messages about the command itself, through the output gate."""
    from programmatool.text.console import safe_console
    from programmatool.text.terminal import console_width

    return safe_console(
        sys.stderr,
        stderr=True,
        highlight=False,
        soft_wrap=True,
        markup=False,
        width=console_width(sys.stderr),
    )


def _silent() -> Console:
    """A console whose output goes nowhere (``--quiet``)."""
    import io

    from programmatool.text.console import safe_console

    return safe_console(io.StringIO(), highlight=False, markup=False)


def say(message: str) -> None:
    """Print a message about the command on stderr; names and values in it that come from the
    command line or a contract cannot reach the terminal as control characters."""
    from programmatool.text.terminal import neutralise

    stderr().print(neutralise(message))


def fail(message: str) -> NoReturn:
    """Stop the command with a Dutch message and exit code 2."""
    raise UsageProblem(message)


def _version(value: bool) -> None:
    if value:
        from programmatool.text.terminal import write_out

        write_out(f"programmatool {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie en stop."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Toon bij een onverwachte fout de volledige traceback.")
    ] = False,
) -> None:
    """Programmacontracten als YAML: valideren, controleren, voortgang en raadsdocumenten."""
    _state["debug"] = debug
    _no_config(False)  # each command line starts with the configuration read as usual


#: ``--config`` of the commands that read the configuration.
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Configuratiebestand (standaard: programmatool.toml of pyproject.toml, "
        "gezocht vanaf de huidige map omhoog).",
        metavar="BESTAND",
    ),
]


def _no_config(value: bool) -> bool:
    from programmatool.pipeline.run import isolate

    isolate(value)
    return value


#: ``--no-config`` of every command that reads the configuration (like ruff's ``--isolated``).
NoConfigOption = Annotated[
    bool,
    typer.Option(
        "--no-config",
        help="Lees geen configuratiebestand: alle regels en grenzen zoals de tool ze levert.",
        callback=_no_config,
    ),
]
#: ``--no-cache`` of the commands that read contracts through the cache.
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Lees alle bestanden opnieuw in plaats van ongewijzigde uit de cache "
        "(in de cachemap van de gebruiker, of PROGRAMMATOOL_CACHE_DIR) te halen.",
    ),
]
#: The contract files or folders a command reads.
PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Contractbestanden of mappen (mappen: alle *.yaml en *.yml).",
        show_default=False,
        metavar="PAD...",
        readable=False,
    ),
]


@app.command()
def check(
    paths: PathsArgument,
    strict: Annotated[
        bool, typer.Option("--strict", help="Laat ook waarschuwingen de controle doen falen.")
    ] = DEFAULTS["strict"],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="Uitvoer: text, json, github (annotaties), gitlab (Code Quality), sarif (code "
            "scanning) of junit.",
            metavar="FORMAAT",
            autocompletion=completion.check_formats,
        ),
    ] = DEFAULTS["output_format"],
    config: ConfigOption = DEFAULTS["config"],
    no_cache: NoCacheOption = DEFAULTS["no_cache"],
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Aantal processen bij veel bestanden (standaard: het aantal kernen).",
            min=1,
            max=MAX_JOBS,
            metavar="N",
        ),
    ] = DEFAULTS["jobs"],
    no_config: NoConfigOption = False,
    naam: Annotated[
        str | None,
        typer.Option(
            "--naam",
            help="Bij PAD '-' (een contract op standaardinvoer): de bestandsnaam in de meldingen "
            "en voor de patronen van de configuratie (standaard: stdin tussen punthaken).",
            metavar="NAAM",
        ),
    ] = DEFAULTS["naam"],
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Alleen de bevindingen, zonder slotregel: niets als alles goed is (text).",
        ),
    ] = DEFAULTS["quiet"],
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Toon op stderr ook de configuratie, de cache, elk bestand en de duur.",
        ),
    ] = DEFAULTS["verbose"],
) -> None:
    """Controleer contracten: schema en samenhang. PAD '-' leest één contract van standaardinvoer. Exitcode 0 goed, 1 fouten, 2 niet uitvoerbaar."""  # noqa: E501
    from programmatool.pipeline.check import run_check

    code = run_check(
        paths,
        strict,
        output_format,
        config,
        not no_cache,
        jobs,
        stdout(),
        name=naam,
        quiet=quiet,
        verbose=verbose,
    )
    raise typer.Exit(code)


@app.command()
def rules(
    code: Annotated[
        str | None,
        typer.Argument(help="Een regelcode, zoals PT201: uitleg met voorbeeld.", metavar="CODE"),
    ] = None,
) -> None:
    """Toon alle controleregels, of de uitleg van één regel met een voorbeeld."""
    from programmatool.rules.explain import explain_rule, list_rules
    from programmatool.text.terminal import write_out

    if code is None:
        write_out(list_rules())
        return
    text = explain_rule(code)
    if text is None:
        from programmatool.rules.explain import suggestion

        fail(f"onbekende regel '{code}'{suggestion(code)}; 'programmatool rules' toont ze alle")
    write_out(text)


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Schrijf het schema naar dit bestand in plaats van naar stdout.",
            metavar="BESTAND",
        ),
    ] = None,
) -> None:
    """Schrijf het JSON Schema van een programmacontract (voor editors en andere tools)."""
    from programmatool.pipeline.writing import write_atomic
    from programmatool.reference.schema import contract_schema_json

    text = contract_schema_json()
    if output is None:
        from programmatool.text.terminal import write_out

        write_out(text)
        return
    if output.is_dir():
        fail(f"{output.as_posix()} is een map; geef een bestandsnaam")
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        from programmatool.text.oserrors import reason

        fail(f"kan {output.as_posix()} niet schrijven: {reason(exc)}")
    stderr().print(f"Schema geschreven naar {output.as_posix()}")


@app.command()
def progress(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Contractbestanden of mappen.",
            show_default=False,
            metavar="PAD...",
            readable=False,
        ),
    ],
    jaar: Annotated[
        int | None,
        typer.Option(
            "--jaar",
            min=1900,
            max=2200,
            help="Jaar (standaard: het laatste jaar met een meting).",
            metavar="JAAR",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="Uitvoer: table, json, csv (komma en punt, voor andere programma's), excel-csv "
            "(puntkomma en decimale komma: Excel met Nederlandse instellingen) of xlsx "
            "(Excel-werkmap, met --output).",
            metavar="FORMAAT",
            autocompletion=completion.progress_formats,
        ),
    ] = "table",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Schrijf de uitvoer in zijn geheel naar dit bestand in plaats van naar stdout.",
            metavar="BESTAND",
        ),
    ] = None,
    toelichting: Annotated[
        bool,
        typer.Option("--toelichting", help="Toon ook resultaten, toelichtingen, bronnen en geld."),
    ] = False,
    op_koers: Annotated[
        float | None,
        typer.Option(
            "--op-koers",
            help="Drempel 'op koers' als fractie (standaard 0.10).",
            metavar="FRACTIE",
        ),
    ] = None,
    kleine_achterstand: Annotated[
        float | None,
        typer.Option(
            "--kleine-achterstand",
            help="Drempel kleine achterstand als fractie (standaard 0.25).",
            metavar="FRACTIE",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Toon de voortgang van de indicatoren per programma. De drempels komen uit [voortgang] van de configuratie (--config, of programmatool.toml of pyproject.toml vanaf de huidige map omhoog); --op-koers en --kleine-achterstand gaan daarvoor. Exitcode 0 goed, 1 contract met fouten, 2 niet uitvoerbaar."""  # noqa: E501
    from programmatool.pipeline.progress import ProgressProblem, run_progress

    try:
        code = run_progress(
            paths,
            jaar,
            output_format,
            toelichting,
            op_koers,
            kleine_achterstand,
            stdout(),
            stderr(),
            config_path=config,
            cache=not no_cache,
            output=output,
        )
    except ProgressProblem as exc:
        fail(str(exc))
    raise typer.Exit(code)


@app.command()
def record(
    bestand: Annotated[
        Path,
        typer.Argument(
            help="Het contractbestand.", show_default=False, metavar="BESTAND", readable=False
        ),
    ],
    indicator: Annotated[
        str, typer.Argument(help="Id van de indicator.", show_default=False, metavar="INDICATOR")
    ],
    jaar: Annotated[
        str, typer.Argument(help="Jaar van de meting.", show_default=False, metavar="JAAR")
    ],
    waarde: Annotated[
        str,
        typer.Argument(
            help="Getal, woord van de schaal, of datum / ja / nee (mijlpaal).",
            show_default=False,
            metavar="WAARDE",
        ),
    ],
    bron: Annotated[
        str | None, typer.Option("--bron", help="Bron van de meting.", metavar="TEKST")
    ] = None,
    toelichting: Annotated[
        str | None,
        typer.Option("--toelichting", help="Toelichting bij de meting.", metavar="TEKST"),
    ] = None,
    vervang: Annotated[
        bool,
        typer.Option("--vervang", help="Vervang de meting van dat jaar (toont oud → nieuw)."),
    ] = False,
    voorlopig: Annotated[
        bool, typer.Option("--voorlopig", help="Markeer de meting als voorlopig cijfer.")
    ] = False,
    ca: Annotated[
        bool,
        typer.Option("--ca", help="Een benadering zoals de bron die geeft (ca. 8.000, bijna 7)."),
    ] = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Leg een meting vast in een contract; de rest van het bestand blijft byte voor byte gelijk. Exitcode 0 vastgelegd, 1 contract met fouten, 2 geweigerd."""  # noqa: E501
    from programmatool.editing.guarded import RecordProblem
    from programmatool.editing.record import describe, visible
    from programmatool.editing.record import record as run_record
    from programmatool.text.terminal import neutralise

    try:
        # An id, year or value with control characters can never be valid; escaped, it can
        # still be named in the refusal without reaching the terminal raw.
        done = run_record(
            bestand,
            neutralise(indicator),
            neutralise(jaar),
            neutralise(waarde),
            bron,
            toelichting,
            vervang,
            voorlopig,
            config_path=config,
            benadering=ca,
        )
    except RecordProblem as exc:
        _record_problem(exc)
    stdout().print(visible(describe(done)), highlight=False, soft_wrap=True, markup=False)


def _record_problem(exc: Any) -> NoReturn:
    from programmatool.editing.record import visible

    *details, last = visible(exc.message).split("\n")
    for line in details:
        say(line)
    say(f"programmatool: {last}")
    raise typer.Exit(exc.code)


@app.command(name="import")
def import_(
    tabel: Annotated[
        Path,
        typer.Argument(
            help="CSV (puntkomma, komma of tab; ook UTF-16) of .xlsx met de kolommen contract, "
            "indicator, jaar, waarde en eventueel bron, toelichting, voorlopig, benadering.",
            show_default=False,
            metavar="TABEL",
            readable=False,
        ),
    ],
    map_: Annotated[
        Path,
        typer.Option("--map", help="Map waarin programmacodes worden opgezocht.", metavar="MAP"),
    ] = Path("."),
    vervang: Annotated[
        bool, typer.Option("--vervang", help="Vervang bestaande metingen (toont oud → nieuw).")
    ] = False,
    proef: Annotated[
        bool, typer.Option("--proef", help="Toon wat er zou veranderen; schrijf niets.")
    ] = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Leg veel metingen tegelijk vast uit een CSV of .xlsx: alles of niets. Exitcode 0 vastgelegd, 1 contract met fouten, 2 geweigerd."""  # noqa: E501
    from programmatool.editing.guarded import RecordProblem
    from programmatool.editing.record import describe, run_import, visible

    try:
        changes = run_import(tabel, map_, vervang, proef, config_path=config)
    except RecordProblem as exc:
        _record_problem(exc)
    if changes:  # one print: a console per line costs seconds for thousands of rows
        lines = "\n".join(visible(describe(change)) for change in changes)
        stdout().print(lines, highlight=False, soft_wrap=True, markup=False)
    n = len(changes)
    files = len({c.bestand for c in changes})
    from programmatool.text.formatting import hoeveel

    summary = f"{hoeveel(n, 'meting', 'metingen')} in {hoeveel(files, 'bestand', 'bestanden')}"
    if proef:
        zou = "zou" if n == 1 else "zouden"
        stdout().print(f"Proef: {summary} {zou} veranderen; er is niets geschreven.")
    else:
        stdout().print(f"{summary} vastgelegd.")


@app.command()
def log(
    bestand: Annotated[
        Path, typer.Argument(help="Het contractbestand.", show_default=False, metavar="BESTAND")
    ],
    inspanning: Annotated[
        str, typer.Argument(help="Id van de inspanning.", show_default=False, metavar="INSPANNING")
    ],
    jaar: Annotated[str, typer.Argument(help="Jaar.", show_default=False, metavar="JAAR")],
    status: Annotated[
        str,
        typer.Argument(
            help="gereed, loopt, vertraagd of gestopt.", show_default=False, metavar="STATUS"
        ),
    ],
    toelichting: Annotated[
        str | None,
        typer.Option("--toelichting", help="Korte toelichting: wat is er gedaan?", metavar="TEKST"),
    ] = None,
    besteed: Annotated[
        str | None,
        typer.Option("--besteed", help="Uitgegeven bedrag in euro, bv. 12.500.", metavar="BEDRAG"),
    ] = None,
    vervang: Annotated[
        bool,
        typer.Option(
            "--vervang",
            help="Vervang het verslag dat er voor dat jaar al staat (toont oud → nieuw).",
        ),
    ] = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Leg vast hoe een inspanning in een jaar is verlopen ("Wat hebben we gedaan?"); de rest van het bestand blijft byte voor byte gelijk. Exitcode 0 vastgelegd, 1 contract met fouten, 2 geweigerd."""  # noqa: E501
    from programmatool.editing.guarded import RecordProblem
    from programmatool.editing.log import log_effort
    from programmatool.editing.record import visible

    try:
        done = log_effort(
            bestand, inspanning, jaar, status, toelichting, besteed, vervang, config_path=config
        )
    except RecordProblem as exc:
        *details, last = exc.message.split("\n")
        for line in details:
            stderr().print(line, highlight=False, soft_wrap=True, markup=False)
        stderr().print(f"programmatool: {last}", highlight=False, soft_wrap=True, markup=False)
        raise typer.Exit(exc.code) from None
    stdout().print(
        visible(done.beschrijving()),
        highlight=False,
        soft_wrap=True,
        markup=False,
    )


@app.command()
def render(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Contractbestanden of mappen.",
            show_default=False,
            metavar="PAD...",
            readable=False,
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Map waarin de documenten komen.", metavar="MAP")
    ],
    formaat: Annotated[
        str, typer.Option("--format", help="Uitvoer: md, html of pdf (A4).", metavar="FORMAAT")
    ] = "html",
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Map met eigen sjablonen; gaat voor de standaardsjablonen.",
            metavar="MAP",
        ),
    ] = None,
    verantwoording: Annotated[
        int | None,
        typer.Option(
            "--verantwoording",
            min=1900,
            max=2200,
            metavar="JAAR",
            help="Maak de jaarverantwoording over dit jaar in plaats van het contract.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    sinds: Annotated[
        str | None,
        typer.Option(
            "--sinds",
            metavar="REVISIE",
            help="Voeg het hoofdstuk 'Wijzigingen ten opzichte van REVISIE' (git) toe en "
            "schrijf ook een overzicht wijzigingen.md of .html.",
        ),
    ] = None,
    vastgesteld: Annotated[
        str | None,
        typer.Option(
            "--vastgesteld",
            metavar="REVISIE",
            help="De vastgestelde versie (git) waarmee de programmakaart vergelijkt; zonder "
            "deze optie geldt [render] vastgesteld uit de configuratie, en anders zoekt de tool "
            "die zelf in git.",
        ),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Noem de geschreven bestanden niet; fouten blijven op stderr."
        ),
    ] = False,
) -> None:
    """Maak raadsdocumenten (Markdown, HTML of PDF) en in HTML en PDF een overzicht (index.html, index.pdf). Exitcode 0 goed, 1 contract met fouten, 2 niet uitvoerbaar."""  # noqa: E501
    from programmatool.pipeline.render import run_render
    from programmatool.rendering.environment import RenderProblem

    try:
        code = run_render(
            paths,
            formaat,
            out,
            templates,
            verantwoording,
            _silent() if quiet else stdout(),
            stderr(),
            sinds,
            config_path=config,
            cache=not no_cache,
            vastgesteld=vastgesteld,
        )
    except RenderProblem as exc:
        fail(str(exc))
    raise typer.Exit(code)


@app.command()
def publish(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Contractbestanden of mappen.",
            show_default=False,
            metavar="PAD...",
            readable=False,
        ),
    ],
    uit: Annotated[
        Path,
        typer.Option(
            "--uit",
            "-o",
            help="Map voor de site; een eerdere site daar wordt in één keer vervangen.",
            metavar="MAP",
        ),
    ],
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Map met eigen sjablonen; gaat voor de standaardsjablonen.",
            metavar="MAP",
        ),
    ] = None,
    zonder_zoeken: Annotated[
        bool, typer.Option("--zonder-zoeken", help="Maak de site zonder zoekindex (Pagefind).")
    ] = False,
    adres: Annotated[
        str | None,
        typer.Option(
            "--adres",
            metavar="URL",
            help="Het webadres van de site (https://…): de open-data-metadata noemt dan "
            "volledige adressen, zoals data.overheid.nl ze nodig heeft.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Publiceer het portfolio als statische site: korte pagina's per programma, zoeken, de geschiedenis per indicator uit git en open data (CSV, JSON, datapackage.json). Exitcode 0 goed, 1 contract met fouten, 2 niet uitvoerbaar."""  # noqa: E501
    from programmatool.pipeline.publish import run_publish
    from programmatool.rendering.environment import RenderProblem

    try:
        code = run_publish(
            paths,
            uit,
            templates,
            stdout(),
            stderr(),
            config_path=config,
            cache=not no_cache,
            search=not zonder_zoeken,
            adres=adres,
        )
    except RenderProblem as exc:
        fail(str(exc))
    raise typer.Exit(code)


@app.command()
def new(
    bestand: Annotated[
        Path | None,
        typer.Argument(
            help="Het nieuwe contract (standaard <code>.yaml in de huidige map).",
            show_default=False,
            metavar="BESTAND",
        ),
    ] = None,
    programma: Annotated[
        str | None, typer.Option("--programma", help="Naam van het programma.", metavar="NAAM")
    ] = None,
    gemeente: Annotated[
        str | None, typer.Option("--gemeente", help="Naam van de gemeente.", metavar="NAAM")
    ] = None,
    periode: Annotated[
        str | None,
        typer.Option(
            "--periode",
            help="Looptijd, bijvoorbeeld 2024-2027 (een onbekend jaar: onbekend).",
            metavar="START-EIND",
        ),
    ] = None,
    code: Annotated[
        str | None,
        typer.Option(
            "--code", help="Programmacode (standaard afgeleid van de naam).", metavar="CODE"
        ),
    ] = None,
    schema: Annotated[
        str | None,
        typer.Option(
            "--schema",
            help="Pad of URL van het JSON Schema voor de editor (standaard: "
            "programmacontract.schema.json van het repository, gezien vanaf het nieuwe bestand).",
            metavar="PAD",
        ),
    ] = None,
) -> None:
    """Maak een nieuw contract om mee te beginnen: elk onderdeel met uitleg, meteen geldig. Ontbreekt een optie, dan vraagt het commando erom (alleen in een terminal)."""  # noqa: E501
    from programmatool.editing.new import (
        code_from_name,
        new_contract_text,
        parse_periode,
        problems_in_new,
        write_new,
    )
    from programmatool.reference.schema import schema_reference

    def ask(value: str | None, option: str, question: str) -> str:
        if value is not None and value.strip():
            return value.strip()
        if not sys.stdin.isatty():
            fail(f"geef {option} (of start het commando in een terminal, dan vraagt het erom)")
        answer = str(typer.prompt(question)).strip()
        if not answer:
            fail(f"{option} mag niet leeg zijn")
        return answer

    naam = ask(programma, "--programma", "Naam van het programma")
    plaats = ask(gemeente, "--gemeente", "Gemeente")
    looptijd = ask(periode, "--periode", "Looptijd (bijvoorbeeld 2024-2027)")
    try:
        start, eind = parse_periode(looptijd)
    except ValueError as exc:
        fail(str(exc))
    import re

    gekozen = code or code_from_name(naam)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", gekozen):
        fail(
            f"code '{gekozen}' is geen geldige programmacode (kleine letters, cijfers en '-', "
            "bijvoorbeeld 'duurzaamheid')"
        )
    doel = bestand or Path(f"{gekozen}.yaml")
    if doel.exists() or doel.is_symlink():
        fail(f"{doel.as_posix()} bestaat al; kies een andere naam (er wordt niets overschreven)")
    if not doel.parent.is_dir():
        fail(f"de map {doel.parent.as_posix()} bestaat niet")
    schema = schema or schema_reference(doel)
    text = new_contract_text(naam, plaats, start, eind, gekozen, schema, doel.as_posix())
    problems = problems_in_new(text, doel.as_posix())
    if problems:
        # Validated before anything is written: "geschreven" only for a contract check accepts.
        fail(
            f"met deze naam of gegevens zou {doel.as_posix()} geen geldig contract zijn "
            f"({problems[0]}); er is niets geschreven. Gebruik gewone tekens, zonder "
            "stuurtekens of regeleinden"
        )
    try:
        write_new(doel, text)
    except FileExistsError:
        fail(f"{doel.as_posix()} bestaat al; kies een andere naam (er wordt niets overschreven)")
    except OSError as exc:
        from programmatool.text.oserrors import reason

        fail(f"kan {doel.as_posix()} niet schrijven: {reason(exc)}")
    stdout().print(f"geschreven: {doel.as_posix()}")
    stdout().print(f"Vul het aan en controleer het met: programmatool check {doel.as_posix()}")


@app.command()
def diff(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="OUD NIEUW (twee bestanden of mappen), of met --sinds de contracten of mappen "
            "van nu.",
            show_default=False,
            metavar="PAD...",
            readable=False,
        ),
    ],
    sinds: Annotated[
        str | None,
        typer.Option(
            "--sinds",
            help="Vergelijk met de versie in git bij deze revisie (tag, tak of commit).",
            metavar="REVISIE",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", help="Uitvoer: text, markdown of json.", metavar="FORMAAT"),
    ] = "text",
    config: ConfigOption = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exitcode 1 alleen bij wijzigingen van dit niveau of hoger: belangrijk, "
            "opmerking of info (standaard: elke wijziging).",
            metavar="NIVEAU",
        ),
    ] = None,
    no_config: NoConfigOption = False,
) -> None:
    """Wat is er in betekenis veranderd tussen twee versies van contracten. Exitcode 0 geen wijzigingen, 1 wijzigingen, 2 niet uitvoerbaar."""  # noqa: E501
    from programmatool.diff.result import DiffProblem
    from programmatool.pipeline.diff import run_diff

    try:
        code = run_diff(paths, sinds, output_format, config, fail_on)
    except DiffProblem as exc:
        for line in exc.details:
            stderr().print(line)
        fail(exc.message)
    raise typer.Exit(code)


_CLICK_MESSAGES = {
    "NoSuchOption": "onbekende optie",
    "MissingParameter": "ontbrekend argument",
    "BadParameter": "ongeldige waarde",
    "BadOptionUsage": "onjuist gebruik van een optie",
    "BadArgumentUsage": "onjuist gebruik van een argument",
    "NoArgsIsHelpError": "",
}


_REASONS = (
    (r"valid integer", "verwacht een geheel getal"),
    (r"valid number", "verwacht een getal"),
    (r"valid boolean", "verwacht ja of nee"),
    (r"greater than or equal to (\S+)", "moet ten minste {0} zijn"),
    (r"less than or equal to (\S+)", "mag hoogstens {0} zijn"),
    (r"greater than (\S+)", "moet groter zijn dan {0}"),
    (r"less than (\S+)", "moet kleiner zijn dan {0}"),
    (r"does not exist", "bestaat niet"),
)


def _dutch_reason(message: str) -> str:
    """Typer reports bad option values in English; say the common ones in Dutch."""
    import re

    for pattern, dutch in _REASONS:
        match = re.search(pattern, message)
        if match:
            return dutch.format(*match.groups())
    return "ongeldige waarde"


def _usage_message(exc: BaseException) -> str:
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        name = getattr(exc, "option_name", "")
        hints = getattr(exc, "possibilities", None) or []
        hint = f" (bedoelde u {', '.join(sorted(hints))}?)" if hints else ""
        return f"onbekende optie {name}{hint}"
    if kind == "MissingParameter":
        param = getattr(exc, "param", None)
        name = getattr(param, "metavar", None) or (getattr(param, "name", "") or "").upper()
        return f"ontbrekend argument {name}".rstrip()
    if kind == "BadParameter":
        param = getattr(exc, "param", None)
        names = getattr(param, "opts", None) or [getattr(param, "name", "") or ""]
        return f"ongeldige waarde voor {names[0]}: {_dutch_reason(getattr(exc, 'message', ''))}"
    text = str(getattr(exc, "message", "") or exc)
    if text.startswith("No such command"):
        return _unknown_command(text)
    if text.startswith("Got unexpected extra argument"):
        return "onverwacht extra argument " + text.rsplit(" ", 1)[-1].strip("()")
    return _CLICK_MESSAGES.get(kind) or f"ongeldige aanroep: {text}"


def command() -> Any:
    """The app as the Click group that runs it (and that the command reference describes):
    Typer's completion options with Dutch help."""
    from programmatool.cli.completion import dutch_options

    return dutch_options(typer.main.get_command(app))


def _unknown_command(text: str) -> str:
    """Click's "No such command 'chek'." in Dutch, with the command clearly meant."""
    import re

    from programmatool.text.suggest import did_you_mean

    # Click adds an English "Did you mean …?" of its own (with more than one guess).
    match = re.fullmatch(r"No such command (['\"])(.*)\1\.(?: Did you mean .*)?", text, re.DOTALL)
    word = match.group(2) if match else text.removeprefix("No such command").strip(" .")
    commands = command().commands
    return f"onbekend commando '{word}'{did_you_mean(word, commands)}"


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``programmatool`` command; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or any(a in ("-h", "--help") for a in args):
        # Only a help screen shows Typer's own words; loading the Dutch ones costs start-up time.
        from programmatool.cli.i18n import install

        install()
    _state["debug"] = "--debug" in args
    if (named := completion.named_shell(args)) is not None:
        try:
            from programmatool.text.terminal import write_out

            write_out(completion.run(*named) + "\n")
        except completion.CompletionProblem as exc:
            say(f"programmatool: {exc}")
            return EXIT_USAGE
        return EXIT_OK
    try:
        code = command()(args=args, prog_name="programmatool", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except UsageProblem as exc:
        say(f"programmatool: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        stderr().print("programmatool: afgebroken")
        return 130
    except Exception as exc:
        kind = type(exc).__name__
        if kind in _CLICK_MESSAGES or (
            hasattr(exc, "exit_code") and kind.endswith(("Error", "Option", "Parameter", "Usage"))
        ):
            say(f"programmatool: {_usage_message(exc)}")
            stderr().print("Gebruik 'programmatool --help' voor hulp.")
            return EXIT_USAGE
        if kind == "Abort":
            stderr().print("programmatool: afgebroken")
            return EXIT_USAGE
        if _state["debug"]:
            raise
        say(
            f"programmatool: interne fout ({kind}: {exc}). "
            "Gebruik --debug voor de volledige traceback en meld dit als fout."
        )
        return EXIT_USAGE
    return int(code) if isinstance(code, int) else EXIT_OK
