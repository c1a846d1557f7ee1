"""`napctl validate`: check plans and progress reports, every problem one line."""

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
    fail_usage,
    say_if_bundled,
)
from napctl.cli.schema import SchemaKind
from napctl.cli.startup import app
from napctl.core.readfile import DEFAULT_MAX_BYTES
from napctl.output.writers import writer


class ProblemFormat(StrEnum):
    """The writers of shape "problems" (napctl.output.writers)."""

    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Plan files or folders (progress reports with --kind progress)."
            " Default: the plans found as for --plans.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        ProblemFormat, typer.Option("--format", "-f", help="How to print problems.")
    ] = ProblemFormat.text,
    plans: PlansOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    progress: Annotated[
        list[str] | None,
        typer.Option(
            "--progress",
            help="Progress reports to check too (repeatable). Default,"
            " when no PATHS are given: $NAPCTL_PROGRESS, else ./progress.",
            show_default=False,
        ),
    ] = None,
    assessments: Annotated[
        list[str] | None,
        typer.Option(
            "--assessments",
            help="Assessments to check too (repeatable). Default, when no PATHS are"
            " given: $NAPCTL_ASSESSMENTS, else ./assessments.",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        SchemaKind,
        typer.Option(
            "--kind",
            help="What PATHS are: plans, or progress reports (checked"
            " against the plans found as for --plans; for a pre-commit hook).",
        ),
    ] = SchemaKind.plan,
) -> None:
    """Check plans and progress reports; print every problem as file:line:col: CODE message."""
    from napctl.load.corpus import load_corpus  # lazy: start-up
    from napctl.load.discover import (  # lazy: start-up
        PathNotFound,
        assessment_roots,
        progress_roots,
    )
    from napctl.output.problems import summary  # lazy: start-up

    rated = assessment_roots(assessments or ()) if assessments or not paths else []
    if kind is SchemaKind.assessment:
        # PATHS are assessments; the plans are found as for --plans.
        named = [*(paths or []), *(assessments or [])]
        rated = [Path(p) for p in named] if named else assessment_roots(())
        reports, plan_paths = [], list(plans or [])
    elif kind is SchemaKind.progress:
        # PATHS and --progress are the reports; the plans are found as for --plans.
        named = [*(paths or []), *(progress or [])]
        reports = [Path(p) for p in named] if named else progress_roots(())
        plan_paths = list(plans or [])
    else:
        # Progress reports: those of --progress, else (when no PATHS are named) the usual.
        reports = progress_roots(progress or ()) if progress or not paths else []
        plan_paths = [*(paths or []), *(plans or [])]
    try:
        corpus = load_corpus(
            plan_paths,
            progress=reports,
            assessments=rated,
            max_bytes=max_bytes,
            keep_plans=False,
        )
    except PathNotFound as exc:
        fail_usage(exc.message)
    say_if_bundled(corpus)
    if not corpus.files:
        fail_usage("no plan files found (*.yaml, *.yml)")
    sys.stdout.write(writer("problems", fmt.value)(corpus.problems))
    sys.stderr.write(summary(corpus.problems, len(corpus.files)) + "\n")
    raise typer.Exit(EXIT_OK if corpus.ok else EXIT_INVALID)
