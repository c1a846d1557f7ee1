"""Plan text inside Markdown: escaped so that it can only ever be text."""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

# Characters that can start or end Markdown syntax anywhere in a line, plus the
# HTML ones: plan text must never become a link, emphasis, raw HTML or a table cell edge.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#+!|~&])")
_SPACE = re.compile(r"\s+")
# At the start of a line these make a list item or a setext heading (a list marker
# needs the space after it, so "1.a" stays as it is).
_LINE_START = re.compile(r"^(\s*)(-(?=\s|$)|=|\d+[.)](?=\s|$))")
# GitHub's autolinks (GFM's extension): URLs (http://, https://, ftp://), www.
# names, mailto:/xmpp: and bare e-mail addresses. An escaped ':' or '.' keeps
# the first three from being recognised and still reads the same; an e-mail
# address is matched on the text around an '@' whatever its escapes, so an
# empty HTML comment (shown as nothing) splits it there.
_SCHEME = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=mailto)(:)|(?<=xmpp)(:)")
_WWW = re.compile(r"(?i)\b(www)\.")
_AT = re.compile(r"@(?=[A-Za-z0-9])")


@lru_cache(maxsize=1 << 16)  # the same texts and separators recur in every checklist
def md_escape(text: str) -> str:
    """``text`` as literal Markdown, on one line (table cells and list items need that)."""
    escaped = _INLINE.sub(r"\\\1", _SPACE.sub(" ", text))
    return no_autolinks(_LINE_START.sub(_escape_marker, escaped, count=1))


def no_autolinks(escaped: str) -> str:
    """Markdown ``escaped`` already, with nothing GitHub would turn into a link."""
    if ":" in escaped:
        escaped = _SCHEME.sub(r"\\:", escaped)
    if "." in escaped:
        escaped = _WWW.sub(r"\1\\.", escaped)
    if "@" in escaped:
        escaped = _AT.sub("@<!-- -->", escaped)
    return escaped


def _escape_marker(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # only punctuation can be escaped: 1\. not \1.
        return match.group(1) + marker[:-1] + "\\" + marker[-1]
    return match.group(1) + "\\" + marker


class MdText(Markup):
    """Markdown napctl wrote (a translated label): printed as it is, while whatever is
    put into it with ``%`` is plan text and gets ``md_escape``d, as Markup does for HTML."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: object) -> MdText:
        if isinstance(s, Markup):
            return cls(s)
        return cls(md_escape(str(s)))
