"""`napctl indicators`: each indicator's values by year, against baseline and target."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli import options
from napctl.cli.options import (
    EXIT_INVALID,
    PlanOption,
    PlansOption,
    ProgressOption,
    fail_usage,
    write_output,
)
from napctl.cli.progress_files import actor_codes, load_reports, plan_with_progress
from napctl.cli.startup import app
from napctl.output.writers import writer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from napctl.indicators.series import Series
    from napctl.model import Plan


class IndicatorsFormat(StrEnum):
    """The table, the writers of shape "indicators", and the two folder formats."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    datapackage = "datapackage"
    opensdg = "opensdg"


FOLDER_FORMATS = ("datapackage", "opensdg")


ActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor",
        "-a",
        help="Only this department's values (a parent: with its units).",
        show_default=False,
    ),
]
YearsOption = Annotated[
    list[int] | None,
    typer.Option(
        "--year",
        help="Only these years' values (repeatable). Default: all.",
        min=1900,
        max=2200,
        show_default=False,
    ),
]
FrameworkOption = Annotated[
    str | None,
    typer.Option(
        "--framework",
        help="Show which indicators of a framework (un-26, eu-17)"
        " the plan covers, and with what data.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Folder to write (datapackage, opensdg) or file.",
        show_default=False,
    ),
]


@app.command("indicators")
def indicators(
    plan: PlanOption = None,
    actor: ActorOption = None,
    year: YearsOption = None,
    framework: FrameworkOption = None,
    fmt: Annotated[IndicatorsFormat, typer.Option("--format", "-f")] = IndicatorsFormat.table,
    out: OutputOption = None,
    plans: PlansOption = None,
    progress: ProgressOption = None,
) -> None:
    """Indicator values by year, per department and combined, with a progress status."""
    from napctl.indicators.combine import build_series  # lazy: start-up

    chosen = plan_with_progress(plans, plan, progress)
    codes = actor_codes(chosen, actor)
    corpus = load_reports([chosen], progress, None, partial=True)
    series = build_series(
        chosen, (r.report for r in corpus.reports), codes=codes, years=set(year) if year else None
    )
    if framework is not None:
        _crosswalk(chosen, series, framework, fmt.value)
    elif fmt.value in FOLDER_FORMATS:
        _write_folder(series, chosen.id, fmt.value, out)
    else:
        text = _text(series, chosen.id, fmt.value)
        if out is None:
            sys.stdout.write(text)
        else:
            write_output(out, text)
    if not corpus.ok:
        raise typer.Exit(EXIT_INVALID)


def _text(series: Sequence[Series], plan: str, fmt: str) -> str:
    from napctl.output import indicators as out  # lazy: start-up

    if fmt != "table":
        return writer("indicators", fmt)(series, plan)
    if options._to_terminal():
        out.print_rich(series, plan)
        return ""
    return out.as_plain(series, plan)


def _write_folder(series: Sequence[Series], plan: str, fmt: str, out: Path | None) -> None:
    from napctl.indicators import opendata  # lazy: start-up

    if out is None:
        fail_usage(f"-f {fmt} writes a folder: give it with -o DIR")
    files = (
        opendata.datapackage(series, plan)
        if fmt == "datapackage"
        else opendata.opensdg(series, plan)
    )
    for name, text in files.items():
        write_output(out / name, text)
    sys.stderr.write(f"napctl: wrote {len(files)} files to {out}\n")


def _crosswalk(plan: Plan, series: Sequence[Series], framework: str, fmt: str) -> None:
    from napctl.checks.frameworks import FrameworkError, load_framework  # lazy: start-up
    from napctl.indicators.crosswalk import crosswalk  # lazy: start-up
    from napctl.output import indicators as out  # lazy: start-up

    try:
        found = load_framework(framework)
    except FrameworkError as exc:
        fail_usage(str(exc))
    rows = crosswalk(plan, series, found)
    sys.stdout.write(out.crosswalk_text(plan.id, found, rows, fmt))
