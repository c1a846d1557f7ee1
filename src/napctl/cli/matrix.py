"""`napctl matrix`: departments by pillar, with their numbers of actions."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from napctl.cli.options import CountryOption, PlanOption, PlansOption, chosen_plans, output
from napctl.cli.startup import app


class MatrixFormat(StrEnum):
    """The terminal table, then the writers of shape "matrix" (napctl.output.writers)."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


@app.command("matrix")
def matrix_(
    plan: PlanOption = None,
    country: CountryOption = None,
    fmt: Annotated[MatrixFormat, typer.Option("--format", "-f")] = MatrixFormat.table,
    plans: PlansOption = None,
) -> None:
    """Departments by pillar: how many actions each department carries in each pillar."""
    from napctl.output import views  # lazy: start-up

    chosen = chosen_plans(plans, plan, country)
    output("matrix", fmt.value, chosen, rich=views.print_matrix, plain=views.matrix_plain)
