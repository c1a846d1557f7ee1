"""The questions users ask of the bundled plans, asked through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.model.test_plan_be import FEDERAL_POLICE_LINES, INTERIOR_LINES
from tests.model.test_plan_lu import ALL_ACTIONS, MAEE_D5_ACTIONS


def ids(runner: CliRunner, *args: str) -> list[str]:
    result = runner.invoke(app, ["actions", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [row["id"] for row in json.loads(result.stdout)]


@pytest.fixture(autouse=True)
def _from_an_empty_folder(in_tmp: Path) -> None:
    """No ./plans here: the bundled plans are used, as after `pip install .`."""


def test_maee_d5_gets_its_rows_plus_all(runner: CliRunner) -> None:
    got = ids(runner, "--actor", "MAEE D5")
    order = {i: n for n, i in enumerate(got)}
    assert sorted(got, key=order.get) == got
    assert set(got) == set(MAEE_D5_ACTIONS) | set(ALL_ACTIONS)
    assert len(got) == len(MAEE_D5_ACTIONS) + len(ALL_ACTIONS)
    assert ids(runner, "--actor", "maee d5", "--no-all") == MAEE_D5_ACTIONS


def test_interior_includes_its_units_and_federal_police_only_its_own(runner: CliRunner) -> None:
    assert ids(runner, "--actor", "Interior", "--plan", "be-2013-2016") == INTERIOR_LINES
    assert ids(runner, "--actor", "Federal Police") == FEDERAL_POLICE_LINES
    assert ids(runner, "--actor", "federal police", "--no-all") == FEDERAL_POLICE_LINES


def test_alias_accent_and_parent(runner: CliRunner) -> None:
    # The Army is a unit under MAEE D7 (issue 13): the parent includes it.
    army = ids(runner, "--actor", "Luxembourg Army", "--no-all")
    assert set(army) < set(ids(runner, "--actor", "MAEE D7", "--no-all")) and len(army) > 5
    assert ids(runner, "--actor", "RP Geneve") == ids(runner, "--actor", "RP Genève")
    maee = set(ids(runner, "--actor", "MAEE", "--no-all"))
    assert set(MAEE_D5_ACTIONS) | set(army) <= maee


def test_unknown_actor_on_the_real_plans(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actions", "--actor", "MAEE D6"])
    assert result.exit_code == 2
    assert "unknown actor 'MAEE D6'; did you mean 'MAEE D1' or 'MAEE D2'" in result.stderr
    result = runner.invoke(app, ["actions", "--actor", "Federal Police", "--plan", "lu-2018-2023"])
    assert result.exit_code == 2
    assert "it is in be-2013-2016" in result.stderr


def test_show_a_belgian_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "be-2013-2016:10.g"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Action 10.g  (be-2013-2016:")


def test_plans_lists_both(runner: CliRunner) -> None:
    result = runner.invoke(app, ["plans", "--format", "json"])
    rows = {
        p["id"]: (p["pillars"], p["goals"], p["actions"], p["departments"])
        for p in json.loads(result.stdout)
    }
    assert rows == {"lu-2018-2023": (4, 26, 55, 26), "be-2013-2016": (6, 37, 102, 11)}
