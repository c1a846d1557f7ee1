"""NAP524: review reports a registry's near-duplicate actor names, each group once, by
the one nearness test (napctl.model.near) validate's NAP334 uses."""

from __future__ import annotations

from pathlib import Path

from napctl.checks.plan_shape import near_entries
from napctl.load.corpus import load_corpus
from napctl.review.run import review_plans
from tests.conftest import EXAMPLES, ROOT, napctl

YES = EXAMPLES / "review" / "NAP524-yes.yaml"


def _write(tmp_path: Path, extra: str) -> Path:
    text = YES.read_text(encoding="utf-8").replace("  - code: MOD\n", extra + "  - code: MOD\n", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_group_of_three_is_one_finding(tmp_path: Path) -> None:
    # MD is near DEF and MOD both, and comes between them: still one group, said once.
    path = _write(tmp_path, "  - code: MD\n    name: Ministry of Defence.\n")
    corpus = load_corpus([str(path)])
    review = review_plans(corpus.plans, lambda code: code == "NAP524")
    assert [(f.code, f.line) for f in review.findings] == [("NAP524", 36)]
    (finding,) = review.findings
    assert finding.message.startswith(
        "department 'MD' ('Ministry of Defence.') looks like 'DEF' ('Ministry of Defence')"
        " or 'MOD' ('Ministry of Defense'): "
    )
    # The same group, the same message, as validate's.
    plan = corpus.plans[0].plan
    assert [m for _, m in near_entries(plan)] == [finding.message]


def test_through_the_cli() -> None:
    result = napctl("review", "--select", "NAP524", str(YES))
    assert result.stdout.splitlines() == [
        f"{YES}:36:11: NAP524 warning: department 'MOD' ('Ministry of Defense') looks like"
        " 'DEF' ('Ministry of Defence'): one actor written two ways? keep one entry and give"
        " it the other spelling as an alias (or make the names differ)"
    ]
    assert (
        napctl("review", "--select", "NAP524", str(EXAMPLES / "review" / "clean.yaml")).stdout == ""
    )


def test_bundled_plans_have_no_near_duplicate_names() -> None:
    result = napctl("validate", str(ROOT / "plans"))
    assert "NAP334" not in result.stdout + result.stderr
    review = napctl("review", "--select", "NAP524", str(ROOT / "plans"), code=None)
    assert "NAP524" not in review.stdout
