"""The indicator rules: each negative example produces exactly the problems it declares,
and plan indicators are checked against their targets and the framework lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from napctl.load.corpus import load_corpus
from tests.indicators.conftest import DATA, PLANS, PROGRESS

NEGATIVE = sorted((DATA / "negative").iterdir())


def expected(case: Path) -> list[str]:
    report = next(case.rglob("*.yaml"))
    first = report.read_text(encoding="utf-8").splitlines()[0]
    return sorted(first.removeprefix("# expect:").split())


def found(plans: Path, progress: Path) -> list[str]:
    corpus = load_corpus([str(plans)], progress=[progress])
    return sorted(f"{p.code}@{p.line}" for p in corpus.problems)


def test_the_positive_progress_files_are_valid() -> None:
    assert found(PLANS, PROGRESS) == []


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda p: p.name)
def test_negative_example(case: Path) -> None:
    assert found(PLANS, case) == expected(case)


def test_period_outside_the_plan_is_a_warning_only() -> None:
    corpus = load_corpus([str(PLANS)], progress=[DATA / "negative" / "period-outside-plan"])
    assert [p.level for p in corpus.problems] == ["warning"]
    assert corpus.ok


def plan_problems(tmp_path: Path, old: str, new: str) -> list[tuple[str, int, str]]:
    text = (PLANS / "zz-2018-2022.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "plan.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    corpus = load_corpus([str(tmp_path)])
    return [(p.code, p.line, p.message) for p in corpus.problems]


def test_target_year_outside_the_period(tmp_path: Path) -> None:
    problems = plan_problems(tmp_path, "{year: 2022, value: 150}", "{year: 2030, value: 150}")
    assert [(c, line) for c, line, _ in problems] == [("NAP700", 41)]
    assert "2030 is outside the plan's period 2018-2022" in problems[0][2]


def test_target_against_the_direction(tmp_path: Path) -> None:
    problems = plan_problems(tmp_path, "{year: 2022, value: 150}", "{year: 2022, value: 90}")
    assert [(c, line) for c, line, _ in problems] == [("NAP702", 41)]
    assert "not an increase from the baseline 100" in problems[0][2]


def test_summed_percentages(tmp_path: Path) -> None:
    problems = plan_problems(tmp_path, "aggregate: mean", "aggregate: sum")
    assert [c for c, _, _ in problems] == ["NAP703"]


def test_reference_beyond_the_framework_with_did_you_mean(tmp_path: Path) -> None:
    problems = plan_problems(tmp_path, "indicator: 1a}", "indicator: 1aa}")
    assert [(c, line) for c, line, _ in problems] == [("NAP701", 43)]
    assert "un-26" in problems[0][2] and "did you mean '1a'" in problems[0][2]


def test_reference_past_the_last_number(tmp_path: Path) -> None:
    problems = plan_problems(
        tmp_path, "{framework: eu, indicator: 5}", "{framework: eu, indicator: 18}"
    )
    assert [c for c, _, _ in problems] == ["NAP701"]
    assert "numbers them 1-17" in problems[0][2]
