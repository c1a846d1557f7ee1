"""A checklist's items with the year's progress, and the same items read back.

Each Markdown item a checklist renders with ``--year`` carries a marker, an
HTML comment (invisible on GitHub, kept by web editors) that records what the
item showed::

    - [ ] **II.2.3** Promote ... <!-- napctl: plan=lu-2018-2023 year=2020
      dept=MAEE%20D5 id=II.2.3 status=delayed digest=1a2b3c4d shown=5e6f7a8b -->

(on one line).

``digest`` is a hash of the department's whole progress entry as it was, so a
later edit of the YAML is noticed; ``shown`` is a hash of the fields the item
displays, as displayed, so an edit of the checklist is noticed. The lines a
person types into (``  - Summary: ...``, ``    - Value: ...``) are parsed back
by ``parse_items``; ``progress_import`` turns them into edits of the YAML.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

from markupsafe import Markup

from napctl.checks.progress import path_problem, responsible_among, url_problem
from napctl.core.i18n import N_
from napctl.model import Action, Plan
from napctl.model.monitoring import indicator_text
from napctl.model.progress import NOT_REPORTED, Entry, IndicatorReport, ProgressReport
from napctl.progress.indicator_hints import indicator_hints

#: Editable text fields: checklist label -> entry attribute.
TEXT_FIELDS = {
    N_("Summary"): "summary",
    "Obstacles": "obstacles",
    "Revised due": "revised_due",
    "Next steps": "next_steps",
    "Justification": "justification",
}
#: Which text fields an item shows even when empty, by status.
_SHOW_EMPTY = {
    "delayed": ("obstacles", "revised_due"),
    "discontinued": ("justification",),
    "not-applicable": ("justification",),
}

MARKER = re.compile(r"<!-- napctl: ([^<>]*?) -->")
HEADER = re.compile(r"<!-- napctl:checklist ([^<>]*?) -->")


def flat(text: str | None) -> str | None:
    """Text as one line shows it (the Markdown escaper folds whitespace the same way)."""
    if text is None:
        return None
    folded = " ".join(text.split())
    return folded or None


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def number_text(value: int | float | str) -> str:
    if isinstance(value, bool):  # not a value the schema lets through; never "True"
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def indicator_number(ref: int | str, names: Sequence[str]) -> int | None:
    if isinstance(ref, int):
        return ref if 1 <= ref <= len(names) else None
    return names.index(ref) + 1 if ref in names else None


def indicator_values(entry: Entry, names: Sequence[str]) -> dict[int, str]:
    """Indicator number -> its value as the checklist shows it (the last report wins)."""
    values: dict[int, str] = {}
    for item in entry.indicators:
        n = indicator_number(item.indicator, names)
        if n is None:
            continue
        if item.value is not None:
            text = number_text(item.value) + (f" {item.unit}" if item.unit else "")
        else:
            text = item.note or ""
        if flat(text):
            values[n] = flat(text) or ""
    return values


def shown_fields(entry: Entry, action: Action) -> dict[str, Any]:
    """The values an item displays, as displayed: what `shown` hashes."""
    values = indicator_values(entry, action.indicator_texts())
    return {
        "status": entry.status,
        **{attr: flat(_text(getattr(entry, attr))) for attr in TEXT_FIELDS.values()},
        "indicators": {str(n): values.get(n) for n in range(1, len(action.indicators) + 1)},
    }


def short_hash(data: object) -> str:
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:8]


#: Keys indicator entries gained after checklists were first written: left out of the
#: digest while unset, so a checklist written before them keeps its digest.
_LATER_KEYS = ("narrative", "period", "disaggregation")


def entry_digest(entry: Entry) -> str:
    """A hash of everything the entry says (a missing entry is a blank `not-reported`)."""
    data = dataclasses.asdict(entry)
    for item in data["indicators"]:
        for key in _LATER_KEYS:
            if item.get(key) is None:
                del item[key]
    return short_hash(data)


def blank(action_id: str) -> Entry:
    return Entry(id=action_id, status=NOT_REPORTED)


def safe_href(url: str | None, path: str | None) -> str | None:
    """A link target napctl will print: an http(s) URL or a repository-relative path."""
    if url is not None:
        return None if url_problem(url) else url.strip()
    if path is not None and not path_problem(path):
        return quote(path, safe="/._-~")
    return None


def marker_text(fields: dict[str, str]) -> str:
    return " ".join(f"{k}={quote(v, safe='._-~')}" for k, v in fields.items())


def base_marker(plan_id: str, year: int, code: str, entry: Entry, shown: dict[str, Any]) -> str:
    """What an item or a sheet row was made from: whose entry, its digest, what it shows."""
    return marker_text(
        {
            "plan": plan_id,
            "year": str(year),
            "dept": code,
            "id": entry.id,
            "status": entry.status,
            "digest": entry_digest(entry),
            "shown": short_hash(shown),
        }
    )


def parse_fields(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in text.split():
        key, sep, value = part.partition("=")
        if sep:
            out[key] = unquote(value)
    return out


@dataclass(slots=True)
class ChecklistProgress:
    """The progress of one year, indexed for the checklists that show it."""

    year: int
    #: (plan id, department) -> action id -> entry.
    entries: dict[tuple[str, str], dict[str, Entry]] = field(default_factory=dict)
    #: (plan id, department, action id) -> its indicator entries of earlier years,
    #: oldest first, with the year each refers to (``add_earlier``).
    earlier: dict[tuple[str, str, str], list[tuple[int, IndicatorReport]]] = field(
        default_factory=dict
    )

    @classmethod
    def of(cls, reports: Iterable[ProgressReport], year: int) -> ChecklistProgress:
        found = cls(year)
        for report in reports:
            if report.year == year:
                own = found.entries.setdefault((report.plan, report.department), {})
                for entry in report.actions:
                    own.setdefault(entry.id, entry)
        return found

    def add_earlier(self, reports: Iterable[ProgressReport]) -> None:
        """Keep the indicator values of years before this one (a checklist shows the last)."""
        for report in sorted(reports, key=lambda r: r.year):
            if report.year >= self.year:
                continue
            for entry in report.actions:
                for item in entry.indicators:
                    key = (report.plan, report.department, entry.id)
                    self.earlier.setdefault(key, []).append((item.period or report.year, item))

    def entry(self, plan_id: str, code: str, action_id: str) -> Entry:
        """What ``code`` reports on the action this year (a blank when nothing)."""
        return self.entries.get((plan_id, code), {}).get(action_id) or blank(action_id)

    def department_for(
        self, plan: Plan, action: Action, codes: frozenset[str], named: Sequence[str]
    ) -> str | None:
        """Whose report the item shows: the checklist's own department when it is responsible."""
        if action.for_all:  # every department reports: the checklist's own first
            first = next((c for c in named if c in codes), None)
            return (
                first
                if first is not None
                else next(iter(responsible_among(plan, action, codes)), None)
            )
        mine = responsible_among(plan, action, codes)
        for code in named:
            if code in mine:
                return code
        return mine[0] if mine else None

    def item(
        self, plan: Plan, action: Action, codes: frozenset[str], named: Sequence[str]
    ) -> dict[str, Any] | None:
        """What the templates show of ``action``'s progress, with the item's marker."""
        code = self.department_for(plan, action, codes, named)
        if code is None:
            return None
        entry = self.entry(plan.id, code, action.id)
        shown = shown_fields(entry, action)
        marker = base_marker(plan.id, self.year, code, entry, shown)
        empty = _SHOW_EMPTY.get(entry.status, ())
        hints = indicator_hints(action, self.earlier.get((plan.id, code, action.id), []), self.year)
        texts = [
            {"label": label, "value": shown[attr]}
            for label, attr in TEXT_FIELDS.items()
            if attr == "summary" or shown[attr] is not None or attr in empty
        ]
        return {
            "department": code,
            "status": entry.status,
            "completed": entry.status == "completed",
            "texts": texts,
            "indicators": [
                {
                    "n": int(n),
                    "text": indicator_text(action.indicators[int(n) - 1]),
                    "value": v,
                    **hints[int(n)],
                }
                for n, v in shown["indicators"].items()
            ],
            "evidence": [
                {
                    "title": e.title,
                    "href": safe_href(e.url, e.path),
                    "date": None if e.date is None else str(e.date),
                }
                for e in entry.evidence
            ],
            "marker": Markup(f"<!-- napctl: {marker} -->"),
        }


def header_marker(**fields: str | None) -> Markup:
    """The file's own marker: how to render it again (`progress import` does)."""
    given = {k: v for k, v in fields.items() if v is not None}
    return Markup(f"<!-- napctl:checklist {marker_text(given)} -->")
