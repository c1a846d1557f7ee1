"""A department's share of the actions for All costs its own size, not the registry's.

Before, every checklist item and every progress-sheet row of an action for All
copied the whole registry (a list, then a set) to find its department: 10,000
checklists of a 10,000-department plan made 100 million steps. These tests
make the registry's list of codes unreadable and ask for one department's
share: they pass only if nothing walks the registry per item. Nothing is timed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from napctl.checks.progress import responsible, responsible_among
from napctl.load.corpus import load_corpus
from napctl.model import Plan
from napctl.query.registry import registry_index
from napctl.render.progress_checklist import ChecklistProgress
from napctl.render.templates import build_checklists
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import shapes


class _Unreadable(tuple):  # type: ignore[type-arg]
    def __iter__(self) -> Any:
        raise AssertionError("the whole registry was walked for one department's share")


@pytest.fixture
def wide(tmp_path: Path) -> Plan:
    path = tmp_path / "wide.yaml"
    path.write_text(shapes.wide_registry(3000), encoding="utf-8")
    return load_corpus([str(path)]).plans[0].plan


def _everyone(plan: Plan) -> Any:
    return next(a for *_, a in plan.actions() if a.for_all)


def test_one_departments_share_of_all_reads_only_that_department(wide: Plan) -> None:
    everyone = _everyone(wide)
    assert list(responsible(wide, everyone)) == [f"D{i}" for i in range(3000)]
    index = registry_index(wide)
    index.codes = _Unreadable(index.codes)
    assert responsible_among(wide, everyone, frozenset({"D7", "D2", "nobody"})) == ["D2", "D7"]
    progress = ChecklistProgress.of([], 2021)
    assert progress.department_for(wide, everyone, frozenset({"D9"}), ("D9",)) == "D9"
    one = next(a for *_, a in wide.actions() if a.id == "A5")
    assert responsible_among(wide, one, frozenset({"D5"})) == ["D5"]
    assert responsible_among(wide, one, frozenset({"D6"})) == []


class _Counted(tuple):  # type: ignore[type-arg]
    walks = 0

    def __iter__(self) -> Any:
        type(self).walks += 1
        return super().__iter__()


def test_the_years_checklists_of_a_wide_registry_never_walk_it_per_item(wide: Plan) -> None:
    index = registry_index(wide)
    index.codes = _Unreadable(index.codes)
    # Count the walks of the plan's own list of departments, whoever makes them.
    object.__setattr__(wide, "departments", _Counted(wide.departments))
    files = build_checklists([wide], "md", progress=ChecklistProgress.of([], 2021))
    assert len(files.files) == 3001
    d42 = files.files["xx/d42.md"]
    assert "**A42**" in d42 and "**ALL1**" in d42 and "napctl: " in d42
    assert _Counted.walks <= 5  # once to list the checklists, never per item
