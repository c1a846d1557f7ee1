"""The dashboard's rows name their expected result, and only plans with results get
result headings (tests/golden keeps the pages of plans without them)."""

from __future__ import annotations

from napctl.load.corpus import load_file
from napctl.render.dashboard import dashboard_context, render_dashboard
from tests.conftest import EXAMPLES, ROOT


def test_rows_carry_their_result() -> None:
    plan, _ = load_file(EXAMPLES / "shapes" / "xf-2022-2026.yaml")
    assert plan is not None
    context = dashboard_context(plan, [], 2023, lang="fr")
    rows = [r for p in context["pillars"] for r in p["actions"]]
    assert [(r["id"], r["result"]["id"]) for r in rows][:3] == [
        ("A1.1.1.1", "R1.1.1"),
        ("A1.1.1.2", "R1.1.1"),
        ("A1.1.1.3", "R1.1.1"),
    ]
    page = render_dashboard(plan, [], 2023, lang="fr")
    assert page.count('<tr class="result"') == 4


def test_a_plan_without_results_has_no_result_heading() -> None:
    plan, _ = load_file(ROOT / "plans" / "lu-2018-2023.yaml")
    assert plan is not None
    context = dashboard_context(plan, [], 2020)
    assert {r["result"] for p in context["pillars"] for r in p["actions"]} == {None}
    assert 'class="result"' not in render_dashboard(plan, [], 2020)
