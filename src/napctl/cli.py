"""The command line: each command parses options and calls plain functions.

Exit codes (stable, documented in the README):
  0  success
  1  the plans are invalid (problems printed), or `--check` found stale files
  2  usage error: bad option, unknown plan, actor or id, missing path
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from napctl import __version__
from napctl.clihelp import use_plain_help
from napctl.readfile import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from napctl.corpus import Corpus
    from napctl.model import Plan

app = typer.Typer(
    name="napctl",
    help="Check, query and report on Women, Peace and Security National Action Plans.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

PlansOption = Annotated[
    list[str] | None,
    typer.Option(
        "--plans",
        help="Plan file or folder (repeatable). Default: $NAPCTL_PLANS, else ./plans,"
        " else the bundled plans.",
        show_default=False,
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Refuse plan files larger than this many bytes.",
                      min=1)
]


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def fail_usage(message: str) -> NoReturn:
    sys.stderr.write(f"napctl: error: {message}\n")
    raise typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"napctl {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Check, query and report on Women, Peace and Security National Action Plans."""


@app.command()
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Plan files or folders. Default: the plans found as for --plans.",
                       show_default=False),
    ] = None,
    fmt: Annotated[
        ProblemFormat, typer.Option("--format", "-f", help="How to print problems.")
    ] = ProblemFormat.text,
    plans: PlansOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    progress: Annotated[
        list[str] | None,
        typer.Option("--progress", help="Progress reports to check too (repeatable). Default,"
                     " when no PATHS are given: $NAPCTL_PROGRESS, else ./progress.",
                     show_default=False),
    ] = None,
) -> None:
    """Check plans and progress reports; print every problem as file:line:col: CODE message."""
    from napctl.corpus import load_corpus
    from napctl.discover import PathNotFound
    from napctl.progress_corpus import progress_roots
    from napctl.reporters import REPORTERS, summary

    with_progress = bool(progress) or (not paths and bool(progress_roots()))
    try:
        corpus = load_corpus([*(paths or []), *(plans or [])], max_bytes=max_bytes,
                             keep_plans=with_progress)
        if with_progress:
            from napctl.cli_progress import validate_progress

            reports = validate_progress([p.plan for p in corpus.plans], paths, progress,
                                        max_bytes)
            if reports is not None:
                corpus.files.extend(reports.files)
                corpus.problems.extend(reports.problems)
    except PathNotFound as exc:
        fail_usage(f"no such file or folder: {exc}")
    if not corpus.files:
        fail_usage("no plan files found (*.yaml, *.yml)")
    sys.stdout.write(REPORTERS[fmt.value](corpus.problems))
    sys.stderr.write(summary(corpus.problems, len(corpus.files)) + "\n")
    raise typer.Exit(EXIT_OK if corpus.ok else EXIT_INVALID)


class SchemaKind(StrEnum):
    plan = "plan"
    progress = "progress"


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    kind: Annotated[
        SchemaKind, typer.Option("--kind", help="Which files: plans or progress reports.")
    ] = SchemaKind.plan,
) -> None:
    """Print the JSON Schema of plan files (for editors and other validators)."""
    from napctl.schema import kind_schema_json

    text = kind_schema_json(kind.value)
    if output is None:
        sys.stdout.write(text)
    else:
        from napctl.fsutil import atomic_write

        atomic_write(output, text)


class ActionFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    yaml = "yaml"
    md = "md"


class DataFormat(StrEnum):
    table = "table"
    json = "json"


class MatrixFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class UNPillarChoice(StrEnum):
    participation = "participation"
    prevention = "prevention"
    protection = "protection"
    relief_and_recovery = "relief-and-recovery"


PlanOption = Annotated[
    str | None, typer.Option("--plan", "-p", help="Only this plan (its id).", show_default=False)
]


def _to_terminal() -> bool:
    return sys.stdout.isatty()


def load_valid(plans: list[str] | None) -> Corpus:
    """The plans, or exit 1 with the validator's messages (2 for a missing path)."""
    from napctl.corpus import load_corpus
    from napctl.discover import PathNotFound

    try:
        corpus = load_corpus(plans or [], use_cache=True)
    except PathNotFound as exc:
        fail_usage(f"no such file or folder: {exc}")
    if not corpus.ok:
        from napctl.reporters import as_text

        sys.stderr.write(as_text(corpus.problems))
        sys.stderr.write("napctl: the plans are invalid; run `napctl validate` for details\n")
        raise typer.Exit(EXIT_INVALID)
    if not corpus.plans:
        fail_usage("no plan files found (*.yaml, *.yml)")
    return corpus


def chosen_plans(plans: list[str] | None, plan_id: str | None) -> list[Plan]:
    """The valid plans, narrowed to ``plan_id`` when given (exit 2 for an unknown id)."""
    from napctl.query import QueryError, select_plans

    corpus = load_valid(plans)
    try:
        return select_plans([p.plan for p in corpus.plans], plan_id)
    except QueryError as exc:
        fail_usage(str(exc))


