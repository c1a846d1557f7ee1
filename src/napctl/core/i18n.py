"""The languages of napctl's outputs: gettext catalogs, numbers and dates.

Every label an output shows (report headings, checklist lines, table headers,
drop-down lists) goes through ``translator(lang)``; the catalogs are the
``locale/<lang>/LC_MESSAGES/napctl.mo`` files inside the package, compiled from
the ``.po`` files beside them (``pybabel compile``). The runtime is the standard
library's ``gettext``; Babel, when installed (the ``i18n`` extra), writes numbers
and dates the language's way. Without Babel, numbers are written without
grouping (``1250000``) and dates as they were given (ISO), as in English.

The command line's own messages and errors stay in English: only outputs are
translated.
"""

from __future__ import annotations

import datetime
import gettext as _gettext
import io
from decimal import Decimal
from functools import cache
from pathlib import Path

from napctl.core.readfile import read_file

#: The languages napctl has a complete catalog for (code -> the language's own name).
#: A new language is a catalog in ``locale/`` and one entry here.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "nl": "Nederlands",
    "de": "Deutsch",
}
DEFAULT_LANGUAGE = "en"
DOMAIN = "napctl"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

#: The locale Babel formats each language with: Belgian usage for French and Dutch.
_BABEL_LOCALES = {"en": "en", "fr": "fr_BE", "nl": "nl_BE", "de": "de"}
# Dates stay ISO in English, as every English output has always written them.
_DATE_FORMATS = {"fr": "d MMMM y", "nl": "d MMMM y", "de": "d. MMMM y"}


class UnknownLanguageError(ValueError):
    """A language napctl has no catalog for (a usage error)."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            f"no catalog for language '{lang}'; napctl has: {', '.join(sorted(LANGUAGES))}"
        )


def language_code(text: str) -> str:
    """``fr-BE``, ``FR``, ``fr_BE`` -> ``fr``."""
    return text.strip().replace("_", "-").split("-")[0].casefold()


def choose_language(requested: str | None, plan_language: str | None = None) -> str:
    """``--lang`` when given (an unknown one is an error), else the plan's language when
    napctl has a catalog for it, else English."""
    if requested is not None:
        code = language_code(requested)
        if code not in LANGUAGES:
            raise UnknownLanguageError(requested)
        return code
    if plan_language is not None and language_code(plan_language) in LANGUAGES:
        return language_code(plan_language)
    return DEFAULT_LANGUAGE


@cache
def translator(lang: str) -> _gettext.NullTranslations:
    """The catalog of ``lang`` (English when napctl has none)."""
    if lang not in LANGUAGES:
        raise UnknownLanguageError(lang)
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        return _gettext.GNUTranslations(io.BytesIO(read_file(path, kind="catalog")))
    except OSError:
        # A package built without its catalogs still answers, in the source's English.
        return _gettext.NullTranslations()


def _babel_locale(lang: str) -> str | None:
    try:
        import babel  # noqa: F401  # an optional extra: imported only when formatting
    except ImportError:
        return None
    return _BABEL_LOCALES.get(lang)


def format_number(value: int | Decimal, lang: str) -> str:
    """``1250000`` as ``1 250 000`` (fr), ``1.250.000`` (nl, de), ``1,250,000`` (en)."""
    locale = _babel_locale(lang)
    if locale is None:
        return str(value)
    from babel.numbers import format_decimal  # optional extra (see _babel_locale)

    return str(format_decimal(value, locale=locale, decimal_quantization=False))


def format_date(text: str, lang: str) -> str:
    """An ISO date (``2024-01-31``) with the language's month names (``31 janvier 2024``);
    any other text as given, and every date as given in English or without Babel."""
    pattern = _DATE_FORMATS.get(lang)
    locale = _babel_locale(lang) if pattern else None
    if locale is None or pattern is None:
        return text
    try:
        day = datetime.date.fromisoformat(text.strip())
    except ValueError:
        return text
    from babel.dates import format_date as babel_date  # optional extra

    return str(babel_date(day, pattern, locale=locale))


def N_(message: str) -> str:  # gettext's name for "extract, translate later"
    """``message`` itself: marks a word for the catalogs where it is not yet translated."""
    return message


#: The words of the model that outputs show (statuses, roles, reporting frequencies, UN
#: pillars): translated with ``term()``; a test holds this list to the model's own.
VOCABULARY = (
    N_("not-reported"),
    N_("not-started"),
    N_("ongoing"),
    N_("delayed"),
    N_("completed"),
    N_("discontinued"),
    N_("not-applicable"),
    N_("lead"),
    N_("coordination"),
    N_("responsible"),
    N_("support"),
    N_("partner"),
    N_("funder"),
    N_("annual"),
    N_("biennial"),
    N_("mid-term"),
    N_("final"),
    N_("once"),
    N_("quarterly"),
    N_("semi-annual"),
    N_("government"),
    N_("parliament"),
    N_("independent-body"),
    N_("civil-society"),
    N_("international-organisation"),
    N_("donor"),
    N_("other"),
    N_("participation"),
    N_("prevention"),
    N_("protection"),
    N_("relief-and-recovery"),
)


def term(word: str, lang: str) -> str:
    """A word of the model (``completed``, ``lead``) in ``lang``."""
    return translator(lang).gettext(word)


def every_language(labels: tuple[str, ...]) -> dict[str, str]:
    """Each label as every catalog writes it (``Statut``, ``Waarde``) -> the English one:
    what napctl wrote in any language reads back."""
    names = {label: label for label in labels}
    for lang in LANGUAGES:
        names.update({translator(lang).gettext(label): label for label in labels})
    return names
