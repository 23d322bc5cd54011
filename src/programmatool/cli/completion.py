"""Shell completion in Dutch: Typer's ``--install-completion`` and ``--show-completion``, with
Dutch help and messages, and a shell that may be named (``--show-completion bash``).

Typer makes both options flags that guess the shell from the parent process (shellingham); a
script, a Dockerfile or a dotfile repository wants to name it. The completion itself (the
``_PROGRAMMATOOL_COMPLETE`` variable that the installed script sets) is Typer's and Click's;
it starts the full command line, never the quick start of ``check`` (:mod:`programmatool.entry`).
"""

from __future__ import annotations

from typing import Any

PROG_NAME = "programmatool"
#: The environment variable the completion scripts set (Click's name for ``programmatool``).
COMPLETE_VAR = "_PROGRAMMATOOL_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
OPTIONS = ("--install-completion", "--show-completion")

HELP = {
    "install_completion": "Installeer tab-aanvulling voor de huidige shell (of noem de shell: "
    "bash, zsh, fish, powershell).",
    "show_completion": "Toon het script voor tab-aanvulling in de huidige shell (of noem de "
    "shell: bash, zsh, fish, powershell), om te kopiëren of zelf te installeren.",
}


class CompletionProblem(Exception):
    """The shell is not known or could not be found (exit code 2); the message is Dutch."""


def dutch_options(command: Any) -> Any:
    """``command`` (the app's Click group) with Typer's two completion options in Dutch."""
    callbacks = {"install_completion": _install_flag, "show_completion": _show_flag}
    for param in command.params:
        if param.name in HELP:
            param.help = HELP[param.name]
            param.callback = callbacks[param.name]
    return command


def named_shell(args: list[str]) -> tuple[str, str] | None:
    """``(option, shell)`` for ``--show-completion bash`` or ``--install-completion=zsh``;
    None for any other command line (a bare option is Typer's flag)."""
    if len(args) == 2 and args[0] in OPTIONS:
        return args[0], args[1]
    if len(args) == 1 and args[0].partition("=")[0] in OPTIONS and "=" in args[0]:
        option, _eq, shell = args[0].partition("=")
        return option, shell
    return None


def run(option: str, shell: str | None) -> str:
    """Do what ``option`` asks for ``shell`` (None: the shell this runs in); returns what to
    print. Raises :class:`CompletionProblem` for a shell that is not supported."""
    from typer._completion_shared import _get_shell_name, get_completion_script, install

    if shell is None:
        shell = _get_shell_name()
        if shell is None:
            raise CompletionProblem(
                f"kan de shell niet bepalen; noem haar: {option} bash (of {', '.join(SHELLS[1:])})"
            )
    if shell not in SHELLS:
        raise CompletionProblem(
            f"shell '{shell}' wordt niet ondersteund; kies uit {', '.join(SHELLS)}"
        )
    if option == "--show-completion":
        return get_completion_script(prog_name=PROG_NAME, complete_var=COMPLETE_VAR, shell=shell)
    _shell, path = install(shell=shell, prog_name=PROG_NAME, complete_var=COMPLETE_VAR)
    return f"Tab-aanvulling voor {shell} geïnstalleerd in {path}\nZe werkt in elke nieuwe terminal."


def _flag(option: str, ctx: Any, value: Any) -> None:
    if not value or ctx.resilient_parsing:
        return
    import typer

    from programmatool.text.terminal import write_err, write_out

    try:
        write_out(run(option, None) + "\n")
    except CompletionProblem as exc:
        write_err(f"programmatool: {exc}\n")
        raise typer.Exit(2) from None
    raise typer.Exit(0)


def _install_flag(ctx: Any, _param: Any, value: Any) -> None:
    _flag("--install-completion", ctx, value)


def _show_flag(ctx: Any, _param: Any, value: Any) -> None:
    _flag("--show-completion", ctx, value)


def check_formats(incomplete: str) -> list[str]:
    """The values of ``check --format`` that start with what was typed."""
    from programmatool.presenting.findings import CHECK_FORMATS

    return [name for name in CHECK_FORMATS if name.startswith(incomplete)]


def progress_formats(incomplete: str) -> list[str]:
    """The values of ``progress --format`` that start with what was typed."""
    from programmatool.presenting.progress import PROGRESS_FORMATS

    return [name for name in PROGRESS_FORMATS if name.startswith(incomplete)]
