"""Cells a spreadsheet keeps as text, and back (issue 26, class 5: a leading apostrophe
someone typed is kept through export and import)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from napctl.core.csvtext import neutral_cell, unguard


@pytest.mark.parametrize(
    "typed, cell",
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("'=SUM(A1)", "''=SUM(A1)"),
        ("''+1", "'''+1"),
        ("-3", "'-3"),
        ("'x", "'x"),
        ("it's", "it's"),
        ("'", "'"),
        ("", ""),
    ],
)
def test_formula_like_text_is_guarded_once(typed: str, cell: str) -> None:
    assert neutral_cell(typed) == cell
    assert unguard(cell) == typed


@given(st.text(alphabet="'=+-@x \t", max_size=8))
def test_every_text_comes_back_as_typed(typed: str) -> None:
    assert unguard(neutral_cell(typed)) == typed
