"""Class 8 of issue 20: `-o` over things that are not regular files.

One helper (``napctl.core.fsutil.atomic_write``) decides: ``-`` is stdout, a
link is written through, a device or FIFO is written to (never replaced), a
folder or a link to nothing is refused, stale temporary files are removed.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core import fsutil
from napctl.core.fsutil import atomic_write
from tests.conftest import MINIMAL, write


def _render(runner: CliRunner, tmp: Path, out: str) -> tuple[int, str, str]:
    plan = write(tmp, "p.yaml", MINIMAL.read_text())
    result = runner.invoke(app, ["render", "report", "--plans", str(plan), "-o", out])
    return result.exit_code, result.stdout, result.stderr


def test_dash_is_stdout(tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = _render(runner, tmp_path, "-")
    assert code == 0 and out.startswith("# ") and not (tmp_path / "-").exists()
    schema = runner.invoke(app, ["schema", "-o", "-"])
    assert schema.exit_code == 0 and '"$schema"' in schema.stdout
    assert not (tmp_path / "-").exists()


def test_a_link_is_written_through(tmp_path: Path, runner: CliRunner) -> None:
    target = write(tmp_path, "real.md", "old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _, err = _render(runner, tmp_path, str(link))
    assert code == 0, err
    assert link.is_symlink() and target.read_text().startswith("# ")


def test_a_link_to_nothing_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    link = tmp_path / "dangling.md"
    link.symlink_to(tmp_path / "nowhere" / "x.md")
    code, _, err = _render(runner, tmp_path, str(link))
    assert code != 0 and "link to nothing" in err and link.is_symlink()


def test_a_fifo_with_a_reader_is_written_to_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    for _ in range(100):  # until the reader has the pipe open
        try:
            atomic_write(fifo, "through the pipe\n")
            break
        except OSError:
            time.sleep(0.02)
    reader.join(5)
    assert got == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_fifo_without_a_reader_is_refused_not_replaced(tmp_path: Path, runner: CliRunner) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = _render(runner, tmp_path, str(fifo))
    assert code != 0 and "nobody reads" in err and "Traceback" not in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dev_null_stays_a_device(tmp_path: Path, runner: CliRunner) -> None:
    code, _, err = _render(runner, tmp_path, os.devnull)
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_dev_stdout_is_written_to_never_replaced(tmp_path: Path) -> None:
    before = os.lstat("/dev/stdout")
    for stdout in (subprocess.PIPE, (tmp_path / "out.json").open("wb")):
        done = subprocess.run(
            [sys.executable, "-m", "napctl", "schema", "-o", "/dev/stdout"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert b'"$schema"' in done.stdout if done.stdout else True
    assert (tmp_path / "out.json").read_text().lstrip().startswith("{")
    after = os.lstat("/dev/stdout")
    assert stat.S_ISLNK(after.st_mode) and after.st_ino == before.st_ino


def test_a_folder_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = _render(runner, tmp_path, str(folder))
    assert code != 0 and "folder" in err.lower() and folder.is_dir()


def test_stale_temporary_files_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fsutil, "_CLEANED", set())
    dead = tmp_path / ".report.md.napctl-999999999-deadbeef.tmp"
    live = tmp_path / f".report.md.napctl-{os.getppid()}-cafebabe.tmp"
    old = tmp_path / ".report.md.k3j4h5g6.tmp"
    mine = tmp_path / ".notes.tmp"  # not a name napctl makes: kept
    for f in (dead, live, old, mine):
        f.write_text("half")
    os.utime(old, (time.time() - 2 * fsutil.STALE_SECONDS,) * 2)
    atomic_write(tmp_path / "report.md", "new\n")
    assert not dead.exists() and not old.exists()
    assert live.exists() and mine.exists()
    assert (tmp_path / "report.md").read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == sorted(
        [live.name, mine.name]
    )


def test_replaced_files_keep_their_mode_and_new_ones_follow_the_umask(tmp_path: Path) -> None:
    kept = write(tmp_path, "kept.md", "x")
    kept.chmod(0o640)
    atomic_write(kept, "y")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    mask = os.umask(0o022)
    os.umask(mask)
    new = tmp_path / "new.md"
    atomic_write(new, "z")
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask
