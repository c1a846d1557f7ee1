"""Pieces of problem and error messages: values shown safely, and one "did you mean"."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

#: The longest value quoted whole in a message.
SHOWN_LIMIT = 60


def shown_value(value: object, limit: int = SHOWN_LIMIT) -> str:
    """``repr(value)`` for a message: shortened when long, never failing on a huge number."""
    try:
        shown = repr(value)
    except ValueError:  # an int too large to print in decimal
        return "a number too large to show"
    return shown if len(shown) <= limit else shown[:limit] + "..."


def shown_text(value: str, limit: int = SHOWN_LIMIT) -> str:
    """``value`` for a message: quoted, and shortened when long (before quoting)."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + "..."


def oneline(text: str, limit: int = SHOWN_LIMIT) -> str:
    """``text`` on one line: control characters escaped, shortened when long."""
    from napctl.core.escape import printable  # lazy: start-up (~3 ms)

    text = printable(text)
    return text if len(text) <= limit else text[:limit] + "..."


def quote_hint(value: str, limit: int = SHOWN_LIMIT) -> str:
    """How to write a value YAML typed when it was meant as text (NAP203, NAP113)."""
    return f'quote it if it is text: "{value}"' if len(value) <= limit else "quote it if it is text"


def describe(value: Any) -> str:
    """What a YAML value is, in words: 'a list', 'the number 3', 'the text 'x''."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {shown_value(value)}"
    if isinstance(value, str):
        return f"the text {shown_value(value)}"
    return f"a {type(value).__name__}"


def close_matches(
    word: str, choices: Iterable[str], *, n: int = 1, ignore_case: bool = False, cutoff: float = 0.6
) -> list[str]:
    """The choices closest to ``word`` (difflib, ratio ``cutoff`` or more), best first.

    With ``ignore_case``, a choice equal to ``word`` but for case comes first.
    """
    from difflib import get_close_matches  # only on the error path

    pool = list(choices)
    if not ignore_case:
        return get_close_matches(word, pool, n=n, cutoff=cutoff)
    lowered = {c.lower(): c for c in pool}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return [lowered[word.lower()]]
    return [lowered[c] for c in get_close_matches(word.lower(), list(lowered), n=n, cutoff=cutoff)]


def _quoted(value: str) -> str:
    return f"'{value}'"


def did_you_mean(
    options: Sequence[str], *, in_brackets: bool = False, quote: Callable[[str], str] = _quoted
) -> str:
    """'; did you mean 'a' or 'b'?' (or ' (did you mean 'a'?)'); '' without options."""
    if not options:
        return ""
    body = f"did you mean {' or '.join(quote(o) for o in options)}?"
    return f" ({body})" if in_brackets else f"; {body}"


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to ``word`` (case aside), else ''."""
    return did_you_mean(close_matches(word, choices, ignore_case=True), in_brackets=True)
