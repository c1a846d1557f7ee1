"""A site's pages cost their own size: a department's or an action's page looks its
actions up in the plan's index, never walks the whole plan (pages times actions).
Nothing is timed: the walks of the plan are counted."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from napctl.model import Plan
from napctl.model.plan import Placed
from tests.conftest import ROOT
from tests.site.sitebuild import build

sys.path.insert(0, str(ROOT / "bench"))
import shapes


def test_a_plan_is_walked_a_fixed_number_of_times_whatever_its_number_of_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    walks = []
    walk = Plan.walk
    for size in (40, 160):
        plans = tmp_path / f"plans-{size}"
        plans.mkdir()
        (plans / "wide.yaml").write_text(shapes.wide_registry(size), encoding="utf-8")
        count = [0]

        def counted(plan: Plan, count: list[int] = count) -> Iterator[Placed]:
            count[0] += 1
            return walk(plan)

        monkeypatch.setattr(Plan, "walk", counted)
        result = build(tmp_path / f"site-{size}", plans=[plans], progress=[])
        monkeypatch.setattr(Plan, "walk", walk)
        assert result.pages > size  # a page per department at least
        walks.append(count[0])
    assert walks[0] == walks[1], walks
