"""The catalogs: complete in every language, in step with the sources, compiled."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from napctl.core.i18n import (
    LANGUAGES,
    LOCALE_DIR,
    VOCABULARY,
    UnknownLanguageError,
    choose_language,
    format_date,
    format_number,
)
from napctl.model.progress import STATUSES
from napctl.model.types import UN_PILLARS
from tests.conftest import ROOT

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def po(lang: str) -> Catalog:
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "napctl.po", "rb") as handle:
        return read_po(handle, locale=lang)


@lru_cache(maxsize=1)
def source_messages() -> frozenset[object]:
    """Every message the sources mark, extracted as `pybabel extract -F babel.cfg` does."""
    found: set[object] = set()
    for root, method, options in [
        ("src/napctl", "python", {}),
        ("templates", "jinja2", {"extensions": "jinja2.ext.i18n", "trim_blocks": "True"}),
    ]:
        pattern = "**.py" if method == "python" else "**.j2"
        for _file, _line, message, _comments, _ctx in extract_from_dir(
            ROOT / root,
            [(pattern, method)],
            {pattern: options},
            keywords=KEYWORDS,
            comment_tags=(),
        ):
            found.add(message)
    return frozenset(found)


def test_languages_are_the_catalogs_in_the_package() -> None:
    folders = {p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/napctl.po")}
    assert folders == set(LANGUAGES) == {"en", "fr", "nl", "de"}


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_catalog_translates_every_message_of_the_sources(lang: str) -> None:
    catalog = po(lang)
    ids = {m.id for m in catalog if m.id}
    missing = source_messages() - ids
    assert not missing, f"{lang}: no translation for {sorted(map(str, missing))}"
    untranslated = [
        m.id for m in catalog if m.id and (m.fuzzy or not m.string or "" in list(m.string))
    ]
    assert untranslated == [], f"{lang}: untranslated or fuzzy: {untranslated}"
    stale = ids - source_messages()
    assert not stale, f"{lang}: messages no source uses any more: {stale}"


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_catalog_placeholders_match(lang: str) -> None:
    problems = [(m.id, [str(e) for e in errors]) for m, errors in po(lang).check()]
    assert problems == []


def test_a_broken_placeholder_is_found() -> None:
    catalog = Catalog(locale="fr")
    catalog.add("Goal %(id)s", "Objectif %(ident)s", flags=["python-format"])
    found = [str(e) for _m, errors in catalog.check() for e in errors]
    assert found and "ident" in found[0]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_compiled_catalog_is_the_po(lang: str) -> None:
    """The .mo in the package says what the .po says (run `pybabel compile` after an edit)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "napctl.mo"
    with open(path, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in po(lang):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            strings = list(message.string)
            assert compiled.ngettext(*message.id, 1) == strings[0], message.id
            assert compiled.ngettext(*message.id, 5) == strings[-1], message.id
        else:
            assert compiled.gettext(message.id) == message.string, message.id


def test_vocabulary_is_the_model_s() -> None:
    assert set(STATUSES) | set(UN_PILLARS) <= set(VOCABULARY)
    assert {"lead", "coordination", "annual", "biennial", "mid-term", "final", "once"} <= set(
        VOCABULARY
    )


def test_choose_language() -> None:
    assert choose_language(None, None) == "en"
    assert choose_language(None, "fr") == "fr"
    assert choose_language(None, "fr-BE") == "fr"
    assert choose_language(None, "es") == "en"  # no catalog: English, not an error
    assert choose_language("NL", "fr") == "nl"
    with pytest.raises(UnknownLanguageError, match="napctl has: de, en, fr, nl"):
        choose_language("xx", "fr")


def test_numbers_and_dates_the_language_s_way() -> None:
    assert format_number(1250000, "en") == "1,250,000"
    assert format_number(1250000, "fr") == "1\u202f250\u202f000"
    assert format_number(1250000, "nl") == "1.250.000"
    assert format_number(1250000, "de") == "1.250.000"
    assert format_date("2024-01-31", "fr") == "31 janvier 2024"
    assert format_date("2024-01-31", "nl") == "31 januari 2024"
    assert format_date("2024-01-31", "de") == "31. Januar 2024"
    assert format_date("2024-01-31", "en") == "2024-01-31"  # as English outputs always were
    assert format_date("spring 2024", "fr") == "spring 2024"


def test_without_babel_numbers_are_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "babel", None)
    assert format_number(1250000, "fr") == "1250000"
    assert format_date("2024-01-31", "fr") == "2024-01-31"
