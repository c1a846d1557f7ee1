"""Queries over valid plans: actors, actions, items by id, counts and the matrix."""

from napctl.query.actions import (
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
    select_plans,
    suggest,
)
from napctl.query.lookup import department_names, fold, id_key, plan_matches
from napctl.query.stats import action_counts, all_row, matrix, spread

__all__ = [
    "ActionFilter",
    "ActionRow",
    "ActorMatch",
    "Found",
    "QueryError",
    "action_counts",
    "all_row",
    "children",
    "department_names",
    "descendants",
    "find_item",
    "fold",
    "full_names",
    "id_key",
    "matrix",
    "plan_matches",
    "resolve_actor",
    "select_actions",
    "select_plans",
    "spread",
    "suggest",
]
