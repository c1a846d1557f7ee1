"""`napctl plans`: each plan found, with its counts."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from napctl.cli.options import DataFormat, PlansOption, load_valid, write_json
from napctl.cli.startup import app


@app.command("plans")
def plans_(
    fmt: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.table,
    plans: PlansOption = None,
) -> None:
    """Each plan with its title, country, period and counts."""
    from napctl.output.views import plan_summary, plans_text  # lazy: start-up

    corpus = load_valid(plans)
    if fmt is DataFormat.json:
        write_json([plan_summary(p) for p in corpus.plans])
    else:
        sys.stdout.write(plans_text(corpus.plans))
