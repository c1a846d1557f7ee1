"""Plans of other shapes: results, actors who do not report, groupings, references."""

from __future__ import annotations

from napctl.load.corpus import load_corpus
from napctl.model import Indicator, Plan
from napctl.model.registry import RegistryIndex
from tests.conftest import EXAMPLES

SHAPED = EXAMPLES / "shapes" / "xf-2022-2026.yaml"


def shaped() -> Plan:
    corpus = load_corpus([str(SHAPED)])
    assert corpus.problems == []
    return corpus.plans[0].plan


def test_walk_gives_every_action_of_every_result_in_file_order() -> None:
    placed = list(shaped().walk())
    assert [p.action.id for p in placed] == [
        "A1.1.1.1",
        "A1.1.1.2",
        "A1.1.1.3",
        "A1.1.2.1",
        "A1.1.2.2",
        "A2.1.1.1",
        "A2.1.1.2",
        "A2.1.2.1",
        "A2.1.2.2",
    ]
    assert [p.result.id if p.result else None for p in placed][:4] == [
        "R1.1.1",
        "R1.1.1",
        "R1.1.1",
        "R1.1.2",
    ]
    assert placed[3].path == ("pillars", 0, "goals", 0, "results", 1, "actions", 0)


def test_an_action_inherits_what_it_does_not_name_itself() -> None:
    placed = {p.action.id: p for p in shaped().walk()}
    first = placed["A1.1.1.1"]
    assert first.action.codes() == ["MPF", "CENI", "OSC", "PTF"]
    assert first.own.departments == []
    assert first.shared_indicators and len(first.action.indicators) == 2
    own = placed["A1.1.1.3"]
    assert own.action.codes() == ["AN", "OSC"] and own.own.departments
    assert own.shared_indicators  # its own actors, the result's indicators
    counted = placed["A1.1.2.2"]
    assert counted.action.indicator_texts() == ["Nbre de nominations examinées"]
    assert not counted.shared_indicators


def test_targets_without_year_qualitative_and_shares() -> None:
    plan = shaped()
    result = plan.pillars[1].goals[0].results[0]
    plaintes, cellules = result.indicators
    assert isinstance(plaintes, Indicator) and isinstance(cellules, Indicator)
    assert plaintes.disaggregation == ["sexe", "âge"]
    assert cellules.targets[0].year is None and cellules.targets[0].value is None
    assert cellules.targets[0].text == "Une cellule genre dans chaque commissariat de chef-lieu"
    share = plan.pillars[0].goals[0].results[0].indicators[0]
    assert isinstance(share, Indicator)
    assert (share.targets[0].year, share.targets[0].value, share.targets[0].unit) == (None, 20, "%")


def test_who_reports_kinds_roles_and_the_collecting_body() -> None:
    plan = shaped()
    index = RegistryIndex(plan)
    assert index.reporting == ("MPF", "SP-1325", "MINT", "MSEC", "FDS", "POL")
    assert index.collectors == ("SP-1325",)
    duties = {c: ids for c, ids in index.duties.items() if ids}
    assert duties == {
        "MPF": ["A1.1.1.1", "A1.1.1.2", "A1.1.2.1", "A1.1.2.2", "A2.1.2.1"],
        "SP-1325": ["A1.1.1.3", "A2.1.2.2"],
        "MSEC": ["A2.1.1.1", "A2.1.1.2"],
        "POL": ["A2.1.1.1", "A2.1.1.2"],
    }
    assert [d.actor_kind for d in plan.departments][6:] == [
        "parliament",
        "independent-body",
        "civil-society",
        "donor",
        "international-organisation",
    ]


def test_a_unit_belongs_to_its_parent_and_to_its_groupings() -> None:
    index = RegistryIndex(shaped())
    assert index.descendants("FDS") == ("FDS", "POL")
    assert index.descendants("MINT") == ("MINT", "POL")


def test_period_coordination_levels_fund_and_frameworks() -> None:
    plan = shaped()
    assert (plan.period.source, plan.period.start) == ("inferred", 2022)
    assert [lv.level for lv in plan.coordination.levels] == ["national", "provincial", "local"]
    assert plan.budget is not None and plan.budget.amount is None
    assert plan.budget.fund == "Fonds fiduciaire 1325"
    assert [(r.framework, r.id) for r in plan.pillars[0].references] == [
        ("unscr-1325", 1),
        ("sdg", "5.5"),
    ]
    assert [f.id for f in plan.frameworks] == ["cedeao-par"]
