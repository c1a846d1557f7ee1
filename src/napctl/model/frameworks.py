"""References to shared frameworks, and the registry of frameworks a plan may cite.

A pillar, goal, result or action may say what it implements elsewhere: an
operative paragraph of UNSCR 1325, an SDG target, an aspiration of the African
Union's Agenda 2063, an indicator of the EU's or the UN's WPS indicator sets.
The frameworks napctl knows are entries of ``BUILTIN``; a plan may declare its
own (``frameworks:``), which extend the registry for that plan only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Any, NamedTuple

from napctl.model.types import Ident, OneOf, Text, Url

_CONFIG: dict[str, Any] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True)
class FrameworkRef:
    """A paragraph, target or indicator of a framework that an item of the plan serves."""

    __pydantic_config__ = _CONFIG
    #: The framework's id: a built-in one (unscr-1325, sdg, ...) or one the plan declares.
    framework: Ident
    #: The framework's own number for the item ("5.5", 8, "1a").
    id: Annotated[Any, OneOf(("int", "text"), "expected a number or a text")]
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FrameworkDecl:
    """A framework the plan cites that napctl does not know (a regional plan, a policy)."""

    __pydantic_config__ = _CONFIG
    id: Ident
    title: Text
    url: Url | None = None
    #: The framework's item numbers, when references must use one of them.
    ids: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)


class Builtin(NamedTuple):
    title: str
    #: What an item number of the framework looks like.
    pattern: str
    example: str


#: The frameworks every plan may cite, by id.
BUILTIN: dict[str, Builtin] = {
    "unscr-1325": Builtin(
        "UN Security Council Resolution 1325 (2000), operative paragraphs",
        r"^([1-9]|1[0-8])$",
        "1 to 18",
    ),
    "sdg": Builtin(
        "Sustainable Development Goals, targets", r"^([1-9]|1[0-7])\.([0-9]{1,2}|[a-z])$", "5.5"
    ),
    "au-agenda-2063": Builtin(
        "African Union Agenda 2063, aspirations and goals", r"^[0-9]{1,2}(\.[0-9]{1,2})*$", "6.17"
    ),
    "eu-wps": Builtin(
        "EU indicators for the comprehensive approach to UNSCR 1325 and 1820",
        r"^[0-9]{1,2}[a-z]?$",
        "12",
    ),
    "un-wps": Builtin(
        "UN global indicators on women and peace and security (S/2010/498)",
        r"^[0-9]{1,2}[a-z]?$",
        "1a",
    ),
}


def framework_ids(declared: list[FrameworkDecl]) -> list[str]:
    """Every framework id a plan may cite: the built-in ones, then its own."""
    return [*BUILTIN, *(d.id for d in declared if d.id not in BUILTIN)]


def reference_problem(ref: FrameworkRef, declared: list[FrameworkDecl]) -> str | None:
    """Why ``ref`` names no item of its framework (None when it does, or when the
    framework is unknown: that is a problem of its own)."""
    item = str(ref.id)
    own = next((d for d in declared if d.id == ref.framework), None)
    if own is not None:
        if own.ids and item not in own.ids:
            return f"'{item}' is not an item of framework '{own.id}' ({', '.join(own.ids[:8])})"
        return None
    known = BUILTIN.get(ref.framework)
    if known is not None and re.match(known.pattern, item) is None:
        return f"'{item}' is not an item of {ref.framework} (like {known.example})"
    return None
