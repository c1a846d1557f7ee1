"""Class 3, reads without bounds: every file napctl reads goes through the one bounded
reader (regular files only, opened without blocking, size checked first) (issue 26)."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT

PLAN = "lu-2018-2023"
YEAR_DIR = Path("progress") / PLAN / "2020"
D5 = YEAR_DIR / "maee-d5.yaml"
LIMIT = 5 * 1024 * 1024


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    shutil.copytree(ROOT / "examples" / "progress", tmp_path / "progress")
    monkeypatch.chdir(tmp_path)

    def hung(*_: object) -> None:
        raise TimeoutError("napctl hung on a read")

    # A read that blocks (a FIFO nobody writes) fails the test instead of hanging it.
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield tmp_path
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--plans", str(PLANS)])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


def fifo_at(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def test_init_refuses_a_fifo_where_a_report_belongs_and_goes_on(repo: Path) -> None:
    fifo_at(repo / D5)
    (repo / YEAR_DIR / "mega.yaml").unlink()
    code, out, err = run("progress", "init", "--plan", PLAN, "--year", "2020")
    assert code == 1
    assert (
        f"napctl: left {D5} as it is: it cannot be read: not a regular file (a pipe, a"
        " device or a socket)" in err
    )
    assert f"created {YEAR_DIR / 'mega.yaml'}" in out  # the others go on


def test_init_refuses_a_link_to_dev_zero(repo: Path) -> None:
    (repo / D5).unlink()
    os.symlink("/dev/zero", repo / D5)
    code, _, err = run("progress", "init", "--plan", PLAN, "--year", "2020")
    assert code == 1
    assert f"napctl: left {D5} as it is: not read: a link leads outside progress" in err


def test_init_never_reads_a_huge_report_whole(repo: Path) -> None:
    with open(repo / D5, "r+b") as handle:  # sparse: 150 MB that take no disk
        handle.truncate(150 * 1024 * 1024)
    code, _, err = run("progress", "init", "--plan", PLAN, "--year", "2020")
    assert code == 1
    assert (
        f"napctl: left {D5} as it is: it cannot be read: file is 157,286,400 bytes,"
        f" over the limit of {LIMIT:,} bytes" in err
    )


def render_and_type(repo: Path) -> None:
    code, _, err = run("checklists", "--out", "checklists", "--plan", PLAN, "--year", "2020")
    assert code == 0, err
    page = repo / "checklists" / "lu" / "maee-d5.md"
    text = page.read_text(encoding="utf-8")
    at = text.index("    - Value:", text.index("**II.3.1**"))
    page.write_text(text[:at] + "    - Value: 3 sessions" + text[at + 12 :], encoding="utf-8")


def test_import_refuses_a_fifo_where_the_report_belongs(repo: Path) -> None:
    render_and_type(repo)
    fifo_at(repo / D5)
    code, _, err = run("progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    assert code == 1
    assert f"{D5}:1:1: left as it is: not a regular file (a pipe, a device or a socket)" in err
    assert (repo / D5).is_fifo()


def test_import_refuses_a_huge_report(repo: Path) -> None:
    render_and_type(repo)
    with open(repo / D5, "r+b") as handle:
        handle.truncate(150 * 1024 * 1024)
    code, _, err = run("progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    assert code == 1
    assert (
        f"{D5}:1:1: left as it is: file is 157,286,400 bytes, over the limit of"
        f" {LIMIT:,} bytes" in err
    )
    assert (repo / D5).stat().st_size == 150 * 1024 * 1024


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_import_of_a_checklist_that_is_not_a_file_is_a_usage_error(repo: Path, kind: str) -> None:
    page = repo / "page.md"
    if kind == "fifo":
        os.mkfifo(page)
    else:
        os.symlink("/dev/zero", page)
    code, _, err = run("progress", "import", "page.md", "--year", "2020")
    assert code == 2
    assert "cannot read page.md: not a regular file (a pipe, a device or a socket)" in err


def test_import_never_writes_a_report_validate_would_refuse(repo: Path) -> None:
    render_and_type(repo)
    text = (repo / D5).read_bytes()
    pad = LIMIT - len(text) - 10  # a comment that leaves 10 bytes to the limit
    (repo / D5).write_bytes(text + b"#" + b"x" * (pad - 2) + b"\n")
    before = (repo / D5).read_bytes()
    assert len(before) <= LIMIT
    code, _, err = run("validate", "--progress", "progress")
    assert code == 0, err
    code, _, err = run("progress", "import", "checklists/lu/maee-d5.md", "--year", "2020")
    assert code == 1
    assert f"{D5}:1:1: not written: it would be" in err
    assert f"bytes, over the {LIMIT:,} bytes napctl reads of it" in err
    assert (repo / D5).read_bytes() == before
