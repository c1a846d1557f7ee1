"""Class 6 of issue 20: what fails after validation ends in one line and the right exit code.

Broken templates are usage errors (2); output napctl cannot write is 3. Run
through the installed entry point (``python -m napctl``: ``main`` is the one
place that maps what escapes a command) and through the Python functions.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from napctl.model import Plan
from napctl.render.templates import RenderError, render_report
from tests.conftest import MINIMAL, write

TEMPLATES = {
    "zero-division": (b"{{ 1/0 }}\n", "ZeroDivisionError"),
    "type-error": (b"{{ plan.id + 1 }}\n", "TypeError"),
    "self-extends": (b'{% extends "report.md.j2" %}\n', "in a loop"),
    "include-loop": (b'{% include "report.md.j2" %}\n', "in a loop"),
    "not-utf8": (b"\xff\xfe{{ plan.id }}\n", "not UTF-8"),
    "bad-attribute-call": (b"{{ plan.title.nope() }}\n", "report.md.j2"),
    "syntax": (b"{% for %}\n", "report.md.j2:1"),
    "huge-index": (b"{{ plan.pillars[10**6] }}\n", "report.md.j2"),
}


def napctl(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdout: object = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "napctl", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )


def _one_line(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert err.count("\n") == 1 and err.startswith(("napctl: error: ", "Usage:")), err
    return err


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_a_broken_template_is_one_line_and_exit_2(name: str, tmp_path: Path) -> None:
    body, words = TEMPLATES[name]
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "report.md.j2").write_bytes(body)
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    done = napctl(
        "render", "report", "--plans", str(plan), "--templates", str(folder), cwd=tmp_path
    )
    assert done.returncode == 2
    assert words in _one_line(done)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_a_broken_template_raises_render_error(
    name: str, tmp_path: Path, minimal_plan: Plan
) -> None:
    body, words = TEMPLATES[name]
    (tmp_path / "report.md.j2").write_bytes(body)
    with pytest.raises(RenderError, match=words.replace("(", r"\(")):
        render_report(minimal_plan, "md", templates=tmp_path)


def test_an_unreadable_template(
    tmp_path: Path, minimal_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "report.md.j2").write_text("{{ plan.id }}")
    real_open = open

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("report.md.j2") and str(tmp_path) in str(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(RenderError, match="Permission denied"):
        render_report(minimal_plan, "md", templates=tmp_path)


@pytest.fixture
def minimal_plan() -> Plan:
    from napctl.load.corpus import load_corpus

    return load_corpus([str(MINIMAL)]).plans[0].plan


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (".", "is a folder"),
        ("file/x.json", "a file stands where its folder must be"),
    ],
)
def test_schema_to_a_path_that_cannot_be_written(target: str, words: str, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder\n")
    done = napctl("schema", "-o", target, cwd=tmp_path)
    assert done.returncode == 3 and words in _one_line(done)


def test_schema_into_missing_folders_creates_them(tmp_path: Path) -> None:
    done = napctl("schema", "-o", "missing/deeper/x.json", cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "missing" / "deeper" / "x.json").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["schema"],
        ["plans", "--plans", str(MINIMAL)],
        ["actions", "-f", "json", "--plans", str(MINIMAL)],
    ],
)
def test_stdout_on_a_full_disk(args: list[str], tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = napctl(*args, cwd=tmp_path, stdout=full)
    assert done.returncode == 3
    assert "No space left on device" in _one_line(done)


@pytest.mark.parametrize("value", [b"\xff", b"2024\x1b[2J", b"line\nbreak"])
def test_a_date_that_is_not_printable_text(value: bytes, tmp_path: Path) -> None:
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
            "--date",
            os.fsdecode(value),
        ],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert b"--date" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args", [["actions", "--plans", "PLANS"], ["show", "--plans", "PLANS", "lu-2018-2023:I.1.1"]]
)
def test_an_output_encoding_that_cannot_hold_the_text(args: list[str], tmp_path: Path) -> None:
    from tests.conftest import PLANS

    args = [str(PLANS) if a == "PLANS" else a for a in args]
    done = napctl(*args, cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 3
    assert "PYTHONIOENCODING=utf-8" in _one_line(done)
