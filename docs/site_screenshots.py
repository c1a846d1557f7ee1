"""The site's screenshots in the README and docs/site.md (docs/site-*.png), taken with
headless Chromium from a site built of the bundled plans and the example progress.

    python docs/site_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: file -> (page, window height): tall enough to show the page's first table and chart.
SHOTS = {
    "site-plan.png": ("lu-2018-2023/index.html", 1100),
    "site-action.png": ("lu-2018-2023/actions/II.2.1/index.html", 1900),
    "site-year.png": ("lu-2018-2023/years/2020/index.html", 1400),
}


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.stderr.write("site_screenshots: chromium is not installed\n")
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "napctl",
                "site",
                "--out",
                str(site),
                "--no-search",
                "--plans",
                str(ROOT / "plans"),
                "--progress",
                str(ROOT / "examples" / "progress"),
            ],
            check=True,
        )
        for name, (page, height) in SHOTS.items():
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    f"--user-data-dir={Path(scratch) / 'profile'}",
                    f"--window-size=1000,{height}",
                    f"--screenshot={ROOT / 'docs' / name}",
                    (site / page).as_uri(),
                ],
                check=True,
                capture_output=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
