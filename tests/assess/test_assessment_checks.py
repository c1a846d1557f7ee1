"""Assessment files that break a rule: each problem with its code and position."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from napctl.core.problems import CODES, Problem
from napctl.load.assessments import load_assessments
from napctl.load.corpus import load_corpus
from napctl.model import Plan
from tests.conftest import PLANS, ROOT, napctl

GOOD = ROOT / "examples" / "assessments" / "lu-2018-2023" / "2020" / "example-gender-watch.yaml"
HOSTILE = sorted((ROOT / "tests" / "hostile" / "files").glob("*"))
HEAD = "plan: lu-2018-2023\nyear: 2020\norganisation: Example Watch\n"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return next(p.plan for p in load_corpus([str(PLANS)]).plans if p.plan.id == "lu-2018-2023")


def check(tmp_path: Path, plan: Plan, text: str, name: str = "example-watch") -> list[Problem]:
    folder = tmp_path / "lu-2018-2023" / "2020"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return load_assessments([tmp_path], [plan]).problems


def found(problems: list[Problem]) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in problems]


CASES = {
    "level outside the scale": (
        "scale: ogp-completion\nratings:\n  - action: I.1.1\n    level: limted\n",
        [(7, 12, "NAP803")],
        "did you mean",
    ),
    "unknown action": (
        "scale: kroc-0-3\nratings:\n  - action: I.1.11\n    level: 1\n    narrative: x\n",
        [(6, 13, "NAP804")],
        "has no action 'I.1.11'",
    ),
    "unknown scale": (
        "scale: ogp-complete\nratings:\n  - action: I.1.1\n    level: not-rated\n",
        [(4, 8, "NAP802")],
        "ogp-completion",
    ),
    "labels folding to one": (
        "scale:\n  - level: partly\n    label: Partly\n  - level: PARTLY\n    label: done\n"
        "ratings:\n  - action: I.1.1\n    level: not-rated\n",
        [(7, 12, "NAP808")],
        "reads as level 1",
    ),
    "one-level scale": (
        "scale:\n  - level: done\n    label: done\nratings:\n  - action: I.1.1\n"
        "    level: not-rated\n",
        [(5, 3, "NAP813")],
        "two levels",
    ),
    "action rated twice": (
        "scale: kroc-0-3\nratings:\n  - action: I.1.1\n    level: 1\n    narrative: a\n"
        "  - action: I.1.1\n    level: 2\n    narrative: b\n",
        [(9, 13, "NAP806")],
        "already rated",
    ),
    "neither action nor pillar": (
        "scale: kroc-0-3\nratings:\n  - level: 1\n    narrative: a\n",
        [(6, 5, "NAP805")],
        "one of them",
    ),
    "bad evidence link": (
        "scale: kroc-0-3\nratings:\n  - action: I.1.1\n    level: 1\n    evidence:\n"
        "      - title: x\n        url: javascript:alert(1)\n      - title: y\n"
        "        path: ../../etc/passwd\n",
        [(10, 14, "NAP810"), (12, 15, "NAP811")],
        "http",
    ),
    "rated without a word": (
        "scale: kroc-0-3\nratings:\n  - action: I.1.1\n    level: 2\n",
        [(7, 12, "NAP814")],
        "say why",
    ),
    "disputes a word that is no status": (
        "scale: kroc-0-3\nratings:\n  - action: I.1.1\n    level: 2\n    narrative: a\n"
        "    disputes: done\n",
        [(9, 15, "NAP204")],
        "",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_rule(case: str, tmp_path: Path, plan: Plan) -> None:
    body, expected, words = CASES[case]
    problems = check(tmp_path, plan, HEAD + body)
    assert found(problems) == expected, problems
    assert words in problems[0].message


def test_file_in_the_wrong_place(tmp_path: Path, plan: Plan) -> None:
    body = "scale: kroc-0-3\nratings:\n  - action: I.1.1\n    level: not-rated\n"
    problems = check(tmp_path, plan, HEAD + body, name="someone-else")
    assert found(problems) == [(1, 1, "NAP809")]
    assert "lu-2018-2023/2020/example-watch.yaml" in problems[0].message


def test_two_files_for_one_organisation(tmp_path: Path, plan: Plan) -> None:
    body = "scale: kroc-0-3\nratings:\n  - action: I.1.1\n    level: not-rated\n"
    check(tmp_path, plan, HEAD + body)
    other = tmp_path / "lu-2018-2023" / "2020" / "example-watch.yml"
    other.write_text(HEAD.replace("Example Watch", "EXAMPLE WATCH") + body, encoding="utf-8")
    problems = load_assessments([tmp_path], [plan]).problems
    assert "NAP807" in [p.code for p in problems]


def test_unknown_plan_and_year_outside(tmp_path: Path, plan: Plan) -> None:
    text = HEAD.replace("2020", "2031") + "scale: kroc-0-3\nratings:\n  - pillar: V\n    level: 1\n"
    folder = tmp_path / "lu-2018-2023" / "2031"
    folder.mkdir(parents=True)
    (folder / "example-watch.yaml").write_text(text + "    narrative: a\n", encoding="utf-8")
    codes = [p.code for p in load_assessments([tmp_path], [plan]).problems]
    assert codes == ["NAP801", "NAP804"]


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_files_as_assessments(path: Path, plan: Plan) -> None:
    problems = load_assessments([path], [plan]).problems
    assert problems, path  # none of them is an assessment
    assert all(p.code in CODES and p.line >= 0 for p in problems)
    assert all(p.message.isprintable() for p in problems)


def test_random_line_mutations_never_crash(tmp_path: Path, plan: Plan) -> None:
    rng = random.Random(30)
    lines = GOOD.read_text(encoding="utf-8").splitlines(keepends=True)
    junk = [
        "",
        "  - ",
        "level: 9\n",
        "x: [\n",
        "    url: ftp://a\n",
        "\t\n",
        "scale: []\n",
        "  - action: '\x1b[2J'\n",
        "    disputes: completed\n",
        "ratings: 5\n",
    ]
    target = tmp_path / "lu-2018-2023" / "2020"
    target.mkdir(parents=True)
    for _ in range(150):
        mutated = list(lines)
        for _ in range(rng.randint(1, 3)):
            mutated[rng.randrange(len(mutated))] = rng.choice(junk)
        (target / "example-gender-watch.yaml").write_text("".join(mutated), encoding="utf-8")
        for p in load_assessments([tmp_path], [plan]).problems:
            assert p.code in CODES and p.message.isprintable()


def test_validate_reads_assessments_and_prints_positions(tmp_path: Path, plan: Plan) -> None:
    check(tmp_path, plan, HEAD + "scale: kroc-0-3\nratings:\n  - action: I.9.9\n    level: 5\n")
    out = napctl("validate", str(PLANS), "--assessments", str(tmp_path), code=1).stdout
    assert "example-watch.yaml:6:13: NAP804" in out
    assert "example-watch.yaml:7:12: NAP803" in out
    napctl("validate", "--plans", str(PLANS), "--kind", "assessment", str(GOOD))


def test_schema_kind_assessment_is_the_committed_one() -> None:
    out = napctl("schema", "--kind", "assessment").stdout
    assert out == (ROOT / "schema" / "assessment.schema.json").read_text(encoding="utf-8")
