"""What the commands share: options, usage errors, loading valid plans, printing output."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from napctl.output.writers import formats, json_text

if TYPE_CHECKING:
    from napctl.load.corpus import Corpus
    from napctl.model import Plan


EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3
#: A bug in napctl itself (EX_SOFTWARE): never the plans' fault, nor the user's.
EXIT_INTERNAL = 70

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


PlanOption = Annotated[
    str | None, typer.Option("--plan", "-p", help="Only this plan (its id).", show_default=False)
]




def choice(name: str, values: Sequence[str]) -> type[StrEnum]:
    """An enum of ``values`` for a --format option (typer offers an enum's values)."""
    return StrEnum(name, {v: v for v in values})  # type: ignore[return-value]


if TYPE_CHECKING:  # what mypy needs to know of the enums built below
    class ActionFormat(StrEnum):
        table = "table"

    class MatrixFormat(StrEnum):
        table = "table"

    class DataFormat(StrEnum):
        table = "table"
        json = "json"

    class ProblemFormat(StrEnum):
        text = "text"

    class DiffFormat(StrEnum):
        text = "text"
else:
    ActionFormat = choice("ActionFormat", formats("actions"))
    MatrixFormat = choice("MatrixFormat", formats("matrix"))
    DataFormat = choice("DataFormat", formats("records"))
    ProblemFormat = choice("ProblemFormat", formats("problems", table=False))
    DiffFormat = choice("DiffFormat", formats("diff", table=False))


class UNPillarChoice(StrEnum):
    participation = "participation"
    prevention = "prevention"
    protection = "protection"
    relief_and_recovery = "relief-and-recovery"


def fail_usage(message: str) -> NoReturn:
    from napctl.output.escape import printable

    sys.stderr.write(f"napctl: error: {printable(message)}\n")
    raise typer.Exit(EXIT_USAGE)


def io_message(exc: OSError | UnicodeError) -> str:
    """One line for an output napctl could not write (a file, or stdout/stderr)."""
    if isinstance(exc, UnicodeEncodeError):
        return (f"the output encoding ({exc.encoding}) cannot hold the text; use a UTF-8"
                " locale or set PYTHONIOENCODING=utf-8")
    if isinstance(exc, UnicodeError):
        return f"cannot handle the text: {exc}"
    reason = exc.strerror or type(exc).__name__
    where = exc.filename
    if where is None:
        return f"cannot write the output: {reason}"
    from napctl.output.escape import printable

    return f"cannot write {printable(os.fsdecode(where))}: {reason}"


def fail_io(exc: OSError | UnicodeError) -> NoReturn:
    """Exit 3 with one line: the output could not be written."""
    sys.stderr.write(f"napctl: error: {io_message(exc)}\n")
    raise typer.Exit(EXIT_IO)


def _to_terminal() -> bool:
    return sys.stdout.isatty()


def load_valid(plans: list[str] | None) -> Corpus:
    """The plans, or exit 1 with the validator's messages (2 for a missing path)."""
    from napctl.load.corpus import load_corpus
    from napctl.load.discover import PathNotFound

    try:
        corpus = load_corpus(plans or [], use_cache=True)
    except PathNotFound as exc:
        fail_usage(f"no such file or folder: {exc}")
    if not corpus.ok:
        from napctl.problems.reporters import as_text

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


def output(shape: str, fmt: str, data: Any, *, rich: Callable[[Any], None],
           plain: Callable[[Any], str]) -> None:
    """``table``: rich on a terminal, stable plain text when piped; else the format's writer."""
    if fmt != "table":
        from napctl.output.writers import writer

        sys.stdout.write(writer(shape, fmt)(data))
    elif _to_terminal():
        rich(data)
    else:
        sys.stdout.write(plain(data))


def write_json(data: object) -> None:
    sys.stdout.write(json_text(data))


