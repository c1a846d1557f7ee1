"""Independent assessments on the action pages: `napctl site --assessments`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT
from tests.site.sitebuild import PROGRESS

ASSESSMENTS = ROOT / "examples" / "assessments"


def _site(runner: CliRunner, out: Path, *more: str) -> tuple[int, str]:
    args = ["site", "--out", str(out), "--plans", str(PLANS), "--progress", str(PROGRESS)]
    result = runner.invoke(app, [*args, "--no-search", *more])
    return result.exit_code, result.stderr


def test_each_rating_is_named_and_beside_the_government_status(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, stderr = _site(runner, tmp_path, "--assessments", str(ASSESSMENTS))
    assert code == 0, stderr
    assert "not shown yet" not in stderr
    page = tmp_path / "lu-2018-2023" / "actions" / "II.1.1"
    rows = list(csv.DictReader(io.StringIO((page / "assessments.csv").read_text("utf-8"))))
    assert [(r["organisation"], r["rating"], r["government"]) for r in rows] == [
        ("Example Feminist Peace Network", "no-evidence (no evidence available)", "ongoing"),
        ("Example Gender Watch", "1 (minimal)", "ongoing"),
    ]
    assert {r["year"] for r in rows} == {"2020"}
    html = (page / "index.html").read_text("utf-8")
    assert html.index('id="reports"') < html.index('id="assessments"')


def test_without_assessments_the_section_is_left_out(runner: CliRunner, tmp_path: Path) -> None:
    code, stderr = _site(runner, tmp_path)
    assert code == 0, stderr
    page = tmp_path / "lu-2018-2023" / "actions" / "II.1.1"
    assert not (page / "assessments.csv").exists()
    assert 'id="assessments"' not in (page / "index.html").read_text("utf-8")


def test_an_invalid_assessment_file_is_named_and_the_exit_is_1(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan: lu-2018-2023\nyear: 2020\n", "utf-8")
    code, stderr = _site(runner, tmp_path / "out", "--assessments", str(bad))
    assert code == 1
    assert "1 invalid assessment file not counted" in stderr
    assert (tmp_path / "out" / "index.html").is_file()
