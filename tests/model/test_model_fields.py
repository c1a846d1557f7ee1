"""The optional monitoring fields: valid forms, the problems they can give, the text accessor."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus
from napctl.model import Indicator, plan_from_trusted, plan_to_data
from tests.conftest import EXAMPLES, MINIMAL, write

CLEAN = EXAMPLES / "review" / "clean.yaml"


def _problems(tmp: Path, old: str, new: str, base: Path = CLEAN) -> list[tuple[str, int]]:
    text = base.read_text(encoding="utf-8")
    assert old in text
    path = write(tmp, "p.yaml", text.replace(old, new, 1))
    return [(p.code, p.line) for p in load_corpus([str(path)]).problems]


def test_structured_indicators_load_and_keep_their_text() -> None:
    corpus = load_corpus([str(CLEAN)])
    assert corpus.problems == []
    plan = corpus.plans[0].plan
    action = plan.pillars[0].goals[0].actions[0]
    first = action.indicators[0]
    assert isinstance(first, Indicator)
    assert first.key == "women-deployed" and first.type == "percent"
    assert first.baseline is not None and first.baseline.value == 12
    assert [(t.year, t.value) for t in first.targets] == [(2021, 15), (2022, 20)]
    assert first.references[0].framework == "un-s-2010-498"
    assert action.indicator_texts() == ["Share of women among officers deployed"]
    assert action.lead == "DEF" and action.deadline == 2022
    assert action.budget is not None and action.budget.currency == "EUR"
    assert plan.monitoring is not None and plan.monitoring.by == ["MFA"]
    # what the cache stores and rebuilds is the same plan
    assert plan_from_trusted(plan_to_data(plan)) == plan


def test_string_indicators_keep_working() -> None:
    plan = load_corpus([str(MINIMAL)]).plans[0].plan
    action = plan.pillars[0].goals[0].actions[0]
    assert action.indicators == ["Number of women recruited"]
    assert action.indicator_texts() == ["Number of women recruited"]


def test_queries_print_the_text_of_structured_indicators(runner: CliRunner) -> None:
    import json

    result = runner.invoke(app, ["actions", "--plans", str(CLEAN), "--actor", "DEF", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["indicators"] == ["Share of women among officers deployed"]
    found = runner.invoke(app, ["actions", "--plans", str(CLEAN), "--search", "officers deployed"])
    assert "P1.1.1" in found.stdout
    md = runner.invoke(app, ["render", "checklist", "--plans", str(CLEAN), "--actor", "DEF"])
    assert md.exit_code == 0 and "Share of women among officers deployed" in md.stdout


@pytest.mark.parametrize(
    ("old", "new", "want"),
    [
        ("lead: DEF", "lead: MFA", [("NAP312", 64)]),
        ("lead: DEF", "lead: Nobody", [("NAP312", 64)]),
        (
            "budget: {amount: 40000, currency: EUR}",
            "budget: {allocated: false, amount: 40000}",
            [("NAP313", 76)],
        ),
        (
            "                type: number\n                baseline: {value: 0",
            "                key: women-deployed\n                type: number\n"
            "                baseline: {value: 0",
            [],
        ),  # keys are unique per action, not per plan
        (
            "budget: {amount: 40000, currency: EUR}",
            "budget: {amount: 40000, currency: euro}",
            [("NAP206", 76)],
        ),
        ("type: percent", "type: share", [("NAP204", 53)]),
        ("deadline: 2021", "deadline: 2021-06-30", [("NAP209", 85)]),
        (
            "baseline: {value: 0, as_of: 2020}",
            "baseline: {value: null, as_of: 2020}",
            [("NAP209", 72)],
        ),
        ("  by: [MFA]\n  frequency", "  by: [MFX]\n  frequency", [("NAP301", 19)]),
        (
            "{framework: un-s-2010-498, indicator: 9}",
            "{framework: un, indicator: 9}",
            [("NAP204", 62)],
        ),
        (
            "              - text: Share of women among officers deployed",
            "              - txt: Share of women among officers deployed",
            [("NAP200", 51), ("NAP201", 51)],
        ),
    ],
)
def test_field_problems(tmp_path: Path, old: str, new: str, want: list[tuple[str, int]]) -> None:
    assert _problems(tmp_path, old, new) == want


def test_duplicate_indicator_key_on_one_action(tmp_path: Path) -> None:
    got = _problems(
        tmp_path,
        "                  - {framework: un-s-2010-498, indicator: 9}\n",
        "                  - {framework: un-s-2010-498, indicator: 9}\n"
        "              - {text: Number of officers deployed, key: women-deployed}\n",
    )
    assert got == [("NAP314", 63)]


def test_empty_goal_is_valid(tmp_path: Path) -> None:
    got = _problems(
        tmp_path,
        "      - id: P2.1\n",
        "      - id: P2.0\n        text: An objective\n        actions: []\n      - id: P2.1\n",
    )
    assert got == []
