"""Issue 26, class 5: dates are real dates, in progress files and wherever a date is typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.model.types import is_date_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "text", ["2021", "2021-01", "2021-12", "2021-02-28", "2024-02-29", "2021-12-31"]
)
def test_real_dates_are_dates(text: str) -> None:
    assert is_date_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "2021-13",
        "2021-00",
        "2021-02-30",
        "2023-02-29",
        "2021-04-31",
        "2021-01-00",
        "2021-1",
        "21-01-01",
        "2021-01-32",
    ],
)
def test_impossible_dates_are_not(text: str) -> None:
    assert not is_date_text(text)


@pytest.mark.parametrize("due", ['"2021-13"', '"2021-00"', '"2021-02-30"', "2021-02-30"])
def test_validate_refuses_an_impossible_revised_due(tmp_path: Path, due: str) -> None:
    out = tmp_path / "progress"
    runner = CliRunner()
    made = runner.invoke(
        app,
        [
            "progress",
            "init",
            "--plans",
            str(ROOT / "plans"),
            "--plan",
            "lu-2018-2023",
            "--year",
            "2021",
            "--out",
            str(out),
        ],
    )
    assert made.exit_code == 0, made.output
    path = out / "lu-2018-2023" / "2021" / "maee-d5.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("status: not-reported", f"status: delayed\n    revised_due: {due}", 1),
        encoding="utf-8",
    )
    line = text[: text.index("status: not-reported")].count("\n") + 2
    result = runner.invoke(
        app, ["validate", "--plans", str(ROOT / "plans"), "--progress", str(out)]
    )
    assert result.exit_code == 1
    assert f"maee-d5.yaml:{line}:18: NAP20" in result.output
