"""``napctl review``: how monitorable is a plan? Findings with positions, and a scorecard.

A plain function over valid plans (``review_plans``); the CLI only picks the
rules and the output. Each plan is indexed once (``napctl.review.index``),
every rule reads that index, and positions come from one parse of the file.
A finding is a ``Problem`` of a review rule's code, naming its plan, action
and pillar; validate's reporters print it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from napctl.checks.registry import Report, run_checks
from napctl.core.problem import Problem
from napctl.load.corpus import LoadedPlan
from napctl.review.index import PlanIndex, index_plan
from napctl.review.rules import KIND, rule_codes
from napctl.review.summary import PlanSummary, summarise
from napctl.yaml.safe import load_yaml_file


@dataclass(slots=True)
class Review:
    findings: list[Problem] = field(default_factory=list)
    summaries: list[PlanSummary] = field(default_factory=list)
    #: The indexes the review was made from, for reports that group by pillar.
    indexes: list[PlanIndex] = field(default_factory=list)
    #: The language of the reports' labels (``--lang``); findings stay in English.
    lang: str = "en"

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.level == "warning")


def _everything(code: str) -> bool:
    return True


def review_plan(
    index: PlanIndex, active: Callable[[str], bool] = _everything
) -> tuple[list[Problem], PlanSummary]:
    """The findings of the active rules on one plan, and its scorecard."""
    # The file is parsed again for positions only when a rule has something to place.
    report = Report(
        index.file, lambda: load_yaml_file(index.file), plan=index.plan.id, selected=active
    )
    findings = sorted(run_checks(KIND, index, report), key=Problem.sort_key)
    counts = dict.fromkeys((code for code in rule_codes() if active(code)), 0)
    for finding in findings:
        counts[finding.code] += 1
    return findings, summarise(index, counts)


def review_plans(
    plans: Sequence[LoadedPlan], active: Callable[[str], bool] = _everything
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
