"""A plan's texts that lack a language, as a PO file any translator's tool opens.

Each entry is one text: ``msgctxt`` is the text's YAML path (``pillars[0].goals[1].
actions[2].text``), ``msgid`` the text as the plan has it (in its primary language),
``msgstr`` left for the translator; an extracted comment (``#.``) says which action,
goal or pillar it belongs to. The header names the plan (``Project-Id-Version``) and
the language (``Language``), so `napctl translations import` knows where each
translation goes. Babel (the ``i18n`` extra) writes and reads the files.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from napctl.model.texts import LANGUAGE_KEY, Loc, Translated, loc_text, multi_texts

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

    from napctl.model import Plan


class UnknownTextLanguage(ValueError):
    """A language the plan's texts cannot be translated into (a usage error)."""


class Untranslated(NamedTuple):
    loc: Loc
    #: The text as shown without the language: the primary language's, or another's.
    text: str
    #: Where it is, for the translator: "action P1.1.2", "pillar P1".
    where: str


def check_language(plan: Plan, lang: str) -> str:
    """``lang`` when texts of ``plan`` can be translated into it: one of the plan's
    ``languages`` when it lists them, else one napctl has labels for (en, fr, nl, de)."""
    import re

    from napctl.core.i18n import LANGUAGES

    code = lang.strip().replace("_", "-")
    if re.match(LANGUAGE_KEY, code) is None:
        raise UnknownTextLanguage(f"'{lang}' is not a language code (fr, nl, de, en, fr-BE)")
    if plan.languages and code not in plan.languages:
        raise UnknownTextLanguage(
            f"plan {plan.id} lists the languages {', '.join(plan.languages)}, not '{code}'"
            " (add it to `languages` first)"
        )
    if not plan.languages and code not in LANGUAGES:
        raise UnknownTextLanguage(
            f"no language '{code}': plan {plan.id} lists no `languages`, and napctl has"
            f" {', '.join(sorted(LANGUAGES))} (list the plan's languages to add another)"
        )
    if code == plan.language and not plan.languages:
        raise UnknownTextLanguage(f"the texts of plan {plan.id} are in '{code}' already")
    return code


def untranslated(plan: Plan, lang: str) -> Iterator[Untranslated]:
    """The texts of ``plan`` that have no ``lang`` version, in document order."""
    for loc, value in multi_texts(plan):
        if isinstance(value, Translated):
            if lang in value.texts:
                continue
        elif lang == plan.language:
            continue
        yield Untranslated(loc, str(value), _where(plan, loc))


def _where(plan: Plan, loc: Loc) -> str:
    """The pillar, goal or action a text belongs to (its innermost one)."""
    where = f"plan {plan.id}"
    node: object = plan
    for step in loc:
        node = node[step] if isinstance(step, int) else getattr(node, step)  # type: ignore[index]
        kind = type(node).__name__
        if kind in ("Pillar", "Goal", "Action", "Department"):
            ident = getattr(node, "id", None) or getattr(node, "code", "")
            where = f"{kind.lower()} {ident}"
    return where


def export_catalog(plan: Plan, lang: str, *, created: datetime.datetime | None = None) -> Catalog:
    """The PO catalog of ``plan``'s texts without ``lang`` (``check_language`` first)."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        # A language Babel does not know is kept as written in the header all the same.
        locale=lang.replace("-", "_"),
        project=plan.id,
        version=f"{plan.period.start}-{plan.period.end}",
        header_comment=f"# Texts of plan {plan.id} without a '{lang}' version.\n"
        f"# Translate each msgstr, then: napctl translations import FILE --plan {plan.id}",
        creation_date=created,
        fuzzy=False,
    )
    for entry in untranslated(plan, lang):
        catalog.add(entry.text, "", context=loc_text(entry.loc), auto_comments=[entry.where])
    return catalog


def write_catalog(catalog: Catalog) -> bytes:
    """The catalog as PO text (UTF-8), lines as long as the texts (no wrapping)."""
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=False)
    return out.getvalue()
