"""The target column of an action matrix: one target per indicator, a line each.

"20 % by 2025", "20 % d'ici 2025", "raise to 20 %", "20%", "1 500 (2026)" and
"Une cellule dans chaque commissariat" are targets: a year of four digits is the
target's ``year`` (none when the cell prints none); the first number, read by
``napctl.model.words.parse_number`` in the plan's language, its ``value``, with
``unit: "%"`` for a share; a cell without a number is a qualitative target
(``text``). The indicator the target belongs to becomes a mapping (``text``,
``targets``) as in ``docs/indicators.md``.

With ``--update``, a row's target is compared with the plan's targets of the
indicator its action shows (its own, or its result's): a target of the same year,
else the only one, is replaced, else the row's is added (``target_updates``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from napctl.model import Target, indicator_text
from napctl.model.words import NumberError, parse_number

if TYPE_CHECKING:
    from napctl.sheets.cells import Cell
    from napctl.sheets.merge_state import Merge

_YEAR = re.compile(r"\(?\b((?:19|20)\d{2})\b\)?")
_FIRST_DIGIT = re.compile(r"[-+−]?\d")
_NONE = ("", "-", "–", "—")


def _number(value: Decimal) -> int | str:
    """An exact value as YAML writes it: a whole number, or the digits as text."""
    return int(value) if value == value.to_integral_value() else format(value, "f")


def target_of(cell: str, lang: str) -> dict[str, Any]:
    """One line of a target cell as a plan's target (ValueError: a number too long)."""
    line = " ".join(cell.split())
    years = _YEAR.findall(line)
    rest = _YEAR.sub(" ", line) if years else line
    rest = re.sub(r"(\d)%", r"\1 %", rest)  # "20%": parse_number wants a space before a unit
    digit = _FIRST_DIGIT.search(rest)
    try:
        found = parse_number(rest[digit.start() :], lang) if digit else None
    except NumberError as exc:
        raise ValueError(str(exc)) from None
    if found is None:
        return {"text": line}
    target: dict[str, Any] = {"year": int(years[-1])} if years else {}
    target["value"] = _number(found.value)
    if (found.unit or "").startswith("%"):
        target["unit"] = "%"
    return target


def with_targets(indicators: list[str], cell: str, lang: str) -> list[Any]:
    """``indicators`` with the target of each line of ``cell`` (ValueError when the lines
    and the indicators do not pair up, or a number is too long)."""
    lines = [line.strip() for line in cell.strip().splitlines()]
    if not any(lines):
        return list(indicators)
    if len(lines) != len(indicators):
        raise ValueError(
            f"{len(lines)} target lines for {len(indicators)} indicators: give one line"
            " per indicator, in their order ('-' for none)"
        )
    out: list[Any] = []
    for text, line in zip(indicators, lines, strict=True):
        out.append(text if line in _NONE else {"text": text, "targets": [target_of(line, lang)]})
    return out


def texts(indicators: list[Any]) -> list[str]:
    """Indicators as their texts, whether the row gave targets or not."""
    return [i["text"] if isinstance(i, dict) else i for i in indicators]


def _plain(value: Any, lang: str) -> Any:
    """A target's value as compared: an exact number where it is one, else as written."""
    if isinstance(value, bool) or value is None:
        return value
    try:
        found = parse_number(str(value), lang)
    except NumberError:
        return str(value)
    return found.value if found is not None and found.unit is None else str(value)


def _compared(target: dict[str, Any], lang: str) -> tuple[Any, ...]:
    return (
        target.get("year"),
        _plain(target.get("value"), lang),
        target.get("unit"),
        target.get("text"),
    )


def _data(target: Target) -> dict[str, Any]:
    """A plan's target as plan-file data, keys in the order the plan files use."""
    pairs = (
        ("year", target.year),
        ("value", target.value),
        ("text", target.text),
        ("unit", target.unit),
        ("notes", list(target.notes)),
    )
    return {k: v for k, v in pairs if v is not None and v != []}


def _with(targets: list[dict[str, Any]], new: dict[str, Any]) -> list[dict[str, Any]]:
    """``targets`` with ``new`` in place of the one of its year (else of the only one),
    or added; a replaced target keeps its notes."""
    years = [t.get("year") for t in targets]
    at = None
    if "year" in new and new["year"] in years:
        at = years.index(new["year"])
    elif len(targets) == 1 and (years[0] is None or "year" not in new):
        at = 0
    if at is None:
        return [*targets, new]
    notes = {"notes": targets[at]["notes"]} if "notes" in targets[at] else {}
    return [*targets[:at], {**new, **notes}, *targets[at + 1 :]]


def target_updates(merge: Merge, action_id: str, given: list[Any], cell: Cell | None) -> None:
    """The row's targets that differ from the plan's, as updates of the targets of the
    indicator (its action's own or its result's; several rows of a result give it once)."""
    for indicator in given:
        if not isinstance(indicator, dict):
            continue
        shown = merge.shown.get(action_id, [])
        found = next(((p, i) for p, i in shown if indicator_text(i) == indicator["text"]), None)
        if found is None:  # a new indicator: the indicators' update writes it with its target
            continue
        path, known = found
        targets = [] if isinstance(known, str) else [_data(t) for t in known.targets]
        new = indicator["targets"][0]
        if any(_compared(t, merge.lang) == _compared(new, merge.lang) for t in targets):
            continue
        key, value = (*path, "targets"), _with(targets, new)
        if key not in merge.target_edits:
            merge.target_edits[key] = value
            merge.changes.updates.append((key, value))
        elif merge.target_edits[key] != value and cell is not None:
            merge.changes.problems.append(
                f"{cell.ref}: the rows of one result give other targets for"
                f" {indicator['text']!r}; give the same on each row"
            )
