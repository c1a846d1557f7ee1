"""Issue 19, finding departments, plans and ids as people type them (bundled plans)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS

P = ["--plans", str(PLANS)]


def _codes(stdout: str) -> set[str]:
    return {code for row in json.loads(stdout) for code in row["departments"]}


@pytest.mark.parametrize(
    ("typed", "plan", "said"),
    [
        (
            "Police",
            "be-2013-2016",
            "'Police' is Interior-Federal Police (Federal Police) in be-2013-2016",
        ),
        (
            "affaires étrangères",
            "lu-2018-2023",
            "'affaires étrangères' is MAEE (Ministry of Foreign"
            " and European Affairs) in lu-2018-2023",
        ),
        ("Santé", None, "'Santé' is MISA"),
        ("Army", None, "'Army' is MAEE D7/Luxembourg Army (Luxembourg Army) in lu-2018-2023"),
        ("Geneva", None, "'Geneva' is RP Genève"),
    ],
)
def test_a_word_naming_one_department_is_used_and_said(
    runner: CliRunner, typed: str, plan: str | None, said: str
) -> None:
    args = ["actions", *P, "--actor", typed, "-f", "json", *(["--plan", plan] if plan else [])]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"napctl: {said}")
    assert json.loads(result.stdout)


def test_defence_names_two_countries_departments_and_asks(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actions", *P, "--actor", "defence"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "napctl: error: 'defence' names several departments: Defence (Ministry of Defence) in"
        " be-2013-2016; MAEE D7 (Directorate of Defence) in lu-2018-2023; name one by its code"
        " (or narrow with --plan)\n"
    )
    narrowed = runner.invoke(
        app, ["actions", *P, "--actor", "defence", "--plan", "be", "-f", "json"]
    )
    assert narrowed.exit_code == 0
    assert "Defence" in _codes(narrowed.stdout)


def test_no_noise_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actions", *P, "--actor", "UNICEF"])
    assert result.exit_code == 2
    assert result.stderr == (
        "napctl: error: unknown actor 'UNICEF'; `napctl actors` lists the departments\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["actions", "--plan", "LU-2018-2023", "--goal", "i.1"],
        ["actions", "--plan", "lu", "--goal", "I.1."],
        ["show", "i.1.1"],
        ["show", "LU:i.1.1"],
    ],
)
def test_ids_ignore_case_and_a_trailing_dot(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, [*args, *P, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(r["plan"] == "lu-2018-2023" for r in rows)
    assert "I.1.1" in {r.get("id") for r in rows}


def test_the_belgian_id_as_printed(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", *P, "4.b."])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Action 4.b  (be-2013-2016")
