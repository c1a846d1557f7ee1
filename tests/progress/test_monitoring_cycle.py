"""docs/monitoring-cycle.md runs exactly as written (issue 26).

Each ``$ `` line of the page's console block is run in a scratch repository:
napctl through CliRunner, anything else (git, sed: what a person does in an
editor) through bash. Each line shown under a command must be one of the lines
it printed, and it must exit as the page says (``# exit N``, else 0).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT

PAGE = ROOT / "docs" / "monitoring-cycle.md"
_EXIT = re.compile(r"#\s*exit (\d+)\s*$")


def steps() -> list[tuple[str, list[str]]]:
    """(command, lines shown under it) of the page's one console block."""
    text = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", text, re.S)
    assert len(blocks) == 1, "the page holds one console block"
    found: list[tuple[str, list[str]]] = []
    for line in blocks[0].splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif line and not line.startswith("#") and line != "...":
            found[-1][1].append(line)
    return found


def run_step(runner: CliRunner, command: str) -> tuple[int, list[str]]:
    if command.startswith("napctl "):
        result = runner.invoke(app, shlex.split(command, comments=True)[1:])
        assert "Traceback" not in result.output, result.output
        return result.exit_code, (result.stdout + result.stderr).splitlines()
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    return done.returncode, (done.stdout + done.stderr).splitlines()


@pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("sed") is None, reason="git and sed are needed"
)
def test_the_monitoring_cycle_runs_as_written(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, value in {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": "/dev/null",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("NAPCTL_PROGRESS", raising=False)
    (tmp_path / "plans").mkdir()
    shutil.copy(PLANS / "lu-2018-2023.yaml", tmp_path / "plans")
    ran = steps()
    assert [c.split()[:3] for c in (c for c, _ in ran) if c.startswith("napctl")][-3:] == [
        ["napctl", "progress", "migrate"],
        ["napctl", "progress", "migrate"],
        ["napctl", "validate"],
    ]
    for command, shown in ran:
        code, printed = run_step(runner, command)
        wanted = _EXIT.search(command)
        assert code == (int(wanted.group(1)) if wanted else 0), (command, printed)
        for line in shown:
            assert line in printed, (command, line, printed)
    # The amendment was carried over: the report of III.4.2 is now III.4.5's.
    report = (tmp_path / "progress" / "lu-2018-2023" / "2021" / "maee-d5.yaml").read_text(
        encoding="utf-8"
    )
    assert "- id: III.4.5\n    status: completed\n    summary: Two projects funded." in report
