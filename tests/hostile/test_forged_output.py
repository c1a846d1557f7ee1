"""Class 2 of issue 20: output that could forge output.

Control and invisible characters in codes and ids are validation errors
(NAP210), in texts too but for tabs and line breaks (NAP211); whatever still
reaches a human-readable output (file names, the user's own arguments, models
built in Python) is shown as escapes by ``napctl.core.escape.printable``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.escape import printable
from napctl.core.problems import Problem
from napctl.load.corpus import LoadedPlan, load_corpus
from napctl.model import Plan
from napctl.output import actions as action_out
from napctl.output import views
from napctl.output.problems import as_github, as_text
from napctl.output.writers import json_text
from napctl.plans import ActionFilter, select_actions
from tests.conftest import EXAMPLES, MINIMAL, write

BASE = MINIMAL.read_text()
#: What must never reach a terminal raw: C0 but newline/tab, DEL, C1, bidi, zero-width.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PAYLOADS = {
    "clear-screen": "\x1b[2J",
    "osc8-link": "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "bell": "ring\x07",
    "c1-csi": "\x9b31m",
    "nul": "a\x00b",
    "bidi-override": "txt\u202eexe.",
    "zero-width": "PO\u200bL",
    "del": "x\x7f",
}


def _yaml_escape(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_control_characters_in_a_code_are_nap210(
    name: str, tmp_path: Path, runner: CliRunner
) -> None:
    bad = "POL" + PAYLOADS[name]
    plan = write(
        tmp_path, "p.yaml", BASE.replace("  - code: POL\n", f"  - code: {_yaml_escape(bad)}\n")
    )
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    assert "NAP210" in result.stdout and not RAW.search(result.stdout)
    problems = load_corpus([str(plan)]).problems
    assert "NAP210" in [p.code for p in problems]


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_control_characters_in_a_text_are_nap211(name: str, tmp_path: Path) -> None:
    text = "Recruit " + PAYLOADS[name]
    plan = write(
        tmp_path,
        "p.yaml",
        BASE.replace("text: Recruit women officers", f"text: {_yaml_escape(text)}"),
    )
    codes = [(p.code, p.line) for p in load_corpus([str(plan)]).problems]
    assert codes == [("NAP211", 46)]


def test_line_breaks_and_tabs_in_texts_are_allowed(tmp_path: Path) -> None:
    plan = write(
        tmp_path,
        "p.yaml",
        BASE.replace("text: Recruit women officers", 'text: "Recruit\\twomen\\nofficers"'),
    )
    assert load_corpus([str(plan)]).ok


def test_a_code_with_a_newline_cannot_forge_a_workflow_command(
    tmp_path: Path, runner: CliRunner
) -> None:
    forged = "POLX\n::error file=README.md,line=1::pwned"
    plan = write(
        tmp_path,
        "p.yaml",
        BASE.replace(
            "departments: [DEF, {code: POL, note: Recruitment office}]",
            f"departments: [DEF, {_yaml_escape(forged)}]",
        ),
    )
    for fmt in ("text", "github"):
        result = runner.invoke(app, ["validate", "-f", fmt, str(plan)])
        assert result.exit_code == 1
        lines = result.stdout.splitlines()
        assert not any(line.startswith("::error file=README") for line in lines)
        assert not RAW.search(result.stdout)
        problems = load_corpus([str(plan)]).problems
        assert len([ln for ln in lines if "NAP" in ln]) == len(problems)  # one a line


def test_file_names_are_escaped(tmp_path: Path, runner: CliRunner) -> None:
    plan = write(
        tmp_path, "bad\x1b[2J\u202e.yaml", BASE.replace("country: Exampleland", "country: NO")
    )
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1 and "NAP203" in result.stdout
    assert "bad\\x1b[2J\\u202e.yaml" in result.stdout and not RAW.search(result.stdout)


def test_the_users_own_argument_is_escaped_in_errors(tmp_path: Path, runner: CliRunner) -> None:
    plan = write(tmp_path, "p.yaml", BASE)
    result = runner.invoke(app, ["actions", "--plans", str(plan), "--actor", "\x1b[31mPOL\n::x"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and not RAW.search(result.stderr)


@pytest.fixture
def hostile_plan() -> Plan:
    """A plan holding every payload, built in Python (validation would refuse it)."""
    plan = load_corpus([str(MINIMAL)]).plans[0].plan
    evil = "".join(PAYLOADS.values()) + "\nsecond line"
    dept = dataclasses.replace(plan.departments[3], code="POL" + evil, name="Police" + evil)
    pillar = plan.pillars[0]
    goal = pillar.goals[0]
    action = dataclasses.replace(
        goal.actions[0], text="Recruit" + evil, indicators=["n" + evil], departments=["POL" + evil]
    )
    goal = dataclasses.replace(goal, actions=[action, *goal.actions[1:]])
    pillar = dataclasses.replace(pillar, title="Participation" + evil, goals=[goal])
    return dataclasses.replace(
        plan,
        title="Plan" + evil,
        country="X" + evil,
        departments=[*plan.departments[:3], dept, plan.departments[4]],
        pillars=[pillar, *plan.pillars[1:]],
    )


def test_every_plain_view_escapes(hostile_plan: Plan) -> None:
    rows = select_actions([hostile_plan], ActionFilter())
    from napctl.plans import find_item

    outputs = {
        "actions": action_out.as_plain(rows),
        "actors": views.actors_text([hostile_plan]),
        "plans": views.plans_text([LoadedPlan(hostile_plan, "p\x1b.yaml")]),
        "show": views.found_text(find_item([hostile_plan], "P1.1.1")[0]),
        "matrix": views.matrix_plain([hostile_plan]),
        "json": json_text([action_out.action_record(r) for r in rows]),
    }
    for name, text in outputs.items():
        assert not RAW.search(text), name
        assert "second line" in text, name
    # Structure kept: one action a line in the tab-separated view, a header first.
    assert len(outputs["actions"].splitlines()) == 1 + len(rows)
    assert json.loads(outputs["json"])[0]["text"].startswith("Recruit\x1b[2J")


def test_the_rich_table_escapes(hostile_plan: Plan, capsys: pytest.CaptureFixture[str]) -> None:
    action_out.print_table(select_actions([hostile_plan], ActionFilter()))
    views.print_matrix([hostile_plan])
    assert not RAW.search(capsys.readouterr().out)


def test_reporters_one_problem_a_line_and_github_escapes() -> None:
    problem = Problem("a\nb.yaml", 3, 4, "NAP301", "unknown 'X\n::error::y' 100% \r done")
    text = as_text([problem])
    assert text.count("\n") == 1 and "\\x0a" in text
    github = as_github([problem])
    assert github.count("\n") == 1 and "100%25" in github
    assert github.startswith("::error file=a\\x0ab.yaml,line=3,col=4,title=NAP301::")


def test_printable_escapes_and_keeps() -> None:
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("a\nb\tc") == "a\\x0ab\\x09c"
    assert printable("a\nb\tc", keep_newlines=True) == "a\nb\tc"
    assert printable("\u202e\x85\udcff") == "\\u202e\\x85\\udcff"
    assert printable("Genève – 1325 ‍ok") == "Genève – 1325 ‍ok"  # joiner kept in text


PROGRESS_BASE = (
    EXAMPLES / "progress" / "positive" / "xx-2020-2022" / "2021" / "def.yaml"
).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_progress_report_holds_the_same_characters_as_a_plan(
    name: str, tmp_path: Path, runner: CliRunner
) -> None:
    """NAP210 for the department a report is of, NAP211 for its texts; nothing raw."""
    folder = tmp_path / "progress" / "xx-2020-2022" / "2021"
    folder.mkdir(parents=True)
    bad = PAYLOADS[name]
    text = PROGRESS_BASE.replace("department: DEF", f"department: {_yaml_escape('DEF' + bad)}")
    text = text.replace(
        "    obstacles: Training team unavailable in the first half of the year.",
        f"    obstacles: {_yaml_escape(bad + ' Training team unavailable')}",
    )
    (folder / "def.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(
        app, ["validate", str(MINIMAL), "--progress", str(tmp_path / "progress")]
    )
    assert result.exit_code == 1
    codes = re.findall(r":\d+:\d+: (NAP\d+) ", result.stdout)
    assert "NAP210" in codes and "NAP211" in codes, result.stdout
    assert not RAW.search(result.stdout)
