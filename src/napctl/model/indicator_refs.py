"""Which indicator of an action a progress entry names: by number, exact text or key."""

from __future__ import annotations

from napctl.model.plan import Action


def indicator_number(action: Action, ref: int | str) -> int | None:
    """The 1-based number of the indicator ``ref`` names on ``action``, or None."""
    texts = action.indicator_texts()
    if isinstance(ref, int):
        return ref if 1 <= ref <= len(texts) else None
    if ref in texts:
        return texts.index(ref) + 1
    for i, indicator in enumerate(action.indicators, 1):
        if not isinstance(indicator, str) and indicator.key == ref:
            return i
    return None
