"""Issue 26, class 6: `napctl checklists --out DIR` where a checklist's path is a link
leading out of DIR refuses that one file (named, exit 1 at the end) and writes the
others. A link that stays inside DIR is followed. `--check` reports it and fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import PLANS, napctl

OUT = ["--out", "cl", "--plans", str(PLANS)]


@pytest.fixture
def rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Checklists of the bundled plans in ``cl``, and an empty folder ``outside``."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outside").mkdir()
    napctl("checklists", *OUT)
    return tmp_path


def rerender(code: int) -> tuple[str, dict[str, bytes]]:
    """Render again with another date (every checklist changes); stderr, cl's files."""
    done = napctl("checklists", *OUT, "--date", "2031-01-01", code=code)
    files = {
        p.relative_to("cl").as_posix(): p.read_bytes()
        for p in Path("cl").rglob("*.md")
        if not p.is_symlink()
    }
    return done.stderr, files


def test_a_file_linked_out_is_refused_and_the_others_are_written(rendered: Path) -> None:
    (rendered / "cl/lu/maee-d5.md").unlink()
    os.symlink(rendered / "outside/d5.md", rendered / "cl/lu/maee-d5.md")  # dangling
    err, files = rerender(code=1)
    assert (
        f"napctl: cl/lu/maee-d5.md: not written: a link leads outside cl (to"
        f" {rendered.resolve() / 'outside/d5.md'}); napctl writes only inside it" in err
    )
    assert "37 written, 0 unchanged in cl" in err
    assert len(files) == 37 and all(b"2031-01-01" in text for text in files.values())
    assert list((rendered / "outside").iterdir()) == []


def test_a_file_linked_to_an_existing_file_outside_leaves_it_alone(rendered: Path) -> None:
    theirs = rendered / "outside" / "notes.md"
    theirs.write_text("a ministry's own notes\n", encoding="utf-8")
    (rendered / "cl/be/justice.md").unlink()
    os.symlink(theirs, rendered / "cl/be/justice.md")
    err, files = rerender(code=1)
    assert "napctl: cl/be/justice.md: not written: a link leads outside cl" in err
    assert theirs.read_text(encoding="utf-8") == "a ministry's own notes\n"
    assert b"2031-01-01" in files["lu/maee-d5.md"] and b"2031-01-01" in files["index.md"]


def test_a_country_folder_linked_out_refuses_its_files_only(rendered: Path) -> None:
    os.rename(rendered / "cl/be", rendered / "outside/be")
    os.symlink(rendered / "outside/be", rendered / "cl/be")
    before = {p.name: p.read_bytes() for p in (rendered / "outside/be").iterdir()}
    err, files = rerender(code=1)
    refused = [line for line in err.splitlines() if "not written" in line]
    assert len(refused) == len(before) and all("napctl: cl/be/" in line for line in refused)
    assert {p.name: p.read_bytes() for p in (rendered / "outside/be").iterdir()} == before
    assert b"2031-01-01" in files["lu/maee-d5.md"]


def test_a_link_that_stays_inside_is_written_through(rendered: Path) -> None:
    (rendered / "cl/lu/maee-d5.md").rename(rendered / "cl/kept-d5.md")
    os.symlink("../kept-d5.md", rendered / "cl/lu/maee-d5.md")
    err, _ = rerender(code=0)
    assert "not written" not in err
    assert b"2031-01-01" in (rendered / "cl/kept-d5.md").read_bytes()


def test_check_names_the_linked_file_and_fails(rendered: Path) -> None:
    (rendered / "cl/lu/maee-d5.md").unlink()
    os.symlink(rendered / "outside/d5.md", rendered / "cl/lu/maee-d5.md")
    done = napctl("checklists", *OUT, "--check", code=1)
    assert "cl/lu/maee-d5.md: not written: a link leads outside cl" in done.stdout
    assert "1 of 38 files would not be written: a link leads outside" in done.stderr
    assert list((rendered / "outside").iterdir()) == []
