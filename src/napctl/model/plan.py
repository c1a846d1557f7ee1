"""The plan data model: one hierarchy that fits every National Action Plan.

plan -> pillars -> goals -> actions, plus a department registry. Field names
are the contract of the YAML files in ``plans/`` and of the JSON Schema in
``schema/plan.schema.json``; see ``docs/plan-format.md``.

The classes are frozen standard-library dataclasses. pydantic validates them
(``napctl.load.schema_errors``) and generates the schema from them, but importing this
module does not import pydantic: queries on plans already known to be valid
(``napctl.load.cache``) start as fast as the command line itself. The constraint
markers below become pydantic core schemas only when pydantic asks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Annotated, Any, NamedTuple

from napctl.model.frameworks import FrameworkDecl, FrameworkRef
from napctl.model.monitoring import (
    Budget,
    Flag,
    Indicator,
    Monitoring,
    YearOrText,
    indicator_text,
)
from napctl.model.texts import LanguageCode, MultiText
from napctl.model.trusted import from_trusted, to_data
from napctl.model.types import (
    ALL,
    DUTY_ROLES,
    UN_PILLARS,
    ActorKind,
    Code,
    CountryCode,
    Frequency,
    Ident,
    NonEmpty,
    PeriodSource,
    PlanId,
    Role,
    Text,
    UNPillar,
    Url,
    Year,
)

# Unknown keys are errors (a misspelt key must not be silently ignored).
_CONFIG: dict[str, Any] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True)
class Period:
    __pydantic_config__ = _CONFIG
    start: Year
    end: Year
    #: Whether the plan prints its period or it was inferred (from a date, a title).
    source: PeriodSource | None = None
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Source:
    __pydantic_config__ = _CONFIG
    title: Text
    publisher: Text
    language: Text
    published: Year | None = None
    url: Url | None = None
    #: The text the transcription was made from.
    document: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CoordinationLevel:
    """A coordinating body at one level (national, provincial, local)."""

    __pydantic_config__ = _CONFIG
    level: Text
    mechanism: Text | None = None
    departments: list[Code] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Coordination:
    __pydantic_config__ = _CONFIG
    departments: Annotated[list[Code], NonEmpty()]
    mechanism: Text | None = None
    notes: list[Text] = field(default_factory=list)
    #: Coordination below or beside the national one (steering committees per level).
    levels: list[CoordinationLevel] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReportingDuty:
    __pydantic_config__ = _CONFIG
    what: Text
    by: Annotated[list[Code], NonEmpty()]
    frequency: Frequency
    to: Text | None = None
    from_year: Year | None = None
    notes: list[Text] = field(default_factory=list)
    #: A body that collects the reports of actors who do not report themselves and
    #: reports for them (a national secretariat).
    collected_by: Code | None = None


@dataclass(frozen=True, slots=True)
class Department:
    __pydantic_config__ = _CONFIG
    code: Code
    name: MultiText
    #: The name in other languages, keyed by language code (fr, nl, de).
    names: dict[str, Text] = field(default_factory=dict)
    aliases: list[Code] = field(default_factory=list)
    parent: Code | None = None
    notes: list[Text] = field(default_factory=list)
    #: What the actor is; none written means government.
    kind: ActorKind | None = None
    #: Whether the actor owes progress reports; by default only government actors do.
    reports: Flag | None = None
    #: Groupings the unit belongs to besides its one parent ("security services").
    groups: list[Code] = field(default_factory=list)

    @property
    def actor_kind(self) -> ActorKind:
        return self.kind or "government"

    @property
    def reporting(self) -> bool:
        """Whether the actor owes progress reports (``reports``, else its kind decides)."""
        return self.reports if self.reports is not None else self.actor_kind == "government"


@dataclass(frozen=True, slots=True)
class Assignment:
    """A department on one action, with its role or a note in brackets."""

    __pydantic_config__ = _CONFIG
    code: Code
    role: Role | None = None
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Action:
    __pydantic_config__ = _CONFIG
    id: Ident
    text: MultiText
    #: Required unless the action is under a result that names them (NAP330).
    departments: list[Code | Assignment] = field(default_factory=list)
    indicators: list[MultiText | Indicator] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    #: When the action is due: a year, or a date in quotes ("2020-06-30").
    deadline: YearOrText | None = None
    #: When the action runs, in the plan's words ("2019-2021", "throughout the plan").
    timeline: Text | None = None
    budget: Budget | None = None
    #: The department that leads the action: one of its departments.
    lead: Code | None = None
    references: list[FrameworkRef] = field(default_factory=list)

    def indicator_texts(self) -> list[str]:
        """The indicators as texts, whether written as texts or as mappings."""
        return [indicator_text(i) for i in self.indicators]

    def indicator_keys(self) -> list[str]:
        """The keys of the structured indicators that have one (progress reports name them)."""
        return [i.key for i in self.indicators if not isinstance(i, str) and i.key is not None]

    def assignments(self) -> Iterator[Assignment]:
        for entry in self.departments:
            yield Assignment(code=entry) if isinstance(entry, str) else entry

    def codes(self) -> list[str]:
        return [e if isinstance(e, str) else e.code for e in self.departments]

    def duty_codes(self) -> list[str]:
        """The codes whose role makes them answer for the action (not support, partner
        or funder); whether the actor reports at all is the registry's to say."""
        return [a.code for a in self.assignments() if a.role in DUTY_ROLES]

    @property
    def for_all(self) -> bool:
        return ALL in self.codes()


