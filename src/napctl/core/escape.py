"""Text from files, made safe for the reader that sees it: a terminal or a CI log.

The one function every human-readable output goes through. A terminal obeys
escape sequences (ESC, CSI, OSC 8 links), rings on BEL, and a CI log reads a
line starting with ``::`` as a workflow command; bidi overrides reorder what
is shown. So every character that is not printable text is shown as an
escape (``\\x1b``, ``\\u202e``) and newlines too, unless the output's structure
needs them (``keep_newlines``).
"""

from __future__ import annotations

import re

#: C0 (but tab), DEL, C1; bidi embeddings, overrides and isolates; marks that
#: change direction; zero-width and other invisible format characters; line and
#: paragraph separators; lone surrogates (bytes the locale could not decode).
_C0 = "\x00-\x08\x0b-\x1f"
_BEYOND_C0 = (
    "\x7f-\x9f"
    "\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff"
    "\ufff9-\ufffb\ud800-\udfff"
)
_UNSAFE = _C0 + _BEYOND_C0
_UNSAFE_LINE = re.compile(f"[{_UNSAFE}\\n\\t]")
_UNSAFE_TEXT = re.compile(f"[{_UNSAFE}]")
#: What JSON (with ensure_ascii off) would leave raw of those.
JSON_UNSAFE = re.compile(f"[{_BEYOND_C0}]")
#: In a code or an id even a tab, a newline or a zero-width joiner is out of place
#: (in text the joiners shape Persian or Indic words, and are kept).
_NOT_IN_NAMES = re.compile(f"[{_UNSAFE}\u200c\u200d\\t\\n]")


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control or invisible character shown as an escape.

    Without ``keep_newlines`` the result is one line (tabs escaped too, so a
    tab-separated row keeps its columns).
    """
    pattern = _UNSAFE_TEXT if keep_newlines else _UNSAFE_LINE
    if pattern.search(text) is None:  # the common case: nothing to do
        return text
    return pattern.sub(_shown, text)


def unsafe_characters(text: str, *, allow_newlines: bool = False) -> list[str]:
    """The control or invisible characters in ``text``, in order (newlines if not allowed)."""
    pattern = _UNSAFE_TEXT if allow_newlines else _NOT_IN_NAMES
    return pattern.findall(text)


def is_clean_text(text: str) -> bool:
    """True when ``text`` is printable on one line (no control or invisible character)."""
    return _NOT_IN_NAMES.search(text) is None
