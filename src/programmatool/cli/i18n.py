"""Dutch words for the help screens that Typer renders.

Typer (with its vendored Click) has English strings and no translation catalogue; the few that a
user sees on every ``--help`` are replaced here, once, when the command line starts.
"""

from __future__ import annotations

from typing import Any

#: Click's words in a usage line, and ours.
_USAGE_WORDS = (("[OPTIONS]", "[OPTIES]"), ("COMMAND [ARGS]...", "COMMANDO [ARGUMENTEN]..."))


def install() -> None:
    """Replace Typer's English help headings and the help option's text with Dutch ones."""
    import typer.rich_utils as ru

    ru.ARGUMENTS_PANEL_TITLE = "Argumenten"
    ru.OPTIONS_PANEL_TITLE = "Opties"
    ru.COMMANDS_PANEL_TITLE = "Commando's"
    ru.ERRORS_PANEL_TITLE = "Fout"
    ru.ABORTED_TEXT = "Afgebroken."
    ru.DEFAULT_STRING = "[standaard: {}]"
    ru.REQUIRED_LONG_STRING = "[verplicht]"
    ru.ENVVAR_STRING = "[omgevingsvariabele: {}]"
    ru.RICH_HELP = "Probeer '{command_path} {help_option}' voor hulp."
    try:
        from typer._click import decorators, formatting
    except ImportError:  # a Typer without the vendored Click: keep its own words
        return
    original_help_option = decorators.help_option

    def help_option(param_decls: list[str]) -> Any:
        decorator = original_help_option(param_decls)

        def apply(command: Any) -> Any:
            command = decorator(command)
            for param in command.params:
                if getattr(param, "help", None) == "Show this message and exit.":
                    param.help = "Toon deze hulp en stop."
            return command

        return apply

    decorators.help_option = help_option
    original_write_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, dutch in _USAGE_WORDS:
            args = args.replace(english, dutch)
        original_write_usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    highlights = [h.replace("Usage: ", "Gebruik: ") for h in ru.highlighter.highlights]
    setattr(ru.highlighter, "highlights", highlights)  # noqa: B010 - class variable on purpose
    _plain_types()


def _plain_types() -> None:
    """No type jargon in the help: a flag shows no ``<bool>`` (it takes no value), an argument
    with a name of its own (``PAD...``) no ``<list[Path]>``, and the usage line reads
    ``programmatool check [OPTIES] PAD...`` instead of ``{PAD...}...``."""
    from typer import core

    option, argument = core.TyperOption, core.TyperArgument
    if hasattr(option, "display_type_rich"):
        option_type = option.display_type_rich

        def option_display(self: Any, ctx: Any) -> str | None:
            return None if getattr(self, "is_flag", False) else option_type(self, ctx)

        option.display_type_rich = option_display  # type: ignore[method-assign]
    if hasattr(argument, "display_type_rich"):
        argument_type = argument.display_type_rich

        def argument_display(self: Any, ctx: Any) -> str | None:
            return None if self.metavar is not None else argument_type(self, ctx)

        argument.display_type_rich = argument_display  # type: ignore[method-assign]
    if hasattr(argument, "_usage_display_name"):

        def usage_name(self: Any) -> str:
            name = str(self.display_name_raw)
            if self.nargs != 1 and not name.endswith("..."):
                name += "..."
            return name if self.required else f"[{name}]"

        argument._usage_display_name = usage_name  # type: ignore[method-assign]
