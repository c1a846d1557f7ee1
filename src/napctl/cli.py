"""The command line: each command parses options and calls plain functions.

Exit codes (stable, documented in the README):
  0  success
  1  the plans are invalid (problems printed), or `--check` found stale files
  2  usage error: bad option, unknown plan, actor or id, missing path
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from napctl import __version__

app = typer.Typer(
    name="napctl",
    help="Check, query and report on Women, Peace and Security National Action Plans.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
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
    int, typer.Option("--max-bytes", help="Refuse plan files larger than this.", min=1)
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
    max_bytes: MaxBytesOption = 50 * 1024 * 1024,
) -> None:
    """Check plan files; print every problem as file:line:col: CODE message."""
    from napctl.corpus import load_corpus
    from napctl.discover import PathNotFound
    from napctl.reporters import REPORTERS, summary

    try:
        corpus = load_corpus([*(paths or []), *(plans or [])], max_bytes=max_bytes)
    except PathNotFound as exc:
        fail_usage(f"no such file or folder: {exc}")
    if not corpus.files:
        fail_usage("no plan files found (*.yaml, *.yml)")
    sys.stdout.write(REPORTERS[fmt.value](corpus.problems))
    sys.stderr.write(summary(corpus.problems, len(corpus.files)) + "\n")
    raise typer.Exit(EXIT_OK if corpus.ok else EXIT_INVALID)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of plan files (for editors and other validators)."""
    from napctl.schema import schema_json

    text = schema_json()
    if output is None:
        sys.stdout.write(text)
    else:
        from napctl.fsutil import atomic_write

        atomic_write(output, text)


def main() -> None:
    app()