def _output(fmt: str, data: Any, *, rich: Callable[[Any], None], plain: Callable[[Any], str],
            writers: dict[str, Callable[[Any], str]]) -> None:
    """``table``: rich on a terminal, stable plain text when piped; else the named writer."""
    if fmt != "table":
        sys.stdout.write(writers[fmt](data))
    elif _to_terminal():
        rich(data)
    else:
        sys.stdout.write(plain(data))


def write_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def actions(
    actor: Annotated[
        list[str] | None,
        typer.Option("--actor", "-a", help="Department code, name or alias (repeatable: any"
                     " of them). A parent includes its children.", show_default=False),
    ] = None,
    plan: PlanOption = None,
    pillar: Annotated[
        str | None, typer.Option(help="Pillar id or title.", show_default=False)
    ] = None,
    un_pillar: Annotated[
        UNPillarChoice | None,
        typer.Option("--un-pillar", help="UN pillar the action's pillar maps to.",
                     show_default=False),
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
    from napctl import formats
    from napctl.query import ActionFilter, QueryError, select_actions

    corpus = load_valid(plans)
    flt = ActionFilter(
        actors=actor or (), plan_id=plan, pillar=pillar,
        un_pillar=un_pillar.value if un_pillar else None, goal=goal, search=search,
        include_all=not no_all,
    )
    try:
        rows = select_actions([p.plan for p in corpus.plans], flt)
    except QueryError as exc:
        fail_usage(str(exc))
    _output(fmt.value, rows, rich=formats.print_table, plain=formats.as_plain, writers={
        "json": formats.as_json, "csv": formats.as_csv, "yaml": formats.as_yaml,
        "md": formats.as_markdown,
    })


@app.command()
def actors(
    plan: PlanOption = None,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.table,
    plans: PlansOption = None,
) -> None:
    """The department registry as a tree, with each department's number of actions."""
    from napctl.views import actor_records, actors_text

    chosen = chosen_plans(plans, plan)
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
    from napctl.views import plan_summary, plans_text

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
    from napctl.query import QueryError, find_item
    from napctl.views import found_record, found_text

    corpus = load_valid(plans)
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
    fmt: Annotated[MatrixFormat, typer.Option("--format", "-f")] = MatrixFormat.table,
    plans: PlansOption = None,
) -> None:
    """Departments by pillar: how many actions each department carries in each pillar."""
    from napctl import views

    chosen = chosen_plans(plans, plan)
    _output(fmt.value, chosen, rich=views.print_matrix, plain=views.matrix_plain, writers={
        "json": views.matrix_json, "csv": views.matrix_csv, "md": views.matrix_md,
    })


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
ChecklistYearOption = Annotated[
    int | None,
    typer.Option("--year", help="Show this year's progress: completed actions ticked, the"
                 " others with their status, values so far and lines to fill in (read back"
                 " by `napctl progress import`).", min=1900, max=2200, show_default=False),
]
ChecklistProgressOption = Annotated[
    list[str] | None,
    typer.Option("--progress", help="Progress report file or folder (repeatable), with"
                 " --year. Default: $NAPCTL_PROGRESS, else ./progress.", show_default=False),
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="A date to print on the document (none by default, so that"
                 " the same plans always give the same bytes).", show_default=False),
]


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from napctl.fsutil import atomic_write

    try:
        atomic_write(output, text)
    except OSError as exc:
        fail_usage(f"cannot write {output}: {exc.strerror}")


class ReportShape(StrEnum):
    skeleton = "skeleton"
    annual = "annual"
    midterm = "midterm"


