"""The command line: ``main()`` builds an app holding only the command invoked.

``napctl.cli.app`` is the full app (every command module imported on first use), so
that importing this package, as the ``napctl`` script does, costs no command module.
"""

import typer

from napctl.cli.startup import app_for, command_for, full_app, main

__all__ = ["app", "app_for", "command_for", "full_app", "main"]


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
