"""`napctl compare`: an organisation's ratings beside the government's status."""

from __future__ import annotations

import sys
from enum import StrEnum
from fractions import Fraction
from typing import Annotated

import typer

from napctl.cli.assessment_files import AssessmentsOption, load_plan_assessments
from napctl.cli.options import (
    EXIT_INVALID,
    PlanOption,
    PlansOption,
    ProgressOption,
    YearOption,
    fail_usage,
)
from napctl.cli.progress_files import partial_reports, plan_with_progress
from napctl.cli.startup import app
from napctl.output.writers import writer


class CompareFormat(StrEnum):
    """The writers of shape "compare" (napctl.output.writers); table is their text."""

    table = "table"
    md = "md"
    html = "html"
    json = "json"


@app.command("compare")
def compare(
    year: YearOption,
    plan: PlanOption = None,
    fmt: Annotated[CompareFormat, typer.Option("--format", "-f")] = CompareFormat.table,
    tolerance: Annotated[
        float | None,
        typer.Option(
            "--tolerance",
            help="How far apart (0-1) a status and a rating may be and still agree."
            " Default 1/3: completed beside substantial agrees, beside limited not.",
            min=0.0,
            max=1.0,
            show_default=False,
        ),
    ] = None,
    plans: PlansOption = None,
    progress: ProgressOption = None,
    assessments: AssessmentsOption = None,
) -> None:
    """Where the organisations' ratings and the government's status disagree, and a
    scorecard per pillar."""
    from napctl.assess.compare import compare as run  # lazy: start-up
    from napctl.model.scales import DEFAULT_TOLERANCE  # lazy: start-up
    from napctl.progress.init import InitError, check_year  # lazy: start-up

    chosen = plan_with_progress(plans, plan, progress)
    try:
        check_year(chosen, year)
    except InitError as exc:
        fail_usage(str(exc))
    rated, ok = load_plan_assessments(chosen, assessments, required=True)
    if not any(a.year == year for a in rated):
        fail_usage(f"no valid assessments of {chosen.id} for {year}")
    reports, invalid = partial_reports([chosen], progress, [year])
    limit = DEFAULT_TOLERANCE if tolerance is None else Fraction(str(tolerance))
    result = run(chosen, reports, rated, year, tolerance=limit)
    name = "text" if fmt is CompareFormat.table else fmt.value
    sys.stdout.write(writer("compare", name)(result))
    if invalid or not ok:
        raise typer.Exit(EXIT_INVALID)
