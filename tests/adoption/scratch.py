"""Scratch repositories and programs for the adoption tests: napctl is driven as a user
drives it, through its command and files, never through its Python modules."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAPCTL = Path(sys.executable).with_name("napctl")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "napctl tests",
    "GIT_AUTHOR_EMAIL": "tests@example.org",
    "GIT_COMMITTER_NAME": "napctl tests",
    "GIT_COMMITTER_EMAIL": "tests@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
#: The reporting year of the recipes (docs/workflows/*.yml).
YEAR = "2021"


def run(
    args: Sequence[str | Path],
    cwd: Path,
    *,
    env: dict[str, str] | None = None,
    check: bool = True,
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **GIT_ENV, **(env or {})}
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"{args} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done


def napctl(
    *args: str | Path, cwd: Path, code: int | None = 0, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed napctl command, run in ``cwd`` outside CI."""
    full = {
        k: v for k, v in os.environ.items() if k not in ("CI", "NAPCTL_PLANS", "NAPCTL_PROGRESS")
    }
    done = subprocess.run(
        [str(NAPCTL), *map(str, args)],
        cwd=cwd,
        env={**full, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    if code is not None:
        assert done.returncode == code, f"{args}: {done.returncode}\n{done.stdout}{done.stderr}"
    return done


def git(*args: str, cwd: Path) -> str:
    return run(["git", *args], cwd).stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "--allow-empty", "-m", message, cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo)


def snapshot(target: Path) -> str:
    """napctl's source as it is now (committed or not, ignored files left out) as a git
    repository of one commit at ``target``: what a user would install from a tag."""
    listed = run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is left out
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", "-b", "main", cwd=target)
    return commit_all(target, "napctl as tested")


def plan_repository(repo: Path, *, year: str = YEAR, checklists: Sequence[str] | None = ()) -> str:
    """A monitoring repository made from napctl's example data: the Luxembourg plan, the
    four example progress reports (moved to ``year``), the evidence they cite, and the
    year's checklists written by napctl with the options ``checklists`` (None: none);
    committed on ``main``. Returns the commit."""
    (repo / "plans").mkdir(parents=True)
    shutil.copy2(ROOT / "plans" / "lu-2018-2023.yaml", repo / "plans")
    folder = repo / "progress" / "lu-2018-2023" / year
    folder.mkdir(parents=True)
    for report in sorted((ROOT / "examples" / "progress" / "lu-2018-2023" / "2020").glob("*.yaml")):
        text = report.read_text(encoding="utf-8").replace("\nyear: 2020\n", f"\nyear: {year}\n")
        (folder / report.name).write_text(text, encoding="utf-8")
    shutil.copytree(
        ROOT / "examples" / "progress" / "evidence", repo / "examples" / "progress" / "evidence"
    )
    git("init", "-q", "-b", "main", cwd=repo)
    if checklists is not None:
        napctl("checklists", "--out", "checklists/", *checklists, "--year", year, cwd=repo)
    return commit_all(repo, "The plan, the year's reports and checklists")
