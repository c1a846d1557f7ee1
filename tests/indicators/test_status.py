"""The progress status, against values computed by hand (docs/indicators.md).

Each expected growth rate below was worked out on paper from the formulas:
CAGR = (y_t / y_0) ** (1 / (t - t_0)) - 1, ratio = CAGR_o / CAGR_r.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from napctl.indicators.status import growth, progress_status


def test_growth_is_the_compound_annual_rate() -> None:
    # 100 -> 121 over two years is 10 % a year exactly.
    assert growth(D(121), D(100), 2) == D("0.1")
    assert growth(D(-5), D(10), 1) is None  # opposite signs: no rate


def test_increase_with_target_and_baseline() -> None:
    # base 100 (2017), 120 in 2020, target 150 by 2022:
    # CAGR_o = 1.2^(1/3) - 1 = 0.06265857, CAGR_r = 1.5^(1/5) - 1 = 0.08447177,
    # ratio = 0.74176933 -> between 0.6 and 0.95: moderate progress.
    status = progress_status([(2020, D(120))], "increase", (2017, D(100)), (2022, D(150)))
    assert status.status == "moderate-progress"
    assert status.inputs["cagr_o"] == "0.0626585692"
    assert status.inputs["cagr_r"] == "0.0844717712"
    assert status.inputs["ratio"] == "0.7417693307"
    assert float(status.inputs["ratio"]) == pytest.approx(0.741769330679, abs=1e-10)
    assert (status.inputs["t_0"], status.inputs["y_0"], status.inputs["t"]) == (2017, "100", 2020)


def test_target_reached_is_target_achieved() -> None:
    status = progress_status([(2020, D(150))], "increase", (2017, D(100)), (2022, D(150)))
    assert status.status == "target-achieved"


def test_decrease_with_target() -> None:
    # 40 -> 36 over one year; target 20 by 2022: CAGR_o = -0.1, CAGR_r = 0.5^(1/5) - 1
    # = -0.12944944; ratio = 0.77250240 -> moderate progress.
    status = progress_status([(2018, D(36))], "decrease", (2017, D(40)), (2022, D(20)))
    assert status.status == "moderate-progress"
    assert status.inputs["ratio"] == "0.7725023959"
    # Reaching 20 or less is the target achieved, whatever the growth.
    assert progress_status([(2018, D(20))], "decrease", (2017, D(40)), (2022, D(20))).status == (
        "target-achieved"
    )


def test_decrease_moving_the_wrong_way_is_deterioration() -> None:
    status = progress_status([(2019, D(44))], "decrease", (2017, D(40)), (2022, D(20)))
    assert status.status == "deterioration"


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (D("104"), "substantial-progress"),  # 100 -> 104 in 2 years: 1.98 % a year
        (D("101.5"), "moderate-progress"),  # 0.75 % a year: between 0.5 and 1.5 %
        (D("100.5"), "limited-progress"),  # 0.25 % a year
        (D("99"), "deterioration"),
    ],
)
def test_without_target_against_fixed_rates(latest: D, expected: str) -> None:
    # No baseline: the first value (2018) is the base.
    status = progress_status([(2018, D(100)), (2020, latest)], "increase", None, None)
    assert status.status == expected
    assert status.method == "growth"
    assert status.inputs["t_0"] == 2018


def test_without_target_decrease_flips_the_sign() -> None:
    # 100 -> 99 over 2 years: CAGR = -0.5012563 %; d = -1 makes it +0.50126 %: moderate.
    status = progress_status([(2018, D(100)), (2020, D(99))], "decrease", None, None)
    assert status.status == "moderate-progress"
    assert status.inputs["d_cagr_o"] == "0.0050125629"


def test_one_value_and_no_baseline_is_insufficient_data() -> None:
    assert progress_status([(2020, D(5))], "increase", None, None).status == "insufficient-data"
    assert progress_status([], "increase", None, (2022, D(5))).status == "insufficient-data"


def test_missing_years_use_the_elapsed_years() -> None:
    # 2018 and 2021 only: three years elapsed, 100 -> 133.1 is 10 % a year.
    status = progress_status([(2018, D(100)), (2021, D("133.1"))], "increase", None, None)
    assert status.inputs["cagr_o"] == "0.1"
    assert status.status == "substantial-progress"


def test_zero_base_uses_open_sdgs_stand_in() -> None:
    status = progress_status([(2018, D(0)), (2019, D(5))], "increase", None, (2022, D(10)))
    assert status.inputs["y_0_used"] == "0.001"
    # 0.001 -> 5 in one year against 0.001 -> 10 in four: ratio 4999 / 9 ~ 555
    assert status.status == "substantial-progress"


def test_maintain_within_tolerance() -> None:
    kept = progress_status([(2020, D("40.1"))], "maintain", (2017, D(40)), None)
    assert kept.status == "target-achieved"
    assert kept.inputs["gap"] == "0.0025"
    lost = progress_status([(2020, D(36))], "maintain", (2017, D(40)), None)
    assert lost.status == "deterioration"
    assert lost.inputs["gap"] == "0.1"


def test_a_growth_already_computed_gives_the_digits_of_its_own_inputs() -> None:
    """growth() keeps its results; 2.0 and 2 are equal Decimals but keyed apart."""
    first = growth(D("2.0"), D("1"), 3)
    second = growth(D("2"), D("1"), 3)
    assert first is not None and second is not None
    assert str(first) == str(second) == "0.259921049894873164767210607"
    assert growth(D("2.0"), D("1"), 3) is first
    assert growth(D("-2"), D("1"), 3) is None
    assert growth(D("2"), D("1"), 0) is None


@pytest.mark.parametrize(
    ("current", "base"),
    [("121", "100"), ("2.50", "1"), ("1", "3"), ("0.001", "7.25"), ("1234567.89", "0.3")],
)
def test_a_rate_over_one_year_has_the_digits_of_the_power(current: str, base: str) -> None:
    """Over one year the rate is the ratio less one, worked out without a power: the
    same digits (exponent and all) as the power of 1 gives."""
    import decimal

    from napctl.indicators.status import _growth

    ratio = D(current) / D(base)
    with decimal.localcontext(prec=28):
        by_power = ratio ** (D(1) / D(1)) - 1
    found = _growth(D(current), D(base), 1)
    assert found is not None and str(found) == str(by_power)
    assert found.as_tuple() == by_power.as_tuple()
