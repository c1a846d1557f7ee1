"""Which indicators of a framework (UN 26, EU 17) a plan covers, and with what data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from napctl.checks.frameworks import Framework, framework_id
from napctl.indicators.records import number_text
from napctl.indicators.series import Series
from napctl.model import Plan


@dataclass(frozen=True, slots=True)
class Covering:
    """A plan indicator that reports on a framework indicator, with its latest data."""

    action: str
    indicator: int
    text: str
    latest: str | None
    year: int | None
    status: str | None


@dataclass(slots=True)
class CrossRow:
    number: str
    #: The framework's text of the indicator; None when napctl does not ship it.
    text: str | None
    covered_by: list[Covering] = field(default_factory=list)


def crosswalk(plan: Plan, series: Sequence[Series], framework: Framework) -> list[CrossRow]:
    """One row per framework indicator napctl lists, then any other number the plan cites."""
    rows = {key: CrossRow(item.id, item.text) for key, item in framework.indicators.items()}
    by_indicator = {(s.action, s.number): s for s in series}
    for _pillar, _goal, action in plan.actions():
        for number, indicator in enumerate(action.indicators, 1):
            if isinstance(indicator, str):
                continue
            for ref in indicator.references:
                if framework_id(ref.framework) != framework.id:
                    continue
                key = str(ref.indicator).strip().lower()
                row = rows.setdefault(key, CrossRow(str(ref.indicator), None))
                found = by_indicator.get((action.id, number))
                latest = None if found is None else found.latest
                row.covered_by.append(
                    Covering(
                        action.id,
                        number,
                        indicator.text,
                        None if latest is None else number_text(latest[1]),
                        None if latest is None else latest[0],
                        None if found is None else found.status.status,
                    )
                )
    return list(rows.values())


def crosswalk_record(plan: str, framework: Framework, rows: Sequence[CrossRow]) -> dict[str, Any]:
    return {
        "plan": plan,
        "framework": framework.id,
        "title": framework.title,
        "source": framework.source,
        "complete": framework.complete,
        "missing": framework.missing,
        "covered": sum(1 for r in rows if r.covered_by),
        "indicators": [
            {
                "number": r.number,
                "text": r.text,
                "covered_by": [
                    {
                        "action": c.action,
                        "indicator": c.indicator,
                        "text": c.text,
                        "latest": c.latest,
                        "year": c.year,
                        "status": c.status,
                    }
                    for c in r.covered_by
                ],
            }
            for r in rows
        ],
    }
