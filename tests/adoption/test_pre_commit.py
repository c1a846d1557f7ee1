"""pre-commit runs napctl's hooks (.pre-commit-hooks.yaml) on a scratch repository: the
hooks as napctl declares them, offline, and the docs' .pre-commit-config.yaml as a plan
repository writes it (pre-commit clones napctl at the pinned tag, from the tested source)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.adoption.conftest import Source
from tests.adoption.scratch import (
    NAPCTL,
    ROOT,
    YEAR,
    commit_all,
    git,
    napctl,
    plan_repository,
    run,
)

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None,
    reason="pre-commit is not installed (pip install -e '.[test]')",
)

HOOKS: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())


def pre_commit(repo: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args],
        repo,
        env={"PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), **(env or {})},
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def break_files(repo: Path) -> None:
    report = repo / "progress" / "lu-2018-2023" / YEAR / "sre.yaml"
    report.write_text(
        report.read_text("utf-8").replace("status: ongoing", "status: ongoin", 1), "utf-8"
    )
    git("add", "-A", cwd=repo)


def test_the_hooks_cover_plans_and_progress_reports() -> None:
    assert [h["id"] for h in HOOKS] == ["napctl-validate", "napctl-validate-progress"]
    for hook in HOOKS:
        assert hook["entry"].startswith("napctl validate") and hook["language"] == "python"
    recipe = yaml.safe_load((ROOT / "docs" / "recipes" / "pre-commit-config.yaml").read_text())
    (repo,) = recipe["repos"]
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in HOOKS]


def test_validate_kind_progress_checks_the_reports_named(tmp_path: Path) -> None:
    """What the progress hook runs: the reports named, against the plans found as usual
    (a report named without --kind would be read as a plan)."""
    repo = tmp_path / "repo"
    plan_repository(repo, checklists=None)
    named = [f"progress/lu-2018-2023/{YEAR}/{name}.yaml" for name in ("sre", "mega")]
    done = napctl("validate", "--kind", "progress", *named, cwd=repo)
    assert done.stderr.strip() == "3 files checked: all valid"
    break_files(repo)
    done = napctl("validate", "--kind", "progress", named[0], cwd=repo, code=1)
    assert done.stdout.startswith(f"{named[0]}:") and "NAP204" in done.stdout
    assert done.stderr.strip() == "2 files checked: 1 problem in 1 file"
    as_plan = napctl("validate", named[1], cwd=repo, code=1)
    assert "NAP200 missing required field 'pillars'" in as_plan.stdout
    napctl("validate", "--kind", "progress", "progress/no-such.yaml", cwd=repo, code=2)


def test_hooks_as_declared_pass_then_catch_a_bad_report(tmp_path: Path) -> None:
    """Each hook of .pre-commit-hooks.yaml as a local hook running this napctl: the file
    patterns, the entries and their exit codes, without installing anything."""
    repo = tmp_path / "repo"
    plan_repository(repo, checklists=None)
    local = [
        {**hook, "language": "system", "entry": hook["entry"].replace("napctl", str(NAPCTL), 1)}
        for hook in HOOKS
    ]
    config = {"repos": [{"repo": "local", "hooks": local}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")
    commit_all(repo, "pre-commit")
    code, output = pre_commit(repo, "--all-files")
    assert code == 0, output
    assert output.count("Passed") == 2, output
    break_files(repo)
    code, output = pre_commit(repo)
    assert code == 1
    assert f"progress/lu-2018-2023/{YEAR}/sre.yaml:" in output and "NAP204" in output
    results = {
        line.split(".", 1)[0]: line.rsplit(".", 1)[-1]
        for line in output.splitlines()
        if line.startswith("napctl validate")
    }
    # The plans hook had no file to check: only a report was staged.
    assert results == {
        "napctl validate": "(no files to check)Skipped",
        "napctl validate (progress reports)": "Failed",
    }, output


@pytest.mark.recipes
def test_the_docs_config_installs_napctl_and_runs_both_hooks(
    source: Source, tmp_path: Path
) -> None:
    repo = tmp_path / "repo"
    plan_repository(repo, checklists=None)
    shutil.copy2(
        ROOT / "docs" / "recipes" / "pre-commit-config.yaml", repo / ".pre-commit-config.yaml"
    )
    config = (repo / ".pre-commit-config.yaml").read_text("utf-8")
    assert f"rev: {source.tag}\n" in config  # the release of this napctl
    commit_all(repo, "pre-commit")
    code, output = pre_commit(repo, "--all-files", env=source.git_env())
    assert code == 0, output
    assert "napctl validate (progress reports)" in output and output.count("Passed") == 2
    break_files(repo)
    plan = repo / "plans" / "lu-2018-2023.yaml"
    plan.write_text(
        plan.read_text("utf-8").replace(
            "\ncountry_code: LU\n", "\ncountry_code: LU\ncountri: LU\n"
        ),
        "utf-8",
    )
    git("add", "-A", cwd=repo)
    code, output = pre_commit(repo, env=source.git_env())
    assert code == 1
    assert "unknown field 'countri'" in output and "NAP204" in output, output
