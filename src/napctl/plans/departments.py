"""Department identity: a department is its plan's country plus its code.

Two successive plans of one country may share a code (the same ministry, one
checklist); Belgium's "Justice" and Luxembourg's "Justice" are two ministries
that only share a word. A name that matches departments of several countries
still answers (an analyst comparing plans wants both), but says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from napctl.model import Plan
from napctl.plans.actions import ActionFilter, ActorMatch, resolve_actor, select_country


class DepartmentKey(NamedTuple):
    """Who a department is, across plans: ``("BE", "Justice")``."""

    country: str  # the plan's ISO 3166-1 alpha-2 code, upper case
    code: str


def department_key(plan: Plan, code: str) -> DepartmentKey:
    return DepartmentKey(plan.country_code.upper(), code)


def by_country(matches: Sequence[ActorMatch]) -> dict[str, list[ActorMatch]]:
    """The matches grouped by country code, countries in the order of their first match."""
    groups: dict[str, list[ActorMatch]] = {}
    for match in matches:
        groups.setdefault(match.plan.country_code.upper(), []).append(match)
    return groups


def countries_phrase(matches: Sequence[ActorMatch]) -> str:
    """'BE Justice (be-2013-2016), LU Justice (lu-2018-2023)': each department once,
    with the plans it is in."""
    plans_of: dict[DepartmentKey, list[str]] = {}
    for match in matches:
        for code in match.named:
            plans_of.setdefault(department_key(match.plan, code), []).append(match.plan.id)
    return ", ".join(
        f"{key.country} {key.code} ({', '.join(ids)})" for key, ids in plans_of.items()
    )


def several_countries(name: str, matches: Sequence[ActorMatch]) -> str | None:
    """The note to print when ``name`` matched departments of more than one country."""
    groups = by_country(matches)
    if len(groups) < 2:
        return None
    return (
        f'"{name}" names departments in {len(groups)} countries:'
        f" {countries_phrase(matches)}; --country narrows"
    )


def actor_notes(plans: Sequence[Plan], flt: ActionFilter) -> list[str]:
    """One note per actor of ``flt`` that names departments in several countries.

    Resolves the actors as `select_actions` does (call it after, so that an
    unknown actor has already been reported as an error).
    """
    scope = select_country(plans, flt.country)
    notes = []
    for actor in flt.actors:
        matches = resolve_actor(scope, actor, plan_id=flt.plan_id, exact=flt.exact)
        note = several_countries(actor, matches)
        if note is not None:
            notes.append(note)
    return notes


def plans_by_country(plans: Sequence[Plan]) -> dict[str, list[Plan]]:
    """The plans grouped by country code, countries in the order of their first plan."""
    groups: dict[str, list[Plan]] = {}
    for plan in plans:
        groups.setdefault(plan.country_code.upper(), []).append(plan)
    return groups
