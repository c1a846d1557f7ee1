"""Two imports of one progress file at once never lose an edit: the write is refused
when the file changed after it was read (the bytes are compared, under a lock, right
before the rename)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import napctl.progress.importer as importer
from tests.conftest import napctl
from tests.hostile.checklist_repo import BUNDLED, D5, EXAMPLE, PAGE, PLAN, typed


def two_checklists(repo: Path) -> tuple[Path, Path]:
    text = (repo / PAGE).read_text("utf-8")
    one, two = repo / "one.md", repo / "two.md"
    one.write_text(typed(text, "II.1.1", "Summary", "From one"), "utf-8")
    two.write_text(typed(text, "II.3.1", "Value", "7 sessions"), "utf-8")
    return one, two


@pytest.mark.parametrize(
    "meanwhile",
    [
        "# a comment typed by hand\n",
        "  - id: II.9.9\n    status: ongoing\n",
        "\n",
    ],
)
def test_a_file_written_meanwhile_is_never_overwritten(
    meanwhile: str, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, _ = two_checklists(repo)
    real = importer.check_report

    def other_writer(text: str, display: str, plan: object) -> object:
        # another process writes the file between this import's read and its rename
        with (repo / D5).open("a", encoding="utf-8") as handle:
            handle.write(meanwhile)
        monkeypatch.setattr(importer, "check_report", real)
        return real(text, display, plan)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "check_report", other_writer)
    before = (repo / D5).read_text("utf-8")
    result = napctl("progress", "import", str(one), *BUNDLED, code=1)
    assert f"{D5}:1:1: not imported: it changed while napctl was editing it" in result.stderr
    assert (repo / D5).read_text("utf-8") == before + meanwhile  # the other edit is kept
    assert one.read_text("utf-8").count("From one") == 1  # not rendered over


def test_two_imports_in_parallel_lose_nothing(repo: Path) -> None:
    for _ in range(4):
        shutil.copy(EXAMPLE / PLAN / "2020" / "maee-d5.yaml", repo / D5)
        one, two = two_checklists(repo)
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "napctl", "progress", "import", str(page), *BUNDLED],
                cwd=repo,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for page in (one, two)
        ]
        done = [(run.wait(timeout=120), run.communicate()[1]) for run in runs]
        text = (repo / D5).read_text("utf-8")
        for (code, err), there in zip(done, ["summary: From one", "unit: sessions"], strict=True):
            assert "Traceback" not in err
            assert (code == 0) == (there in text), err  # exit 0 means it is in the file
            assert code in (0, 1), err
