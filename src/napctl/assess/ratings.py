"""Each organisation's ratings by action: what `status --assessments` and reports show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from napctl.core.i18n import N_
from napctl.model.assessment import Assessment, Rating
from napctl.model.scales import OWN, Scale, scale_of


@dataclass(frozen=True, slots=True)
class Shown:
    """One organisation's rating of one action, as every output names it."""

    organisation: str
    scale: str
    #: The level as written (``limited``, ``2``); None when not rated.
    level: str | None
    label: str | None
    rating: Rating | None


def scale_name(scale: Scale) -> str:
    # Marked for the catalogs: rendered outputs say it in their language (``term``).
    return N_("its own scale") if scale.name == OWN else scale.name


def for_year(assessments: Sequence[Assessment], plan_id: str, year: int) -> list[Assessment]:
    """The assessments of one plan and year, by organisation name (a stable order)."""
    chosen = [a for a in assessments if a.plan == plan_id and a.year == year]
    return sorted(chosen, key=lambda a: a.organisation.casefold())


def shown(assessment: Assessment, rating: Rating | None) -> Shown:
    scale = scale_of(assessment)
    level = None if scale is None or rating is None else scale.level(rating.level)
    return Shown(
        assessment.organisation,
        "" if scale is None else scale_name(scale),
        None if level is None else level.key,
        None if level is None else level.label,
        rating if level is not None else None,
    )


def by_action(assessments: Sequence[Assessment]) -> dict[str, list[Shown]]:
    """action id -> each organisation's rating of it (organisations that rated it)."""
    found: dict[str, list[Shown]] = {}
    for assessment in assessments:
        for rating in assessment.ratings:
            if rating.action is None:
                continue
            item = shown(assessment, rating)
            if item.level is not None:
                found.setdefault(rating.action, []).append(item)
    return found


def organisations(assessments: Sequence[Assessment]) -> list[str]:
    return [a.organisation for a in assessments]


@dataclass(frozen=True, slots=True)
class AssessedStatus:
    """What `status --assessments` adds: each organisation (and its scale), each action's
    ratings. Beside the government's status, never combined into it."""

    organisations: list[tuple[str, str]]
    ratings: dict[str, list[Shown]]

    @classmethod
    def of(cls, assessments: Sequence[Assessment], plan_id: str, year: int) -> AssessedStatus:
        chosen = for_year(assessments, plan_id, year)
        named = []
        for a in chosen:
            scale = scale_of(a)
            named.append((a.organisation, "" if scale is None else scale_name(scale)))
        return cls(named, by_action(chosen))

    def cell(self, action: str, organisation: str) -> str:
        """The organisation's rating of ``action`` as a table shows it ("" when unrated)."""
        for item in self.ratings.get(action, []):
            if item.organisation == organisation and item.level is not None:
                return item.level if item.level == item.label else f"{item.level} ({item.label})"
        return ""
