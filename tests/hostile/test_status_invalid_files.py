"""Variants of "one invalid progress file silences everyone" (issue 26).

Whatever makes one file unusable (bad YAML, not UTF-8, a FIFO, a name with
control characters, a duplicate department), `status` answers for the others,
names it through printable(), and exits 1, without a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT

PLAN = "lu-2018-2023"


def _status(runner: CliRunner, progress: Path) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(
        app,
        [
            "status",
            "--plans",
            str(PLANS),
            "--progress",
            str(progress),
            "--plan",
            PLAN,
            "--year",
            "2020",
            "-f",
            "json",
        ],
    )
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout), result.stderr


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    folder = tmp_path / "progress"
    shutil.copytree(ROOT / "examples" / "progress", folder)
    return folder


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sre.yaml", b"plan: [unclosed\n"),
        ("sre.yaml", b"\xff\xfe not text\n"),
        ("sre.yaml", b"plan: lu-2018-2023\nyear: 2020\ndepartment: SRE\nactions: 7\n"),
        ("bad\x1b[31m::error.yaml", b"plan: lu-2018-2023\nyear: 2020\ndepartment: SRE\n"),
    ],
)
def test_one_bad_file_leaves_the_others_counted(
    runner: CliRunner, progress: Path, name: str, content: bytes
) -> None:
    folder = progress / PLAN / "2020"
    (folder / name).write_bytes(content)
    code, data, err = _status(runner, progress)
    assert code == 1
    by_id = {a["id"]: a for a in data["actions"]}  # type: ignore[attr-defined]
    assert by_id["II.4.1"]["status"] == "completed"  # MEGA and MAEE D5 still count
    assert len(data["invalid"]) >= 1  # type: ignore[arg-type]
    assert "\x1b" not in err and "\n::error" not in err
    assert "not counted" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_among_the_reports_is_named_not_waited_for(
    runner: CliRunner, progress: Path
) -> None:
    os.mkfifo(progress / PLAN / "2020" / "zz.yaml")
    code, data, _ = _status(runner, progress)
    assert code in (0, 1)  # skipped or named: never a hang
    assert data["plan"] == PLAN


def test_every_file_invalid_is_exit_1_not_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / PLAN / "2020"
    folder.mkdir(parents=True)
    (folder / "sre.yaml").write_text("plan: [\n", encoding="utf-8")
    result = runner.invoke(
        app, ["status", "--plans", str(PLANS), "--progress", str(tmp_path), "--plan", PLAN]
    )
    assert result.exit_code == 1
    assert "no valid progress reports for plan 'lu-2018-2023'" in result.stderr
