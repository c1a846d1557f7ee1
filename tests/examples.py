"""The one syntax for what an example file must produce: its first line reads
``# expect: CODE@LINE CODE@LINE ...`` (tests/example-files/make_negative.py and
tests/example-files/progress/make_negative.py write it)."""

from __future__ import annotations

import re
from pathlib import Path

EXPECT = re.compile(r"(NAP\d+)@(\d+)")


def expected_problems(root: Path) -> list[tuple[str, str, int]]:
    """(file, code, line) declared by ``root`` (a file) or by every YAML file under it."""
    paths = [root] if root.is_file() else sorted(root.rglob("*.y*ml"))
    out = []
    for path in paths:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# expect: "), path
        out += [(str(path), code, int(line)) for code, line in EXPECT.findall(first)]
    return out
