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


CheckedProgressOption = Annotated[
    list[str] | None,
    typer.Option(
        "--progress",
        help="Progress reports to check too (repeatable). Default,"
        " when no PATHS are given: $NAPCTL_PROGRESS, else ./progress.",
        show_default=False,
    ),
]
CheckedAssessmentsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--assessments",
        help="Assessments to check too (repeatable). Default, when no PATHS are"
        " given: $NAPCTL_ASSESSMENTS, else ./assessments.",
        show_default=False,
    ),
]


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
    progress: CheckedProgressOption = None,
    assessments: CheckedAssessmentsOption = None,
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
    from napctl.load.discover import PathNotFound  # lazy: start-up
    from napctl.output.problems import summary  # lazy: start-up

    reports, rated, plan_paths = _sources(kind, paths, plans, progress, assessments)
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


def _sources(
    kind: SchemaKind,
    paths: list[str] | None,
    plans: list[str] | None,
    progress: list[str] | None,
    assessments: list[str] | None,
) -> tuple[list[Path], list[Path], list[str]]:
    """The progress reports, the assessments and the plans to check."""
    from napctl.load.discover import assessment_roots, progress_roots  # lazy: start-up

    # Assessments: those of --assessments, else (when no PATHS are named) the usual.
    rated = assessment_roots(assessments or ()) if assessments or not paths else []
    if kind is SchemaKind.assessment:
        # PATHS are assessments; the plans are found as for --plans.
        named = [*(paths or []), *(assessments or [])]
        return [], [Path(p) for p in named] if named else assessment_roots(()), list(plans or [])
    if kind is SchemaKind.progress:
        # PATHS and --progress are the reports; the plans are found as for --plans.
        named = [*(paths or []), *(progress or [])]
        reports = [Path(p) for p in named] if named else progress_roots(())
        return reports, rated, list(plans or [])
    # Progress reports: those of --progress, else (when no PATHS are named) the usual.
    reports = progress_roots(progress or ()) if progress or not paths else []
    return reports, rated, [*(paths or []), *(plans or [])]
