"""The four UN pillars of resolution 1325 in the words plans print them: one table.

A UN pillars cell names them ("participation; relief and recovery"); a pillar's
title is read for them when the table has no such cell ("AXE 4. RELÈVEMENT",
"Pijler 3: Bescherming"). Words are compared folded (case, accents and
punctuation aside) and as whole words. A new language or word is an entry here.
"""

from __future__ import annotations

import re

from napctl.model import UN_PILLARS
from napctl.sheets.headers import LANGUAGES, fold

#: UN pillar -> language -> the words that name it.
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "participation": {
        "en": ("participation",),
        "fr": ("participation",),
        "nl": ("participatie", "deelname"),
        "de": ("Beteiligung", "Partizipation", "Teilhabe"),
        "es": ("participación",),
    },
    "prevention": {
        "en": ("prevention",),
        "fr": ("prévention",),
        "nl": ("preventie",),
        "de": ("Prävention", "Verhütung"),
        "es": ("prevención",),
    },
    "protection": {
        "en": ("protection",),
        "fr": ("protection",),
        "nl": ("bescherming",),
        "de": ("Schutz",),
        "es": ("protección",),
    },
    "relief-and-recovery": {
        "en": ("relief and recovery", "relief", "recovery"),
        "fr": ("secours et relèvement", "relèvement", "secours", "redressement"),
        "nl": ("hulp en herstel", "herstel", "noodhulp"),
        "de": ("Hilfe und Wiederaufbau", "Wiederaufbau", "Nothilfe"),
        "es": ("socorro y recuperación", "recuperación", "socorro"),
    },
}

#: Folded word -> UN pillar.
_BY_WORD = {
    fold(word): pillar
    for pillar, languages in WORDS.items()
    for lang in LANGUAGES
    for word in languages.get(lang, ())
}
#: Longest first, so that "relief and recovery" is one match, not two.
_IN_TITLE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(_BY_WORD, key=len, reverse=True)) + r")\b"
)


def un_pillar_list(value: str) -> tuple[list[str], list[str]]:
    """The UN pillars named in a cell, and the words that are none of them."""
    found: list[str] = []
    bad: list[str] = []
    for part in re.split(r"[,;\n]", value):
        word = fold(part)
        if not word:
            continue
        pillar = _BY_WORD.get(word)
        if pillar is None:
            bad.append(part.strip())
        elif pillar not in found:
            found.append(pillar)
    return found, bad


def guess_un_pillars(title: str) -> list[str]:
    """The UN pillars a pillar's title names, in the UN pillars' order."""
    named = {_BY_WORD[m] for m in _IN_TITLE.findall(fold(title))}
    return [p for p in UN_PILLARS if p in named]
