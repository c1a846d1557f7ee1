"""One invalid progress file no longer silences `status`, reports or the dashboard (issue 26).

They answer for the valid files, name the invalid ones with their positioned
problems, and exit 1.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus, load_progress
from napctl.progress.status import plan_status
from tests.conftest import PLANS, ROOT

EXAMPLE = ROOT / "examples" / "progress"
PLAN = "lu-2018-2023"


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    """The example reports, SRE's amended so that it names an action the plan lacks."""
    folder = tmp_path / "progress"
    shutil.copytree(EXAMPLE, folder)
    sre = folder / PLAN / "2020" / "sre.yaml"
    text = sre.read_text(encoding="utf-8")
    sre.write_text(text.replace("- id: II.1.1\n", "- id: II.1.99\n", 1), encoding="utf-8")
    return folder


def _sre_line(progress: Path) -> int:
    lines = (progress / PLAN / "2020" / "sre.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "II.1.99" in line)


def test_status_answers_for_the_valid_files(runner: CliRunner, progress: Path) -> None:
    result = runner.invoke(
        app, ["status", "--plans", str(PLANS), "--progress", str(progress), "--format", "json"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["plan"], data["year"]) == (PLAN, 2020)
    by_id = {a["id"]: a for a in data["actions"]}
    # MEGA and MAEE D5 still count: II.4.1 is completed by both (as with SRE valid).
    assert by_id["II.4.1"]["status"] == "completed"
    assert data["invalid"] == [f"{progress}/{PLAN}/2020/sre.yaml"]
    line = _sre_line(progress)
    assert f"sre.yaml:{line}:" in result.stderr and "NAP404" in result.stderr
    assert "1 invalid progress file not counted" in result.stderr
    assert "Traceback" not in result.output


def test_status_table_names_the_files_left_out(runner: CliRunner, progress: Path) -> None:
    result = runner.invoke(app, ["status", "--plans", str(PLANS), "--progress", str(progress)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{PLAN} 2020: 55 actions")
    assert "Not counted: 1 invalid progress file" in result.stdout
    assert "sre.yaml" in result.stdout.split("Not counted:", 1)[1]


def test_dashboard_is_written_and_exits_1(
    runner: CliRunner, progress: Path, tmp_path: Path
) -> None:
    page = tmp_path / "dashboard.html"
    result = runner.invoke(
        app,
        [
            "render",
            "dashboard",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--plans",
            str(PLANS),
            "--progress",
            str(progress),
            "--output",
            str(page),
        ],
    )
    assert result.exit_code == 1
    assert "<html" in page.read_text(encoding="utf-8")
    assert "NAP404" in result.stderr and "sre.yaml" in result.stderr


@pytest.mark.parametrize("shape", ["annual", "midterm"])
def test_reports_are_written_and_exit_1(runner: CliRunner, progress: Path, shape: str) -> None:
    result = runner.invoke(
        app,
        [
            "render",
            "report",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--shape",
            shape,
            "--plans",
            str(PLANS),
            "--progress",
            str(progress),
        ],
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("#") and "NAP404" in result.stderr


def test_checklists_stay_strict(runner: CliRunner, progress: Path, tmp_path: Path) -> None:
    # A checklist rendered without SRE's file would show its items blank: refused.
    result = runner.invoke(
        app,
        [
            "checklists",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--plans",
            str(PLANS),
            "--progress",
            str(progress),
            "--out",
            str(tmp_path / "lists"),
        ],
    )
    assert result.exit_code == 1 and "NAP404" in result.stderr
    assert not (tmp_path / "lists").exists()


def test_the_library_names_the_files_left_out(progress: Path) -> None:
    plans = load_corpus([str(PLANS)]).plans
    plan = next(p.plan for p in plans if p.plan.id == PLAN)
    corpus = load_progress([progress], [plan])
    assert not corpus.ok
    assert [Path(f).name for f in corpus.invalid_files()] == ["sre.yaml"]
    assert sorted(r.report.department for r in corpus.reports) == ["Justice", "MAEE D5", "MEGA"]
    result = plan_status(
        plan, [r.report for r in corpus.reports], [2020], invalid=corpus.invalid_files()
    )
    assert result.invalid == corpus.invalid_files() and result.files == 3


def test_the_pages_say_what_they_left_out(
    runner: CliRunner, progress: Path, tmp_path: Path
) -> None:
    # A reader of the page never sees stderr: the page itself names the file left out.
    page = tmp_path / "dashboard.html"
    runner.invoke(
        app,
        [
            "render",
            "dashboard",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--plans",
            str(PLANS),
            "--progress",
            str(progress),
            "-o",
            str(page),
        ],
    )
    html = page.read_text(encoding="utf-8")
    assert (
        '<p class="invalid" data-invalid="1"><strong>Not counted</strong>: 1 invalid'
        f" progress file (<code>{progress}/{PLAN}/2020/sre.yaml</code>)" in html
    )
    result = runner.invoke(
        app,
        [
            "render",
            "report",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--plans",
            str(PLANS),
            "--progress",
            str(progress),
        ],
    )
    assert "**Not counted**: 1 invalid progress file (" in result.stdout
    assert "sre.yaml); run `napctl validate` for their problems." in result.stdout
