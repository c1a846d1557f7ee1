"""Reading the cells of one action row the way the bundled plans' transcription rules do.

- Text cells (pillar, goal, action): line breaks are read as spaces.
- Indicators: one per line; a one-line cell is split at semicolons.
- Departments: separated by line breaks, semicolons or commas outside brackets;
  "MAEE D1, D5, D7" is MAEE D1, MAEE D5 and MAEE D7; text in brackets is the
  note of the department it follows, or its role when it names one in any
  language of ``napctl.sheets.headers.ROLE_WORDS`` ("(partner)", "(appui)");
  "D7/Luxembourg Army" is MAEE D7 with the note "Luxembourg Army" when both
  name the same department; codes and aliases match ignoring case. An unknown
  code is added to the registry, unless it is a near miss of a known one (then
  it is an error with a suggestion).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from napctl.core.messages import close_matches, did_you_mean
from napctl.model import ALL, Plan
from napctl.model.types import MAX_CODE_LENGTH
from napctl.sheets.headers import role_of
from napctl.sheets.unpillars import guess_un_pillars as guess_un_pillars
from napctl.sheets.unpillars import un_pillar_list as un_pillar_list

_BULLET = re.compile(r"^\s*(?:[-•*–·]|\d+[.)])\s+")
_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")


def one_line(value: str) -> str:
    """A text cell: its lines joined by single spaces."""
    return " ".join(part.strip() for part in value.splitlines() if part.strip())


def indicator_list(value: str) -> list[str]:
    lines = [line for line in value.splitlines() if line.strip()]
    if len(lines) == 1:
        lines = lines[0].split(";")
    return [_BULLET.sub("", line).strip() for line in lines if _BULLET.sub("", line).strip()]


def note_list(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


_YEAR = re.compile(r"^\d{4}$")
#: An amount, with an ISO currency code before or after it: "50 000 EUR", "EUR 1,500.50".
_AMOUNT = re.compile(r"^(?:([A-Z]{3})\s*)?(\d{1,3}(?:[ ,]\d{3})+|\d+)(\.\d+)?(?:\s*([A-Z]{3}))?$")


def deadline_value(value: str) -> int | str:
    """A deadline cell: a year (2025) as a number, any other text (a date) as it is."""
    text = one_line(value)
    return int(text) if _YEAR.match(text) and 1900 <= int(text) <= 2200 else text


def budget_value(value: str) -> dict[str, Any]:
    """A budget cell: an amount (and its currency) on its first line when it is one; the
    other lines (all of them, when the first is no amount) are the budget's notes."""
    lines = note_list(value)
    if not lines:
        return {}
    match = _AMOUNT.match(lines[0])
    if match is None or (match.group(1) and match.group(4)):
        return {"notes": lines}
    whole = int(match.group(2).replace(",", "").replace(" ", ""))
    budget: dict[str, Any] = {"amount": whole + float(match.group(3)) if match.group(3) else whole}
    if match.group(1) or match.group(4):
        budget["currency"] = match.group(1) or match.group(4)
    if lines[1:]:
        budget["notes"] = lines[1:]
    return budget


_YES = {
    "yes": True,
    "y": True,
    "true": True,
    "oui": True,
    "no": False,
    "n": False,
    "false": False,
    "non": False,
}


def allocated_value(value: str) -> bool:
    """A budget-allocated cell: yes or no (oui/non, true/false). Raises ValueError."""
    found = _YES.get(one_line(value).casefold())
    if found is None:
        raise ValueError(f"budget allocated is {one_line(value)!r}; write yes or no")
    return found


def split_actors(value: str) -> list[str]:
    """The actors of a cell: split at line breaks, semicolons and commas outside brackets."""
    parts: list[str] = []
    depth, current = 0, list[str]()
    for char in value:
        if char in "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if depth == 0 and char in ",;\n":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


