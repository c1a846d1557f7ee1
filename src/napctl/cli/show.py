"""`napctl show ID`: one action, goal or pillar with its context."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from napctl.cli.options import (
    DataFormat,
    PlanOption,
    PlansOption,
    fail_usage,
    load_valid,
    write_json,
)
from napctl.cli.startup import app


@app.command()
def show(
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="Action, goal or pillar id; PLAN:ID picks the plan.")
    ],
    plan: PlanOption = None,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.table,
    plans: PlansOption = None,
) -> None:
    """One action, goal or pillar with its context."""
    from napctl.output.views import found_record, found_text  # lazy: start-up
    from napctl.plans import QueryError, find_item  # lazy: start-up

    corpus = load_valid(plans, plan or (ident.split(":", 1)[0] if ":" in ident else None))
    try:
        found = find_item([p.plan for p in corpus.plans], ident, plan_id=plan)
    except QueryError as exc:
        fail_usage(str(exc))
    if fmt is DataFormat.json:
        write_json([found_record(f) for f in found])
    else:
        sys.stdout.write("\n".join(found_text(f) for f in found))
