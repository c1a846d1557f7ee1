"""Department identity (country + code), --country and --exact, called from Python (issue 13)."""

from __future__ import annotations

import pytest

from napctl.load.corpus import load_corpus
from napctl.model import Plan
from napctl.plans import (
    ActionFilter,
    DepartmentKey,
    QueryError,
    actor_notes,
    department_key,
    resolve_actor,
    select_actions,
    select_country,
    several_countries,
)
from tests.conftest import PLANS
from tests.model.test_plan_lu import ARMY_ACTIONS, D7_ALONE_ACTIONS

JUSTICE_NOTE = (
    '"Justice" names departments in 2 countries: BE Justice (be-2013-2016),'
    " LU Justice (lu-2018-2023); --country narrows"
)
#: The Belgian lines whose cell prints Interior itself (not only one of its units).
INTERIOR_ITSELF = [
    "1.a",
    "3.b",
    "5.a",
    "7.a",
    "14.a",
    "20.a",
    "20.c",
    "22",
    "23.d",
    "26.a",
    "26.c",
    "33",
    "34",
]


@pytest.fixture(scope="module")
def plans() -> list[Plan]:
    corpus = load_corpus([str(PLANS)])
    assert corpus.ok, corpus.problems
    return [p.plan for p in corpus.plans]


def ids(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.key for r in rows]


def test_a_department_is_its_country_and_code(plans: list[Plan]) -> None:
    be, lu = plans
    assert department_key(be, "Justice") == DepartmentKey("BE", "Justice")
    assert department_key(lu, "Justice") == DepartmentKey("LU", "Justice")
    assert department_key(be, "Justice") != department_key(lu, "Justice")


def test_select_country_by_code_or_name(plans: list[Plan]) -> None:
    for name in ("BE", "be", "Belgium", "BELGIUM"):
        assert [p.id for p in select_country(plans, name)] == ["be-2013-2016"], name
    assert [p.id for p in select_country(plans, "lu")] == ["lu-2018-2023"]
    assert select_country(plans, None) == plans
    with pytest.raises(
        QueryError,
        match=r"no plan of country 'FR'; the plans are of"
        r" BE \(Belgium\), LU \(Luxembourg\)",
    ):
        select_country(plans, "FR")
    with pytest.raises(QueryError, match=r"plan 'be-2013-2016' is of BE \(Belgium\), not of 'LU'"):
        select_actions(plans, ActionFilter(plan_id="be-2013-2016", country="LU"))


def test_a_name_in_two_countries_answers_both_with_a_note(plans: list[Plan]) -> None:
    rows = select_actions(plans, ActionFilter(actors=["Justice"]))
    assert {r.plan.id for r in rows} == {"be-2013-2016", "lu-2018-2023"}
    assert len(rows) == 15 + 14  # each plan's Justice lines, with "All" rows
    assert actor_notes(plans, ActionFilter(actors=["Justice"])) == [JUSTICE_NOTE]
    assert several_countries("Justice", resolve_actor(plans, "Justice")) == JUSTICE_NOTE
    # one country, no note; a name of one country only, no note
    assert actor_notes(plans, ActionFilter(actors=["Justice"], country="LU")) == []
    assert actor_notes(plans, ActionFilter(actors=["Justice"], plan_id="be-2013-2016")) == []
    assert actor_notes(plans, ActionFilter(actors=["MAEE D5", "Justice"])) == [JUSTICE_NOTE]


def test_country_narrows_the_actions(plans: list[Plan]) -> None:
    be = select_actions(plans, ActionFilter(actors=["Justice"], country="BE"))
    assert {r.plan.id for r in be} == {"be-2013-2016"} and len(be) == 15
    lu = select_actions(plans, ActionFilter(actors=["justice"], country="Luxembourg"))
    assert {r.plan.id for r in lu} == {"lu-2018-2023"} and len(lu) == 14
    assert len(select_actions(plans, ActionFilter(country="LU"))) == 55
    with pytest.raises(QueryError, match="unknown actor 'MAEE D5'"):
        select_actions(plans, ActionFilter(actors=["MAEE D5"], country="BE"))


def test_exact_leaves_the_units_out(plans: list[Plan]) -> None:
    (d7,) = resolve_actor(plans, "MAEE D7")
    assert d7.codes == {"MAEE D7", "MAEE D7/Luxembourg Army"}
    (d7_exact,) = resolve_actor(plans, "MAEE D7", exact=True)
    assert d7_exact.codes == {"MAEE D7"} and d7_exact.named == ("MAEE D7",)

    def lines(actor: str, **kw: object) -> list[str]:
        flt = ActionFilter(actors=[actor], include_all=False, **kw)  # type: ignore[arg-type]
        return [r.action.id for r in select_actions(plans, flt)]

    assert lines("MAEE D7", exact=True) == D7_ALONE_ACTIONS
    assert sorted(lines("MAEE D7")) == sorted(ARMY_ACTIONS + D7_ALONE_ACTIONS)
    assert lines("Interior", exact=True) == INTERIOR_ITSELF
    assert len(lines("Interior")) == 24
    # the FPS is never printed on a line itself: exactly the FPS is no line at all
    assert lines("FPS Foreign Affairs", exact=True) == []
    assert len(lines("FPS Foreign Affairs")) == 76
    # a department without units answers the same either way
    assert lines("Foreign Affairs", exact=True) == lines("Foreign Affairs")
