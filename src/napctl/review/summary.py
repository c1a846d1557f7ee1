"""The scorecard of a plan: shares of actions that can be monitored, from the index."""

from __future__ import annotations

from dataclasses import dataclass

from napctl.core.i18n import N_, translator
from napctl.review.index import ActionFacts, PlanIndex

#: The measures of the scorecard, in their order: key, label for people.
MEASURES: tuple[tuple[str, str], ...] = (
    ("with_indicator", N_("with at least one indicator")),
    ("with_measurable_indicator", N_("with a measurable indicator")),
    ("with_baseline", N_("with a baseline")),
    ("with_target", N_("with a target")),
    ("with_deadline", N_("with a deadline or timeline")),
    ("with_budget", N_("with a budget")),
    ("single_lead", N_("with a single lead, of those several departments share")),
    ("only_all", N_('resting only on "All"')),
    ("restating_indicator", N_("with an indicator that restates the action")),
)


@dataclass(frozen=True, slots=True)
class Share:
    count: int
    of: int

    @property
    def share(self) -> float | None:
        return round(self.count / self.of, 3) if self.of else None

    def label(self, lang: str = "en") -> str:
        """``3 of 10 (30%)`` in ``lang``."""
        _ = translator(lang).gettext
        if not self.of:
            return _("none of 0")
        share = {"count": self.count, "of": self.of, "pct": round(100 * self.count / self.of)}
        return _("%(count)s of %(of)s (%(pct)s%%)") % share

    def as_dict(self) -> dict[str, object]:
        return {"count": self.count, "of": self.of, "share": self.share}


@dataclass(frozen=True, slots=True)
class PlanSummary:
    plan: str
    title: str
    file: str
    pillars: int
    goals: int
    actions: int
    measures: dict[str, Share]
    #: Findings per rule code, after --select/--ignore.
    findings: dict[str, int]

    def as_dict(self) -> dict[str, object]:
        return {
            "plan": self.plan,
            "title": self.title,
            "file": self.file,
            "pillars": self.pillars,
            "goals": self.goals,
            "actions": self.actions,
            "shares": {k: self.measures[k].share for k, _ in MEASURES},
            "counts": {k: self.measures[k].as_dict() for k, _ in MEASURES},
            "findings": dict(self.findings),
        }


def _measures(facts: list[ActionFacts]) -> dict[str, Share]:
    n = len(facts)
    shared = [f for f in facts if len(f.departments) >= 2]

    def count(test: bool) -> int:
        return int(test)

    return {
        "with_indicator": Share(sum(count(f.indicators > 0) for f in facts), n),
        "with_measurable_indicator": Share(sum(count(any(f.measurable)) for f in facts), n),
        "with_baseline": Share(sum(count(f.with_baseline) for f in facts), n),
        "with_target": Share(sum(count(f.with_target) for f in facts), n),
        "with_deadline": Share(sum(count(f.with_deadline) for f in facts), n),
        "with_budget": Share(sum(count(f.budget == "given") for f in facts), n),
        "single_lead": Share(sum(count(len(f.leads) == 1) for f in shared), len(shared)),
        "only_all": Share(sum(count(f.only_all) for f in facts), n),
        "restating_indicator": Share(sum(count(any(f.restating)) for f in facts), n),
    }


def summarise(index: PlanIndex, findings: dict[str, int]) -> PlanSummary:
    plan = index.plan
    return PlanSummary(
        plan=plan.id,
        title=plan.title,
        file=index.file,
        pillars=len(plan.pillars),
        goals=len(index.goals),
        actions=len(index.actions),
        measures=_measures([e.facts for e in index.actions]),
        findings=findings,
    )
