"""`napctl render report|checklist|dashboard`: one document from templates."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.assessment_files import AssessmentsOption, load_plan_assessments
from napctl.cli.options import (
    EXIT_INVALID,
    ChecklistProgressOption,
    ChecklistYearOption,
    CountryOption,
    DateOption,
    ExactOption,
    FormatOption,
    LangOption,
    OutputOption,
    PlanOption,
    PlansOption,
    ProgressOption,
    RenderFormat,
    TemplatesOption,
    YearOption,
    chosen_plans,
    emit,
    fail_usage,
    load_valid,
    only_plan,
    output_language,
    say_which_actors,
)
from napctl.cli.progress_files import checklist_progress, partial_reports, plan_with_progress
from napctl.cli.startup import app

if TYPE_CHECKING:
    from napctl.model import Plan

render_app = typer.Typer(
    help="Render a report skeleton or a department checklist from templates.",
    rich_markup_mode=None,
    no_args_is_help=True,
)
app.add_typer(render_app, name="render")


class ReportShape(StrEnum):
    skeleton = "skeleton"
    annual = "annual"
    midterm = "midterm"


ReportYearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        help="The reporting year: printed on the skeleton, filled"
        " from the progress files in the other shapes.",
        min=1900,
        max=2200,
        show_default=False,
    ),
]
ShapeOption = Annotated[
    ReportShape | None,
    typer.Option(
        "--shape",
        help="skeleton: blanks to fill; annual: one year's progress,"
        " achievements then a reporting matrix per pillar (templates"
        " report-annual.*); midterm: every year of the plan up to --year, with"
        " trends (report-midterm.*). Default: annual when --year is given and"
        " progress files are found, else skeleton.",
        show_default=False,
    ),
]


@render_app.command("report")
def render_report(
    plan: PlanOption = None,
    year: ReportYearOption = None,
    shape: ShapeOption = None,
    progress: ChecklistProgressOption = None,
    fmt: FormatOption = RenderFormat.md,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
    lang: LangOption = None,
    assessments: AssessmentsOption = None,
) -> None:
    """A plan's report: a skeleton to fill, or filled from the progress files (--year);
    with an independent assessment section when organisations assessed that year."""
    from napctl.render.templates import RenderError  # lazy: start-up
    from napctl.render.templates import render_report as render  # lazy: start-up

    chosen = only_plan(chosen_plans(plans, plan))
    language = output_language(lang, [chosen])
    if shape is not ReportShape.skeleton:
        filled = filled_report(
            chosen,
            shape and shape.value,
            year,
            fmt.value,
            date,
            templates,
            progress,
            assessments,
            language,
        )
        if filled is not None:
            emit(filled[0], output)
            if filled[1]:  # answered without the invalid files named above
                raise typer.Exit(EXIT_INVALID)
            return
    try:
        text = render(chosen, fmt.value, year=year, date=date, templates=templates, lang=language)
    except RenderError as exc:
        fail_usage(str(exc))
    emit(text, output)


def filled_report(
    plan: Plan,
    shape: str | None,
    year: int | None,
    fmt: str,
    date: str | None,
    templates: Path | None,
    progress: list[str] | None,
    assessments: list[str] | None = None,
    lang: str = "en",
) -> tuple[str, bool] | None:
    """The report filled from the progress files, and whether invalid progress or
    assessment files were left out of it; None when the skeleton is wanted."""
    from napctl.load.discover import progress_roots  # lazy: start-up

    if shape is None and (year is None or not progress_roots(progress or ())):
        return None
    if year is None:
        fail_usage(f"--shape {shape} needs --year")
    from napctl.progress.init import InitError, check_year  # lazy: start-up
    from napctl.render.progress_report import (  # lazy: start-up
        Shape,
        render_progress_report,
        years_for,
    )
    from napctl.render.templates import RenderError  # lazy: start-up

    try:
        check_year(plan, year)
    except InitError as exc:
        fail_usage(str(exc))
    chosen: Shape = "midterm" if shape == "midterm" else "annual"
    reports, invalid = partial_reports([plan], progress, years_for(plan, [], year, chosen))
    rated, rated_ok = load_plan_assessments(plan, assessments)
    try:
        return render_progress_report(
            plan,
            reports,
            year,
            chosen,
            "html" if fmt == "html" else "md",
            date=date,
            templates=templates,
            invalid=invalid,
            assessments=rated,
            lang=lang,
        ), bool(invalid) or not rated_ok
    except RenderError as exc:
        fail_usage(str(exc))


@render_app.command("checklist")
def render_checklist(
    # No autocompletion here: on Typer 0.16 it makes this required option optional.
    actor: Annotated[str, typer.Option("--actor", "-a", help="Department code, name or alias.")],
    plan: PlanOption = None,
    country: CountryOption = None,
    exact: ExactOption = False,
    fmt: FormatOption = RenderFormat.md,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
    year: ChecklistYearOption = None,
    progress: ChecklistProgressOption = None,
    lang: LangOption = None,
) -> None:
    """Everything one department must report on, as a checklist.

    A checklist is for one country: a name that several countries use
    (Justice) needs --country or --plan."""
    from napctl.plans import QueryError  # lazy: start-up
    from napctl.render.checklists import render_checklist as render  # lazy: start-up
    from napctl.render.templates import RenderError  # lazy: start-up

    if actor is None:  # Typer 0.16 with Click 8.2+ lets a required option through
        fail_usage("Missing option '--actor' / '-a'; see 'napctl render checklist --help'")
    corpus = load_valid(plans, plan)
    all_plans = [p.plan for p in corpus.plans]
    state = checklist_progress(all_plans, progress, year)
    language = output_language(
        lang, [p for p in all_plans if plan is None or p.id == plan] or all_plans
    )
    try:
        text = render(
            all_plans,
            actor,
            fmt.value,
            plan_id=plan,
            date=date,
            templates=templates,
            country=country,
            exact=exact,
            progress=state,
            lang=language,
        )
    except (QueryError, RenderError) as exc:
        fail_usage(str(exc))
    say_which_actors([p.plan for p in corpus.plans], [actor], plan)
    emit(text, output)


@render_app.command("dashboard")
def dashboard(
    year: YearOption,
    plan: Annotated[
        str | None, typer.Option("--plan", "-p", help="The plan (its id).", show_default=False)
    ] = None,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    date: DateOption = None,
    progress: ProgressOption = None,
    plans: PlansOption = None,
    lang: LangOption = None,
    assessments: AssessmentsOption = None,
) -> None:
    """One standalone HTML page: status by pillar and department, years, what is missing,
    and the independent assessments of the year beside the government's status."""
    from napctl.progress.init import InitError, check_year  # lazy: start-up
    from napctl.render.dashboard import render_dashboard  # lazy: start-up
    from napctl.render.templates import RenderError  # lazy: start-up

    chosen = plan_with_progress(plans, plan, progress)
    language = output_language(lang, [chosen])
    try:
        check_year(chosen, year)
    except InitError as exc:
        fail_usage(str(exc))
    reports, invalid = partial_reports([chosen], progress, range(chosen.period.start, year + 1))
    rated, rated_ok = load_plan_assessments(chosen, assessments)
    try:
        text = render_dashboard(
            chosen,
            reports,
            year,
            date=date,
            templates=templates,
            invalid=invalid,
            assessments=rated,
            lang=language,
        )
    except RenderError as exc:
        fail_usage(str(exc))
    emit(text, output)
    if invalid or not rated_ok:
        raise typer.Exit(EXIT_INVALID)
