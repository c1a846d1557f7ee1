"""Issue 19: one error style for the whole CLI, Click's own usage errors included."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["actions", "--plans", str(PLANS), "--un-pillar", "Prevent"],
            "napctl: error: Invalid value for '--un-pillar': 'Prevent' is not one of"
            " 'participation', 'prevention', 'protection', 'relief-and-recovery';"
            " see 'napctl actions --help'\n",
        ),
        (
            ["render", "checklist", "--plans", str(PLANS)],
            "napctl: error: Missing option '--actor' / '-a';"
            " see 'napctl render checklist --help'\n",
        ),
        (
            ["actions", "--plans", str(PLANS), "--actor", "nobody-at-all"],
            "napctl: error: unknown actor 'nobody-at-all'; `napctl actors` lists the departments\n",
        ),
    ],
)
def test_every_usage_error_is_one_napctl_line(
    runner: CliRunner, args: list[str], expected: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == expected


def test_an_unknown_option_is_one_napctl_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actions", "--bogus"])
    assert result.exit_code == 2
    # Click's own words vary by release ("No such option: --bogus", "... '--bogus'").
    assert re.fullmatch(
        r"napctl: error: No such option.{1,4}--bogus'?; see 'napctl actions"
        r" --help'\n",
        result.stderr,
    )


def test_un_pillar_ignores_case(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["actions", "--plans", str(PLANS), "--plan", "lu-2018-2023", "--un-pillar", "Prevention"],
    )
    assert result.exit_code == 0, result.stderr
    assert "II.1.1" in result.stdout


def test_the_installed_entry_point_speaks_the_same_way() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "napctl", "matrix", "--format", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("napctl: error: Invalid value for '--format' / '-f'")
    assert "Traceback" not in done.stderr
