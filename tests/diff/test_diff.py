"""napctl diff, the core functions: real edits of the bundled plans, each reported as what it is."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from napctl.diff.changes import Change
from napctl.diff.source import DiffUsageError, compare
from napctl.plans.match import THRESHOLD, match_texts, similarity
from napctl.yaml.safe import parse_yaml
from tests.conftest import PLANS

LU = PLANS / "lu-2018-2023.yaml"
BE = PLANS / "be-2013-2016.yaml"


def plan_data(path: Path = LU) -> dict[str, Any]:
    doc = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert doc.data is not None
    return doc.data


def dump(data: dict[str, Any], **style: Any) -> str:
    options: dict[str, Any] = {"allow_unicode": True, "sort_keys": False, "width": 4096}
    options.update(style)
    return yaml.safe_dump(data, **options)


def edited(
    tmp: Path, edit: Callable[[dict[str, Any]], None], source: Path = LU, name: str = "new.yaml"
) -> Path:
    """``source`` with ``edit`` applied to its data, written as YAML."""
    data = copy.deepcopy(plan_data(source))
    edit(data)
    path = tmp / name
    path.write_text(dump(data), encoding="utf-8")
    return path


def action(data: dict[str, Any], ident: str) -> dict[str, Any]:
    for pillar in data["pillars"]:
        for goal in pillar["goals"]:
            for item in goal["actions"]:
                if item["id"] == ident:
                    return item  # type: ignore[no-any-return]
    raise KeyError(ident)


def goal(data: dict[str, Any], ident: str) -> dict[str, Any]:
    for pillar in data["pillars"]:
        for item in pillar["goals"]:
            if item["id"] == ident:
                return item  # type: ignore[no-any-return]
    raise KeyError(ident)


def department(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(d for d in data["departments"] if d["code"] == code)  # type: ignore[no-any-return]


def changes(old: Path, new: Path, **options: Any) -> list[Change]:
    result = compare(str(old), str(new), use_cache=False, **options)
    assert result.diff is not None
    return result.diff.changes


def kinds(found: list[Change]) -> list[tuple[str, str]]:
    return [(c.kind, c.id) for c in found]


# -- what is not a change --------------------------------------------------------------


@pytest.mark.parametrize("source", [LU, BE], ids=["lu", "be"])
def test_reindent_and_key_reordering_are_no_change(tmp_path: Path, source: Path) -> None:
    data = plan_data(source)
    reindented = tmp_path / "reindented.yaml"
    reindented.write_text(dump(data, indent=4, sort_keys=True), encoding="utf-8")
    flow = tmp_path / "flow.yaml"
    flow.write_text(dump(data, default_flow_style=True, width=60), encoding="utf-8")
    assert source.read_text(encoding="utf-8") != reindented.read_text(encoding="utf-8")
    assert changes(source, reindented) == []
    assert changes(source, flow) == []


# -- each edit reported as what it is ----------------------------------------------------


def test_a_reworded_action(tmp_path: Path) -> None:
    def reword(data: dict[str, Any]) -> None:
        action(data, "I.1.2")["text"] = action(data, "I.1.2")["text"].replace(
            "a detailed analysis", "a thorough analysis"
        )

    found = changes(LU, edited(tmp_path, reword))
    assert kinds(found) == [("action-reworded", "I.1.2")]
    assert found[0].old.startswith("Make a detailed analysis")
    assert found[0].new.startswith("Make a thorough analysis")
    assert found[0].departments == ("MSI/Grand Ducal Police", "MAEE D7/Luxembourg Army")


def test_an_action_moved_to_another_goal_and_another_pillar(tmp_path: Path) -> None:
    def move(data: dict[str, Any]) -> None:
        moved = action(data, "I.1.3")
        goal(data, "I.1")["actions"].remove(moved)
        goal(data, "I.2")["actions"].append(moved)
        other = action(data, "I.1.4")
        goal(data, "I.1")["actions"].remove(other)
        goal(data, "II.1")["actions"].insert(0, other)

    found = changes(LU, edited(tmp_path, move))
    assert kinds(found) == [("action-moved", "I.1.3"), ("action-moved", "I.1.4")]
    assert (found[0].field, found[0].old, found[0].new) == (
        "goal",
        {"pillar": "I", "goal": "I.1"},
        {"pillar": "I", "goal": "I.2"},
    )
    assert (found[1].field, found[1].new) == ("pillar", {"pillar": "II", "goal": "II.1"})


def test_a_department_reassigned(tmp_path: Path) -> None:
    def reassign(data: dict[str, Any]) -> None:
        action(data, "I.1.2")["departments"][0] = "MAEE D5"

    found = changes(LU, edited(tmp_path, reassign))
    assert [(c.kind, c.id, c.old, c.new) for c in found] == [
        ("action-department-added", "I.1.2", None, "MAEE D5"),
        ("action-department-removed", "I.1.2", "MSI/Grand Ducal Police", None),
    ]


def test_actions_added_and_removed(tmp_path: Path) -> None:
    def add_remove(data: dict[str, Any]) -> None:
        goal(data, "I.1")["actions"].remove(action(data, "I.1.4"))
        goal(data, "I.2")["actions"].append(
            {
                "id": "I.2.9",
                "text": "Fund three shelters for survivors in partner countries",
                "departments": ["MAEE D5"],
            }
        )

    found = changes(LU, edited(tmp_path, add_remove))
    assert kinds(found) == [("action-removed", "I.1.4"), ("action-added", "I.2.9")]
    assert found[0].old.startswith("Career orientation initiatives")


def test_a_renumbered_action_is_not_a_removal_and_an_addition(tmp_path: Path) -> None:
    def renumber(data: dict[str, Any]) -> None:
        action(data, "I.1.4")["id"] = "I.1.7"
        item = action(data, "I.1.3")
        item["id"] = "I.1.8"
        item["text"] = item["text"].replace("Organize recruitment", "Hold recruitment")

    found = changes(LU, edited(tmp_path, renumber))
    assert [(c.kind, c.old_id, c.id) for c in found] == [
        ("action-renumbered", "I.1.3", "I.1.8"),
        ("action-reworded", "I.1.3", "I.1.8"),
        ("action-renumbered", "I.1.4", "I.1.7"),
    ]


def test_indicators_added_removed_and_changed(tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        item = action(data, "I.1.1")
        item["indicators"][1] = "measures and procedures adopted each year"
        action(data, "I.1.2")["indicators"].append("Ratio published yearly")
        action(data, "I.1.3")["indicators"].clear()

    found = changes(LU, edited(tmp_path, edit))
    assert [(c.kind, c.id, c.old, c.new) for c in found] == [
        (
            "action-indicator-changed",
            "I.1.1",
            "measures and procedures adopted",
            "measures and procedures adopted each year",
        ),
        ("action-indicator-added", "I.1.2", None, "Ratio published yearly"),
        ("action-indicator-removed", "I.1.3", "Number of sessions", None),
    ]


def test_goals_pillars_registry_and_metadata(tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["period"]["end"] = 2024
        department(data, "MAEE D4")["name"] = "Directorate of Human Resources"
        department(data, "MAEE D5")["aliases"].append("Cooperation")
        department(data, "MSI/Grand Ducal Police")["parent"] = "MAEE"
        department(data, "SRE")["code"] = "SRE-new"  # a new code, the same name
        data["departments"].append({"code": "MDDI", "name": "Ministry of Sustainable Development"})
        goal(data, "I.2")["text"] += " and in missions"
        data["pillars"][0]["title"] = "Equal participation"

    found = changes(LU, edited(tmp_path, edit))
    assert [(c.kind, c.id, c.field) for c in found] == [
        ("metadata-changed", "lu-2018-2023", "period.end"),
        ("department-renamed", "MAEE D4", "name"),
        ("department-aliases-changed", "MAEE D5", "aliases"),
        ("department-reparented", "MSI/Grand Ducal Police", "parent"),
        ("department-renamed", "SRE-new", "code"),
        ("department-added", "MDDI", None),
        ("pillar-changed", "I", "title"),
        ("goal-changed", "I.2", "text"),
    ]


def test_a_removed_department(tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["departments"].remove(department(data, "RP OTAN"))

    found = changes(LU, edited(tmp_path, edit))
    assert kinds(found) == [("department-removed", "RP OTAN")]


# -- two generations ---------------------------------------------------------------------


def next_generation(data: dict[str, Any]) -> None:
    """A NAP2: new plan id, every action renumbered, one reworded, one dropped, one new."""
    data["id"] = "lu-2024-2029"
    for pillar in data["pillars"]:
        for g in pillar["goals"]:
            for item in g["actions"]:
                item["id"] = "N" + item["id"]
    action(data, "NI.1.2")["text"] = action(data, "NI.1.2")["text"].replace(
        "current situation", "situation in 2024"
    )
    goal(data, "I.1")["actions"].remove(action(data, "NI.1.4"))
    goal(data, "I.2")["actions"].append(
        {
            "id": "NI.2.9",
            "text": "Publish a yearly gender audit of all peace missions",
            "departments": ["MAEE D5"],
        }
    )


def test_two_generations_carried_over_modified_new_dropped(tmp_path: Path) -> None:
    found = changes(LU, edited(tmp_path, next_generation))
    by_kind: dict[str, list[Change]] = {}
    for c in found:
        by_kind.setdefault(c.kind, []).append(c)
    assert len(by_kind["action-carried-over"]) == 53
    assert [(c.old_id, c.id) for c in by_kind["action-modified"]] == [("I.1.2", "NI.1.2")]
    assert [c.id for c in by_kind["action-new"]] == ["NI.2.9"]
    assert [c.id for c in by_kind["action-dropped"]] == ["I.1.4"]
    assert "action-renumbered" not in by_kind and "action-removed" not in by_kind


def test_a_lineage_file_confirms_matches_and_is_checked(tmp_path: Path) -> None:
    new = edited(tmp_path, next_generation)
    lineage = tmp_path / "lineage.yaml"
    lineage.write_text(
        "old: lu-2018-2023\nnew: lu-2024-2029\nactions:\n"
        "  I.1.4: NI.2.9\n  I.1.1: []\n  I.9.9: NI.1.1\n  I.1.3: NX\n",
        encoding="utf-8",
    )
    result = compare(str(LU), str(new), lineage=str(lineage), use_cache=False)
    assert result.diff is not None
    found = {(c.kind, c.old_id or c.id, c.id) for c in result.diff.changes}
    assert ("action-modified", "I.1.4", "NI.2.9") in found
    assert ("action-dropped", "I.1.1", "I.1.1") in found
    assert ("action-new", "NI.1.1", "NI.1.1") in found
    assert [(p.code, p.line, p.message) for p in result.problems] == [
        ("NAP320", 6, "action 'I.9.9' is not in lu-2018-2023"),
        ("NAP320", 7, "action 'NX' is not in lu-2024-2029"),
    ]


def test_a_lineage_for_other_plans_is_refused(tmp_path: Path) -> None:
    lineage = tmp_path / "lineage.yaml"
    lineage.write_text("old: a\nnew: b\nactions: {}\n", encoding="utf-8")
    result = compare(
        str(LU), str(edited(tmp_path, next_generation)), lineage=str(lineage), use_cache=False
    )
    assert [p.code for p in result.problems] == ["NAP320"]
    with pytest.raises(DiffUsageError, match="no such lineage file"):
        compare(str(LU), str(LU), lineage=str(tmp_path / "none.yaml"))


# -- matching ----------------------------------------------------------------------------


def test_similarity_ignores_case_accents_and_punctuation() -> None:
    assert similarity("Protect the Genève office.", "protect the geneve office") == 1.0
    assert similarity("train police officers", "fund new shelters") == 0.0
    assert similarity("train police officers on gender", "train police officers") >= THRESHOLD


def test_match_texts_pairs_each_text_once_best_first() -> None:
    old = [
        "train police officers on gender equality",
        "fund shelters for survivors",
        "train police officers on gender",
    ]
    new = [
        "fund two shelters for survivors",
        "train police officers on gender",
        "write a brand new strategy",
    ]
    assert [(i, j) for i, j, _ in match_texts(old, new)] == [(1, 0), (2, 1)]


def test_matching_finds_renumbered_actions_among_1000() -> None:
    import random

    rng = random.Random(5)
    vocabulary = [f"w{k}" for k in range(400)]
    old = [" ".join(rng.choice(vocabulary) for _ in range(20)) for _ in range(1000)]
    new = [text.replace(text.split()[3], "changed", 1) for text in reversed(old)]
    pairs = match_texts(old, new)
    assert len(pairs) == 1000
    assert all(i == 999 - j for i, j, _ in pairs)


# -- problems, not tracebacks --------------------------------------------------------------


def test_an_invalid_side_is_compared_as_far_as_it_can_be_read(tmp_path: Path) -> None:
    def break_it(data: dict[str, Any]) -> None:
        action(data, "I.1.2")["txt"] = action(data, "I.1.2").pop("text")
        data["period"]["end"] = "soon"

    new = edited(tmp_path, break_it)
    result = compare(str(LU), str(new), use_cache=False)
    assert result.diff is not None
    assert kinds(result.diff.changes) == [
        ("metadata-changed", "lu-2018-2023"),
        ("action-reworded", "I.1.2"),
    ]
    assert [p.code for p in result.problems] == ["NAP202", "NAP200", "NAP201"]
    assert all(p.file == str(new) and p.line > 0 for p in result.problems)


def test_unreadable_yaml_gives_problems_and_no_diff(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nid: y\n", encoding="utf-8")
    result = compare(str(LU), str(bad), use_cache=False)
    assert result.diff is None
    assert [(p.code, p.line) for p in result.problems] == [("NAP110", 2)]


def test_a_removed_line_with_the_ids_below_shifted_up(tmp_path: Path) -> None:
    def shift(data: dict[str, Any]) -> None:
        goal(data, "I.1")["actions"].remove(action(data, "I.1.2"))
        action(data, "I.1.3")["id"] = "I.1.2"
        action(data, "I.1.4")["id"] = "I.1.3"

    found = changes(LU, edited(tmp_path, shift))
    assert [(c.kind, c.old_id, c.id) for c in found] == [
        ("action-removed", "I.1.2", "I.1.2"),
        ("action-renumbered", "I.1.3", "I.1.2"),
        ("action-renumbered", "I.1.4", "I.1.3"),
    ]


def test_a_rewritten_action_keeps_its_id_when_nothing_fits_better(tmp_path: Path) -> None:
    def rewrite(data: dict[str, Any]) -> None:
        action(data, "I.1.2")["text"] = "Publish every recruitment statistic each year"

    found = changes(LU, edited(tmp_path, rewrite))
    assert kinds(found) == [("action-reworded", "I.1.2")]


def test_an_indicator_given_structure_is_no_change_and_its_text_is_compared(tmp_path: Path) -> None:
    """A structured indicator (issue 16) compares by its text, as a plain one."""

    def structure(data: dict[str, Any]) -> None:
        item = action(data, "I.1.2")
        item["indicators"] = [{"text": t, "type": "qualitative"} for t in item["indicators"]]

    texts = action(plan_data(), "I.1.2")["indicators"]
    assert texts and changes(LU, edited(tmp_path, structure)) == []

    def reword(data: dict[str, Any]) -> None:
        structure(data)
        action(data, "I.1.2")["indicators"][0]["text"] = "A new indicator"

    found = changes(LU, edited(tmp_path, reword, name="reworded.yaml"))
    assert [(c.kind, c.old, c.new) for c in found] == [
        ("action-indicator-changed", texts[0], "A new indicator")
    ]


SHAPES = Path(__file__).parents[1] / "example-files" / "shapes" / "xf-2022-2026.yaml"


def test_a_result_is_compared_as_a_result(tmp_path: Path) -> None:
    """An expected result changed, added or removed is named as a result, not a goal."""

    def edit(data: dict[str, Any]) -> None:
        goal = data["pillars"][0]["goals"][0]
        goal["results"][0]["text"] += " aux élections"
        goal["results"].append({"id": "R1.1.9", "text": "Un nouveau résultat", "actions": []})
        del goal["results"][1]

    found = changes(SHAPES, edited(tmp_path, edit, SHAPES))
    kinds = {(c.kind, c.id) for c in found if c.kind.startswith(("result", "goal"))}
    assert ("result-changed", "R1.1.1") in kinds
    assert ("result-added", "R1.1.9") in kinds
    assert ("result-removed", "R1.1.2") in kinds
    assert not any(kind.startswith("goal") for kind, _ in kinds)
