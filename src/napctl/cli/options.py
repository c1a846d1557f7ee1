"""What the commands share: options, usage errors, loading valid plans, printing output."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from napctl.cli import completion
from napctl.cli.errors import exit_later
from napctl.output.writers import json_text, writer

if TYPE_CHECKING:
    from napctl.load.corpus import Corpus
    from napctl.model import Plan


EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3
#: A bug in napctl itself (EX_SOFTWARE): never the plans' fault, nor the user's.
EXIT_INTERNAL = 70

PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Plan files or folders. Default: the plans found as for --plans.", show_default=False
    ),
]
PlansOption = Annotated[
    list[str] | None,
    typer.Option(
        "--plans",
        help="Plan file or folder (repeatable). Default: $NAPCTL_PLANS, else plans/ here"
        " or above (up to the repository root), else the bundled plans (not when $CI is"
        " set).",
        show_default=False,
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Refuse plan files larger than this many bytes.", min=1)
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of stdout.",
        show_default=False,
    ),
]


# Typer tells the context from the text typed by these annotations (completion's own
# functions take any object with ``params``, as its tests pass).
def _complete_plan(ctx: typer.Context, incomplete: str) -> list[str]:
    return completion.complete_plan(ctx, incomplete)


def complete_actor(ctx: typer.Context, incomplete: str) -> list[str]:
    return completion.complete_actor(ctx, incomplete)


PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        "-p",
        help="Only this plan: its id, a prefix naming one plan, or its country code (case aside).",
        show_default=False,
        autocompletion=_complete_plan,
    ),
]
CountryOption = Annotated[
    str | None,
    typer.Option(
        "--country",
        help="Only the plans of this country (ISO code such as BE, or name).",
        show_default=False,
    ),
]
ExactOption = Annotated[
    bool,
    typer.Option(
        "--exact",
        help="Only the department named, without its units"
        " (default: a department includes its units).",
    ),
]


class DataFormat(StrEnum):
    """--format of actors, plans and show: the tree or table, or the records as JSON."""

    table = "table"
    json = "json"


class RenderFormat(StrEnum):
    md = "md"
    html = "html"


FormatOption = Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="Folder of templates overriding the bundled ones"
        " (which stay reachable as default/NAME).",
        show_default=False,
        exists=True,
        file_okay=False,
    ),
]


def _printable_date(value: str | None) -> str | None:
    from napctl.core.escape import is_clean_text  # lazy: start-up (~3 ms)

    if value is not None and not is_clean_text(value):
        raise typer.BadParameter(
            "must be printable text (no control characters and no bytes the locale cannot decode)"
        )
    return value


DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="A date to print on the document (none by default, so that"
        " the same plans always give the same bytes).",
        show_default=False,
        callback=_printable_date,
    ),
]
ChecklistYearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        help="Show this year's progress: completed actions ticked, the"
        " others with their status, values so far and lines to fill in (read back"
        " by `napctl progress import`).",
        min=1900,
        max=2200,
        show_default=False,
    ),
]
ChecklistProgressOption = Annotated[
    list[str] | None,
    typer.Option(
        "--progress",
        help="Progress report file or folder (repeatable), with"
        " --year. Default: $NAPCTL_PROGRESS, else ./progress.",
        show_default=False,
    ),
]
ProgressOption = Annotated[
    list[str] | None,
    typer.Option(
        "--progress",
        help="Progress report file or folder (repeatable). Default:"
        " $NAPCTL_PROGRESS, else ./progress.",
        show_default=False,
    ),
]
YearOption = Annotated[int, typer.Option("--year", help="The reporting year.", min=1900, max=2200)]
#: The one plan a command works on, by its id (progress init and migrate).
PlanIdOption = Annotated[str, typer.Option("--plan", "-p", help="The plan (its id).")]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="The language of the output's labels (en, fr, nl, de). Default: the"
        " plan's language when napctl has it, else English.",
        show_default=False,
    ),
]


def output_language(lang: str | None, plans: Sequence[Plan] = ()) -> str:
    """``--lang``, else the plans' language (when they agree), else English; an unknown
    ``--lang`` is a usage error naming the languages napctl has."""
    from napctl.core.i18n import UnknownLanguageError, choose_language  # lazy: start-up

    languages = {p.language for p in plans}
    try:
        return choose_language(lang, languages.pop() if len(languages) == 1 else None)
    except UnknownLanguageError as exc:
        fail_usage(str(exc))


def fail_usage(message: str) -> NoReturn:
    from napctl.core.escape import printable  # lazy: start-up

    sys.stderr.write(f"napctl: error: {printable(message)}\n")
    raise typer.Exit(EXIT_USAGE)


def io_message(exc: OSError | UnicodeError) -> str:
    """One line for an output napctl could not write (a file, or stdout/stderr)."""
    if isinstance(exc, UnicodeEncodeError):
        return (
            f"the output encoding ({exc.encoding}) cannot hold the text; use a UTF-8"
            " locale or set PYTHONIOENCODING=utf-8"
        )
    if isinstance(exc, UnicodeError):
        return f"cannot handle the text: {exc}"
    reason = exc.strerror or type(exc).__name__
    where = exc.filename
    if where is None:
        return f"cannot write the output: {reason}"
    from napctl.core.escape import printable  # lazy: start-up

    return f"cannot write {printable(os.fsdecode(where))}: {reason}"


def fail_io(exc: OSError | UnicodeError) -> NoReturn:
    """Exit 3 with one line: the output could not be written."""
    sys.stderr.write(f"napctl: error: {io_message(exc)}\n")
    raise typer.Exit(EXIT_IO)


def _to_terminal() -> bool:
    return sys.stdout.isatty()


def load_valid(plans: list[str] | None, plan_id: str | None = None) -> Corpus:
    """The valid plans (2 for a missing path).

    An invalid file does not block questions about the others: they are
    answered, each invalid file gets one line on stderr, and the command exits 1
    afterwards unless ``plan_id`` names a valid plan. When no plan is valid, or
    the one asked for is not among them, exit 1 now with every problem.
    """
    from napctl.load.corpus import load_corpus  # lazy: start-up
    from napctl.load.discover import PathNotFound  # lazy: start-up

    try:
        corpus = load_corpus(plans or [], use_cache=True)
    except PathNotFound as exc:
        fail_usage(exc.message)
    say_if_bundled(corpus)
    if not corpus.ok:
        _answer_despite_invalid(corpus, plan_id)
    if not corpus.plans:
        fail_usage("no plan files found (*.yaml, *.yml)")
    return corpus


def _answer_despite_invalid(corpus: Corpus, plan_id: str | None) -> None:
    from napctl.plans import QueryError, select_plans  # lazy: start-up

    try:
        asked_ok = plan_id is not None and bool(
            select_plans([p.plan for p in corpus.plans], plan_id)
        )
    except QueryError:
        asked_ok = False
    if not corpus.plans or (plan_id is not None and not asked_ok):
        sys.stderr.write(writer("problems", "text")(corpus.problems))
        sys.stderr.write("napctl: the plans are invalid; run `napctl validate` for details\n")
        raise typer.Exit(EXIT_INVALID)
    counts: dict[str, int] = {}
    for problem in corpus.problems:
        if problem.level == "error":
            counts[problem.file] = counts.get(problem.file, 0) + 1
    for file, count in counts.items():
        sys.stderr.write(
            f"napctl: skipped {file}: {count} problem{'s' if count > 1 else ''};"
            f" `napctl validate {file}` shows them\n"
        )
    if not asked_ok:
        exit_later(EXIT_INVALID)


def say_if_bundled(corpus: Corpus) -> None:
    """The bundled plans never stand in silently for the user's."""
    if corpus.bundled:
        from napctl.load.discover import BUNDLED_NOTICE  # lazy: start-up

        sys.stderr.write(BUNDLED_NOTICE + "\n")


