"""The command line: each command parses options and calls plain functions.

Exit codes (stable, documented in the README):
  0  success
  1  the plans are invalid (problems printed), or `--check` found stale files
  2  usage error: bad option, unknown plan, actor or id, missing path, broken template
  3  the output cannot be written (disk full, a missing folder, an encoding too small)
  70 a bug in napctl (one line; NAPCTL_DEBUG=1 shows the traceback)

Start-up is part of a query's time, so ``main()`` imports only the module of the
command named and builds only that command (``app_for``); `napctl --help` imports
them all. A command module therefore imports napctl's packages below the command
line (plans, load, render, ...: 2-130 ms each) inside the functions that use them,
each marked ``# lazy: start-up``.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys
from typing import Annotated, Any

import typer

from napctl import __version__
from napctl.cli.errors import NapctlGroup
from napctl.cli.help import use_plain_help
from napctl.cli.options import EXIT_INTERNAL, EXIT_IO, io_message

_SETTINGS: dict[str, Any] = {
    "name": "napctl",
    "cls": NapctlGroup,
    "add_completion": True,
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}

app = typer.Typer(
    help="Check, query and report on Women, Peace and Security National Action Plans.",
    **_SETTINGS,
)

#: Each command, or group of commands, and the module that adds it to ``app``
#: (``@app.command()``, or ``app.add_typer`` for a group), in the order `napctl
#: --help` lists them: a new command is a module and a line here.
COMMAND_MODULES: dict[str, str] = {
    "validate": "napctl.cli.validate",
    "schema": "napctl.cli.schema",
    "actions": "napctl.cli.actions",
    "actors": "napctl.cli.actors",
    "plans": "napctl.cli.plans",
    "show": "napctl.cli.show",
    "matrix": "napctl.cli.matrix",
    "checklists": "napctl.cli.checklists",
    "diff": "napctl.cli.diff",
    "status": "napctl.cli.status",
    "review": "napctl.cli.review",
    "new": "napctl.cli.new",
    "import": "napctl.cli.importing",
    "export": "napctl.cli.export",
    # a command, so before the groups (render, progress): typer lists commands first
    "indicators": "napctl.cli.indicators",
    "compare": "napctl.cli.compare",
    "site": "napctl.cli.site",
    "render": "napctl.cli.render",
    "progress": "napctl.cli.progress",
    "assess": "napctl.cli.assess",
    "translations": "napctl.cli.translations",
}


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"napctl {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Check, query and report on Women, Peace and Security National Action Plans."""


def full_app() -> typer.Typer:
    """``app`` with every command, in the order of ``COMMAND_MODULES``."""
    for module in COMMAND_MODULES.values():
        importlib.import_module(module)
    order = list(COMMAND_MODULES)
    # A module imported earlier on its own (by main, or a test) added its command then.
    app.registered_commands.sort(key=lambda c: order.index(_command_name(c) or ""))
    app.registered_groups.sort(key=lambda g: order.index(g.name or ""))
    return app


def app_for(args: list[str]) -> typer.Typer:
    """An app holding only the command asked for when one is named, else the full app.

    Typer prepares every parameter of every command before it dispatches (about
    35 ms here), and the command modules cost as much again to import; a query
    pays only for its own. Help, usage errors and behaviour are those of the full
    app, which runs whenever no single known command is named.
    """
    name = next((a for a in args if not a.startswith("-")), None)
    module = COMMAND_MODULES.get(name or "")
    if module is None:
        return full_app()
    importlib.import_module(module)
    commands = [c for c in app.registered_commands if _command_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if len(commands) + len(groups) != 1:
        return full_app()
    slim = typer.Typer(**_SETTINGS)
    slim.registered_callback = app.registered_callback
    slim.registered_commands = commands
    slim.registered_groups = groups
    return slim


def _command_name(info: typer.models.CommandInfo) -> str | None:
    if info.name:
        return info.name
    callback = info.callback
    return callback.__name__.replace("_", "-") if callback is not None else None


def command_for(args: list[str]) -> Any:
    """The Click command that runs ``args``, with napctl's own help layout."""
    return use_plain_help(typer.main.get_command(app_for(args)))


def main() -> None:
    """Run the command line; every failure ends in one line on stderr and an exit code.

    The one place where what escapes the commands is turned into exit codes:
    output that cannot be written (stdout on a full disk, an encoding that cannot
    hold the text) is 3, anything else unexpected is 70, never a traceback.
    """
    if sys.stdout is None:  # started with stdout closed (`>&-`): nothing can be shown
        sys.exit(_die("cannot write the output: standard output is closed", EXIT_IO))
    try:
        try:
            command_for(sys.argv[1:])(prog_name="napctl")
            code: Any = 0
        except SystemExit as stop:
            code = stop.code
        if type(sys.stdout).__name__.endswith("PacifyFlushWrapper"):  # click, older typer
            # Click's answer to a reader that went away (`| head -0`) is exit 1, which
            # says "the plans are invalid"; the output could not be written: 3.
            raise BrokenPipeError(errno.EPIPE, "a pipe whose reader has gone")
        sys.stdout.flush()  # a full disk shows here, not at exit where it cannot be caught
    except (OSError, UnicodeError) as exc:
        code = _die(io_message(exc), EXIT_IO)
    except Exception as exc:
        if os.environ.get("NAPCTL_DEBUG"):
            raise
        code = _die(
            f"internal error: {type(exc).__name__}: {exc} (a bug in napctl: please"
            " report it; NAPCTL_DEBUG=1 shows the traceback)",
            EXIT_INTERNAL,
        )
    sys.exit(code)


def _die(message: str, code: int) -> int:
    """Print ``message`` as napctl's error, and make sure stdout cannot fail again at exit."""
    from napctl.core.escape import printable  # lazy: start-up

    with contextlib.suppress(OSError, ValueError, AttributeError):  # stdout may be None
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"napctl: error: {printable(message)}\n")
        sys.stderr.flush()
    return code
