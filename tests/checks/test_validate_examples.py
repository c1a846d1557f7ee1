"""The example files: every valid one passes, every invalid one gives exactly its problems."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus
from tests.conftest import EXAMPLES
from tests.examples import expected_problems

NEGATIVE = sorted((EXAMPLES / "negative").glob("*.yaml"))
POSITIVE = sorted((EXAMPLES / "positive").glob("*.yaml"))


def expected(path: Path) -> list[tuple[str, int]]:
    return [(code, line) for _, code, line in expected_problems(path)]


def test_there_are_many_negative_examples() -> None:
    assert len(NEGATIVE) >= 25
    assert len(POSITIVE) >= 1


@pytest.mark.parametrize("path", POSITIVE, ids=lambda p: p.stem)
def test_positive_examples_are_valid(path: Path) -> None:
    corpus = load_corpus([str(path)])
    assert corpus.problems == []
    assert len(corpus.plans) == 1 and corpus.plans[0].file == str(path)


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_negative_examples_give_their_problems(path: Path) -> None:
    corpus = load_corpus([str(path)])
    got = [(p.code, p.line) for p in corpus.problems]
    assert got == expected(path)
    assert corpus.plans == []


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_negative_examples_through_the_cli(path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    want = expected(path)
    assert len(lines) == len(want)
    for line, (code, number) in zip(lines, want, strict=True):
        assert re.match(rf"^{re.escape(str(path))}:{number}:\d+: {code} \S", line), line
    assert "Traceback" not in result.output


def test_one_run_reports_every_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLES / "negative"), str(POSITIVE[0])])
    assert result.exit_code == 1
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert len(reported) == len(NEGATIVE)
    total = sum(len(expected(p)) for p in NEGATIVE)
    assert f"{len(NEGATIVE) + 1} files checked: {total} problems in {len(NEGATIVE)} files" in (
        result.stderr
    )


def test_problems_are_sorted_by_file_and_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--format", "json", str(EXAMPLES / "negative")])
    rows = json.loads(result.stdout)
    keys = [(r["file"], r["line"], r["column"]) for r in rows]
    assert keys == sorted(keys)