@dataclass(slots=True)
class Registry:
    """Codes and aliases of a plan's departments, plus those an import adds."""

    codes: dict[str, str] = field(default_factory=dict)  # folded code or alias -> code
    known: list[str] = field(default_factory=list)  # codes and aliases, for suggestions
    added: list[str] = field(default_factory=list)  # new codes, in the order first met

    @classmethod
    def of(cls, plan: Plan) -> Registry:
        reg = cls()
        for dept in plan.departments:
            reg.codes.setdefault(dept.code.casefold(), dept.code)
            reg.known.append(dept.code)
            for alias in dept.aliases:
                reg.codes.setdefault(alias.casefold(), dept.code)
                reg.known.append(alias)
        return reg

    def find(self, name: str) -> str | None:
        if name.casefold() == ALL.casefold():
            return ALL
        return self.codes.get(name.casefold())

    def near_miss(self, name: str) -> str | None:
        close = close_matches(name, self.known, cutoff=0.8) or close_matches(
            name, self.known, ignore_case=True, cutoff=0.8
        )
        return close[0] if close else None

    def add(self, code: str) -> str:
        # Not a suggestion target: "MAEE D2" is no typo of the "MAEE D1" met a row before.
        self.codes[code.casefold()] = code
        self.added.append(code)
        return code


class ActorError(ValueError):
    """An actor that is neither known nor new: a near miss of a known code."""


def _brackets(token: str) -> tuple[str, list[str]]:
    inside: list[str] = []
    while True:
        match = _BRACKET.search(token)
        if not match or not token[: match.start()].strip():
            return token.strip(), inside
        inside.insert(0, match.group(1).strip())
        token = token[: match.start()]


def _resolve(name: str, previous: str | None, reg: Registry) -> tuple[str | None, str | None]:
    """(code, note) for a printed name, or (None, None) when it is unknown."""
    code = reg.find(name)
    if code is not None:
        return code, None
    if previous and " " in previous and " " not in name:
        # Shorthand: "D5" after "MAEE D1" is "MAEE D5".
        code = reg.find(f"{previous.rsplit(' ', 1)[0]} {name}")
        if code is not None:
            return code, None
    head, slash, tail = name.partition("/")
    if slash and tail.strip():
        code, _ = _resolve(head.strip(), previous, reg)
        if code is not None and reg.find(tail.strip()) == code:
            return code, tail.strip()
    return None, None


def parse_actors(value: str, reg: Registry) -> Iterator[str | dict[str, Any]]:
    """The assignments of a departments cell, as plan-file data. Raises ActorError."""
    previous: str | None = None
    for token in split_actors(value):
        name, inside = _brackets(token)
        code, note = _resolve(name, previous, reg)
        if code is None:
            code = _new_code(name, previous, reg)
        entry: dict[str, Any] = {"code": code}
        for word in inside:
            role = role_of(word)
            if role is not None and "role" not in entry:
                entry["role"] = role
            elif word:
                note = f"{note}; {word}" if note else word
        if note:
            entry["note"] = note
        previous = code
        yield entry if len(entry) > 1 else code


def _dq(text: str) -> str:
    return f'"{text}"'


def _new_code(name: str, previous: str | None, reg: Registry) -> str:
    candidates = [name]
    if previous and " " in previous and " " not in name:
        candidates.insert(0, f"{previous.rsplit(' ', 1)[0]} {name}")
    for candidate in candidates:
        close = reg.near_miss(candidate)
        if close is not None:
            raise ActorError(
                f'unknown department "{candidate}"{did_you_mean([close], quote=_dq)}'
                " (add it to the registry first if it is a new department)"
            )
    if len(name) > MAX_CODE_LENGTH:
        raise ActorError(
            f'department "{name[:40]}…" is longer than {MAX_CODE_LENGTH} characters;'
            " is it a sentence rather than a code?"
        )
    return reg.add(name)


def roman(n: int) -> str:
    """1 -> I, 14 -> XIV: the pillar numbering of derived ids."""
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out
