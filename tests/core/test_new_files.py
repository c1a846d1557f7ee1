"""Files written as one batch (napctl.core.fsutil.NewFiles) and safe_children (issue 20)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from napctl.core import fsutil
from napctl.core.fsutil import NewFiles


def _count(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    calls = {"fsync": 0, "sync": 0}
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls["fsync"] += 1
        real_fsync(fd)

    monkeypatch.setattr(fsutil.os, "fsync", fsync)
    monkeypatch.setattr(fsutil, "_SYNC", lambda: calls.__setitem__("sync", calls["sync"] + 1))
    return calls


def test_a_large_batch_is_one_sync_and_appears_at_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count(monkeypatch)
    count = fsutil.BATCH_SYNC_MIN * 3
    with NewFiles() as batch:
        for n in range(count):
            batch.add(tmp_path / f"f{n}.yaml", f"n: {n}\n".encode())
        assert not list(tmp_path.glob("*.yaml"))  # nothing in place before the commit
        batch.commit()
    assert calls == {"fsync": 0, "sync": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"f{n}.yaml" for n in range(count))
    assert (tmp_path / "f7.yaml").read_text() == "n: 7\n"


def test_a_small_batch_flushes_each_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count(monkeypatch)
    with NewFiles() as batch:
        for n in range(3):
            batch.add(tmp_path / f"f{n}.yaml", b"x\n")
        batch.commit()
    assert calls == {"fsync": 3, "sync": 0}
    assert len(list(tmp_path.iterdir())) == 3


def test_an_error_before_the_commit_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), NewFiles() as batch:
        batch.add(tmp_path / "a.yaml", b"a\n")
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file


def test_a_file_already_there_is_replaced_at_once(tmp_path: Path) -> None:
    old = tmp_path / "a.yaml"
    old.write_text("old\n")
    with NewFiles() as batch:
        batch.add(old, b"new\n")
        assert old.read_text() == "new\n"
        batch.commit()
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
