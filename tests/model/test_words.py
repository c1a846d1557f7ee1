"""The one parser of statuses and numbers people type (issue 26: numbers and words)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from napctl.model.words import MAX_DIGITS, NumberError, parse_number, parse_status


@pytest.mark.parametrize(
    "word, status",
    [
        ("not applicable", "not-applicable"),
        ("Not-applicable", "not-applicable"),
        ("NOT_APPLICABLE", "not-applicable"),
        ("  not   applicable ", "not-applicable"),
        ("Ongoing", "ongoing"),
        ("completed", "completed"),
        ("Not started", "not-started"),
        ("not–started", "not-started"),
    ],
)
def test_statuses_read_whatever_the_case_spaces_and_hyphens(word: str, status: str) -> None:
    assert parse_status(word) == status


@pytest.mark.parametrize("word", ["not", "applicable", "done", "", "ongoing!", "complete d"])
def test_a_word_that_is_no_status_is_refused_not_shortened(word: str) -> None:
    assert parse_status(word) is None


@pytest.mark.parametrize(
    "text, digits, unit",
    [
        ("1 250 000 EUR", "1250000", "EUR"),
        ("3 500", "3500", None),
        ("412 participants", "412", "participants"),
        ("1,250,000", "1250000", None),
        ("1\u00a0250\u202f000 €", "1250000", "€"),
        ("-3.50 %", "-3.50", "%"),
        ("0.1", "0.1", None),
        ("12345678901234567890", "12345678901234567890", None),
        ("3 public statements", "3", "public statements"),
        ("007", "007", None),
    ],
)
def test_numbers_keep_the_digits_typed(text: str, digits: str, unit: str | None) -> None:
    found = parse_number(text)
    assert found is not None
    assert found.text == format(Decimal(digits), "f") and found.unit == unit


@pytest.mark.parametrize(
    "text", ["1e3", "0o17", "0x1F", "inf", "NaN", "1,5", "1 25", "Done", "١٢٣", "", "1.", ".5"]
)
def test_what_is_not_a_number_as_typed_stays_text(text: str) -> None:
    assert parse_number(text) is None


def test_a_number_too_long_to_keep_exactly_is_refused() -> None:
    assert parse_number("9" * MAX_DIGITS) is not None
    with pytest.raises(NumberError):
        parse_number("9" * (MAX_DIGITS + 1))
    with pytest.raises(NumberError):
        parse_number("1" * 5000)
