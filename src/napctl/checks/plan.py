"""The consistency rules of a plan: ids, the department registry, the period.

Each rule is a small function over a PlanContext, built once per plan, so no
rule depends on another having run first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from napctl.checks.registry import (
    Loc,
    Report,
    check,
    check_index,
    corpus_check,
    import_checks,
)
from napctl.core.messages import oneline, shown_value, suggest
from napctl.core.slugs import slugify
from napctl.model import ALL, Department, Plan
from napctl.model.names import fold_key
from napctl.model.plan import walk_goal
from napctl.model.registry import RegistryIndex

if TYPE_CHECKING:
    from napctl.checks.index import CorpusIndex, CorpusReport

KIND = "plan"
#: Comparisons of names spent on "did you mean" per plan: a hostile registry of
#: thousands of departments must not make every unknown name cost a full scan.
SUGGESTION_BUDGET = 50_000


class PlanContext:
    """What the plan rules share: the plan's one registry index, the names taken twice
    (each code and alias folded, in registry order), and a budget for suggestions."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        # Built here, not taken from the per-plan memo: `validate` of a thousand plans
        # must not keep the last 256 of them alive (peak memory bounded by one plan).
        self.registry = RegistryIndex(plan)
        self.by_code = self.registry.by_code
        self.names: dict[str, str] = {}  # folded code or alias -> code (fold_key)
        #: (department position, name position, name, code it already names)
        self.taken: list[tuple[int, int, str, str]] = []
        for i, dept in enumerate(plan.departments):
            for j, name in enumerate([dept.code, *dept.aliases]):
                key = fold_key(name)
                other = self.names.get(key)
                if other is not None:
                    self.taken.append((i, j, name, other))
                else:
                    self.names[key] = dept.code
        self.budget = SUGGESTION_BUDGET
        self._codes: list[str] | None = None

    @property
    def codes(self) -> list[str]:
        """The registry's codes and 'All': what an action may name."""
        if self._codes is None:
            self._codes = [*self.registry.codes, ALL]
        return self._codes

    def suggest(self, word: str, choices: Sequence[str]) -> str:
        """A "did you mean", while the plan's budget for suggestions lasts."""
        if len(choices) > self.budget:
            return ""
        self.budget -= len(choices)
        return suggest(word, choices)


check_index(KIND, PlanContext)


@check(KIND)
def period(index: PlanContext, report: Report) -> None:
    span = index.plan.period
    if span.start > span.end:
        report.add(("period",), "NAP305", f"period starts in {span.start} but ends in {span.end}")


@check(KIND)
def registry(index: PlanContext, report: Report) -> None:
    taken = iter(index.taken)
    pending = next(taken, None)
    for i, dept in enumerate(index.plan.departments):
        if dept.code.lower() == ALL.lower():
            report.add(
                ("departments", i, "code"),
                "NAP308",
                f"{shown_value(dept.code)} is reserved: on an action it means every department",
            )
        while pending is not None and pending[0] == i:
            _, j, name, other = pending
            loc: Loc = (
                ("departments", i, "code") if j == 0 else ("departments", i, "aliases", j - 1)
            )
            report.add(
                loc, "NAP304", f"{shown_value(name)} already names department {shown_value(other)}"
            )
            pending = next(taken, None)


@check(KIND)
def file_names(index: PlanContext, report: Report) -> None:
    """Each department's progress file and checklist is named by its code's slug: two
    codes with one slug would share a file (a code named twice is NAP304's, not this)."""
    first: dict[str, str] = {}
    for i, dept in enumerate(index.plan.departments):
        slug = slugify(dept.code)
        other = first.setdefault(slug, dept.code)
        if other != dept.code and fold_key(other) != fold_key(dept.code):
            report.add(
                ("departments", i, "code"),
                "NAP315",
                f"{shown_value(dept.code)} and {shown_value(other)} would share the file"
                f" name {slug!r} (progress reports, checklists); change one code",
            )


@check(KIND)
def parents(index: PlanContext, report: Report) -> None:
    by_code = index.by_code
    registry = list(by_code)
    loops = parent_loops(index.plan.departments, by_code)
    for i, dept in enumerate(index.plan.departments):
        if dept.parent is not None and dept.parent not in by_code:
            report.add(
                ("departments", i, "parent"),
                "NAP302",
                f"parent {shown_value(dept.parent)} is not in the registry"
                f"{index.suggest(dept.parent, registry)}",
            )
            continue
        size = loops.get(dept.code)
        if size is None or by_code[dept.code] is not dept:
            continue  # not in a loop (a loop above it is reported on its members)
        report.add(
            ("departments", i, "parent"),
            "NAP303",
            f"parents loop back to {shown_value(dept.code)}:"
            f" {_loop_text(dept.code, by_code, size)}",
        )


def _loop_text(code: str, by_code: dict[str, Department], size: int) -> str:
    """'A -> B -> A', at most eight steps shown."""
    chain = [code]
    parent = by_code[code].parent
    while parent is not None and len(chain) < 8:
        chain.append(parent)
        if parent == code:
            break
        parent = by_code[parent].parent
    if chain[-1] != code:
        chain[-1:] = ["...", code]
    shown = " -> ".join(c if c == "..." else oneline(c, 40) for c in chain)
    return shown + (f" ({size} departments)" if size >= 8 else "")


