"""Near-duplicate names: one actor written several ways.

Two names are near duplicates when they are one name by napctl's folding
(``napctl.model.names.fold_key``) once punctuation and spaces are set aside, or
when they differ by a typo: two letters swapped, or (in names longer than
``SHORT``) a similarity of at least ``RATIO`` by difflib, word for word: a word
more or less ("FPS Foreign Affairs") or another word ("to the OSCE", "to the OTAN")
is another actor, and so is a unit's code with one more part ("RP Vienna/PK"). Names
whose numbers differ are never near duplicates ("MAEE D1" and "MAEE D2" are two
units), nor are the entries of units of two different bodies ("Gender unit" of each
ministry). The one
mechanism for this: ``napctl import`` (``napctl.sheets.near``) checks a table's
names with it, and ``napctl validate`` a plan's registry (``registry_groups``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from napctl.core.slugs import slugify
from napctl.model.names import fold_key
from napctl.model.plan import Plan

#: Names up to this many letters and digits are near only when equal or two letters swapped.
SHORT = 6
#: difflib's ratio from which two longer names are taken for one with a typo.
RATIO = 0.9
_NOT_ALNUM = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d+")
#: How alike two words must be (difflib) to be one word with a typo.
WORD_RATIO = 0.75
#: A name as compared: its loose form, its loose words and its numbers.
Loose = tuple[str, tuple[str, ...], tuple[str, ...]]
#: Registries with up to this many names compare every pair; bigger ones (a hostile
#: file, a federal state's every office) compare each name with its WINDOW neighbours
#: in the order of the names and of the names read backwards, so that the cost grows
#: as n log n: a typo leaves a name beside its twin in one order or the other.
ALL_PAIRS = 400
WINDOW = 8


def loose(name: str) -> str:
    """A name with case, accents, look-alike letters, punctuation and spaces aside."""
    return _NOT_ALNUM.sub("", fold_key(name))


def compared(name: str) -> Loose:
    """``loose(name)`` and its words, made once for names compared many times."""
    # Words as punctuation splits them too: "RP Vienna/PK" is a unit of "RP Vienna",
    # a word more, not the same name with a typo.
    words = _NOT_ALNUM.split(fold_key(name))
    flat = loose(name)
    return flat, tuple(w for w in words if w), tuple(_NUMBER.findall(flat))


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """As many words, and each that differs only a typo away from its counterpart."""
    if len(a) != len(b):
        return False
    return all(
        x == y or SequenceMatcher(None, x, y, autojunk=False).ratio() >= WORD_RATIO
        for x, y in zip(a, b, strict=True)
    )


def _swapped(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def near_loose(a: Loose, b: Loose) -> bool:
    """``near`` on names already ``compared``."""
    la, lb = a[0], b[0]
    if not la or not lb:
        return False
    if la == lb:
        return True
    if a[2] != b[2]:
        return False
    if _swapped(la, lb):
        return True
    short, long_ = sorted((len(la), len(lb)))
    # difflib's ratio is at most 2*short/(short+long): skip pairs that cannot reach RATIO.
    if short <= SHORT or 2 * short < RATIO * (short + long_):
        return False
    matcher = SequenceMatcher(None, la, lb, autojunk=False)
    return matcher.quick_ratio() >= RATIO and matcher.ratio() >= RATIO and _same_words(a[1], b[1])


def near(a: str, b: str) -> bool:
    """Whether two names are one actor written two ways (see the module's docstring)."""
    return near_loose(compared(a), compared(b))


def registry_groups(plan: Plan) -> list[list[tuple[int, str]]]:
    """Groups of registry entries whose code, name, aliases or names in other languages
    are near duplicates of another entry's: each a list of (entry index, the name that
    is near), in registry order; entries alone are left out."""
    names = [
        [(n, compared(n)) for n in dict.fromkeys((d.code, d.name, *d.aliases, *d.names.values()))]
        for d in plan.departments
    ]
    # Entries whose codes or aliases are one name, or whose codes share a file name, are
    # already errors of their own (NAP304, NAP315): not said twice.
    told = [
        ({fold_key(n) for n in (d.code, *d.aliases)}, slugify(d.code)) for d in plan.departments
    ]
    # Units of two different bodies may share a name ("Gender unit" in every ministry).
    parents = [d.parent for d in plan.departments]
    groups: list[list[tuple[int, str]]] = []
    grouped: dict[int, list[tuple[int, str]]] = {}
    for i, j in _candidates(names):
        if told[i][1] == told[j][1] or told[i][0] & told[j][0] or parents[i] != parents[j]:
            continue
        hit = next(((a, b) for a, la in names[j] for b, lb in names[i] if near_loose(la, lb)), None)
        if hit is not None:
            _join(groups, grouped, (i, hit[1]), (j, hit[0]))
    # An entry may join its group after a later one: each group in registry order.
    return [sorted(group) for group in groups]


def _candidates(names: list[list[tuple[str, Loose]]]) -> list[tuple[int, int]]:
    """The pairs of entries (i < j, in order) whose names are worth comparing."""
    flat = [(loose_name, entry) for entry, own in enumerate(names) for _n, (loose_name, *_) in own]
    if len(flat) <= ALL_PAIRS:
        return [(i, j) for j in range(len(names)) for i in range(j)]
    pairs: set[tuple[int, int]] = set()
    for order in (flat, [(name[::-1], entry) for name, entry in flat]):
        ranked = sorted(order)
        for at, (_name, entry) in enumerate(ranked):
            for _other, other in ranked[at + 1 : at + 1 + WINDOW]:
                if other != entry:
                    pairs.add((min(entry, other), max(entry, other)))
    return sorted(pairs, key=lambda p: (p[1], p[0]))


def _join(
    groups: list[list[tuple[int, str]]],
    grouped: dict[int, list[tuple[int, str]]],
    first: tuple[int, str],
    second: tuple[int, str],
) -> None:
    """Put two near entries in one group: a new one, or the group either is in already
    (an entry near two others already grouped apart stays in its first group)."""
    mine, theirs = grouped.get(first[0]), grouped.get(second[0])
    if mine is None and theirs is None:
        group = [first, second]
        groups.append(group)
        grouped[first[0]] = grouped[second[0]] = group
    elif mine is None and theirs is not None:
        theirs.append(first)
        grouped[first[0]] = theirs
    elif theirs is None and mine is not None:
        mine.append(second)
        grouped[second[0]] = mine
