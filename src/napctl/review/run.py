"""``napctl review``: how monitorable is a plan? Findings with positions, and a scorecard.

A plain function over valid plans (``review_plans``); the CLI only picks the
rules and the output. Each plan is indexed once (``napctl.review.index``),
every rule reads that index, and positions come from one parse of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from napctl.load.corpus import LoadedPlan
from napctl.review.index import PlanIndex, index_plan
from napctl.review.rules import RULES, ReviewLevel
from napctl.review.summary import PlanSummary, summarise


@dataclass(frozen=True, slots=True)
class Finding:
    file: str
    line: int
    column: int
    code: str
    level: ReviewLevel
    message: str
    plan: str
    id: str | None = None
    pillar: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file, "line": self.line, "column": self.column, "code": self.code,
            "level": self.level, "message": self.message, "plan": self.plan, "id": self.id,
            "pillar": self.pillar,
        }


@dataclass(slots=True)
class Review:
    findings: list[Finding] = field(default_factory=list)
    summaries: list[PlanSummary] = field(default_factory=list)
    #: The indexes the review was made from, for reports that group by pillar.
    indexes: list[PlanIndex] = field(default_factory=list)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.level == "warning")


def _everything(code: str) -> bool:
    return True


def review_plan(index: PlanIndex, active: Callable[[str], bool] = _everything
                ) -> tuple[list[Finding], PlanSummary]:
    """The findings of the active rules on one plan, and its scorecard."""
    from napctl.yaml.safe import load_yaml_file

    doc = None
    findings: list[Finding] = []
    counts: dict[str, int] = {}
    for code, rule in RULES.items():
        if not active(code):
            continue
        counts[code] = 0
        for hit in rule.check(index):
            if doc is None:  # positions are read only when there is something to place
                doc = load_yaml_file(index.file)
            line, column = doc.position(hit.loc)
            findings.append(Finding(index.file, line, column, code, rule.level, hit.message,
                                    index.plan.id, hit.id, hit.pillar))
            counts[code] += 1
    findings.sort(key=Finding.sort_key)
    return findings, summarise(index, counts)


def review_plans(plans: Sequence[LoadedPlan], active: Callable[[str], bool] = _everything
                 ) -> Review:
    """Review every plan: findings sorted by file and line, one scorecard per plan."""
    review = Review()
    for loaded in plans:
        index = index_plan(loaded.plan, loaded.file)
        findings, summary = review_plan(index, active)
        review.findings.extend(findings)
        review.summaries.append(summary)
        review.indexes.append(index)
    return review
