"""`napctl schema`: the JSON Schema of plan files or progress reports."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from napctl.cli.options import write_output
from napctl.cli.startup import app


class SchemaKind(StrEnum):
    plan = "plan"
    progress = "progress"
    assessment = "assessment"


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    kind: Annotated[
        SchemaKind,
        typer.Option("--kind", help="Which files: plans, progress reports or assessments."),
    ] = SchemaKind.plan,
) -> None:
    """Print the JSON Schema of plan files (for editors and other validators)."""
    from napctl.model.schema import kind_schema_json  # lazy: start-up (pydantic)

    text = kind_schema_json(kind.value)
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text)
