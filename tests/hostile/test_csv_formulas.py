"""Class 4 of issue 20: no CSV cell napctl writes runs as a spreadsheet formula.

Every ``-f csv`` goes through ``napctl.core.csvtext.csv_text``, which puts a
``'`` before a cell starting with ``= + - @``, a tab or a carriage return (OWASP).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.csvtext import FORMULA_STARTS, neutral_cell, unguard
from napctl.load.corpus import load_corpus
from napctl.output.actions import as_csv
from napctl.plans import ActionFilter, select_actions
from tests.conftest import MINIMAL, write

FORMULAS = [
    '=HYPERLINK("https://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
]


def _plan(tmp: Path) -> Path:
    text = MINIMAL.read_text()
    text = text.replace("text: Recruit women officers", f"text: {json.dumps(FORMULAS[0])}")
    text = text.replace("[Number of women recruited]", json.dumps(FORMULAS[1:3]))
    text = text.replace("title: Participation", f"title: {json.dumps(FORMULAS[3])}")
    text = text.replace("text: More women in peace operations", f"text: {json.dumps(FORMULAS[4])}")
    text = text.replace("code: DEF", 'code: "=DEF()"').replace("[DEF,", '["=DEF()",')
    return write(tmp, "p.yaml", text)


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_neutral(text: str) -> None:
    cells = _cells(text)
    assert cells
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)], text


@pytest.mark.parametrize(
    "args",
    [
        ["actions", "-f", "csv"],
        ["actions", "-f", "csv", "--actor", "=DEF()"],
        ["matrix", "-f", "csv"],
    ],
)
def test_cli_csv_has_no_formula(args: list[str], tmp_path: Path, runner: CliRunner) -> None:
    plan = _plan(tmp_path)
    result = runner.invoke(app, [*args, "--plans", str(plan)])
    assert result.exit_code == 0, result.output
    _assert_neutral(result.stdout)
    assert any(c.startswith("'=DEF()") for c in _cells(result.stdout))


def test_the_text_reads_the_same_after_the_quote(tmp_path: Path) -> None:
    plan = load_corpus([str(_plan(tmp_path))]).plans[0].plan
    text = as_csv(select_actions([plan], ActionFilter()))
    _assert_neutral(text)
    cells = _cells(text)
    assert "'" + FORMULAS[0] in cells and "'" + FORMULAS[3] in cells
    assert "'" + "\n".join(FORMULAS[1:3]) in cells  # the indicators cell


@pytest.mark.parametrize("value", [*FORMULAS, "\r=1", "=", "-", "@"])
def test_neutral_cell(value: str) -> None:
    assert neutral_cell(value) == "'" + value
    # A guarded text typed by someone ('=x) is guarded again, so that the import gives
    # back the apostrophe they typed (issue 26, class 5), never a formula.
    assert neutral_cell("'" + value) == "''" + value
    assert unguard(neutral_cell("'" + value)) == "'" + value


@pytest.mark.parametrize("value", ["Plain", "1325", "a=b", "", None, 3, "'quoted", "it's"])
def test_other_cells_are_kept(value: object) -> None:
    assert neutral_cell(value) == ("" if value is None else str(value))
