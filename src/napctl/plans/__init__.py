"""Queries over valid plans: actors, actions, items by id, counts and the matrix."""

from napctl.plans.actions import (
    ActionFilter,
    ActionRow,
    ActorMatch,
    Found,
    QueryError,
    children,
    descendants,
    find_item,
    full_names,
    resolve_actor,
    select_actions,
    select_country,
    select_plans,
    suggest,
)
from napctl.plans.departments import (
    DepartmentKey,
    actor_notes,
    by_country,
    department_key,
    several_countries,
)
from napctl.plans.lookup import department_names, id_key, plan_matches
from napctl.plans.stats import action_counts, all_row, matrix, spread

__all__ = [
    "ActionFilter",
    "ActionRow",
    "ActorMatch",
    "DepartmentKey",
    "Found",
    "QueryError",
    "action_counts",
    "actor_notes",
    "all_row",
    "by_country",
    "children",
    "department_key",
    "department_names",
    "descendants",
    "find_item",
    "full_names",
    "id_key",
    "matrix",
    "plan_matches",
    "resolve_actor",
    "select_actions",
    "select_country",
    "select_plans",
    "several_countries",
    "spread",
    "suggest",
]
