"""Commands that ask the plans: actions, actors, plans, show, matrix."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from napctl.cli.options import (
    ActionFormat,
    CountryOption,
    DataFormat,
    ExactOption,
    MatrixFormat,
    PlanOption,
    PlansOption,
    UNPillarChoice,
    chosen_plans,
    complete_actor,
    fail_usage,
    load_valid,
    output,
    say_which_actors,
    write_json,
)
from napctl.cli.startup import app


@app.command()
def actions(
    actor: Annotated[
        list[str] | None,
        typer.Option("--actor", "-a", help="Department code, name or alias (repeatable: any"
                     " of them). A parent includes its children.", show_default=False,
                     autocompletion=complete_actor),
    ] = None,
    plan: PlanOption = None,
    country: CountryOption = None,
    exact: ExactOption = False,
    pillar: Annotated[
        str | None, typer.Option(help="Pillar id or title.", show_default=False)
    ] = None,
    un_pillar: Annotated[
        UNPillarChoice | None,
        typer.Option("--un-pillar", help="UN pillar the action's pillar maps to.",
                     show_default=False, case_sensitive=False),
    ] = None,
    goal: Annotated[str | None, typer.Option(help="Goal id.", show_default=False)] = None,
    search: Annotated[
        str | None,
        typer.Option(help="Text in the action or its indicators (ignores case and accents).",
                     show_default=False),
    ] = None,
    no_all: Annotated[
        bool, typer.Option("--no-all", help="Leave out actions assigned to every department.")
    ] = False,
    fmt: Annotated[
        ActionFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ActionFormat.table,
    plans: PlansOption = None,
) -> None:
    """List actions, filtered by actor, plan, pillar, goal or text. Order is the plan's own."""
    from napctl.output import actions as formats
    from napctl.plans import ActionFilter, QueryError, actor_notes, select_actions

    corpus = load_valid(plans, plan)
    flt = ActionFilter(
        actors=actor or (), plan_id=plan, pillar=pillar,
        un_pillar=un_pillar.value if un_pillar else None, goal=goal, search=search,
        include_all=not no_all, country=country, exact=exact,
    )
    try:
        rows = select_actions([p.plan for p in corpus.plans], flt)
        notes = actor_notes([p.plan for p in corpus.plans], flt)
    except QueryError as exc:
        fail_usage(str(exc))
    for note in notes:
        sys.stderr.write(f"napctl: {note}\n")
    say_which_actors([p.plan for p in corpus.plans], actor or (), plan)
    output("actions", fmt.value, rows, rich=formats.print_table, plain=formats.as_plain)


@app.command()
def actors(
    plan: PlanOption = None,
    country: CountryOption = None,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.table,
    plans: PlansOption = None,
) -> None:
    """The department registry as a tree, with each department's number of actions."""
    from napctl.output.views import actor_records, actors_text

    chosen = chosen_plans(plans, plan, country)
    if fmt is DataFormat.json:
        write_json([r for p in chosen for r in actor_records(p)])
    else:
        sys.stdout.write(actors_text(chosen))


@app.command("plans")
def plans_(
    fmt: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.table,
    plans: PlansOption = None,
) -> None:
    """Each plan with its title, country, period and counts."""
    from napctl.output.views import plan_summary, plans_text

    corpus = load_valid(plans)
    if fmt is DataFormat.json:
        write_json([plan_summary(p) for p in corpus.plans])
    else:
        sys.stdout.write(plans_text(corpus.plans))


@app.command()
def show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="Action, goal or pillar id;"
                                         " PLAN:ID picks the plan.")],
    plan: PlanOption = None,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.table,
    plans: PlansOption = None,
) -> None:
    """One action, goal or pillar with its context."""
    from napctl.output.views import found_record, found_text
    from napctl.plans import QueryError, find_item

    corpus = load_valid(plans, plan or (ident.split(":", 1)[0] if ":" in ident else None))
    try:
        found = find_item([p.plan for p in corpus.plans], ident, plan_id=plan)
    except QueryError as exc:
        fail_usage(str(exc))
    if fmt is DataFormat.json:
        write_json([found_record(f) for f in found])
    else:
        sys.stdout.write("\n".join(found_text(f) for f in found))


@app.command("matrix")
def matrix_(
    plan: PlanOption = None,
    country: CountryOption = None,
    fmt: Annotated[MatrixFormat, typer.Option("--format", "-f")] = MatrixFormat.table,
    plans: PlansOption = None,
) -> None:
    """Departments by pillar: how many actions each department carries in each pillar."""
    from napctl.output import views

    chosen = chosen_plans(plans, plan, country)
    output("matrix", fmt.value, chosen, rich=views.print_matrix, plain=views.matrix_plain)
