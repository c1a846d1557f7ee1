"""Progress example files: the valid ones pass, each invalid one gives exactly its problems."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus, load_progress
from tests.conftest import EXAMPLES, MINIMAL, PLANS, ROOT
from tests.examples import expected_problems

PROGRESS = EXAMPLES / "progress"
CASES = sorted(p for p in (PROGRESS / "negative").iterdir() if p.is_dir())
RULES = {f"NAP4{n:02d}" for n in range(15)}


def expected(case: Path) -> list[tuple[str, str, int]]:
    """(file, code, line) from the `# expect:` line of every report in the case folder."""
    return sorted(expected_problems(case))


def minimal_plans() -> list:  # type: ignore[type-arg]
    return [p.plan for p in load_corpus([str(MINIMAL)]).plans]


def test_every_progress_rule_has_an_invalid_example() -> None:
    codes = {code for case in CASES for _, code, _ in expected(case)}
    assert codes >= RULES, sorted(RULES - codes)
    assert {"NAP110", "NAP111", "NAP200", "NAP201", "NAP203", "NAP204"} <= codes


def test_positive_example_is_valid() -> None:
    corpus = load_progress([PROGRESS / "positive"], minimal_plans())
    assert corpus.problems == []
    assert [r.report.department for r in corpus.reports] == ["DEF"]
    entry = corpus.reports[0].report.actions[0]
    assert entry.status == "completed" and entry.indicators[0].value == 14


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_negative_examples_give_their_problems(case: Path) -> None:
    corpus = load_progress([case], minimal_plans())
    got = sorted((p.file, p.code, p.line) for p in corpus.problems)
    assert got == expected(case)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_negative_examples_through_validate(case: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(MINIMAL), "--progress", str(case)])
    assert result.exit_code == 1, result.output
    want = expected(case)
    lines = result.stdout.splitlines()
    assert len(lines) == len(want)
    for file, code, line in want:
        assert any(re.match(rf"^{re.escape(file)}:{line}:\d+: {code} \S", out) for out in lines)
    assert "Traceback" not in result.output


def test_messages_say_what_to_do(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["validate", str(MINIMAL), "--progress", str(PROGRESS / "negative" / "unknown-action")]
    )
    assert "has no action 'P1.1.9' (did you mean 'P1.1.2'?)" in result.stdout
    result = runner.invoke(
        app, ["validate", str(MINIMAL), "--progress", str(PROGRESS / "negative" / "misplaced-file")]
    )
    assert "belongs at progress/xx-2020-2022/2021/def.yaml" in result.stdout


def test_github_format_for_progress_problems(runner: CliRunner) -> None:
    case = PROGRESS / "negative" / "javascript-url"
    result = runner.invoke(app, ["validate", str(MINIMAL), "--progress", str(case), "-f", "github"])
    assert result.stdout.startswith("::error file=")
    assert "line=20," in result.stdout and "NAP411" in result.stdout


def test_size_limit_applies_to_progress_files(runner: CliRunner, tmp_path: Path) -> None:
    src = PROGRESS / "positive" / "xx-2020-2022" / "2021" / "def.yaml"
    result = runner.invoke(
        app, ["validate", str(MINIMAL), "--progress", str(src), "--max-bytes", "100"]
    )
    assert result.exit_code == 1
    assert "NAP102" in result.stdout


def test_validate_finds_progress_in_the_current_folder(
    runner: CliRunner, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "plans").mkdir()
    (in_tmp / "plans" / "xx.yaml").write_text(MINIMAL.read_text(encoding="utf-8"))
    bad = PROGRESS / "negative" / "unknown-action" / "xx-2020-2022" / "2021" / "def.yaml"
    target = in_tmp / "progress" / "xx-2020-2022" / "2021"
    target.mkdir(parents=True)
    (target / "def.yaml").write_text(bad.read_text(encoding="utf-8"))
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert "NAP404" in result.stdout and "2 files checked" in result.stderr
    # Files named on the command line: only those (as before), unless --progress is given.
    assert runner.invoke(app, ["validate", "plans/xx.yaml"]).exit_code == 0
    monkeypatch.setenv("NAPCTL_PROGRESS", str(in_tmp / "nowhere"))
    assert runner.invoke(app, ["validate"]).exit_code == 2


def test_the_luxembourg_example_is_valid(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["validate", "--plans", str(PLANS), "--progress", str(ROOT / "examples" / "progress")]
    )
    assert result.exit_code == 0, result.output
    assert "6 files checked: all valid" in result.stderr


def test_example_reports_say_they_are_examples() -> None:
    for path in sorted((ROOT / "examples" / "progress").rglob("*.yaml")):
        assert "EXAMPLE DATA" in path.read_text(encoding="utf-8"), path


def test_a_structured_indicator_is_named_by_its_key_or_its_text(tmp_path: Path) -> None:
    """Issue 16's indicator keys: a progress entry may name an indicator by its key."""
    plan_text = MINIMAL.read_text(encoding="utf-8").replace(
        "indicators: [Number of women recruited]",
        "indicators: [{text: Number of women recruited, key: women-recruited}]",
    )
    (tmp_path / "plan.yaml").write_text(plan_text, encoding="utf-8")
    plans = [p.plan for p in load_corpus([str(tmp_path / "plan.yaml")]).plans]
    assert plans and plans[0].pillars[0].goals[0].actions[0].indicator_keys() == ["women-recruited"]
    folder = tmp_path / "progress" / "xx-2020-2022" / "2021"
    folder.mkdir(parents=True)
    report = (
        "plan: xx-2020-2022\nyear: 2021\ndepartment: DEF\nactions:\n"
        "  - id: P1.1.1\n    status: ongoing\n    indicators:\n"
        "      - {indicator: women-recruited, value: 3}\n"
        "      - {indicator: Number of women recruited, value: 3}\n"
        "      - {indicator: women, value: 3}\n"
    )
    (folder / "def.yaml").write_text(report, encoding="utf-8")
    corpus = load_progress([tmp_path / "progress"], plans)
    assert [(p.code, p.line) for p in corpus.problems] == [("NAP410", 10)]  # "women" only
