"""One error style for the whole command line, in one place: the group's ``main``.

Click reports its own usage errors (a bad choice, a missing option) as a usage
block and ``Error: ...``; Typer may draw a box. napctl's own errors are one
line, ``napctl: error: ...``, exit 2. The group runs Click non-standalone and
prints every usage error the napctl way. It also carries the exit code a
command asks for after it has answered (``exit_later``): a query that answered
from the valid plans but saw invalid ones.
"""

from __future__ import annotations

import sys
from typing import Any

import typer.core

from napctl.core.messages import oneline

EXIT_USAGE = 2
_LATER: list[int] = []


def exit_later(code: int) -> None:
    """Finish the command normally, then exit with ``code`` (the highest asked wins)."""
    _LATER.append(code)


def usage_line(error: Any) -> str:
    """``napctl: error: ...; see 'napctl CMD --help'`` for a Click usage error."""
    message = str(error.format_message()).replace("Value error, ", "").rstrip(".")
    ctx = getattr(error, "ctx", None)
    where = f"; see '{ctx.command_path} --help'" if ctx is not None else ""
    return f"napctl: error: {oneline(message, 400)}{where}\n"


class NapctlGroup(typer.core.TyperGroup):
    """The napctl command group: napctl's error style for Click's errors too."""

    # (*args, **kwargs): the parameters of ``main`` differ between Typer releases.
    def main(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.pop("standalone_mode", True):
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        _LATER.clear()
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        except Exception as exc:  # Click's exceptions, from whichever Click Typer uses
            sys.exit(_report(exc))
        code = result if isinstance(result, int) else 0
        sys.exit(max([code, *_LATER]))


def _report(exc: Exception) -> int:
    """Print a Click exception the napctl way; its exit code. Anything else re-raises."""
    kind = type(exc).__name__
    if kind == "NoArgsIsHelpError":
        exc.show()  # type: ignore[attr-defined]  # the group's help, as Click prints it
        return EXIT_USAGE
    if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
        if hasattr(exc, "ctx"):  # a UsageError
            sys.stderr.write(usage_line(exc))
        else:
            sys.stderr.write(f"napctl: error: {oneline(exc.format_message(), 400)}\n")
        return int(exc.exit_code)
    if kind == "Abort":
        sys.stderr.write("napctl: aborted\n")
        return 1
    raise exc
