"""`napctl compare`: where an organisation's rating and the government's status disagree.

Both sides are placed on one line from 0 (nothing done) to 1 (done) by the
mapping of ``napctl.model.scales``; they disagree when they are further apart
than the tolerance, or when the rating says it disputes the very status the
government gives. A status that says nothing of how far the work went
(not-reported, discontinued, not-applicable) is not compared. Each pillar gets
a scorecard: the share of its actions at each level of the organisation's scale.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from napctl.assess.ratings import for_year, scale_name
from napctl.model import Plan
from napctl.model.assessment import NOT_RATED, Assessment, Rating
from napctl.model.progress import Entry, Evidence, ProgressReport
from napctl.model.scales import DEFAULT_TOLERANCE, STATUS_VALUES, scale_of
from napctl.progress.checklist_items import flat, safe_href
from napctl.progress.status import ActionStatus, entries_by_department, plan_status


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    href: str | None


@dataclass(frozen=True, slots=True)
class Said:
    """What one side said of an action: who, and their words and evidence."""

    who: str
    narrative: str | None
    evidence: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One organisation's rating of one action, beside the government's status."""

    action: str
    pillar: str
    text: str
    status: str
    organisation: str
    level: str
    label: str
    #: How far apart they are (None: the status is not compared).
    gap: Fraction | None
    disagrees: bool
    disputes: str | None
    government: tuple[Said, ...]
    independent: Said

    @property
    def rating(self) -> str:
        """The level as written, with its label when that says more (``1 (minimal)``)."""
        return self.level if self.level == self.label else f"{self.level} ({self.label})"


@dataclass(frozen=True, slots=True)
class Scorecard:
    """One organisation's ratings of one pillar's actions, counted per level."""

    organisation: str
    pillar: str
    title: str
    actions: int
    #: level key -> (label, count), in the scale's order, then not-rated.
    counts: dict[str, tuple[str, int]]
    #: The organisation's rating of the pillar as a whole, when it gives one.
    overall: str | None = None


@dataclass(slots=True)
class Comparison:
    plan: Plan
    year: int
    tolerance: Fraction
    #: (organisation, scale name), by organisation.
    organisations: list[tuple[str, str]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    scorecards: list[Scorecard] = field(default_factory=list)

    @property
    def disagreements(self) -> list[Row]:
        return [r for r in self.rows if r.disagrees]

    def counts(self) -> dict[str, int]:
        """Ratings compared, agreeing, disagreeing, and not compared."""
        compared = [r for r in self.rows if r.gap is not None]
        return {
            "rated": len(self.rows),
            "compared": len(compared),
            "agree": sum(not r.disagrees for r in compared),
            "disagree": len(self.disagreements),
            "not_compared": len(self.rows) - len(compared),
        }


def _links(evidence: Sequence[Evidence]) -> tuple[Link, ...]:
    return tuple(Link(e.title, safe_href(e.url, e.path)) for e in evidence)


def _government(entries: dict[str, dict[str, Entry]], action: str) -> tuple[Said, ...]:
    found = []
    for code, own in entries.items():
        entry = own.get(action)
        if entry is not None and entry.status != "not-reported":
            found.append(Said(code, flat(entry.summary), _links(entry.evidence)))
    return tuple(found)


def disagree(status: str, value: Fraction) -> Fraction | None:
    """How far apart a status and a level's value are (None: the status is not compared)."""
    known = STATUS_VALUES.get(status)
    return None if known is None else abs(known - value)


def compare(
    plan: Plan,
    reports: Sequence[ProgressReport],
    assessments: Sequence[Assessment],
    year: int,
    *,
    tolerance: Fraction = DEFAULT_TOLERANCE,
) -> Comparison:
    """Every rating of ``plan`` for ``year`` beside the government's combined status."""
    status = plan_status(plan, reports, [year])
    entries = entries_by_department(reports, plan.id, year)
    result = Comparison(plan, year, tolerance)
    chosen = for_year(assessments, plan.id, year)
    for assessment in chosen:
        scale = scale_of(assessment)
        if scale is None:
            continue
        result.organisations.append((assessment.organisation, scale_name(scale)))
        ratings = {r.action: r for r in assessment.ratings if r.action is not None}
        for action in status.actions:
            row = _row(assessment, ratings.get(action.id), action, entries, tolerance)
            if row is not None:
                result.rows.append(row)
        result.scorecards += _scorecards(plan, assessment, ratings)
    return result


def _row(
    assessment: Assessment,
    rating: Rating | None,
    action: ActionStatus,
    entries: dict[str, dict[str, Entry]],
    tolerance: Fraction,
) -> Row | None:
    """The row of ``rating`` (None when the action is not rated)."""
    scale = scale_of(assessment)
    level = None if scale is None or rating is None else scale.level(rating.level)
    if rating is None or level is None:
        return None
    gap = disagree(action.status, level.value)
    disputed = rating.disputes is not None and rating.disputes == action.status
    return Row(
        action.id,
        action.pillar,
        action.text,
        action.status,
        assessment.organisation,
        level.key,
        level.label,
        gap,
        disputed or (gap is not None and gap > tolerance),
        rating.disputes,
        _government(entries, action.id),
        Said(assessment.organisation, flat(rating.narrative), _links(rating.evidence)),
    )


def _scorecards(plan: Plan, assessment: Assessment, ratings: dict[str, Rating]) -> list[Scorecard]:
    scale = scale_of(assessment)
    assert scale is not None
    overall = {r.pillar: r for r in assessment.ratings if r.pillar is not None}
    cards = []
    for pillar in plan.pillars:
        ids = [a.id for g in pillar.goals for a in g.actions]
        found: Counter[str] = Counter()
        for ident in ids:
            rating = ratings.get(ident)
            level = None if rating is None else scale.level(rating.level)
            found[NOT_RATED if level is None else level.key] += 1
        counts = {lv.key: (lv.label, found[lv.key]) for lv in scale.levels}
        counts[NOT_RATED] = ("not rated", found[NOT_RATED])
        whole = overall.get(pillar.id)
        level = None if whole is None else scale.level(whole.level)
        cards.append(
            Scorecard(
                assessment.organisation,
                pillar.id,
                pillar.title,
                len(ids),
                counts,
                None if level is None else f"{level.key} ({level.label})",
            )
        )
    return cards
