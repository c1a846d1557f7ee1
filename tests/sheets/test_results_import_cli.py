"""`napctl import` of a French table with expected results, roles, partners and targets.

The case is kept as data in tests/sheets-cases/results-fr/ (its README says what
each file is): the plan `napctl new` writes, the table, the exact plan text the
import gives, and what `--update --apply` then changes.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.sheets.targets import target_of
from tests.conftest import ROOT

CASE = ROOT / "tests" / "sheets-cases" / "results-fr"
PLAN = "xf-2023-2027"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").mkdir()
    return Path(shutil.copy(CASE / "plan.yaml", tmp_path / "p" / f"{PLAN}.yaml"))


def _import(runner: CliRunner, table: str, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app, ["import", str(CASE / table), "--plan", PLAN, "--plans", "p", *extra]
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_results_roles_partners_and_targets(plan: Path, runner: CliRunner) -> None:
    code, _, err = _import(runner, "matrix.csv")
    assert code == 0, err
    assert "4 actions added; 5 departments added" in err
    assert plan.read_text("utf-8") == (CASE / "expected.yaml").read_text("utf-8")
    code, _, err = _import(runner, "matrix.csv")  # the same table again: nothing new
    assert (code, "nothing to add" in err) == (0, True)
    result = runner.invoke(app, ["validate", "p"])
    assert " error" not in result.stdout


def test_update_changes_result_texts_and_roles(plan: Path, runner: CliRunner) -> None:
    shutil.copy(CASE / "expected.yaml", plan)
    before = plan.read_text("utf-8")
    code, out, _ = _import(runner, "matrix-update.csv", "--update")
    assert code == 0
    assert out == (CASE / "expected-update.txt").read_text("utf-8")
    assert plan.read_text("utf-8") == before  # a dry run
    code, _, err = _import(runner, "matrix-update.csv", "--update", "--apply")
    assert (code, err.endswith("3 changes written\n")) == (0, True)
    diff = "".join(
        difflib.unified_diff(
            before.splitlines(True),
            plan.read_text("utf-8").splitlines(True),
            "plan.yaml",
            "plan.yaml",
            n=0,
        )
    )
    assert diff == (CASE / "expected-update.diff").read_text("utf-8")


def test_without_update_a_result_text_is_a_problem(plan: Path, runner: CliRunner) -> None:
    shutil.copy(CASE / "expected.yaml", plan)
    code, _, err = _import(runner, "matrix-update.csv")
    assert code == 1
    assert "result R1 is 'Les femmes sont davantage élues' in the plan" in err


@pytest.mark.parametrize(
    ("cell", "target"),
    [
        ("20 % by 2025", {"year": 2025, "value": 20, "unit": "%"}),
        ("raise to 20 %", {"value": 20, "unit": "%"}),
        ("20%", {"value": 20, "unit": "%"}),
        ("12,5 % d'ici 2025", {"year": 2025, "value": "12.5", "unit": "%"}),
        ("1 500 (2026)", {"year": 2026, "value": 1500}),
        ("Une cellule dans chaque commissariat", {"text": "Une cellule dans chaque commissariat"}),
    ],
)
def test_target_cells(cell: str, target: dict[str, object]) -> None:
    assert target_of(cell, "fr") == target


def test_an_unknown_role_is_a_problem(plan: Path, tmp_path: Path, runner: CliRunner) -> None:
    table = (CASE / "matrix.csv").read_text("utf-8").replace(",responsable,", ",chef,")
    (tmp_path / "bad.csv").write_text(table, "utf-8")
    result = runner.invoke(app, ["import", "bad.csv", "--plan", PLAN, "--plans", "p"])
    assert result.exit_code == 1
    assert "J4: 'chef' is not a role (lead, responsible, support" in result.stderr
