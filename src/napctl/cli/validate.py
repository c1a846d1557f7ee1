"""Commands that check files and describe their format: validate, schema."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    EXIT_OK,
    MaxBytesOption,
    PathsArgument,
    PlansOption,
    ProblemFormat,
    fail_usage,
    say_if_bundled,
)
from napctl.cli.startup import app
from napctl.core.readfile import DEFAULT_MAX_BYTES


@app.command()
def validate(
    paths: PathsArgument = None,
    fmt: Annotated[
        ProblemFormat, typer.Option("--format", "-f", help="How to print problems.")
    ] = ProblemFormat.text,
    plans: PlansOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    progress: Annotated[
        list[str] | None,
        typer.Option("--progress", help="Progress reports to check too (repeatable). Default,"
                     " when no PATHS are given: $NAPCTL_PROGRESS, else ./progress.",
                     show_default=False),
    ] = None,
) -> None:
    """Check plans and progress reports; print every problem as file:line:col: CODE message."""
    from napctl.load.corpus import load_corpus
    from napctl.load.discover import PathNotFound, progress_roots
    from napctl.output.problems import REPORTERS, summary

    # Progress reports: those of --progress, else (when no PATHS are named) the usual ones.
    reports = progress_roots(progress or ()) if progress or not paths else []
    try:
        corpus = load_corpus([*(paths or []), *(plans or [])], progress=reports,
                             max_bytes=max_bytes, keep_plans=False)
    except PathNotFound as exc:
        fail_usage(exc.message)
    say_if_bundled(corpus)
    if not corpus.files:
        fail_usage("no plan files found (*.yaml, *.yml)")
    sys.stdout.write(REPORTERS[fmt.value](corpus.problems))
    sys.stderr.write(summary(corpus.problems, len(corpus.files)) + "\n")
    raise typer.Exit(EXIT_OK if corpus.ok else EXIT_INVALID)


class SchemaKind(StrEnum):
    plan = "plan"
    progress = "progress"


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    kind: Annotated[
        SchemaKind, typer.Option("--kind", help="Which files: plans or progress reports.")
    ] = SchemaKind.plan,
) -> None:
    """Print the JSON Schema of plan files (for editors and other validators)."""
    from napctl.model.schema import kind_schema_json

    text = kind_schema_json(kind.value)
    if output is None:
        sys.stdout.write(text)
    else:
        from napctl.cli.options import write_output

        write_output(output, text)
