"""napctl's GitHub Action (action.yml), run step by step as a runner runs a composite action:
from the recipe docs/workflows/napctl-action.yml, and with each of its checks and inputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.adoption.conftest import MakeRunner, recipe
from tests.adoption.scratch import YEAR, commit_all, git, napctl, plan_repository

pytestmark = pytest.mark.recipes


@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """RUNNER_TEMP shared by this module's jobs, as if one machine ran them: the action
    installs napctl in the first job and finds it there in the next (on GitHub each job
    starts with an empty RUNNER_TEMP, and installs)."""
    return tmp_path_factory.mktemp("runner-temp")


def action_workflow(**inputs: Any) -> dict[str, Any]:
    return {
        "on": ["push", "pull_request"],
        "jobs": {
            "napctl": {
                "steps": [
                    {"uses": "actions/checkout@v4"},
                    {
                        "uses": recipe("napctl-action.yml")["jobs"]["napctl"]["steps"][1]["uses"],
                        "with": inputs,
                    },
                ]
            }
        },
    }


def pull_request(tmp_path: Path) -> tuple[Path, str]:
    """A pull request changing one action of the plan (and its checklists, as the
    checklists check asks): the origin repository and a shallow clone of the head, as
    actions/checkout leaves it. Returns the clone and the base commit."""
    base_repo = tmp_path / "author"
    base = plan_repository(base_repo)
    plan = base_repo / "plans" / "lu-2018-2023.yaml"
    text = plan.read_text("utf-8")
    old = "Career guidance initiatives"
    assert old in text
    plan.write_text(text.replace(old, "Career guidance and mentoring initiatives", 1), "utf-8")
    napctl("checklists", "--out", "checklists/", "--year", YEAR, cwd=base_repo)
    git("checkout", "-q", "-b", "mentoring", cwd=base_repo)
    commit_all(base_repo, "I.3.1: mentoring too")
    origin = tmp_path / "origin.git"
    git("clone", "-q", "--bare", str(base_repo), str(origin), cwd=tmp_path)
    git("config", "uploadpack.allowReachableSHA1InWant", "true", cwd=origin)  # as GitHub
    workspace = tmp_path / "workspace"
    git(
        "clone",
        "-q",
        "--depth",
        "1",
        "--branch",
        "mentoring",
        origin.as_uri(),
        str(workspace),
        cwd=tmp_path,
    )
    assert git("rev-list", "--count", "HEAD", cwd=workspace) == "1"  # no base commit here
    return workspace, base


def test_recipe_on_a_pull_request_shows_the_semantic_diff(
    tmp_path: Path, make_runner: MakeRunner, machine: Path
) -> None:
    workspace, base = pull_request(tmp_path)
    event = {"pull_request": {"base": {"sha": base}, "head": {"ref": "mentoring"}}}
    runner = make_runner(workspace, "pull_request", event=event, runner_temp=machine)
    job = runner.run_workflow(recipe("napctl-action.yml"))["napctl"]
    assert job.result == "success", job.output
    assert job.step("napctl validate").outcome == "success"
    assert job.step("napctl checklists").outcome == "success"
    assert job.step("napctl status").outcome == "skipped"  # not asked for
    summary = job.summary
    assert "## Changed plans" in summary and f"{base}:plans/lu-2018-2023.yaml" in summary
    assert "I.3.1" in summary and "mentoring" in summary, summary


def test_each_check_runs_and_reports_even_after_one_fails(
    tmp_path: Path, make_runner: MakeRunner, machine: Path
) -> None:
    repo = tmp_path / "repo"
    plan_repository(repo)
    report = repo / "progress" / "lu-2018-2023" / YEAR / "sre.yaml"
    report.write_text(
        report.read_text("utf-8").replace("status: ongoing", "status: ongoin", 1), "utf-8"
    )
    commit_all(repo, "A typo")
    workflow = action_workflow(year=int(YEAR), check="validate, status, checklists", diff="true")
    job = make_runner(repo, "push", runner_temp=machine).run_workflow(workflow)["napctl"]
    assert job.result == "failure"
    validate = job.step("napctl validate")
    assert validate.outcome == "failure"
    assert f"::error file=progress/lu-2018-2023/{YEAR}/sre.yaml,line=" in validate.output
    assert "did you mean 'ongoing'" in validate.output
    # status and checklists still ran: every answer in one run.
    assert job.step("napctl status").outcome == "failure"
    assert job.step("napctl checklists").outcome != "skipped"
    assert job.step("Semantic diff").outcome == "skipped"  # a push, not a pull request
    # status answers for the valid reports and names the invalid one it left out.
    assert "## Progress reports" in job.summary, job.summary
    assert "Not counted: 1 invalid progress file" in job.summary, job.summary
    assert f"progress/lu-2018-2023/{YEAR}/sre.yaml" in job.summary


def test_status_and_checklists_pass_on_a_complete_year(
    tmp_path: Path, make_runner: MakeRunner, machine: Path
) -> None:
    repo = tmp_path / "repo"
    plan_repository(repo, checklists=None)
    napctl("progress", "init", "--plan", "lu-2018-2023", "--year", YEAR, cwd=repo)
    for report in (repo / "progress" / "lu-2018-2023" / YEAR).glob("*.yaml"):
        report.write_text(
            report.read_text("utf-8").replace("status: not-reported", "status: not-started"),
            "utf-8",
        )
    napctl("checklists", "--out", "lists", "--year", YEAR, cwd=repo)
    commit_all(repo, "Every department has reported")
    workflow = action_workflow(
        year=YEAR,
        check="status checklists",
        checklists="lists",
        plans="plans/lu-2018-2023.yaml",
        progress="progress",
    )
    job = make_runner(repo, "push", runner_temp=machine).run_workflow(workflow)["napctl"]
    assert job.result == "success", job.output
    assert job.step("napctl validate").outcome == "skipped"
    assert "| MAEE D1 | 23 | 23 | 0 | 0 | 0 |" in job.summary, job.summary


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"check": "validate, lint"}, "unknown check 'lint'"),
        ({"year": "21"}, "year must be a year such as 2021"),
    ],
)
def test_bad_inputs_fail_before_anything_is_installed(
    inputs: dict[str, str], message: str, tmp_path: Path, make_runner: MakeRunner
) -> None:
    repo = tmp_path / "repo"
    plan_repository(repo, checklists=None)
    job = make_runner(repo, "push").run_workflow(action_workflow(**inputs))["napctl"]
    assert job.result == "failure"
    assert f"::error title=napctl::{message}" in job.step("Read the inputs").output
    assert job.step("Install napctl").outcome == "skipped"
    assert job.step("napctl validate").outcome == "skipped"
