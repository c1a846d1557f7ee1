"""Generate a corpus of plans with progress reports for the benchmark (issue 14).

    python bench/generate_progress.py --plans 110 --out DIR [--years 6] [--seed 8]

Writes ``DIR/plans/`` (the plans of ``bench/generate.py``, same seed) and
``DIR/progress/<plan-id>/<year>/<department-slug>.yaml``: for every plan, up to
``--years`` reporting years (within the plan's period and its reporting tail),
one report per department that has actions, listing every action it reports
on with a status and what that status needs (summaries, obstacles,
justifications, indicator values, evidence links). Every file is valid.
Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import dump_plan, make_plan

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/progress.schema.json"
STATUSES = [
    "not-reported",
    "not-started",
    "ongoing",
    "ongoing",
    "delayed",
    "completed",
    "completed",
    "discontinued",
    "not-applicable",
]
TAIL = 2
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(code: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", code).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", text.lower()).strip("-")[:80].strip("-") or "department"


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def duties(plan: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    codes = [d["code"] for d in plan["departments"]]
    found: dict[str, list[tuple[str, int]]] = {c: [] for c in codes}
    for pillar in plan["pillars"]:
        for goal in pillar["goals"]:
            for action in goal["actions"]:
                named = [e if isinstance(e, str) else e["code"] for e in action["departments"]]
                who = codes if "All" in named else [c for c in dict.fromkeys(named) if c in found]
                for code in who:
                    found[code].append((action["id"], len(action.get("indicators", []))))
    return found


def entry(rng: random.Random, ident: str, indicators: int) -> list[str]:
    status = rng.choice(STATUSES)
    lines = [f"  - id: {q(ident)}", f"    status: {status}"]
    if status == "completed":
        lines.append("    summary: Done as planned; see the evidence.")
        lines += [
            "    evidence:",
            "      - title: Annual report",
            f"        url: https://example.org/reports/{rng.randint(1, 99999)}",
        ]
    elif status == "delayed":
        lines += ["    obstacles: Budget approved late.", "    revised_due: 2026-06-30"]
    elif status in ("discontinued", "not-applicable"):
        lines.append("    justification: Covered by another programme.")
    elif status == "ongoing":
        lines.append("    summary: Work continues with partners.")
    if indicators and status in ("ongoing", "completed"):
        lines += [
            "    indicators:",
            f"      - indicator: {rng.randint(1, indicators)}",
            f"        value: {rng.randint(0, 500)}",
        ]
    return lines


def write_reports(out: Path, plan: dict[str, Any], seed: int, years: int) -> int:
    rng = random.Random(f"napctl-bench-progress:{seed}:{plan['id']}")
    start, end = plan["period"]["start"], plan["period"]["end"]
    chosen = list(range(start, end + TAIL + 1))[-years:]
    count = 0
    for year in chosen:
        folder = out / plan["id"] / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for code, actions in duties(plan).items():
            if not actions:
                continue
            lines = [
                SCHEMA_LINE,
                f"plan: {plan['id']}",
                f"year: {year}",
                f"department: {q(code)}",
                "state: submitted",
                "actions:",
            ]
            for ident, indicators in actions:
                lines += entry(rng, ident, indicators)
            (folder / f"{slug(code)}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--plans", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    (args.out / "plans").mkdir(parents=True, exist_ok=True)
    files = 0
    for index in range(args.plans):
        plan = make_plan(args.seed, index)
        if len({slug(d["code"]) for d in plan["departments"]}) < len(plan["departments"]):
            continue  # two codes with one slug: napctl refuses to lay such a plan out
        (args.out / "plans" / f"{plan['id']}.yaml").write_text(
            dump_plan(plan, args.seed, index), encoding="utf-8"
        )
        files += write_reports(args.out / "progress", plan, args.seed, args.years)
    sys.stderr.write(f"wrote {files} progress files to {args.out / 'progress'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
