"""core/tree.py: a tree of files written where bytes change, stale files removed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from napctl.core.fsutil import OutsideRootError
from napctl.core.tree import MANIFEST, TreeWriter


def test_a_file_is_written_once_and_left_alone_when_its_bytes_are_the_same(
    tmp_path: Path,
) -> None:
    first = TreeWriter(tmp_path)
    assert first.write(["a", "b", "index.html"], b"one") is True
    again = TreeWriter(tmp_path)
    before = os.stat(tmp_path / "a" / "b" / "index.html").st_ino
    assert again.write(["a", "b", "index.html"], b"one") is False
    assert again.write(["a", "b", "data.json"], b"{}") is True
    assert os.stat(tmp_path / "a" / "b" / "index.html").st_ino == before
    assert (again.written, again.unchanged) == (1, 1)
    assert again.write(["a", "b", "index.html"], b"two") is True
    assert (tmp_path / "a" / "b" / "index.html").read_bytes() == b"two"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(b"old")
    os.chmod(tmp_path / "page.html", 0o640)
    TreeWriter(tmp_path).write(["page.html"], b"new")
    assert os.stat(tmp_path / "page.html").st_mode & 0o777 == 0o640


def test_a_folder_linked_outside_the_root_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "site"
    root.mkdir()
    (root / "plan").symlink_to(outside)
    with pytest.raises(OutsideRootError):
        TreeWriter(root).write(["plan", "index.html"], b"x")
    assert list(outside.iterdir()) == []


def test_a_deeper_folder_linked_outside_is_refused_and_one_linked_inside_is_used(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "site"
    (root / "plan" / "actions").mkdir(parents=True)
    (root / "plan" / "actions" / "A1").symlink_to(outside)
    (root / "shared").mkdir()
    (root / "plan" / "years").symlink_to(root / "shared")
    writer = TreeWriter(root)
    writer.write(["plan", "index.html"], b"p")
    with pytest.raises(OutsideRootError):
        writer.write(["plan", "actions", "A1", "index.html"], b"x")
    assert list(outside.iterdir()) == []
    writer.write(["plan", "years", "2020", "index.html"], b"y")
    assert (root / "shared" / "2020" / "index.html").read_bytes() == b"y"


def test_a_dotted_address_part_cannot_climb_out_of_the_root(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    with pytest.raises(OutsideRootError):
        TreeWriter(root).write(["..", "..", "escaped.html"], b"x")
    assert not (tmp_path.parent / "escaped.html").exists()


def test_a_killed_runs_temporary_file_in_an_existing_folder_is_removed(
    tmp_path: Path,
) -> None:
    (tmp_path / "plan").mkdir()
    stale = tmp_path / "plan" / ".index.html.abcd1234.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (1, 1))
    TreeWriter(tmp_path).write(["plan", "index.html"], b"x")
    assert not stale.exists()


def test_a_link_to_a_file_inside_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "real.html").write_bytes(b"old")
    (tmp_path / "page.html").symlink_to(tmp_path / "real.html")
    TreeWriter(tmp_path).write(["page.html"], b"new")
    assert (tmp_path / "page.html").is_symlink()
    assert (tmp_path / "real.html").read_bytes() == b"new"


def test_a_streamed_file_is_put_in_place_only_when_its_bytes_change(tmp_path: Path) -> None:
    for expected in (1, 0):
        tree = TreeWriter(tmp_path)
        with tree.stream(["data", "rows.csv"]) as handle:
            handle.write(b"a,b\r\n")
            handle.write(b"1,2\r\n")
        assert tree.written == expected
    assert (tmp_path / "data" / "rows.csv").read_bytes() == b"a,b\r\n1,2\r\n"
    assert [p.name for p in (tmp_path / "data").iterdir()] == ["rows.csv"]


def test_a_stream_that_fails_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    TreeWriter(tmp_path).write(["rows.csv"], b"old")
    tree = TreeWriter(tmp_path)
    with pytest.raises(RuntimeError), tree.stream(["rows.csv"]) as handle:
        handle.write(b"half")
        raise RuntimeError("stop")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv"]
    assert (tmp_path / "rows.csv").read_bytes() == b"old"


def test_prune_removes_only_what_the_last_build_wrote_and_this_one_did_not(
    tmp_path: Path,
) -> None:
    first = TreeWriter(tmp_path)
    first.write(["plan", "actions", "A.1", "index.html"], b"a1")
    first.write(["plan", "actions", "A.2", "index.html"], b"a2")
    first.write(["plan", "index.html"], b"p")
    assert first.prune() == []
    (tmp_path / "CNAME").write_text("nap.example.org\n")
    (tmp_path / "plan" / "actions" / "A.2" / "notes.txt").write_text("mine\n")
    second = TreeWriter(tmp_path)
    second.write(["plan", "index.html"], b"p")
    removed = second.prune()
    assert removed == ["plan/actions/A.1/index.html", "plan/actions/A.2/index.html"]
    assert not (tmp_path / "plan" / "actions" / "A.1").exists()  # emptied: removed
    assert (tmp_path / "plan" / "actions" / "A.2" / "notes.txt").is_file()  # not ours
    assert (tmp_path / "CNAME").is_file()
    assert (tmp_path / MANIFEST).read_text() == "plan/index.html\n"


def test_a_hand_edited_list_cannot_remove_anything_outside_the_tree(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    (root / MANIFEST).write_text("../victim.txt\n/etc/passwd\n.napctl-files\n")
    assert TreeWriter(root).prune() == []
    assert victim.read_text() == "keep\n"
