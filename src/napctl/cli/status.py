"""`napctl status`: who has reported what, per action, department or pillar."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli import options
from napctl.cli.assessment_files import AssessmentsOption, load_plan_assessments
from napctl.cli.options import (
    EXIT_INVALID,
    LangOption,
    PlanOption,
    PlansOption,
    ProgressOption,
    fail_usage,
    output_language,
)
from napctl.cli.progress_files import actor_codes, load_reports, plan_with_progress
from napctl.cli.startup import app
from napctl.output.writers import writer

if TYPE_CHECKING:
    from napctl.progress.status import PlanStatus


class StatusBy(StrEnum):
    action = "action"
    department = "department"
    pillar = "pillar"
    un_pillar = "un-pillar"


class StatusFormat(StrEnum):
    """The terminal table, then the writers of shape "status" (napctl.output.writers)."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


StatusYearsOption = Annotated[
    list[int] | None,
    typer.Option(
        "--year",
        help="Reporting year (repeatable: the last is shown, with the trend over"
        " all). Default: the latest year reported.",
        min=1900,
        max=2200,
        show_default=False,
    ),
]
StatusActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor",
        "-a",
        help="Only this department's share (a parent includes its units).",
        show_default=False,
    ),
]
StatusByOption = Annotated[
    StatusBy, typer.Option("--by", help="One row per action, department, pillar or UN pillar.")
]
StatusFormatOption = Annotated[StatusFormat, typer.Option("--format", "-f")]
StatusCheckOption = Annotated[
    bool,
    typer.Option("--check", help="Exit 1 when a department has not reported on an action."),
]


@app.command("status")
def status(
    plan: PlanOption = None,
    year: StatusYearsOption = None,
    actor: StatusActorOption = None,
    by: StatusByOption = StatusBy.action,
    fmt: StatusFormatOption = StatusFormat.table,
    check: StatusCheckOption = False,
    plans: PlansOption = None,
    progress: ProgressOption = None,
    assessments: AssessmentsOption = None,
    lang: LangOption = None,
) -> None:
    """Who has reported what: each action's overall status, per department, and what is missing."""
    from napctl.output import status as out  # lazy: start-up
    from napctl.progress.init import InitError, check_year  # lazy: start-up
    from napctl.progress.status import plan_status, reported_years  # lazy: start-up

    chosen = plan_with_progress(plans, plan, progress)
    language = output_language(lang, [chosen])  # the table, plain and md labels; not json/csv
    codes = actor_codes(chosen, actor)
    corpus = load_reports([chosen], progress, year, partial=True)
    reports = [r.report for r in corpus.reports]
    years = year or reported_years(reports, chosen.id)[-1:]
    if not years and not corpus.ok:
        sys.stderr.write(
            f"napctl: no valid progress reports for plan '{chosen.id}'; give"
            " --year to see the others\n"
        )
        raise typer.Exit(EXIT_INVALID)
    if not years:
        fail_usage(
            f"no progress reports for plan '{chosen.id}'; give --year to see what is"
            " due, or write the files with `napctl progress init`"
        )
    try:
        for y in years:
            check_year(chosen, y)
    except InitError as exc:
        fail_usage(str(exc))
    result = plan_status(chosen, reports, years, codes, corpus.invalid_files())
    if assessments:
        _with_assessments(result, by, fmt, assessments)
    elif fmt is StatusFormat.md:
        sys.stdout.write(out.as_markdown(result, by.value, language))
    elif fmt is not StatusFormat.table:
        sys.stdout.write(writer("status", fmt.value)(result, by.value))
    elif options._to_terminal():
        out.print_rich(result, by.value, language)
    else:
        sys.stdout.write(out.as_plain(result, by.value, language))
    if check and result.missing:
        sys.stderr.write(
            f"napctl: {len(result.missing)} reports missing for {chosen.id} {result.year}\n"
        )
        raise typer.Exit(EXIT_INVALID)
    if not corpus.ok:
        raise typer.Exit(EXIT_INVALID)


def _with_assessments(
    result: PlanStatus, by: StatusBy, fmt: StatusFormat, assessments: list[str]
) -> None:
    """The status with each organisation's rating beside it (--by action), or exit 1
    after it when an assessment file was invalid."""
    from napctl.assess.ratings import AssessedStatus  # lazy: start-up

    if by is not StatusBy.action:
        fail_usage("--assessments shows ratings per action: leave out --by")
    rated, ok = load_plan_assessments(result.plan, assessments, required=True)
    side = AssessedStatus.of(rated, result.plan.id, result.year)
    name = "text" if fmt is StatusFormat.table else fmt.value
    sys.stdout.write(writer("assessed-status", name)(result, by.value, side))
    if not ok:
        raise typer.Exit(EXIT_INVALID)
