"""`napctl actions`: the actions a department is responsible for, filtered."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from napctl.cli.options import (
    CountryOption,
    ExactOption,
    PlanOption,
    PlansOption,
    complete_actor,
    fail_usage,
    load_valid,
    output,
    say_which_actors,
)
from napctl.cli.startup import app


class ActionFormat(StrEnum):
    """The terminal table, then the writers of shape "actions" (napctl.output.writers)."""

    table = "table"
    json = "json"
    csv = "csv"
    yaml = "yaml"
    md = "md"


class UNPillarChoice(StrEnum):
    participation = "participation"
    prevention = "prevention"
    protection = "protection"
    relief_and_recovery = "relief-and-recovery"


ActorsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        "-a",
        help="Department code, name or alias (repeatable: any"
        " of them). A parent includes its children.",
        show_default=False,
        autocompletion=complete_actor,
    ),
]
PillarOption = Annotated[str | None, typer.Option(help="Pillar id or title.", show_default=False)]
UNPillarOption = Annotated[
    UNPillarChoice | None,
    typer.Option(
        "--un-pillar",
        help="UN pillar the action's pillar maps to.",
        show_default=False,
        case_sensitive=False,
    ),
]
GoalOption = Annotated[str | None, typer.Option(help="Goal id.", show_default=False)]
SearchOption = Annotated[
    str | None,
    typer.Option(
        help="Text in the action or its indicators (ignores case and accents).",
        show_default=False,
    ),
]
NoAllOption = Annotated[
    bool, typer.Option("--no-all", help="Leave out actions assigned to every department.")
]
ActionFormatOption = Annotated[ActionFormat, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def actions(
    actor: ActorsOption = None,
    plan: PlanOption = None,
    country: CountryOption = None,
    exact: ExactOption = False,
    pillar: PillarOption = None,
    un_pillar: UNPillarOption = None,
    goal: GoalOption = None,
    search: SearchOption = None,
    no_all: NoAllOption = False,
    fmt: ActionFormatOption = ActionFormat.table,
    plans: PlansOption = None,
) -> None:
    """List actions, filtered by actor, plan, pillar, goal or text. Order is the plan's own."""
    from napctl.output import actions as formats  # lazy: start-up
    from napctl.plans import (  # lazy: start-up
        ActionFilter,
        QueryError,
        actor_notes,
        select_actions,
    )

    corpus = load_valid(plans, plan)
    flt = ActionFilter(
        actors=actor or (),
        plan_id=plan,
        pillar=pillar,
        un_pillar=un_pillar.value if un_pillar else None,
        goal=goal,
        search=search,
        include_all=not no_all,
        country=country,
        exact=exact,
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
