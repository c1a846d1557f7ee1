"""The assessment model: one organisation's own rating of a plan's actions for one year.

One file per organisation, plan and year
(``assessments/<plan-id>/<year>/<organisation-slug>.yaml``), beside the
government's progress files and never merged into them: an assessment is a
second voice, not a correction of a status. Field names are the contract of
those files and of ``schema/assessment.schema.json``; see ``docs/assessments.md``.

Built like ``napctl.model.progress``: frozen dataclasses, validated (strictly)
by pydantic only when a file is checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from napctl.model.progress import DateLike, Evidence, Status
from napctl.model.types import Ident, OneOf, PlanId, Text, Year

#: What a file written by `napctl assess init` says of each action: never a guessed level.
NOT_RATED = "not-rated"

LevelValue = Annotated[
    int | str, OneOf(("int", "text"), "expected a level of the scale: a number or a word")
]

_CONFIG: dict[str, Any] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True)
class ScaleLevel:
    """One level of an assessment's own scale, from the lowest to the highest."""

    __pydantic_config__ = _CONFIG
    #: What a rating writes (`level: partly`, `level: 2`).
    level: LevelValue
    #: What readers see ("partly implemented").
    label: Text
    description: Text | None = None


@dataclass(frozen=True, slots=True)
class Rating:
    """The organisation's judgement of one action (or of a result, or a whole pillar)."""

    __pydantic_config__ = _CONFIG
    level: LevelValue
    #: The action rated, by its id in the plan.
    action: Ident | None = None
    #: Or a whole pillar, by its id in the plan.
    pillar: Ident | None = None
    #: Or an expected result (a goal's ``results:``), by its id in the plan.
    result: Ident | None = None
    narrative: Text | None = None
    evidence: list[Evidence] = field(default_factory=list)
    #: The government status this rating disputes (as its progress reports give it).
    disputes: Status | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """An organisation's independent assessment of a plan for one year."""

    __pydantic_config__ = _CONFIG
    plan: PlanId
    year: Year
    organisation: Text
    #: A built-in scale by name (``ogp-completion``, ``kroc-0-3``) or the file's own
    #: levels, lowest first.
    scale: Ident | list[ScaleLevel]
    ratings: list[Rating]
    #: Who assessed: organisations, roles or people who agreed to be named.
    assessors: list[Text] = field(default_factory=list)
    date: DateLike | None = None
    #: How the ratings were made: sources, interviews, the period looked at.
    method: Text | None = None
    notes: list[Text] = field(default_factory=list)

    def rated(self) -> list[Rating]:
        """The ratings given a level (not those left ``not-rated``)."""
        return [r for r in self.ratings if r.level != NOT_RATED]


def assessment_from_trusted(data: dict[str, Any]) -> Assessment:
    """An Assessment from data validated before (no checks)."""
    from napctl.model.trusted import from_trusted

    value = from_trusted(Assessment, data)
    assert isinstance(value, Assessment)
    return value
