"""`napctl progress migrate` finds a block of actions renumbered together (issue 26):
III.4.1-III.4.3 become III.4.4-III.4.6, their wording touched, while the actions now
at III.4.1-III.4.3 read much like them. Where the moves do not agree, it says so and
changes nothing for those ids."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from napctl.progress.migrate import plan_migration
from tests.conftest import MINIMAL, napctl

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = "xx-2020-2022"
REPORT = Path("progress") / PLAN / "2021" / "int.yaml"
OLD = [
    ("P2.1.1", "Train police officers on gender-based violence"),
    ("P2.1.2", "Train judges on gender-based violence"),
    ("P2.1.3", "Train prosecutors on gender-based violence"),
]
LOOKALIKES = [
    ("P2.1.1", "Train border guards on gender-based violence"),
    ("P2.1.2", "Train social workers on gender-based violence"),
    ("P2.1.3", "Train teachers on gender-based violence"),
]
MOVED = [
    ("P2.1.4", "Train police officers on gender-based violence and trafficking"),
    ("P2.1.5", "Train the judges on gender based violence"),
    ("P2.1.6", "Train public prosecutors on gender-based violence"),
]
#: the same three moved, but not by one step: P2.1.2 to P2.1.7, P2.1.3 to P2.1.5
SHUFFLED = [MOVED[0], ("P2.1.5", MOVED[2][1]), ("P2.1.7", MOVED[1][1])]


def plan_text(actions: list[tuple[str, str]]) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    start = text.index("          - id: P2.1.1")
    rows = [
        f"          - id: {i}\n            text: {t}\n            departments: [INT]\n"
        for i, t in actions
    ]
    return text[:start] + "".join(rows)


def git(*args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], check=True, capture_output=True
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The plan with OLD committed, INT's 2021 report of all three filled in."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    Path("plans/xx.yaml").write_text(plan_text(OLD), encoding="utf-8")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "v1")
    napctl("progress", "init", "--plan", PLAN, "--year", "2021", "--plans", "plans")
    text = REPORT.read_text(encoding="utf-8")
    for action, _ in OLD:
        blank = f"  - id: {action}\n    status: not-reported\n"
        text = text.replace(blank, f"  - id: {action}\n    status: ongoing\n")
    REPORT.write_text(text, encoding="utf-8")
    return tmp_path


def statuses() -> dict[str, str]:
    data = yaml.safe_load(REPORT.read_text(encoding="utf-8"))
    return {a["id"]: a["status"] for a in data["actions"]}


@pytest.mark.parametrize(
    ("new", "moves"),
    [
        (LOOKALIKES + MOVED, {"P2.1.1": "P2.1.4", "P2.1.2": "P2.1.5", "P2.1.3": "P2.1.6"}),
        (MOVED, {"P2.1.1": "P2.1.4", "P2.1.2": "P2.1.5", "P2.1.3": "P2.1.6"}),
        # two lookalikes only: the block still moved by three
        (LOOKALIKES[:2] + MOVED, {"P2.1.1": "P2.1.4", "P2.1.2": "P2.1.5", "P2.1.3": "P2.1.6"}),
    ],
)
def test_a_block_renumbered_together_is_carried(
    repo: Path, new: list[tuple[str, str]], moves: dict[str, str]
) -> None:
    Path("plans/xx.yaml").write_text(plan_text(new), encoding="utf-8")
    done = napctl("progress", "migrate", "--plan", PLAN, "--plans", "plans", "--apply")
    for old, moved in moves.items():
        assert f"renumbered: {old} -> {moved}" in done.stdout
    assert "ambiguous" not in done.stdout
    now = statuses()
    assert all(now[moved] == "ongoing" for moved in moves.values()), now
    napctl("validate", "plans", "--progress", "progress")


def test_moves_that_do_not_agree_change_nothing(repo: Path) -> None:
    Path("plans/xx.yaml").write_text(plan_text(LOOKALIKES + SHUFFLED), encoding="utf-8")
    before = REPORT.read_bytes()
    done = napctl("progress", "migrate", "--plan", PLAN, "--plans", "plans", "--apply", code=1)
    assert "ambiguous: P2.1.2 -> P2.1.2 or P2.1.7" in done.stdout
    assert f"{REPORT}:" in done.stdout and "change the id by hand" in done.stdout
    assert "renumbered" not in done.stdout
    assert REPORT.read_bytes() == before


def test_the_library_names_the_moves_the_freed_ids_and_no_added_target(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(plan_text(OLD), encoding="utf-8")
    new.write_text(plan_text(LOOKALIKES + MOVED), encoding="utf-8")
    found = plan_migration(str(old), str(new))
    assert found.renames == {"P2.1.1": "P2.1.4", "P2.1.2": "P2.1.5", "P2.1.3": "P2.1.6"}
    assert sorted(found.added) == ["P2.1.1", "P2.1.2", "P2.1.3"]
    assert found.ambiguous == {}


def test_a_same_id_kept_with_its_text_is_not_moved(tmp_path: Path) -> None:
    """The lookalike is not clearly closer than the action kept under its id."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(plan_text(OLD), encoding="utf-8")
    new.write_text(plan_text([*OLD, ("P2.1.4", "Train border guards on gender-based violence")]))
    found = plan_migration(str(old), str(new))
    assert found.renames == {} and found.ambiguous == {} and found.added == ["P2.1.4"]
