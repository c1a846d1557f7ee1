"""The site's own labels, through one translator hook.

Every label the site prints (headings, column names, link texts) goes through
``gettext_for(lang)``, a ``_()`` in the gettext style. The translator installed
is napctl's gettext catalogs (``napctl.core.i18n``: fr, nl, de; English and
any language without a catalog read the English label); ``set_translator``
swaps in another one and every page follows. Plan text is never translated
here: it is the plan's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from napctl.core.i18n import LANGUAGES, language_code, translator

#: (language, message) -> the message in that language.
Translator = Callable[[str, str], str]


def catalogs(lang: str, message: str) -> str:
    """``message`` from napctl's catalog of ``lang`` (``fr-BE`` reads ``fr``); the English
    label for a language napctl has no catalog for."""
    code = language_code(lang)
    return translator(code).gettext(message) if code in LANGUAGES else message


_TRANSLATOR: list[Translator] = [catalogs]

#: A language tag as the site takes it for a folder name and an ``lang`` attribute.
LANG_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
DEFAULT_LANG = "en"


def set_translator(translator: Translator | None) -> None:
    """Install ``translator`` for every page built afterwards (None: the catalogs)."""
    _TRANSLATOR[0] = translator or catalogs


def gettext_for(lang: str) -> Callable[[str], str]:
    """``_()`` for one language; each label is looked up once (a page prints fifty,
    and the site has thousands of pages)."""
    translator = _TRANSLATOR[0]
    known: dict[str, str] = {}

    def _(message: str) -> str:
        found = known.get(message)
        if found is None:
            found = known[message] = translator(lang, message)
        return found

    return _


def plan_languages(plan: object) -> list[str]:
    """The languages a plan declares: ``languages`` (a list) when the model has it, else
    ``language``; English when neither is a usable tag."""
    declared = getattr(plan, "languages", None)
    found: list[str] = list(declared) if isinstance(declared, list | tuple) else []
    single = getattr(plan, "language", None)
    if not found and isinstance(single, str):
        found = [single]
    return [tag for tag in dict.fromkeys(t.strip().lower() for t in found) if LANG_TAG.match(tag)]


def site_languages(plans: Iterable[object], asked: Sequence[str] = ()) -> list[str]:
    """The site's languages: those asked for, else every plan's, first seen first."""
    if asked:
        return list(dict.fromkeys(asked))
    found: dict[str, None] = {}
    for plan in plans:
        found.update(dict.fromkeys(plan_languages(plan)))
    return list(found) or [DEFAULT_LANG]


def bad_languages(asked: Sequence[str]) -> list[str]:
    """The tags of ``asked`` that are not language tags (``en``, ``fr``, ``pt-BR``)."""
    return [tag for tag in asked if not LANG_TAG.match(tag)]
