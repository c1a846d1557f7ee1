"""The one parser of the words and numbers people type: statuses and values.

Checklists, progress sheets and any later reader call these two functions, so a
status or a number reads the same wherever it was typed:

- ``parse_status``: case, spaces, hyphens and underscores do not matter
  (``Not applicable``, ``not_applicable``, ``NOT-APPLICABLE``); a word is a
  status or it is refused, never read as the first word of one.
- ``parse_number``: digits are kept exactly as typed (a ``Decimal``, never a
  float), thousands may be grouped by spaces (also no-break and thin spaces) or
  by commas, and what follows the number is its unit (``1 250 000 EUR`` is
  1250000 and ``EUR``).

Other languages' words are entries in ``STATUS_WORDS``, not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from napctl.model.progress import STATUSES, Status

#: A typed number may hold at most this many digits: enough for any amount in any
#: currency, and a bound on the work a 5,000-digit "number" costs.
MAX_DIGITS = 40

#: Status words as people type them (folded by ``fold_word``) -> the status.
STATUS_WORDS: dict[str, Status] = {status: status for status in STATUSES}

_SEPARATORS = re.compile(r"[\s_\-‐‑‒–—]+")
# Space-like characters used to group thousands: space, no-break, narrow no-break, thin.
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_NUMBER = re.compile(
    r"^(?P<sign>[-+−]?)"
    rf"(?P<int>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,3}}(?:{_GROUP_SPACE}[0-9]{{3}})+|[0-9]+)"
    r"(?:\.(?P<frac>[0-9]+))?"
    # A unit never starts with a digit: "1 25" is not one with the unit "25".
    r"(?:\s+(?P<unit>[^\s0-9].*))?$",
    re.DOTALL,
)


def fold_word(word: str) -> str:
    """``Not Applicable``, ``not_applicable``, `` not-applicable `` -> ``not-applicable``."""
    return _SEPARATORS.sub("-", word.strip().casefold()).strip("-")


def parse_status(word: str) -> Status | None:
    """The status ``word`` names, or None when it names none."""
    return STATUS_WORDS.get(fold_word(word))


@dataclass(frozen=True, slots=True)
class TypedNumber:
    value: Decimal
    unit: str | None

    @property
    def text(self) -> str:
        """The number's digits as typed, without grouping: ``1250000``, ``-3.50``."""
        return format(self.value, "f")


class NumberError(ValueError):
    """A number that cannot be kept exactly (too many digits)."""


def parse_number(text: str) -> TypedNumber | None:
    """``1 250 000 EUR`` -> 1250000, "EUR"; None when ``text`` does not start with a number.

    Raises NumberError for a number of more than MAX_DIGITS digits.
    """
    found = _NUMBER.match(text.strip())
    if found is None:
        return None
    whole = re.sub(r"[^0-9]", "", found["int"])
    fraction = found["frac"] or ""
    if len(whole.lstrip("0")) + len(fraction) > MAX_DIGITS:
        raise NumberError(f"a number of more than {MAX_DIGITS} digits cannot be kept exactly")
    sign = "-" if found["sign"] in ("-", "−") else ""
    value = Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    unit = found["unit"].strip() if found["unit"] else None
    return TypedNumber(value, unit)


def number_of(value: object) -> TypedNumber | None:
    """A value read from a file as an exact number, or None when it is not one.

    Text goes through ``parse_number`` (``"1 250 EUR"``); an integer is kept as it
    is. YAML reads an unquoted ``2.50`` as a binary float before napctl sees it:
    its shortest decimal form (``2.5``) is the number typed for up to 15
    significant digits; quote a value to keep every digit as typed.
    Raises NumberError as ``parse_number`` does.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return TypedNumber(Decimal(value), None)
    if isinstance(value, float):
        text = repr(value)
        return TypedNumber(Decimal(text), None) if text not in ("inf", "-inf", "nan") else None
    if isinstance(value, str):
        return parse_number(value)
    return None
