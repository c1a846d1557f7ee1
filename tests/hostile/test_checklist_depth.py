"""Checklists of a deep registry stay as long as the registry, not its square (issue 20).

A checklist takes in a department's units two levels down and links to the
checklists of the units below them; a department's counts in `napctl actors`
take in every unit below it, computed in one pass. Sizes are counted, never
timed.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus
from napctl.model import Plan
from napctl.model.registry import registry_index
from napctl.plans.stats import action_counts
from napctl.render.checklists import CHECKLIST_DEPTH, build_checklists
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import shapes


def _plan(tmp_path: Path, text: str) -> Plan:
    plan_file = tmp_path / "shape.yaml"
    plan_file.write_text(text, encoding="utf-8")
    corpus = load_corpus([str(plan_file)])
    assert not [p for p in corpus.problems if p.level == "error"]
    return corpus.plans[0].plan


def _items(text: str) -> list[str]:
    return re.findall(r"^- \[[ x]\] \*\*(\w+)\*\*", text, flags=re.M)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_chain_with_an_action_per_department_gives_linear_checklists(
    tmp_path: Path, fmt: str
) -> None:
    n = 600
    sizes = []
    for depth in (n // 2, n):
        plan = _plan(tmp_path, shapes.deep_chain(depth, actions=depth))
        files = build_checklists([plan], fmt)
        assert len(files.files) == depth + 1
        sizes.append(sum(len(t) for t in files.files.values()))
    # Each action is in its department's checklist and the two above it: twice the
    # chain, twice the text (a checklist of every unit below would be four times).
    assert sizes[1] < 2.2 * sizes[0], sizes
    if fmt == "md":
        d10 = files.files["xx/d10.md"]
        assert _items(d10) == ["A10", "A11", "A12", "ALL1"]
        assert "**Department 10** (D10), with D11, D12: 4 actions to report on." in d10
        assert "[Department 13](d13.md) (D13)." in d10
        last = files.files[f"xx/d{n - 1}.md"]
        assert _items(last) == [f"A{n - 1}", "ALL1"] and "further down" not in last
    else:
        assert '<a href="d13.html">Department 13</a> (D13).' in files.files["xx/d10.html"]


def test_a_wide_tree_links_every_unit_below_the_reach_once(tmp_path: Path) -> None:
    # D0 > D1..D3 > three units each > three units each: 1 + 3 + 9 + 27 departments.
    lines = [shapes.HEAD, "departments:\n", "  - code: D0\n    name: Root\n"]
    level, made = ["D0"], 1
    for _ in range(3):
        below = []
        for parent in level:
            for _ in range(3):
                code = f"D{made}"
                made += 1
                lines.append(f"  - code: {code}\n    name: Unit {code}\n    parent: {parent}\n")
                below.append(code)
        level = below
    lines.append(
        "pillars:\n  - id: P1\n    title: T\n    un_pillars: [participation]\n"
        "    goals:\n      - id: G1\n        text: G\n        actions:\n"
    )
    for i in range(made):
        lines.append(
            f"          - id: A{i}\n            text: Action {i}\n"
            f"            indicators: [I]\n            departments: [D{i}]\n"
        )
    plan = _plan(tmp_path, "".join(lines))
    index = registry_index(plan)
    reach, further = index.within("D0", CHECKLIST_DEPTH)
    assert reach == tuple(f"D{i}" for i in range(13))
    assert further == tuple(f"D{i}" for i in range(13, 40))
    assert index.within("D39", CHECKLIST_DEPTH) == (("D39",), ())
    d0 = build_checklists([plan], "md").files["xx/d0.md"]
    assert _items(d0) == [f"A{i}" for i in range(13)]
    assert all(d0.count(f"(d{i}.md)") == 1 for i in range(13, 40))


def _brute_counts(plan: Plan) -> dict[str, int]:
    index = registry_index(plan)
    return {d.code: len(index.positions(index.descendants(d.code))) for d in plan.departments}


@pytest.mark.parametrize("seed", range(5))
def test_subtree_counts_agree_with_descendants(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    n = 60
    lines = [shapes.HEAD, "departments:\n"]
    for i in range(n):
        lines.append(f"  - code: D{i}\n    name: Dept {i}\n")
        if i and rng.random() < 0.8:
            lines.append(f"    parent: D{rng.randrange(i)}\n")
    lines.append(
        "pillars:\n  - id: P1\n    title: T\n    un_pillars: [participation]\n"
        "    goals:\n      - id: G1\n        text: G\n        actions:\n"
    )
    for a in range(80):
        named = sorted({f"D{rng.randrange(n)}" for _ in range(rng.randint(1, 4))})
        lines.append(
            f"          - id: A{a}\n            text: Action {a}\n"
            f"            indicators: [I]\n"
            f"            departments: [{', '.join(named)}]\n"
        )
    plan = _plan(tmp_path, "".join(lines))
    expected = _brute_counts(plan)
    assert registry_index(plan).subtree_counts() == expected
    assert {c: own for c, (own, _) in action_counts(plan).items()} == expected


def test_actors_counts_a_chain_of_10000_in_one_pass(tmp_path: Path) -> None:
    n = 10_000
    plan_file = tmp_path / "chain.yaml"
    plan_file.write_text(shapes.deep_chain(n, actions=n), encoding="utf-8")
    plan = load_corpus([str(plan_file)]).plans[0].plan
    counts = action_counts(plan)
    assert counts["D0"] == (n, n + 1) and counts[f"D{n - 1}"] == (1, 2)
    assert counts["D5000"] == (5000, 5001)
    # descendants() was never asked, so nothing quadratic was kept.
    assert registry_index(plan)._below == {}


def test_checklists_cli_writes_the_links(tmp_path: Path) -> None:
    plan_file = tmp_path / "chain.yaml"
    plan_file.write_text(shapes.deep_chain(50, actions=50), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["checklists", "--out", str(out), "--plans", str(plan_file)])
    assert result.exit_code == 0, result.output
    d0 = (out / "xx" / "d0.md").read_text(encoding="utf-8")
    assert "Units further down, each with a checklist of its own: [Department 3](d3.md) (D3)." in d0
    assert (out / "xx" / "d3.md").is_file()
    again = CliRunner().invoke(
        app, ["checklists", "--out", str(out), "--check", "--plans", str(plan_file)]
    )
    assert again.exit_code == 0, again.output
