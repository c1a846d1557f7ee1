"""Outputs in each language: golden files, and no English label left in the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.i18n import LOCALE_DIR
from tests.conftest import PLANS, ROOT
from tests.render.test_render import compare_golden

EXAMPLE = ROOT / "examples" / "progress"
OTHERS = ["fr", "nl", "de"]


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, [*args, "--plans", str(PLANS)])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def report(runner: CliRunner, lang: str, plan: str = "be-2013-2016", fmt: str = "md") -> str:
    return run(
        runner, "render", "report", "--plan", plan, "--year", "2024", "-f", fmt, "--lang", lang
    )


def checklist(runner: CliRunner, lang: str, fmt: str = "md") -> str:
    return run(
        runner,
        "render", "checklist", "--actor", "MAEE D5", "--plan", "lu-2018-2023", "--year", "2020",
        "--progress", str(EXAMPLE), "-f", fmt, "--lang", lang,
    )  # fmt: skip


def dashboard(runner: CliRunner, lang: str) -> str:
    return run(
        runner, "render", "dashboard", "--plan", "lu-2018-2023", "--year", "2020",
        "--progress", str(EXAMPLE), "--lang", lang,
    )  # fmt: skip


def test_english_is_the_output_it_always_was(runner: CliRunner) -> None:
    compare_golden("report-be-2013-2016.md", report(runner, "en"))
    compare_golden("checklist-lu-2018-2023-maee-d5-2020.md", checklist(runner, "en"))


@pytest.mark.parametrize("lang", OTHERS)
def test_report_checklist_dashboard_golden(lang: str, runner: CliRunner) -> None:
    compare_golden(f"report-be-2013-2016.{lang}.md", report(runner, lang))
    compare_golden(f"checklist-lu-2018-2023-maee-d5-2020.{lang}.md", checklist(runner, lang))
    compare_golden(f"dashboard-lu-2018-2023-2020.{lang}.html", dashboard(runner, lang))


def test_dashboard_golden_in_english(runner: CliRunner) -> None:
    compare_golden("dashboard-lu-2018-2023-2020.en.html", dashboard(runner, "en"))


def english_labels(lang: str) -> list[str]:
    """The labels as they would show in English where ``lang`` says them otherwise: as
    headings, table cells and bold or list labels, the places a label stands alone."""
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "napctl.po", "rb") as handle:
        catalog = read_po(handle)
    labels = [
        str(m.id)
        for m in catalog
        if m.id
        and isinstance(m.id, str)
        and "%" not in m.id
        and m.string != m.id
        # "All" is also the plans' own actor code (every department), kept as written.
        and m.id != "All"
    ]
    return [
        shape.format(label)
        for label in labels
        for shape in (
            "| {} |",
            "**{}**",
            "**{}:**",
            "- {}:",
            "## {}\n",
            "# {}:",
            "<th>{}</th>",
            '<th class="n">{}</th>',
            "<h2>{}</h2>",
            "<h3>{}</h3>",
            "<strong>{}</strong>",
            "<strong>{}:</strong>",
            "<em>{}:</em>",
            ">{}</span>",
            ">{}</li>",
        )
    ] + KEPT


#: Sentences and words with numbers in them, as English writes them.
KEPT = [
    "Goal ", "actions to report on", "progress report", "reports missing",
    "not reported by", "no summary from", "Main achievements", "Missing reports", "no reports",
    "Dashboard ", "every department", ", from ", "tick an item", " completed", " to report",
]  # fmt: skip


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("plan", ["be-2013-2016", "lu-2018-2023"])
def test_no_english_label_escapes_the_catalog(lang: str, plan: str, runner: CliRunner) -> None:
    # The plans' texts stay in English as published: only what napctl writes is looked at.
    outputs = {
        "report.md": report(runner, lang, plan),
        "report.html": report(runner, lang, plan, "html"),
        "checklist.md": checklist(runner, lang),
        "checklist.html": checklist(runner, lang, "html"),
        "dashboard.html": dashboard(runner, lang),
    }
    plan_text = (PLANS / f"{plan}.yaml").read_text(encoding="utf-8") + (
        PLANS / "lu-2018-2023.yaml"
    ).read_text(encoding="utf-8")
    for name, text in outputs.items():
        ours = strip_plan_text(text, plan_text)
        for label in english_labels(lang):
            assert label not in ours, f"{lang} {name}: {label!r}"


def strip_plan_text(text: str, plan_text: str) -> str:
    """``text`` without the lines that quote the plan (its texts stay as published)."""
    kept = []
    for line in text.splitlines():
        words = re.sub(r"<[^>]+>|[*#|\[\]()]", " ", line).split()
        quoted = len(words) > 6 and " ".join(words[-6:]) in " ".join(plan_text.split())
        kept.append("" if quoted else line)
    return "\n".join(kept)


def test_a_plan_in_french_renders_in_french_without_options(
    tmp_path: Path, runner: CliRunner
) -> None:
    text = (PLANS / "be-2013-2016.yaml").read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    (tmp_path / "be-2013-2016.yaml").write_text(
        text.replace("\nlanguage: en\n", "\nlanguage: fr\n", 1), encoding="utf-8"
    )
    result = runner.invoke(app, ["render", "report", "--plans", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert "| Pays | Belgium |" in result.stdout and "| Country |" not in result.stdout


def test_a_language_napctl_does_not_have_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["render", "report", "--plan", "be-2013-2016", "--lang", "xx", "--plans", str(PLANS)]
    )
    assert result.exit_code == 2
    assert "no catalog for language 'xx'; napctl has: de, en, fr, nl" in result.stderr
    assert result.stdout == ""