@dataclass(frozen=True, slots=True)
class Result:
    """An expected result between a goal and its actions: its indicators and actors
    are printed once for the result and hold for each action that names none."""

    __pydantic_config__ = _CONFIG
    id: Ident
    text: Text
    indicators: list[Text | Indicator] = field(default_factory=list)
    departments: list[Code | Assignment] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    references: list[FrameworkRef] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)

    def indicator_texts(self) -> list[str]:
        return [indicator_text(i) for i in self.indicators]

    def assignments(self) -> Iterator[Assignment]:
        for entry in self.departments:
            yield Assignment(code=entry) if isinstance(entry, str) else entry

    def codes(self) -> list[str]:
        return [e if isinstance(e, str) else e.code for e in self.departments]


@dataclass(frozen=True, slots=True)
class Goal:
    __pydantic_config__ = _CONFIG
    id: Ident
    text: MultiText
    actions: list[Action] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    references: list[FrameworkRef] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Pillar:
    __pydantic_config__ = _CONFIG
    id: Ident
    title: MultiText
    un_pillars: list[UNPillar]
    goals: Annotated[list[Goal], NonEmpty()]
    summary: MultiText | None = None
    notes: list[Text] = field(default_factory=list)
    references: list[FrameworkRef] = field(default_factory=list)


class Placed(NamedTuple):
    """An action where the plan puts it, as every command sees it: ``action`` with the
    indicators and departments it inherits from its result, ``own`` as written."""

    pillar: Pillar
    goal: Goal
    result: Result | None
    action: Action
    own: Action
    #: Where the action is in the file ("pillars", 0, "goals", 1, "results", 0, ...).
    path: tuple[str | int, ...]

    @property
    def shared_indicators(self) -> bool:
        """True when the indicators are the result's, printed once for all its actions."""
        return self.result is not None and not self.own.indicators and bool(self.action.indicators)


def _effective(result: Result, action: Action) -> Action:
    if (action.departments or not result.departments) and (
        action.indicators or not result.indicators
    ):
        return action
    return replace(
        action,
        departments=action.departments or result.departments,
        indicators=action.indicators or result.indicators,
    )


def walk_goal(pillar: Pillar, goal: Goal, path: tuple[str | int, ...]) -> Iterator[Placed]:
    """The goal's actions: its own, then each result's, in the order of the file."""
    for a, action in enumerate(goal.actions):
        yield Placed(pillar, goal, None, action, action, (*path, "actions", a))
    for r, result in enumerate(goal.results):
        for a, action in enumerate(result.actions):
            yield Placed(
                pillar,
                goal,
                result,
                _effective(result, action),
                action,
                (*path, "results", r, "actions", a),
            )


@dataclass(frozen=True, slots=True)
class Plan:
    __pydantic_config__ = _CONFIG
    id: PlanId
    title: MultiText
    country: Text
    country_code: CountryCode
    period: Period
    language: Text
    coordination: Coordination
    source: Source
    departments: Annotated[list[Department], NonEmpty()]
    pillars: Annotated[list[Pillar], NonEmpty()]
    reporting: list[ReportingDuty] = field(default_factory=list)
    principal_objectives: list[Text] = field(default_factory=list)
    target_countries: list[Text] = field(default_factory=list)
    civil_society: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    #: The plan's overall budget.
    budget: Budget | None = None
    monitoring: Monitoring | None = None
    #: Frameworks the plan cites beyond the built-in ones (``references``).
    frameworks: list[FrameworkDecl] = field(default_factory=list)
    #: The languages the plan's texts are written in (``language`` is the primary one).
    languages: list[LanguageCode] = field(default_factory=list)

    def walk(self) -> Iterator[Placed]:
        """Every action of the plan with its pillar, goal, result and inherited fields:
        the one walk every command takes (results included)."""
        for p, pillar in enumerate(self.pillars):
            for g, goal in enumerate(pillar.goals):
                yield from walk_goal(pillar, goal, ("pillars", p, "goals", g))

    def actions(self) -> Iterator[tuple[Pillar, Goal, Action]]:
        """(pillar, goal, action) of every action, as ``walk`` gives them."""
        for placed in self.walk():
            yield placed.pillar, placed.goal, placed.action

    def department(self, code: str) -> Department | None:
        """The first department of the registry with this code, from the plan's index
        (built once per plan): a look-up per action costs no scan of the registry."""
        # lazy: import cycle (registry imports plan)
        from napctl.model.registry import registry_index

        return registry_index(self).by_code.get(code)


class PlanFacts(NamedTuple):
    """What a plan leaves in the corpus index for checks across files: small, so that
    validating a corpus holds one plan at a time."""

    id: str
    period: Period
    departments: frozenset[str]
    actions: frozenset[str]


def plan_facts(plan: Plan) -> PlanFacts:
    return PlanFacts(
        plan.id,
        plan.period,
        frozenset(d.code for d in plan.departments),
        frozenset(a.id for _, _, a in plan.actions()),
    )


def plan_from_trusted(data: dict[str, Any]) -> Plan:
    """A Plan from data that the plan's checks accepted before (no checks at all)."""
    plan = from_trusted(Plan, data)
    assert isinstance(plan, Plan)
    return plan


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data, without fields left at their defaults."""
    return to_data(plan)


__all__ = [
    "ALL",
    "UN_PILLARS",
    "PlanFacts",
    "UNPillar",
    "plan_facts",
    "plan_from_trusted",
    "plan_to_data",
]
