"""The query commands through the CLI, as a user runs them, on the example plans."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
import yaml
from typer.testing import CliRunner

from napctl.cli import app, app_for
from tests.conftest import EXAMPLES, napctl

POS = ["--plans", str(EXAMPLES / "positive")]


def test_actions_plain_when_piped(runner: CliRunner) -> None:
    code, out, _ = napctl("actions", "--actor", "Police", *POS, code=None)
    assert code == 0
    assert out == (
        "plan\tid\tpillar\tgoal\tdepartments\ttext\n"
        "xx-2020-2022\tP1.1.1\tP1\tP1.1\tDEF, POL\tRecruit women officers\n"
        "xx-2020-2022\tP1.1.2\tP1\tP1.1\tAll [all]\tTrain all staff on resolution 1325\n"
    )


def test_actions_rich_table_on_terminal(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("napctl.cli.options._to_terminal", lambda: True)
    code, out, _ = napctl("actions", "--actor", "RP Geneve", *POS, code=None)
    assert code == 0
    assert "Défendre les droits des femmes à Genève" in out
    assert "RP Genève" in out and "(all departments)" in out
    assert out.rstrip().endswith("2 actions")
    assert "\x1b[" not in out  # NO_COLOR is set by the test fixture


def test_actions_json_contract(runner: CliRunner) -> None:
    code, out, _ = napctl("actions", "-a", "geneva mission", "--format", "json", *POS, code=None)
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["1.a", "1.b"]
    first = rows[0]
    for key in ("plan", "id", "pillar", "goal", "text", "indicators", "departments"):
        assert key in first
    assert first["departments"] == ["RP Genève", "Equality"]
    assert first["assignments"][1] == {
        "code": "Equality",
        "name": "Institute for Equality",
        "role": "coordination",
        "note": None,
    }
    assert (rows[0]["via_all"], rows[1]["via_all"]) == (False, True)


def test_actions_no_all(runner: CliRunner) -> None:
    out = napctl("actions", "-a", "RP Genève", "--no-all", "-f", "json", *POS).stdout
    assert [r["id"] for r in json.loads(out)] == ["1.a"]


def test_actions_csv_opens_as_one_row_per_action(runner: CliRunner) -> None:
    code, out, _ = napctl("actions", "--format", "csv", *POS, code=None)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["P1.1.1", "P1.1.2", "P2.1.1", "1.a", "1.b"]
    assert rows[0]["departments"] == "DEF; POL"
    assert rows[2]["roles"] == "MFA D1: lead"
    assert rows[3]["text"] == "Défendre les droits des femmes à Genève"


def test_actions_yaml_round_trips(runner: CliRunner) -> None:
    out = napctl("actions", "--plan", "xx-2020-2022", "-f", "yaml", *POS).stdout
    assert [r["id"] for r in yaml.safe_load(out)] == ["P1.1.1", "P1.1.2", "P2.1.1"]


def test_actions_markdown_table(runner: CliRunner) -> None:
    out = napctl("actions", "--goal", "P2.1", "-f", "md", *POS).stdout
    lines = out.splitlines()
    assert lines[0].startswith("| Plan | ID |")
    assert lines[2] == (
        "| xx-2020-2022 | P2.1.1 | Protection | P2.1 | Fund survivor services |  |"
        " MFA D1 (lead), INT |"
    )


def test_empty_result_for_a_valid_filter_is_not_an_error(runner: CliRunner) -> None:
    code, out, _ = napctl("actions", "--search", "nothing like this", "-f", "json", *POS, code=None)
    assert (code, json.loads(out)) == (0, [])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["actions", "--actor", "Polise"], "unknown actor 'Polise'; did you mean 'POL'?"),
        (
            ["actions", "--actor", "DEF", "--plan", "yy-2021-2024"],
            "actor 'DEF' is not in plan 'yy-2021-2024'; it is in xx-2020-2022",
        ),
        (["actions", "--plan", "zz"], "unknown plan 'zz'"),
        (["actions", "--un-pillar", "peace"], "Invalid value"),
        (["show", "Q9"], "no action, goal or pillar with id 'Q9'"),
        (["matrix", "--plan", "nope"], "unknown plan 'nope'"),
    ],
)
def test_usage_errors(runner: CliRunner, args: list[str], message: str) -> None:
    code, out, err = napctl(*args, *POS, code=None)
    assert code == 2
    assert message in err
    assert out == ""


def test_invalid_plans_exit_1_with_messages(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["actions", "--plans", str(EXAMPLES / "negative" / "unknown-field.yaml")]
    )
    assert result.exit_code == 1
    assert "NAP201 unknown field 'contry'" in result.stderr


def test_actors_tree(runner: CliRunner) -> None:
    out = napctl("actors", "--plan", "xx-2020-2022", *POS).stdout
    # Issue 19: what each count includes, as `matrix` counts it, and the other names.
    assert out.splitlines()[1:-1] == [
        "  MFA  Ministry of Foreign Affairs  (0 own, 1 with units, 2 with All)",
        "      fr: Ministère des Affaires étrangères",
        "    MFA D1  Directorate of Political Affairs  (1 own, 2 with All)",
        "  DEF  Ministry of Defence  (1 own, 2 with All)",
        "      also: Defence, Army",
        "  INT  Ministry of the Interior  (1 own, 2 with units, 3 with All)",
        "    POL  National Police  (1 own, 2 with All)",
        "        also: Police",
    ]
    assert out.splitlines()[-1].startswith(
        "Counts: own = actions naming the department itself (the total of `napctl matrix`)"
    )
    matrix = napctl("matrix", "--plan", "xx-2020-2022", *POS).stdout
    assert "MFA\t0\t0\t0" in matrix and "INT\t0\t1\t1" in matrix
    out = napctl("actors", "-f", "json", *POS).stdout
    records = json.loads(out)
    assert {r["code"]: r["children"] for r in records}["INT"] == ["POL"]
    assert {r["code"]: (r["actions_own"], r["actions"], r["actions_with_all"]) for r in records}[
        "INT"
    ] == (1, 2, 3)


def test_plans(runner: CliRunner) -> None:
    out = napctl("plans", "-f", "json", *POS).stdout
    assert [(p["id"], p["actions"], p["departments"]) for p in json.loads(out)] == [
        ("xx-2020-2022", 3, 5),
        ("yy-2021-2024", 2, 3),
    ]
    out = napctl("plans", *POS).stdout
    assert out.splitlines()[1].startswith("xx-2020-2022\tExampleland\t2020-2022\t2\t2\t3\t5\t")


def test_show_action(runner: CliRunner) -> None:
    code, out, _ = napctl("show", "P1.1.1", *POS, code=None)
    assert code == 0
    assert "Goal:        P1.1 More women in peace operations" in out
    assert "  - POL  National Police (Recruitment office)" in out
    out = napctl("show", "yy-2021-2024:G1", "-f", "json", *POS).stdout
    assert json.loads(out)[0]["actions"] == ["1.a", "1.b"]


def test_matrix_formats(runner: CliRunner) -> None:
    out = napctl("matrix", "--plan", "xx-2020-2022", "-f", "csv", *POS).stdout
    assert out.splitlines() == [
        "plan,department,P1,P2,total",
        "xx-2020-2022,MFA,0,0,0",
        "xx-2020-2022,MFA D1,0,1,1",
        "xx-2020-2022,DEF,1,0,1",
        "xx-2020-2022,POL,1,0,1",
        "xx-2020-2022,INT,0,1,1",
        "xx-2020-2022,All,1,0,1",
    ]
    out = napctl("matrix", "-f", "json", *POS).stdout
    assert [r["total"] for r in json.loads(out)[1]["rows"]] == [0, 1, 1, 1]
    out = napctl("matrix", "-p", "yy-2021-2024", "-f", "md", *POS).stdout
    assert "| RP Genève | 1 | 1 |" in out


def test_matrix_shaded_on_terminal(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("napctl.cli.options._to_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR")
    result = runner.invoke(
        app, ["matrix", "-p", "xx-2020-2022", *POS], color=True, env={"FORCE_COLOR": "1"}
    )
    assert result.exit_code == 0
    assert "Example National Action Plan" in result.stdout
    assert "\x1b[" in result.stdout  # shading


@pytest.mark.parametrize(
    "args",
    [
        ["actions", "--actor", "RP Genève", "-f", "json"],
        ["actions", "--actor", "nobody"],
        ["actions", "--bogus"],
        ["actors", "--plan", "xx-2020-2022"],
        ["render", "report", "--plan", "xx-2020-2022"],
        ["--help"],
        ["actions", "--help"],
    ],
)
def test_the_slim_app_behaves_as_the_full_app(args: list[str]) -> None:
    """main() builds an app holding only the command asked for; nothing else may differ."""

    full = CliRunner().invoke(app, [*args, *POS])
    chosen = app_for(args)
    assert (chosen is app) == (args[0] == "--help")
    slim = CliRunner().invoke(chosen, [*args, *POS])
    assert (slim.exit_code, slim.stdout, slim.stderr) == (full.exit_code, full.stdout, full.stderr)
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "napctl", *args, *POS],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert proc.returncode == full.exit_code
    if args[-1] != "--help":
        assert proc.stdout == full.stdout
