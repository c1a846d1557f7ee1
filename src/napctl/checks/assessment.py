"""The rules an assessment file must follow beyond its schema (NAP8xx).

Built like the progress rules (``napctl.checks.progress``), whose evidence rules
and "did you mean" they share: an assessment's evidence is held to the same
standard as a government's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from napctl.checks.characters import Fields, check_text_fields
from napctl.checks.index import misplaced
from napctl.checks.progress import (
    REPORTING_TAIL_YEARS,
    Out,
    corpus_plans,
    did_you_mean,
    path_problem,
    period_text,
    url_problem,
)
from napctl.checks.registry import Loc, Report, check, corpus_check
from napctl.core.slugs import slugify
from napctl.model import Plan
from napctl.model.assessment import NOT_RATED, Assessment
from napctl.model.names import fold_key
from napctl.model.scales import BUILT_IN, scale_of

if TYPE_CHECKING:
    from napctl.checks.index import CorpusIndex, CorpusReport, IndexEntry

KIND = "assessment"
FOLDER = "assessments"
#: Ids and names (a plan, an action, a result, a pillar, a level): visible text only (NAP210).
ASSESSMENT_FIELDS = Fields(
    frozenset({"plan", "action", "result", "pillar", "level"}), frozenset({"url", "path"})
)


@check(KIND)
def assessment_characters(assessment: Assessment, report: Report) -> None:
    check_text_fields(assessment, (), False, report, ASSESSMENT_FIELDS)


@check(KIND)
def check_scale(assessment: Assessment, out: Out) -> None:
    if isinstance(assessment.scale, str):
        if assessment.scale not in BUILT_IN:
            hint = did_you_mean(assessment.scale, BUILT_IN)
            out.add(
                ("scale",),
                "NAP802",
                f"unknown scale '{assessment.scale}'{hint}; use one of"
                f" {', '.join(BUILT_IN)} or list the file's own levels",
            )
        return
    if len(assessment.scale) < 2:
        out.add(("scale",), "NAP813", "a scale needs at least two levels, lowest first")
    seen: dict[str, int] = {}
    for i, level in enumerate(assessment.scale):
        for name, text in (("level", str(level.level)), ("label", level.label)):
            key = fold_key(text)
            first = seen.get(key)
            if first is not None and first != i:
                out.add(
                    ("scale", i, name),
                    "NAP808",
                    f"'{text}' reads as level {first + 1} of the scale"
                    " (names and labels are compared ignoring case and accents)",
                )
            seen.setdefault(key, i)
    if NOT_RATED in seen:
        out.add(("scale", seen[NOT_RATED]), "NAP808", f"'{NOT_RATED}' is reserved for no rating")


@check(KIND)
def check_levels(assessment: Assessment, out: Out) -> None:
    scale = scale_of(assessment)
    if scale is None:
        return  # NAP802 said why
    keys = [lv.key for lv in scale.levels]
    for i, rating in enumerate(assessment.ratings):
        if rating.level == NOT_RATED:
            continue
        if scale.level(rating.level) is None:
            out.add(
                ("ratings", i, "level"),
                "NAP803",
                f"'{rating.level}' is not a level of scale {scale.name}"
                f"{did_you_mean(str(rating.level), keys)}; levels: {', '.join(keys)}"
                f" (or {NOT_RATED})",
            )
        elif not rating.narrative and not rating.evidence:
            out.add(
                ("ratings", i, "level"),
                "NAP814",
                f"rated '{rating.level}' without a narrative or evidence: say why",
            )


@check(KIND)
def check_evidence(assessment: Assessment, out: Out) -> None:
    for i, rating in enumerate(assessment.ratings):
        for j, item in enumerate(rating.evidence):
            loc: Loc = ("ratings", i, "evidence", j)
            if (item.url is None) == (item.path is None):
                out.add(loc, "NAP812", "evidence needs a url or a path (one of them)")
                continue
            if item.url is not None and (why := url_problem(item.url)):
                out.add((*loc, "url"), "NAP810", why)
            if item.path is not None and (why := path_problem(item.path)):
                out.add((*loc, "path"), "NAP811", why)


def _with_plans(
    corpus: CorpusIndex, report: CorpusReport
) -> Iterator[tuple[IndexEntry, Assessment, Plan | None]]:
    plans = corpus_plans(corpus, report)
    for entry in corpus.of_kind(KIND, with_errors=True):
        yield entry, entry.facts, plans.get(entry.facts.plan)


@corpus_check(KIND)
def check_against_plan(corpus: CorpusIndex, report: CorpusReport) -> None:
    plans = corpus_plans(corpus, report)
    for entry, assessment, plan in _with_plans(corpus, report):
        out = report.on(entry)
        if plan is None:
            hint = did_you_mean(assessment.plan, plans)
            out.add(("plan",), "NAP800", f"no valid plan has id '{assessment.plan}'{hint}")
            continue
        period = plan.period
        if not period.start <= assessment.year <= period.end + REPORTING_TAIL_YEARS:
            out.add(
                ("year",),
                "NAP801",
                f"year {assessment.year} is outside plan '{plan.id}': {period_text(plan)}",
            )
        _check_targets(assessment, plan, out)


#: What a rating may name, and the code of a name the plan does not have.
TARGETS = (("action", "NAP804"), ("result", "NAP815"), ("pillar", "NAP804"))


def plan_targets(plan: Plan) -> dict[str, set[str]]:
    """The ids a rating may name, by kind: every action (results' included), result, pillar."""
    return {
        "action": {placed.action.id for placed in plan.walk()},
        "result": {r.id for p in plan.pillars for g in p.goals for r in g.results},
        "pillar": {p.id for p in plan.pillars},
    }


def _check_targets(assessment: Assessment, plan: Plan, out: Out) -> None:
    """Each rating names one action, result or pillar of the plan, once."""
    targets = plan_targets(plan)
    first: dict[tuple[str, str], int] = {}
    for i, rating in enumerate(assessment.ratings):
        named = [(what, code, getattr(rating, what)) for what, code in TARGETS]
        named = [n for n in named if n[2] is not None]
        if len(named) != 1:
            out.add(
                ("ratings", i),
                "NAP805",
                "a rating names an action, a result or a pillar (exactly one of them)",
            )
            continue
        what, code, ident = named[0]
        known = targets[what]
        if ident not in known:
            hint = did_you_mean(ident, known)
            out.add(("ratings", i, what), code, f"plan '{plan.id}' has no {what} '{ident}'{hint}")
        elif (what, ident) in first:
            out.add(
                ("ratings", i, what),
                "NAP806",
                f"{what} '{ident}' is already rated in rating {first[(what, ident)] + 1}",
            )
        first.setdefault((what, ident), i)


def expected_parts(assessment: Assessment) -> tuple[str, str, str]:
    """The last three parts of the path the assessment belongs at."""
    return assessment.plan, str(assessment.year), slugify(assessment.organisation)


@corpus_check(KIND)
def check_location(corpus: CorpusIndex, out: CorpusReport) -> None:
    for entry in corpus.of_kind(KIND, with_errors=True):
        assessment: Assessment = entry.facts
        where = misplaced(entry.file, expected_parts(assessment))
        if where is None:
            continue
        out.add_at(
            entry,
            1,
            1,
            "NAP809",
            f"this assessment by {assessment.organisation} of {assessment.plan} for"
            f" {assessment.year} belongs at {FOLDER}/{where}",
        )


@corpus_check(KIND)
def one_per_organisation(corpus: CorpusIndex, out: CorpusReport) -> None:
    first: dict[tuple[str, int, str], str] = {}
    for entry in corpus.of_kind(KIND, with_errors=True):
        assessment: Assessment = entry.facts
        key = (assessment.plan, assessment.year, fold_key(assessment.organisation))
        if key in first:
            out.add(
                entry,
                ("organisation",),
                "NAP807",
                f"{assessment.organisation} already assesses {assessment.plan}"
                f" for {assessment.year} in {first[key]}",
            )
        else:
            first[key] = entry.file
