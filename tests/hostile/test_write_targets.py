"""Class 6, writes through links: every writer of the record resolves its target inside
its root and refuses a link that leads out; the rest of a batch goes on (issue 26)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT

PLAN = "lu-2018-2023"
YEAR_DIR = Path("progress") / PLAN / "2020"
D5 = YEAR_DIR / "maee-d5.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the example progress files; ``outside`` is a folder beside it."""
    (tmp_path / "repo").mkdir()
    (tmp_path / "outside").mkdir()
    shutil.copytree(ROOT / "examples" / "progress", tmp_path / "repo" / "progress")
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--plans", str(PLANS)])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code != 70, result.stderr
    return result.exit_code, result.stdout, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_init_through_a_linked_year_folder_writes_nothing_outside(repo: Path) -> None:
    outside = repo.parent / "outside"
    os.symlink(outside, repo / "progress" / PLAN / "2021")
    code, out, err = run("progress", "init", "--plan", PLAN, "--year", "2021")
    assert code == 1
    assert list(outside.iterdir()) == []
    assert out == ""
    assert (
        f"napctl: left {YEAR_DIR.parent / '2021' / 'maee-d5.yaml'} as it is: not written:"
        f" a link leads outside progress (to {outside.resolve()})" in err
    )
    assert err.count("a link leads outside progress") == 26  # each department told
    assert "0 created" in err


def test_init_through_a_linked_plan_folder_makes_no_folder_outside(repo: Path) -> None:
    outside = repo.parent / "outside"
    os.symlink(outside, repo / "progress" / "be-2013-2016")
    code, _, err = run("progress", "init", "--plan", "be-2013-2016", "--year", "2015")
    assert code == 1
    assert list(outside.iterdir()) == []  # not even the year folder
    assert "a link leads outside progress" in err


def test_init_a_linked_report_is_refused_and_the_batch_goes_on(repo: Path) -> None:
    outside = repo.parent / "outside" / "d5.yaml"
    outside.write_bytes((repo / D5).read_bytes().replace(b"  - id: II.1.1\n", b""))
    before = outside.read_bytes()
    (repo / D5).unlink()
    os.symlink(outside, repo / D5)
    for f in (repo / YEAR_DIR).iterdir():
        if f.name != "maee-d5.yaml":
            f.unlink()
    code, out, err = run("progress", "init", "--plan", PLAN, "--year", "2020")
    assert code == 1
    assert outside.read_bytes() == before  # neither read nor written through the link
    assert f"napctl: left {D5} as it is: not read: a link leads outside progress" in err
    created = [line for line in out.splitlines() if line.startswith("created ")]
    assert len(created) == 25  # every other department got its file
    assert f"created {YEAR_DIR / 'maee-d1.yaml'}" in created


def test_init_a_link_that_stays_inside_is_written_through(repo: Path) -> None:
    real = repo / "progress" / "kept" / "d5.yaml"
    real.parent.mkdir()
    real.write_bytes(
        (repo / D5).read_bytes().replace(b"  - id: II.1.1\n    status: not-reported\n", b"")
    )
    (repo / D5).unlink()
    os.symlink(real, repo / D5)
    code, out, err = run("progress", "init", "--plan", PLAN, "--year", "2020")
    assert code == 0, err
    assert f"added 1 actions to {D5}: II.1.1" in out
    assert (repo / D5).is_symlink()
    assert b"  - id: II.1.1\n    status: not-reported\n" in real.read_bytes()


def render(repo: Path) -> None:
    code, _, err = run("checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020")
    assert code == 0, err


def type_value(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    at = text.index("    - Value:", text.index("**II.3.1**"))
    page.write_text(text[:at] + "    - Value: 3 sessions" + text[at + 12 :], encoding="utf-8")


def test_import_through_a_linked_progress_file_is_refused(repo: Path) -> None:
    render(repo)
    outside = repo.parent / "outside" / "d5.yaml"
    shutil.move(repo / D5, outside)
    os.symlink(outside, repo / D5)
    before = outside.read_bytes()
    type_value(repo / "checklists" / "lu" / "maee-d5.md")
    code, _, err = run("progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    assert code == 1
    assert outside.read_bytes() == before
    assert f"{D5}:1:1: not written: a link leads outside progress (to {outside.resolve()})" in err
    assert "0 values imported into 0 files" in err


def test_import_rerenders_no_linked_sibling_outside(repo: Path) -> None:
    render(repo)
    sibling = repo / "checklists" / "lu" / "maee.md"  # shows MAEE D5's entries too
    outside = repo.parent / "outside" / "maee.md"
    shutil.move(sibling, outside)
    os.symlink(outside, sibling)
    before = outside.read_bytes()
    type_value(repo / "checklists" / "lu" / "maee-d5.md")
    code, out, err = run("progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    assert code == 0, err
    assert "rendered checklists/lu/maee-d5.md again" in out  # the rest goes on
    assert outside.read_bytes() == before
    assert (
        "napctl: checklists/lu/maee.md not rendered again: a link leads outside"
        f" checklists (to {outside.resolve()}); napctl writes only inside it"
    ) in err


def test_the_rule_itself(tmp_path: Path) -> None:
    from napctl.core.fsutil import OutsideRootError, atomic_write, inside_root

    root, other = tmp_path / "root", tmp_path / "other"
    root.mkdir()
    other.mkdir()
    (root / "up").symlink_to("..")
    (root / "away").symlink_to(other)
    assert inside_root(root, root / "a" / "b.yaml") == (root / "a" / "b.yaml").resolve()
    for name in ("up/x.yaml", "away/x.yaml", "../x.yaml", "a/../../x.yaml"):
        with pytest.raises(OutsideRootError):
            atomic_write(root / name, "x", root=root)
    assert sorted(p.name for p in tmp_path.rglob("x.yaml")) == []
    # A sibling folder whose name starts like the root's is outside it.
    (tmp_path / "root2").mkdir()
    with pytest.raises(OutsideRootError):
        inside_root(root, root / ".." / "root2" / "x")
