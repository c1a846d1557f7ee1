"""Consistency rules for plans of other shapes: results, actors, targets, references.

Kept apart from the core rules (``napctl.checks.plan``): results and the actors'
kinds, groupings and collecting bodies, targets without a year, and references
to the frameworks of the registry in ``napctl.model.frameworks``.
"""

from __future__ import annotations

from collections.abc import Iterator

from napctl.checks.plan import KIND, PlanContext, department
from napctl.checks.registry import Loc, Report, check
from napctl.core.messages import shown_value
from napctl.model import FrameworkRef, Indicator, Plan
from napctl.model.frameworks import framework_ids, reference_problem
from napctl.model.near import registry_groups


@check(KIND)
def results_and_actors(index: PlanContext, report: Report) -> None:
    """NAP330 on actions without actors; NAP301 on groupings, collecting bodies and
    coordination at other levels that name no department."""
    plan = index.plan
    for placed in plan.walk():
        if not placed.action.departments:
            where = f" nor does result '{placed.result.id}'" if placed.result else ""
            report.add(
                (*placed.path, "departments"),
                "NAP330",
                f"action '{placed.own.id}' names no department{where}",
            )
    for i, dept in enumerate(plan.departments):
        for j, group in enumerate(dept.groups):
            department(index, report, group, ("departments", i, "groups", j))
    for r, duty in enumerate(plan.reporting):
        if duty.collected_by is not None:
            department(index, report, duty.collected_by, ("reporting", r, "collected_by"))
    for n, level in enumerate(plan.coordination.levels):
        for i, code in enumerate(level.departments):
            department(index, report, code, ("coordination", "levels", n, "departments", i))


def _references(plan: Plan) -> Iterator[tuple[Loc, FrameworkRef]]:
    """Every reference of the plan with where it is written."""
    for p, pillar in enumerate(plan.pillars):
        p_loc: Loc = ("pillars", p)
        yield from (((*p_loc, "references", i), ref) for i, ref in enumerate(pillar.references))
        for g, goal in enumerate(pillar.goals):
            g_loc = (*p_loc, "goals", g)
            yield from (((*g_loc, "references", i), ref) for i, ref in enumerate(goal.references))
            for r, result in enumerate(goal.results):
                r_loc = (*g_loc, "results", r)
                refs = result.references
                yield from (((*r_loc, "references", i), ref) for i, ref in enumerate(refs))
    for placed in plan.walk():
        refs = placed.own.references
        yield from (((*placed.path, "references", i), ref) for i, ref in enumerate(refs))


@check(KIND)
def references(index: PlanContext, report: Report) -> None:
    """NAP331 for a framework neither built in nor declared; NAP332 for an item that
    is not the framework's."""
    plan = index.plan
    known = framework_ids(plan.frameworks)
    for loc, ref in _references(plan):
        if ref.framework not in known:
            report.add(
                (*loc, "framework"),
                "NAP331",
                f"unknown framework {shown_value(ref.framework)}"
                f"{index.suggest(ref.framework, known)}; declare it under `frameworks:`"
                f" or cite one of {', '.join(known)}",
            )
            continue
        problem = reference_problem(ref, plan.frameworks)
        if problem is not None:
            report.add((*loc, "id"), "NAP332", problem)


def _indicators(plan: Plan) -> Iterator[tuple[Loc, Indicator]]:
    for p, pillar in enumerate(plan.pillars):
        for g, goal in enumerate(pillar.goals):
            for r, result in enumerate(goal.results):
                loc: Loc = ("pillars", p, "goals", g, "results", r)
                for i, ind in enumerate(result.indicators):
                    if isinstance(ind, Indicator):
                        yield (*loc, "indicators", i), ind
    for placed in plan.walk():
        for i, ind in enumerate(placed.own.indicators):
            if isinstance(ind, Indicator):
                yield (*placed.path, "indicators", i), ind


@check(KIND)
def targets(index: PlanContext, report: Report) -> None:
    """NAP333: a target says what it aims at, as a value or in words."""
    for loc, indicator in _indicators(index.plan):
        for t, target in enumerate(indicator.targets):
            if target.value is None and target.text is None:
                report.add(
                    (*loc, "targets", t),
                    "NAP333",
                    f"target of {shown_value(indicator.text)} gives neither a value nor a text",
                )


#: The most near entries a NAP334 message names.
SHOWN_NEAR = 3


def near_entries(plan: Plan) -> Iterator[tuple[Loc, str]]:
    """Each group of registry entries that look like one actor written several ways, once:
    at the second entry's name that is near (code or name), naming the others."""
    for group in registry_groups(plan):
        second, name = group[1]
        dept = plan.departments[second]
        loc: Loc = ("departments", second)
        if name in (dept.code, dept.name):
            loc = (*loc, "code" if name == dept.code else "name")
        rest = [(i, n) for i, n in group if i != second]
        others = " or ".join(
            f"'{plan.departments[i].code}' ({shown_value(n)})" for i, n in rest[:SHOWN_NEAR]
        )
        if len(rest) > SHOWN_NEAR:  # ten thousand entries of one name: one line, not a page
            others += f" (and {len(rest) - SHOWN_NEAR:,} more entries)"
        yield (
            loc,
            f"department '{dept.code}' ({shown_value(name)}) looks like {others}: one actor"
            " written two ways? keep one entry and give it the other spelling as an alias"
            " (or make the names differ)",
        )


@check(KIND)
def near_duplicate_actors(index: PlanContext, report: Report) -> None:
    """NAP334: registry entries that are near duplicates (``napctl.model.near``)."""
    for loc, message in near_entries(index.plan):
        report.add(loc, "NAP334", message)
