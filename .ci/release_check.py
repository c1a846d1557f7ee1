"""Check that a release tag, napctl's version and CHANGELOG.md agree (the release workflow's
first step; docs/releasing.md).

    python .ci/release_check.py v0.1.0

Exit 0 when the tag is ``v`` + the version in src/napctl/__init__.py (the one version
source) and CHANGELOG.md has a ``## [VERSION] - YYYY-MM-DD`` section; else exit 1 with
what to fix.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)


def problems(tag: str, root: Path = ROOT) -> list[str]:
    found = VERSION.search((root / "src" / "napctl" / "__init__.py").read_text("utf-8"))
    if found is None:
        return ["src/napctl/__init__.py has no __version__ line"]
    version = found.group(1)
    out = []
    if tag != f"v{version}":
        out.append(f"the tag {tag} is not v{version}, the version in src/napctl/__init__.py")
    changelog = (root / "CHANGELOG.md").read_text("utf-8")
    section = re.compile(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", re.MULTILINE)
    if not section.search(changelog):
        out.append(
            f'CHANGELOG.md has no "## [{version}] - YYYY-MM-DD" section: move the'
            " Unreleased notes under one"
        )
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = problems(sys.argv[1])
    for problem in found:
        print(f"::error title=release::{problem}")
    if not found:
        print(f"{sys.argv[1]}: the version and the changelog agree")
    sys.exit(1 if found else 0)
