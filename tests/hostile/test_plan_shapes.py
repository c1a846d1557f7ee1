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
from pathlib import Path

import pytest

from napctl.load.corpus import load_corpus
from napctl.query import ActionFilter, descendants, resolve_actor, select_actions
from napctl.query.registry import registry_index
from napctl.render.templates import build_checklists
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
    script = "; ".join([
        "import json, subprocess, sys",
        "codes = [subprocess.run([sys.executable, '-m', 'napctl', *a],"
        " stdout=subprocess.DEVNULL).returncode for a in json.loads(sys.argv[1])]",
        "print(codes)",
    ])
    args = [[str(plan) if a == "PLAN" else str(tmp_path / "out") if a == "OUT" else a
             for a in cmd] for cmd in COMMANDS]
    done = subprocess.run([sys.executable, "-c", script, json.dumps(args)],
                          capture_output=True, text=True, timeout=LIMIT, check=False)
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
