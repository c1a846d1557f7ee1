"""The progress commands: `napctl progress init` and `napctl status` (thin, as every command).

Registered on the main app by ``napctl.cli.startup.COMMAND_MODULES`` (one line there).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    PlanOption,
    PlansOption,
    _to_terminal,
    chosen_plans,
    fail_io,
    fail_usage,
    only_plan,
    write_json,
)
from napctl.cli.startup import app

if TYPE_CHECKING:
    from napctl.load.corpus import Corpus
    from napctl.model import Plan

ProgressOption = Annotated[
    list[str] | None,
    typer.Option("--progress", help="Progress report file or folder (repeatable). Default:"
                 " $NAPCTL_PROGRESS, else ./progress.", show_default=False),
]
YearOption = Annotated[int, typer.Option("--year", help="The reporting year.", min=1900,
                                         max=2200)]

progress_app = typer.Typer(help="Progress reports: one file per department, plan and year.",
                           no_args_is_help=True)


class StatusBy(StrEnum):
    action = "action"
    department = "department"
    pillar = "pillar"
    un_pillar = "un-pillar"


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def one_plan(plans: list[str] | None, plan_id: str | None) -> Plan:
    return only_plan(chosen_plans(plans, plan_id))


def plan_with_progress(plans: list[str] | None, plan_id: str | None,
                       progress: list[str] | None) -> Plan:
    """The plan asked for; without --plan, the one plan that has a progress folder."""
    from napctl.load.discover import progress_roots

    chosen = chosen_plans(plans, plan_id)
    if len(chosen) > 1:
        roots = progress_roots(progress or ())
        with_folder = [p for p in chosen if any((r / p.id).is_dir() for r in roots)]
        chosen = with_folder if len(with_folder) == 1 else chosen
    return only_plan(chosen)


def actor_codes(plan: Plan, actor: str | None) -> frozenset[str] | None:
    if actor is None:
        return None
    from napctl.plans import QueryError, resolve_actor

    try:
        matches = resolve_actor([plan], actor, plan_id=plan.id)
    except QueryError as exc:
        fail_usage(str(exc))
    return frozenset(c for m in matches for c in m.codes)


@progress_app.command("init")
def init(
    plan: Annotated[str, typer.Option("--plan", "-p", help="The plan (its id).")],
    year: YearOption,
    actor: Annotated[str | None, typer.Option(
        "--actor", "-a", help="Only this department (a parent includes its units).",
        show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="The progress folder. Default: the first of $NAPCTL_PROGRESS, else"
        " ./progress.", file_okay=False, show_default=False)] = None,
    plans: PlansOption = None,
) -> None:
    """Write each department's progress file for a year, or add the actions it lacks."""
    from napctl.core.escape import printable
    from napctl.load.discover import default_progress_out, progress_roots
    from napctl.progress.init import InitError, init_reports

    chosen = one_plan(plans, plan)
    folder = out if out is not None else default_progress_out()
    roots = progress_roots() if out is None else ()  # a report in another root is edited there
    try:
        result = init_reports(chosen, year, folder, actor_codes(chosen, actor), roots=roots)
    except InitError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_io(exc)
    for path in result.created:
        sys.stdout.write(f"created {printable(str(path))}\n")
    for path, added in result.extended:
        sys.stdout.write(f"added {len(added)} actions to {printable(str(path))}:"
                         f" {printable(', '.join(added))}\n")
    for path, why in result.refused:
        sys.stderr.write(f"napctl: left {printable(str(path))} as it is: {printable(why)}\n")
    sys.stderr.write(f"{len(result.created)} created, {len(result.extended)} completed,"
                     f" {len(result.unchanged)} already complete in {printable(str(folder))}\n")
    if result.refused:
        raise typer.Exit(EXIT_INVALID)


def load_reports(plans: Sequence[Plan], progress: list[str] | None,
                 years: Sequence[int] | None = None) -> Corpus:
    """The plans' valid progress reports (of ``years``), or exit 1 with the problems found."""
    from napctl.load.corpus import load_progress
    from napctl.load.discover import PathNotFound, progress_roots

    roots = []
    for root in progress_roots(progress or ()):
        # Only the plans' own folders (of the years asked for): the rest of the corpus
        # is not this question's cost. `validate` checks that files are in their place.
        if not root.is_dir():
            roots.append(root)
        elif years:
            roots += [root / p.id / str(y) for p in plans for y in sorted(set(years))]
        else:
            roots += [root / p.id for p in plans]
    try:
        corpus = load_progress([r for r in roots if r.exists() or r.suffix], plans,
                               use_cache=True)
    except PathNotFound as exc:
        fail_usage(exc.message)
    if not corpus.ok:
        from napctl.output.problems import as_text

        sys.stderr.write(as_text(corpus.problems))
        sys.stderr.write("napctl: the progress reports are invalid; run `napctl validate`"
                         " for details\n")
        raise typer.Exit(EXIT_INVALID)
    return corpus


def status(
    plan: PlanOption = None,
    year: Annotated[list[int] | None, typer.Option(
        "--year", help="Reporting year (repeatable: the last is shown, with the trend over"
        " all). Default: the latest year reported.", min=1900, max=2200,
        show_default=False)] = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", "-a", help="Only this department's share (a parent includes its units).",
        show_default=False)] = None,
    by: Annotated[StatusBy, typer.Option(
        "--by", help="One row per action, department, pillar or UN pillar.")] = StatusBy.action,
    fmt: Annotated[StatusFormat, typer.Option("--format", "-f")] = StatusFormat.table,
    check: Annotated[bool, typer.Option(
        "--check", help="Exit 1 when a department has not reported on an action.")] = False,
    plans: PlansOption = None,
    progress: ProgressOption = None,
) -> None:
    """Who has reported what: each action's overall status, per department, and what is missing."""
    from napctl.output import status as out
    from napctl.progress.init import InitError, check_year
    from napctl.progress.status import plan_status, reported_years, status_record

    chosen = plan_with_progress(plans, plan, progress)
    codes = actor_codes(chosen, actor)
    reports = [r.report for r in load_reports([chosen], progress, year).reports]
    years = year or reported_years(reports, chosen.id)[-1:]
    if not years:
        fail_usage(f"no progress reports for plan '{chosen.id}'; give --year to see what is"
                   " due, or write the files with `napctl progress init`")
    try:
        for y in years:
            check_year(chosen, y)
    except InitError as exc:
        fail_usage(str(exc))
    result = plan_status(chosen, reports, years, codes)
    if fmt is StatusFormat.json:
        write_json(status_record(result, by.value))
    elif fmt is not StatusFormat.table:
        sys.stdout.write(out.WRITERS[fmt.value](result, by.value))
    elif _to_terminal():
        out.print_rich(result, by.value)
    else:
        sys.stdout.write(out.as_plain(result, by.value))
    if check and result.missing:
        sys.stderr.write(f"napctl: {len(result.missing)} reports missing for {chosen.id}"
                         f" {result.year}\n")
        raise typer.Exit(EXIT_INVALID)


def register(app: typer.Typer) -> None:
    app.add_typer(progress_app, name="progress")
    app.command("status")(status)


register(app)
