"""``--help`` text that napctl writes itself, from the commands' own parameters.

Typer's help layout changes between releases (rich panels, ``<list[str]>``
metavars, escaped brackets), so the reference in docs/cli.md and every user's
help would depend on which Typer pip resolved. napctl keeps the parameters
Typer builds and lays them out with Click's plain formatter and names of its own.

Recent Typer releases carry a Click of their own, so the objects are read by
the attributes every Click has, never by ``isinstance`` against ``click``.
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from collections.abc import Iterator
from typing import Any

# Typed as Any: Click's classes, from whichever Click the installed Typer uses.
Command = Any
Param = Any


def use_plain_help(command: Command) -> Command:
    """Give ``command`` and every subcommand napctl's own help layout; returns it."""
    for each in _walk(command):
        each.format_help = types.MethodType(_format_help, each)
    return command


def help_text(command: Command, path: list[str], width: int = 80) -> str:
    """The help of the subcommand at ``path`` (names) of ``command``, ``width`` wide."""
    ctx = command.make_context(
        "napctl", [], resilient_parsing=True, terminal_width=width, max_content_width=width
    )
    for name in path:
        command = command.commands[name]
        ctx = command.make_context(name, [], parent=ctx, resilient_parsing=True)
    return str(command.get_help(ctx))


def _walk(command: Command) -> Iterator[Command]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub)


def _format_help(self: Command, ctx: Any, formatter: Any) -> None:
    formatter.write_usage(ctx.command_path, " ".join(_usage_pieces(self)))
    if self.help:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(self.help.split("\f", 1)[0].strip())
    arguments = [p for p in self.params if p.param_type_name == "argument"]
    if arguments:
        with formatter.section("Arguments"):
            formatter.write_dl([(_argument_name(p), _argument_help(self, p)) for p in arguments])
    options = [p for p in self.get_params(ctx) if p.param_type_name == "option" and not p.hidden]
    if options:
        with formatter.section("Options"):
            formatter.write_dl([_option_row(p) for p in options])
    if getattr(self, "commands", None):
        with formatter.section("Commands"):
            limit = formatter.width - 6 - max(len(name) for name in self.commands)
            formatter.write_dl(
                [
                    (name, sub.get_short_help_str(limit))
                    for name, sub in self.commands.items()
                    if not sub.hidden
                ]
            )


def _argument_help(command: Command, argument: Param) -> str:
    """An argument's help: Typer's, or (where a Click release dropped it) the
    ``typer.Argument(help=...)`` written in the command function's signature."""
    if getattr(argument, "help", None):
        return str(argument.help)
    function = inspect.unwrap(command.callback) if command.callback else None
    try:
        hints = typing.get_type_hints(function, include_extras=True) if function else {}
    except (NameError, TypeError):  # an annotation only the type checker can resolve
        return ""
    for extra in getattr(hints.get(argument.name), "__metadata__", ()):
        if getattr(extra, "help", None):
            return str(extra.help)
    return ""


def _usage_pieces(command: Command) -> list[str]:
    pieces = ["[OPTIONS]"]
    pieces += [_argument_name(p) for p in command.params if p.param_type_name == "argument"]
    if hasattr(command, "commands"):
        pieces.append("COMMAND [ARGS]...")
    return pieces


def _argument_name(argument: Param) -> str:
    name = argument.metavar or (argument.name or "").upper()
    if argument.nargs == -1:
        name += "..."
    return str(name) if argument.required else f"[{name}]"


def _option_row(option: Param) -> tuple[str, str]:
    names = ", ".join(sorted(option.opts, key=len))
    if option.secondary_opts:
        names += " / " + ", ".join(option.secondary_opts)
    if not option.is_flag:
        names += " " + _metavar(option)
    extra = _default_text(option)
    text = option.help or ""
    return names, f"{text}  [{extra}]".strip() if extra else text


def _metavar(option: Param) -> str:
    choices = _choices(option)
    if choices:
        return "[" + "|".join(choices) + "]"
    if option.metavar:
        return str(option.metavar)
    return (option.name or "value").upper()


def _default_text(option: Param) -> str:
    parts = []
    default = option.default
    if option.show_default is not False and not option.is_flag and default is not None:
        if isinstance(default, enum.Enum):
            default = default.value
        if not isinstance(default, (list, tuple)) or default:
            parts.append(f"default: {default}")
    low, high = _bounds(option)
    if low is not None or high is not None:
        if low is not None and high is not None:
            parts.append(f"{low}<=x<={high}")
        elif low is not None:
            parts.append(f"x>={low}")
        elif high is not None:
            parts.append(f"x<={high}")
    return "; ".join(parts)


def _choices(param: Param) -> list[str]:
    """The values a choice takes: from Click's ``Choice``, or the enum Typer keeps."""
    choices = getattr(getattr(param, "type", None), "choices", None)
    if choices:
        return [str(getattr(c, "value", c)) for c in choices]
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    return []


def _bounds(param: Param) -> tuple[Any, Any]:
    """A number's range: on Click's ``IntRange`` type, or on the parameter itself."""
    for holder in (getattr(param, "type", None), param):
        low, high = getattr(holder, "min", None), getattr(holder, "max", None)
        if low is not None or high is not None:
            return low, high
    return None, None
