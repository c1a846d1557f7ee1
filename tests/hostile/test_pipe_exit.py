"""Messages: output nobody reads is output that cannot be written, exit 3 as the
README promises, never 1 (which says the plans are invalid) (issue 26)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PLANS

BIG = ["actions", "--actor", "MAEE D5", "--plans", str(PLANS)]


def closed_pipe_run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """napctl writing into a pipe whose reader has gone (`napctl ... | head -0`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "napctl", *args],
            cwd=cwd,
            stdout=write,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args", [BIG, [*BIG, "-f", "json"], [*BIG, "-f", "csv"], ["plans", "--plans", str(PLANS)]]
)
def test_a_pipe_nobody_reads_exits_3(args: list[str], tmp_path: Path) -> None:
    done = closed_pipe_run(args, tmp_path)
    assert done.returncode == 3, done.stderr
    assert done.stderr.decode() == (
        "napctl: error: cannot write the output: a pipe whose reader has gone\n"
    )


def test_stdout_closed_exits_3(tmp_path: Path) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -m napctl "$@" >&-', sys.executable, *BIG],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert done.stderr.decode() == (
        "napctl: error: cannot write the output: standard output is closed\n"
    )
