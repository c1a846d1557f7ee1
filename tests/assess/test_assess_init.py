"""`napctl assess init`: every action to rate, never a guessed level; edits kept."""

from __future__ import annotations

from pathlib import Path

from napctl.load.assessments import assessments_in, load_assessments
from napctl.load.corpus import load_corpus
from tests.conftest import PLANS, napctl

ARGS = ["--plans", str(PLANS), "--plan", "lu-2018-2023", "--year", "2021"]


def test_init_writes_every_action_not_rated_and_valid(tmp_path: Path) -> None:
    out = napctl("assess", "init", *ARGS, "-o", "Example Watch", "--out", str(tmp_path)).stdout
    path = tmp_path / "lu-2018-2023" / "2021" / "example-watch.yaml"
    assert out == f"created {path}\n"
    plan = next(p.plan for p in load_corpus([str(PLANS)]).plans if p.plan.id == "lu-2018-2023")
    corpus = load_assessments([tmp_path], [plan])
    assert corpus.ok, corpus.problems
    (assessment,) = [a.assessment for a in assessments_in(corpus)]
    assert len(assessment.ratings) == 55
    assert {r.level for r in assessment.ratings} == {"not-rated"}
    assert assessment.rated() == []
    assert assessment.scale == "ogp-completion"


def test_init_again_keeps_the_edits_and_adds_what_is_missing(tmp_path: Path) -> None:
    napctl("assess", "init", *ARGS, "-o", "Example Watch", "--out", str(tmp_path))
    path = tmp_path / "lu-2018-2023" / "2021" / "example-watch.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  # I.1.1:")
    end = text.index("  # I.1.2:")
    edited = text[:start] + text[end:]  # I.1.1 removed by hand
    edited = edited.replace(
        "- action: I.1.2\n    level: not-rated", "- action: I.1.2\n    level: limited  # ours"
    )
    path.write_text(edited, encoding="utf-8")
    out = napctl("assess", "init", *ARGS, "-o", "Example Watch", "--out", str(tmp_path)).stdout
    assert out == f"added 1 actions to {path}\n"
    again = path.read_text(encoding="utf-8")
    assert again.startswith(edited)
    assert again.endswith("  - action: I.1.1\n    level: not-rated\n")
    out = napctl("assess", "init", *ARGS, "-o", "Example Watch", "--out", str(tmp_path)).stdout
    assert "already lists every action" in out


def test_init_refuses_a_year_outside_the_plan_and_a_blank_name(tmp_path: Path) -> None:
    bad = [a if a != "2021" else "2031" for a in ARGS]
    result = napctl("assess", "init", *bad, "-o", "X", "--out", str(tmp_path), code=2)
    assert "outside plan" in result.stderr
    result = napctl("assess", "init", *ARGS, "-o", "a\x1bb", "--out", str(tmp_path), code=2)
    assert "\x1b" not in result.stderr
