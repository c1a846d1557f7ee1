"""The indicators on the site: the action page's section and the indicator pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.site.sitebuild import build

INDICATORS = Path(__file__).resolve().parents[1] / "indicators" / "data"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("indicator-site")
    build(out, date="2021-03-31")
    return out


def test_action_page_shows_values_against_baseline_and_target_then_the_chart(
    site: Path,
) -> None:
    page = site / "lu-2018-2023" / "actions" / "II.1.1"
    html = (page / "index.html").read_text("utf-8")
    section = html[html.index('<section id="indicators"') :]
    section = section[: section.index("</section>")]
    link = '<a href="../../../lu-2018-2023/indicators/II.1.1-1/index.html">II.1.1 #1</a>'
    assert link in section
    assert section.index("<table>") < section.index("<svg")
    rows = json.loads((page / "data.json").read_text("utf-8"))["sections"][0]["rows"]
    assert rows[0]["indicator"] == "II.1.1 #1"
    assert {r["status"] for r in rows} == {rows[0]["status"]}
    assert all(r["value"] is not None for r in rows)
    csv = (page / "indicators.csv").read_text("utf-8")
    assert csv.splitlines()[0] == "indicator,text,unit,baseline,year,value,target,status"


def test_an_action_without_series_lists_its_indicators_without_values(site: Path) -> None:
    data = json.loads(
        (site / "lu-2018-2023" / "actions" / "II.2.1" / "data.json").read_text("utf-8")
    )
    rows = data["sections"][0]["rows"]
    assert rows and rows[0]["indicator"] == "II.2.1 #1"
    assert rows[0]["value"] is None and rows[0]["status"] is None


def test_every_indicator_with_a_series_has_its_page(site: Path) -> None:
    found = sorted(p.name for p in (site / "lu-2018-2023" / "indicators").iterdir())
    assert found == ["I.1.4-1", "II.1.1-1", "II.10.1-1", "II.3.1-1", "IV.3.1-1"]
    data = json.loads(
        (site / "lu-2018-2023" / "indicators" / "II.1.1-1" / "data.json").read_text("utf-8")
    )
    assert data["kind"] == "indicator"
    assert [s["id"] for s in data["sections"]] == ["values", "reported"]
    assert data["sections"][1]["rows"], "the departments' values are listed"
    assert not (site / "be-2013-2016" / "indicators").exists()


def test_values_stand_against_baseline_target_and_status(tmp_path: Path) -> None:
    build(tmp_path, plans=(INDICATORS / "plans",), progress=(INDICATORS / "progress",))
    page = tmp_path / "zz-2018-2022" / "actions" / "P1.1.2"
    assert (page / "indicators.csv").read_text("utf-8").splitlines()[1:4] == [
        "P1.1.2 #1,Harassment cases reported,cases,40 (2017),2018,36,30 (2020),target achieved",
        "P1.1.2 #1,Harassment cases reported,cases,40 (2017),2019,33,30 (2020),target achieved",
        "P1.1.2 #1,Harassment cases reported,cases,40 (2017),2020,30,30 (2020),target achieved",
    ]
    html = (page / "index.html").read_text("utf-8")
    assert '<title id="indicators-l1">P1.1.2 #1: 2018 36, 2019 33, 2020 30; Baseline 40;' in html
    assert "Target (dashed line): 30 (2020). Status: target achieved.</figcaption>" in html
