"""napctl review as a user runs it: formats, configuration, exit codes, the docs' table."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import EXAMPLES, PLANS, ROOT, write

CLEAN = EXAMPLES / "review" / "clean.yaml"
BUNDLED = ["--plans", str(PLANS)]


def test_text_findings_are_positioned(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review", *BUNDLED])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 560
    assert all(re.match(r"^\S+\.yaml:\d+:\d+: NAP5\d\d (warning|info): ", x) for x in lines)
    assert "plans/lu-2018-2023.yaml" in result.stdout or "lu-2018-2023.yaml" in result.stdout
    assert re.search(
        r":415:\d+: NAP508 warning: action II\.1\.1 rests only on 'All'", result.stdout
    )
    assert "2 plans reviewed: 560 findings (245 warnings, 315 info)" in result.stderr


def test_paths_as_arguments(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review", str(PLANS / "lu-2018-2023.yaml"), "--select", "NAP508"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2


def test_json_keys(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review", *BUNDLED, "-f", "json", "--select", "NAP508,NAP512"])
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "summary"}
    first = data["findings"][0]
    assert set(first) >= {"file", "line", "column", "code", "level", "message", "plan", "id"}
    action = next(f for f in data["findings"] if f["code"] == "NAP508")
    assert (action["plan"], action["id"], action["level"]) == ("lu-2018-2023", "II.1.1", "warning")
    lu = data["summary"]["lu-2018-2023"]
    assert lu["actions"] == 55
    assert lu["shares"]["only_all"] == round(2 / 55, 3)
    assert lu["counts"]["single_lead"] == {"count": 0, "of": 40, "share": 0.0}
    assert lu["findings"] == {"NAP508": 2, "NAP512": 1}
    assert set(lu["shares"]) == {
        "with_indicator",
        "with_measurable_indicator",
        "with_baseline",
        "with_target",
        "with_deadline",
        "with_budget",
        "single_lead",
        "only_all",
        "restating_indicator",
    }


def test_github_annotations_escape(runner: CliRunner, tmp_path: Path) -> None:
    text = (
        CLEAN.read_text(encoding="utf-8")
        .replace(
            "text: Raise awareness of resolution 1325 among staff",
            'text: "Train staff on resolution 1325"',
        )
        .replace("id: P1.1.3", "id: P1.1.3")
    )
    plan = write(tmp_path, "a,b:c%.yaml", text)
    result = runner.invoke(app, ["review", str(plan), "-f", "github"])
    assert result.exit_code == 0
    line = result.stdout.splitlines()[0]
    assert line.startswith("::warning file=")
    assert "a%2Cb%3Ac%25.yaml" in line and ",line=" in line and "title=NAP509::" in line


def test_github_info_is_a_notice(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review", *BUNDLED, "-f", "github", "--select", "NAP503"])
    assert result.stdout.startswith("::notice file=")


def test_github_never_prints_an_unknown_annotation(runner: CliRunner) -> None:
    # NAP503 and NAP504 are info, NAP508 a warning: GitHub knows no ::info command.
    result = runner.invoke(
        app, ["review", *BUNDLED, "-f", "github", "--select", "NAP503,NAP504,NAP508"]
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    kinds = {line.split(" ", 1)[0] for line in lines}
    assert kinds == {"::notice", "::warning"}
    assert "::info" not in result.stdout
    assert sum(line.startswith("::notice ") for line in lines) == 314
    assert sum(line.startswith("::warning ") for line in lines) == 2


def test_control_characters_never_reach_the_terminal(runner: CliRunner, tmp_path: Path) -> None:
    aware = """            indicators:
              - text: Share of staff aware of resolution 1325
                type: percent
                baseline: {value: 10, as_of: 2020}
                targets: [{year: 2022, value: 80}]
