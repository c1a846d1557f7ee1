"""Checklists go to the actors that report: none for an actor whose registry entry does
not report (as `progress init` writes it no file); a partner that does not report is
named with its role as text; a body that collects reports says for whom."""

from __future__ import annotations

import pytest

from napctl.load.corpus import load_file
from napctl.model import Plan
from napctl.model.registry import registry_index
from napctl.plans import QueryError
from napctl.render.checklists import build_checklists, render_checklist
from tests.conftest import EXAMPLES, ROOT


def _plan(path: str) -> Plan:
    plan, _ = load_file(EXAMPLES / "shapes" / path if "/" not in path else ROOT / path)
    assert plan is not None
    return plan


def test_only_reporting_actors_get_a_checklist() -> None:
    plan = _plan("xf-2022-2026.yaml")
    files = build_checklists([plan], "md").files
    assert sorted(files) == [
        "index.md",
        *(f"xf/{c}.md" for c in ("fds", "mint", "mpf", "msec", "pol", "sp-1325")),
    ]
    # The same actors as the progress files of the year.
    assert {n.split("/")[-1].removesuffix(".md") for n in files if "/" in n} == {
        c.lower() for c in registry_index(plan).reporting
    }


def test_collected_actions_are_the_collector_s() -> None:
    plan = _plan("xf-2022-2026.yaml")
    index = registry_index(plan)
    assert [index.rows[n][2].id for n in index.collected("SP-1325")] == ["A1.1.1.3", "A2.1.2.2"]
    assert index.collected("MPF") == []
    text = render_checklist([plan], "SP-1325", "md", lang="en")
    assert "SP-1325 reports for the actors that do not report: Assemblée nationale," in text
    assert "Shared with: Organisations de la société civile (OSC), responsible" in text


def test_a_partner_that_does_not_report_is_text_with_its_role() -> None:
    text = render_checklist([_plan("xf-2022-2026.yaml")], "MSEC", "html", lang="en")
    assert text.count("checkbox") == 2  # A2.1.1.1 and A2.1.1.2, MSEC's
    # POL reports: its name alone, as before; UN Women does not: with its role.
    assert text.count("Shared with:</strong> Police nationale (POL); Entité") == 2
    assert text.count("(ONU Femmes), support</p>") == 2


def test_an_actor_that_does_not_report_has_none() -> None:
    plan = _plan("xf-2022-2026.yaml")
    for actor in ("OSC", "PTF", "ONU Femmes", "CENI", "AN"):
        with pytest.raises(QueryError, match=f"'{actor}' does not report"):
            render_checklist([plan], actor, "md")


def test_bundled_plans_keep_a_checklist_per_department() -> None:
    plan = _plan("plans/lu-2018-2023.yaml")
    files = build_checklists([plan], "md").files
    assert len(files) == len(plan.departments) + 1
