"""The target column of an action matrix: one target per indicator, a line each.

"20 % by 2025", "20 % d'ici 2025", "raise to 20 %", "20%", "1 500 (2026)" and
"Une cellule dans chaque commissariat" are targets: a year of four digits is the
target's ``year`` (none when the cell prints none); the first number, read by
``napctl.model.words.parse_number`` in the plan's language, its ``value``, with
``unit: "%"`` for a share; a cell without a number is a qualitative target
(``text``). The indicator the target belongs to becomes a mapping (``text``,
``targets``) as in ``docs/indicators.md``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from napctl.model.words import NumberError, parse_number

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
