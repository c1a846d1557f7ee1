"""Commands that render documents from templates: render report|checklist, checklists."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    PlanOption,
    PlansOption,
    chosen_plans,
    fail_io,
    fail_usage,
    load_valid,
)
from napctl.cli.startup import app

render_app = typer.Typer(
    help="Render a report skeleton or a department checklist from templates.",
    rich_markup_mode=None,
    no_args_is_help=True,
)
app.add_typer(render_app, name="render")


class RenderFormat(StrEnum):
    md = "md"
    html = "html"


FormatOption = Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.",
                 show_default=False),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", help="Folder of templates overriding the bundled ones"
                 " (which stay reachable as default/NAME).", show_default=False,
                 exists=True, file_okay=False),
]
def _printable_date(value: str | None) -> str | None:
    from napctl.output.escape import is_clean_text

    if value is not None and not is_clean_text(value):
        raise typer.BadParameter("must be printable text (no control characters and no"
                                 " bytes the locale cannot decode)")
    return value


DateOption = Annotated[
    str | None,
    typer.Option("--date", help="A date to print on the document (none by default, so that"
                 " the same plans always give the same bytes).", show_default=False,
                 callback=_printable_date),
]


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from napctl.output.fsutil import atomic_write

    try:
        atomic_write(output, text)
    except OSError as exc:
        fail_io(exc)


@render_app.command("report")
def render_report(
    plan: PlanOption = None,
    year: Annotated[
        int | None, typer.Option(help="The reporting year printed on the skeleton.",
                                 min=1900, max=2200, show_default=False)
    ] = None,
    fmt: FormatOption = RenderFormat.md,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
) -> None:
    """The reporting skeleton of a plan: every action with room for progress and evidence."""
    from napctl.render.templates import RenderError
    from napctl.render.templates import render_report as render

    chosen = chosen_plans(plans, plan)
    if len(chosen) > 1:
        fail_usage("several plans found: pick one with --plan "
                   f"({', '.join(p.id for p in chosen)})")
    try:
        text = render(chosen[0], fmt.value, year=year, date=date, templates=templates)
    except RenderError as exc:
        fail_usage(str(exc))
    _emit(text, output)


@render_app.command("checklist")
def render_checklist(
    actor: Annotated[str, typer.Option("--actor", "-a", help="Department code, name or alias.")],
    plan: PlanOption = None,
    fmt: FormatOption = RenderFormat.md,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
) -> None:
    """Everything one department must report on, as a checklist."""
    from napctl.query import QueryError
    from napctl.render.templates import RenderError
    from napctl.render.templates import render_checklist as render

    corpus = load_valid(plans)
    try:
        text = render([p.plan for p in corpus.plans], actor, fmt.value, plan_id=plan,
                      date=date, templates=templates)
    except (QueryError, RenderError) as exc:
        fail_usage(str(exc))
    _emit(text, output)


@app.command()
def checklists(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the checklists into.",
                                      file_okay=False)],
    plan: PlanOption = None,
    fmt: FormatOption = RenderFormat.md,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 and list the files that"
                           " differ from what would be written.")
    ] = False,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
) -> None:
    """One checklist per department and an index linking them, in one run."""
    from napctl.render.templates import RenderError, build_checklists, write_checklists

    chosen = chosen_plans(plans, plan)
    try:
        files = build_checklists(chosen, fmt.value, date=date, templates=templates)
        result = write_checklists(files, out, check=check)
    except RenderError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_io(exc)
    if check:
        for path in result.stale:
            sys.stdout.write(f"{path}\n")
        if result.stale:
            sys.stderr.write(f"{len(result.stale)} of {len(files.files)} files are stale;"
                             f" run `napctl checklists --out {out}` to update them\n")
            raise typer.Exit(EXIT_INVALID)
        sys.stderr.write(f"{len(files.files)} files are up to date\n")
        return
    sys.stderr.write(f"{len(result.written)} written, {len(result.unchanged)} unchanged"
                     f" in {out}\n")
