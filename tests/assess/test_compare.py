"""`napctl compare` on the example assessments, against expectations computed by hand.

On lu-2018-2023 in 2020 (examples/progress) the government's combined statuses are:
II.4.1 and III.1.7 completed (1), II.1.1, II.9.1 and IV.1.1 ongoing (1/2), II.2.3
and III.1.8 delayed (1/4), I.3.1 not-started (0), I.1.1 not-reported (not compared).
The tolerance is 1/3, so (docs/assessments.md):

Example Feminist Peace Network (ogp-completion: limited 1/3, substantial 2/3):
  I.1.1 limited       not-reported   not compared
  I.3.1 limited       0     gap 1/3  agrees
  II.1.1 no-evidence  1/2   gap 1/2  DISAGREES
  II.2.3 not-started  1/4   gap 1/4  agrees
  II.4.1 limited      1     gap 2/3  DISAGREES (and disputes completed)
  III.1.7 substantial 1     gap 1/3  DISAGREES: within the tolerance, but disputes completed
  (II.3.1 not-rated: no row)
Example Gender Watch (kroc-0-3: 0, 1/3, 2/3, 1):
  II.1.1 1   1/2  gap 1/6   agrees
  II.2.3 1   1/4  gap 1/12  agrees
  II.4.1 3   1    gap 0     agrees
  II.9.1 2   1/2  gap 1/6   agrees
  III.1.7 1  1    gap 2/3   DISAGREES
  III.1.8 2  1/4  gap 5/12  DISAGREES
  IV.1.1 0   1/2  gap 1/2   DISAGREES
"""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from napctl.assess.compare import Comparison, compare
from napctl.load.assessments import assessments_in, load_assessments
from napctl.load.corpus import load_corpus, load_progress
from tests.conftest import PLANS, ROOT, napctl
from tests.render.test_render import compare_golden

PROGRESS = ROOT / "examples" / "progress"
ASSESSMENTS = ROOT / "examples" / "assessments"
PLAN = "lu-2018-2023"
FPN = "Example Feminist Peace Network"
EGW = "Example Gender Watch"
ARGS = ["--plans", str(PLANS), "--plan", PLAN, "--year", "2020", "--progress", str(PROGRESS)]
ARGS += ["--assessments", str(ASSESSMENTS)]


@pytest.fixture(scope="module")
def result() -> Comparison:
    plan = next(p.plan for p in load_corpus([str(PLANS)]).plans if p.plan.id == PLAN)
    reports = [r.report for r in load_progress([PROGRESS / PLAN / "2020"], [plan]).reports]
    corpus = load_assessments([ASSESSMENTS], [plan])
    assert corpus.ok, corpus.problems
    rated = [a.assessment for a in assessments_in(corpus)]
    return compare(plan, reports, rated, 2020)


def test_disagreements_are_those_computed_by_hand(result: Comparison) -> None:
    found = {(r.organisation, r.action): (r.status, r.level, r.gap) for r in result.disagreements}
    assert found == {
        (FPN, "II.1.1"): ("ongoing", "no-evidence", Fraction(1, 2)),
        (FPN, "II.4.1"): ("completed", "limited", Fraction(2, 3)),
        (FPN, "III.1.7"): ("completed", "substantial", Fraction(1, 3)),
        (EGW, "III.1.7"): ("completed", "1", Fraction(2, 3)),
        (EGW, "III.1.8"): ("delayed", "2", Fraction(5, 12)),
        (EGW, "IV.1.1"): ("ongoing", "0", Fraction(1, 2)),
    }
    assert result.counts() == {
        "rated": 13,
        "compared": 12,
        "agree": 6,
        "disagree": 6,
        "not_compared": 1,
    }


