"""Plan text inside Markdown: escaped so that it can only ever be text."""

from __future__ import annotations

import re

# Characters that can start or end Markdown syntax anywhere in a line, plus the
# HTML ones: plan text must never become a link, emphasis, raw HTML or a table cell edge.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#+!|~&])")
_LINE_START = re.compile(r"^(\s*)([-=>]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """``text`` as literal Markdown, on one line (table cells and list items need that)."""
    escaped = _INLINE.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