"""
    text = CLEAN.read_text(encoding="utf-8")
    assert aware in text
    plan = write(
        tmp_path, "p.yaml", text.replace(aware, '            indicators: ["Aware\\e[m raised"]\n')
    )
    result = runner.invoke(app, ["review", str(plan), "--select", "NAP502"])
    # Such text is refused (NAP211, issue 20), and the refusal shows the character escaped.
    assert result.exit_code == 1 and "\x1b" not in result.output
    assert "NAP211" in result.stdout and "\\x1b" in result.stdout


def test_strict_fails_on_warnings_only(runner: CliRunner) -> None:
    assert runner.invoke(app, ["review", *BUNDLED, "--strict"]).exit_code == 1
    info_only = runner.invoke(app, ["review", *BUNDLED, "--strict", "--select", "NAP503"])
    assert info_only.exit_code == 0 and info_only.stdout
    assert runner.invoke(app, ["review", str(CLEAN), "--strict"]).exit_code == 0


def test_select_and_ignore_prefixes(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [
            "review",
            *BUNDLED,
            "--select",
            "NAP50",
            "--ignore",
            "NAP502",
            "--ignore",
            "NAP503,NAP504,NAP505,NAP506,NAP507",
        ],
    )
    codes = {line.split()[1] for line in result.stdout.splitlines()}
    assert codes == {"NAP508"}


def test_unknown_code_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review", *BUNDLED, "--select", "NAP999"])
    assert result.exit_code == 2
    assert "'NAP999' names no review rule" in result.stderr


def test_pyproject_configuration(runner: CliRunner, in_tmp: Path) -> None:
    write(
        in_tmp,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.napctl.review]\n'
        'ignore = ["NAP503", {code = "NAP504", reason = "the plan sets no targets"}]\n'
        'select = ["NAP50"]\n',
    )
    sub = in_tmp / "deeper"
    sub.mkdir()
    import os

    os.chdir(sub)
    result = runner.invoke(app, ["review", *BUNDLED])
    codes = {line.split()[1] for line in result.stdout.splitlines()}
    assert codes == {"NAP502", "NAP505", "NAP506", "NAP507", "NAP508"}
    # --select on the command line replaces the file's; its ignores still hold
    result = runner.invoke(app, ["review", *BUNDLED, "--select", "NAP504,NAP512"])
    assert {line.split()[1] for line in result.stdout.splitlines()} == {"NAP512"}


def test_napctl_toml_wins_and_sets_strict(runner: CliRunner, in_tmp: Path) -> None:
    write(in_tmp, "pyproject.toml", "[tool.napctl.review]\nselect = ['NAP501']\n")
    write(in_tmp, "napctl.toml", "[review]\nselect = ['NAP508']\nstrict = true\n")
    result = runner.invoke(app, ["review", *BUNDLED])
    assert result.exit_code == 1
    assert {line.split()[1] for line in result.stdout.splitlines()} == {"NAP508"}


def test_bad_configuration_is_a_usage_error(runner: CliRunner, in_tmp: Path) -> None:
    write(in_tmp, "napctl.toml", "[review]\nignor = ['NAP508']\n")
    result = runner.invoke(app, ["review", *BUNDLED])
    assert result.exit_code == 2 and "unknown review setting 'ignor'" in result.stderr
    write(in_tmp, "napctl.toml", "[review\n")
    result = runner.invoke(app, ["review", *BUNDLED])
    assert result.exit_code == 2 and "cannot read the configuration" in result.stderr
    assert "Traceback" not in result.output


def test_invalid_plans_print_their_problems(runner: CliRunner) -> None:
    bad = EXAMPLES / "negative" / "unknown-department.yaml"
    result = runner.invoke(app, ["review", str(bad)])
    assert result.exit_code == 1
    assert "NAP301" in result.stdout and "review needs valid plans" in result.stderr


def test_missing_path_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2


def test_md_report_is_commonmark(runner: CliRunner) -> None:
    from markdown_it import MarkdownIt

    result = runner.invoke(app, ["review", *BUNDLED, "-f", "md"])
    assert result.exit_code == 0
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [t.map for t in tokens if t.type == "heading_open"]
    assert len(headings) >= 2 + 2 + 10  # title, scorecard, two plans, their pillars
    assert any(t.type == "table_open" for t in tokens)
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<th>be-2013-2016</th><th>lu-2018-2023</th>" in html.replace("\n", "")
    assert "<h4>" not in html and "### O6 Follow-up, reporting and monitoring" in result.stdout


def test_md_escapes_plan_text(runner: CliRunner, tmp_path: Path) -> None:
    text = (
        CLEAN.read_text(encoding="utf-8")
        .replace(
            "text: Raise awareness of resolution 1325 among staff",
            'text: "Train staff on resolution 1325"',
        )
        .replace(
            "title: Example National Action Plan 2020-2022",
            'title: "Plan <b>[x](http://e.org)</b> *y*"',
        )
    )
    plan = write(tmp_path, "p.yaml", text)
    from markdown_it import MarkdownIt

    out = runner.invoke(app, ["review", str(plan), "-f", "md"]).stdout
    html = MarkdownIt("commonmark").render(out)
    assert "<b>" not in html and "<a " not in html and "<em>" not in html


def test_html_report_is_escaped_and_standalone(runner: CliRunner, tmp_path: Path) -> None:
    text = CLEAN.read_text(encoding="utf-8").replace(
        "title: Example National Action Plan 2020-2022", 'title: "<script>alert(1)</script>"'
    )
    plan = write(
        tmp_path,
        "p.yaml",
        text.replace("budget: {amount: 1200000, currency: EUR, source: State budget}\n", ""),
    )
    out_file = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(plan), "-f", "html", "-o", str(out_file)])
    assert result.exit_code == 0 and result.stdout == ""
    html = out_file.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "<link" not in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "NAP512" in html


def test_summary_formats(runner: CliRunner) -> None:
    text = runner.invoke(app, ["review", *BUNDLED, "--summary"]).stdout
    assert text.splitlines()[1].split() == ["actions", "102", "55"]
    data = json.loads(runner.invoke(app, ["review", *BUNDLED, "--summary", "-f", "json"]).stdout)
    assert list(data) == ["summary"] and set(data["summary"]) == {"lu-2018-2023", "be-2013-2016"}
    assert runner.invoke(app, ["review", *BUNDLED, "--summary", "-f", "github"]).exit_code == 2


def test_docs_table_is_the_command_output(runner: CliRunner) -> None:
    readme = (ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    start, end = (
        "<!-- review-summary: napctl review --plans plans --summary -f md -->\n",
        "<!-- /review-summary -->",
    )
    assert start in readme and end in readme
    table = readme.split(start, 1)[1].split(end, 1)[0]
    result = runner.invoke(app, ["review", "--plans", str(PLANS), "--summary", "-f", "md"])
    assert table == result.stdout


def test_validate_is_unchanged_by_review_findings(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(CLEAN), str(PLANS)])
    assert result.exit_code == 0 and result.stdout == ""


def test_review_reports_in_the_language_asked_for(runner: CliRunner) -> None:
    """`--lang` translates the report's labels and shares; findings stay in English, as
    every message of the command line does."""
    md = runner.invoke(app, ["review", *BUNDLED, "--lang", "fr", "-f", "md"])
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# Examen de la qualité du plan\n\n## Tableau de bord\n")
    assert "| avec au moins un indicateur | 102 sur 102 (100 %) | 55 sur 55 (100 %) |" in md.stdout
    assert "Scorecard" not in md.stdout and " of 102" not in md.stdout
    assert re.search(r"- `NAP5\d\d` avertissement, ligne \d+: ", md.stdout)
    html = runner.invoke(app, ["review", *BUNDLED, "--lang", "nl", "-f", "html"])
    assert '<html lang="nl">' in html.stdout and "<h2>Scorekaart</h2>" in html.stdout
    english = runner.invoke(app, ["review", *BUNDLED, "-f", "md"])
    assert english.stdout.startswith("# Plan-quality review\n\n## Scorecard\n")
    unknown = runner.invoke(app, ["review", *BUNDLED, "--lang", "xx"])
    assert unknown.exit_code == 2