def test_agreements_and_the_status_not_compared(result: Comparison) -> None:
    gaps = {(r.organisation, r.action): r.gap for r in result.rows if not r.disagrees}
    assert gaps == {
        (FPN, "I.1.1"): None,
        (FPN, "I.3.1"): Fraction(1, 3),
        (FPN, "II.2.3"): Fraction(1, 4),
        (EGW, "II.1.1"): Fraction(1, 6),
        (EGW, "II.2.3"): Fraction(1, 12),
        (EGW, "II.4.1"): Fraction(0),
        (EGW, "II.9.1"): Fraction(1, 6),
    }


def test_both_sides_words_and_evidence(result: Comparison) -> None:
    row = next(r for r in result.disagreements if r.action == "II.4.1")
    assert [s.who for s in row.government] == ["MAEE D5", "MEGA"]
    assert row.government[1].narrative == "Orange Week campaign with six NGOs."
    assert row.independent.evidence[0].href == "examples/progress/evidence/helpline-2020.md"
    assert row.disputes == "completed"


def test_scorecard_per_pillar(result: Comparison) -> None:
    cards = {(c.organisation, c.pillar): c for c in result.scorecards}
    pillar_two = cards[(FPN, "II")]
    assert pillar_two.actions == 21
    assert {k: n for k, (_, n) in pillar_two.counts.items()} == {
        "no-evidence": 1,
        "not-started": 1,
        "limited": 1,
        "substantial": 0,
        "complete": 0,
        "not-rated": 18,
    }
    assert pillar_two.overall == "limited (limited)"
    assert {k: n for k, (_, n) in cards[(EGW, "IV")].counts.items()} == {
        "0": 1,
        "1": 0,
        "2": 0,
        "3": 0,
        "not-rated": 6,
    }


def test_a_wider_tolerance_leaves_only_the_disputed(result: Comparison) -> None:
    plan = result.plan
    reports = [r.report for r in load_progress([PROGRESS / PLAN / "2020"], [plan]).reports]
    rated = [a.assessment for a in assessments_in(load_assessments([ASSESSMENTS], [plan]))]
    wide = compare(plan, reports, rated, 2020, tolerance=Fraction(1))
    assert [(r.organisation, r.action) for r in wide.disagreements] == [
        (FPN, "II.4.1"),
        (FPN, "III.1.7"),
    ]


def test_cli_json_and_tolerance() -> None:
    data = json.loads(napctl("compare", *ARGS, "-f", "json").stdout)
    assert data["counts"]["disagree"] == 6
    assert data["tolerance"] == "1/3"
    assert [o["scale"] for o in data["organisations"]] == ["ogp-completion", "kroc-0-3"]
    narrow = json.loads(napctl("compare", *ARGS, "-f", "json", "--tolerance", "0").stdout)
    assert narrow["counts"]["disagree"] == 11  # 12 compared; only EGW's II.4.1 has gap 0


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_compare_golden(fmt: str) -> None:
    compare_golden(f"compare-{PLAN}-2020.{fmt}", napctl("compare", *ARGS, "-f", fmt).stdout)


def test_table_names_every_disagreement() -> None:
    out = napctl("compare", *ARGS).stdout
    assert "6 agree, 6 disagree" in out
    assert "IV.1.1\tgovernment: ongoing\tExample Gender Watch: 0 (not initiated)\tgap 1/2" in out


def test_status_shows_each_organisation_beside_the_government() -> None:
    args = [a for a in ARGS if a != "--year"]
    args.remove("2020")
    data = json.loads(napctl("status", *args, "-f", "json").stdout)
    action = next(a for a in data["actions"] if a["id"] == "II.4.1")
    assert action["status"] == "completed"  # the government's, never changed
    assert action["assessments"] == [
        {"organisation": FPN, "level": "limited", "label": "limited"},
        {"organisation": EGW, "level": "3", "label": "complete"},
    ]
    table = napctl("status", *args).stdout
    assert "II.4.1\tcompleted\t2/2\t\tlimited\t3 (complete)" in table


def test_status_without_assessments_is_unchanged() -> None:
    args = ["--plans", str(PLANS), "--plan", PLAN, "--progress", str(PROGRESS)]
    data = json.loads(napctl("status", *args, "-f", "json").stdout)
    assert "assessments" not in data
