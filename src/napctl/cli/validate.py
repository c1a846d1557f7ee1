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
    PlansOption,
    ProblemFormat,
    fail_usage,
    say_if_bundled,
)
from napctl.cli.startup import app
from napctl.core.readfile import DEFAULT_MAX_BYTES


class SchemaKind(StrEnum):
    plan = "plan"
    progress = "progress"


@app.command()
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Plan files or folders (progress reports with --kind progress)."
                       " Default: the plans found as for --plans.", show_default=False),
    ] = None,
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
    kind: Annotated[
        SchemaKind,
        typer.Option("--kind", help="What PATHS are: plans, or progress reports (checked"
                     " against the plans found as for --plans; for a pre-commit hook)."),
    ] = SchemaKind.plan,
) -> None:
    """Check plans and progress reports; print every problem as file:line:col: CODE message."""
    from napctl.load.corpus import load_corpus
    from napctl.load.discover import PathNotFound, progress_roots
    from napctl.output.problems import REPORTERS, summary

    if kind is SchemaKind.progress:
        # PATHS and --progress are the reports; the plans are found as for --plans.
        named = [*(paths or []), *(progress or [])]
        reports = [Path(p) for p in named] if named else progress_roots(())
        plan_paths = list(plans or [])
    else:
        # Progress reports: those of --progress, else (when no PATHS are named) the usual.
        reports = progress_roots(progress or ()) if progress or not paths else []
        plan_paths = [*(paths or []), *(plans or [])]
    try:
        corpus = load_corpus(plan_paths, progress=reports,
                             max_bytes=max_bytes, keep_plans=False)
    except PathNotFound as exc:
        fail_usage(exc.message)
    say_if_bundled(corpus)
    if not corpus.files:
        fail_usage("no plan files found (*.yaml, *.yml)")
    sys.stdout.write(REPORTERS[fmt.value](corpus.problems))
    sys.stderr.write(summary(corpus.problems, len(corpus.files)) + "\n")
    raise typer.Exit(EXIT_OK if corpus.ok else EXIT_INVALID)


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
