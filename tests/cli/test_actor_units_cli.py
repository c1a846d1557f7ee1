"""Who a name answers for, through the command line, on the bundled plans (issue 13).

- Belgium: Foreign Affairs and Development are peers under the FPS Foreign
  Affairs, Foreign Trade and Development Cooperation. "Foreign Affairs" answers
  the 58 lines whose printed cell names it, the FPS (code or full name) the 76
  lines of either.
- Luxembourg: the Army is a unit under MAEE D7, assigned where "D7/Luxembourg
  Army" (once "Armée") is printed; MAEE D7 answers its own rows and the Army's.

The bundled plans are named with --plans, as CI will require (issue 19).
"""

from __future__ import annotations

import json
from collections import Counter

from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS
from tests.model.test_plan_be_labels import key, printed_labels
from tests.model.test_plan_lu import ARMY_ACTIONS, D7_ALONE_ACTIONS

#: The Belgian lines whose printed cell names Foreign Affairs (with the role at 34).
FOREIGN_AFFAIRS_LINES = [
    "1.a",
    "1.b",
    "1.c",
    "2.b",
    "2.c",
    "3.b",
    "3.c",
    "3.d",
    "4.d",
    "4.e",
    "4.f",
    "5.a",
    "5.e",
    "5.f",
    "6.a",
    "6.c",
    "7.a",
    "8.a",
    "9",
    "10.d",
    "10.e",
    "10.f",
    "10.g",
    "11",
    "14.a",
    "17.b",
    "17.c",
    "17.d",
    "17.e",
    "18.b",
    "18.c",
    "18.d",
    "18.e",
    "20.e",
    "21",
    "22",
    "23.c",
    "23.d",
    "24.b",
    "24.c",
    "24.d",
    "25.a",
    "26.a",
    "26.c",
    "27",
    "28.a",
    "28.b",
    "28.c",
    "28.d",
    "28.e",
    "28.f",
    "29.a",
    "29.b",
    "30",
    "33",
    "34",
    "36",
    "37",
]
#: The Belgian lines of Development without Foreign Affairs.
DEVELOPMENT_ONLY_LINES = [
    "2.a",
    "4.a",
    "4.b",
    "4.c",
    "5.b",
    "5.d",
    "8.b",
    "12",
    "14.b",
    "17.a",
    "18.a",
    "19.b",
    "25.b",
    "25.c",
    "25.d",
    "31",
    "32",
    "35",
]
FPS_FULL_NAME = "Federal Public Service Foreign Affairs, Foreign Trade and Development Cooperation"


def ids(runner: CliRunner, *args: str) -> list[str]:
    result = runner.invoke(app, ["actions", "--plans", str(PLANS), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [row["id"] for row in json.loads(result.stdout)]


def _be(runner: CliRunner, actor: str) -> list[str]:
    return ids(runner, "--actor", actor, "--plan", "be-2013-2016")


def test_foreign_affairs_answers_the_lines_that_print_it(runner: CliRunner) -> None:
    got = _be(runner, "Foreign Affairs")
    assert got == FOREIGN_AFFAIRS_LINES
    assert len(got) == 58
    printed = Counter(
        key(label).removesuffix(" (coordination)")
        for labels in printed_labels().values()
        for label, _ in labels
    )
    assert printed["foreign affairs"] == 58  # one printed label per line
    assert not set(got) & set(DEVELOPMENT_ONLY_LINES)


def test_the_fps_answers_both_of_its_departments(runner: CliRunner) -> None:
    fps = _be(runner, "FPS Foreign Affairs")
    assert sorted(fps) == sorted(FOREIGN_AFFAIRS_LINES + DEVELOPMENT_ONLY_LINES)
    assert len(fps) == 76
    for name in (
        FPS_FULL_NAME,
        "FPS Foreign Affairs, Foreign Trade and Development Cooperation",
        "fps foreign affairs",
    ):
        assert _be(runner, name) == fps, name
    development = _be(runner, "Development")
    assert len(development) == 48
    assert set(DEVELOPMENT_ONLY_LINES) <= set(development)


def test_luxembourg_army_answers_the_rows_that_print_it(runner: CliRunner) -> None:
    army = ids(runner, "--actor", "Luxembourg Army", "--no-all")
    assert army == ARMY_ACTIONS
    assert len(army) == 9  # eight "D7/Luxembourg Army", one "D7/Luxembourg Armée"
    assert ids(runner, "--actor", "luxembourg armée", "--no-all") == ARMY_ACTIONS
    assert not set(army) & set(D7_ALONE_ACTIONS)


def test_maee_d7_includes_the_army(runner: CliRunner) -> None:
    d7 = ids(runner, "--actor", "MAEE D7", "--no-all")
    assert sorted(d7) == sorted(ARMY_ACTIONS + D7_ALONE_ACTIONS)
    assert len(d7) == 13
    maee = ids(runner, "--actor", "MAEE", "--no-all")
    assert set(d7) <= set(maee)
