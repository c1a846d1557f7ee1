"""Writers by format, per output shape: the one list each command's --format comes from.

A shape ("actions", "matrix", "records") has one record builder (its module's
``*_record(s)`` function) and a writer per format. The names are listed here
without importing the writers, so the command line can offer its choices at
start-up for free; ``writer`` imports one when it is used.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable

#: shape -> format -> "module:function" (``table`` is the terminal view, see napctl.cli).
WRITERS: dict[str, dict[str, str]] = {
    "actions": {
        "json": "napctl.output.actions:as_json",
        "csv": "napctl.output.actions:as_csv",
        "yaml": "napctl.output.actions:as_yaml",
        "md": "napctl.output.actions:as_markdown",
    },
    "matrix": {
        "json": "napctl.output.views:matrix_json",
        "csv": "napctl.output.views:matrix_csv",
        "md": "napctl.output.views:matrix_md",
    },
    # (diff, old side, new side, actor) -> text
    "diff": {
        "text": "napctl.output.diff:as_plain",
        "md": "napctl.output.diff:as_markdown",
        "json": "napctl.output.diff:as_json",
    },
    # problems: text, JSON, GitHub workflow annotations
    "problems": {
        "text": "napctl.output.problems:as_text",
        "json": "napctl.output.problems:as_json",
        "github": "napctl.output.problems:as_github",
    },
    # napctl review: findings (Review) -> text
    "review": {
        "text": "napctl.output.review:as_text",
        "json": "napctl.output.review:as_json",
        "github": "napctl.output.review:as_github",
        "md": "napctl.output.review:as_md",
        "html": "napctl.output.review:as_html",
    },
    # napctl review --summary: the scorecard only
    "review-summary": {
        "text": "napctl.output.review:scorecard_text",
        "json": "napctl.output.review:scorecard_json",
        "md": "napctl.output.review:scorecard_md",
    },
    # plans, actors, show: records as JSON, text for people
    "records": {"json": "napctl.output.writers:json_text"},
}


def formats(shape: str, *, table: bool = True) -> tuple[str, ...]:
    """The --format choices of a command printing ``shape``: table first, when it has one."""
    return (*(("table",) if table else ()), *WRITERS[shape])


def writer(shape: str, fmt: str) -> Callable[..., str]:
    module, name = WRITERS[shape][fmt].split(":")
    func: Callable[..., str] = getattr(importlib.import_module(module), name)
    return func


def json_text(data: object) -> str:
    """JSON as napctl prints it: indented, UTF-8 kept, a final newline.

    JSON escapes C0 controls itself; C1 controls, bidi overrides, invisible
    characters and lone surrogates are written as ``\\uXXXX`` too (they can only
    be inside strings), so JSON on a terminal cannot forge output either.
    """
    from napctl.core.escape import JSON_UNSAFE

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
