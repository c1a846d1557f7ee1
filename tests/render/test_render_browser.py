"""A rendered HTML checklist, opened in a real browser (headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus
from napctl.plans import ActionFilter, select_actions
from tests.conftest import PLANS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_checklist_in_a_browser_has_one_checkbox_per_action(
    tmp_path: Path, runner: CliRunner
) -> None:
    page = tmp_path / "maee-d5.html"
    result = runner.invoke(
        app,
        [
            "render",
            "checklist",
            "--actor",
            "MAEE D5",
            "--plan",
            "lu-2018-2023",
            "-f",
            "html",
            "-o",
            str(page),
            "--plans",
            str(PLANS),
        ],
    )
    assert result.exit_code == 0, result.output
    corpus = load_corpus([str(PLANS)])
    expected = [
        r.action.id
        for r in select_actions(
            [p.plan for p in corpus.plans], ActionFilter(actors=["MAEE D5"], plan_id="lu-2018-2023")
        )
    ]
    # --dump-dom prints the DOM after the browser parsed and laid out the page.
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    boxes = re.findall(
        r'<input type="checkbox" name="done" value="[^"]+" data-action="([^"]+)">', dom.stdout
    )
    assert boxes == expected and len(boxes) > 10
    assert "<svg" in dom.stdout and "Checklist: MAEE D5" in dom.stdout
    shot = tmp_path / "checklist.png"
    taken = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
