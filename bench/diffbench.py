"""Inputs and a growth measure for the `napctl diff` rows of bench/run.py (issue 17).

    python bench/diffbench.py --out DIR     # write old.yaml and new.yaml (1000 actions)
    python bench/diffbench.py --growth      # matching cost at 1000 and 2000 actions

The old plan is plan 0 of ``bench/generate.py`` with 1000 actions; the new one
is a mid-term revision of it: 5% of the actions reworded, 2% renumbered, 2%
removed, 2% added, 1% moved to another goal, one department renamed.

The growth measure times ``napctl.plans.match.match_texts`` in-process in its
worst case: every text of the new side reworded, so no pair is found by equal
texts and every action goes through the candidate pre-filter and difflib.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import dump_plan, make_plan  # noqa: E402  (bench/ is not a package)

SEED = 8


def _actions(plan: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(g, a) for p in plan["pillars"] for g in p["goals"] for a in g["actions"]]


def _reword(rng: random.Random, text: str) -> str:
    words = text.split()
    words[rng.randrange(len(words))] = rng.choice(["jointly", "yearly", "further", "national"])
    return " ".join(words)


def revision(plan: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A mid-term revision of ``plan``, as data."""
    new = copy.deepcopy(plan)
    rows = _actions(new)
    rng.shuffle(rows)
    n = len(rows)
    cut = [int(n * f) for f in (0.05, 0.07, 0.09, 0.11, 0.12)]
    for _, a in rows[: cut[0]]:
        a["text"] = _reword(rng, a["text"])
    for _, a in rows[cut[0] : cut[1]]:
        a["id"] += "-r"
    for g, a in rows[cut[1] : cut[2]]:
        if len(g["actions"]) > 1:
            g["actions"].remove(a)
    goals = [g for p in new["pillars"] for g in p["goals"]]
    for k, (_, a) in enumerate(rows[cut[2] : cut[3]]):
        added = {
            **a,
            "id": f"{a['id']}-new{k}",
            "text": " ".join(rng.sample(a["text"].split(), len(a["text"].split()))),
        }
        rng.choice(goals)["actions"].append(added)
    for g, a in rows[cut[3] : cut[4]]:
        if len(g["actions"]) > 1 and a in g["actions"]:
            g["actions"].remove(a)
            rng.choice(goals)["actions"].append(a)
    new["departments"][1]["name"] += " (renamed)"
    return new


def write_pair(out: Path, actions: int = 1000) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    old = make_plan(SEED, 0, actions)
    new = revision(old, random.Random(f"napctl-bench-diff:{SEED}"))
    old_path, new_path = out / "old.yaml", out / "new.yaml"
    old_path.write_text(dump_plan(old, SEED, 0), encoding="utf-8")
    new_path.write_text(dump_plan(new, SEED, 0), encoding="utf-8")
    return old_path, new_path


def _matching_inputs(actions: int) -> tuple[list[str], list[str]]:
    plan = make_plan(SEED, 0, actions)
    old = [a["text"] for _, a in _actions(plan)]
    rng = random.Random(actions)
    new = [_reword(rng, t) for t in old]
    rng.shuffle(new)
    return old, new


def matching_seconds(sizes: tuple[int, ...], reps: int = 5) -> list[float]:
    """Best-of-``reps`` CPU seconds of matching, per size; sizes interleaved per round.

    CPU time (not wall time) and interleaving, so that other work on a shared
    machine weighs on neither size more than on the other.
    """
    from napctl.plans.match import match_texts, words

    inputs = [_matching_inputs(size) for size in sizes]
    best = [float("inf")] * len(sizes)
    for _ in range(reps):
        for k, (old, new) in enumerate(inputs):
            words.cache_clear()
            start = time.process_time()
            pairs = match_texts(old, new)
            best[k] = min(best[k], time.process_time() - start)
            if len(pairs) < 0.95 * len(old):
                raise SystemExit(f"matching found only {len(pairs)} of {len(old)} pairs")
    return best


def comparisons(actions: int) -> int:
    """How many texts difflib compares when matching ``actions`` (deterministic)."""
    from napctl.plans import match as planmatch

    count = 0
    real = planmatch.similarity

    def counted(a: str, b: str, at_least: float = 0.0) -> float:
        nonlocal count
        count += 1
        return real(a, b, at_least)

    planmatch.similarity = counted  # type: ignore[assignment]
    try:
        planmatch.match_texts(*_matching_inputs(actions))
    finally:
        planmatch.similarity = real  # type: ignore[assignment]
    return count


def growth_lines(sizes: tuple[int, int] = (1000, 2000)) -> list[str]:
    small, large = sizes
    t_small, t_large = matching_seconds(sizes, reps=7)
    c_small, c_large = comparisons(small), comparisons(large)
    per_small, per_large = t_small / small, t_large / large
    growth = per_large / per_small
    verdict = "linear" if growth <= 1.3 else "WORSE than linear"
    return [
        "Growth (row 5): matching actions by text, worst case (every text reworded)",
        f"  {small} actions: {t_small * 1000:.1f} ms ({per_small * 1e6:.0f} us/action);"
        f" {large} actions: {t_large * 1000:.1f} ms ({per_large * 1e6:.0f} us/action)",
        f"  CPU time per action at {large} is {growth:.2f}x that at {small}: {verdict} (<= 1.3x;"
        " all-pairs matching would be 2x)",
        f"  difflib comparisons: {c_small} at {small} ({c_small / small:.2f}/action), {c_large}"
        f" at {large} ({c_large / large:.2f}/action); all pairs would be {small * small:,}"
        f" and {large * large:,}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, help="write old.yaml and new.yaml here")
    parser.add_argument("--growth", action="store_true", help="print the matching growth")
    args = parser.parse_args(argv)
    if args.out:
        write_pair(args.out)
    if args.growth:
        sys.stdout.write("\n".join(growth_lines()) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
