"""Ratings of expected results, on the results-shaped example plan xf-2022-2026.

Test data in tests/assess/results (invented): for 2024 MPF, MSEC and POL report, so the
government's combined statuses are A1.1.1.1 completed (1), A1.1.1.2 ongoing (1/2),
A1.1.1.3 not-reported, A1.1.2.1 delayed (1/4), A1.1.2.2 not-started (0), A2.1.1.1
and A2.1.1.2 completed (1), A2.1.2.1 ongoing (1/2), A2.1.2.2 not-reported. A
result's government side is the mean of its actions' places that have one:
R1.1.1 (1 + 1/2) / 2 = 3/4, R1.1.2 (1/4 + 0) / 2 = 1/8, R2.1.1 1, R2.1.2 1/2.

Example Sahel Women Watch (ogp-completion, tolerance 1/3):
  A1.1.1.1 substantial 2/3  beside 1    gap 1/3   agrees
  A2.1.1.2 limited 1/3      beside 1    gap 2/3   DISAGREES
  R1.1.1 limited 1/3        beside 3/4  gap 5/12  DISAGREES
  R1.1.2 not-started 0      beside 1/8  gap 1/8   agrees
  R2.1.1 substantial 2/3    beside 1    gap 1/3   DISAGREES: disputes completed,
                                                  the status of both its actions
  (R2.1.2 not-rated: no row; pillar AXE1 rated as a whole: limited)
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from napctl.assess.compare import Comparison, compare
from napctl.assess.results import combined_value, status_text
from napctl.core.problems import Problem
from napctl.load.assessments import assessments_in, load_assessments
from napctl.load.corpus import load_corpus, load_progress
from napctl.model import Plan
from napctl.model.assessment import Assessment
from napctl.progress.status import plan_status
from napctl.render.assessment_section import assessment_section
from tests.conftest import ROOT, napctl

DATA = ROOT / "tests" / "assess" / "results"
PLANS = ROOT / "tests" / "example-files" / "shapes" / "xf-2022-2026.yaml"
PROGRESS = DATA / "progress"
ASSESSMENTS = DATA / "assessments"
PLAN = "xf-2022-2026"
ORG = "Example Sahel Women Watch"
ARGS = ["--plans", str(PLANS), "--plan", PLAN, "--year", "2024", "--progress", str(PROGRESS)]
ARGS += ["--assessments", str(ASSESSMENTS)]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return next(p.plan for p in load_corpus([str(PLANS)]).plans if p.plan.id == PLAN)


@pytest.fixture(scope="module")
def rated(plan: Plan) -> list[Assessment]:
    corpus = load_assessments([ASSESSMENTS], [plan])
    assert corpus.ok, corpus.problems
    return [a.assessment for a in assessments_in(corpus)]


@pytest.fixture(scope="module")
def result(plan: Plan, rated: list[Assessment]) -> Comparison:
    reports = [r.report for r in load_progress([PROGRESS / PLAN / "2024"], [plan]).reports]
    assert len(reports) == 3
    return compare(plan, reports, rated, 2024)


def test_a_result_is_compared_with_the_mean_of_its_actions(result: Comparison) -> None:
    rows = {r.action: (r.kind, r.level, r.gap, r.disagrees) for r in result.rows}
    assert rows == {
        "A1.1.1.1": ("action", "substantial", Fraction(1, 3), False),
        "A2.1.1.2": ("action", "limited", Fraction(2, 3), True),
        "R1.1.1": ("result", "limited", Fraction(5, 12), True),
        "R1.1.2": ("result", "not-started", Fraction(1, 8), False),
        "R2.1.1": ("result", "substantial", Fraction(1, 3), True),
    }
    assert result.counts() == {
        "rated": 5,
        "compared": 5,
        "agree": 2,
        "disagree": 3,
        "not_compared": 0,
    }
    by_id = {r.action: r for r in result.rows}
    assert by_id["R1.1.1"].status == "completed 1, ongoing 1, not-reported 1 (mean 3/4)"
    assert by_id["R1.1.1"].pillar == "AXE1"
    assert by_id["R2.1.1"].disputes == "completed"
    # The government side of a result: each department's words on each of its actions.
    assert sorted(s.who for s in by_id["R2.1.1"].government) == [
        "MSEC, A2.1.1.1",
        "MSEC, A2.1.1.2",
        "POL, A2.1.1.1",
        "POL, A2.1.1.2",
    ]


def test_combined_value_leaves_out_statuses_without_a_place() -> None:
    assert combined_value(["completed", "delayed", "not-reported"]) == Fraction(5, 8)
    assert combined_value(["not-reported", "discontinued"]) is None
    assert status_text(["not-reported"]) == "not-reported 1"


def test_the_scorecard_counts_results_in_their_pillar(result: Comparison) -> None:
    cards = {c.pillar: c for c in result.scorecards}
    axe1, axe2 = cards["AXE1"], cards["AXE2"]
    assert (axe1.actions, axe1.results, axe2.actions, axe2.results) == (5, 2, 4, 2)
    assert {k: n for k, (_, n) in axe1.counts.items() if n} == {"substantial": 1, "not-rated": 4}
    assert {k: n for k, (_, n) in axe1.result_counts.items() if n} == {
        "limited": 1,
        "not-started": 1,
    }
    assert {k: n for k, (_, n) in axe2.result_counts.items() if n} == {
        "substantial": 1,
        "not-rated": 1,
    }
    assert axe1.overall == "limited (limited)"


def test_compare_cli_names_results_in_every_format() -> None:
    data = json.loads(napctl("compare", *ARGS, "-f", "json").stdout)
    kinds = {r["id"]: r["kind"] for r in data["disagreements"]}
    assert kinds == {"A2.1.1.2": "action", "R1.1.1": "result", "R2.1.1": "result"}
    card = next(c for c in data["scorecards"] if c["pillar"] == "AXE1")
    assert card["results"] == 2
    assert [x["count"] for x in card["result_levels"]] == [0, 1, 1, 0, 0, 0]
    md = napctl("compare", *ARGS, "-f", "md").stdout
    assert "| AXE1. Participation des femmes à la prise de décision | 2 | 0 (0 %) | 1 (50 %)" in md
    assert "**R1.1.1** Les femmes sont davantage candidates" in md
    html = napctl("compare", *ARGS, "-f", "html").stdout
    assert '<tr class="results"><td>AXE2. Protection' in html
    assert '<td class="num">2</td><td class="num">0 (0 %)</td>' in html
    text = napctl("compare", *ARGS, "-f", "table").stdout
    assert "  AXE2\t2 results: no evidence available 0 (0 %), not started 0 (0 %)" in text


def check(tmp_path: Path, plan: Plan, ratings: str) -> list[Problem]:
    folder = tmp_path / PLAN / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    head = f"plan: {PLAN}\nyear: 2024\norganisation: Example Watch\nscale: kroc-0-3\n"
    (folder / "example-watch.yaml").write_text(head + "ratings:\n" + ratings, encoding="utf-8")
    return load_assessments([tmp_path], [plan]).problems


def test_an_unknown_result_is_named_with_a_suggestion(tmp_path: Path, plan: Plan) -> None:
    (problem,) = check(tmp_path, plan, "  - result: R1.1.3\n    level: 1\n    narrative: x\n")
    assert (problem.line, problem.column, problem.code) == (6, 13, "NAP815")
    assert "plan 'xf-2022-2026' has no result 'R1.1.3'" in problem.message
    assert "did you mean" in problem.message


def test_a_rating_names_exactly_one_target(tmp_path: Path, plan: Plan) -> None:
    text = "  - action: A1.1.1.1\n    result: R1.1.1\n    level: 1\n    narrative: x\n"
    (problem,) = check(tmp_path, plan, text)
    assert problem.code == "NAP805"
    assert "an action, a result or a pillar (exactly one of them)" in problem.message


def test_a_result_rated_twice_and_an_action_inside_a_result(tmp_path: Path, plan: Plan) -> None:
    one = "  - result: R2.1.2\n    level: 1\n    narrative: x\n"
    action = "  - action: A2.1.2.2\n    level: 2\n    narrative: y\n"
    problems = check(tmp_path, plan, one + action + one)
    assert [(p.line, p.code) for p in problems] == [(12, "NAP806")]
    assert "result 'R2.1.2' is already rated in rating 1" in problems[0].message


def test_init_writes_the_actions_of_results_and_offers_the_results(
    tmp_path: Path, plan: Plan
) -> None:
    args = ["--plans", str(PLANS), "--plan", PLAN, "--year", "2024", "-o", "Example Watch"]
    napctl("assess", "init", *args, "--out", str(tmp_path))
    path = tmp_path / PLAN / "2024" / "example-watch.yaml"
    text = path.read_text(encoding="utf-8")
    corpus = load_assessments([tmp_path], [plan])
    assert corpus.ok, corpus.problems
    (written,) = [a.assessment for a in assessments_in(corpus)]
    assert [r.action for r in written.ratings] == [p.action.id for p in plan.walk()]
    assert len(written.ratings) == 9
    assert "  # - result: R2.1.2\n  #   level: not-rated\n" in text
    # Taking up the offer: the two lines uncommented make a valid rating of the result.
    path.write_text(
        text.replace("  # - result: R1.1.1\n  #   level", "  - result: R1.1.1\n    level")
    )
    corpus = load_assessments([tmp_path], [plan])
    assert corpus.ok, corpus.problems
    (written,) = [a.assessment for a in assessments_in(corpus)]
    assert written.ratings[-1].result == "R1.1.1"


def test_the_section_shows_a_result_under_its_pillar(
    plan: Plan, result: Comparison, rated: list[Assessment]
) -> None:
    reports = [r.report for r in load_progress([PROGRESS / PLAN / "2024"], [plan]).reports]
    section = assessment_section(plan, plan_status(plan, reports, [2024]), rated)
    assert section is not None
    pillars = {p["id"]: p for p in section["pillars"]}
    shown = {
        (p, r["id"], x["organisation"], x["rating"])
        for p, pillar in pillars.items()
        for r in pillar["results"]
        for x in r["ratings"]
    }
    assert shown == {
        ("AXE1", "R1.1.1", ORG, "limited"),
        ("AXE1", "R1.1.2", ORG, "not-started (not started)"),
        ("AXE2", "R2.1.1", ORG, "substantial"),
    }


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_and_dashboard_show_result_ratings_with_the_organisation(fmt: str) -> None:
    base = ["--plans", str(PLANS), "--plan", PLAN, "--year", "2024", "--progress", str(PROGRESS)]
    base += ["--assessments", str(ASSESSMENTS)]
    out = napctl("render", "report", *base, "--shape", "annual", "-f", fmt).stdout
    if fmt == "md":
        assert (
            "- **R1.1.1** Les femmes sont davantage candidates et élues aux élections:"
            f" {ORG}: **limited**" in out
        )
    else:
        assert (
            f'<li data-rated-result="R2.1.1" data-organisation="{ORG}" data-level="substantial">'
            in out
        )
    dashboard = napctl("render", "dashboard", *base).stdout
    assert f'data-rated-result="R1.1.2" data-organisation="{ORG}"' in dashboard