def chosen_plans(
    plans: list[str] | None, plan_id: str | None, country: str | None = None
) -> list[Plan]:
    """The valid plans, narrowed to ``plan_id`` and ``country`` when given (exit 2 for an
    unknown id or country)."""
    from napctl.plans import QueryError, select_country, select_plans  # lazy: start-up

    corpus = load_valid(plans, plan_id)
    try:
        return select_country(select_plans([p.plan for p in corpus.plans], plan_id), country)
    except QueryError as exc:
        fail_usage(str(exc))


def only_plan(chosen: Sequence[Plan]) -> Plan:
    """The one plan of ``chosen``, or a usage error naming them all."""
    if len(chosen) > 1:
        fail_usage(f"several plans found: pick one with --plan ({', '.join(p.id for p in chosen)})")
    return chosen[0]


def output(
    shape: str, fmt: str, data: Any, *, rich: Callable[[Any], None], plain: Callable[[Any], str]
) -> None:
    """``table``: rich on a terminal, stable plain text when piped; else the format's writer."""
    if fmt != "table":
        sys.stdout.write(writer(shape, fmt)(data))
    elif _to_terminal():
        rich(data)
    else:
        sys.stdout.write(plain(data))


def emit(text: str, output: Path | None) -> None:
    """``text`` to stdout, or written atomically to ``output`` (exit 2 when it cannot be)."""
    if output is None:
        sys.stdout.write(text)
        return
    write_output(output, text)


def say_which_actors(plans: Sequence[Plan], actors: Sequence[str], plan_id: str | None) -> None:
    """On stderr, which department a word or prefix was taken for ("Police" -> ...)."""
    from napctl.plans import QueryError, resolve_actor, select_plans  # lazy: start-up
    from napctl.plans.lookup import WordMatch, describe_match  # lazy: start-up

    try:
        scope = select_plans(plans, plan_id)
        for actor in actors:
            for match in resolve_actor(scope, actor):
                if match.by_word is not None:
                    found = WordMatch(match.plan, match.named[0], match.by_word)
                    sys.stderr.write(f"napctl: '{actor}' is {describe_match(found)}\n")
    except QueryError:
        pass  # the query itself reports it


def write_output(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (missing folders are created), or exit 3 saying why not."""
    from napctl.core.fsutil import atomic_write  # lazy: start-up (~10 ms)

    try:
        atomic_write(path, text)
    except (FileExistsError, NotADirectoryError):
        sys.stderr.write(
            f"napctl: error: cannot write {path}: a file stands where its folder must be\n"
        )
        raise typer.Exit(EXIT_IO) from None
    except OSError as exc:
        sys.stderr.write(f"napctl: error: cannot write {path}: {exc.strerror or exc}\n")
        raise typer.Exit(EXIT_IO) from None


def write_json(data: object) -> None:
    sys.stdout.write(json_text(data))
