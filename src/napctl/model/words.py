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

Other languages' words are entries in ``LANGUAGE_STATUS_WORDS`` and
``NUMBER_STYLES``, not code: a status typed in French, Dutch or German reads in any
checklist or sheet (``terminé``, ``lopend``, ``nicht begonnen``), and a number reads
the way the document's language writes it (``1.250.000`` and ``1,5`` in Dutch).
Accents are optional (``termine``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from napctl.model.progress import STATUSES, Status

#: A typed number may hold at most this many digits: enough for any amount in any
#: currency, and a bound on the work a 5,000-digit "number" costs.
MAX_DIGITS = 40

#: The statuses in the other languages napctl writes, as its catalogs say them (a test
#: holds them to the catalogs) and as people also type them.
LANGUAGE_STATUS_WORDS: dict[str, dict[str, Status]] = {
    "fr": {
        "non rapporté": "not-reported",
        "non commencé": "not-started",
        "pas commencé": "not-started",
        "non démarré": "not-started",
        "en cours": "ongoing",
        "retardé": "delayed",
        "retardée": "delayed",
        "en retard": "delayed",
        "terminé": "completed",
        "terminée": "completed",
        "achevé": "completed",
        "abandonné": "discontinued",
        "abandonnée": "discontinued",
        "non applicable": "not-applicable",
        "sans objet": "not-applicable",
    },
    "nl": {
        "niet gerapporteerd": "not-reported",
        "niet gestart": "not-started",
        "niet begonnen": "not-started",
        "lopend": "ongoing",
        "lopende": "ongoing",
        "vertraagd": "delayed",
        "voltooid": "completed",
        "afgerond": "completed",
        "stopgezet": "discontinued",
        "niet van toepassing": "not-applicable",
        "nvt": "not-applicable",
    },
    "de": {
        "nicht berichtet": "not-reported",
        "nicht begonnen": "not-started",
        "nicht gestartet": "not-started",
        "laufend": "ongoing",
        "in bearbeitung": "ongoing",
        "verzögert": "delayed",
        "abgeschlossen": "completed",
        "eingestellt": "discontinued",
        "nicht zutreffend": "not-applicable",
        "entfällt": "not-applicable",
    },
}

_SEPARATORS = re.compile(r"[\s_\-‐‑‒–—.]+")


def fold_word(word: str) -> str:
    """``Not Applicable``, ``not_applicable``, `` not-applicable `` -> ``not-applicable``;
    ``Terminé`` -> ``termine`` (accents optional); ``n.v.t.`` -> ``n-v-t``."""
    folded = _SEPARATORS.sub("-", word.strip().casefold()).strip("-")
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: Status words as people type them (folded by ``fold_word``) -> the status.
STATUS_WORDS: dict[str, Status] = {status: status for status in STATUSES}
for _words in LANGUAGE_STATUS_WORDS.values():
    STATUS_WORDS.update({fold_word(w): status for w, status in _words.items()})
STATUS_WORDS[fold_word("n.v.t.")] = "not-applicable"

# Space-like characters used to group thousands: space, no-break, narrow no-break, thin.
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"


def _number_pattern(group: str, decimal: str) -> re.Pattern[str]:
    """A number whose thousands are grouped by ``group`` (or by spaces) and whose
    fraction follows ``decimal``."""
    return re.compile(
        r"^(?P<sign>[-+−]?)"
        rf"(?P<int>[0-9]{{1,3}}(?:{group}[0-9]{{3}})+"
        rf"|[0-9]{{1,3}}(?:{_GROUP_SPACE}[0-9]{{3}})+|[0-9]+)"
        rf"(?:{decimal}(?P<frac>[0-9]+))?"
        # A unit never starts with a digit: "1 25" is not one with the unit "25".
        r"(?:\s+(?P<unit>[^\s0-9].*))?$",
        re.DOTALL,
    )


#: How each language writes a number: 1,250,000.5 in English; 1.250.000,5 (or with
#: spaces: 1 250 000,5) in French, Dutch and German. A language not listed reads as English.
NUMBER_STYLES: dict[str, re.Pattern[str]] = {
    "en": _number_pattern(",", r"\."),
    "fr": _number_pattern(r"\.", ","),
    "nl": _number_pattern(r"\.", ","),
    "de": _number_pattern(r"\.", ","),
}


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


def parse_number(text: str, lang: str = "en") -> TypedNumber | None:
    """``1 250 000 EUR`` -> 1250000, "EUR"; None when ``text`` does not start with a number.
    ``lang`` is the language of the document it was typed in (``1.250,5`` in ``nl``).

    Raises NumberError for a number of more than MAX_DIGITS digits.
    """
    found = NUMBER_STYLES.get(lang, NUMBER_STYLES["en"]).match(text.strip())
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
