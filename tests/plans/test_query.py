"""Query functions, called directly from Python."""

from __future__ import annotations

import pytest

from napctl.load.corpus import load_corpus
from napctl.model import Plan
from napctl.model.names import fold
from napctl.plans import (
    ActionFilter,
    QueryError,
    descendants,
    find_item,
    resolve_actor,
    select_actions,
)
from tests.conftest import EXAMPLES

POSITIVE = EXAMPLES / "positive"


@pytest.fixture(scope="module")
def plans() -> list[Plan]:
    corpus = load_corpus([str(POSITIVE)])
    assert corpus.ok
    return [p.plan for p in corpus.plans]


def ids(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.key for r in rows]


def test_fold_ignores_case_and_accents() -> None:
    assert fold("RP Genève") == fold("rp geneve") == "rp geneve"


def test_descendants_in_registry_order(plans: list[Plan]) -> None:
    xx = plans[0]
    assert descendants(xx, "INT") == ["POL", "INT"]
    assert descendants(xx, "MFA") == ["MFA", "MFA D1"]


def test_actor_by_code_alias_name_and_other_language(plans: list[Plan]) -> None:
    for name in ("DEF", "def", "Army", "ministry of defence"):
        matches = resolve_actor(plans, name)
        assert [(m.plan.id, m.named) for m in matches] == [("xx-2020-2022", ("DEF",))]
    (match,) = resolve_actor(plans, "Représentation permanente à Genève")
    assert match.named == ("RP Genève",)


def test_same_name_in_two_plans(plans: list[Plan]) -> None:
    matches = resolve_actor(plans, "Ministry of Foreign Affairs")
    assert [(m.plan.id, m.named) for m in matches] == [
        ("xx-2020-2022", ("MFA",)),
        ("yy-2021-2024", ("MAE",)),
    ]


def test_parent_includes_children(plans: list[Plan]) -> None:
    rows = select_actions(plans, ActionFilter(actors=["INT"], include_all=False))
    assert ids(rows) == ["xx-2020-2022:P1.1.1", "xx-2020-2022:P2.1.1"]


def test_all_actions_are_included_and_marked(plans: list[Plan]) -> None:
    rows = select_actions(plans, ActionFilter(actors=["DEF"]))
    assert [(r.key, r.via_all) for r in rows] == [
        ("xx-2020-2022:P1.1.1", False),
        ("xx-2020-2022:P1.1.2", True),
    ]


def test_repeated_actors_widen(plans: list[Plan]) -> None:
    rows = select_actions(plans, ActionFilter(actors=["DEF", "Geneva mission"], include_all=False))
    assert ids(rows) == ["xx-2020-2022:P1.1.1", "yy-2021-2024:1.a"]


def test_unknown_actor_suggests(plans: list[Plan]) -> None:
    # "Polic" is a prefix of "Police", so it names POL (issue 19); a typo is suggested.
    with pytest.raises(QueryError, match=r"unknown actor 'Polise'; did you mean 'POL'"):
        select_actions(plans, ActionFilter(actors=["Polise"]))


def test_actor_in_another_plan_says_so(plans: list[Plan]) -> None:
    with pytest.raises(QueryError, match="not in plan 'yy-2021-2024'; it is in xx-2020-2022"):
        select_actions(plans, ActionFilter(actors=["DEF"], plan_id="yy-2021-2024"))


def test_search_ignores_accents_and_case(plans: list[Plan]) -> None:
    assert ids(select_actions(plans, ActionFilter(search="GENEVE"))) == ["yy-2021-2024:1.a"]
    assert ids(select_actions(plans, ActionFilter(search="resolutions adoptees"))) == [
        "yy-2021-2024:1.a"
    ]


def test_filters_combine(plans: list[Plan]) -> None:
    rows = select_actions(plans, ActionFilter(un_pillar="protection"))
    assert ids(rows) == ["xx-2020-2022:P2.1.1"]
    rows = select_actions(plans, ActionFilter(pillar="participation", actors=["POL"]))
    assert ids(rows) == ["xx-2020-2022:P1.1.1", "xx-2020-2022:P1.1.2"]
    assert select_actions(plans, ActionFilter(pillar="P1", search="no such text")) == []


def test_unknown_pillar_goal_and_plan(plans: list[Plan]) -> None:
    with pytest.raises(QueryError, match="no pillar 'P9'"):
        select_actions(plans, ActionFilter(pillar="P9"))
    with pytest.raises(QueryError, match="no goal 'G9'"):
        select_actions(plans, ActionFilter(goal="G9"))
    with pytest.raises(QueryError, match="plan 'xx-2020-2023'; did you mean 'xx-2020-2022'"):
        select_actions(plans, ActionFilter(plan_id="xx-2020-2023"))


def test_find_item(plans: list[Plan]) -> None:
    (found,) = find_item(plans, "yy-2021-2024:1.a")
    assert (found.kind, found.goal and found.goal.id) == ("action", "G1")
    assert [f.kind for f in find_item(plans, "P1")] == ["pillar"]
    with pytest.raises(QueryError, match=r"did you mean 'P1.1.2' or 'P1.1.1'"):
        find_item(plans, "P1.1.9")
