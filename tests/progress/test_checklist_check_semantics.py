"""`checklists --check` fails only on what would lose work (issue 26).

Ticks and typed values not in the progress files, and files left behind,
fail; a checklist made stale by a ministry that edited its YAML directly is
reported and passes; without --year, year checklists are compared with the
progress files of their own year, never called pending for that alone.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from napctl.render.checklist_check import CheckReport
from tests.progress.test_checklist_roundtrip import PLAN, render_all, repo, run, tick

__all__ = ["repo"]  # the fixture, used by name

SRE = Path("progress") / PLAN / "2020" / "sre.yaml"
PAGE = Path("checklists") / "lu" / "sre.md"


def test_a_ministry_editing_its_yaml_does_not_fail_the_check(repo: Path, runner: CliRunner) -> None:
    render_all(runner)
    text = SRE.read_text(encoding="utf-8")
    SRE.write_text(
        text.replace(
            "summary: Internal code of conduct reminded to all staff.",
            "summary: Code of conduct reminded to all staff, twice.",
        ),
        encoding="utf-8",
    )
    code, out, err = run(
        runner, "checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020", "--check"
    )
    assert code == 0, err
    assert out == f"{PAGE}: stale\n"
    assert (
        "1 stale, 0 missing of 27 files (nothing in them to import); run `napctl"
        f" checklists --out checklists --plan {PLAN} --year 2020" in err
    )
    assert "hold ticks" not in err


def test_without_year_year_checklists_are_not_called_pending(repo: Path, runner: CliRunner) -> None:
    render_all(runner)
    code, out, err = run(runner, "checklists", "--out", "checklists", "--plan", PLAN, "--check")
    assert code == 0, err
    assert "hold ticks" not in err and "import them first" not in err
    assert f"{PAGE}: rendered for 2020; nothing in it to import" in out.splitlines()
    assert (
        "26 checklists rendered for 2020 hold nothing to import; check them with --year 2020" in err
    )


def test_without_year_a_real_pending_tick_still_fails(repo: Path, runner: CliRunner) -> None:
    render_all(runner)
    page = Path("checklists") / "lu" / "maee-d5.md"
    page.write_text(tick(page.read_text(encoding="utf-8"), "II.2.3"), encoding="utf-8")
    code, out, err = run(runner, "checklists", "--out", "checklists", "--plan", PLAN, "--check")
    assert code == 1
    assert "II.2.3 is ticked but not reported completed" in out
    assert "1 checklist holds ticks or values not yet in the progress files; import it" in err
    assert "25 checklists rendered for 2020 hold nothing to import" in err


def test_the_report_fails_only_on_lost_work() -> None:
    assert CheckReport(stale=[Path("a.md")], missing=[Path("b.md")]).ok
    assert CheckReport(other_year={Path("a.md"): "2020"}).ok
    assert not CheckReport(left_behind=[Path("c.md")]).ok
    assert not CheckReport(pending={Path("d.md"): []}).ok


def test_rendering_again_never_overwrites_work_not_yet_imported(
    repo: Path, runner: CliRunner
) -> None:
    # The README's refresh job runs `checklists` after every merge: a checklist with a
    # tick not yet imported is left as it is, named, and the run exits 1.
    render_all(runner)
    page = Path("checklists") / "lu" / "maee-d5.md"
    ticked = tick(page.read_text(encoding="utf-8"), "II.2.3")
    page.write_text(ticked, encoding="utf-8")
    text = SRE.read_text(encoding="utf-8")
    SRE.write_text(
        text.replace(
            "summary: Internal code of conduct reminded to all staff.",
            "summary: Code of conduct reminded to all staff, twice.",
        ),
        encoding="utf-8",
    )
    code, _, err = run(
        runner, "checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020"
    )
    assert code == 1
    assert page.read_text(encoding="utf-8") == ticked
    assert (
        f"napctl: left {page} as it is: it holds ticks or values not yet in the progress"
        f" files; run `napctl progress import {page}` first" in err
    )
    assert "Code of conduct reminded to all staff, twice." in PAGE.read_text(encoding="utf-8")
    assert err.startswith("1 written, 25 unchanged in checklists\n")


def test_a_forged_year_in_a_marker_is_no_crash(repo: Path, runner: CliRunner) -> None:
    render_all(runner)
    page = Path("checklists") / "lu" / "sre.md"
    text = page.read_text(encoding="utf-8")
    for forged in ("²⁰²⁰", "9" * 5000):
        page.write_text(text.replace("year=2020", f"year={forged}"), encoding="utf-8")
        code, out, err = run(runner, "checklists", "--out", "checklists", "--plan", PLAN, "--check")
        assert code in (0, 1) and "Traceback" not in out + err
        assert str(page) in out
