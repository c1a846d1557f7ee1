"""Class 1 of issue 20: no command grows faster than the plan, whatever its registry's shape.

A 2,000-deep chain of departments and a registry of 10,000 departments side
by side (``bench/shapes.py``), every command run in a separate process with a
generous time limit: a guard against hangs and quadratic blow-ups, not a
timed assertion (bench/run.py row 8 measures the ratio to `validate`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus, load_progress
from napctl.model import Plan
from napctl.model.registry import registry_index
from napctl.plans import ActionFilter, descendants, resolve_actor, select_actions
from napctl.render.checklists import build_checklists
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import shapes

#: Seconds for every command on one shape together: minutes of margin on a slow machine.
LIMIT = 600
COMMANDS = [
    ["validate", "PLAN"],
    ["actors", "--plans", "PLAN"],
    ["actions", "--actor", "D0", "-f", "json", "--plans", "PLAN"],
    ["matrix", "--plans", "PLAN"],
    ["show", "A1", "--plans", "PLAN"],
    ["render", "checklist", "--actor", "D0", "--plans", "PLAN"],
    ["checklists", "--out", "OUT", "--plans", "PLAN"],
    ["checklists", "--out", "OUT", "--check", "--plans", "PLAN"],
]


@pytest.mark.parametrize("shape", ["chain", "wide"])
def test_every_command_ends_on_a_hostile_shape(shape: str, tmp_path: Path) -> None:
    text = shapes.deep_chain(2000) if shape == "chain" else shapes.wide_registry(10_000)
    plan = tmp_path / f"{shape}.yaml"
    plan.write_text(text, encoding="utf-8")
    script = "; ".join(
        [
            "import json, subprocess, sys",
            "codes = [subprocess.run([sys.executable, '-m', 'napctl', *a],"
            " stdout=subprocess.DEVNULL).returncode for a in json.loads(sys.argv[1])]",
            "print(codes)",
        ]
    )
    args = [
        [str(plan) if a == "PLAN" else str(tmp_path / "out") if a == "OUT" else a for a in cmd]
        for cmd in COMMANDS
    ]
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(args)],
        capture_output=True,
        text=True,
        timeout=LIMIT,
        check=False,
    )
    assert done.stdout.strip() == str([0] * len(COMMANDS)), done.stderr[-2000:]


def test_the_registry_index_answers_like_the_plan(tmp_path: Path) -> None:
    plan_file = tmp_path / "chain.yaml"
    plan_file.write_text(shapes.deep_chain(300, actions=30), encoding="utf-8")
    plan = load_corpus([str(plan_file)]).plans[0].plan
    index = registry_index(plan)
    assert registry_index(plan) is index  # built once per plan
    assert descendants(plan, "D0") == [f"D{i}" for i in range(300)]
    assert descendants(plan, "D299") == ["D299"]
    (match,) = resolve_actor([plan], "d10")
    assert match.named == ("D10",) and len(match.codes) == 290
    rows = select_actions([plan], ActionFilter(actors=["D290"], include_all=False))
    assert [r.action.id for r in rows] == ["A29"]
    files = build_checklists([plan], "md")
    assert len(files.files) == 301  # one per department and the index
    by_name = {name.rsplit("/", 1)[-1]: text for name, text in files.files.items()}
    # A checklist takes in two levels of units (D10, holding A1, is 10 below D0).
    assert "A0" in by_name["d0.md"] and "A1" not in by_name["d0.md"]
    assert "A1" in by_name["d8.md"] and "A0" not in by_name["d1.md"]
    assert "[Department 3](d3.md) (D3)" in by_name["d0.md"]


# --- progress, review, diff and export on moderate shapes (issue 20) ----------------
#
# No timing: each pipeline runs on a 300-deep chain and a 2,000-wide registry, its
# answers are checked, and the operations that grew with the plan squared before
# are counted (scans of the registry, walks of the actions, flushes to disk), which
# must not depend on the number of departments.

MODERATE = {
    "chain": lambda: shapes.deep_chain(300, actions=30),
    "wide": lambda: shapes.wide_registry(2000),
}
YEAR = 2021


class CountingList(list[Any]):
    """A plan's registry that counts the loops over it."""

    loops = 0

    def __iter__(self) -> Iterator[Any]:
        CountingList.loops += 1
        return super().__iter__()


def _moderate(shape: str, tmp_path: Path) -> tuple[Path, Any]:
    plan_file = tmp_path / f"{shape}.yaml"
    plan_file.write_text(MODERATE[shape](), encoding="utf-8")
    return plan_file, load_corpus([str(plan_file)]).plans[0].plan


