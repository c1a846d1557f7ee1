"""napctl diff through the command line, as a reviewer runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT, napctl
from tests.diff.test_diff import LU, action, edited, goal, next_generation
from tests.render.test_render import compare_golden


def review_edit(data: dict[str, Any]) -> None:
    """A mid-term revision: a rewording, a reassignment, an addition, a removal, a move."""
    item = action(data, "I.1.2")
    item["text"] = item["text"].replace("a detailed analysis", "a thorough analysis")
    action(data, "II.2.3")["text"] += " with partner countries"
    action(data, "I.1.3")["departments"].append("MAEE D5")
    goal(data, "I.1")["actions"].remove(action(data, "I.1.4"))
    moved = action(data, "I.2.1")
    goal(data, "I.2")["actions"].remove(moved)
    goal(data, "II.1")["actions"].append(moved)
    goal(data, "II.1")["actions"].append(
        {
            "id": "II.1.9",
            "text": "Train <b>staff</b> of [missions](http://x) on *gender*\x1b[31m",
            "departments": [{"code": "MAEE D5", "role": "lead"}],
        }
    )


@pytest.fixture
def sides(in_tmp: Path) -> tuple[str, str]:
    shutil.copy(LU, in_tmp / "old.yaml")
    edited(in_tmp, review_edit)
    return "old.yaml", "new.yaml"


def test_text_output_when_piped_is_plain_and_escaped(
    runner: CliRunner, sides: tuple[str, str]
) -> None:
    code, out, err = napctl("diff", *sides, code=None)
    # The ESC in the new text is a problem of its own (NAP211, one escaped line); the
    # diff still shows the change, escaped.
    assert code == 0 and err.count("\n") == 1 and "NAP211" in err and "\x1b" not in err
    assert "\x1b" not in out and "\\x1b[31m" in out
    assert "~ action I.1.2 reworded: Make a [-detailed-] {+thorough+} analysis" in out
    compare_golden("diff-lu-review.txt", out)


def test_exit_code_like_git_diff(runner: CliRunner, sides: tuple[str, str]) -> None:
    assert napctl("diff", *sides, "--exit-code", code=None)[0] == 1
    assert napctl("diff", sides[0], sides[0], "--exit-code", code=None)[0] == 0
    assert napctl("diff", *sides, code=None)[0] == 0


def test_actor_view(runner: CliRunner, sides: tuple[str, str]) -> None:
    code, out, _ = napctl("diff", *sides, "--actor", "d5", code=None)
    assert code == 0
    assert out.splitlines()[1] == "d5: +I.1.3, +II.1.9, II.2.3 reworded"
    code, out, _ = napctl("diff", *sides, "--actor", "Luxembourg Army", code=None)
    assert out.splitlines()[1] == "Luxembourg Army: I.1.2 reworded, -I.1.4, I.2.1 moved"
    code, out, _ = napctl("diff", *sides, "-a", "MSI", "-f", "json", code=None)
    assert {c["id"] for c in json.loads(out)} == {"I.1.2", "I.1.4"}  # MSI's Police unit
    code, _, err = napctl("diff", *sides, "--actor", "MAEE D55", code=None)
    assert code == 2 and "unknown actor 'MAEE D55'; did you mean 'MAEE D5'" in err


def _line(path: str, pos: dict[str, Any]) -> str:
    return Path(path).read_text(encoding="utf-8").splitlines()[pos["line"] - 1]


def test_json_positions_point_at_the_right_lines(runner: CliRunner, sides: tuple[str, str]) -> None:
    code, out, _ = napctl("diff", *sides, "-f", "json", code=None)
    records = json.loads(out)
    assert code == 0 and all(
        set(r) >= {"kind", "id", "field", "old", "new", "old_pos", "new_pos"} for r in records
    )
    by = {(r["kind"], r["id"]): r for r in records}
    reworded = by["action-reworded", "I.1.2"]
    assert reworded["old_pos"]["file"] == "old.yaml" and reworded["new_pos"]["file"] == "new.yaml"
    assert "Make a detailed analysis" in _line("old.yaml", reworded["old_pos"])
    assert "Make a thorough analysis" in _line("new.yaml", reworded["new_pos"])
    removed = by["action-removed", "I.1.4"]
    assert removed["new_pos"] is None and "id: I.1.4" in _line("old.yaml", removed["old_pos"])
    added = by["action-department-added", "I.1.3"]
    assert added["old_pos"] is None and _line("new.yaml", added["new_pos"]).endswith("MAEE D5")
    moved = by["action-moved", "I.2.1"]
    assert "id: I.2.1" in _line("old.yaml", moved["old_pos"])
    assert "id: I.2.1" in _line("new.yaml", moved["new_pos"])
    assert moved["old"] == {"pillar": "I", "goal": "I.2"}


def test_markdown_is_commonmark_with_plan_text_escaped(
    runner: CliRunner, sides: tuple[str, str]
) -> None:
    code, out, _ = napctl("diff", *sides, "-f", "md", code=None)
    assert code == 0
    html = MarkdownIt("commonmark").render(out)
    assert "<b>staff" not in html and "<a href" not in html and "<em>gender" not in html
    assert "&lt;b&gt;staff&lt;/b&gt;" in html
    assert "<del>detailed</del> <ins>thorough</ins>" in html
    items = [t for t in MarkdownIt("commonmark").parse(out) if t.type == "list_item_open"]
    assert len(items) == 6
    compare_golden("diff-lu-review.md", out)


def test_long_markdown_sections_fold_into_details(runner: CliRunner, in_tmp: Path) -> None:
    edited(in_tmp, next_generation)
    code, out, _ = napctl("diff", str(LU), "new.yaml", "-f", "md", code=None)
    assert code == 0
    tokens = MarkdownIt("commonmark").parse(out)
    blocks = [t.content for t in tokens if t.type == "html_block"]
    assert blocks[0].startswith("<details>\n<summary>Pillars, goals and actions (56)</summary>")
    assert any(b.startswith("</details>") for b in blocks)
    assert len([t for t in tokens if t.type == "list_item_open"]) == 57  # and the metadata id


def test_reindented_file_with_reordered_keys_is_no_change(runner: CliRunner, in_tmp: Path) -> None:
    import yaml

    from tests.diff.test_diff import plan_data

    Path("re.yaml").write_text(
        yaml.safe_dump(plan_data(), indent=6, sort_keys=True, allow_unicode=True), encoding="utf-8"
    )
    assert napctl("diff", str(LU), "re.yaml", "--exit-code", code=None) == (
        0,
        f"{LU} -> re.yaml\nno changes\n",
        "",
    )


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_rev_path_from_a_git_repository(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "plans").mkdir()
    shutil.copy(LU, in_tmp / "plans" / "lu.yaml")
    _git(in_tmp, "init", "-q")
    _git(in_tmp, "add", ".")
    _git(in_tmp, "commit", "-qm", "plan")
    edited(in_tmp / "plans", review_edit, name="lu.yaml")
    code, out, err = napctl(
        "diff", "HEAD:plans/lu.yaml", "plans/lu.yaml", "-f", "json", "--exit-code", code=None
    )
    assert code == 1 and err.count("\n") == 1 and "NAP211" in err  # the ESC in II.1.9
    reworded = next(r for r in json.loads(out) if r["kind"] == "action-reworded")
    assert reworded["old_pos"]["file"] == "HEAD:plans/lu.yaml"
    lines = LU.read_text(encoding="utf-8").splitlines()
    text_line = lines.index("          - id: I.1.2") + 2  # the line after the id holds the text
    assert lines[text_line - 1].lstrip().startswith("text: Make a detailed analysis")
    assert reworded["old_pos"]["line"] == text_line
    for bad in ("HEAD~3:plans/lu.yaml", "HEAD:plans/none.yaml", "HEAD:plans"):
        code, out, err = napctl("diff", bad, "plans/lu.yaml", code=None)
        assert code == 2 and out == "" and len(err.splitlines()) == 1, err
        assert err.startswith("napctl: error: ")
    assert napctl("diff", "--output=x:y", "plans/lu.yaml", code=None)[0] == 2
    assert not Path("x").exists()


def test_missing_file_and_unreadable_side(runner: CliRunner, in_tmp: Path) -> None:
    code, _, err = napctl("diff", "nothing.yaml", str(LU), code=None)
    assert (code, err) == (2, "napctl: error: no such file: nothing.yaml\n")
    Path("bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    code, out, err = napctl("diff", str(LU), "bad.yaml", code=None)
    assert code == 1 and out == ""
    assert err.startswith("bad.yaml:1:5: NAP103 ") and "Traceback" not in err
    assert err.endswith("napctl: cannot compare: a side is not readable as YAML\n")


def test_invalid_side_problems_on_stderr_and_the_diff_on_stdout(
    runner: CliRunner, in_tmp: Path
) -> None:
    text = LU.read_text(encoding="utf-8").replace("  end: 2023", "  end: soon")
    Path("wip.yaml").write_text(text, encoding="utf-8")
    code, out, err = napctl("diff", str(PLANS / "lu-2018-2023.yaml"), "wip.yaml", code=None)
    assert code == 0
    assert err == (
        "wip.yaml:14:8: NAP202 period, end: expected a whole number, found the text 'soon'\n"
    )
    assert "~ metadata period.end: [-2023-] {+soon+}" in out


def test_terminal_output_is_coloured_text_with_control_characters_escaped(
    runner: CliRunner, sides: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import napctl.cli.options

    monkeypatch.setattr(napctl.cli.options, "_to_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR")
    result = runner.invoke(app, ["diff", *sides], color=True, env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout  # coloured
    assert "*gender*\\x1b[31m" in result.stdout  # the plan's escape sequence, escaped
    assert "*gender*\x1b" not in result.stdout


NEGATIVE = sorted((ROOT / "tests" / "example-files" / "negative").glob("*.yaml"))
HOSTILE = sorted((ROOT / "tests" / "hostile" / "files").glob("*"))


@pytest.mark.parametrize("path", NEGATIVE + HOSTILE, ids=lambda p: p.name)
def test_any_broken_file_gives_problems_never_a_traceback(runner: CliRunner, path: Path) -> None:
    for args in (
        [str(path), str(LU)],
        [str(LU), str(path), "-f", "json"],
        [str(path), str(path), "-f", "md", "-a", "MAEE"],
    ):
        result = runner.invoke(app, ["diff", *args])
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            repr(result.exception),
        )
