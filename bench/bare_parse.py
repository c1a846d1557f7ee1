"""The floor for validation: parse every plan file with PyYAML's C loader alone.

    python bench/bare_parse.py DIR [DIR...]

One process; each file is read and loaded with ``yaml.CSafeLoader`` and the
result dropped, as a validator that keeps nothing would. Prints the count.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main(argv: list[str]) -> int:
    if not argv:
        sys.stderr.write("usage: python bench/bare_parse.py DIR [DIR...]\n")
        return 2
    files = [
        p
        for root in map(Path, argv)
        for p in sorted(root.rglob("*"))
        if p.suffix in (".yaml", ".yml")
    ]
    for path in files:
        with open(path, "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
    sys.stdout.write(f"{len(files)} files parsed\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
