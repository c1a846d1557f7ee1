"""`napctl assess init`: start an organisation's own assessment of a plan for a year."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    PlansOption,
    YearOption,
    chosen_plans,
    fail_io,
    fail_usage,
    only_plan,
)
from napctl.cli.startup import app

assess_app = typer.Typer(
    help="Assessments: civil society's own ratings, one file per organisation, plan and year.",
    no_args_is_help=True,
)
app.add_typer(assess_app, name="assess")


class ScaleName(StrEnum):
    """The built-in scales (napctl.model.scales.BUILT_IN)."""

    ogp_completion = "ogp-completion"
    kroc_0_3 = "kroc-0-3"


@assess_app.command("init")
def init(
    plan: Annotated[str, typer.Option("--plan", "-p", help="The plan (its id).")],
    year: YearOption,
    organisation: Annotated[
        str, typer.Option("--organisation", "-o", help="The organisation assessing.")
    ],
    scale: Annotated[
        ScaleName, typer.Option("--scale", help="The scale the ratings use.")
    ] = ScaleName.ogp_completion,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="The assessments folder. Default: the first of $NAPCTL_ASSESSMENTS,"
            " else ./assessments.",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    plans: PlansOption = None,
) -> None:
    """Write the organisation's assessment file for a year, or add the actions it lacks."""
    from napctl.assess.init import init_assessment  # lazy: start-up
    from napctl.core.escape import printable  # lazy: start-up
    from napctl.load.discover import default_assessments_out  # lazy: start-up
    from napctl.progress.init import InitError  # lazy: start-up
    from napctl.yaml.edit import EditError  # lazy: start-up

    chosen = only_plan(chosen_plans(plans, plan))
    folder = out if out is not None else default_assessments_out()
    try:
        result = init_assessment(chosen, year, organisation, folder, scale.value)
    except InitError as exc:
        fail_usage(str(exc))
    except EditError as exc:
        sys.stderr.write(f"napctl: left the file as it is: {printable(str(exc))}\n")
        raise typer.Exit(EXIT_INVALID) from None
    except OSError as exc:
        fail_io(exc)
    shown = printable(str(result.path))
    if result.outcome == "created":
        sys.stdout.write(f"created {shown}\n")
    elif result.outcome == "extended":
        sys.stdout.write(f"added {len(result.added)} actions to {shown}\n")
    else:
        sys.stdout.write(f"{shown} already lists every action\n")
