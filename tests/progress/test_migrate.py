"""`napctl progress migrate`: reports carried across a plan amendment (issue 26)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.progress.migrate import migrate_files, plan_migration
from tests.conftest import PLANS

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = "lu-2018-2023"
REPORT = Path("progress") / PLAN / "2021" / "maee-d5.yaml"


def git(*args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


def amend(old: str, new: str) -> None:
    path = Path("plans") / f"{PLAN}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> Path:
    """A repository with the Luxembourg plan and MAEE D5's 2021 report of III.4.2 filled in."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    shutil.copy(PLANS / f"{PLAN}.yaml", tmp_path / "plans")
    assert (
        run(runner, "progress", "init", "--plan", PLAN, "--year", "2021", "--plans", "plans")[0]
        == 0
    )
    text = REPORT.read_text(encoding="utf-8")
    blank = "  - id: III.4.2\n    status: not-reported\n"
    assert blank in text
    REPORT.write_text(
        text.replace(
            blank,
            "  - id: III.4.2  # kept comment\n    status:"
            " ongoing\n    summary: Two projects funded.\n",
        ),
        encoding="utf-8",
    )
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "plan and reports")
    return tmp_path


def test_a_renumbered_action_is_carried_over(runner: CliRunner, repo: Path) -> None:
    amend("- id: III.4.2\n", "- id: III.4.5\n")
    code, out, _ = run(runner, "validate")
    assert code == 1 and "NAP404" in out and "did you mean 'II.4.2'" in out
    before = REPORT.read_bytes()

    code, out, err = run(runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans")
    assert code == 0, err
    assert out.splitlines()[:2] == [
        f"{PLAN}: from HEAD:./plans/{PLAN}.yaml to plans/{PLAN}.yaml",
        "renumbered: III.4.2 -> III.4.5",
    ]
    assert f"{REPORT}: III.4.2 -> III.4.5" in out
    assert "run again with --apply to change 1 file" in err
    assert REPORT.read_bytes() == before  # shown, not written

    code, out, err = run(
        runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans", "--apply"
    )
    assert code == 0 and f"wrote {REPORT}" in out
    assert REPORT.read_bytes() == before.replace(b"- id: III.4.2  #", b"- id: III.4.5  #")
    assert run(runner, "validate")[0] == 0
    assert git("status", "--porcelain", "progress").count("\n") == 1  # only that file

    # Again: the file now names III.4.5, which the old version lacks: never moved twice.
    code, out, _ = run(runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans", "--apply")
    assert code == 1 and "'III.4.5' is not an action of HEAD:" in out
    assert REPORT.read_bytes() == before.replace(b"- id: III.4.2  #", b"- id: III.4.5  #")


def test_from_a_committed_amendment(runner: CliRunner, repo: Path) -> None:
    # Committed: the default is the version before the last commit that changed the plan.
    amend("- id: III.4.2\n", "- id: III.4.5\n")
    git("commit", "-qam", "amendment")
    code, out, _ = run(runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans", "--apply")
    first = git("rev-parse", "HEAD~1").strip()
    assert code == 0 and out.startswith(f"{PLAN}: from {first}:./plans/")
    assert "- id: III.4.5  # kept comment" in REPORT.read_text(encoding="utf-8")
    # And --from names it explicitly, the same answer (nothing left to do now is refused).
    code, out, _ = run(
        runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans", "--from", "HEAD~1"
    )
    assert code == 1 and "already migrated" in out


def test_swapped_ids_move_together(runner: CliRunner, repo: Path) -> None:
    # III.4.1 and III.4.2 swap numbers: both entries move at once, nothing collides.
    amend("- id: III.4.1\n", "- id: TMP\n")
    amend("- id: III.4.2\n", "- id: III.4.1\n")
    amend("- id: TMP\n", "- id: III.4.2\n")
    code, out, _ = run(runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans", "--apply")
    assert code == 0, out
    assert {"renumbered: III.4.1 -> III.4.2", "renumbered: III.4.2 -> III.4.1"} <= set(
        out.splitlines()
    )
    text = REPORT.read_text(encoding="utf-8")
    assert "- id: III.4.1  # kept comment\n    status: ongoing" in text
    assert run(runner, "validate")[0] == 0


def test_a_removed_action_is_reported_not_guessed(runner: CliRunner, repo: Path) -> None:
    path = Path("plans") / f"{PLAN}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("          - id: III.4.2\n")
    end = text.index("          - id: III.4.3\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    before = REPORT.read_bytes()
    code, out, _ = run(runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans", "--apply")
    assert code == 1
    assert "removed: III.4.2" in out.splitlines()
    line = before.decode().splitlines().index("  - id: III.4.2  # kept comment") + 1
    assert f"{REPORT}:{line}:9: 'III.4.2' was removed by the amendment" in out
    assert REPORT.read_bytes() == before


def test_a_reworded_and_renumbered_action(repo: Path) -> None:
    amend(
        "- id: III.4.2\n            text: Support projects strengthening the judicial",
        "- id: III.4.7\n            text: Support projects that strengthen the judicial",
    )
    migration = plan_migration(f"HEAD:./plans/{PLAN}.yaml", f"plans/{PLAN}.yaml")
    assert migration.renames == {"III.4.2": "III.4.7"}
    assert migration.removed == [] and migration.added == [] and migration.ambiguous == {}
    migrate_files(migration, sorted(Path("progress").rglob("*.yaml")))
    assert [(f.file, f.renames) for f in migration.changed] == [
        (str(REPORT), [("III.4.2", "III.4.7")])
    ]


def test_a_split_is_ambiguous(repo: Path) -> None:
    # III.4.2 becomes two actions with about the same text: which report is which is a
    # person's call.
    old = (
        "          - id: III.4.2\n            text: Support projects strengthening the"
        " judicial sector and governance in development cooperation partner countries\n"
    )
    amend(old, old.replace("III.4.2", "III.4.5"))
    path = Path("plans") / f"{PLAN}.yaml"
    text = path.read_text(encoding="utf-8")
    block_end = text.index("          - id: III.4.3\n")
    block = text[text.index("          - id: III.4.5\n") : block_end]
    path.write_text(
        text[:block_end]
        + block.replace("III.4.5", "III.4.6").replace("partner countries", "partner states")
        + text[block_end:],
        encoding="utf-8",
    )
    migration = plan_migration(f"HEAD:./plans/{PLAN}.yaml", f"plans/{PLAN}.yaml")
    assert migration.renames == {}
    assert sorted(migration.ambiguous["III.4.2"]) == ["III.4.5", "III.4.6"]
    migrate_files(migration, sorted(Path("progress").rglob("*.yaml")))
    assert migration.changed == [] and not migration.ok
    notes = [str(n) for f in migration.files for n in f.notes]
    assert len(notes) == 1 and "'III.4.2' is about as close to" in notes[0]


def test_usage_errors(runner: CliRunner, repo: Path) -> None:
    code, _, err = run(
        runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans", "--from", "nosuchrev"
    )
    assert code == 2 and err.startswith("napctl: error: cannot read nosuchrev:")
    code, _, err = run(
        runner, "progress", "migrate", "--plan", PLAN, "--plans", "plans", "--from", ":0"
    )
    assert code == 2 and "names git's index" in err


def test_plans_named_by_an_absolute_path(runner: CliRunner, repo: Path) -> None:
    amend("- id: III.4.2\n", "- id: III.4.5\n")
    code, out, err = run(
        runner, "progress", "migrate", "--plan", PLAN, "--plans", str(repo / "plans"), "--apply"
    )
    assert code == 0, err
    assert out.startswith(f"{PLAN}: from HEAD:./plans/{PLAN}.yaml to {repo}/plans/")
    assert "- id: III.4.5  # kept comment" in REPORT.read_text(encoding="utf-8")


def test_progress_named_as_a_year_folder(runner: CliRunner, repo: Path) -> None:
    amend("- id: III.4.2\n", "- id: III.4.5\n")
    code, out, _ = run(
        runner,
        "progress",
        "migrate",
        "--plan",
        PLAN,
        "--plans",
        "plans",
        "--progress",
        str(REPORT.parent),
    )
    assert code == 0 and f"{REPORT}: III.4.2 -> III.4.5" in out


def test_a_file_changed_meanwhile_is_not_written_over(repo: Path) -> None:
    from napctl.progress.migrate import write_migration

    amend("- id: III.4.2\n", "- id: III.4.5\n")
    migration = plan_migration(f"HEAD:./plans/{PLAN}.yaml", f"plans/{PLAN}.yaml")
    migrate_files(migration, sorted(Path("progress").rglob("*.yaml")))
    assert len(migration.changed) == 1
    saved = REPORT.read_text(encoding="utf-8") + "# a ministry saved meanwhile\n"
    REPORT.write_text(saved, encoding="utf-8")
    written, refused = write_migration(migration)
    assert written == [] and REPORT.read_text(encoding="utf-8") == saved
    assert [str(n) for n in refused] == [
        f"{REPORT}:1:1: left as it is: it changed while migrate ran; run migrate again"
    ]
    assert not migration.ok
