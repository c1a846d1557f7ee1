"""`progress migrate` on hostile input: nothing guessed, nothing lost, nothing forged.

Variants of issue 26's classes for the command that rewrites reports after an
amendment: ids that would collide, quoted and CRLF files, control characters
in ids, a git option smuggled into --from, a FIFO among the reports, a file of
another plan in the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.progress.test_migrate import PLAN, REPORT, amend, git, repo, run

__all__ = ["repo"]  # the fixture, used by name

MIGRATE = ("progress", "migrate", "--plan", PLAN, "--plans", "plans")


def test_two_reports_that_would_collide_are_left_whole(runner: CliRunner, repo: Path) -> None:
    # III.4.3 is removed and III.4.2 takes its number: a file reporting on both would
    # end with two entries for III.4.3.
    path = Path("plans") / f"{PLAN}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("          - id: III.4.3\n")
    end = text.index("          - id: III.4.4\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    amend("- id: III.4.2\n", "- id: III.4.3\n")
    before = REPORT.read_bytes()  # MAEE D5 reports on III.4.2 and on III.4.3
    code, out, _ = run(runner, *MIGRATE, "--apply")
    assert code == 1
    assert "removed: III.4.3" in out.splitlines()
    assert "renumbered: III.4.2 -> III.4.3" in out.splitlines()
    assert f"{REPORT}:" in out and "which the file reports on already" in out
    assert REPORT.read_bytes() == before


def test_quotes_and_crlf_are_kept(runner: CliRunner, repo: Path) -> None:
    body = REPORT.read_text(encoding="utf-8").replace("- id: III.4.2  #", '- id: "III.4.2"  #')
    REPORT.write_bytes(body.replace("\n", "\r\n").encode("utf-8"))
    before = REPORT.read_bytes()
    amend("- id: III.4.2\n", "- id: III.4.5\n")
    code, out, _ = run(runner, *MIGRATE, "--apply")
    assert code == 0, out
    assert REPORT.read_bytes() == before.replace(b'- id: "III.4.2"  #', b"- id: III.4.5  #")


def test_control_characters_in_an_id_never_reach_the_terminal(
    runner: CliRunner, repo: Path
) -> None:
    body = REPORT.read_text(encoding="utf-8")
    REPORT.write_text(
        body.replace("- id: III.4.2  #", '- id: "III.4.2\\e[31m\\n::error"  #'), encoding="utf-8"
    )
    amend("- id: III.4.2\n", "- id: III.4.5\n")
    code, out, err = run(runner, *MIGRATE)
    assert code == 1
    assert "\x1b" not in out + err and "\n::error" not in out + err
    assert "is not an action of HEAD:" in out


def test_a_git_option_in_from_is_refused(runner: CliRunner, repo: Path) -> None:
    code, out, err = run(runner, *MIGRATE, "--from=--output=/tmp/x")
    assert code == 2 and out == "" and "neither a file nor REV:PATH" in err
    assert not Path("/tmp/x:").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_among_the_reports_does_not_hang(runner: CliRunner, repo: Path) -> None:
    os.mkfifo(Path("progress") / PLAN / "2021" / "zz.yaml")
    amend("- id: III.4.2\n", "- id: III.4.5\n")
    code, out, _ = run(runner, *MIGRATE, "--apply")
    assert code == 0 and f"wrote {REPORT}" in out


def test_a_file_of_another_plan_is_not_touched(runner: CliRunner, repo: Path) -> None:
    other = Path("progress") / PLAN / "2021" / "other.yaml"
    text = "plan: be-2013-2016\nyear: 2021\ndepartment: X\nactions:\n  - id: III.4.2\n"
    other.write_text(text, encoding="utf-8")
    amend("- id: III.4.2\n", "- id: III.4.5\n")
    code, out, _ = run(runner, *MIGRATE, "--apply")
    assert code == 0 and "other.yaml" not in out
    assert other.read_text(encoding="utf-8") == text
    assert git("status", "--porcelain", "progress").splitlines() == [f" M {REPORT}", f"?? {other}"]
