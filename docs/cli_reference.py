"""Writes docs/cli.md from the commands' own --help, so the reference cannot drift.

Run from the repository root: python docs/cli_reference.py
(tests/test_docs.py fails when docs/cli.md differs from what this writes).
"""

from __future__ import annotations

import sys
from pathlib import Path

from napctl.cli import command_for
from napctl.cli.help import help_text

COMMANDS = [
    [],
    ["validate"],
    ["schema"],
    ["actions"],
    ["actors"],
    ["plans"],
    ["show"],
    ["matrix"],
    ["render"],
    ["render", "report"],
    ["render", "checklist"],
    ["render", "dashboard"],
    ["checklists"],
    ["diff"],
    ["progress"],
    ["progress", "init"],
    ["progress", "import"],
    ["status"],
    ["review"],
    ["new"],
    ["import"],
    ["export"],
]
TARGET = Path(__file__).parent / "cli.md"


def reference() -> str:
    parts = [
        "# Command-line reference\n\n"
        "Generated from `--help` by `python docs/cli_reference.py`; do not edit by hand.\n"
    ]
    command = command_for([])
    for path in COMMANDS:
        title = " ".join(["napctl", *path])
        text = help_text(command, path).strip("\n")
        body = "\n".join(line.rstrip() for line in text.splitlines())
        parts.append(f"\n## `{title}`\n\n```text\n{body}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    TARGET.write_text(reference(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")
