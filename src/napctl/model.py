"""The plan data model: one hierarchy that fits every National Action Plan.

plan -> pillars -> goals -> actions, plus a department registry. Field names
are the contract of the YAML files in ``plans/`` and of the JSON Schema in
``schema/plan.schema.json``; see ``docs/plan-format.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

#: The reserved actor that stands for every department of a plan.
ALL = "All"

UNPillar = Literal["participation", "prevention", "protection", "relief-and-recovery"]
UN_PILLARS: tuple[UNPillar, ...] = (
    "participation",
    "prevention",
    "protection",
    "relief-and-recovery",
)

Role = Literal["lead", "coordination"]
Frequency = Literal["annual", "biennial", "mid-term", "final", "once"]

#: The pattern that makes a text non-blank; the checks map it to NAP205.
NON_BLANK = r"\S"
Text = Annotated[str, StringConstraints(pattern=NON_BLANK)]
Ident = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=64),
]
PlanId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
Code = Annotated[str, StringConstraints(pattern=NON_BLANK, max_length=80)]
Year = Annotated[int, Field(ge=1900, le=2200)]


class _Model(BaseModel):
    # strict: a YAML `NO` or `1.10` must never turn into a string silently.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Period(_Model):
    start: Year
    end: Year


class Source(_Model):
    title: Text
    publisher: Text
    language: Text
    published: Year | None = None
    url: str | None = None
    document: str | None = Field(
        default=None, description="The text the transcription was made from."
    )
    notes: list[Text] = []


class Coordination(_Model):
    departments: list[Code] = Field(min_length=1)
    mechanism: Text | None = None
    notes: list[Text] = []


class ReportingDuty(_Model):
    what: Text
    by: list[Code] = Field(min_length=1)
    to: Text | None = None
    frequency: Frequency
    from_year: Year | None = None
    notes: list[Text] = []


class Department(_Model):
    code: Code
    name: Text
    names: dict[str, Text] = Field(
        default={},
        description="The name in other languages, keyed by language code (fr, nl, de).",
    )
    aliases: list[Code] = []
    parent: Code | None = None
    notes: list[Text] = []


class Assignment(_Model):
    """A department on one action, with its role or a note in brackets."""

    code: Code
    role: Role | None = None
    note: Text | None = None


def _department_kind(value: object) -> str:
    # Route by shape so a bad entry gets one error, not one per union member.
    return "assignment" if isinstance(value, (dict, Assignment)) else "code"


DepartmentEntry = Annotated[
    Annotated[Code, Tag("code")] | Annotated[Assignment, Tag("assignment")],
    Discriminator(_department_kind),
]


class Action(_Model):
    id: Ident
    text: Text
    indicators: list[Text] = []
    departments: list[DepartmentEntry] = Field(min_length=1)
    notes: list[Text] = []

    def assignments(self) -> Iterator[Assignment]:
        for entry in self.departments:
            yield Assignment(code=entry) if isinstance(entry, str) else entry

    def codes(self) -> list[str]:
        return [e if isinstance(e, str) else e.code for e in self.departments]

    @property
    def for_all(self) -> bool:
        return ALL in self.codes()


class Goal(_Model):
    id: Ident
    text: Text
    actions: list[Action] = Field(min_length=1)
    notes: list[Text] = []


class Pillar(_Model):
    id: Ident
    title: Text
    summary: Text | None = None
    un_pillars: list[UNPillar]
    goals: list[Goal] = Field(min_length=1)
    notes: list[Text] = []


class Plan(_Model):
    id: PlanId
    title: Text
    country: Text
    country_code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    period: Period
    language: Text
    coordination: Coordination
    reporting: list[ReportingDuty] = []
    principal_objectives: list[Text] = []
    target_countries: list[Text] = []
    civil_society: list[Text] = []
    source: Source
    notes: list[Text] = []
    departments: list[Department] = Field(min_length=1)
    pillars: list[Pillar] = Field(min_length=1)

    def actions(self) -> Iterator[tuple[Pillar, Goal, Action]]:
        for pillar in self.pillars:
            for goal in pillar.goals:
                for action in goal.actions:
                    yield pillar, goal, action

    def department(self, code: str) -> Department | None:
        for dept in self.departments:
            if dept.code == code:
                return dept
        return None
