"""The reports a site carries are those `napctl render report` would render: what the
site reuses (each year's status, the plan's indicators) changes no byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from napctl.load.corpus import load_corpus, load_progress
from napctl.site import reports as site_reports
from napctl.site.data import plan_data
from napctl.site.render import site_environment
from tests.conftest import PLANS, ROOT

EXAMPLE = ROOT / "examples" / "progress" / "lu-2018-2023" / "2020"


def _two_years(root: Path) -> Path:
    """The example progress of 2020, and again for 2021 with other values."""
    for year in (2020, 2021):
        folder = root / "lu-2018-2023" / str(year)
        folder.mkdir(parents=True)
        for src in EXAMPLE.glob("*.yaml"):
            text = src.read_text(encoding="utf-8").replace("year: 2020", f"year: {year}")
            if year == 2021:
                text = text.replace("value: 1", "value: 7")
            (folder / src.name).write_text(text, encoding="utf-8")
    return root


def test_reports_reusing_the_sites_work_are_the_reports_worked_out_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = load_corpus([str(PLANS / "lu-2018-2023.yaml")]).plans[0].plan
    found = load_progress([_two_years(tmp_path)], [plan])
    assert found.problems == []
    reports = [r.report for r in found.reports]
    env = site_environment()
    data = plan_data(plan, "lu.yaml", reports)
    assert data.years[-2:] == [2020, 2021]
    reused = {y: site_reports.report_attachments(env, data, y, None) for y in (2020, 2021)}
    assert set(reused[2021]) == {"annual.html", "midterm.html"}

    alone = plan_data(plan, "lu.yaml", reports)
    alone.status = {}  # nothing known: every year worked out for the report
    monkeypatch.setattr(site_reports, "_same_indicators", lambda *_: None)
    for year in (2020, 2021):
        assert site_reports.report_attachments(env, alone, year, None) == reused[year]
    # The mid-term report shows both years' values, the indicator table's last.
    midterm = reused[2021]["midterm.html"]
    assert 'id="indicators"' in midterm and "2020: <strong>" in midterm
    assert "2021: <strong>" in midterm
