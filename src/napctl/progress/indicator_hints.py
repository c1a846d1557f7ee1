"""What a checklist shows beside an indicator's value line: the department's last value
from an earlier year and the plan's target, so the person typing sees both."""

from __future__ import annotations

from collections.abc import Sequence

from napctl.model import Action
from napctl.model.indicator_refs import indicator_number
from napctl.model.progress import IndicatorReport
from napctl.model.words import NumberError, number_of


def _shown(item: IndicatorReport) -> str | None:
    if item.value is None:
        return None
    try:
        typed = number_of(item.value)
    except NumberError:
        typed = None
    text = str(item.value) if typed is None else typed.text
    unit = item.unit or (typed.unit if typed else None)
    return f"{text} {unit}" if unit and typed is not None and not typed.unit else text


def indicator_hints(
    action: Action, earlier: Sequence[tuple[int, IndicatorReport]], year: int
) -> dict[int, dict[str, str | None]]:
    """Indicator number -> {"last": "70 officers (2019)", "target": "150 by 2022"}, with the
    target's value and year apart too, for outputs that say "by" in their language."""
    hints: dict[int, dict[str, str | None]] = {}
    for number, indicator in enumerate(action.indicators, 1):
        hints[number] = {"last": None, "target": None, "target_value": None, "target_year": None}
        if not isinstance(indicator, str) and indicator.targets:
            # a target without a year comes last: the plan gives no date for it
            due = sorted(indicator.targets, key=lambda t: (t.year is None, t.year or 0))
            chosen = next((t for t in due if t.year is None or t.year >= year), due[-1])
            what = str(chosen.text if chosen.value is None else chosen.value)
            hints[number].update(
                target=what if chosen.year is None else f"{what} by {chosen.year}",
                target_value=what,
                target_year=None if chosen.year is None else str(chosen.year),
            )
    for when, item in earlier:  # oldest first: the last one wins
        n = indicator_number(action, item.indicator)
        shown = _shown(item)
        if n is not None and shown is not None and when < year:
            hints[n]["last"] = f"{shown} ({when})"
    return hints
