"""Print a pip constraints file pinning every dependency to the lowest version it declares.

CI installs the project once with today's releases and once with these
constraints, so both ends of every declared range are tested. Only the
direct dependencies (and the extras named on the command line) are pinned;
pip resolves their own dependencies as a user's pip would.

    python .ci/minimum_constraints.py test xlsx > constraints.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

# A lower bound: "name>=1.2" (an upper bound after a comma is allowed).
_LOWER = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*>=\s*([^,;\s]+)")


def minimum_pins(pyproject: Path, extras: list[str]) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    optional = project.get("optional-dependencies", {})
    for extra in extras:
        if extra not in optional:
            raise SystemExit(f"no extra {extra!r} in {pyproject}")
        requirements += optional[extra]
    pins: dict[str, str] = {}
    for requirement in requirements:
        match = _LOWER.match(requirement)
        if match:
            pins[match.group(1).lower()] = match.group(3)
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    sys.stdout.write(
        "".join(f"{pin}\n" for pin in minimum_pins(root / "pyproject.toml", sys.argv[1:]))
    )
