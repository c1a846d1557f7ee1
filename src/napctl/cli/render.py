"""Commands that render documents from templates: render report|checklist, checklists."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    EXIT_OK,
    CountryOption,
    ExactOption,
    PlanOption,
    PlansOption,
    chosen_plans,
    emit,
    fail_io,
    fail_usage,
    load_valid,
    only_plan,
    say_which_actors,
)
from napctl.cli.startup import app

render_app = typer.Typer(
    help="Render a report skeleton or a department checklist from templates.",
    rich_markup_mode=None,
    no_args_is_help=True,
)
app.add_typer(render_app, name="render")


class RenderFormat(StrEnum):
    md = "md"
    html = "html"


FormatOption = Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.",
                 show_default=False),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", help="Folder of templates overriding the bundled ones"
                 " (which stay reachable as default/NAME).", show_default=False,
                 exists=True, file_okay=False),
]
ChecklistYearOption = Annotated[
    int | None,
    typer.Option("--year", help="Show this year's progress: completed actions ticked, the"
                 " others with their status, values so far and lines to fill in (read back"
                 " by `napctl progress import`).", min=1900, max=2200, show_default=False),
]
ChecklistProgressOption = Annotated[
    list[str] | None,
    typer.Option("--progress", help="Progress report file or folder (repeatable), with"
                 " --year. Default: $NAPCTL_PROGRESS, else ./progress.", show_default=False),
]
def _printable_date(value: str | None) -> str | None:
    from napctl.core.escape import is_clean_text

    if value is not None and not is_clean_text(value):
        raise typer.BadParameter("must be printable text (no control characters and no"
                                 " bytes the locale cannot decode)")
    return value


DateOption = Annotated[
    str | None,
    typer.Option("--date", help="A date to print on the document (none by default, so that"
                 " the same plans always give the same bytes).", show_default=False,
                 callback=_printable_date),
]


class ReportShape(StrEnum):
    skeleton = "skeleton"
    annual = "annual"
    midterm = "midterm"


@render_app.command("report")
def render_report(
    plan: PlanOption = None,
    year: Annotated[
        int | None, typer.Option(help="The reporting year: printed on the skeleton, filled"
                                 " from the progress files in the other shapes.",
                                 min=1900, max=2200, show_default=False)
    ] = None,
    shape: Annotated[
        ReportShape | None,
        typer.Option("--shape", help="skeleton: blanks to fill; annual: one year's progress,"
                     " achievements then a reporting matrix per pillar (templates"
                     " report-annual.*); midterm: every year of the plan up to --year, with"
                     " trends (report-midterm.*). Default: annual when --year is given and"
                     " progress files are found, else skeleton.", show_default=False),
    ] = None,
    progress: ChecklistProgressOption = None,
    fmt: FormatOption = RenderFormat.md,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
) -> None:
    """A plan's report: a skeleton to fill, or filled from the progress files (--year)."""
    from napctl.render.templates import RenderError
    from napctl.render.templates import render_report as render

    chosen = only_plan(chosen_plans(plans, plan))
    if shape is not ReportShape.skeleton:
        from napctl.cli.outputs import filled_report

        filled = filled_report(chosen, shape and shape.value, year, fmt.value, date,
                               templates, progress)
        if filled is not None:
            emit(filled[0], output)
            if filled[1]:  # answered without the invalid progress files named above
                raise typer.Exit(EXIT_INVALID)
            return
    try:
        text = render(chosen, fmt.value, year=year, date=date, templates=templates)
    except RenderError as exc:
        fail_usage(str(exc))
    emit(text, output)


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
) -> None:
    """Everything one department must report on, as a checklist.

    A checklist is for one country: a name that several countries use
    (Justice) needs --country or --plan."""
    from napctl.cli.outputs import checklist_progress
    from napctl.plans import QueryError
    from napctl.render.checklists import render_checklist as render
    from napctl.render.templates import RenderError

    if actor is None:  # Typer 0.16 with Click 8.2+ lets a required option through
        fail_usage("Missing option '--actor' / '-a'; see 'napctl render checklist --help'")
    corpus = load_valid(plans, plan)
    all_plans = [p.plan for p in corpus.plans]
    state = checklist_progress(all_plans, progress, year)
    try:
        text = render(all_plans, actor, fmt.value, plan_id=plan, date=date,
                      templates=templates, country=country, exact=exact, progress=state)
    except (QueryError, RenderError) as exc:
        fail_usage(str(exc))
    say_which_actors([p.plan for p in corpus.plans], [actor], plan)
    emit(text, output)


@app.command()
def checklists(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the checklists into.",
                                      file_okay=False)],
    plan: PlanOption = None,
    country: CountryOption = None,
    fmt: FormatOption = RenderFormat.md,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; list the files that differ from"
                           " what would be written. Exit 1 only for what would lose work:"
                           " ticks or values not in the progress files, files left behind.")
    ] = False,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
    year: ChecklistYearOption = None,
    progress: ChecklistProgressOption = None,
) -> None:
    """One checklist per department and country (OUT/be/justice.md), and an index."""
    from napctl.cli.outputs import (
        check_committed,
        checklist_progress,
        option_words,
        without_pending,
    )
    from napctl.render.checklist_layout import left_behind
    from napctl.render.checklists import build_checklists, write_checklists
    from napctl.render.templates import RenderError

    chosen = chosen_plans(plans, plan, country)
    state = checklist_progress(chosen, progress, year)
    try:
        files = build_checklists(chosen, fmt.value, date=date, templates=templates,
                                 progress=state, plan_id=plan)
        if check:  # pending ticks and typed values are named, never to be thrown away
            ok = check_committed(files, out, chosen, state, fmt.value, [
                "napctl", "checklists", "--out", str(out), *option_words(
                    plan=plan, fmt=fmt.value, date=date, year=year, templates=templates,
                    country=country)],
                ["napctl", "progress", "import", *option_words(year=year)],
                option_words(plans=plans, progress=progress), progress)
            raise typer.Exit(EXIT_OK if ok else EXIT_INVALID)
        files, kept = without_pending(files, out, chosen, state, fmt.value, progress)
        result = write_checklists(files, out, check=False)
        behind = left_behind(out, [*files.files, *(k.relative_to(out).as_posix() for k in kept)],
                             chosen, fmt.value)
    except RenderError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_io(exc)
    sys.stderr.write(f"{len(result.written)} written, {len(result.unchanged)} unchanged"
                     f" in {out}\n")
    sys.stderr.write(_left_behind_note(behind))
    for path in behind:
        sys.stderr.write(f"  left behind: {path}\n")
    for path in kept:  # never rendered over: import first (`checklists --check` says how)
        sys.stderr.write(f"napctl: left {path} as it is: it holds ticks or values not yet in"
                         f" the progress files; run `napctl progress import {path}` first\n")
    if kept:
        raise typer.Exit(EXIT_INVALID)


def _left_behind_note(behind: list[Path]) -> str:
    """Why files napctl wrote once are still there ('' when there are none)."""
    if not behind:
        return ""
    many = len(behind) != 1
    return (f"{len(behind)} file{'s are' if many else ' is'} left behind: napctl no longer"
            f" writes {'them' if many else 'it'} (checklists are in a folder per country,"
            f" be/justice.md); remove {'them' if many else 'it'} once nobody needs"
            f" {'their' if many else 'its'} edits\n")
