"""Class 5 of issue 20: a user's templates stay in their folder and in bounded time and memory.

``napctl.render.limits``: links out of ``--templates DIR`` are refused; the
sandbox refuses huge results and rendering has a CPU-time and a memory limit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from napctl.load.corpus import load_corpus
from napctl.model import Plan
from napctl.render import limits
from napctl.render.templates import RenderError, render_report
from tests.conftest import MINIMAL, write

HOSTILE = {
    "nested-ranges": (
        "{% for a in range(99999) %}{% for b in range(99999) %}{% for c in"
        " range(99999) %}x{% endfor %}{% endfor %}{% endfor %}",
        "CPU time",
    ),
    "string-repetition": ("{{ 'x' * 10**10 }}", "'*' would make"),
    "list-repetition": ("{{ [1] * 100000000 }}", "'*' would make"),
    "huge-power": ("{{ 10**100000000 }}", "'**'"),
    "percent-width": ("{{ '%999999999d' % 1 }}", "format width"),
    "format-width": ("{{ '{:>999999999}'.format(1) }}", "format width"),
    "format-filter": ("{{ '%999999999s'|format('x') }}", "format width"),
    "center": ("{{ 'x'|center(999999999) }}", "over 1,000,000"),
    "big-range": ("{% for i in range(10**9) %}{% endfor %}", "range"),
}


@pytest.fixture
def plan() -> Plan:
    return load_corpus([str(MINIMAL)]).plans[0].plan


@pytest.fixture(autouse=True)
def _short_cpu_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "CPU_SECONDS", 2.0)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_runaway_template_is_stopped(name: str, tmp_path: Path, plan: Plan) -> None:
    body, words = HOSTILE[name]
    (tmp_path / "report.md.j2").write_text(body)
    with pytest.raises(RenderError, match=words.replace("*", r"\*")):
        render_report(plan, "md", templates=tmp_path)


def test_memory_is_bounded(tmp_path: Path, plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MEMORY_BYTES", 64 << 20)
    # Many small pieces, each under every size check: only the memory limit stops it.
    (tmp_path / "report.md.j2").write_text(
        "{% set ns = namespace(s=[]) %}{% for i in range(99999) %}"
        "{% set ns.s = ns.s + ['y' * 999999] %}{% endfor %}{{ ns.s|length }}"
    )
    with pytest.raises(RenderError, match=r"memory|CPU time"):
        render_report(plan, "md", templates=tmp_path)


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path, plan: Plan) -> None:
    secret = write(tmp_path, "secret.txt", "TOKEN=hunter2")
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "report.md.j2").symlink_to(secret)
    with pytest.raises(RenderError, match="outside the template folder") as info:
        render_report(plan, "md", templates=folder)
    assert "hunter2" not in str(info.value)
    (folder / "report.md.j2").unlink()
    (folder / "report.md.j2").symlink_to("/proc/self/environ")
    with pytest.raises(RenderError, match="outside"):
        render_report(plan, "md", templates=folder)


def test_an_include_of_a_link_out_is_refused(tmp_path: Path, plan: Plan) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "env.txt").symlink_to("/proc/self/environ")
    (folder / "report.md.j2").write_text('{% include "env.txt" %}')
    with pytest.raises(RenderError, match="outside"):
        render_report(plan, "md", templates=folder)


def test_a_link_inside_the_folder_is_fine(tmp_path: Path, plan: Plan) -> None:
    folder = tmp_path / "t"
    (folder / "parts").mkdir(parents=True)
    (folder / "parts" / "real.j2").write_text("{{ plan.id }}\n")
    (folder / "report.md.j2").symlink_to(folder / "parts" / "real.j2")
    assert render_report(plan, "md", templates=folder) == "xx-2020-2022\n"


def test_through_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "report.md.j2").symlink_to("/proc/self/environ")
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "napctl",
            "render",
            "report",
            "--plans",
            str(plan),
            "--templates",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SECRET": "hunter2"},
        check=False,
    )
    assert done.returncode == 2 and "outside the template folder" in done.stderr
    assert "hunter2" not in done.stdout + done.stderr
    (folder / "report.md.j2").unlink()
    (folder / "report.md.j2").write_text(HOSTILE["string-repetition"][0])
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "napctl",
            "render",
            "report",
            "--plans",
            str(plan),
            "--templates",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
