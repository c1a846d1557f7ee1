"""The dashboard in a real browser (headless Chromium): its numbers are `napctl status`'s."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT
from tests.render.test_render_browser import CHROMIUM, chromium

EXAMPLE = ROOT / "examples" / "progress"
PLAN = "lu-2018-2023"
SCREENSHOT = ROOT / "docs" / "dashboard.png"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def status_json(runner: CliRunner, by: str) -> dict[str, object]:
    result = runner.invoke(
        app,
        [
            "status",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--by",
            by,
            "--format",
            "json",
            "--progress",
            str(EXAMPLE),
            "--plans",
            str(PLANS),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def bars(dom: str, section: str) -> dict[str, dict[str, int]]:
    """label -> status -> count, read from the bars of one section of the page."""
    start = dom.index(f'id="{section}"')
    block = dom[
        start : dom.index("</div>\n</section>" if section == "by-department" else "<h2>", start)
    ]
    found: dict[str, dict[str, int]] = {}
    for label, body in re.findall(r'data-bar="([^"]+)" data-total="\d+">(.*?)</svg>', block, re.S):
        found[label] = {
            s: int(n) for s, n in re.findall(r'data-status="([^"]+)" data-count="(\d+)"', body)
        }
    return found


def test_dashboard_numbers_match_status(tmp_path: Path, runner: CliRunner) -> None:
    page = tmp_path / "dashboard.html"
    result = runner.invoke(
        app,
        [
            "render",
            "dashboard",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "-o",
            str(page),
            "--progress",
            str(EXAMPLE),
            "--plans",
            str(PLANS),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "http://" not in page.read_text(encoding="utf-8").split("<body>")[0]
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    text = dom.stdout
    by_pillar = status_json(runner, "pillar")
    counts = by_pillar["counts"]
    assert isinstance(counts, dict)
    assert f'data-total-actions="{len(by_pillar["actions"])}"' in text  # type: ignore[arg-type]
    assert f'data-completed="{counts["completed"]}"' in text
    assert f'data-missing="{len(by_pillar["missing"])}"' in text  # type: ignore[arg-type]
    pillars = bars(text, "by-pillar")
    for group in by_pillar["groups"]:  # type: ignore[attr-defined]
        assert pillars[group["group"]] == {s: n for s, n in group["counts"].items() if n}
        words = ", ".join(f"{n} {s}" for s, n in pillars[group["group"]].items())
        assert f"{group['actions']} actions: {words}" in text  # numbers in text too
    departments = bars(text, "by-department")
    for dept in by_pillar["departments"]:  # type: ignore[attr-defined]
        shown = departments[dept["department"]]
        assert sum(shown.values()) == dept["actions"]
        assert shown.get("completed", 0) == dept["completed"]
        assert shown.get("not-reported", 0) == dept["missing"]
    rows = dict(re.findall(r'data-action="([^"]+)" data-status="([^"]+)"', text))
    assert rows == {a["id"]: a["status"] for a in by_pillar["actions"]}  # type: ignore[attr-defined]
    assert (
        '<a href="https://example.org/napctl-example/mega-kit">Teaching kit (example)</a>' in text
    )
    shot = tmp_path / "dashboard.png"
    taken = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1100,1500", page.as_uri())
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    if os.environ.get("NAPCTL_UPDATE_GOLDEN") == "1" or not SCREENSHOT.exists():
        shutil.copyfile(shot, SCREENSHOT)  # the picture docs/monitoring.md shows


def test_dashboard_on_a_phone_has_no_script_and_no_network(
    tmp_path: Path, runner: CliRunner
) -> None:
    result = runner.invoke(
        app,
        [
            "render",
            "dashboard",
            "--plan",
            PLAN,
            "--year",
            "2020",
            "--progress",
            str(EXAMPLE),
            "--plans",
            str(PLANS),
        ],
    )
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert "<script" not in html and "@import" not in html
    assert not re.search(r'(src|href)="(?!https://example\.org/|examples/|#)', html)
    assert "@media print" in html and "@media (max-width: 40rem)" in html
    page = tmp_path / "d.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / "phone.png"
    taken = chromium(tmp_path, f"--screenshot={shot}", "--window-size=400,900", page.as_uri())
    assert taken.returncode == 0 and shot.stat().st_size > 5_000
