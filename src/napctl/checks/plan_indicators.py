"""Plan rules on structured indicators: targets, directions, framework references (NAP70x).

Checks of the plan kind over the same PlanContext as the other plan rules;
``references:`` are checked against the indicator frameworks napctl ships
(``napctl.checks.frameworks``), with a "did you mean".
"""

from __future__ import annotations

from decimal import Decimal

from napctl.checks.frameworks import FrameworkError, framework_id, load_framework
from napctl.checks.plan import KIND, PlanContext
from napctl.checks.registry import Loc, Report, check
from napctl.model.monitoring import Indicator
from napctl.model.words import NumberError, number_of


def _number(value: object) -> Decimal | None:
    try:
        typed = number_of(value)
    except NumberError:
        return None
    return None if typed is None else typed.value


@check(KIND)
def structured_indicators(index: PlanContext, report: Report) -> None:
    """NAP700-NAP703 on each structured indicator of the plan."""
    plan = index.plan
    for p, pillar in enumerate(plan.pillars):
        for g, goal in enumerate(pillar.goals):
            for a, action in enumerate(goal.actions):
                for i, indicator in enumerate(action.indicators):
                    if isinstance(indicator, str):
                        continue
                    loc: Loc = ("pillars", p, "goals", g, "actions", a, "indicators", i)
                    what = f"action '{action.id}', indicator {i + 1}"
                    _targets(index, report, indicator, loc, what)
                    _references(index, report, indicator, loc, what)


def _targets(index: PlanContext, report: Report, indicator: Indicator, loc: Loc, what: str) -> None:
    period = index.plan.period
    base = None if indicator.baseline is None else _number(indicator.baseline.value)
    percent = indicator.type == "percent" or indicator.unit == "%"
    if percent and indicator.aggregate == "sum":
        report.add(
            (*loc, "aggregate"),
            "NAP703",
            f"{what}: percentages added up across departments mean nothing; use mean or none",
        )
    for t, target in enumerate(indicator.targets):
        if target.year is not None and not period.start <= target.year <= period.end:
            report.add(
                (*loc, "targets", t, "year"),
                "NAP700",
                f"{what}: target year {target.year} is outside the plan's period"
                f" {period.start}-{period.end}",
            )
        value = _number(target.value)
        if base is None or value is None or indicator.direction is None:
            continue
        wrong = (indicator.direction == "increase" and value < base) or (
            indicator.direction == "decrease" and value > base
        )
        if wrong:
            report.add(
                (*loc, "targets", t, "value"),
                "NAP702",
                f"{what}: the target {format(value, 'f')} is not an {indicator.direction} from"
                f" the baseline {format(base, 'f')}",
            )


def _references(
    index: PlanContext, report: Report, indicator: Indicator, loc: Loc, what: str
) -> None:
    for r, ref in enumerate(indicator.references):
        name = framework_id(ref.framework)
        if name is None:
            continue  # the schema allows only the frameworks napctl knows
        try:
            framework = load_framework(name)
        except FrameworkError:
            continue
        number = str(ref.indicator)
        if framework.knows(number) is False:
            hint = index.suggest(number, [i.id for i in framework.indicators.values()])
            report.add(
                (*loc, "references", r, "indicator"),
                "NAP701",
                f"{what}: {framework.id} ({framework.source.get('document', '')}) has no"
                f" indicator '{number}' (it numbers them {framework.first}-{framework.last}){hint}",
            )
