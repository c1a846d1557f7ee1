"""Finding what a person typed: a department by a word or a prefix of one of its names,
a plan by its id, a prefix of it or its country code, an id without regard to case or a
trailing dot (``i.1``, ``4.b.``). Plain functions over models (issue 19)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from napctl.model import Department, Plan
from napctl.model.names import fold


def id_key(ident: str) -> str:
    """An id as it is compared: ``I.1.``, ``i.1`` and ``I.1`` are one id."""
    return fold(ident).rstrip(".")


def department_names(dept: Department) -> list[str]:
    """Every name a user may type for ``dept``."""
    return [dept.code, dept.name, *dept.names.values(), *dept.aliases]


_WORD_START = re.compile(r"(?:^|(?<=[\s/\-(,.'’]))(?=\w)")


def names_by_word(dept: Department, wanted: str) -> str | None:
    """The name of ``dept`` in which ``wanted`` (folded) starts a word, or None."""
    for name in department_names(dept):
        folded = fold(name)
        if any(folded.startswith(wanted, m.start()) for m in _WORD_START.finditer(folded)):
            return name
    return None


class WordMatch(NamedTuple):
    plan: Plan
    code: str
    name: str  # the name the word was found in


def word_matches(plans: Sequence[Plan], wanted: str) -> list[WordMatch]:
    """Departments a word or prefix names, leaving out those whose parent is named too
    (a parent already includes its units)."""
    found: list[WordMatch] = []
    for plan in plans:
        hits = {}
        for dept in plan.departments:
            name = names_by_word(dept, wanted)
            if name is not None:
                hits[dept.code] = name
        for code, name in hits.items():
            if not _has_named_ancestor(plan, code, hits):
                found.append(WordMatch(plan, code, name))
    return found


def _has_named_ancestor(plan: Plan, code: str, named: dict[str, str]) -> bool:
    seen = {code}
    dept = plan.department(code)
    while dept is not None and dept.parent is not None and dept.parent not in seen:
        if dept.parent in named:
            return True
        seen.add(dept.parent)
        dept = plan.department(dept.parent)
    return False


def describe_match(match: WordMatch) -> str:
    dept = match.plan.department(match.code)
    full = dept.name if dept is not None else match.code
    shown = match.code if fold(full) == fold(match.code) else f"{match.code} ({full})"
    return f"{shown} in {match.plan.id}"


def plan_matches(plans: Sequence[Plan], wanted: str) -> list[Plan]:
    """The plans ``wanted`` names: by id (case, trailing dot aside), else by its country
    code, else as the one plan whose id starts with it."""
    key = id_key(wanted)
    exact = [p for p in plans if id_key(p.id) == key]
    if exact:
        return exact
    by_country = [p for p in plans if fold(p.country_code) == key]
    if by_country:
        return by_country
    return [p for p in plans if id_key(p.id).startswith(key)] if key else []
