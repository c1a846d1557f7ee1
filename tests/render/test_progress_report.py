"""Reports filled from the progress files: both shapes, Markdown and HTML, golden files."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT
from tests.render.test_render import compare_golden

EXAMPLE = ROOT / "examples" / "progress"
PLAN = "lu-2018-2023"


def render(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(
        app,
        [
            "render",
            "report",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--progress",
            str(EXAMPLE),
            "--plans",
            str(PLANS),
            *args,
        ],
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("shape", ["annual", "midterm"])
def test_filled_report_golden(shape: str, fmt: str, runner: CliRunner) -> None:
    out = render(runner, "--shape", shape, "-f", fmt)
    compare_golden(f"report-{PLAN}-2020-{shape}.{fmt}", out)


def test_annual_report_fills_values_and_names_who_owes_the_rest(runner: CliRunner) -> None:
    out = render(runner)  # --year with progress files: the annual shape
    assert (
        "| Actions | 55 (33 not-reported, 2 not-started, 14 ongoing, 4 delayed,"
        " 2 completed) |" in out
    )
    assert "| Reports missing | 174 from 24 departments |" in out
    assert (
        "- **II.4.1** Direct and NGO-led campaigns and actions: Orange Week campaign"
        " with six NGOs. (MEGA); Two NGO campaigns co-financed. (MAEE D5)" in out
    )
    assert "| MEGA: ongoing | Girls' Day and Boys' Day held online. | 1: 412 participants |" in out
    assert (
        "[Annual report of the helpline (example)]"
        "(<examples/progress/evidence/helpline-2020.md>) (2021-02)" in out
    )
    assert "____ *(not reported by MAEE D4, MAEE D7/Luxembourg Army)*" in out


def test_midterm_report_has_one_column_per_year(runner: CliRunner) -> None:
    out = render(runner, "--shape", "midterm")
    assert "| 2020 | 55 | 33 | 2 | 14 | 4 | 2 | 0 | 0 | 4 % |" in out
    assert "| **I.1.4** " in out and "| not-reported | not-reported | ongoing | MEGA:" in out


def test_skeleton_without_progress_is_unchanged(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [
            "render",
            "report",
            "--plan",
            PLAN,
            "--year",
            "2024",
            "--plans",
            str(PLANS),
            "--shape",
            "skeleton",
        ],
    )
    assert result.exit_code == 0
    assert "- **Progress:** ____" in result.stdout


def test_hostile_progress_text_in_reports(tmp_path: object, runner: CliRunner) -> None:
    import shutil
    from pathlib import Path

    root = Path(str(tmp_path)) / "progress"
    shutil.copytree(EXAMPLE, root)
    path = root / PLAN / "2020" / "sre.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "summary: Two analyses shared with partners.",
            'summary: "<img src=x onerror=alert(1)> [a](javascript:x) | cell"',
        ),
        encoding="utf-8",
    )
    for fmt in ("md", "html"):
        result = runner.invoke(
            app,
            [
                "render",
                "report",
                "--plan",
                PLAN,
                "--year",
                "2020",
                "--progress",
                str(root),
                "--plans",
                str(PLANS),
                "-f",
                fmt,
            ],
        )
        assert result.exit_code == 0, result.output
        if fmt == "md":
            assert (
                "\\<img src=x onerror=alert(1)\\> \\[a\\](javascript:x) \\| cell" in result.stdout
            )
    assert "<img" not in result.stdout
    assert "&lt;img src=x onerror=alert(1)&gt;" in result.stdout


def test_hostile_progress_text_in_the_dashboard(tmp_path: object, runner: CliRunner) -> None:
    import shutil
    from pathlib import Path

    root = Path(str(tmp_path)) / "progress"
    shutil.copytree(EXAMPLE, root)
    path = root / PLAN / "2020" / "mega.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("title: Teaching kit (example)", 'title: "</a><script>alert(1)</script>"')
        .replace("summary: Helpline hours extended.", 'summary: "\\"><svg onload=alert(1)>"'),
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "render",
            "dashboard",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--progress",
            str(root),
            "--plans",
            str(PLANS),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "<script" not in result.stdout and "<svg onload" not in result.stdout
    assert "&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


def test_dashboard_needs_a_year_within_the_plan(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [
            "render",
            "dashboard",
            "--plan",
            PLAN,
            "--year",
            "1990",
            "--progress",
            str(EXAMPLE),
            "--plans",
            str(PLANS),
        ],
    )
    assert result.exit_code == 2 and "outside plan" in result.stderr


def test_a_user_template_extends_the_annual_shape(tmp_path: object, runner: CliRunner) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "report-annual.md.j2").write_text(
        '{% extends "default/report-annual.md.j2" %}\n'
        "{% block achievements %}## Highlights ({{ achievements | length }})\n\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    out = render(runner, "--templates", str(folder))
    assert "## Highlights (2)\n" in out and "Main achievements" not in out
    assert "## Reporting matrix" in out
