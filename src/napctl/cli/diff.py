"""`napctl diff OLD NEW`: what changed between two versions or generations of a plan."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from napctl.cli import options
from napctl.cli.options import EXIT_INVALID, EXIT_OK, MaxBytesOption, fail_usage
from napctl.cli.startup import app
from napctl.core.readfile import DEFAULT_MAX_BYTES
from napctl.output.writers import writer


class DiffFormat(StrEnum):
    """The writers of shape "diff" (napctl.output.writers); text is coloured on a terminal."""

    text = "text"
    md = "md"
    json = "json"


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The old plan: a file, or REV:PATH read from git.")],
    new: Annotated[str, typer.Argument(help="The new plan: a file, or REV:PATH read from git.")],
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            "-a",
            help="Only the changes that concern this"
            " department (code, name or alias; a parent includes its"
            " children).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.text,
    lineage: Annotated[
        str | None,
        typer.Option(
            "--lineage",
            help="Lineage file of confirmed matches between"
            " two generations. Default: lineage/OLD-ID--NEW-ID.yaml when"
            " it exists.",
            show_default=False,
        ),
    ] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are differences.")
    ] = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """What changed between two versions of a plan, or two generations of plans.

    Each side is a plan file or REV:PATH read from git
    (napctl diff HEAD~1:plans/lu-2018-2023.yaml plans/lu-2018-2023.yaml).
    Changes come in the plan's order; layout (indentation, key order, quoting)
    is never a change. An action whose id changed but whose text is similar
    is a renumbering. Plans with different ids are two generations: each
    action is carried over, modified, new or dropped. See docs/diff.md.
    """
    from napctl.diff.source import DiffUsageError, compare  # lazy: start-up
    from napctl.output import diff as diffout  # lazy: start-up

    try:
        result = compare(old, new, lineage=lineage, actor=actor, max_bytes=max_bytes)
    except DiffUsageError as exc:
        fail_usage(str(exc))
    sys.stderr.write(writer("problems", "text")(result.problems))
    if result.diff is None:
        sys.stderr.write("napctl: cannot compare: a side is not readable as YAML\n")
        raise typer.Exit(EXIT_INVALID)
    if fmt is DiffFormat.text and options._to_terminal():
        diffout.print_rich(result.diff, result.old, result.new, actor)
    else:
        sys.stdout.write(writer("diff", fmt.value)(result.diff, result.old, result.new, actor))
    raise typer.Exit(EXIT_INVALID if exit_code and result.diff.changes else EXIT_OK)
