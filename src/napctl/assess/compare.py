"""`napctl compare`: where an organisation's rating and the government's status disagree.

Both sides are placed on one line from 0 (nothing done) to 1 (done) by the
mapping of ``napctl.model.scales``; they disagree when they are further apart
than the tolerance, or when the rating says it disputes the very status the
government gives. A status that says nothing of how far the work went
(not-reported, discontinued, not-applicable) is not compared. Each pillar gets
a scorecard: the share of its actions at each level of the organisation's scale,
and, when it has expected results, the count of its results at each level. A
rating of a result is compared with its actions' combined government status
(``napctl.assess.results``: the mean place of those that have one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from napctl.assess.ratings import for_year, scale_name
from napctl.assess.results import (
    PlacedResult,
    combined_value,
    plan_results,
    result_statuses,
    status_text,
)
from napctl.model import Plan
from napctl.model.assessment import NOT_RATED, Assessment, Rating
from napctl.model.progress import Entry, Evidence, ProgressReport
from napctl.model.scales import DEFAULT_TOLERANCE, STATUS_VALUES, Scale, scale_of
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
    #: What is rated: "action" or "result" (``action`` then holds the result's id and
    #: ``status`` its actions' statuses with their mean).
    kind: str = "action"

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
    #: The pillar's expected results, and how many the organisation rated at each level.
    results: int = 0
    result_counts: dict[str, tuple[str, int]] = field(default_factory=dict)


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
        by_result = {r.result: r for r in assessment.ratings if r.result is not None}
        for placed in plan_results(plan):
            rating = by_result.get(placed.id)
            row = _result_row(assessment, rating, placed, status.actions, entries, tolerance)
            if row is not None:
                result.rows.append(row)
        result.scorecards += _scorecards(plan, assessment, ratings, by_result)
    return result


def _result_row(
    assessment: Assessment,
    rating: Rating | None,
    placed: PlacedResult,
    actions: Sequence[ActionStatus],
    entries: dict[str, dict[str, Entry]],
    tolerance: Fraction,
) -> Row | None:
    """The row of a result's rating, beside its actions' combined statuses (None: unrated)."""
    scale = scale_of(assessment)
    level = None if scale is None or rating is None else scale.level(rating.level)
    if rating is None or level is None:
        return None
    statuses = result_statuses(placed, actions)
    value = combined_value(statuses)
    gap = None if value is None else abs(value - level.value)
    # A result's status is disputed when every one of its actions has the disputed status.
    disputed = rating.disputes is not None and bool(statuses)
    disputed = disputed and all(s == rating.disputes for s in statuses)
    government = tuple(
        Said(f"{said.who}, {ident}", said.narrative, said.evidence)
        for ident in placed.actions
        for said in _government(entries, ident)
    )
    return Row(
        placed.id,
        placed.pillar,
        placed.text,
        status_text(statuses),
        assessment.organisation,
        level.key,
        level.label,
        gap,
        disputed or (gap is not None and gap > tolerance),
        rating.disputes,
        government,
        Said(assessment.organisation, flat(rating.narrative), _links(rating.evidence)),
        "result",
    )


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


def _count(
    scale: Scale, ids: Sequence[str], ratings: dict[str, Rating]
) -> dict[str, tuple[str, int]]:
    """level key -> (label, how many of ``ids`` are rated at it), then not-rated."""
    found: Counter[str] = Counter()
    for ident in ids:
        rating = ratings.get(ident)
        level = None if rating is None else scale.level(rating.level)
        found[NOT_RATED if level is None else level.key] += 1
    counts = {lv.key: (lv.label, found[lv.key]) for lv in scale.levels}
    counts[NOT_RATED] = ("not rated", found[NOT_RATED])
    return counts


def _scorecards(
    plan: Plan,
    assessment: Assessment,
    ratings: dict[str, Rating],
    by_result: dict[str, Rating],
) -> list[Scorecard]:
    scale = scale_of(assessment)
    assert scale is not None
    overall = {r.pillar: r for r in assessment.ratings if r.pillar is not None}
    results = plan_results(plan)
    cards = []
    for pillar in plan.pillars:
        ids = [placed.action.id for placed in plan.walk() if placed.pillar.id == pillar.id]
        own = [r.id for r in results if r.pillar == pillar.id]
        whole = overall.get(pillar.id)
        level = None if whole is None else scale.level(whole.level)
        cards.append(
            Scorecard(
                assessment.organisation,
                pillar.id,
                pillar.title,
                len(ids),
                _count(scale, ids, ratings),
                None if level is None else f"{level.key} ({level.label})",
                len(own),
                _count(scale, own, by_result) if own else {},
            )
        )
    return cards
