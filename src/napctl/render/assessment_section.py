"""The "independent assessment" section of the filled reports and the dashboard.

What templates see as ``assessments`` (``_assessment.{md,html}.j2``): for the
report's year, each organisation that assessed the plan, then per pillar every
action some organisation rated, with the government's combined status beside
each rating and the organisation's name on every one; a rating of an expected
result is listed under the result, in its pillar, before the actions. Nothing here is combined
into a status: the two voices stay side by side. None when no organisation
assessed that year, so the templates show nothing and print the same bytes as
before assessments existed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from napctl.assess.ratings import Shown, for_year, shown
from napctl.model import Plan
from napctl.model.assessment import NOT_RATED, Assessment, Rating
from napctl.model.scales import scale_of
from napctl.progress.checklist_items import flat, safe_href
from napctl.progress.status import PlanStatus


def _rating(item: Shown, rating: Rating) -> dict[str, Any]:
    """One rating as the templates print it, its organisation named."""
    return {
        "organisation": item.organisation,
        "scale": item.scale,
        "level": item.level,
        "label": item.label,
        "rating": item.level if item.level == item.label else f"{item.level} ({item.label})",
        "narrative": flat(rating.narrative),
        "disputes": rating.disputes,
        "evidence": [
            {
                "title": e.title,
                "href": safe_href(e.url, e.path),
                "date": None if e.date is None else str(e.date),
            }
            for e in rating.evidence
        ],
    }


def _organisation(assessment: Assessment, action_count: int) -> dict[str, Any]:
    """Who assessed, how, and how many actions they rated at each level of their scale."""
    scale = scale_of(assessment)
    rated = [r for r in assessment.rated() if r.action is not None]
    found = Counter(shown(assessment, r).level for r in rated)
    levels = [] if scale is None else list(scale.levels)
    return {
        "name": assessment.organisation,
        "scale": shown(assessment, None).scale,
        "date": None if assessment.date is None else str(assessment.date),
        "method": flat(assessment.method),
        "assessors": list(assessment.assessors),
        "rated": sum(found.values()),
        "actions": action_count,
        "levels": [
            {"level": lv.key, "label": lv.label, "count": found.get(lv.key, 0)} for lv in levels
        ],
        "not_rated": action_count - sum(found.values()),
    }


def _rated(chosen: Sequence[Assessment]) -> tuple[dict[str, list[dict[str, Any]]], ...]:
    """(action id -> its ratings, pillar id -> ratings of the pillar as a whole,
    result id -> ratings of the result)."""
    actions: dict[str, list[dict[str, Any]]] = {}
    pillars: dict[str, list[dict[str, Any]]] = {}
    results: dict[str, list[dict[str, Any]]] = {}
    for assessment in chosen:
        for rating in assessment.ratings:
            item = shown(assessment, rating)
            if rating.level == NOT_RATED or item.level is None:
                continue
            if rating.action is not None:
                actions.setdefault(rating.action, []).append(_rating(item, rating))
            elif rating.pillar is not None:
                pillars.setdefault(rating.pillar, []).append(_rating(item, rating))
            elif rating.result is not None:
                results.setdefault(rating.result, []).append(_rating(item, rating))
    return actions, pillars, results


def _results(plan: Plan, pillar: str, rated: dict[str, list[dict[str, Any]]]) -> list[Any]:
    """The pillar's rated results, in the order of the plan, each with its ratings."""
    return [
        {"id": r.id, "text": r.text, "ratings": rated[r.id]}
        for p in plan.pillars
        if p.id == pillar
        for g in p.goals
        for r in g.results
        if r.id in rated
    ]


def assessment_section(
    plan: Plan, status: PlanStatus, assessments: Sequence[Assessment]
) -> dict[str, Any] | None:
    """The section for ``status.year``, or None when no organisation assessed that year."""
    chosen = for_year(assessments, plan.id, status.year)
    if not chosen:
        return None
    actions, overall, rated_results = _rated(chosen)
    pillars = []
    for pillar in plan.pillars:
        rows = [
            {"id": a.id, "text": a.text, "status": a.status, "ratings": actions[a.id]}
            for a in status.actions
            if a.pillar == pillar.id and a.id in actions
        ]
        results = _results(plan, pillar.id, rated_results)
        if rows or results or pillar.id in overall:
            pillars.append(
                {
                    "id": pillar.id,
                    "title": pillar.title,
                    "overall": overall.get(pillar.id, []),
                    "results": results,
                    "actions": rows,
                }
            )
    return {
        "year": status.year,
        "organisations": [_organisation(a, len(status.actions)) for a in chosen],
        "pillars": pillars,
    }
