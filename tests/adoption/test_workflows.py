"""The workflows the docs show (docs/workflows/*.yml), run here as a runner would run them,
in a scratch repository made from napctl's example data: each step as written, napctl
installed from its repository at the pinned tag (git reads the tested source instead of
GitHub), so a recipe cannot rot. Failures that the recipes must report are in test_action.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.adoption.conftest import MakeRunner, recipe
from tests.adoption.scratch import YEAR, napctl, plan_repository

pytestmark = pytest.mark.recipes


def test_plans_workflow_passes_on_a_repository_of_year_checklists(
    tmp_path: Path, make_runner: MakeRunner
) -> None:
    repo = tmp_path / "plans-repo"
    plan_repository(repo)
    jobs = make_runner(repo, "push").run_workflow(recipe("plans.yml"))
    job = jobs["plans"]
    assert job.result == "success", job.output
    assert [s.outcome for s in job.steps] == ["success"] * len(job.steps)
    assert "27 files are up to date" in job.output
    # What the README's job used to run, a check without --year, no longer fails a
    # repository of year checklists (nothing would be lost): it says how to check them.
    plain = napctl("checklists", "--out", "checklists/", "--check", cwd=repo, code=0)
    assert f"rendered for {YEAR}; nothing in it to import" in plain.stdout


def test_monitoring_workflow_on_each_of_its_events(tmp_path: Path, make_runner: MakeRunner) -> None:
    repo = tmp_path / "monitoring-repo"
    # The checklists as the monitoring cycle writes them at the start of the year.
    plan_repository(repo, checklists=["--plan", "lu-2018-2023"])
    workflow = recipe("monitoring.yml")

    # The Monday reminder is red while reports are missing, and says who owes what.
    monday = make_runner(repo, "schedule").run_workflow(workflow)
    assert monday["check"].result == "skipped" and monday["reports"].result == "skipped"
    reminder = monday["reminders"]
    assert reminder.result == "failure"
    assert f"reports missing for lu-2018-2023 {YEAR}" in reminder.output
    assert "| MAEE D1 | 23 |" in reminder.output or "MAEE D1" in reminder.output

    artifacts: dict[str, Path] = {}
    push = make_runner(repo, "push", artifacts=artifacts).run_workflow(workflow)
    assert push["check"].result == "success" and push["reminders"].result == "skipped"
    assert push["reports"].result == "success", push["reports"].output
    site = artifacts["reports"]
    report = (site / "report.html").read_text("utf-8")
    dashboard = (site / "dashboard.html").read_text("utf-8")
    assert report.startswith("<!DOCTYPE html>") and "lu-2018-2023" in report
    assert "<script" not in dashboard and 'data-completed="' in dashboard