def parent_loops(
    departments: Sequence[Department], by_code: dict[str, Department]
) -> dict[str, int]:
    """The codes that are their own ancestors, with the length of their loop.

    A department has one parent at most, so a walk up the registry ends at
    the top, at an unknown parent or in a loop. Each code is walked through
    once (``seen`` remembers which walk reached it), so this is linear in
    the size of the registry, whatever its shape.
    """
    seen: dict[str, int] = {}
    loops: dict[str, int] = {}
    for walk, dept in enumerate(departments):
        path: list[str] = []
        code: str | None = dept.code
        while code is not None and code in by_code and code not in seen:
            seen[code] = walk
            path.append(code)
            code = by_code[code].parent
        if code is not None and seen.get(code) == walk:
            loop = path[path.index(code) :]
            for member in loop:
                loops[member] = len(loop)
    return loops


def department(index: PlanContext, report: Report, code: str, loc: Loc) -> None:
    """NAP301 unless ``code`` is in the registry (an alias gets its code as the fix)."""
    if code in index.by_code:
        return
    alias_of = index.names.get(fold_key(code))
    if alias_of is not None:
        report.add(
            loc,
            "NAP301",
            f"{shown_value(code)} is not a department code; write {shown_value(alias_of)}",
        )
    else:
        report.add(
            loc,
            "NAP301",
            f"unknown department {shown_value(code)}{index.suggest(code, index.codes)}",
        )


@check(KIND)
def frame_references(index: PlanContext, report: Report) -> None:
    plan = index.plan
    for i, code in enumerate(plan.coordination.departments):
        department(index, report, code, ("coordination", "departments", i))
    for r, duty in enumerate(plan.reporting):
        for i, code in enumerate(duty.by):
            department(index, report, code, ("reporting", r, "by", i))
        year = duty.from_year
        if year is not None and not plan.period.start <= year <= plan.period.end:
            report.add(
                ("reporting", r, "from_year"),
                "NAP311",
                f"reporting from {year}, outside the plan period"
                f" {plan.period.start}-{plan.period.end}",
            )


@check(KIND)
def hierarchy(index: PlanContext, report: Report) -> None:
    ids: dict[str, tuple[str, Loc]] = {}

    def unique(ident: str, kind: str, loc: Loc) -> None:
        if ident in ids:
            first, first_loc = ids[ident]
            article = "an" if first[0] in "aeiou" else "a"
            line = report.doc.position(first_loc)[0]
            report.add(
                loc,
                "NAP300",
                f"{kind} id '{ident}' is already used by {article} {first} on line {line}",
            )
        else:
            ids[ident] = (kind, loc)

    for p, pillar in enumerate(index.plan.pillars):
        p_loc: Loc = ("pillars", p)
        unique(pillar.id, "pillar", (*p_loc, "id"))
        if not pillar.un_pillars:
            report.add(
                (*p_loc, "un_pillars"),
                "NAP306",
                f"pillar '{pillar.id}' maps to no UN pillar: name at least one of"
                " participation, prevention, protection, relief-and-recovery",
            )
        for g, goal in enumerate(pillar.goals):
            g_loc = (*p_loc, "goals", g)
            unique(goal.id, "goal", (*g_loc, "id"))
            for r, result in enumerate(goal.results):
                r_loc = (*g_loc, "results", r)
                unique(result.id, "result", (*r_loc, "id"))
                assignments(index, report, f"result '{result.id}'", result.codes(), r_loc)
            for placed in walk_goal(pillar, goal, g_loc):
                own = placed.own
                unique(own.id, "action", (*placed.path, "id"))
                assignments(index, report, f"action '{own.id}'", own.codes(), placed.path)


def assignments(
    index: PlanContext, report: Report, owner: str, codes: list[str], a_loc: Loc
) -> None:
    seen: set[str] = set()
    for d, code in enumerate(codes):
        loc = (*a_loc, "departments", d)
        if code == ALL:
            if len(codes) > 1:
                report.add(loc, "NAP307", f"{owner}: 'All' already names every department")
        else:
            department(index, report, code, loc)
        if code in seen:
            report.add(loc, "NAP310", f"{owner} names {shown_value(code)} twice")
        seen.add(code)


@corpus_check(KIND)
def unique_plan_ids(corpus: CorpusIndex, report: CorpusReport) -> None:
    first_file: dict[str, str] = {}
    for entry in corpus.of_kind(KIND):
        plan_id = entry.facts.id
        if plan_id in first_file:
            report.add(
                entry,
                ("id",),
                "NAP309",
                f"plan id '{plan_id}' is already used by {first_file[plan_id]}",
            )
        else:
            first_file[plan_id] = entry.file


# Registered after the rules above, so their problems come first for a value.
from napctl.checks import characters as _characters  # noqa: E402, F401

import_checks("napctl.checks.plan_fields")  # the monitoring fields' rules, after these
import_checks("napctl.checks.placeholders")  # what napctl new and import left to replace
import_checks("napctl.checks.plan_shape")  # results, actors, references: after these too
import_checks("napctl.checks.languages")  # every text in every language the plan lists
