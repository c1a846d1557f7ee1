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
from napctl.model.registry import registry_index
from napctl.progress.checklist_items import ChecklistProgress
from napctl.render.checklists import build_checklists
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


def test_importing_a_sheet_builds_the_plans_index_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file written is checked against its plan: with the plan's index built per
    file, a 10,000-row sheet took minutes (5,000 builds for 1,000 rows)."""
    import csv

    from typer.testing import CliRunner

    from napctl.cli import app
    from napctl.model.registry import RegistryIndex, registry_index

    plan = tmp_path / "wide.yaml"
    plan.write_text(shapes.wide_registry(300), encoding="utf-8")
    progress, sheet = tmp_path / "progress", tmp_path / "sheet.csv"
    common = ["--plans", str(plan)]
    runner = CliRunner()
    made = runner.invoke(
        app,
        [
            "progress",
            "init",
            "--plan",
            "shape-2020-2022",
            "--year",
            "2021",
            "--out",
            str(progress),
            *common,
        ],
    )
    assert made.exit_code == 0, made.output
    exported = runner.invoke(
        app,
        [
            "export",
            "--format",
            "csv",
            "--year",
            "2021",
            "-o",
            str(sheet),
            "--progress",
            str(progress),
            *common,
        ],
    )
    assert exported.exit_code == 0, exported.output
    rows = list(csv.reader(sheet.open(encoding="utf-8-sig")))
    status = rows[0].index("Status")
    for row in rows[1:201]:
        row[status] = "ongoing"
    with sheet.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    builds: list[str] = []
    build = RegistryIndex.__init__

    def counted(self: RegistryIndex, plan: Plan) -> None:
        builds.append(plan.id)
        build(self, plan)

    monkeypatch.setattr(RegistryIndex, "__init__", counted)
    registry_index.clear()
    result = runner.invoke(
        app,
        ["progress", "import", str(sheet), "--year", "2021", "--progress", str(progress), *common],
    )
    assert result.exit_code == 0, result.output
    assert "200 values imported into 200 files" in result.output
    assert builds == ["shape-2020-2022"]
