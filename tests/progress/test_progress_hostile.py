"""Hostile files read as progress reports: problems, never a traceback; mutations too."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from napctl.core.problems import CODES, Problem
from napctl.load.corpus import load_corpus, load_progress
from napctl.model import Plan
from tests.conftest import EXAMPLES, MINIMAL, ROOT

HOSTILE = sorted((ROOT / "tests" / "hostile" / "files").glob("*"))
VALID = EXAMPLES / "progress" / "positive" / "xx-2020-2022" / "2021" / "def.yaml"


@pytest.fixture(scope="module")
def plans() -> list[Plan]:
    return [load_corpus([str(MINIMAL)]).plans[0].plan]


def run(path: Path, plans: list[Plan]) -> list[Problem]:
    return load_progress([path], plans, keep=False).problems


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_files_as_progress_reports(path: Path, plans: list[Plan]) -> None:
    problems = run(path, plans)
    assert problems, path  # none of them is a progress report
    assert all(p.code in CODES and p.line >= 0 for p in problems)
    assert all("plan file" not in p.message for p in problems)


def test_random_line_mutations_never_crash(tmp_path: Path, plans: list[Plan]) -> None:
    rng = random.Random(14)
    lines = VALID.read_text(encoding="utf-8").splitlines(keepends=True)
    junk = [
        "",
        "  - ",
        "status: ongoing\n",
        "    indicator: 0\n",
        "x: [\n",
        "    url: ftp://a\n",
        "    date: 2021-02-30\n",
        "\t\n",
        "    value: .nan\n",
        "    amount: -1e999\n",
        "actions: 5\n",
        "  - id: 'P1.1.1'\n",
        "    path: 'C:\\\\x'\n",
    ]
    target = tmp_path / "xx-2020-2022" / "2021"
    target.mkdir(parents=True)
    for n in range(300):
        mutated = list(lines)
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(mutated))
            choice = rng.random()
            if choice < 0.4:
                mutated[i] = rng.choice(junk)
            elif choice < 0.7:
                del mutated[i]
            else:
                mutated.insert(i, rng.choice(lines))
        path = target / "def.yaml"
        path.write_text("".join(mutated), encoding="utf-8")
        for problem in run(path, plans):
            assert problem.code in CODES, (n, problem)
