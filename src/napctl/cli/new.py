"""`napctl new PLAN-ID`: start a plan file, valid as it is, with a skeleton to fill in."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from napctl.cli.options import fail_usage
from napctl.cli.startup import app


@app.command("new")
def new_plan(
    plan_id: Annotated[
        str, typer.Argument(metavar="PLAN-ID", help="The new plan's id, e.g. fr-2021-2025.")
    ],
    country: Annotated[str, typer.Option("--country", help="ISO 3166-1 alpha-2 code, e.g. FR.")],
    title: Annotated[str, typer.Option("--title", help="The plan's title as printed.")],
    period: Annotated[str, typer.Option("--period", help="START-END, e.g. 2024-2028.")],
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write PLAN-ID.yaml into.", file_okay=False)
    ] = Path("plans"),
    country_name: Annotated[
        str | None,
        typer.Option(
            "--country-name",
            help="The country's name (default: the code, to be replaced).",
            show_default=False,
        ),
    ] = None,
    language: Annotated[str, typer.Option("--language", help="Language of the texts.")] = "en",
) -> None:
    """Start a new plan file: valid as it is, with a commented skeleton to fill in."""
    from napctl.plans.new import (  # lazy: start-up
        NewPlan,
        NewPlanError,
        create_plan,
        parse_period,
    )

    try:
        start, end = parse_period(period)
        spec = NewPlan(plan_id, country, title, start, end, country_name, language)
        path = create_plan(spec, out)
    except NewPlanError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_usage(f"cannot write to {out}: {exc.strerror}")
    sys.stderr.write(
        f"wrote {path}; fill it in, or: napctl import MATRIX.xlsx --plan {plan_id} --plans {out}\n"
    )