@render_app.command("report")
def render_report(
    plan: PlanOption = None,
    year: Annotated[
        int | None, typer.Option(help="The reporting year: printed on the skeleton, filled"
                                 " from the progress files in the other shapes.",
                                 min=1900, max=2200, show_default=False)
    ] = None,
    shape: Annotated[
        ReportShape | None,
        typer.Option("--shape", help="skeleton: blanks to fill; annual: one year's progress,"
                     " achievements then a reporting matrix per pillar (templates"
                     " report-annual.*); midterm: every year of the plan up to --year, with"
                     " trends (report-midterm.*). Default: annual when --year is given and"
                     " progress files are found, else skeleton.", show_default=False),
    ] = None,
    progress: ChecklistProgressOption = None,
    fmt: FormatOption = RenderFormat.md,
    output: OutputOption = None,
    templates: TemplatesOption = None,
    date: DateOption = None,
    plans: PlansOption = None,
) -> None:
    """A plan's report: a skeleton to fill, or filled from the progress files (--year)."""
    from napctl.render import RenderError
    from napctl.render import render_report as render

    chosen = chosen_plans(plans, plan)
    if len(chosen) > 1:
        fail_usage("several plans found: pick one with --plan "
                   f"({', '.join(p.id for p in chosen)})")
    if shape is not ReportShape.skeleton:
        from napctl.cli_outputs import filled_report

        text = filled_report(chosen[0], shape and shape.value, year, fmt.value, date,
                             templates, progress)
        if text is not None:
            _emit(text, output)
            return
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
    year: ChecklistYearOption = None,
    progress: ChecklistProgressOption = None,
) -> None:
    """Everything one department must report on, as a checklist."""
    from napctl.cli_outputs import checklist_progress
    from napctl.query import QueryError
    from napctl.render import RenderError
    from napctl.render import render_checklist as render

    corpus = load_valid(plans)
    all_plans = [p.plan for p in corpus.plans]
    state = checklist_progress(all_plans, progress, year)
    try:
        text = render(all_plans, actor, fmt.value, plan_id=plan,
                      date=date, templates=templates, progress=state)
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
    year: ChecklistYearOption = None,
    progress: ChecklistProgressOption = None,
) -> None:
    """One checklist per department and an index linking them, in one run."""
    from napctl.cli_outputs import checklist_progress, option_words
    from napctl.render import RenderError, build_checklists, write_checklists

    chosen = chosen_plans(plans, plan)
    state = checklist_progress(chosen, progress, year)
    try:
        files = build_checklists(chosen, fmt.value, date=date, templates=templates,
                                 progress=state, plan_id=plan)
        if check:  # pending ticks and typed values are named, never to be thrown away
            from napctl.checklist_check import check_checklists, check_text

            report = check_checklists(files, out, chosen, state, fmt.value)
            common = option_words(plans=plans, progress=progress)
            found, advice = check_text(report, [
                "napctl", "checklists", "--out", str(out), *option_words(
                    plan=plan, fmt=fmt.value, date=date, year=year, templates=templates),
                *common], ["napctl", "progress", "import", *option_words(year=year), *common])
            sys.stdout.write(found)
            sys.stderr.write(advice)
            raise typer.Exit(EXIT_OK if report.ok else EXIT_INVALID)
        result = write_checklists(files, out, check=check)
    except RenderError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_usage(f"cannot write to {out}: {exc.strerror}")
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


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The old plan: a file, or REV:PATH read from git.")],
    new: Annotated[str, typer.Argument(help="The new plan: a file, or REV:PATH read from git.")],
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Only the changes that concern this"
                                 " department (code, name or alias; a parent includes its"
                                 " children).", show_default=False),
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = DiffFormat.text,
    lineage: Annotated[
        str | None, typer.Option("--lineage", help="Lineage file of confirmed matches between"
                                 " two generations. Default: lineage/OLD-ID--NEW-ID.yaml when"
                                 " it exists.", show_default=False),
    ] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are differences.")
    ] = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """What changed between two versions of a plan, or two generations of plans.

    Each side is a plan file or REV:PATH read from git
    (napctl diff HEAD~1:plans/lu-2018-2023.yaml plans/lu-2018-2023.yaml).
    Changes come in the plan's order; layout (indentation, key order, quoting)
    is never a change. An action whose id changed but whose text is similar
    is a renumbering. Plans with different ids are two generations: each
    action is carried over, modified, new or dropped. See docs/diff.md.
    """
    from napctl import diffout
    from napctl.diffsource import DiffUsageError, compare
    from napctl.reporters import as_text

    try:
        result = compare(old, new, lineage=lineage, actor=actor, max_bytes=max_bytes)
    except DiffUsageError as exc:
        fail_usage(str(exc))
    sys.stderr.write(as_text(result.problems))
    if result.diff is None:
        sys.stderr.write("napctl: cannot compare: a side is not readable as YAML\n")
        raise typer.Exit(EXIT_INVALID)
    if fmt is DiffFormat.text and _to_terminal():
        diffout.print_rich(result.diff, result.old, result.new, actor)
    else:
        sys.stdout.write(diffout.FORMATS[fmt.value](result.diff, result.old, result.new, actor))
    raise typer.Exit(EXIT_INVALID if exit_code and result.diff.changes else EXIT_OK)
from napctl import cli_progress  # noqa: E402 - registers `progress` and `status` on the app

cli_progress.register(app)
from napctl import cli_outputs  # noqa: E402 - registers `progress import`, `render dashboard`

cli_outputs.register(app)


def app_for(args: list[str]) -> typer.Typer:
    """The app, holding only the command asked for when one is named.

    Typer prepares every parameter of every command before it dispatches
    (about 40 ms here); a query should pay only for its own. Help, usage errors
    and behaviour are those of the full app, which runs whenever no single
    known command is named.
    """
    name = next((a for a in args if not a.startswith("-")), None)
    commands = [c for c in app.registered_commands if _command_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if len(commands) + len(groups) != 1:
        return app
    slim = typer.Typer(
        name="napctl", add_completion=False, no_args_is_help=True,
        pretty_exceptions_enable=False, rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    slim.registered_callback = app.registered_callback
    slim.registered_commands = commands
    slim.registered_groups = groups
    return slim


def _command_name(info: typer.models.CommandInfo) -> str | None:
    if info.name:
        return info.name
    callback = info.callback
    return callback.__name__.replace("_", "-") if callback is not None else None


def command_for(args: list[str]) -> Any:
    """The Click command that runs ``args``, with napctl's own help layout."""
    return use_plain_help(typer.main.get_command(app_for(args)))


def main() -> None:
    command_for(sys.argv[1:])(prog_name="napctl")
