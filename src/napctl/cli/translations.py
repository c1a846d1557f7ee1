"""`napctl translations export|import`: a plan's untranslated texts as a PO file, and
the translations back into the plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from napctl.cli.options import (
    EXIT_INVALID,
    PlanOption,
    PlansOption,
    fail_io,
    fail_usage,
    load_valid,
    only_plan,
)
from napctl.cli.startup import app

if TYPE_CHECKING:
    from napctl.model import Plan

translations_app = typer.Typer(
    help="Texts of a plan in several languages: PO files for translators, and back.",
    rich_markup_mode=None,
    no_args_is_help=True,
)
app.add_typer(translations_app, name="translations")


@translations_app.command("export")
def export(
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            help="The language to translate into: one of the plan's `languages`, else"
            " en, fr, nl or de.",
        ),
    ],
    plan: PlanOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The PO file to write (atomically); default stdout."),
    ] = None,
    plans: PlansOption = None,
) -> None:
    """Write the plan's texts that have no LANG version as a PO file (msgctxt: the text's
    YAML path; msgid: the text; msgstr: for the translator)."""
    from napctl.core.fsutil import atomic_write  # lazy: start-up

    _need_babel()
    from napctl.translations.po import (  # lazy: start-up (Babel)
        UnknownTextLanguage,
        check_language,
        export_catalog,
        write_catalog,
    )

    chosen = _plan(plans, plan)[0]
    try:
        code = check_language(chosen, lang)
    except UnknownTextLanguage as exc:
        fail_usage(str(exc))
    text = write_catalog(export_catalog(chosen, code)).decode("utf-8")
    try:
        atomic_write(output if output is not None else Path("-"), text)
    except OSError as exc:
        fail_io(exc)
    count = text.count("\nmsgctxt ")
    if output is not None:
        sys.stderr.write(f"{output}: {count} texts of {chosen.id} to translate into {code}\n")


@translations_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A PO file written by `translations export`.")],
    plan: PlanOption = None,
    plans: PlansOption = None,
) -> None:
    """Write the translations of FILE into its plan's file, as text edits: a text becomes
    a mapping of its languages; comments and every other line stay as they are."""
    from napctl.core.escape import printable  # lazy: start-up
    from napctl.output.writers import writer  # lazy: start-up

    _need_babel()
    from napctl.translations.run import (  # lazy: start-up (Babel)
        ImportRefused,
        import_translations,
        po_plan,
    )
    from napctl.yaml.edit import EditError  # lazy: start-up

    named, problems = po_plan(file)
    if problems:
        sys.stderr.write(writer("problems", "text")(problems))
        raise typer.Exit(EXIT_INVALID)
    chosen, plan_file = _plan(plans, plan or named)
    try:
        outcome = import_translations(file, chosen, Path(plan_file))
    except ImportRefused as exc:
        fail_usage(str(exc))
    except EditError as exc:
        sys.stderr.write(f"napctl: left the plan as it is: {printable(str(exc))}\n")
        raise typer.Exit(EXIT_INVALID) from None
    except OSError as exc:
        fail_io(exc)
    if outcome.problems:
        sys.stderr.write(writer("problems", "text")(outcome.problems))
    if outcome.written:
        sys.stderr.write(f"{printable(plan_file)}: {outcome.applied} translations written\n")
    else:
        sys.stderr.write(f"{printable(plan_file)}: nothing written\n")
    if outcome.problems:
        raise typer.Exit(EXIT_INVALID)


def _plan(plans: list[str] | None, plan_id: str | None) -> tuple[Plan, str]:
    from napctl.plans import QueryError, select_plans  # lazy: start-up

    corpus = load_valid(plans, plan_id)
    try:
        chosen = only_plan(select_plans([p.plan for p in corpus.plans], plan_id))
    except QueryError as exc:
        fail_usage(str(exc))
    file = next(p.file for p in corpus.plans if p.plan is chosen)
    return chosen, file


def _need_babel() -> None:
    """PO files are Babel's: an optional extra, said plainly when it is missing."""
    try:
        import babel.messages.pofile  # noqa: F401  # the optional extra i18n
    except ImportError:
        fail_usage("napctl translations needs Babel: pip install 'napctl[i18n]'")
