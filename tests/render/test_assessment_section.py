"""The independent assessment section of the filled reports and the dashboard.

On the example data (examples/assessments, lu-2018-2023, 2020) Example Feminist
Peace Network rates 6 actions (II.3.1 is left not-rated) and the pillar II as a
whole; Example Gender Watch rates 7 actions: 13 rating rows, each naming its
organisation, beside the government's combined status (II.4.1 completed beside
the network's "limited" and the watch's "3").
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from napctl.core.slugs import slugify
from napctl.load.assessments import assessments_in, load_assessments
from napctl.load.corpus import load_corpus, load_progress
from napctl.model import Plan
from napctl.progress.status import plan_status
from napctl.render.assessment_section import assessment_section
from tests.conftest import PLANS, ROOT, napctl
from tests.render.test_render import GOLDEN, compare_golden

PROGRESS = ROOT / "examples" / "progress"
ASSESSMENTS = ROOT / "examples" / "assessments"
PLAN = "lu-2018-2023"
FPN = "Example Feminist Peace Network"
EGW = "Example Gender Watch"
BASE = ["--plans", str(PLANS), "--plan", PLAN, "--year", "2020", "--progress", str(PROGRESS)]
REPORT = ["render", "report", *BASE]
DASHBOARD = ["render", "dashboard", *BASE]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return next(p.plan for p in load_corpus([str(PLANS)]).plans if p.plan.id == PLAN)


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        ([*REPORT, "--shape", "annual", "-f", "md"], "report-lu-2018-2023-2020-annual-assessed.md"),
        (
            [*REPORT, "--shape", "annual", "-f", "html"],
            "report-lu-2018-2023-2020-annual-assessed.html",
        ),
        (DASHBOARD, "dashboard-lu-2018-2023-2020-assessed.html"),
    ],
)
def test_golden_with_the_example_assessments(args: list[str], golden: str) -> None:
    compare_golden(golden, napctl(*args, "--assessments", str(ASSESSMENTS)).stdout)


def test_every_rating_names_its_organisation_beside_the_government_status() -> None:
    out = napctl(*DASHBOARD, "--assessments", str(ASSESSMENTS)).stdout
    rows = re.findall(r'<tr data-rated-action="([^"]+)" data-organisation="([^"]+)"', out)
    assert len(rows) == 13
    assert sum(o == FPN for _, o in rows) == 6 and sum(o == EGW for _, o in rows) == 7
    ii41 = out[out.index('data-rated-action="II.4.1"') :].split('data-rated-action="II.9.1"')[0]
    assert '<span class="tag status-completed">completed</span>' in ii41
    assert (
        f"<strong>{FPN}</strong>: limited" in ii41
        and f"<strong>{EGW}</strong>: 3 (complete)" in ii41
    )
    assert "6 of 55 actions" in out and "7 of 55 actions" in out
    # The government's side is as it was: the same counts in the header.
    assert 'data-completed="2">2</strong> completed' in out


def test_markdown_rows_name_the_organisation_and_the_pillar_rating() -> None:
    out = napctl(*REPORT, "--shape", "midterm", "--assessments", str(ASSESSMENTS)).stdout
    assert "## Independent assessment 2020" in out
    assert (
        "| **II.4.1** Direct and NGO-led campaigns and actions | **completed** |"
        f" {FPN}: **limited** (ogp-completion) |" in out
    )
    assert f"|  |  | {EGW}: **3 (complete)** (kroc-0-3) | Done as reported. |  |" in out
    assert f"- The pillar as a whole, by {FPN} (ogp-completion): **limited**." in out
    assert out.index("## Independent assessment") < out.index("## Missing reports in 2020")


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        ([*REPORT, "--shape", "annual", "-f", "md"], "report-lu-2018-2023-2020-annual.md"),
        ([*REPORT, "--shape", "midterm", "-f", "html"], "report-lu-2018-2023-2020-midterm.html"),
    ],
)
def test_no_assessment_of_the_year_leaves_the_report_unchanged(
    args: list[str], golden: str, tmp_path: Path
) -> None:
    """Assessments of another year only: the same bytes as without any."""
    other = tmp_path / PLAN / "2019"
    other.mkdir(parents=True)
    source = (ASSESSMENTS / PLAN / "2020" / "example-gender-watch.yaml").read_text("utf-8")
    (other / "example-gender-watch.yaml").write_text(source.replace("year: 2020", "year: 2019"))
    out = napctl(*args, "--assessments", str(tmp_path)).stdout
    assert out == (GOLDEN / golden).read_text("utf-8")


def test_found_through_the_environment_variable() -> None:
    env = {"NAPCTL_ASSESSMENTS": str(ASSESSMENTS)}
    out = napctl(*REPORT, "--shape", "annual", env=env).stdout
    assert f"| {EGW} | kroc-0-3 | 2021-04-01 | 7 of 55 actions |" in out


def test_an_invalid_assessment_is_left_out_named_and_exits_1(tmp_path: Path) -> None:
    shutil.copytree(ASSESSMENTS, tmp_path, dirs_exist_ok=True)
    bad = tmp_path / PLAN / "2020" / "example-gender-watch.yaml"
    bad.write_text(bad.read_text("utf-8").replace("level: 0", "level: 7"))
    result = napctl(*DASHBOARD, "--assessments", str(tmp_path), code=1)
    assert "example-gender-watch.yaml" in result.stderr and "not counted" in result.stderr
    assert FPN in result.stdout and EGW not in result.stdout


HOSTILE_NAME = '<script>alert("o")</script> | **Org** [x](javascript:alert(1))'
HOSTILE_NARRATIVE = "<img src=x onerror=alert(1)> | ![p](http://evil.example/p.png) @someone"


def _hostile(root: Path) -> None:
    folder = root / PLAN / "2020"
    folder.mkdir(parents=True)
    (folder / f"{slugify(HOSTILE_NAME)}.yaml").write_text(
        f"plan: {PLAN}\nyear: 2020\norganisation: '{HOSTILE_NAME}'\nscale: kroc-0-3\n"
        "method: '<b>bold</b> & <i>more</i>'\nratings:\n"
        f"  - action: II.4.1\n    level: 1\n    narrative: '{HOSTILE_NARRATIVE}'\n"
        "    evidence:\n      - title: '<a href=javascript:x>t</a>'\n"
        "        url: https://example.org/a?b=<c>&d='e'\n"
        f"  - pillar: II\n    level: 0\n    narrative: '{HOSTILE_NARRATIVE}'\n",
        encoding="utf-8",
    )


def test_hostile_names_and_narratives_are_escaped(tmp_path: Path) -> None:
    _hostile(tmp_path)
    html = napctl(*DASHBOARD, "--assessments", str(tmp_path)).stdout
    for raw in ("<script>alert", "<img src=x", "<b>bold", "<a href=javascript"):
        assert raw not in html
    assert "&lt;script&gt;alert(&#34;o&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    md = napctl(*REPORT, "--shape", "annual", "--assessments", str(tmp_path)).stdout
    section = md[md.index("## Independent assessment") : md.index("## Missing reports")]
    assert r"\<script\>alert" in section and r"\*\*Org\*\* \[x\]" in section
    rendered = MarkdownIt("commonmark").enable("table").render(section)
    for raw in ("<script", "<img", "<b>", "<strong>Org", 'href="javascript'):
        assert raw not in rendered
    # No pipe got through unescaped: every row of the ratings table has its five cells.
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, re.S)
    rated = [r for r in rows if "II.4.1" in r]
    assert len(rated) == 1 and rated[0].count("<td") == 5
    assert "<a href=\"https://example.org/a?b=%3Cc%3E&amp;d='e'\">" in rendered


def test_the_section_of_the_library(plan: Plan) -> None:
    reports = [r.report for r in load_progress([PROGRESS / PLAN / "2020"], [plan]).reports]
    rated = [a.assessment for a in assessments_in(load_assessments([ASSESSMENTS], [plan]))]
    status = plan_status(plan, reports, [2020])
    section = assessment_section(plan, status, rated)
    assert section is not None
    assert [o["name"] for o in section["organisations"]] == [FPN, EGW]
    assert [p["id"] for p in section["pillars"]] == ["I", "II", "III", "IV"]
    ii = section["pillars"][1]
    assert [r["organisation"] for r in ii["overall"]] == [FPN]
    assert [a["id"] for a in ii["actions"]] == ["II.1.1", "II.2.3", "II.4.1", "II.9.1"]
    assert assessment_section(plan, plan_status(plan, reports, [2021]), rated) is None
