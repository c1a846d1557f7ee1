"""Class 10, two progress roots: a report that exists in any root is the one init
completes, never doubled by a new one in the first root (issue 26)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS, ROOT

PLAN = "lu-2018-2023"
D5 = Path(PLAN) / "2020" / "maee-d5.yaml"


@pytest.fixture
def roots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``a`` (empty, first) and ``b`` (the example reports), as $NAPCTL_PROGRESS names them."""
    (tmp_path / "a").mkdir()
    shutil.copytree(ROOT / "examples" / "progress", tmp_path / "b")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NAPCTL_PROGRESS", os.pathsep.join(["a", "b"]))
    return Path("a"), Path("b")


def init() -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app, ["progress", "init", "--plan", PLAN, "--year", "2020", "--plans", str(PLANS)]
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_init_leaves_a_complete_report_of_the_second_root_alone(roots: tuple[Path, Path]) -> None:
    a, b = roots
    before = (b / D5).read_bytes()
    code, out, err = init()
    assert code == 0, err
    assert not (a / D5).exists()  # no second report of MAEE D5
    assert (b / D5).read_bytes() == before
    assert f"created {a / D5}" not in out
    created = {line.split()[1] for line in out.splitlines() if line.startswith("created ")}
    assert len(created) == 26 - 4  # the four departments b has are not created again
    assert not any(Path(p).name in {"sre.yaml", "mega.yaml", "justice.yaml"} for p in created)


def test_init_completes_the_report_where_it_is(roots: tuple[Path, Path]) -> None:
    a, b = roots
    text = (b / D5).read_text(encoding="utf-8")
    (b / D5).write_text(
        text.replace("  - id: II.1.1\n    status: not-reported\n", ""), encoding="utf-8"
    )
    code, out, err = init()
    assert code == 0, err
    assert f"added 1 actions to {b / D5}: II.1.1" in out
    assert not (a / D5).exists()
    assert "  - id: II.1.1\n    status: not-reported\n" in (b / D5).read_text(encoding="utf-8")


def test_init_with_out_writes_only_there(roots: tuple[Path, Path], tmp_path: Path) -> None:
    # --out names one folder: the roots of $NAPCTL_PROGRESS are not looked at.
    result = CliRunner().invoke(
        app,
        ["progress", "init", "--plan", PLAN, "--year", "2020", "--out", "c", "--plans", str(PLANS)],
    )
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "c" / D5).exists()
    assert not (tmp_path / "a" / D5).exists()


def test_import_edits_the_report_of_the_second_root(
    roots: tuple[Path, Path], tmp_path: Path
) -> None:
    """A checklist's tick goes into the report that exists in b, never into a new one in
    a (the first root): one department, one report."""
    a, b = roots
    runner = CliRunner()
    made = runner.invoke(
        app,
        [
            "render",
            "checklist",
            "--actor",
            "MAEE D5",
            "--year",
            "2020",
            "--plans",
            str(PLANS),
            "-o",
            "d5.md",
        ],
    )
    assert made.exit_code == 0, made.output
    text = (tmp_path / "d5.md").read_text(encoding="utf-8")
    assert "- [ ] **II.1.1**" in text, text[:2000]
    item = text.index("- [ ] **II.1.1**")
    text = text[:item] + text[item:].replace("  - Status: not-reported", "  - Status: ongoing", 1)
    (tmp_path / "d5.md").write_text(text, encoding="utf-8")
    done = runner.invoke(
        app, ["progress", "import", "d5.md", "--year", "2020", "--plans", str(PLANS)]
    )
    assert done.exit_code == 0, done.output
    assert not (a / D5).exists()
    assert "id: II.1.1\n    status: ongoing" in (b / D5).read_text(encoding="utf-8")
