"""The command reference: every command with its arguments and options, read from the command
tree that Typer builds from the app, written out as ``docs/commandos.md``.

The texts are the Dutch help of the commands themselves; nothing is written here twice. The
command tree is passed in (``typer.main.get_command(app)``), so that this layer never imports
the command line above it. A test fails when ``docs/commandos.md`` differs from what
:func:`command_reference_markdown` generates (``make docs`` writes it).
"""

from __future__ import annotations

from typing import Any

#: The guide that explains each command at length.
GUIDES: dict[str, tuple[str, str]] = {
    "check": ("controleren.md", "Controleren"),
    "rules": ("regels.md", "Alle controleregels"),
    "schema": ("contractformaat.md#hulp-van-de-editor", "Hulp van de editor"),
    "progress": ("voortgang.md", "Voortgang"),
    "record": ("vastleggen.md#een-meting-vastleggen-programmatool-record", "Vastleggen"),
    "import": ("vastleggen.md#veel-metingen-tegelijk-programmatool-import", "Vastleggen"),
    "log": ("vastleggen.md#vastleggen-wat-er-is-gedaan-programmatool-log", "Vastleggen"),
    "render": ("documenten.md", "Raadsdocumenten"),
    "new": ("contractformaat.md#een-nieuw-contract-programmatool-new", "Het contractformaat"),
    "diff": ("vergelijken.md", "Wijzigingen"),
    "publish": ("publiceren.md", "Publiceren"),
}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _is_argument(param: Any) -> bool:
    return not any(opt.startswith("-") for opt in param.opts)


def _usage(name: str, command: Any) -> str:
    words = ["programmatool", name, "[OPTIES]"]
    for param in command.params:
        if _is_argument(param) and not param.hidden:
            metavar = param.metavar or param.name.upper()
            words.append(metavar if param.required else f"[{metavar}]")
    return " ".join(words)


def _value(param: Any) -> str:
    """What an option takes: its metavar and allowed range, or nothing for a flag."""
    if param.is_flag:
        return ""
    text = f"`{param.metavar or param.name.upper()}`"
    if param.min is not None and param.max is not None:
        text += f" ({param.min}–{param.max})"
    return text


def _default(param: Any) -> str:
    if param.required:
        return "verplicht"
    if param.is_flag or param.default is None or param.default == ():
        return ""
    return f"`{param.default}`"


def _options_table(params: list[Any], help_names: list[str]) -> list[str]:
    lines = [
        "| optie | waarde | standaard | betekenis |",
        "| --- | --- | --- | --- |",
    ]
    for param in params:
        names = ", ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
        lines.append(
            f"| {names} | {_value(param)} | {_default(param)} | {_cell(param.help or '')} |"
        )
    names = ", ".join(f"`{opt}`" for opt in sorted(help_names, key=len, reverse=True))
    lines.append(f"| {names} |  |  | Toon de hulp en stop. |")
    return lines


def _command_section(name: str, command: Any, help_names: list[str]) -> list[str]:
    lines = [f"## {name}", "", _cell(command.help or ""), "", "```text", _usage(name, command)]
    lines += ["```", ""]
    arguments = [p for p in command.params if _is_argument(p) and not p.hidden]
    options = [p for p in command.params if not _is_argument(p) and not p.hidden]
    if arguments:
        lines += ["| argument | betekenis |", "| --- | --- |"]
        for param in arguments:
            metavar = param.metavar or param.name.upper()
            shown = metavar if param.required else f"[{metavar}]"
            lines.append(f"| `{shown}` | {_cell(param.help or '')} |")
        lines.append("")
    lines += [*_options_table(options, help_names), ""]
    if name in GUIDES:
        target, title = GUIDES[name]
        lines += [f"Uitleg en voorbeelden: [{title}]({target}).", ""]
    return lines


def command_reference_markdown(root: Any) -> str:
    """The whole command reference as Markdown, from the click command tree of the app."""
    help_names = list(root.context_settings.get("help_option_names", ["--help"]))
    commands = [(name, cmd) for name, cmd in root.commands.items() if not cmd.hidden]
    lines = [
        "# Alle commando's",
        "",
        "<!-- Gemaakt door `make docs` (programmatool.reference); niet met de hand bewerken. -->",
        "",
        _cell(root.help or ""),
        "",
        "Elk commando met zijn argumenten en opties, zoals `programmatool COMMANDO --help` ze",
        "toont; een argument tussen `[` en `]` mag wegblijven. Exitcodes: 0 goed, 1 bevindingen",
        "(fouten in een contract, of wijzigingen bij `diff`), 2 het commando kon zijn werk niet",
        "doen.",
        "",
        "Inhoud: " + ", ".join(f"[{name}](#{name})" for name, _ in commands),
        "",
        "```text",
        "programmatool [OPTIES] COMMANDO [ARGUMENTEN]...",
        "```",
        "",
        "Opties vóór het commando:",
        "",
        *_options_table([p for p in root.params if not p.hidden], help_names),
        "",
    ]
    for name, command in commands:
        lines += _command_section(name, command, help_names)
    return "\n".join(lines).rstrip("\n") + "\n"
