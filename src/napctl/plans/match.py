"""Which action of one plan is which action of another, by the similarity of their texts.

Used by ``napctl diff`` for renumbered actions (same plan, new id) and between
generations of plans (NAP1 -> NAP2, where no id carries over).

The similarity of two texts is ``difflib.SequenceMatcher.ratio()`` on their
normalised words (case and accents folded, punctuation dropped): 1.0 for the
same words, 0.0 for nothing in common. Two actions are "clearly the same"
when it is at least ``THRESHOLD``.

Cost: comparing every pair would be quadratic in the number of actions. A
cheap pre-filter keeps it near-linear: each text is indexed by its word pairs
(bigrams); an action is compared only with the few candidates (``CANDIDATES``)
that share the most of its rarest bigrams, and bigrams common to many texts
(boilerplate) are not used to find candidates at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from napctl.model.names import fold

#: The similarity from which two actions count as the same action.
THRESHOLD = 0.6
#: Candidates scored with difflib per action.
CANDIDATES = 5
#: Bigrams looked up per action (its rarest ones).
PROBES = 8
#: A bigram shared by more texts than this says nothing about identity.
MAX_POSTINGS = 32

_WORD = re.compile(r"\w+")

Bigram = tuple[str, str]


@lru_cache(maxsize=1 << 14)
def words(text: str) -> tuple[str, ...]:
    """The normalised words of ``text``: what similarity is computed on."""
    # ASCII text needs no accent folding, and casefold is lower there: the fast path.
    folded = text.lower() if text.isascii() else fold(text)
    return tuple(_WORD.findall(folded))


def similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """difflib's ratio of the normalised words of ``a`` and ``b`` (0.0 to 1.0).

    With ``at_least``, a pair whose cheap upper bounds are already below it
    returns that bound (below ``at_least``) without computing the ratio.
    """
    from difflib import SequenceMatcher  # only on the paths that compare texts

    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        upper = bound()
        if upper < at_least:
            return upper
    return matcher.ratio()


def _bigrams(text: str) -> set[Bigram]:
    ws = words(text)
    if len(ws) < 2:
        return {(w, "") for w in ws}
    return set(pairwise(ws))


def match_texts(
    old: Sequence[str], new: Sequence[str], threshold: float = THRESHOLD
) -> list[tuple[int, int, float]]:
    """Pairs ``(old index, new index, similarity)``, each index used at most once.

    Equal normalised texts pair first; the rest pair greedily, best similarity
    first, among the candidates the bigram index proposes.
    """
    pairs: list[tuple[int, int, float]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    _pair_equal(old, new, pairs, used_old, used_new)
    scored = _scored_candidates(old, new, used_old, used_new, threshold)
    for score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, score))
    return sorted(pairs, key=lambda p: p[1])


def _pair_equal(
    old: Sequence[str],
    new: Sequence[str],
    pairs: list[tuple[int, int, float]],
    used_old: set[int],
    used_new: set[int],
) -> None:
    by_words: dict[tuple[str, ...], list[int]] = {}
    for i, text in enumerate(old):
        by_words.setdefault(words(text), []).append(i)
    for j, text in enumerate(new):
        same = by_words.get(words(text))
        if same:
            i = same.pop(0)
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, 1.0))


def _scored_candidates(
    old: Sequence[str], new: Sequence[str], used_old: set[int], used_new: set[int], threshold: float
) -> list[tuple[float, int, int]]:
    postings: dict[Bigram, list[int]] = {}
    for i, text in enumerate(old):
        if i not in used_old:
            for gram in _bigrams(text):
                postings.setdefault(gram, []).append(i)
    scored: list[tuple[float, int, int]] = []
    for j, text in enumerate(new):
        if j in used_new:
            continue
        for i in _candidates(_bigrams(text), postings):
            score = similarity(old[i], text, threshold)
            if score >= threshold:
                scored.append((score, i, j))
    return scored


def _candidates(grams: set[Bigram], postings: dict[Bigram, list[int]]) -> list[int]:
    useful = [g for g in grams if 0 < len(postings.get(g, ())) <= MAX_POSTINGS]
    useful.sort(key=lambda g: (len(postings[g]), g))
    hits: Counter[int] = Counter()
    for gram in useful[:PROBES]:
        hits.update(postings[gram])
    return [i for i, _ in hits.most_common(CANDIDATES)]
