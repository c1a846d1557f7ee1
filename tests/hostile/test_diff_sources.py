"""`napctl diff` reads both sides within bounds and runs nothing a repository configures.

Issue 26, classes 3 and 9: a FIFO, a link to /dev/zero, a file or a git blob over
the size limit are refused before they are read; git runs with the file-system
monitor, hooks and every transport off; index specs (`:path`, `:N:path`) are refused.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "lu-2018-2023.yaml"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _diff(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["diff", *args])
    return result.exit_code, result.output


def _git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    shutil.copy(PLAN, tmp_path / "plan.yaml")
    _git(tmp_path, "add", "plan.yaml")
    _git(tmp_path, "commit", "-qm", "plan")
    return tmp_path


def test_a_fifo_side_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    code, out = _diff(str(fifo), str(PLAN))
    assert code == 1 and "NAP100" in out and "not a regular file" in out


def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "plan.yaml"
    link.symlink_to("/dev/zero")
    code, out = _diff(str(PLAN), str(link))
    assert code == 1 and "not a regular file" in out


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: costs no disk, and is never read
    code, out = _diff(str(PLAN), str(big))
    assert code == 1 and "NAP102" in out and "50,000,000 bytes" in out


@needs_git
def test_a_git_blob_over_the_limit_is_refused_by_its_size(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "big.yaml").write_bytes(b"#" * 300_000)
    _git(repo, "add", "big.yaml")
    _git(repo, "commit", "-qm", "big")
    monkeypatch.chdir(repo)
    code, out = _diff("--max-bytes", "100000", "HEAD:big.yaml", "plan.yaml")
    assert code == 1 and "NAP102" in out and "300,000 bytes" in out


@needs_git
@pytest.mark.parametrize("spec", [":plan.yaml", ":0:plan.yaml", ":2:plan.yaml"])
def test_index_specs_are_refused(repo: Path, monkeypatch: pytest.MonkeyPatch, spec: str) -> None:
    monkeypatch.chdir(repo)
    code, out = _diff(spec, "plan.yaml")
    assert code == 2 and "git's index" in out and f"HEAD{spec}" in out


@needs_git
def test_a_configured_fsmonitor_never_runs(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = repo.parent / "fsmonitor-ran"
    hook = repo.parent / "monitor.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    _git(repo, "config", "core.fsmonitor", str(hook))
    monkeypatch.chdir(repo)
    code, out = _diff("HEAD:plan.yaml", "plan.yaml")
    assert code == 0, out
    assert not marker.exists()


@needs_git
def test_a_missing_object_is_not_fetched_through_a_configured_command(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A promisor remote with a configured ssh command: git would run it to fetch a
    missing blob; napctl's git reports the blob missing instead."""
    marker = repo.parent / "ssh-ran"
    ssh = repo.parent / "ssh.sh"
    ssh.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n")
    ssh.chmod(0o755)
    blob = _git(repo, "rev-parse", "HEAD:plan.yaml").strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    _git(repo, "config", "core.repositoryformatversion", "1")
    _git(repo, "config", "extensions.partialClone", "origin")
    _git(repo, "config", "remote.origin.url", "ssh://example.invalid/plans.git")
    _git(repo, "config", "remote.origin.promisor", "true")
    _git(repo, "config", "core.sshCommand", str(ssh))
    monkeypatch.chdir(repo)
    code, out = _diff("HEAD:plan.yaml", "plan.yaml")
    assert code == 2 and "cannot read HEAD:plan.yaml" in out
    assert not marker.exists()
