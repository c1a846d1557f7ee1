"""The progress status of an indicator: Statistics Canada's method, as Open SDG computes it.

Every number is a ``Decimal``; the inputs and intermediate results of each
calculation are kept in ``Status.inputs`` so anyone can check them. The formulas
and thresholds are those of Open SDG's ``sdg-build`` (``ProgressMeasure``), written
out in docs/indicators.md:

- observed growth ``CAGR_o = (y_t / y_0) ** (1 / (t - t_0)) - 1``;
- without a target: ``d * CAGR_o`` against 1.5 %, 0.5 % and 0;
- with a target: target achieved when ``y_t`` is at or beyond it; otherwise the
  ratio ``CAGR_o / CAGR_r`` (``CAGR_r = (y_T / y_0) ** (1 / (t_T - t_0)) - 1``)
  against 0.95, 0.6 and 0.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

ProgressStatus = Literal[
    "target-achieved",
    "substantial-progress",
    "moderate-progress",
    "limited-progress",
    "deterioration",
    "insufficient-data",
]
#: Thresholds (high, medium, low) without a target: growth rates per year.
NO_TARGET = (Decimal("0.015"), Decimal("0.005"), Decimal("0"))
#: Thresholds with a target: the ratio of observed to required growth.
WITH_TARGET = (Decimal("0.95"), Decimal("0.6"), Decimal("0"))
#: What Open SDG puts in place of a base value or target of 0 (the growth rate
#: divides by the base value).
ZERO_STANDIN = Decimal("0.001")
#: `maintain`: how far (a share of the reference) the latest value may stray.
MAINTAIN_TOLERANCE = Decimal("0.005")
_PLACES = Decimal("1e-10")


@dataclass(frozen=True, slots=True)
class Status:
    status: ProgressStatus
    method: str
    inputs: dict[str, str | int | None] = field(default_factory=dict)


def _text(value: Decimal) -> str:
    return format(value.quantize(_PLACES).normalize(), "f")


#: growth() of inputs already seen, keyed by their exact digits (2.0 and 2 are equal
#: Decimals, but need not give the same digits): a fractional power costs 80 µs, and
#: the site computes an indicator's status for each page and report that shows it.
_GROWTH: dict[tuple[object, object, int], Decimal | None] = {}


def growth(current: Decimal, base: Decimal, years: int) -> Decimal | None:
    """The compound annual growth rate from ``base`` to ``current`` over ``years``."""
    key = (current.as_tuple(), base.as_tuple(), years)
    if key not in _GROWTH:
        if len(_GROWTH) >= 4096:
            _GROWTH.clear()
        _GROWTH[key] = _growth(current, base, years)
    return _GROWTH[key]


def _growth(current: Decimal, base: Decimal, years: int) -> Decimal | None:
    ratio = current / base
    if ratio <= 0 or years < 1:
        return None  # values of opposite signs (or none): no growth rate
    with decimal.localcontext(prec=28):
        if years == 1:  # the power 1 is the ratio itself: the same digits, without a power
            return ratio - 1
        return ratio ** (Decimal(1) / Decimal(years)) - 1


def _band(value: Decimal, thresholds: tuple[Decimal, Decimal, Decimal]) -> ProgressStatus:
    high, medium, low = thresholds
    if value >= high:
        return "substantial-progress"
    if value >= medium:
        return "moderate-progress"
    if value >= low:
        return "limited-progress"
    return "deterioration"


def progress_status(
    points: list[tuple[int, Decimal]],
    direction: str,
    base: tuple[int, Decimal] | None,
    target: tuple[int, Decimal] | None,
) -> Status:
    """The status of a series of (year, value), oldest first.

    ``base`` is the plan's baseline (year, value) when it has one, else the first
    value of the series is the base. ``target`` is the (year, value) aimed at.
    """
    if base is None:
        if not points:
            return Status("insufficient-data", "none", {"reason": "no values"})
        base, points = points[0], points[1:]
    later = [p for p in points if p[0] > base[0]]
    if not later:
        return Status(
            "insufficient-data", "none", {"reason": "no value after the base year", "t_0": base[0]}
        )
    t, y_t = later[-1]
    t_0, y_0 = base
    if direction == "maintain":
        return _maintain(t_0, y_0, t, y_t, target)
    d = -1 if direction == "decrease" else 1
    inputs: dict[str, str | int | None] = {
        "t_0": t_0,
        "y_0": _text(y_0),
        "t": t,
        "y_t": _text(y_t),
        "d": d,
    }
    if y_0 == 0:
        y_0 = ZERO_STANDIN
        inputs["y_0_used"] = _text(y_0)
    observed = growth(y_t, y_0, t - t_0)
    if target is None:
        return _without_target(observed, d, inputs)
    return _with_target(observed, d, y_0, y_t, target, inputs)


def _without_target(
    observed: Decimal | None, d: int, inputs: dict[str, str | int | None]
) -> Status:
    if observed is None:
        inputs["reason"] = "base and latest values of opposite signs"
        return Status("insufficient-data", "growth", inputs)
    rate = observed * d
    inputs.update(cagr_o=_text(observed), d_cagr_o=_text(rate))
    inputs.update(zip(("high", "medium", "low"), map(_text, NO_TARGET), strict=True))
    return Status(_band(rate, NO_TARGET), "growth", inputs)


def _with_target(
    observed: Decimal | None,
    d: int,
    y_0: Decimal,
    y_t: Decimal,
    target: tuple[int, Decimal],
    inputs: dict[str, str | int | None],
) -> Status:
    t_T, y_T = target
    inputs.update(t_T=t_T, y_T=_text(y_T))
    if (d == 1 and y_t >= y_T) or (d == -1 and y_t <= y_T):
        return Status("target-achieved", "target", inputs)
    if y_T == 0:
        y_T = ZERO_STANDIN
        inputs["y_T_used"] = _text(y_T)
    t_0 = inputs["t_0"]
    assert isinstance(t_0, int)
    required = growth(y_T, y_0, t_T - t_0)
    if observed is None or required is None or required == 0:
        inputs["reason"] = "no growth rate between these values"
        return Status("insufficient-data", "target", inputs)
    ratio = observed / required
    inputs.update(cagr_o=_text(observed), cagr_r=_text(required), ratio=_text(ratio))
    inputs.update(zip(("high", "medium", "low"), map(_text, WITH_TARGET), strict=True))
    return Status(_band(ratio, WITH_TARGET), "target", inputs)


def _maintain(
    t_0: int, y_0: Decimal, t: int, y_t: Decimal, target: tuple[int, Decimal] | None
) -> Status:
    """napctl's own rule for `maintain` (Open SDG has none): the latest value within
    MAINTAIN_TOLERANCE of the target's value (else the base value) keeps it."""
    reference = target[1] if target is not None else y_0
    inputs: dict[str, str | int | None] = {
        "t_0": t_0,
        "y_0": _text(y_0),
        "t": t,
        "y_t": _text(y_t),
        "reference": _text(reference),
        "tolerance": _text(MAINTAIN_TOLERANCE),
    }
    if reference == 0:
        kept = y_t == 0
    else:
        gap = abs(y_t / reference - 1)
        inputs["gap"] = _text(gap)
        kept = gap <= MAINTAIN_TOLERANCE
    return Status("target-achieved" if kept else "deterioration", "maintain", inputs)
