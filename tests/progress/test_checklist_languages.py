"""A checklist rendered in French or Dutch, ticked and typed in that language, imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.model.words import parse_number, parse_status
from tests.progress.test_checklist_roundtrip import D5, PLAN, edit_item, repo, run, tick

__all__ = ["repo"]  # the fixture

# (language, what the person types: status line, summary line, value line)
TYPED = {
    "fr": ("  - Statut: retardé", "  - Statut : terminé", "  - Résumé:", "    - Valeur:",
           "1 250,5 EUR"),
    "nl": ("  - Status: vertraagd", "  - Status: voltooid", "  - Samenvatting:", "    - Waarde:",
           "1.250,5 EUR"),
}  # fmt: skip


def render(runner: CliRunner, lang: str, *more: str) -> tuple[int, str, str]:
    return run(
        runner, "checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020",
        "--lang", lang, *more,
    )  # fmt: skip


@pytest.mark.parametrize("lang", sorted(TYPED))
def test_round_trip_in_the_checklist_s_language(lang: str, repo: Path, runner: CliRunner) -> None:
    shown, typed, summary, value, number = TYPED[lang]
    code, _, err = render(runner, lang)
    assert code == 0, err
    page = repo / "checklists" / "lu" / "maee-d5.md"
    text = page.read_text(encoding="utf-8")
    assert shown in text
    text = tick(text, "II.2.3")
    text = edit_item(text, "II.2.3", shown, typed)
    text = edit_item(text, "II.2.3", summary, f"{summary} Fait en mai")
    text = edit_item(text, "II.2.3", value, f"{value} {number}")
    page.write_text(text, encoding="utf-8")

    code, out, err = run(runner, "progress", "import", "checklists/lu/maee-d5.md")
    assert code == 0, err + out
    saved = (repo / D5).read_text(encoding="utf-8")
    entry = saved[saved.index("- id: II.2.3") :]
    assert "status: completed" in entry.split("- id:")[1]
    assert "summary: Fait en mai" in entry
    assert "value: 1250.5\n" in entry and "unit: EUR" in entry
    again = page.read_text(encoding="utf-8")  # rendered again, in its language
    assert "- [x] **II.2.3**" in again and "napctl:checklist" in again and f"lang={lang}" in again
    code, _, err = render(runner, lang, "--check")
    assert code == 0, err


def test_words_of_each_language() -> None:
    assert parse_status("Terminé") == parse_status("voltooid") == "completed"
    assert parse_status("abgeschlossen") == parse_status("termine") == "completed"
    assert parse_status("En cours") == parse_status("lopend") == parse_status("laufend")
    assert parse_status("n.v.t.") == parse_status("sans objet") == "not-applicable"
    assert parse_status("terminéx") is None
    assert parse_number("1.250.000", "nl").value == 1250000  # type: ignore[union-attr]
    assert parse_number("1 250 000", "fr").value == 1250000  # type: ignore[union-attr]
    assert str(parse_number("1,5", "de").value) == "1.5"  # type: ignore[union-attr]
    assert parse_number("1.5", "de") is None  # not a number the way German writes one
    assert parse_number("1,250,000", "en").value == 1250000  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["fr", "nl", "de"])
def test_every_status_a_catalog_writes_reads_back(lang: str) -> None:
    from napctl.core.i18n import translator
    from napctl.model.progress import STATUSES

    for status in STATUSES:
        assert parse_status(translator(lang).gettext(status)) == status
