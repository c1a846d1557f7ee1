"""The one folding of department codes and names: validation and look-up share it.

``fold_key`` is a name's identity; ``fold`` is the looser form a search compares
(case and accents only, so a prefix typed by a person still matches). Both live
here so that they cannot drift apart.

Two names a reader cannot tell apart must be one name to napctl: ``POL`` and
``ＰＯＬ`` (full-width), ``PОL`` (a Cyrillic О), ``pol``, ``POL `` and
``P O L``-with-odd-spaces all fold to one key, and so do ``Genève`` and
``Geneve``. The registry refuses two codes or aliases with the same key
(NAP304), and ``--actor`` finds a department by its key. Invisible characters
never get this far: they are an error in codes (NAP210).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Letters of other scripts drawn like Latin ones (Unicode's confusables, the
#: common Cyrillic and Greek capitals and small letters).
_LOOKALIKES = str.maketrans(
    {
        "А": "a",
        "В": "b",
        "Е": "e",
        "К": "k",
        "М": "m",
        "Н": "h",
        "О": "o",
        "Р": "p",
        "С": "c",
        "Т": "t",
        "Х": "x",
        "У": "y",
        "І": "i",
        "Ј": "j",
        "Ѕ": "s",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "һ": "h",
        "Α": "a",
        "Β": "b",
        "Ε": "e",
        "Ζ": "z",
        "Η": "h",
        "Ι": "i",
        "Κ": "k",
        "Μ": "m",
        "Ν": "n",
        "Ο": "o",
        "Ρ": "p",
        "Τ": "t",
        "Υ": "y",
        "Χ": "x",
        "ο": "o",
        "ν": "v",
    }
)


@lru_cache(maxsize=1 << 16)
def fold_key(text: str) -> str:
    """The key two names share when a reader would take them for the same name.

    NFKC (full-width and other compatibility forms), case folded, accents
    removed, look-alike letters of other scripts mapped to Latin, white space
    trimmed and collapsed.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_LOOKALIKES).split())


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching: 'Genève' and 'GENEVE' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()
