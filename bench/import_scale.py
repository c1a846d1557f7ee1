"""A `napctl progress import` case of N filled items (issue 26, class 8).

    python bench/import_scale.py --items 400 --out DIR

One generated plan (bench/generate.py) with enough actions, its progress files
written by `napctl progress init`, and its progress sheet (`napctl export --year`)
with a Summary typed into the first N rows. ``prepare`` puts the progress files
back before each import; ``after`` holds them imported, for `napctl validate`.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import generate


@dataclass(frozen=True)
class ImportCase:
    plan: Path
    sheet: Path
    pristine: Path  # the progress folder before the import
    work: Path  # where the import writes (reset by prepare)
    after: Path  # the progress folder once imported
    items: int

    def prepare(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.copytree(self.pristine, self.work)


def _napctl(napctl: str, *args: str, cwd: Path) -> None:
    subprocess.run([napctl, *args], cwd=cwd, check=True, capture_output=True)


def make_case(out: Path, items: int, napctl: str) -> ImportCase:
    """The case of ``items`` filled rows in ``out`` (made once, reused when present)."""
    case = ImportCase(
        out / "plans" / "plan.yaml",
        out / "sheet.csv",
        out / "pristine",
        out / "work",
        out / "after",
        items,
    )
    if case.after.is_dir():
        return case
    shutil.rmtree(out, ignore_errors=True)
    case.plan.parent.mkdir(parents=True)
    data = generate.make_plan(26, 0, actions=max(100, items))
    case.plan.write_text(generate.dump_plan(data, 26, 0), encoding="utf-8")
    year = str(data["period"]["start"])
    plans = ["--plans", str(case.plan.parent)]
    _napctl(
        napctl,
        "progress",
        "init",
        "--plan",
        data["id"],
        "--year",
        year,
        "--out",
        str(case.pristine),
        *plans,
        cwd=out,
    )
    _napctl(
        napctl,
        "export",
        "--year",
        year,
        "--plan",
        data["id"],
        "-f",
        "csv",
        "-o",
        str(case.sheet),
        "--progress",
        str(case.pristine),
        *plans,
        cwd=out,
    )
    rows = list(csv.reader(io.StringIO(case.sheet.read_text("utf-8"), newline="")))
    column = rows[0].index("Summary")
    if len(rows) - 1 < items:
        raise SystemExit(f"the plan has {len(rows) - 1} rows, fewer than {items}")
    for n, row in enumerate(rows[1 : items + 1], 1):
        row[column] = f"Done, step {n}."
    with case.sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    case.prepare()
    _napctl(
        napctl, "progress", "import", str(case.sheet), "--progress", str(case.work), *plans, cwd=out
    )
    shutil.copytree(case.work, case.after)
    return case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--napctl", default=str(Path(sys.executable).with_name("napctl")))
    args = parser.parse_args(argv)
    case = make_case(args.out, args.items, args.napctl)
    print(case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
