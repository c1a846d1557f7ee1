"""The results level and the actors on the site, from the plan of every shape."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site.sitebuild import build

SHAPES = ROOT / "tests" / "example-files" / "shapes" / "xf-2022-2026.yaml"


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("results-site")
    build(out, plans=(SHAPES,), progress=())
    return out / "xf-2022-2026"


def test_each_result_has_its_page_listing_its_actions(site: Path) -> None:
    assert sorted(p.name for p in (site / "results").iterdir()) == [
        "R1.1.1",
        "R1.1.2",
        "R2.1.1",
        "R2.1.2",
    ]
    html = (site / "results" / "R1.1.1" / "index.html").read_text("utf-8")
    assert '<a href="../../../xf-2022-2026/actions/A1.1.1.3/index.html">' in html
    actors = _rows(site / "results" / "R1.1.1" / "actors.csv")
    assert [(r["code"], r["kind"], r["role"]) for r in actors] == [
        ("MPF", "gouvernement", "responsable"),
        ("CENI", "organe indépendant", "responsable"),
        ("OSC", "société civile", "partenaire"),
        ("PTF", "bailleur", "bailleur de fonds"),
    ]


def test_the_goal_and_the_actions_link_to_their_result(site: Path) -> None:
    goal = site / "goals" / "OS1.1"
    assert [r["result"] for r in _rows(goal / "results.csv")] == ["R1.1.1", "R1.1.2"]
    link = '<a href="../../../xf-2022-2026/results/R1.1.1/index.html">R1.1.1</a>'
    assert link in (goal / "index.html").read_text("utf-8")
    action = site / "actions" / "A1.1.1.3"
    assert _rows(action / "result.csv")[0]["result"] == "R1.1.1"
    assert "../../../xf-2022-2026/results/R1.1.1/index.html" in (action / "index.html").read_text(
        "utf-8"
    )


def test_actors_show_their_kind_and_role(site: Path) -> None:
    rows = _rows(site / "actions" / "A1.1.1.3" / "actors.csv")
    assert [(r["code"], r["kind"], r["role"]) for r in rows] == [
        ("AN", "parlement", "responsable"),
        ("OSC", "société civile", "appui"),
    ]
    osc = _rows(site / "departments" / "osc" / "actor.csv")
    assert [(r["kind"], r["reports"], r["role"], r["actions"]) for r in osc] == [
        ("société civile", "non", "partenaire", "3"),
        ("société civile", "non", "responsable", "1"),
        ("société civile", "non", "appui", "1"),
    ]


def test_a_plan_without_results_has_no_result_pages(tmp_path: Path) -> None:
    build(tmp_path)
    assert not list(tmp_path.glob("*/results"))
