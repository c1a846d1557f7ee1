"""A plan whose texts are in French and Dutch, rendered in each language: every text
in the language asked for, and the one text without Dutch shown in French, marked."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import EXAMPLES
from tests.render.test_render import compare_golden

BILINGUAL = EXAMPLES / "languages"


def render(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["render", *args, "--plans", str(BILINGUAL)])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_report_in_each_language_golden(lang: str, runner: CliRunner) -> None:
    md = render(runner, "report", "--plan", "xx-2020-2022", "--lang", lang)
    compare_golden(f"report-bilingual.{lang}.md", md)


def test_dutch_report_marks_the_text_it_shows_in_french(runner: CliRunner) -> None:
    md = render(runner, "report", "--plan", "xx-2020-2022", "--lang", "nl")
    assert md.startswith("# Nationaal actieplan van Exampleland 2020-2022\n")
    assert "Vrouwelijke officieren aanwerven\n" in md
    assert "Former tout le personnel à la résolution 1325 [fr]\n" in md
    assert "Nombre de personnes formées [fr]" in md
    assert "Recruter" not in md  # translated texts are never shown in French


def test_french_report_marks_nothing(runner: CliRunner) -> None:
    md = render(runner, "report", "--plan", "xx-2020-2022")  # the plan's language
    assert md.startswith("# Plan d'action national d'Exampleland 2020-2022\n")
    assert "[fr]" not in md and "[nl]" not in md


def test_german_report_marks_every_text_in_french(runner: CliRunner) -> None:
    md = render(runner, "report", "--plan", "xx-2020-2022", "--lang", "de")
    assert "Recruter des officières [fr]" in md
    assert "## P1. Participation [fr]" in md


def test_html_marks_the_fallback_with_its_language(runner: CliRunner) -> None:
    html = render(runner, "report", "--plan", "xx-2020-2022", "--lang", "nl", "-f", "html")
    compare_golden("report-bilingual.nl.html", html)
    assert (
        '<span lang="fr">Former tout le personnel à la résolution 1325</span>'
        ' <span class="lang-tag">[fr]</span>'
    ) in html


def test_checklist_in_dutch_golden(runner: CliRunner) -> None:
    md = render(
        runner, "checklist", "--actor", "DEF", "--plan", "xx-2020-2022", "--year", "2021",
        "--lang", "nl",
    )  # fmt: skip
    compare_golden("checklist-bilingual-def.nl.md", md)
    assert "Vrouwelijke officieren aanwerven" in md
