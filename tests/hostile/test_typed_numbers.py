"""Numbers, words and dates as people type them into a checklist or a sheet: one parser
(napctl.model.words) for both; a value keeps the digits typed (never a float); what
cannot be kept is a positioned problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import napctl
from tests.hostile.checklist_repo import BUNDLED, D5, EXAMPLE, PAGE, PLAN  # noqa: F401
from tests.progress.test_sheets_cli import edit_sheet, export


def type_line(repo: Path, action: str, label: str, value: str) -> int:
    """Type ``value`` on ``action``'s ``label`` line; the line's number."""
    text = (repo / PAGE).read_text("utf-8")
    start = text.index(f"**{action}**")
    at = text.index(f"- {label}:", start)
    end = text.index("\n", at)
    text = text[:at] + f"- {label}: {value}" + text[end:]
    (repo / PAGE).write_text(text, "utf-8")
    return text[:at].count("\n") + 1


def entry(repo: Path, action: str) -> str:
    text = (repo / D5).read_text("utf-8")
    start = text.index(f"  - id: {action}\n")
    end = text.find("\n  # ", start)
    return text[start : end if end > 0 else None] + "\n"


def imported(code: int = 0) -> str:
    result = napctl("progress", "import", str(PAGE), "--year", "2020", *BUNDLED, code=code)
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    ("typed", "value", "unit"),
    [
        ("1 250 000 EUR", "1250000", "EUR"),
        ("3 500", "3500", None),
        ("12345678901234567890", "12345678901234567890", None),
        ("1,250.50 EUR", "1250.50", "EUR"),
    ],
)
def test_a_value_keeps_the_digits_typed(
    typed: str, value: str, unit: str | None, repo: Path
) -> None:
    type_line(repo, "II.3.1", "Value", typed)
    imported()
    written = entry(repo, "II.3.1")
    assert f"        value: {value}\n" in written + "\n"
    assert ("unit: " + unit in written) if unit else "unit:" not in written
    assert "e+" not in written and "inf" not in written


def test_a_5000_digit_value_is_a_positioned_problem(repo: Path) -> None:
    before = (repo / D5).read_bytes()
    line = type_line(repo, "II.3.1", "Value", "9" * 5000)
    out = imported(1)
    assert f"{PAGE}:{line}:14: II.3.1 indicator 1: a number of more than 40 digits" in out
    assert (repo / D5).read_bytes() == before


@pytest.mark.parametrize("word", ["not started", "Not-Started", "NOT_STARTED", " not  started"])
def test_status_words_as_people_type_them(word: str, repo: Path) -> None:
    type_line(repo, "II.1.1", "Status", word)
    imported()
    assert "    status: not-started\n" in entry(repo, "II.1.1")


def test_status_not_applicable_is_not_read_as_not(repo: Path) -> None:
    text = (repo / PAGE).read_text("utf-8")
    (repo / PAGE).write_text(
        text.replace(
            "  - Status: not-reported\n  - Summary:\n  - Indicator 1: Public statements",
            "  - Status: not applicable\n"
            "  - Summary:\n  - Justification: Not ours.\n"
            "  - Indicator 1: Public statements",
            1,
        ),
        "utf-8",
    )
    imported()
    assert (
        "    status: not-applicable\n    justification: Not ours.\n" in entry(repo, "II.1.1") + "\n"
    )


def test_ongoing_capitalised_is_accepted_in_a_checklist(repo: Path) -> None:
    type_line(repo, "II.1.1", "Status", "Ongoing")
    type_line(repo, "II.1.1", "Summary", "Started.")
    imported()
    assert "    status: ongoing\n" in entry(repo, "II.1.1")


@pytest.mark.parametrize("due", ["2021-02-30", "2021-13", "2021-00", "2021-13-01"])
def test_an_impossible_revised_due_date_is_a_positioned_problem(due: str, repo: Path) -> None:
    before = (repo / D5).read_bytes()
    line = type_line(repo, "II.2.3", "Revised due", due)
    out = imported(1)
    assert f"{PAGE}:{line}:18: II.2.3 revised due: {due!r} is not a date" in out
    assert (repo / D5).read_bytes() == before


@pytest.mark.parametrize("summary", ["1e3", "0o17", "true", "null"])
def test_a_summary_that_yaml_would_type_is_quoted(summary: str, repo: Path) -> None:
    type_line(repo, "II.1.1", "Summary", summary)
    imported()
    assert f'    summary: "{summary}"\n' in entry(repo, "II.1.1") + "\n"
    napctl("validate", "--progress", "progress", *BUNDLED)


def test_sheet_values_use_the_same_number_parser(repo: Path) -> None:
    table = export("maee-d5.csv", "--actor", "MAEE D5")
    edit_sheet(
        table,
        {
            ("II.3.1", None): {"Indicator 1 value": "1 250 000 EUR"},
            ("II.1.1", None): {"Status": "Not started"},
        },
    )
    napctl("progress", "import", str(table), *BUNDLED)
    assert "        value: 1250000\n        unit: EUR\n" in entry(repo, "II.3.1") + "\n"
    assert "    status: not-started\n" in entry(repo, "II.1.1")
