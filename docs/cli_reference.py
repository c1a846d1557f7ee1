"""Writes docs/cli.md from the commands' own --help, so the reference cannot drift.

Run from the repository root: python docs/cli_reference.py
(tests/test_docs.py fails when docs/cli.md differs from what this writes).
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from napctl.cli import app

COMMANDS = [
    [], ["validate"], ["schema"], ["actions"], ["actors"], ["plans"], ["show"], ["matrix"],
    ["render"], ["render", "report"], ["render", "checklist"], ["checklists"],
    ["new"], ["import"], ["export"],
]
TARGET = Path(__file__).parent / "cli.md"


def typer_version() -> str:
    from importlib.metadata import version

    return version("typer")


def reference() -> str:
    runner = CliRunner()
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    parts = [
        "# Command-line reference\n\n"
        "Generated from `--help` by `python docs/cli_reference.py`; do not edit by hand.\n"
        f"Rendered by typer {typer_version()}.\n"
    ]
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "--help"], env=env, color=False)
        if result.exit_code != 0:
            raise SystemExit(f"napctl {' '.join(command)} --help failed: {result.output}")
        title = " ".join(["napctl", *command])
        body = "\n".join(line.rstrip() for line in result.stdout.strip("\n").splitlines())
        parts.append(f"\n## `{title}`\n\n```text\n{body}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    TARGET.write_text(reference(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")
