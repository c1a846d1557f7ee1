"""The indicator section of the dashboard and reports, and the checklist's hints."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, napctl
from tests.indicators.conftest import PLANS, PROGRESS

BASE = ("--plans", str(PLANS), "--progress", str(PROGRESS), "--plan", "zz-2018-2022")


def test_dashboard_table_first_then_accessible_charts(tmp_path: Path) -> None:
    out = tmp_path / "dash.html"
    napctl("render", "dashboard", *BASE, "--year", "2020", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    section = html[html.index('<section class="indicators"') :]
    section = section[: section.index("</section>")]
    assert section.index("<table") < section.index("<svg")  # the table is the source
    row = re.search(r'<tr data-indicator="P1.1.1 #1" data-progress="([a-z-]+)">(.*?)</tr>', section)
    assert row is not None and row.group(1) == "moderate-progress"
    assert "2020: <strong>120</strong>" in row.group(2) and "150 by 2022" in row.group(2)
    chart = section[section.index('data-chart="P1.1.1 #1"') :]
    chart = chart[: chart.index("</figure>")]
    assert 'role="img"' in chart and 'aria-labelledby="chart-p1-1-1-1"' in chart
    assert (
        '<title id="chart-p1-1-1-1">P1.1.1 #1: 2018 105, 2019 70, 2020 120; baseline 100;'
        " target 150 by 2022</title>"
    ) in chart
    assert "Target (dashed line) 150 by 2022. Moderate progress.</figcaption>" in chart
    # The qualitative indicator has no chart, its narratives are in the table.
    assert 'data-chart="P1.1.3 #2"' not in section
    assert "Night hours were added" in section


def test_midterm_report_carries_values_and_status() -> None:
    md = napctl("render", "report", *BASE, "--year", "2020", "--shape", "midterm").stdout
    assert (
        "| **P1.1.2 \\#1** Harassment cases reported | cases | 40 (2017) |"
        " 2018: 36; 2019: 33; 2020: 30 | 30 by 2020 | target achieved |"
    ) in md


def test_checklist_shows_last_value_and_target_beside_the_value_line() -> None:
    md = napctl("render", "checklist", *BASE, "--actor", "DEF", "--year", "2020").stdout
    lines = md.splitlines()
    at = lines.index("  - Indicator 1: Harassment cases reported")
    assert lines[at + 1 : at + 3] == [
        "    - Last value: 33 (2019); target: 30 by 2020",
        "    - Value: 30",
    ]


def test_export_year_appends_last_value_and_target_columns(tmp_path: Path) -> None:
    import csv
    import io
    import shutil

    progress = tmp_path / "progress"
    shutil.copytree(PROGRESS, progress)
    args = ("--plans", str(PLANS), "--progress", str(progress), "--plan", "zz-2018-2022")
    sheet = tmp_path / "sheet.csv"
    napctl("export", *args, "--year", "2020", "-f", "csv", "-o", str(sheet))
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    header = list(rows[0])
    assert header[header.index("napctl base (do not edit)") + 1 :] == [
        "Indicator 1 last value",
        "Indicator 1 target",
        "Indicator 2 last value",
        "Indicator 2 target",
    ]
    row = next(r for r in rows if r["Action id"] == "P1.1.2")
    assert (row["Indicator 1 value"], row["Indicator 1 last value"]) == ("30", "33 (2019)")
    assert row["Indicator 1 target"] == "30 by 2020"
    # The sheet still imports: the appended columns are read by nobody.
    before = {p: p.read_bytes() for p in progress.rglob("*.yaml")}
    napctl("progress", "import", str(sheet), "--year", "2020", *args[:4])
    assert {p: p.read_bytes() for p in progress.rglob("*.yaml")} == before


def test_export_without_hints_keeps_its_columns() -> None:
    out = napctl(
        "export",
        "--plans",
        str(ROOT / "plans"),
        "--progress",
        str(ROOT / "examples" / "progress"),
        "--plan",
        "lu-2018-2023",
        "--year",
        "2020",
        "-f",
        "csv",
        "-o",
        "-",
    ).stdout
    assert out.splitlines()[0].endswith("napctl base (do not edit)")
