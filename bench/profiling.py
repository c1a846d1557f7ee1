"""Where napctl's time and memory go: the evidence behind bench/RESULTS.md.

    python bench/profiling.py importtime [--runs 9] -- actions --actor "MAEE D5" -f json
    python bench/profiling.py cprofile [--top 25] -- validate bench/.cache/corpus-100-...
    python bench/profiling.py startup [--runs 9] -- actions --actor "MAEE D5" -f json
    python bench/profiling.py stages [--runs 5] DIR
    python bench/profiling.py memory DIR

importtime: ``python -X importtime -m napctl ARGS`` and the floor app
(bench/floor_app.py), each run ``--runs`` times; medians per module of the
self and cumulative import times, the modules the floor does not import,
and the total. One run of -X importtime is noisy; medians are not.

startup: the floor app and napctl ARGS, each in a fresh process timed from
the inside: importing typer and napctl.cli, typer building one pydantic-backed
runtime parameter per option, napctl's load_valid, the whole app() call.

cprofile: napctl ARGS in this process under cProfile; the top functions by
own time and napctl's functions by cumulative time.

stages: napctl validate DIR in this process with the steps of loading a
plan timed (read, decode, parse, schema and checks), ``--runs`` times;
medians, and the rest of the process (start-up, imports, output).

memory: napctl validate DIR under tracemalloc: the peak of Python
allocations, what is still held at the end of loading, and the top sites.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def _importtime(argv: list[str]) -> dict[str, tuple[int, int, int]]:
    """module -> (self us, cumulative us, depth) of one run."""
    env = {k: v for k, v in os.environ.items() if k != "NAPCTL_PLANS"}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    rows: dict[str, tuple[int, int, int]] = {}
    for line in proc.stderr.splitlines():
        m = _LINE.match(line)
        if m:
            rows[m[4]] = (int(m[1]), int(m[2]), (len(m[3]) - 1) // 2)
    return rows


def _medians(runs: list[dict[str, tuple[int, int, int]]]) -> dict[str, tuple[float, float, int]]:
    names = set().union(*runs)
    out = {}
    for name in names:
        seen = [r[name] for r in runs if name in r]
        out[name] = (
            statistics.median(s[0] for s in seen) / 1000,
            statistics.median(s[1] for s in seen) / 1000,
            seen[0][2],
        )
    return out


def cmd_importtime(args: argparse.Namespace) -> None:
    napctl_runs = []
    floor_runs = []
    for _ in range(args.runs):  # interleaved, as in run.py
        napctl_runs.append(_importtime(["-m", "napctl", *args.napctl_args]))
        floor_runs.append(_importtime([str(BENCH / "floor_app.py")]))
    mods = _medians(napctl_runs)
    floor = _medians(floor_runs)
    total = sum(m[0] for m in mods.values())
    floor_total = sum(m[0] for m in floor.values())
    extra = {k: v for k, v in mods.items() if k not in floor}
    print(f"napctl {' '.join(args.napctl_args)}: median of {args.runs} runs of -X importtime")
    print(
        f"  all imports (sum of self times): napctl {total:.1f} ms, floor app"
        f" {floor_total:.1f} ms; modules the floor does not import: {len(extra)},"
        f" {sum(v[0] for v in extra.values()):.1f} ms"
    )
    print("  not imported by the floor, by own (self) time:")
    for name, (own, cum, _) in sorted(extra.items(), key=lambda kv: -kv[1][0])[: args.top]:
        print(f"    {own:7.1f} ms self {cum:7.1f} ms cumulative  {name}")
    print("  top-level imports (depth <= 2) by cumulative time:")
    top = [(k, v) for k, v in mods.items() if v[2] <= 2 and v[1] >= 2.0]
    for name, (own, cum, depth) in sorted(top, key=lambda kv: -kv[1][1])[: args.top]:
        mark = "" if name in floor else "  (not in floor)"
        print(f"    {cum:7.1f} ms cumulative {own:6.1f} ms self  {'  ' * depth}{name}{mark}")


def _run_napctl(argv: list[str]) -> None:
    from napctl.cli import app

    saved = sys.stdout
    sys.stdout = io.StringIO()
    try:
        app(argv, standalone_mode=False)
    except SystemExit:
        pass
    finally:
        sys.stdout = saved


def cmd_cprofile(args: argparse.Namespace) -> None:
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    _run_napctl(args.napctl_args)  # includes napctl's own imports
    profiler.disable()
    wall = time.perf_counter() - start
    print(f"napctl {' '.join(args.napctl_args)}: {wall:.3f} s under cProfile")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats("tottime").print_stats(args.top)
    napctl_files = "|".join(p.name for p in (ROOT / "src" / "napctl").rglob("*.py"))
    stats.sort_stats("cumulative").print_stats(rf"^({napctl_files}):", args.top)


def cmd_stages(args: argparse.Namespace) -> None:
    code = (
        "import json, sys, time\n"
        "t0 = time.perf_counter()\n"
        "from napctl.load import document as d\n"
        "import napctl.checks.registry as r\n"
        "import napctl.yaml.safe as y\n"
        "acc = {}\n"
        "def wrap(mod, name, label):\n"
        "    fn = getattr(mod, name, None)\n"
        "    if fn is None:\n"
        "        return\n"
        "    def w(*a, **k):\n"
        "        t = time.perf_counter()\n"
        "        try:\n"
        "            return fn(*a, **k)\n"
        "        finally:\n"
        "            acc[label] = acc.get(label, 0.0) + time.perf_counter() - t\n"
        "    setattr(mod, name, w)\n"
        "wrap(d, 'read_bytes', 'read file')\n"
        "wrap(d, 'decode_text', 'decode UTF-8')\n"
        "wrap(y, 'parse_yaml', 'parse YAML (yamlsafe)')\n"
        "wrap(r, 'run_document_checks', 'consistency checks')\n"
        "wrap(d, 'validate_document', 'schema + checks')\n"
        "from napctl.cli import app\n"
        "t1 = time.perf_counter()\n"
        "try:\n"
        "    app(['validate', sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "t2 = time.perf_counter()\n"
        "acc['imports before the command'] = t1 - t0\n"
        "acc['whole command'] = t2 - t1\n"
        "print(json.dumps(acc), file=sys.stderr)\n"
    )
    runs: list[dict[str, float]] = []
    for _ in range(args.runs):
        proc = subprocess.run(
            [sys.executable, "-c", code, args.dir],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        runs.append(json.loads(proc.stderr.strip().splitlines()[-1]))
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    count = len(list(Path(args.dir).glob("*.yaml")))
    if "schema + checks" in med:
        med["schema (pydantic)"] = med.pop("schema + checks") - med.get("consistency checks", 0)
    staged = sum(
        v for k, v in med.items() if k not in ("whole command", "imports before the command")
    )
    med["rest of the command (typer, discovery, lazy imports, output)"] = (
        med["whole command"] - staged
    )
    print(
        f"napctl validate {args.dir}: {count} files, median of {args.runs} runs (ms;"
        " per plan in brackets)"
    )
    for name, seconds in sorted(med.items(), key=lambda kv: -kv[1]):
        print(f"  {seconds * 1000:8.1f} ms  ({seconds / count * 1000:6.2f})  {name}")


_STARTUP = """
import io, json, sys, time
acc = {}
def wrap(mod, name, label):
    fn = getattr(mod, name, None)
    if fn is None:
        return
    def w(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            acc[label] = acc.get(label, 0.0) + time.perf_counter() - t
    setattr(mod, name, w)
t0 = time.perf_counter()
import typer
import typer._coercion, typer.core
t1 = time.perf_counter()
acc["import typer"] = t1 - t0
wrap(typer._coercion, "build_runtime_param", "typer: a runtime param per option (pydantic)")
wrap(typer.core, "build_runtime_param", "typer: a runtime param per option (pydantic)")
if sys.argv[1] == "floor":
    app = typer.Typer(add_completion=False)
    @app.command()
    def main() -> None:
        typer.echo("floor")
    argv = []
else:
    from napctl import cli
    acc["import napctl.cli"] = time.perf_counter() - t1
    wrap(cli, "load_valid", "napctl: load_valid (lazy imports + loading)")
    app, argv = cli.app, sys.argv[2:]
t2 = time.perf_counter()
saved, sys.stdout = sys.stdout, io.StringIO()
try:
    app(argv)
except SystemExit:
    pass
sys.stdout = saved
acc["app() in all"] = time.perf_counter() - t2
print(json.dumps(acc), file=sys.stderr)
"""


def cmd_startup(args: argparse.Namespace) -> None:
    def one(which: str) -> dict[str, float]:
        proc = subprocess.run(
            [sys.executable, "-c", _STARTUP, which, *args.napctl_args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        result: dict[str, float] = json.loads(proc.stderr.strip().splitlines()[-1])
        return result

    runs: dict[str, list[dict[str, float]]] = {"floor": [], "napctl": []}
    for _ in range(args.runs):  # interleaved
        runs["floor"].append(one("floor"))
        runs["napctl"].append(one("napctl"))
    print(
        f"in-process start-up, median of {args.runs} runs (ms): floor app vs"
        f" napctl {' '.join(args.napctl_args)}"
    )
    keys = sorted({k for r in runs["napctl"] + runs["floor"] for k in r})
    for key in keys:
        cells = []
        for which in ("floor", "napctl"):
            values = [r[key] for r in runs[which] if key in r]
            cells.append(f"{statistics.median(values) * 1000:8.1f}" if values else "       -")
        print(f"  {cells[0]}  {cells[1]}  {key}")


def cmd_memory(args: argparse.Namespace) -> None:
    napctl_dir = str(ROOT / "src" / "napctl")
    # The sources as imported (others may edit them while this runs).
    sources = {
        str(p): p.read_text(encoding="utf-8").splitlines() for p in Path(napctl_dir).glob("*.py")
    }
    from napctl.load.corpus import load_corpus

    tracemalloc.start(30)
    corpus = load_corpus([args.dir])
    current, peak = tracemalloc.get_traced_memory()
    snapshot = tracemalloc.take_snapshot()
    files, plans = len(corpus.files), len(corpus.plans)
    del corpus
    after_drop, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"load_corpus({args.dir}): {files} files, {plans} plans kept in the Corpus;"
        f" Python allocations: peak {peak / 2**20:.1f} MB, held after loading"
        f" {current / 2**20:.1f} MB, of which {(current - after_drop) / 2**20:.1f} MB"
        f" ({(current - after_drop) / max(plans, 1) / 1024:.0f} KB a plan) are freed"
        " when the Corpus is dropped"
    )
    # Attribute what is held to the innermost napctl line that allocated it.
    sites: dict[str, list[int]] = {}
    for stat in snapshot.statistics("traceback"):
        where = "(outside napctl: imports, caches)"
        for frame in reversed(stat.traceback):  # innermost last
            if frame.filename.startswith(napctl_dir):
                where = f"{os.path.relpath(frame.filename, ROOT)}:{frame.lineno}"
                break
        total = sites.setdefault(where, [0, 0])
        total[0] += stat.size
        total[1] += stat.count
    print("  held after loading, by the napctl line that allocated it:")
    for where, (size, count) in sorted(sites.items(), key=lambda kv: -kv[1][0])[: args.top]:
        line = ""
        if ":" in where and not where.startswith("("):
            path, lineno = where.rsplit(":", 1)
            text = sources.get(str(ROOT / path), [])
            line = text[int(lineno) - 1].strip()[:70] if int(lineno) <= len(text) else ""
        print(f"    {size / 2**20:7.1f} MB {count:8d} blocks  {where}  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile napctl (see bench/RESULTS.md).")
    sub = parser.add_subparsers(dest="what", required=True)
    commands: dict[str, Callable[[argparse.Namespace], Any]] = {
        "importtime": cmd_importtime,
        "cprofile": cmd_cprofile,
        "startup": cmd_startup,
        "stages": cmd_stages,
        "memory": cmd_memory,
    }
    p = sub.add_parser("importtime", help="median -X importtime against the floor app")
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("napctl_args", nargs="+")
    p = sub.add_parser("cprofile", help="cProfile of one napctl command, in process")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("napctl_args", nargs="+")
    p = sub.add_parser("startup", help="time typer, imports and loading in process")
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("napctl_args", nargs="+")
    p = sub.add_parser("stages", help="time the steps of napctl validate DIR")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("dir")
    p = sub.add_parser("memory", help="tracemalloc of loading DIR")
    p.add_argument("--top", type=int, default=12)
    p.add_argument("dir")
    args = parser.parse_args(argv)
    commands[args.what](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
