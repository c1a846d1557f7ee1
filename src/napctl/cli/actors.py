"""`napctl actors`: the department registry as a tree."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from napctl.cli.options import (
    CountryOption,
    DataFormat,
    PlanOption,
    PlansOption,
    chosen_plans,
    write_json,
)
from napctl.cli.startup import app


@app.command()
def actors(
    plan: PlanOption = None,
    country: CountryOption = None,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.table,
    plans: PlansOption = None,
) -> None:
    """The department registry as a tree, with each department's number of actions."""
    from napctl.output.views import actor_records, actors_text  # lazy: start-up

    chosen = chosen_plans(plans, plan, country)
    if fmt is DataFormat.json:
        write_json([r for p in chosen for r in actor_records(p)])
    else:
        sys.stdout.write(actors_text(chosen))
