"""Indicators on the site: the action page's "indicators" section (``@section``) and a
page per indicator (``@page_kind("indicator")``, ``<plan>/indicators/<action>-<n>/``).

Both show what the dashboard shows (``render/indicators.indicator_rows``: the
series of ``napctl.indicators``): each year's combined value against the
baseline and the target of that year, and the progress status; the table first,
then the line chart, its numbers in text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from napctl.render.indicators import indicator_rows
from napctl.site.data import PlanData, SiteData
from napctl.site.kinds import action_address, plan_address, segment
from napctl.site.pages import Cell, Link, Page, Section, Table, page_kind, section

Gettext = Callable[[str], str]


def indicator_address(plan_id: str, action_id: str, number: int) -> tuple[str, ...]:
    return (segment(plan_id), "indicators", f"{segment(action_id)}-{number}")


def plan_indicators(data: PlanData) -> list[dict[str, Any]]:
    """The plan's indicator records up to the last year reported (the plan's end when
    nobody reported), computed once per build."""
    if data.indicators is None:
        year = data.years[-1] if data.years else data.plan.period.end
        data.indicators = indicator_rows(data.plan, data.reports, year)
        for record in data.indicators:
            data.indicators_by_action.setdefault(record["action"], []).append(record)
    return data.indicators


def _target(record: dict[str, Any], year: int | None) -> str | None:
    """The target that holds in ``year``: the first one due then or later, else the last."""
    targets = record["targets"]
    if not targets:
        return None
    due = [t for t in targets if year is None or t["year"] >= year] or targets[-1:]
    return f"{due[0]['value']} ({due[0]['year']})"


def _baseline(record: dict[str, Any]) -> str | None:
    base = record["baseline"]
    return None if base is None else f"{base['value']} ({base['year']})"


def _series_table(_: Gettext) -> Table:
    return Table(
        ("indicator", "text", "unit", "baseline", "year", "value", "target", "status"),
        (
            _("Indicator"),
            _("Text"),
            _("Unit"),
            _("Baseline"),
            _("Year"),
            _("Value"),
            _("Target"),
            _("Status"),
        ),
    )


def _status(record: dict[str, Any], _: Gettext) -> str:
    """The record's progress status in the page's language (a word of the catalogs)."""
    word = str(record["status_label"])
    return _(word)


def _series_rows(record: dict[str, Any], first: Cell, _: Gettext) -> list[tuple[Cell, ...]]:
    """One row per year with a combined value (one row without a year when none)."""
    status = _status(record, _)
    common = (first, record["text"], record["unit"], _baseline(record))
    years = record["combined"] or [{"year": None, "value": None}]
    return [(*common, y["year"], y["value"], _target(record, y["year"]), status) for y in years]


def _line(record: dict[str, Any], _: Gettext) -> dict[str, Any] | None:
    if record["chart"] is None:
        return None
    return {**record["chart"], "label": record["label"], "status": _status(record, _)}


@section("action", "indicators", order=10)
def action_indicators(page: Page, site: SiteData, _: Gettext) -> Section | None:
    """Each indicator of the action: its values year by year against baseline and
    target with its status, linked to the indicator's page; then its chart."""
    data = page.plan
    if data is None:
        return None
    _pillar, _goal, action = page.subject
    names = action.indicator_texts()
    plan_indicators(data)
    records = {r["indicator"]: r for r in data.indicators_by_action.get(action.id, [])}
    table = _series_table(_)
    lines = []
    for n, text in enumerate(names, 1):
        record = records.get(n)
        if record is None:
            table.rows.append((f"{action.id} #{n}", text, None, None, None, None, None, None))
            continue
        link = Link(record["label"], indicator_address(data.id, action.id, n))
        table.rows.extend(_series_rows(record, link, _))
        line = _line(record, _)
        if line is not None:
            lines.append(line)
    note = None if names else _("The plan sets no indicator for this action.")
    return Section("indicators", _("Indicators"), table, note=note, lines=lines)


@page_kind("indicator")
def indicator_pages(site: SiteData, _: Gettext) -> Iterator[Page]:
    """A page per indicator that has values, a baseline or targets."""
    for data in site.plans:
        for record in plan_indicators(data):
            action = record["action"]
            yield Page(
                "indicator",
                indicator_address(data.id, action, record["indicator"]),
                f"{_('Indicator')} {record['label']}",
                subject=record,
                plan=data,
                facts=[
                    (_("Indicator"), record["text"]),
                    (_("Action"), Link(action, action_address(data.id, action))),
                    (_("Unit"), record["unit"]),
                    (_("Baseline"), _baseline(record)),
                    (_("Status"), _status(record, _)),
                ],
                trail=[
                    Link(_("Plans"), ()),
                    Link(data.plan.title, plan_address(data)),
                    Link(f"{_('Action')} {action}", action_address(data.id, action)),
                ],
            )


@section("indicator", "values", order=10)
def indicator_series(page: Page, site: SiteData, _: Gettext) -> Section | None:
    """The combined value per year, then what each department reported."""
    record = page.subject
    table = _series_table(_)
    table.rows.extend(_series_rows(record, record["label"], _))
    line = _line(record, _)
    return Section("values", _("Values over the years"), table, lines=[line] if line else [])


@section("indicator", "reported", order=20)
def indicator_reported(page: Page, site: SiteData, _: Gettext) -> Section | None:
    record = page.subject
    table = Table(
        ("year", "department", "value", "unit", "narrative"),
        (_("Year"), _("Department"), _("Value"), _("Unit"), _("Narrative")),
    )
    for v in record["values"]:
        table.rows.append((v["year"], v["department"], v["value"], v["unit"], v["narrative"]))
    note = None if table.rows else _("No values reported yet.")
    return Section("reported", _("Values reported by each department"), table, note=note)