def _counted(plan: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the loops over ``plan``'s registry and walks of its actions from now on."""
    object.__setattr__(plan, "departments", CountingList(plan.departments))
    monkeypatch.setattr(CountingList, "loops", 0)
    walks = [0]
    actions = Plan.actions

    def counted_actions(self: Plan) -> Any:
        walks[0] += 1
        return actions(self)

    monkeypatch.setattr(Plan, "actions", counted_actions)
    return walks


def _report(path: Path, status: str) -> None:
    """Report ``status`` on the first entry of a file `progress init` wrote."""
    extra = "\n    summary: Done." if status == "completed" else ""
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("status: not-reported", f"status: {status}{extra}", 1), encoding="utf-8"
    )


@pytest.mark.parametrize("shape", ["chain", "wide"])
def test_progress_pipeline_scans_the_registry_a_constant_number_of_times(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from napctl.core import fsutil
    from napctl.model.registry import registry_index
    from napctl.plans import ActionFilter, select_actions
    from napctl.progress.checklist_items import ChecklistProgress
    from napctl.progress.init import init_reports
    from napctl.progress.sheet_export import progress_rows
    from napctl.progress.status import plan_status
    from napctl.render.dashboard import dashboard_context
    from napctl.render.progress_report import report_context

    _, plan = _moderate(shape, tmp_path)
    size = len(plan.departments)
    walks = _counted(plan, monkeypatch)
    flushes, syncs = [0], [0]
    monkeypatch.setattr(fsutil.os, "fsync", lambda fd: flushes.__setitem__(0, flushes[0] + 1))
    monkeypatch.setattr(fsutil, "_SYNC", lambda: syncs.__setitem__(0, syncs[0] + 1))

    out = tmp_path / "progress"
    result = init_reports(plan, YEAR, out)
    # Every department reports on ALL1, so every one gets its file.
    assert len(result.created) == size == len(list((out / plan.id / str(YEAR)).iterdir()))
    assert flushes[0] == 0 and syncs[0] == 1  # one sync for the batch, no fsync per file
    init_loops, init_walks = CountingList.loops, walks[0]
    assert init_loops <= 5 and init_walks <= 3, (init_loops, init_walks)

    files = sorted((out / plan.id / str(YEAR)).iterdir())
    for n, path in enumerate(files[:3]):
        _report(path, ("completed", "ongoing", "not-started")[n])
    loaded = load_progress([out], [plan])
    assert loaded.ok and len(loaded.reports) == size
    reports = [r.report for r in loaded.reports]

    CountingList.loops, walks[0] = 0, 0
    status = plan_status(plan, reports, [YEAR])
    index = registry_index(plan)
    assert len(status.actions) == len(index.actions)
    assert sum(len(a.reports) for a in status.actions) == sum(map(len, index.duties.values()))
    shown = {r.status for a in status.actions for r in a.reports}
    assert {"completed", "ongoing", "not-started", "not-reported"} <= shown
    context = report_context(plan, reports, [YEAR], date=None)
    assert sum(len(p["actions"]) for p in context["pillars"]) == len(index.actions)
    assert sum(len(a["departments"]) for p in context["pillars"] for a in p["actions"]) == (
        sum(map(len, index.duties.values()))
    )
    dashboard = dashboard_context(plan, reports, YEAR)
    assert len(dashboard["by_department"]) == size
    rows = select_actions([plan], ActionFilter())
    sheet = progress_rows(rows, ChecklistProgress.of(reports, YEAR), None, 1)
    assert len(sheet) == sum(map(len, index.duties.values()))
    # However many departments: a few loops over the registry and walks of the actions
    # per pipeline (a loop per department or per action was the quadratic cost).
    assert CountingList.loops <= 25 and walks[0] <= 25, (CountingList.loops, walks[0])


@pytest.mark.parametrize("shape", ["chain", "wide"])
def test_commands_answer_on_moderate_shapes(shape: str, tmp_path: Path, runner: CliRunner) -> None:
    plan_file, plan = _moderate(shape, tmp_path)
    size = len(plan.departments)
    revised = tmp_path / "revised" / plan_file.name
    revised.parent.mkdir()
    revised.write_text(shapes.revised(plan_file.read_text(encoding="utf-8")), encoding="utf-8")
    where, out = str(plan_file), str(tmp_path / "progress")

    def run(*args: str, code: int = 0, stream: str = "stdout") -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == code, result.output
        return str(getattr(result, stream))

    init = (
        "progress",
        "init",
        "--plan",
        plan.id,
        "--year",
        str(YEAR),
        "--out",
        out,
        "--plans",
        where,
    )
    text = run(*init, stream="stderr")
    assert f"{size} created, 0 completed" in text
    text = run(*init, stream="stderr")
    assert f"0 created, 0 completed, {size} already complete" in text
    files = sorted((tmp_path / "progress" / plan.id / str(YEAR)).iterdir())
    _report(files[0], "completed")
    _report(files[1], "ongoing")

    record = json.loads(
        run("status", "--plans", where, "--progress", out, "--year", str(YEAR), "-f", "json")
    )
    assert len(record["actions"]) == len(list(plan.actions()))
    statuses = [r["status"] for a in record["actions"] for r in a["reports"]]
    assert statuses.count("completed") == 1 and statuses.count("ongoing") == 1
    by_dept = json.loads(
        run(
            "status",
            "--plans",
            where,
            "--progress",
            out,
            "--year",
            str(YEAR),
            "--by",
            "department",
            "-f",
            "json",
        )
    )
    assert len(by_dept["departments"]) == size

    diff = json.loads(run("diff", where, str(revised), "-f", "json", "--exit-code", code=1))
    kinds = sorted(c["kind"] for c in diff)
    assert kinds == ["action-added", "action-removed", *["action-reworded"] * 3], kinds

    review = json.loads(run("review", where, "-f", "json"))
    actions = len(list(plan.actions()))
    assert review["summary"][plan.id]["actions"] == actions
    # No action has a deadline: said once for the plan (NAP520), not once per action.
    codes = [f["code"] for f in review["findings"]]
    assert (codes.count("NAP520"), codes.count("NAP505")) == (1, 0)
    # Asked for per action, one finding per action: none lost and none repeated.
    each = json.loads(run("review", where, "-f", "json", "--select", "NAP505"))
    assert [f["code"] for f in each["findings"]].count("NAP505") == actions

    matrix = run("export", "-f", "csv", "-o", "-", "--plans", where)
    assert len(matrix.splitlines()) == 1 + len(list(plan.actions()))
    sheet = run(
        "export", "-f", "csv", "-o", "-", "--year", str(YEAR), "--progress", out, "--plans", where
    )
    assert len(sheet.splitlines()) == 1 + len(list(plan.actions())) - 1 + size
    run("export", "-o", str(tmp_path / "matrix.xlsx"), "--plans", where)
    assert (tmp_path / "matrix.xlsx").stat().st_size > 0

    page = run("render", "dashboard", "--year", str(YEAR), "--progress", out, "--plans", where)
    assert f"Department {size - 1}" in page
    report = run("render", "report", "--year", str(YEAR), "--progress", out, "--plans", where)
    assert "Action 1 for department" in report and f"D{size - 1}" in report


@pytest.mark.parametrize("shape", ["chain", "wide"])
def test_checklists_with_progress_build_the_plan_index_once(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from napctl.model.registry import RegistryIndex, registry_index
    from napctl.progress.checklist_items import ChecklistProgress
    from napctl.progress.init import init_reports
    from napctl.render.checklist_check import pending_items

    _, plan = _moderate(shape, tmp_path)
    size = len(plan.departments)
    init_reports(plan, YEAR, tmp_path / "progress")
    reports = [r.report for r in load_progress([tmp_path / "progress"], [plan]).reports]
    builds = [0]
    build = RegistryIndex.__init__

    def counted(self: RegistryIndex, plan: Plan) -> None:
        builds[0] += 1
        build(self, plan)

    monkeypatch.setattr(RegistryIndex, "__init__", counted)
    registry_index.clear()
    from napctl.progress import checklist_items as progress_checklist

    named = [0]  # codes the checklist items got from responsible_among(), all together
    real_responsible = progress_checklist.responsible_among

    def responsible_among(*args: Any) -> Any:
        found = real_responsible(*args)
        named[0] += len(found)
        return found

    monkeypatch.setattr(progress_checklist, "responsible_among", responsible_among)
    view = ChecklistProgress.of(reports, YEAR)
    assert len(view.entries) == size
    walks = _counted(plan, monkeypatch)
    files = build_checklists([plan], "md", progress=view)
    assert len(files.files) == size + 1  # one per department and the index
    # Every department's checklist shows its "All" action with its own entry.
    pending = [
        pending_items(text, name, {plan.id: plan}, view) for name, text in files.files.items()
    ]
    assert not any(pending)  # just rendered: nothing typed in that the files lack
    assert builds[0] <= 1  # the plan's index, once (one per checklist item was the cost)
    # Each "All" item looked up its checklist's own codes, not the whole registry
    # (which made size x size codes: 4 million on 2,000 departments): about a code per
    # item shown (a chain's checklist lists its units' actions too).
    items = sum(text.count("<!-- napctl: plan=") for text in files.files.values())
    assert items >= size and named[0] <= 2 * items, (named[0], items)
    assert CountingList.loops <= 25 and walks[0] <= 25, (CountingList.loops, walks[0])
