"""Headless LibreOffice for the spreadsheet tests: every sheet of a workbook as CSV."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed; apt-get install -y libreoffice-calc",
)


def sheets_as_csv(book: Path, tmp_path: Path) -> Path:
    """The folder where LibreOffice wrote each sheet of ``book`` as ``<stem>-<sheet>.csv``."""
    assert SOFFICE is not None
    out = tmp_path / "out"
    # 44,34,76: comma, double quote, UTF-8; the last -1: every sheet, one file each.
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out
