"""napctl review, through the core functions: the bundled plans, the clean example, heuristics."""

from __future__ import annotations

from collections import Counter

import pytest

from napctl.load.corpus import load_corpus
from napctl.review.index import is_measurable, restates, stems, text_is_measurable
from napctl.review.rules import rule_codes
from napctl.review.run import Review, review_plans
from tests.conftest import EXAMPLES, PLANS

CLEAN = EXAMPLES / "review" / "clean.yaml"


@pytest.fixture(scope="module")
def bundled() -> Review:
    corpus = load_corpus([str(PLANS)])
    assert corpus.ok
    return review_plans(corpus.plans)


def _counts(review: Review, plan: str, pillar: str | None = "*") -> dict[str, int]:
    found = Counter(
        f.code for f in review.findings if f.plan == plan and (pillar == "*" or f.pillar == pillar)
    )
    return {code: n for code, n in sorted(found.items())}


def test_luxembourg_counts_per_rule(bundled: Review) -> None:
    # 55 actions, every one with indicators, none with a baseline, target, deadline
    # or budget (the plan prints none: said once for the plan, NAP520 and NAP521);
    # 40 actions share several departments and the plan names no lead at all (once,
    # NAP522); II.1.1 and III.1.4 rest on "All".
    assert _counts(bundled, "lu-2018-2023") == {
        "NAP502": 64,
        "NAP503": 55,
        "NAP504": 55,
        "NAP508": 2,
        "NAP511": 7,
        "NAP512": 1,
        "NAP520": 1,
        "NAP521": 1,
        "NAP522": 1,
    }


def test_luxembourg_pillar_one_by_hand(bundled: Review) -> None:
    # Counted from plans/lu-2018-2023.yaml, pillar I, actions I.1.1 to I.5.1 (10 rows):
    # - NAP502: two indicators name no count, share or number: I.1.1 "measures and
    #   procedures adopted" and I.2.1 "Annual monitoring of men and women in managerial
    #   functions"; the others say "number", "ratio" or "Number".
    # - NAP503-504: no row has a structured indicator: 10 each.
    # - No row has a deadline or a budget and the plan names no lead: said once for the
    #   plan (NAP520-522, on no pillar), not on each row.
    assert _counts(bundled, "lu-2018-2023", "I") == {
        "NAP502": 2,
        "NAP503": 10,
        "NAP504": 10,
    }


def test_belgium_counts_per_rule(bundled: Review) -> None:
    assert _counts(bundled, "be-2013-2016") == {
        "NAP502": 115,
        "NAP503": 102,
        "NAP504": 102,
        "NAP507": 41,
        "NAP511": 10,
        "NAP512": 1,
        "NAP520": 1,
        "NAP521": 1,
    }


def test_belgium_objective_six_by_hand(bundled: Review) -> None:
    # Counted from plans/be-2013-2016.yaml, OBJECTIVE 6, lines of action 33 to 37:
    # - NAP502: "Reports sent to parliament.", "Organisation of two reporting and
    #   coordination events." ("two" is a word, not a digit: a known miss),
    #   "Invitations and results.", "Information provided." twice: 5.
    # - NAP503-504: 5 each (no deadline or budget anywhere: once for the plan). NAP507:
    #   33 (Equality) and 34 (Foreign Affairs) print a coordination role, 35-37 have
    #   one department: 0.
    assert _counts(bundled, "be-2013-2016", "O6") == {
        "NAP502": 5,
        "NAP503": 5,
        "NAP504": 5,
    }


def test_bundled_scorecards(bundled: Review) -> None:
    cards = {s.plan: s for s in bundled.summaries}
    lu, be = cards["lu-2018-2023"], cards["be-2013-2016"]
    assert (lu.actions, lu.goals, lu.pillars) == (55, 26, 4)
    assert (be.actions, be.goals, be.pillars) == (102, 37, 6)
    assert lu.measures["with_indicator"].label() == "55 of 55 (100%)"
    assert lu.measures["only_all"].count == 2
    assert (lu.measures["single_lead"].count, lu.measures["single_lead"].of) == (0, 40)
    # Belgium: 43 lines share departments; 33 and 34 print a coordinating one.
    assert (be.measures["single_lead"].count, be.measures["single_lead"].of) == (2, 43)
    assert be.measures["with_budget"].count == 0
    assert (lu.findings["NAP507"], lu.findings["NAP522"]) == (0, 1)


