"""Questions analysts ask of the plans: who does what, and where.

Plain functions over models; the CLI only formats what they return.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from napctl.core.messages import close_matches, did_you_mean
from napctl.model import ALL, ALL_NAME, Action, Goal, Pillar, Plan, Result
from napctl.model.names import fold
from napctl.model.registry import registry_index
from napctl.plans.lookup import (
    department_names,
    describe_match,
    id_key,
    plan_matches,
    word_matches,
)


class QueryError(Exception):
    """A question that cannot be answered as asked (a usage error, exit 2)."""


def children(plan: Plan) -> dict[str, list[str]]:
    """Parent code -> its children's codes (the plan's registry index: do not change it)."""
    return registry_index(plan).children


def descendants(plan: Plan, code: str) -> list[str]:
    """``code`` and every department below it, in registry order."""
    return list(registry_index(plan).descendants(code))


class ActorMatch(NamedTuple):
    """What an actor name means in one plan: the departments it names, with children."""

    plan: Plan
    named: tuple[str, ...]  # the departments the name itself matched
    codes: frozenset[str]  # those and their descendants
    #: The name a word or prefix was found in, when the name typed is not a whole name.
    by_word: str | None = None


def resolve_actor(
    plans: Sequence[Plan], name: str, *, plan_id: str | None = None, exact: bool = False
) -> list[ActorMatch]:
    """The departments ``name`` stands for, plan by plan (with their units unless ``exact``).

    Raises QueryError with suggestions when no plan knows the name.
    """
    wanted = fold(name)
    if not wanted:
        raise QueryError("an actor name cannot be empty")
    matches: list[ActorMatch] = []
    elsewhere: list[str] = []
    asked = None if plan_id is None else {p.id for p in plan_matches(plans, plan_id)}
    for plan in plans:
        index = registry_index(plan)
        named = index.named(wanted)
        if not named:
            continue
        if asked is not None and plan.id not in asked:
            elsewhere.append(plan.id)
            continue
        codes = (
            frozenset(named)
            if exact
            else frozenset(c for code in named for c in index.descendants(code))
        )
        matches.append(ActorMatch(plan, named, codes))
    scope = [p for p in plans if asked is None or p.id in asked]
    # A word or prefix of a name ("Police", "affaires étrangères") counts when it names
    # one department; and a whole name in one country must not hide another country's
    # department that the word names ("defence").
    exact_plans = {m.plan.id for m in matches}
    words = [w for w in word_matches(scope, wanted) if w.plan.id not in exact_plans]
    if words and (matches or len({(w.plan.country, w.code) for w in words}) > 1):
        every = [describe_match(w) for w in word_matches(scope, wanted)]
        raise QueryError(
            f"'{name}' names several departments: {'; '.join(every)};"
            " name one by its code (or narrow with --plan)"
        )
    if words:
        return [
            ActorMatch(w.plan, (w.code,), frozenset(descendants(w.plan, w.code)), w.name)
            for w in words
        ]
    if matches:
        return matches
    if elsewhere:
        raise QueryError(
            f"actor '{name}' is not in plan '{plan_id}'; it is in {', '.join(elsewhere)}"
        )
    raise QueryError(f"unknown actor '{name}'{suggest(name, scope)}")


#: How close a name must be to be suggested: 'polise' (0.83) for 'police', but not
#: 'unies' (0.73, RP Genève's French name) for 'UNICEF'.
SUGGEST_CUTOFF = 0.8


def suggest(name: str, plans: Sequence[Plan]) -> str:
    """'; did you mean 'MAEE D5'?' from every name the plans know."""
    pool: dict[str, str] = {}
    for plan in plans:
        for dept in plan.departments:
            for candidate in department_names(dept):
                pool.setdefault(fold(candidate), dept.code)
    wanted = fold(name)
    from difflib import SequenceMatcher  # only on the error path

    scored = []
    for key in pool:
        # A word of a name counts too: "polise" is closer to "police" than to
        # "interior-federal police" as a whole.
        best = max(
            SequenceMatcher(None, wanted, part).ratio()
            for part in [key, *key.replace("/", " ").replace("-", " ").split()]
        )
        if best >= SUGGEST_CUTOFF:
            scored.append((-best, key))
    # Best first; equally close names in their natural order (D1, D2, …, not D8 first).
    close = [key for _, key in sorted(scored)[:8]]
    # Substring hits ("army" in "luxembourg army") help where edit distance does not.
    close += [k for k in pool if wanted and wanted in k and k not in close]
    codes: list[str] = []
    for key in close:
        if pool[key] not in codes:
            codes.append(pool[key])
    if not codes:
        return "; `napctl actors` lists the departments"
    return did_you_mean(codes[:4])


class ActionRow(NamedTuple):
    """One action with its context, as a query returns it."""

    plan: Plan
    pillar: Pillar
    goal: Goal
    action: Action
    via_all: bool = False  # included only because the action is for every department
    #: The expected result the action is under, when the plan has that level.
    result: Result | None = None

    @property
    def key(self) -> str:
        return f"{self.plan.id}:{self.action.id}"


class ActionFilter(NamedTuple):
    actors: Sequence[str] = ()
    plan_id: str | None = None
    pillar: str | None = None
    un_pillar: str | None = None
    goal: str | None = None
    search: str | None = None
    include_all: bool = True
    country: str | None = None  # the plans of this country only (code or name)
    exact: bool = False  # the departments named only, without their units


def select_plans(plans: Sequence[Plan], plan_id: str | None) -> list[Plan]:
    if plan_id is None:
        return list(plans)
    chosen = plan_matches(plans, plan_id)
    if not chosen:
        known = ", ".join(p.id for p in plans) or "none"
        hint = did_you_mean(close_matches(plan_id, [p.id for p in plans]))
        more = hint or f"; known plans: {known}"
        raise QueryError(f"unknown plan '{plan_id}'{more}")
    return chosen


def select_country(plans: Sequence[Plan], country: str | None) -> list[Plan]:
    """The plans of ``country`` (its ISO code or its name, any case); all when None."""
    if country is None:
        return list(plans)
    wanted = fold(country)
    chosen = [p for p in plans if wanted in (fold(p.country_code), fold(p.country))]
    if len(plans) == 1 and not chosen:
        (plan,) = plans
        raise QueryError(
            f"plan '{plan.id}' is of {plan.country_code} ({plan.country}), not of '{country}'"
        )
    if not chosen:
        known = sorted({f"{p.country_code} ({p.country})" for p in plans})
        raise QueryError(
            f"no plan of country '{country}'; the plans are of {', '.join(known) or 'none'}"
        )
    return chosen


def _matches_pillar(pillar: Pillar, wanted: str) -> bool:
    return fold(wanted) in (fold(pillar.id), fold(pillar.title))


def select_actions(plans: Sequence[Plan], flt: ActionFilter) -> list[ActionRow]:
    """Actions matching every filter given; repeated actors widen (any of them).

    Order is each plan's own, plans in the order given.
    """
    # The plan asked for must exist and be of the country asked for.
    scope = select_country(select_plans(plans, flt.plan_id), flt.country)
    plans = select_country(plans, flt.country)
    if flt.plan_id is not None and len(scope) == 1:
        flt = flt._replace(plan_id=scope[0].id)  # as the plan spells it
    codes_by_plan = _actor_codes(plans, flt)
    if flt.pillar is not None and not any(
        _matches_pillar(p, flt.pillar) for plan in scope for p in plan.pillars
    ):
        raise QueryError(f"no pillar '{flt.pillar}' in {_plans_phrase(scope)}")
    if flt.goal is not None and not any(
        id_key(g.id) == id_key(flt.goal) for plan in scope for p in plan.pillars for g in p.goals
    ):
        raise QueryError(f"no goal '{flt.goal}' in {_plans_phrase(scope)}")
    needle = fold(flt.search) if flt.search else None
    rows: list[ActionRow] = []
    for plan in scope:
        wanted = None if codes_by_plan is None else codes_by_plan.get(plan.id)
        if codes_by_plan is not None and wanted is None:
            continue
        for placed in plan.walk():
            pillar, goal, action = placed.pillar, placed.goal, placed.action
            if not (
                (flt.pillar is None or _matches_pillar(pillar, flt.pillar))
                and (flt.un_pillar is None or flt.un_pillar in pillar.un_pillars)
                and (flt.goal is None or id_key(goal.id) == id_key(flt.goal))
                and (needle is None or _contains(action, needle))
            ):
                continue
            via_all = False
            if wanted is not None and not wanted.intersection(action.codes()):
                if not (flt.include_all and action.for_all):
                    continue
                via_all = True
            rows.append(ActionRow(plan, pillar, goal, action, via_all, placed.result))
    return rows


def _actor_codes(scope: Sequence[Plan], flt: ActionFilter) -> dict[str, set[str]] | None:
    """Plan id -> department codes the actors stand for; None when no actor is asked."""
    if not flt.actors:
        return None
    codes_by_plan: dict[str, set[str]] = {}
    for actor in flt.actors:
        for match in resolve_actor(scope, actor, plan_id=flt.plan_id, exact=flt.exact):
            codes_by_plan.setdefault(match.plan.id, set()).update(match.codes)
    return codes_by_plan


def _plans_phrase(plans: Sequence[Plan]) -> str:
    return "plan " + plans[0].id if len(plans) == 1 else "any plan"


def _contains(action: Action, needle: str) -> bool:
    return needle in fold(action.text) or any(needle in fold(i) for i in action.indicator_texts())


def full_names(plan: Plan, codes: Iterable[str]) -> list[str]:
    names = []
    by_code = registry_index(plan).by_code
    for code in codes:
        dept = by_code.get(code)
        names.append(ALL_NAME if code == ALL else dept.name if dept else code)
    return names


class Found(NamedTuple):
    plan: Plan
    kind: str  # "action" | "result" | "goal" | "pillar"
    pillar: Pillar
    goal: Goal | None = None
    action: Action | None = None
    result: Result | None = None


def find_item(plans: Sequence[Plan], ident: str, *, plan_id: str | None = None) -> list[Found]:
    """Items with id ``ident`` (``plan:id`` also accepted): pillars, goals and results,
    then actions, plan by plan."""
    if plan_id is None and ":" in ident:
        plan_id, ident = ident.split(":", 1)
    found: list[Found] = []
    key = id_key(ident)
    for plan in select_plans(plans, plan_id):
        for pillar in plan.pillars:
            if id_key(pillar.id) == key:
                found.append(Found(plan, "pillar", pillar))
            for goal in pillar.goals:
                if id_key(goal.id) == key:
                    found.append(Found(plan, "goal", pillar, goal))
                found.extend(
                    Found(plan, "result", pillar, goal, None, r)
                    for r in goal.results
                    if id_key(r.id) == key
                )
        found.extend(
            Found(plan, "action", p.pillar, p.goal, p.action, p.result)
            for p in plan.walk()
            if id_key(p.action.id) == key
        )
    if not found:
        pool = [i for plan in select_plans(plans, plan_id) for i in _item_ids(plan)]
        hint = did_you_mean(close_matches(ident, pool, n=3), quote=repr)
        raise QueryError(f"no action, goal or pillar with id '{ident}'{hint}")
    return found


def _item_ids(plan: Plan) -> list[str]:
    ids = []
    for pillar in plan.pillars:
        ids.append(pillar.id)
        for goal in pillar.goals:
            ids.append(goal.id)
            ids.extend(r.id for r in goal.results)
    ids.extend(p.action.id for p in plan.walk())
    return ids
