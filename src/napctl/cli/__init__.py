"""The command line: ``main()`` builds an app holding only the command invoked."""

from napctl.cli.startup import app, app_for, command_for, main

__all__ = ["app", "app_for", "command_for", "main"]
