"""A year with no progress files is "no reports yet", never 0 % (issue 26)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from napctl.cli import app
from napctl.render.progress_report import report_context
from tests.conftest import PLANS, ROOT

EXAMPLE = ROOT / "examples" / "progress"
PLAN = "lu-2018-2023"
COMMON = ["--plans", str(PLANS), "--progress", str(EXAMPLE)]


def test_status_of_a_year_without_files(runner: CliRunner) -> None:
    result = runner.invoke(app, ["status", *COMMON, "--plan", PLAN, "--year", "2019"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"{PLAN} 2019: 55 actions (no reports yet)"
    assert "No reports yet for 2019: 206 reports due." in result.stdout
    data = json.loads(
        runner.invoke(
            app, ["status", *COMMON, "--plan", PLAN, "--year", "2019", "-f", "json"]
        ).stdout
    )
    assert data["reports_yet"] is False
    data = json.loads(
        runner.invoke(
            app, ["status", *COMMON, "--plan", PLAN, "--year", "2020", "-f", "json"]
        ).stdout
    )
    assert "reports_yet" not in data  # a year with files: as before


def test_midterm_report_says_no_reports_yet(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["render", "report", *COMMON, "--plan", PLAN, "--year", "2020", "--shape", "midterm"]
    )
    assert result.exit_code == 0, result.output
    assert "| 2019 | 55 | 55 | 0 | 0 | 0 | 0 | 0 | 0 | no reports yet |" in result.stdout
    assert "| 2020 | 55 | 33 | 2 | 14 | 4 | 2 | 0 | 0 | 4 % |" in result.stdout


def test_dashboard_says_no_reports_yet(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "d.html"
    result = runner.invoke(
        app, ["render", "dashboard", *COMMON, "--plan", PLAN, "--year", "2021", "-o", str(page)]
    )
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "No reports yet for 2021." in html
    assert (
        '<tr data-year="2021"><td>2021</td><td class="n">55</td><td class="n" colspan="2"'
        " data-no-reports>no reports yet</td></tr>" in html
    )
    assert '<tr data-year="2020"><td>2020</td><td class="n">55</td><td class="n">22 (40 %)' in html
    assert ">no reports</text>" in html


def test_the_context_counts_files_per_year() -> None:
    from napctl.load.corpus import load_corpus, load_progress

    plan = next(p.plan for p in load_corpus([str(PLANS)]).plans if p.plan.id == PLAN)
    reports = [r.report for r in load_progress([EXAMPLE], [plan]).reports]
    context = report_context(plan, reports, [2019, 2020], date=None)
    assert [(y["year"], y["files"]) for y in context["per_year"]] == [(2019, 0), (2020, 4)]
    assert context["files"] == 4
