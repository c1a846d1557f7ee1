"""Issue 19, a false green: the bundled plans never stand in silently for the user's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.discover import BUNDLED_NOTICE, bundled_dir, find_up
from tests.conftest import MINIMAL, PLANS


def test_bundled_plans_are_named_on_stderr(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(app, ["validate", "--format", "github"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == BUNDLED_NOTICE
    assert BUNDLED_NOTICE == (
        "napctl: using the plans bundled with napctl (no ./plans here; --plans PATH names yours)"
    )
    query = runner.invoke(app, ["plans"])
    assert query.exit_code == 0
    assert query.stderr == BUNDLED_NOTICE + "\n"


def test_named_plans_get_no_notice(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(app, ["validate", "--plans", str(MINIMAL)])
    assert result.stderr == "1 file checked: all valid\n"


def test_in_ci_the_bundled_plans_are_a_usage_error(
    runner: CliRunner, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    for args in (
        ["validate", "--format", "github"],
        ["checklists", "--out", "out"],
        ["actions", "--actor", "MAEE D5"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("napctl: error: CI is set and no plans were named")
        assert f"--plans {bundled_dir('plans')}" in result.stderr
    assert not (in_tmp / "out").exists()
    named = runner.invoke(app, ["validate", "--plans", str(bundled_dir("plans"))])
    assert named.exit_code == 0
    assert named.stderr == "2 files checked: all valid\n"


def test_plans_found_at_the_repository_root_from_a_subfolder(
    runner: CliRunner, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    (in_tmp / ".git").mkdir()
    (in_tmp / "plans").mkdir()
    shutil.copy(MINIMAL, in_tmp / "plans" / "mine.yaml")
    (in_tmp / "progress").mkdir()
    deep = in_tmp / "docs" / "deep"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_up("plans") == Path("../../plans")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "1 file checked: all valid\n"


def test_the_search_stops_at_the_repository_root(
    runner: CliRunner, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "plans").mkdir()
    shutil.copy(MINIMAL, in_tmp / "plans" / "outside.yaml")
    repo = in_tmp / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    assert find_up("plans") is None
    result = runner.invoke(app, ["validate"])
    assert result.stderr.startswith(BUNDLED_NOTICE)


def test_repository_plans_are_not_called_bundled(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(PLANS.parent / "docs")
    result = runner.invoke(app, ["plans"])
    assert result.exit_code == 0
    assert result.stderr == ""
