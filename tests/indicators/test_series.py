"""Series built from the test plan's progress files: combined values, disaggregations,
cumulative totals, narratives, and the statuses worked out by hand."""

from __future__ import annotations

from decimal import Decimal as D

from napctl.indicators.series import Series
from tests.indicators.conftest import series_of


def test_sum_of_departments_per_year(series: dict[str, Series]) -> None:
    s = series["P1.1.1 #1"]
    # DEF 60 + POL 45; 2019 only DEF (a missing report is no value, not 0); 64 + 56.
    assert s.combined == {2018: D(105), 2019: D(70), 2020: D(120)}
    assert s.baseline == (2017, D(100))
    # base 100 (2017) -> 120 (2020), target 150 by 2022: ratio 0.74177 (test_status).
    assert s.status.status == "moderate-progress"
    assert s.status.inputs["ratio"] == "0.7417693307"


def test_per_department_statuses(series: dict[str, Series]) -> None:
    s = series["P1.1.1 #1"]
    # DEF alone: 100 (2017) -> 64 (2020) is a fall: deterioration.
    assert s.departments["DEF"].status == "deterioration"
    assert s.departments["POL"].status == "deterioration"  # 100 -> 56


def test_disaggregations_add_up_across_departments(series: dict[str, Series]) -> None:
    s = series["P1.1.1 #1"]
    assert s.combined_disaggregation == {2018: {"rank": {"junior": D(90), "senior": D(15)}}}
    def_2018 = next(p for p in s.points if p.department == "DEF" and p.year == 2018)
    assert def_2018.disaggregation == {"rank": {"junior": D(50), "senior": D(10)}}


def test_mean_of_percentages_keeps_exact_decimals(series: dict[str, Series]) -> None:
    s = series["P1.1.1 #2"]
    # (12 + 18.5) / 2, "18.5" typed as text: no float on the way.
    assert s.combined[2018] == D("15.25")
    assert s.combined[2020] == D("17.5")
    # no baseline, no target: 15.25 -> 17.5 over two years is 7.12 % a year.
    assert s.status.status == "substantial-progress"


def test_decrease_reaching_its_target(series: dict[str, Series]) -> None:
    s = series["P1.1.2 #1"]
    # 30 in 2020 meets the 2020 target of 30 (the first target due then or later).
    assert s.target_for(2020) == (2020, D(30))
    assert s.status.status == "target-achieved"


def test_cumulative_running_totals(series: dict[str, Series]) -> None:
    s = series["P1.1.2 #2"]
    assert s.combined == {2018: D(200), 2019: D(450), 2020: D(750)}
    # base 200 (2018) -> 750 (2020): 93.65 % a year; needed 200 -> 1000 by 2022:
    # 49.53 % a year; ratio 1.89 -> substantial progress.
    assert s.status.status == "substantial-progress"
    assert float(s.status.inputs["ratio"]) > 1.8


def test_maintained_indicator_that_slipped(series: dict[str, Series]) -> None:
    s = series["P1.1.3 #1"]
    assert s.status.status == "deterioration"
    assert s.status.inputs["gap"] == "0.1"


def test_qualitative_indicator_keeps_narratives(series: dict[str, Series]) -> None:
    s = series["P1.1.3 #2"]
    assert [(p.year, p.narrative) for p in s.points] == [
        (2018, "Survivors say the line is hard to reach at night."),
        (2020, "Night hours were added; callers found it easier."),
    ]
    assert s.status.status == "insufficient-data"
    assert s.status.inputs == {"reason": "qualitative indicator"}


def test_years_and_actor_narrow_the_series() -> None:
    only = series_of(years={2018, 2020}, codes={"POL"})
    s = only["P1.1.1 #1"]
    assert s.combined == {2018: D(45), 2020: D(56)}
    assert "P1.1.2 #2" in only  # it has a target, so it is listed, with no values
    assert only["P1.1.2 #2"].combined == {}
