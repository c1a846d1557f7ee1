"""`napctl import`: error cases kept as data, and what an import adds (and keeps) in a plan."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT

CASES = yaml.safe_load((ROOT / "tests" / "sheets-cases" / "errors.yaml").read_text("utf-8"))


def build_table(folder: Path, case: dict[str, Any]) -> Path:
    """The case's table as a file: CSV, or XLSX with its merged, formula and date cells."""
    rows = [["" if v is None else v for v in row] for row in case["rows"]]
    if case["format"] == "csv":
        path = folder / "matrix.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return path
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Sheet1"
    for row in case["rows"]:
        ws.append([None if v is None else str(v) for v in row])
    if "merge" in case:
        ws.merge_cells(case["merge"])
    if "formula" in case:
        ws[case["formula"]["cell"]] = case["formula"]["value"]
    if "date" in case:
        ws[case["date"]["cell"]] = case["date"]["value"]
    path = folder / "matrix.xlsx"
    book.save(path)
    return path


@pytest.fixture
def lu_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(PLANS / "lu-2018-2023.yaml", folder)
    return folder


def run_import(runner: CliRunner, table: Path, plans: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ["import", str(table), "--plan", "lu-2018-2023", "--plans", str(plans), *extra]
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_import_error_case(
    case: dict[str, Any], lu_copy: Path, tmp_path: Path, runner: CliRunner
) -> None:
    before = (lu_copy / "lu-2018-2023.yaml").read_bytes()
    table = build_table(tmp_path, case)
    code, err = run_import(runner, table, lu_copy)
    assert code == 1
    lines = err.splitlines()
    assert lines[:-1] == case["expected"]
    assert lines[-1].endswith("is unchanged")
    assert (lu_copy / "lu-2018-2023.yaml").read_bytes() == before


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def actions_json(runner: CliRunner, plans: Path, plan: str) -> list[dict[str, Any]]:
    result = runner.invoke(
        app, ["actions", "--plan", plan, "--format", "json", "--plans", str(plans)]
    )
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def test_extending_a_plan_keeps_every_byte_and_adds_in_place(
    lu_copy: Path, tmp_path: Path, runner: CliRunner
) -> None:
    plan_file = lu_copy / "lu-2018-2023.yaml"
    before = plan_file.read_text("utf-8")
    table = write_csv(
        tmp_path / "more.csv",
        [
            [
                "Pillar id",
                "Goal id",
                "Goal",
                "Action id",
                "Action",
                "Indicators",
                "Departments",
                "Deadline",
            ],
            [
                "I",
                "I.1",
                "",
                "",
                "Train recruiters\non gender bias",
                "Number of sessions; Number of recruiters trained",
                "MAEE D4, D7 (Luxembourg Army)\nMEGA",
                "2025",
            ],
            [
                "I",
                "I.9",
                "A new goal",
                "",
                "A new goal's first action",
                "",
                "Ministry of Culture",
                "",
            ],
        ],
    )
    code, err = run_import(runner, table, lu_copy, "--columns", "goal_id=Goal id")
    assert code == 0, err
    assert "2 actions added" in err and "Ministry of Culture" in err
    after = plan_file.read_text("utf-8")
    added_action = after[after.index("          - id: I.1.5\n") :]
    added_action = added_action[: added_action.index("      - id: I.2\n")]
    assert added_action == (
        "          - id: I.1.5\n"
        "            text: Train recruiters on gender bias\n"
        "            indicators:\n"
        "              - Number of sessions\n"
        "              - Number of recruiters trained\n"
        "            departments:\n"
        "              - MAEE D4\n"
        "              - code: MAEE D7\n"
        "                note: Luxembourg Army\n"
        "              - MEGA\n"
        "            deadline: 2025\n"
    )
    # Taking the added entries out gives back the old file, comments and all.
    rest = after.replace(added_action, "", 1)
    goal = rest[rest.index("      - id: I.9\n") : rest.index("\n\n  - id: II\n") + 1]
    department = rest[
        rest.index("  - code: Ministry of Culture\n") : rest.index("\n\npillars:") + 1
    ]
    assert rest.replace(goal, "", 1).replace(department, "", 1) == before
    assert "name: Ministry of Culture" in department and "still to be filled in" in department
    rows = {r["id"]: r for r in actions_json(runner, lu_copy, "lu-2018-2023")}
    assert rows["I.9.1"]["departments"] == ["Ministry of Culture"]
    assert rows["I.9.1"]["pillar"] == "I" and rows["I.9.1"]["goal"] == "I.9"
    # Importing the same table again changes nothing.
    code, err = run_import(runner, table, lu_copy, "--columns", "goal_id=Goal id")
    assert code == 0 and "nothing to add" in err
    assert plan_file.read_text("utf-8") == after


def test_french_headers_fill_down_and_lead(tmp_path: Path, runner: CliRunner) -> None:
    plans = tmp_path / "plans"
    new = runner.invoke(
        app,
        [
            "new",
            "fr-2021-2025",
            "--country",
            "FR",
            "--title",
            "Plan national",
            "--period",
            "2021-2025",
            "--out",
            str(plans),
        ],
    )
    assert new.exit_code == 0, new.stderr
    table = write_csv(
        tmp_path / "matrice.csv",
        [
            ["Pilier", "Objectif", "Mesures", "Indicateurs", "Acteurs", "Chef de file", "Coût"],
            [
                "Participation",
                "Plus de femmes",
                "Recruter",
                "- Nombre\n- Part",
                "MINARM; MEAE",
                "MEAE",
                "10 k€",
            ],
            ["", "", "Former", "", "MINARM (coordination)", "", ""],
            ["Prévention et protection", "Moins de violence", "Prévenir", "", "MEAE", "", ""],
        ],
    )
    result = runner.invoke(
        app,
        [
            "import",
            str(table),
            "--plan",
            "fr-2021-2025",
            "--plans",
            str(plans),
            "--columns",
            "budget=Coût",
        ],
    )
    assert result.exit_code == 0, result.stderr
    rows = actions_json(runner, plans, "fr-2021-2025")
    assert [(r["pillar"], r["goal"], r["id"], r["text"]) for r in rows] == [
        ("I", "I.1", "I.1.1", "Recruter"),
        ("I", "I.1", "I.1.2", "Former"),
        ("II", "II.1", "II.1.1", "Prévenir"),
    ]
    assert rows[0]["indicators"] == ["Nombre", "Part"]
    # The lead column fills the action's `lead`; the departments cell keeps its roles.
    assert [(a["code"], a["role"]) for a in rows[0]["assignments"]] == [
        ("MINARM", None),
        ("MEAE", None),
    ]
    from napctl.load.corpus import load_corpus

    corpus = load_corpus([str(plans)])
    assert corpus.ok, corpus.problems
    assert [a.lead for _, _, a in corpus.plans[0].plan.actions()] == ["MEAE", None, None]
    assert rows[0]["notes"] == []
    assert "            budget:\n              notes:\n                - 10 k€\n" in (
        plans / "fr-2021-2025.yaml"
    ).read_text("utf-8")
    assert [(a["code"], a["role"]) for a in rows[1]["assignments"]] == [("MINARM", "coordination")]
    text = (plans / "fr-2021-2025.yaml").read_text("utf-8")
    assert "napctl:skeleton" not in text and "P1.1.1" not in text
    assert "un_pillars:\n      - prevention\n      - protection\n" in text


def test_columns_option_errors_are_usage_errors(
    lu_copy: Path, tmp_path: Path, runner: CliRunner
) -> None:
    table = write_csv(tmp_path / "m.csv", [["Action", "Departments"]])
    for option, message in (("text", "is not FIELD=HEADER"), ("colour=A", "unknown field")):
        code, err = run_import(runner, table, lu_copy, "--columns", option)
        assert code == 2 and message in err
    code, err = run_import(runner, tmp_path / "missing.csv", lu_copy)
    assert code == 2 and "no such file" in err
    result = runner.invoke(app, ["import", str(table), "--plan", "xx-0", "--plans", str(lu_copy)])
    assert result.exit_code == 2 and "napctl new xx-0" in result.stderr


def test_a_flow_style_list_is_refused_not_rewritten(
    lu_copy: Path, tmp_path: Path, runner: CliRunner
) -> None:
    plan_file = lu_copy / "lu-2018-2023.yaml"
    text = plan_file.read_text("utf-8")
    start = text.index("          - id: I.3.1\n")
    end = text.index("      - id: I.4\n")
    flow = (
        "          - {id: I.3.1, text: Career guidance initiatives to raise awareness of"
        " professional opportunities in development cooperation among young people,"
        " indicators: [Initiatives/number of participants], departments: [MAEE D5]}\n"
    )
    text = text[:start] + flow + text[end:]
    plan_file.write_text(
        text.replace(
            "        actions:\n" + flow,
            "        actions: [\n" + flow.replace("          - ", "          ") + "]\n",
        ),
        "utf-8",
    )
    before = plan_file.read_bytes()
    table = write_csv(
        tmp_path / "m.csv",
        [["Pillar id", "Goal id", "Action", "Departments"], ["I", "I.3", "Another", "MAEE D5"]],
    )
    code, err = run_import(runner, table, lu_copy)
    assert code == 1, err
    assert "actions is written in flow style" in err
    assert plan_file.read_bytes() == before


def test_deadline_timeline_and_budget_fill_the_model_fields(
    tmp_path: Path, runner: CliRunner
) -> None:
    from napctl.load.corpus import load_corpus
    from napctl.sheets.rows import budget_value, deadline_value

    assert deadline_value("2025") == 2025 and deadline_value("2025-06-30") == "2025-06-30"
    assert budget_value("50 000 EUR") == {"amount": 50000, "currency": "EUR"}
    assert budget_value("EUR 1,500.50") == {"amount": 1500.5, "currency": "EUR"}
    assert budget_value("existing resources") == {"notes": ["existing resources"]}
    plans = tmp_path / "plans"
    new = runner.invoke(
        app,
        [
            "new",
            "xx-2024-2028",
            "--country",
            "XX",
            "--title",
            "Plan",
            "--period",
            "2024-2028",
            "--out",
            str(plans),
        ],
    )
    assert new.exit_code == 0, new.stderr
    table = write_csv(
        tmp_path / "m.csv",
        [
            ["Pillar", "Goal", "Action", "Departments", "Deadline", "Timeline", "Budget"],
            [
                "Participation",
                "More women",
                "Recruit",
                "MOD; MFA (lead)",
                "2026",
                "2024-2026",
                "120000 EUR",
            ],
            ["", "", "Train", "MOD", "", "throughout the plan", ""],
        ],
    )
    result = runner.invoke(
        app, ["import", str(table), "--plan", "xx-2024-2028", "--plans", str(plans)]
    )
    assert result.exit_code == 0, result.stderr
    corpus = load_corpus([str(plans)])
    assert corpus.ok, corpus.problems
    first, second = [a for _, _, a in corpus.plans[0].plan.actions()]
    assert (first.deadline, first.timeline) == (2026, "2024-2026")
    assert first.budget is not None and (first.budget.amount, first.budget.currency) == (
        120000,
        "EUR",
    )
    assert (second.deadline, second.timeline, second.budget) == (None, "throughout the plan", None)
    out = tmp_path / "out.csv"
    exported = runner.invoke(app, ["export", "-f", "csv", "-o", str(out), "--plans", str(plans)])
    assert exported.exit_code == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert [(r["Deadline"], r["Timeline"], r["Budget"]) for r in rows] == [
        ("2026", "2024-2026", "120000 EUR"),
        ("", "throughout the plan", ""),
    ]
    assert rows[0]["Departments"] == "MOD\nMFA (lead)"


def test_lead_and_budget_fields_survive_export_and_import(
    tmp_path: Path, runner: CliRunner
) -> None:
    from napctl.load.corpus import load_corpus

    def new_plan(plan_id: str) -> Path:
        plans = tmp_path / plan_id
        made = runner.invoke(
            app,
            [
                "new",
                plan_id,
                "--country",
                "XX",
                "--title",
                "Plan",
                "--period",
                "2024-2028",
                "--out",
                str(plans),
            ],
        )
        assert made.exit_code == 0, made.stderr
        return plans

    first = new_plan("xx-2024-2028")
    table = write_csv(
        tmp_path / "m.csv",
        [
            [
                "Pillar",
                "Goal",
                "Action",
                "Departments",
                "Lead",
                "Budget",
                "Budget source",
                "Budget allocated",
            ],
            [
                "Participation",
                "More women",
                "Recruit",
                "MOD; MFA (coordination)",
                "MFA",
                "120000 EUR\nfrom 2025",
                "Defence budget",
                "yes",
            ],
            ["", "", "Train", "MOD", "EQ", "", "", "no"],
            ["", "", "Count", "MOD", "", "", "", ""],
        ],
    )
    result = runner.invoke(
        app, ["import", str(table), "--plan", "xx-2024-2028", "--plans", str(first)]
    )
    assert result.exit_code == 0, result.stderr

    def fields(plans: Path) -> list[tuple[Any, ...]]:
        corpus = load_corpus([str(plans)])
        assert corpus.ok, corpus.problems
        return [(a.lead, a.departments, a.budget) for _, _, a in corpus.plans[0].plan.actions()]

    from napctl.model import Assignment
    from napctl.model.monitoring import Budget

    assert fields(first) == [
        (
            "MFA",
            ["MOD", Assignment("MFA", role="coordination")],
            Budget(
                amount=120000,
                currency="EUR",
                source="Defence budget",
                allocated=True,
                notes=["from 2025"],
            ),
        ),
        ("EQ", ["MOD", "EQ"], Budget(allocated=False)),
        (None, ["MOD"], None),
    ]
    out = tmp_path / "out.csv"
    exported = runner.invoke(app, ["export", "-f", "csv", "-o", str(out), "--plans", str(first)])
    assert exported.exit_code == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert [(r["Lead"], r["Budget"], r["Budget source"], r["Budget allocated"]) for r in rows] == [
        ("MFA", "120000 EUR\nfrom 2025", "Defence budget", "yes"),
        ("EQ", "", "", "no"),
        ("", "", "", ""),
    ]
    second = new_plan("yy-2024-2028")
    result = runner.invoke(
        app,
        [
            "import",
            str(out),
            "--plan",
            "yy-2024-2028",
            "--plans",
            str(second),
            "--columns",
            "skip=Plan",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert fields(second) == fields(first)


def test_two_leads_are_one_too_many(lu_copy: Path, tmp_path: Path, runner: CliRunner) -> None:
    table = write_csv(
        tmp_path / "m.csv",
        [
            ["Pillar id", "Goal id", "Action", "Departments", "Lead"],
            ["I", "I.3", "Another", "MAEE D5", "MAEE D5, MEGA"],
        ],
    )
    code, err = run_import(runner, table, lu_copy)
    assert code == 1
    assert err.splitlines()[0] == (
        "m.csv:E2: one lead department per action (a plan's `lead` is one code); give the"
        " others the role in the departments cell: CODE (coordination)"
    )
