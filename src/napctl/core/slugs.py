"""File names made from department codes and names: slugs that name one department and
cannot leave the folder they are written in."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(name: str, *, max_length: int = 80) -> str:
    """A file-name-safe slug: ``MAEE D5`` -> ``maee-d5``, ``../x`` -> ``x``.

    Only ASCII letters, digits and single dashes survive, so a slug can hold no
    path separator, no dot-dot and no hidden-file dot; a name Windows reserves
    (``CON``, ``NUL``, ``COM1``) gets ``-dept`` after it. A name with letters that
    have no ASCII form (``中国``, ``日本``, ``ß``) gets a short digest of the whole
    name after what survives, so two such names never share a file.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _SLUG_DROP.sub("-", ascii_name.lower()).strip("-")[:max_length].strip("-")
    if _loses_letters(name):
        digest = hashlib.sha256(unicodedata.normalize("NFC", name).encode()).hexdigest()[:10]
        return f"{slug or 'department'}-{digest}"
    if slug in WINDOWS_RESERVED:  # `con.md` cannot be checked out on Windows
        return f"{slug}-dept"
    return slug or "department"


def _loses_letters(name: str) -> bool:
    """True when a letter or digit of ``name`` has no ASCII form (accents alone do not
    count: ``Genève`` is ``geneve``)."""
    return not name.isascii() and any(
        not c.isascii() and c.isalnum() and not unicodedata.combining(c)
        for c in unicodedata.normalize("NFKD", name)
    )


#: Names Windows refuses for a file, whatever the case and the extension
#: (``CON``, ``nul.md``, ``COM1.yaml``); a slug has no dot, so the name is the slug.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)