def test_clean_example_scores_clean() -> None:
    corpus = load_corpus([str(CLEAN)])
    assert corpus.problems == []
    review = review_plans(corpus.plans)
    assert review.findings == []
    card = review.summaries[0]
    assert card.actions == 4
    for key in (
        "with_indicator",
        "with_measurable_indicator",
        "with_baseline",
        "with_target",
        "with_deadline",
        "with_budget",
    ):
        assert card.measures[key].label() == "4 of 4 (100%)", key
    assert card.measures["single_lead"].label() == "2 of 2 (100%)"
    assert card.measures["only_all"].count == 0
    assert card.measures["restating_indicator"].count == 0


def test_select_limits_the_rules(bundled: Review) -> None:
    corpus = load_corpus([str(PLANS)])
    review = review_plans(corpus.plans, lambda code: code == "NAP508")
    assert [f.id for f in review.findings] == ["II.1.1", "III.1.4"]
    assert review.summaries[1].findings == {"NAP508": 2}


def test_every_rule_is_registered_as_a_problem_code() -> None:
    from napctl.core.problems import CODES, level_of

    assert set(rule_codes()) <= set(CODES)
    assert all(level_of(code) in ("warning", "info") for code in rule_codes())
    assert all(code.startswith("NAP5") for code in rule_codes())


@pytest.mark.parametrize(
    ("text", "measurable"),
    [
        ("Number of women recruited", True),
        ("Share of women among officers", True),
        ("Ratio of complaints versus prosecutions", True),
        ("40% of staff trained", True),
        ("Training provided", False),
        ("Measures taken", False),
        ("Organisation of two events", False),  # a known miss: number words are not numbers
    ],
)
def test_measurable_heuristic(text: str, measurable: bool) -> None:
    assert text_is_measurable(text) is measurable
    assert is_measurable(text) is measurable


def test_structured_indicators_are_measurable_by_type_unit_or_values() -> None:
    from napctl.model import Baseline, Indicator, Target

    assert is_measurable(Indicator(text="Progress made", type="yes-no"))
    assert is_measurable(Indicator(text="Progress made", unit="projects"))
    assert is_measurable(Indicator(text="Progress made", baseline=Baseline(value=0)))
    assert is_measurable(Indicator(text="Progress made", targets=[Target(year=2022, value=3)]))
    assert not is_measurable(Indicator(text="Progress made", type="qualitative"))


def test_restating_heuristic() -> None:
    action = stems("Provide training on resolution 1325 to police officers")
    assert restates("Training provided", action)
    assert not restates("Number of officers trained", action)  # measurable
    assert not restates("Officers' feedback collected", action)  # new words
    assert not restates("On it", action)  # no content word at all


def test_findings_are_problems_naming_plan_action_and_pillar(bundled: Review) -> None:
    from napctl.core.problem import Problem

    assert all(type(f) is Problem for f in bundled.findings)
    action = next(f for f in bundled.findings if f.code == "NAP508")
    assert (action.plan, action.id, action.pillar, action.level) == (
        "lu-2018-2023",
        "II.1.1",
        "II",
        "warning",
    )
    plan_wide = next(f for f in bundled.findings if f.code == "NAP512")
    assert (plan_wide.plan, plan_wide.id, plan_wide.pillar) == ("be-2013-2016", None, None)
    info = {f.level for f in bundled.findings if f.code in ("NAP503", "NAP504")}
    assert info == {"info"}


def test_review_rules_are_in_the_one_registry() -> None:
    from napctl.checks.registry import codes
    from napctl.review.rules import KIND

    per_action = [f"NAP5{n:02d}" for n in range(1, 14)]
    plan_wide = {"NAP501": "NAP523", "NAP505": "NAP520", "NAP506": "NAP521", "NAP507": "NAP522"}
    expected = [c for code in per_action for c in (code, plan_wide.get(code)) if c]
    expected.append("NAP524")  # the registry's near-duplicate names, after the plan's rules
    assert codes(KIND) == expected == rule_codes()


def test_a_plan_without_findings_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import napctl.review.run as run

    corpus = load_corpus([str(CLEAN)])

    def refuse(*args: object) -> None:
        raise AssertionError("positions read with nothing to place")

    monkeypatch.setattr(run, "load_yaml_file", refuse)
    assert review_plans(corpus.plans).findings == []
