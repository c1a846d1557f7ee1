"""`napctl import --update`: the table as the master copy, through the CLI (CSV and XLSX).

The case is kept as data in tests/sheets-cases/update/ (its README says what each
file is): a French plan with a comment someone added, a table that corrects a
text, adds an indicator and changes an actor; what --update prints, and the only
lines --update --apply changes.
"""

from __future__ import annotations

import csv
import difflib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import ROOT

CASE = ROOT / "tests" / "sheets-cases" / "update"


def unified(before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(True), after.splitlines(True), "plan.yaml", "plan.yaml", n=0
        )
    )


def xlsx_of(csv_path: Path, out: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            ws.append(row)
    book.save(out)
    return out


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "u").mkdir()
    shutil.copy(CASE / "plan.yaml", tmp_path / "u" / "plan.yaml")
    return tmp_path / "u" / "plan.yaml"


def _update(runner: CliRunner, table: Path, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app, ["import", str(table), "--plan", "xx-2024-2028", "--plans", "u", "--update", *extra]
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_update_shows_then_applies_only_those_lines(
    fmt: str, plans: Path, tmp_path: Path, runner: CliRunner
) -> None:
    table = CASE / "matrix.csv"
    if fmt == "xlsx":
        table = xlsx_of(table, tmp_path / "matrix.xlsx")
    before = plans.read_text("utf-8")
    code, out, err = _update(runner, table)
    expected = (CASE / "expected.txt").read_text("utf-8").replace("matrix.csv", table.name)
    assert (code, out) == (0, expected)
    assert "a dry run" in err
    assert plans.read_text("utf-8") == before  # a dry run writes nothing
    code, out, err = _update(runner, table, "--apply")
    assert (code, out) == (0, expected)
    assert err.endswith("u/plan.yaml: 4 changes written\n")
    after = plans.read_text("utf-8")
    assert unified(before, after) == (CASE / "expected.diff").read_text("utf-8")
    assert "# checked against the PDF, p. 12" in after
    code, out, err = _update(runner, table, "--apply")  # a second run: nothing to do
    assert (code, out) == (0, "")
    assert "nothing to change" in err
    assert plans.read_text("utf-8") == after


def test_without_update_a_difference_is_a_problem(plans: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["import", str(CASE / "matrix.csv"), "--plan", "xx-2024-2028", "--plans", "u"]
    )
    assert result.exit_code == 1
    assert "--update changes the plan to match the table" in result.stderr


def test_apply_needs_update(plans: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["import", str(CASE / "matrix.csv"), "--plan", "xx-2024-2028", "--plans", "u", "--apply"],
    )
    assert result.exit_code == 2
    assert "give both" in result.stderr


def test_reworded_row_without_ids_is_matched_by_similarity(
    plans: Path, tmp_path: Path, runner: CliRunner
) -> None:
    rows = list(csv.reader((CASE / "matrix.csv").open(encoding="utf-8", newline="")))
    table = tmp_path / "noid.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([r[:2] + r[3:] for r in rows])
    code, out, _ = _update(runner, table)
    assert code == 0
    assert "~ action I.1.1 reworded: Former [-200-] {+250+} femmes candidates" in out
    assert "+ action I.1." not in out.replace("+ action I.1.2 indicator", "")
