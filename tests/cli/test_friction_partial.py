"""Issue 19: one invalid plan file does not block questions about the valid ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import EXAMPLES, PLANS

BROKEN = EXAMPLES / "negative" / "unknown-field.yaml"


def _plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(PLANS / "lu-2018-2023.yaml", folder)
    shutil.copy(BROKEN, folder / "new-country.yaml")
    return folder


def test_asked_for_valid_plan_answers_and_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    folder = _plans(tmp_path)
    result = runner.invoke(
        app,
        [
            "actions",
            "--plans",
            str(folder),
            "--plan",
            "lu-2018-2023",
            "--actor",
            "MAEE D5",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert '"id": "I.3.1"' in result.stdout
    broken = folder / "new-country.yaml"
    assert result.stderr == (
        f"napctl: skipped {broken}: 1 problem; `napctl validate {broken}` shows them\n"
    )


def test_without_plan_answers_from_valid_plans_then_exits_1(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _plans(tmp_path)
    result = runner.invoke(app, ["show", "--plans", str(folder), "I.1.1"])
    assert result.exit_code == 1
    assert "I.1.1" in result.stdout
    assert "napctl: skipped" in result.stderr
    assert "NAP201" not in result.stderr  # summarised, not listed


def test_asking_for_a_plan_that_is_not_valid_lists_the_problems(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _plans(tmp_path)
    result = runner.invoke(app, ["matrix", "--plans", str(folder), "--plan", "xx-2020-2024"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "NAP201 unknown field 'contry'" in result.stderr
    assert result.stderr.endswith(
        "napctl: the plans are invalid; run `napctl validate` for details\n"
    )
