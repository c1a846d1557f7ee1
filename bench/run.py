"""The benchmark of issue 8: napctl against its floors, side by side.

    python bench/run.py            # full: bundled plans and corpora of 10, 100, 1000 plans
    python bench/run.py --quick    # 10 plans, 3 repetitions, no 1000-plan runs (CI smoke)

Row 11 (issue 31) is `napctl site` (without search) of the corpus of row 5 (plans
with six years of progress), built afresh each run, against `napctl validate` of the
same files: within 3x, the median of three timed rounds at world size; each command's
CPU (user and system, worker processes included) is printed beside it.

Row 8 (issue 20) is every command that reads a plan, on a 2,000-deep chain of
departments and a registry of 10,000 side by side (bench/shapes.py), each as a ratio
to `napctl validate` of the same files (the plan, with its progress reports for the
commands that read them); the XLSX exports also against openpyxl alone
writing as many cells (bench/xlsx_floor.py: what napctl's writer replaced, info only).

Row 7 (issue 17) is `napctl diff` of two generated 1000-action plans (a plan
and a mid-term revision of it, see bench/diffbench.py) against the Typer
floor, and the CPU time of matching actions by text at 1000 and 2000 actions.

Run it from the project's environment after ``pip install -e .`` (plus
check-jsonschema for row 1). Every row times whole commands in subprocesses
(wall time with ``time.perf_counter``, after one warm-up run of each), and
the commands of a row are interleaved round-robin, so that whatever the
machine is doing meanwhile falls on both sides of a ratio. Peak memory is the
child's own ``ru_maxrss`` from ``os.wait4`` (Linux and macOS only).

Exit status: 0 when every command succeeded (in full mode: and every target
was met); 1 when a command failed (a non-zero exit where success was
expected); 3 in full mode when a command succeeded but a target was missed.
``--quick`` never fails on a timing.

The generated corpora (``bench/generate.py``) are cached in ``bench/.cache``
(ignored by git) and rebuilt when the generator changes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.metadata
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # bench/diffbench.py
ROOT = BENCH.parent
SCHEMA = ROOT / "schema" / "plan.schema.json"
PREFERRED_ACTOR = "MAEE D5"
SEED = 8
TIMEOUT = 240.0  # seconds, for any one command

# Targets: the measured command's median over the floor's median.
TARGET_CHECK_JSONSCHEMA = 0.6
TARGET_FLOOR = 1.2
TARGET_BARE_PARSE = 1.5
#: `napctl diff` of two 1000-action plans (warm cache, text) over the Typer floor.
TARGET_DIFF = 1.5
#: Row 8 (issue 20): every command on a hostile shape within this factor of `validate`.
TARGET_SHAPE = 5.0
#: Row 9 (issue 26, class 8): `progress import` of N items within this factor of
#: `validate` on the files it wrote, and linear in N.
TARGET_IMPORT = 5.0
#: Row 10 (issue 29): `napctl indicators` of one plan's every year within this factor
#: of `napctl status` over the same files (every year, with the trend).
TARGET_INDICATORS = 2.0
#: Row 11 (issue 31): `napctl site` of the world-sized corpus within this factor of
#: `validate` of the same files.
TARGET_SITE = 3.0
#: The reporting year of row 8's progress files (the shapes' plans run 2020-2022).
SHAPE_YEAR = "2021"
SHAPE_PLAN = "shape-2020-2022"
#: Memory is "bounded by the largest plan" when the peak RSS of validating
#: 1000 plans exceeds that of 10 plans by at most this many times the size of
#: the largest plan file (a validator that holds one plan at a time needs a
#: small multiple of one file; one that holds the corpus needs the corpus).
MEMORY_FACTOR = 10


#: The rows `--row` can run (row 6 is measured with row 5).
ROWS = (1, 2, 3, 4, 5, 7, 8, 9, 10, 11)


class CommandFailed(Exception):
    pass


class CommandTimedOut(Exception):
    pass


@dataclass
class Cmd:
    label: str
    argv: list[str]
    env: dict[str, str] | None = None
    prepare: Callable[[], None] | None = None
    timeout: float = TIMEOUT

    def shown(self) -> str:
        def rel(arg: str) -> str:
            try:
                return str(Path(arg).relative_to(ROOT))
            except ValueError:
                return arg

        text = shlex.join(rel(a) for a in self.argv)
        if self.env:
            text = " ".join(f"{k}={shlex.quote(rel(v))}" for k, v in self.env.items()) + " " + text
        return text


@dataclass
class Samples:
    seconds: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    warmup: float = 0.0
    #: (user, system) CPU seconds of each timed run, its worker processes included.
    cpu: list[tuple[float, float]] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.rss_kb) / 1024 if self.rss_kb else float("nan")


@dataclass
class Row:
    name: str
    measured: Cmd
    floor: Cmd | None
    target: float | None
    samples: dict[str, Samples]

    @property
    def ratio(self) -> float | None:
        if self.floor is None:
            return None
        return self.samples[self.measured.label].median / self.samples[self.floor.label].median

    @property
    def result(self) -> str:
        ratio = self.ratio
        if ratio is None or self.target is None:
            return "info"
        return "PASS" if ratio <= self.target else "MISS"


# --- running commands -------------------------------------------------------------

#: Environment given to every command: napctl's cache of validated plans
#: (NAPCTL_CACHE_DIR) in a folder of this run's own, set by main().
BASE_ENV: dict[str, str] = {}


def _child_env(extra: dict[str, str] | None) -> dict[str, str]:
    drop = ("NAPCTL_PLANS", "NAPCTL_CACHE_DIR", "NAPCTL_NO_CACHE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.setdefault("COLUMNS", "100")
    env.update(BASE_ENV)
    if extra:
        env.update(extra)
    return env


@dataclass
class Run:
    seconds: float
    rss_kb: int
    #: CPU seconds in the command's own code and in the kernel for it.
    user: float
    system: float


def run_once(cmd: Cmd) -> Run:
    """Wall seconds, peak RSS (KB) and CPU of one run of ``cmd``; raises CommandFailed."""
    if cmd.prepare is not None:
        cmd.prepare()
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd.argv,
            cwd=ROOT,
            env=_child_env(cmd.env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        timer = threading.Timer(cmd.timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if elapsed >= cmd.timeout and code < 0:
            raise CommandTimedOut(f"`{cmd.shown()}` did not finish in {cmd.timeout:.0f} s")
        if code != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            raise CommandFailed(
                f"`{cmd.shown()}` exited {code}" + ("".join(f"\n    {t}" for t in tail))
            )
    # ru_maxrss is in KB on Linux and in bytes on macOS.
    rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(elapsed, rss, usage.ru_utime, usage.ru_stime)


def measure(
    cmds: Sequence[Cmd],
    reps: int,
    budget: float | None = None,
    max_reps: int | None = None,
    single_if_over: bool = False,
) -> dict[str, Samples]:
    """One warm-up run of each command, then ``reps`` interleaved rounds.

    With a ``budget`` (seconds), the number of rounds is what fits in it by
    the warm-up's timing, but never fewer than ``reps`` nor more than ``max_reps``.
    With ``single_if_over``, a warm-up round longer than the whole budget is
    the only sample (a command too slow to repeat in the time allowed).
    """
    samples = {c.label: Samples() for c in cmds}
    warm: dict[str, Run] = {}
    for cmd in cmds:
        run = warm[cmd.label] = run_once(cmd)
        samples[cmd.label].rss_kb.append(run.rss_kb)
        samples[cmd.label].warmup = run.seconds
    if budget is not None:
        took = sum(r.seconds for r in warm.values())
        if single_if_over and took > budget:
            for cmd in cmds:
                run = warm[cmd.label]
                samples[cmd.label].seconds.append(run.seconds)
                samples[cmd.label].cpu.append((run.user, run.system))
            return samples
        fits = int(budget / max(took, 1e-3))
        reps = max(reps, min(fits, max_reps or fits))
    for rnd in range(reps):
        shift = rnd % len(cmds)
        for cmd in [*cmds[shift:], *cmds[:shift]]:
            run = run_once(cmd)
            samples[cmd.label].seconds.append(run.seconds)
            samples[cmd.label].rss_kb.append(run.rss_kb)
            samples[cmd.label].cpu.append((run.user, run.system))
    return samples


class FreshOutput:
    """An output folder that does not exist when a timed command starts, for commands
    timed building a tree of files afresh, made in ``under`` (the bench's cache, inside
    the repository, where a user's site or checklists go too).

    The last run's output is moved aside, not deleted, and the row's outputs are deleted
    after the row. On ext4 without a journal (as on the machine of bench/RESULTS.md)
    a new file skips every inode deleted in the last few minutes nearby, reading its
    inode block to see so: creating 16,000 files in 4,000 folders took 9 to 20 s of
    system time right after a deletion, 0.7 s in a quiet folder (``perf``: mostly
    under ``recently_deleted``), a cost of the bench's own deletions (and of the test
    suite's in /tmp before it) that a build into a fresh checkout does not pay.
    """

    def __init__(self, prefix: str, under: Path) -> None:
        under.mkdir(parents=True, exist_ok=True)
        self.top = Path(tempfile.mkdtemp(prefix=prefix, dir=under))
        self.path = self.top / "out"
        self._moved = 0

    def __call__(self) -> None:
        if self.path.exists():
            self._moved += 1
            os.rename(self.path, self.top / f"old-{self._moved}")

    def remove(self) -> None:
        shutil.rmtree(self.top, ignore_errors=True)


def progress(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


# --- what is measured ---------------------------------------------------------


def find_tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which(name)


def bundled_plans() -> tuple[Path, list[Path], str]:
    plans_dir = ROOT / "plans"
    files = sorted(plans_dir.glob("*.yaml")) + sorted(plans_dir.glob("*.yml"))
    if files:
        return plans_dir, files, "plans/"
    examples = ROOT / "tests" / "example-files" / "positive"
    files = sorted(examples.glob("*.yaml"))
    return examples, files, "tests/example-files/positive/ (plans/ is empty)"


def pick_actor(files: Sequence[Path]) -> tuple[str, str]:
    """The actor for row 2, and a note when it is not the preferred one."""
    codes: list[str] = []
    for path in files:
        with open(path, "rb") as handle:
            data = yaml.load(handle, Loader=yaml.CSafeLoader)
        codes.extend(
            str(d["code"]) for d in (data or {}).get("departments", []) if isinstance(d, dict)
        )
    if PREFERRED_ACTOR in codes or not codes:
        return PREFERRED_ACTOR, ""
    return codes[0], f"'{PREFERRED_ACTOR}' is not in the bundled plans; using '{codes[0]}'"


def corpus(size: int, cache: Path) -> Path:
    """The generated corpus of ``size`` plans, from the cache or generated now."""
    digest = hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:12]
    folder = cache / f"corpus-{size}-seed{SEED}-{digest}"
    stamp = folder / ".complete"
    if stamp.is_file():
        return folder
    if cache.is_dir():  # drop corpora of this size made by an older generator
        for old in cache.glob(f"corpus-{size}-seed*"):
            shutil.rmtree(old)
    progress(f"generating {size} plans into {folder}")
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "generate.py"),
            "--plans",
            str(size),
            "--out",
            str(folder),
            "--seed",
            str(SEED),
        ],
        check=True,
    )
    stamp.write_text(f"{size} plans, seed {SEED}, generator {digest}\n", encoding="utf-8")
    return folder


def progress_corpus(size: int, cache: Path) -> Path:
    """``size`` plans with six years of progress reports (bench/generate_progress.py)."""
    digest = hashlib.sha256(
        (BENCH / "generate.py").read_bytes() + (BENCH / "generate_progress.py").read_bytes()
    ).hexdigest()[:12]
    folder = cache / f"progress-{size}-seed{SEED}-{digest}"
    stamp = folder / ".complete"
    if stamp.is_file():
        return folder
    if cache.is_dir():
        for old in cache.glob(f"progress-{size}-seed*"):
            shutil.rmtree(old)
    progress(f"generating {size} plans with progress reports into {folder}")
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "generate_progress.py"),
            "--plans",
            str(size),
            "--out",
            str(folder),
            "--seed",
            str(SEED),
        ],
        check=True,
    )
    stamp.write_text(f"{size} plans, seed {SEED}, generators {digest}\n", encoding="utf-8")
    return folder


def largest_file(folder: Path) -> tuple[int, int]:
    """Size of the largest plan file and of all of them, in bytes."""
    sizes = [p.stat().st_size for p in folder.glob("*.yaml")]
    return max(sizes), sum(sizes)


def checklists_help(napctl: str) -> str | None:
    """The help of ``napctl checklists``, or None when there is no such command."""
    proc = subprocess.run(
        [napctl, "checklists", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_child_env(None),
        check=False,
    )
    return proc.stdout if proc.returncode == 0 else None


# --- report -------------------------------------------------------------------


def versions(napctl: str) -> list[str]:
    def dist(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    try:
        napctl_version = subprocess.run(
            [napctl, "--version"], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        napctl_version = "unknown"
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    libyaml = "yes" if getattr(yaml, "__with_libyaml__", False) else "NO (pure Python)"
    return [
        f"machine:  {platform.platform()}; {cpu}; {os.cpu_count()} CPUs ({usable} usable)",
        f"python:   {platform.python_implementation()} {platform.python_version()}"
        f" ({sys.executable})",
        f"napctl:   {napctl_version} ({napctl})",
        f"PyYAML:   {yaml.__version__}; libyaml: {libyaml}",
        f"pydantic: {dist('pydantic')} (pydantic-core {dist('pydantic-core')});"
        f" typer: {dist('typer')}; click: {dist('click')};"
        f" check-jsonschema: {dist('check-jsonschema')}",
    ]


def cpu_line(row: Row) -> str:
    """A row's CPU per timed run, its own code's and the kernel's: the site uses every
    core and `validate` one, and the kernel's share moves with the file system's state
    (see FreshOutput), so these say more than the wall times alone."""
    parts = []
    for label, samples in row.samples.items():
        user = statistics.median(u for u, _ in samples.cpu)
        system = statistics.median(k for _, k in samples.cpu)
        parts.append(f"{label}: {user:.1f} s user, {system:.1f} s system")
    return f"CPU per timed run (median), row {row.name}: " + "; ".join(parts)


def table(rows: Sequence[Row]) -> list[str]:
    header = ("#", "command", "median s", "vs floor", "median s", "ratio", "target", "result")
    lines: list[tuple[str, ...]] = [header]
    for row in rows:
        a = row.samples[row.measured.label]
        if row.floor is not None:
            b = row.samples[row.floor.label]
            ratio = row.ratio or 0.0
            lines.append(
                (
                    row.name,
                    row.measured.label,
                    f"{a.median:.3f}",
                    row.floor.label,
                    f"{b.median:.3f}",
                    f"{ratio:.2f}x",
                    f"<= {row.target}x" if row.target is not None else "-",
                    row.result,
                )
            )
        else:
            lines.append(
                (row.name, row.measured.label, f"{a.median:.3f}", "-", "-", "-", "-", row.result)
            )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


# --- the rows -----------------------------------------------------------------


@dataclass
class Bench:
    quick: bool
    cache: Path
    napctl: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    memory_miss: bool = False
    #: perf_counter time by which a full run must be done (five minutes, less a margin).
    deadline: float = float("inf")

    @property
    def reps(self) -> int:
        return 3 if self.quick else 7

    def budget(self, seconds: float) -> float | None:
        return None if self.quick else seconds

    def add(
        self,
        name: str,
        measured: Cmd,
        floor: Cmd | None,
        target: float | None,
        budget: float,
        min_reps: int | None = None,
        max_reps: int = 20,
        single_if_over: bool = False,
    ) -> Row | None:
        cmds = [measured] if floor is None else [measured, floor]
        progress(f"row {name}: {measured.label}" + (f" vs {floor.label}" if floor else ""))
        try:
            samples = measure(
                cmds, min_reps or self.reps, self.budget(budget), max_reps, single_if_over
            )
        except CommandFailed as exc:
            self.errors.append(f"row {name}: {exc}")
            progress(f"FAILED: {exc}")
            return None
        except CommandTimedOut as exc:
            self.notes.append(
                f"row {name} not measured: {exc}, the time left of the full run's five minutes"
            )
            progress(f"TIMED OUT: {exc}")
            return None
        row = Row(name, measured, floor, target, samples)
        self.rows.append(row)
        return row

    def row1(self, files: list[Path]) -> None:
        cjs = find_tool("check-jsonschema")
        rel = [str(f.relative_to(ROOT)) for f in files]
        measured = Cmd(f"napctl validate ({len(files)} bundled)", [self.napctl, "validate", *rel])
        if cjs is None:
            self.notes.append(
                "row 1 skipped: check-jsonschema is not installed (pip install check-jsonschema)"
            )
            return
        floor = Cmd("check-jsonschema", [cjs, "--schemafile", str(SCHEMA.relative_to(ROOT)), *rel])
        self.add("1", measured, floor, TARGET_CHECK_JSONSCHEMA, budget=15)

    def row2(self, plans_dir: Path, files: list[Path]) -> None:
        actor, note = pick_actor(files)
        if note:
            self.notes.append(f"row 2: {note}")
        rel_dir = str(plans_dir.relative_to(ROOT))
        floor = Cmd("typer floor", [sys.executable, str(BENCH / "floor_app.py")])
        actions = Cmd(
            f"napctl actions --actor {actor!r} -f json",
            [self.napctl, "actions", "--actor", actor, "--format", "json", "--plans", rel_dir],
        )
        helpcmd = Cmd("napctl --help", [self.napctl, "--help"])
        uncached = Cmd(
            f"{actions.label}, NAPCTL_NO_CACHE=1", actions.argv, env={"NAPCTL_NO_CACHE": "1"}
        )
        cmds = [actions, helpcmd, floor, uncached]
        progress(f"row 2: {', '.join(c.label for c in cmds)}")
        try:
            samples = measure(cmds, self.reps, self.budget(18), 20)
        except CommandFailed as exc:
            self.errors.append(f"row 2: {exc}")
            progress(f"FAILED: {exc}")
            return
        self.rows.append(Row("2a", actions, floor, TARGET_FLOOR, samples))
        self.rows.append(Row("2b", helpcmd, floor, TARGET_FLOOR, samples))
        self.rows.append(Row("2c", uncached, floor, None, samples))

    def row3(self, sizes: Sequence[int]) -> None:
        budgets = {10: 10.0, 100: 20.0, 1000: 60.0}
        results: list[tuple[int, Row, Path]] = []
        for size in sizes:
            folder = corpus(size, self.cache)
            rel = os.path.relpath(folder, ROOT)
            measured = Cmd(f"napctl validate ({size} plans)", [self.napctl, "validate", rel])
            floor = Cmd(
                f"bare CSafeLoader ({size})", [sys.executable, str(BENCH / "bare_parse.py"), rel]
            )
            row = self.add(
                f"3/{size}",
                measured,
                floor,
                TARGET_BARE_PARSE,
                budget=budgets.get(size, 30.0),
                min_reps=3 if size >= 1000 else None,
            )
            if row is not None:
                results.append((size, row, folder))
        if results:
            self.growth(results)

    def growth(self, results: list[tuple[int, Row, Path]]) -> None:
        lines = [
            "Growth (row 3): per-plan time and peak memory",
            "  plans  napctl s/plan  marginal s/plan  bare s/plan  marginal s/plan"
            "  napctl peak MB  bare peak MB  largest plan KB  corpus MB",
        ]
        prev: tuple[int, float, float] | None = None
        marginals: list[float] = []
        for size, row, folder in results:
            a = row.samples[row.measured.label]
            b = row.samples[row.floor.label] if row.floor else a
            biggest, total = largest_file(folder)
            if prev is None:
                m_a = m_b = "-"
            else:
                da = (a.median - prev[1]) / (size - prev[0])
                db = (b.median - prev[2]) / (size - prev[0])
                marginals.append(da)
                m_a, m_b = f"{da * 1000:.2f} ms", f"{db * 1000:.2f} ms"
            lines.append(
                f"  {size:>5}  {a.median / size * 1000:>10.2f} ms  {m_a:>15}"
                f"  {b.median / size * 1000:>8.2f} ms  {m_b:>15}  {a.peak_mb:>14.1f}"
                f"  {b.peak_mb:>12.1f}  {biggest / 1024:>15.1f}  {total / 2**20:>9.1f}"
            )
            prev = (size, a.median, b.median)
        if len(marginals) >= 2:
            growth = marginals[-1] / marginals[0]
            verdict = "linear or better" if growth <= 1.3 else "WORSE than linear"
            lines.append(
                f"  napctl marginal time per plan at the largest step is {growth:.2f}x that of"
                f" the first step: {verdict} (<= 1.3x)"
            )
        first, last = results[0], results[-1]
        if last[0] > first[0]:
            growth_kb = max(last[1].samples[last[1].measured.label].rss_kb) - max(
                first[1].samples[first[1].measured.label].rss_kb
            )
            biggest = max(largest_file(f)[0] for _, _, f in results)
            bounded = growth_kb * 1024 <= MEMORY_FACTOR * biggest
            verdict = (
                "bounded by the largest plan" if bounded else "NOT bounded: grows with the corpus"
            )
            limit_mb = MEMORY_FACTOR * biggest / 2**20
            lines.append(
                f"  napctl peak RSS grows {growth_kb / 1024:.1f} MB from {first[0]} to"
                f" {last[0]} plans; largest plan {biggest / 1024:.1f} KB: {verdict}"
                f" (limit {MEMORY_FACTOR} x largest plan = {limit_mb:.1f} MB)"
                f" -> {'PASS' if bounded else 'MISS'}"
            )
            if not bounded:
                self.notes.append(
                    "memory: napctl validate's peak RSS grows with the corpus (see Growth)"
                )
                self.memory_miss = True
        self.extra.extend(lines)

    def row5(self, size: int) -> None:
        """Rows 5 and 6 (issue 14): plans with progress reports for six years."""
        folder = progress_corpus(size, self.cache)
        rel = os.path.relpath(folder, ROOT)
        plans, reports = f"{rel}/plans", f"{rel}/progress"
        count = sum(1 for _ in (folder / "progress").rglob("*.yaml"))
        measured = Cmd(
            f"napctl validate ({size} plans, {count} progress files)",
            [self.napctl, "validate", plans, "--progress", reports],
        )
        floor = Cmd(
            f"bare CSafeLoader ({size} plans + {count} progress files)",
            [sys.executable, str(BENCH / "bare_parse.py"), plans, reports],
        )
        self.add(
            f"5/{size}",
            measured,
            floor,
            TARGET_BARE_PARSE,
            budget=20.0 if size < 100 else 90.0,
            min_reps=3 if size >= 100 else None,
            max_reps=7,
        )
        first = sorted((folder / "progress").iterdir())[0]
        year = sorted(first.iterdir())[-1].name
        status = Cmd(
            f"napctl status --plan {first.name} --year {year} -f json",
            [
                self.napctl,
                "status",
                "--plans",
                plans,
                "--progress",
                reports,
                "--plan",
                first.name,
                "--year",
                year,
                "--format",
                "json",
            ],
        )
        floor = Cmd(
            f"bare CSafeLoader ({size} plans + 1 plan's {year} reports)",
            [sys.executable, str(BENCH / "bare_parse.py"), plans, f"{reports}/{first.name}/{year}"],
        )
        query_floor = Cmd("typer floor", [sys.executable, str(BENCH / "floor_app.py")])
        progress(f"row 6/{size}: {status.label} vs {floor.label} and {query_floor.label}")
        try:
            samples = measure([status, floor, query_floor], self.reps, self.budget(20.0), 20)
        except CommandFailed as exc:
            self.errors.append(f"row 6/{size}: {exc}")
            return
        # 6a: against a bare parse of the same files; 6b: against the query floor (info:
        # status from the cache is a query; its files are read, not parsed).
        self.rows.append(Row(f"6a/{size}", status, floor, TARGET_BARE_PARSE, samples))
        self.rows.append(Row(f"6b/{size}", status, query_floor, None, samples))

    def row10(self, size: int) -> None:
        """Row 10 (issue 29): `indicators` against `status` on the same files: one plan of
        the largest progress corpus, every year it has reports for."""
        folder = progress_corpus(size, self.cache)
        rel = os.path.relpath(folder, ROOT)
        plans, reports = f"{rel}/plans", f"{rel}/progress"
        first = sorted((folder / "progress").iterdir())[0]
        years = [y.name for y in sorted(first.iterdir())]
        common = ["--plans", plans, "--progress", reports, "--plan", first.name]
        measured = Cmd(
            f"napctl indicators --plan {first.name} -f json ({len(years)} years)",
            [self.napctl, "indicators", *common, "--format", "json"],
        )
        status = Cmd(
            f"napctl status --plan {first.name} --year ... -f json ({len(years)} years)",
            [
                self.napctl,
                "status",
                *common,
                *(a for y in years for a in ("--year", y)),
                "--format",
                "json",
            ],
        )
        self.add(
            f"10/{size}",
            measured,
            status,
            TARGET_INDICATORS,
            budget=20.0,
            min_reps=1 if self.quick else None,
            max_reps=9,
        )

    def row4(self, plans_dir: Path, sizes: Sequence[int]) -> None:
        helptext = checklists_help(self.napctl)
        if helptext is None:
            self.notes.append("row 4 (napctl checklists): skipped: command not available")
            return
        out = FreshOutput("checklists-", self.cache)
        try:
            targets = [("bundled", plans_dir)] + [
                (f"{s} plans", corpus(s, self.cache)) for s in sizes if s >= 1000
            ]
            for what, folder in targets:
                where = os.path.relpath(folder, ROOT)
                if "--plans" in helptext:
                    argv = [self.napctl, "checklists", "--plans", where, "--out", str(out.path)]
                    env = None
                else:  # an early version without --plans: the documented variable
                    argv = [self.napctl, "checklists", "--out", str(out.path)]
                    env = {"NAPCTL_PLANS": where}
                big = what != "bundled"
                left = self.deadline - time.perf_counter()
                cmd = Cmd(
                    f"napctl checklists ({what})",
                    argv,
                    env=env,
                    prepare=out,
                    timeout=max(30.0, min(TIMEOUT, left)) if big else TIMEOUT,
                )
                row = self.add(
                    f"4/{what.split()[0]}",
                    cmd,
                    None,
                    None,
                    budget=45.0 if big else 15.0,
                    min_reps=2 if big else None,
                    max_reps=5 if big else 15,
                    single_if_over=big,
                )
                if row is not None and row.samples[cmd.label].seconds == [
                    row.samples[cmd.label].warmup
                ]:
                    self.notes.append(
                        f"row {row.name}: one run only (its first run, {row.measured.label},"
                        " took longer than the row's time budget); it also filled napctl's"
                        " cache, so it is a cold-cache run"
                    )
        finally:
            out.remove()

    def row7(self) -> None:
        """`napctl diff` of two generated 1000-action plans, and the matching's growth."""
        import diffbench

        digest = hashlib.sha256(
            (BENCH / "generate.py").read_bytes() + (BENCH / "diffbench.py").read_bytes()
        ).hexdigest()[:12]
        folder = self.cache / f"diff-pair-{digest}"
        old, new = folder / "old.yaml", folder / "new.yaml"
        if not new.is_file():
            progress(f"generating the diff pair into {folder}")
            diffbench.write_pair(folder)
        rel = [os.path.relpath(p, ROOT) for p in (old, new)]
        floor = Cmd("typer floor", [sys.executable, str(BENCH / "floor_app.py")])
        text = Cmd("napctl diff (1000 actions, text)", [self.napctl, "diff", *rel])
        positions = Cmd(
            "napctl diff (1000 actions, -f json)", [self.napctl, "diff", *rel, "--format", "json"]
        )
        progress("row 7: napctl diff, text and json, vs the typer floor")
        try:
            samples = measure([text, positions, floor], self.reps, self.budget(20), 15)
        except CommandFailed as exc:
            self.errors.append(f"row 7: {exc}")
            return
        self.rows.append(Row("7a", text, floor, TARGET_DIFF, samples))
        self.rows.append(Row("7b", positions, floor, None, samples))
        self.extra.extend(diffbench.growth_lines((1000, 2000)))

    def row11(self, size: int) -> None:
        """`napctl site` (no search) of ``size`` plans with six years of progress, built
        afresh each run, against `validate` of the same files (issue 31)."""
        folder = progress_corpus(size, self.cache)
        rel = os.path.relpath(folder, ROOT)
        plans, reports = f"{rel}/plans", f"{rel}/progress"
        out = FreshOutput("site-", self.cache)

        measured = Cmd(
            f"napctl site ({size} plans, six years of progress)",
            [
                self.napctl,
                "site",
                "--out",
                str(out.path),
                "--no-search",
                "--plans",
                plans,
                "--progress",
                reports,
            ],
            prepare=out,
        )
        floor = Cmd(
            f"napctl validate ({size} plans and their progress files)",
            [self.napctl, "validate", plans, "--progress", reports],
        )
        try:
            row = self.add(
                f"11/{size}",
                measured,
                floor,
                TARGET_SITE,
                budget=30.0 if size < 100 else 240.0,
                # Quick mode only keeps the row working: one timed build after the warm-up.
                # At world size, three rounds: the ratio of one round moved by a fifth
                # between runs of the same code on this shared machine (the median of
                # each command is taken, rounds alternating which goes first).
                min_reps=1 if self.quick else 3,
                max_reps=5,
                single_if_over=True,
            )
            if row is not None:
                self.extra.append(cpu_line(row))
        finally:
            out.remove()

    def row9(self) -> None:
        """`napctl progress import` of N and 2N filled sheet rows, each against `validate`
        of the plan with the progress files it wrote (issue 26, class 8)."""
        import import_scale

        sizes = (100, 200) if self.quick else (400, 800)
        for items in sizes:
            case = import_scale.make_case(self.cache / f"import-{items}", items, self.napctl)
            plans = ["--plans", str(case.plan.parent)]
            measured = Cmd(
                f"napctl progress import ({items} items)",
                [
                    self.napctl,
                    "progress",
                    "import",
                    str(case.sheet),
                    "--progress",
                    str(case.work),
                    *plans,
                ],
                prepare=case.prepare,
            )
            floor = Cmd(
                f"napctl validate ({items} items imported)",
                [self.napctl, "validate", str(case.plan.parent), "--progress", str(case.after)],
            )
            self.add(f"9/{items}", measured, floor, TARGET_IMPORT, budget=30)
        done = {
            r.name: r.samples[r.measured.label].median for r in self.rows if r.name.startswith("9/")
        }
        if len(done) == 2:
            small, large = (done[f"9/{n}"] for n in sizes)
            self.extra.append(
                f"progress import growth: {sizes[0]} -> {sizes[1]} items:"
                f" {small:.2f} s -> {large:.2f} s (x{large / small:.2f})"
            )

    def row8(self) -> None:
        """Every command on a 2,000-deep chain and a 10,000-wide registry, as a ratio to
        `napctl validate` on the same file (issue 20, class 1)."""
        import shapes

        folder = self.cache / "shapes"
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / "checklists"
        fresh = Path(tempfile.mkdtemp(prefix="napctl-bench-shapes-"))

        def clear() -> None:
            shutil.rmtree(fresh, ignore_errors=True)

        wide = 2000 if self.quick else 10_000
        try:
            for name, text in (
                ("chain", shapes.deep_chain(2000)),
                ("wide", shapes.wide_registry(wide)),
            ):
                plan = _write_if_changed(folder / f"{name}.yaml", text)
                revised = _write_if_changed(folder / f"{name}-revised.yaml", shapes.revised(text))
                reports = self.shape_progress(plan, folder / f"{name}-progress")
                if reports is None:
                    continue
                where, rel_reports = os.path.relpath(plan, ROOT), os.path.relpath(reports, ROOT)
                floor = Cmd(f"napctl validate ({name})", [self.napctl, "validate", where])
                # A command that reads the progress reports is compared with validate on
                # the same files: the plan and its reports.
                floor_reports = Cmd(
                    f"napctl validate ({name} + reports)",
                    [self.napctl, "validate", where, "--progress", rel_reports],
                )
                year = ["--year", SHAPE_YEAR]
                with_progress = ["--progress", rel_reports, *year]
                commands = {
                    "actors": ["actors"],
                    "actions": ["actions", "--actor", "D0"],
                    "matrix": ["matrix"],
                    "show": ["show", "A1"],
                    "plans": ["plans"],
                    "report": ["render", "report"],
                    "report --year": ["render", "report", *with_progress],
                    "dashboard": ["render", "dashboard", *with_progress],
                    "checklist": ["render", "checklist", "--actor", "D0"],
                    "checklists": ["checklists", "--out", str(out), "--check"],
                    "checklists --year": [
                        "checklists",
                        "--out",
                        str(out),
                        "--check",
                        *with_progress,
                    ],
                    "progress init": [
                        "progress",
                        "init",
                        "--plan",
                        SHAPE_PLAN,
                        *year,
                        "--out",
                        str(fresh),
                    ],
                    "status": ["status", *with_progress],
                    "status --by department": ["status", *with_progress, "--by", "department"],
                    "export csv": ["export", "-f", "csv", "-o", "-"],
                    "export xlsx": ["export", "-o", str(folder / f"{name}.xlsx")],
                    "export --year csv": ["export", "-f", "csv", "-o", "-", *with_progress],
                    "export --year xlsx": [
                        "export",
                        "-o",
                        str(folder / f"{name}-year.xlsx"),
                        *with_progress,
                    ],
                }
                # Commands that take the plan as an argument, not --plans.
                positional = {
                    "review": ["review", where],
                    "diff": ["diff", where, os.path.relpath(revised, ROOT)],
                }
                cmds = [
                    Cmd(
                        f"napctl {label} ({name})",
                        [self.napctl, *argv, "--plans", where],
                        prepare=clear if "progress" in argv else None,
                    )
                    for label, argv in commands.items()
                ]
                cmds += [
                    Cmd(f"napctl {label} ({name})", [self.napctl, *argv])
                    for label, argv in positional.items()
                ]
                labels = [c.label.split(" (")[0].removeprefix("napctl ") for c in cmds]
                cmds = [
                    Cmd(
                        c.label,
                        [
                            sys.executable,
                            "-c",
                            "import subprocess, sys; subprocess.run(sys.argv[1:])",
                            *c.argv,
                        ],
                        prepare=c.prepare,
                    )
                    if label.startswith(("checklists", "diff"))  # exit 1: stale; changes
                    else c
                    for c, label in zip(cmds, labels, strict=True)
                ]
                cmds.append(self.shape_import(name, plan, reports, folder, fresh))
                labels.append("progress import")
                floors = [floor_reports if "--progress" in c.argv else floor for c in cmds]
                self.shape_rows(name, floors, cmds, labels, folder)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)

    def shape_rows(
        self, name: str, floors: list[Cmd], cmds: list[Cmd], labels: list[str], folder: Path
    ) -> None:
        """One shape's commands and `validate` (of the plan, and of the plan with its
        reports), measured together (each floor once a round, not once per command: the
        row stays within a few minutes); ``floors[i]`` is ``cmds[i]``'s reference."""
        distinct = list({id(f): f for f in floors}.values())
        progress(
            f"row 8{name[0]}: {len(cmds)} commands vs {' and '.join(f.label for f in distinct)}"
        )
        try:
            # At least one round after the warm-up (which fills napctl's cache), more
            # while they fit in the budget.
            samples = measure([*distinct, *cmds], 1, self.budget(50), 3)
        except (CommandFailed, CommandTimedOut):
            # Find which one: each command on its own, for its own error or row.
            for cmd, label, floor in zip(cmds, labels, floors, strict=True):
                self.add(
                    f"8{name[0]}/{label}",
                    cmd,
                    floor,
                    TARGET_SHAPE,
                    budget=10,
                    min_reps=1,
                    max_reps=1,
                    single_if_over=True,
                )
            return
        for cmd, label, floor in zip(cmds, labels, floors, strict=True):
            self.rows.append(Row(f"8{name[0]}/{label}", cmd, floor, TARGET_SHAPE, samples))
            if "xlsx" in label:
                self.xlsx_floor(
                    f"8{name[0]}/{label}", cmd, samples[cmd.label], folder / "xlsx-floor.xlsx"
                )

    def xlsx_floor(self, name: str, export: Cmd, measured: Samples, target: Path) -> None:
        """Info: ``export`` against openpyxl alone writing as many cells (bench/xlsx_floor.py),
        what a workbook of that size cost through openpyxl, which napctl no longer uses."""
        try:
            from openpyxl import load_workbook
        except ImportError:
            return
        out = Path(export.argv[export.argv.index("-o") + 1])
        if not out.is_file():
            return
        book = load_workbook(out, read_only=True)
        cells = sum(ws.max_row * ws.max_column for ws in book.worksheets)
        book.close()
        cols = 24
        floor = Cmd(
            f"openpyxl alone, {cells} cells",
            [
                sys.executable,
                str(BENCH / "xlsx_floor.py"),
                str(-(-cells // cols)),
                str(cols),
                str(target),
            ],
        )
        try:
            samples = measure([floor], 1, self.budget(5), 1, single_if_over=True)
        except (CommandFailed, CommandTimedOut) as exc:
            self.errors.append(f"row {name} (openpyxl): {exc}")
            return
        self.rows.append(
            Row(f"{name} (openpyxl)", export, floor, None, {export.label: measured, **samples})
        )

    def shape_import(self, name: str, plan: Path, reports: Path, folder: Path, fresh: Path) -> Cmd:
        """`progress import` of the year's sheet with every other status typed in, into
        a fresh copy of the shape's reports before each run (copied outside the timing)."""
        sheet = folder / f"{name}-year-filled.csv"
        done = subprocess.run(
            [
                self.napctl,
                "export",
                "-f",
                "csv",
                "--year",
                SHAPE_YEAR,
                "--progress",
                str(reports),
                "--plans",
                str(plan),
                "-o",
                str(sheet),
            ],
            cwd=ROOT,
            env=_child_env(None),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            self.errors.append(
                f"row 8: export --year for {plan.name} exited"
                f" {done.returncode}: {done.stderr.strip()[-300:]}"
            )
        else:
            with sheet.open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f))
            status = rows[0].index("Status")
            for row in rows[1::2]:
                row[status] = "ongoing"
            with sheet.open("w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
        target = fresh / f"{name}-imported"

        def refill() -> None:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(reports, target)

        return Cmd(
            f"napctl progress import ({name})",
            [
                self.napctl,
                "progress",
                "import",
                os.path.relpath(sheet, ROOT),
                "--progress",
                str(target),
                "--year",
                SHAPE_YEAR,
                "--plans",
                os.path.relpath(plan, ROOT),
            ],
            prepare=refill,
        )

    def shape_progress(self, plan: Path, folder: Path) -> Path | None:
        """A progress folder for ``plan`` (kept in the bench cache while the plan is the
        same): `progress init` for SHAPE_YEAR, then a few statuses reported."""
        stamp = folder / ".plan-sha256"
        digest = hashlib.sha256(plan.read_bytes()).hexdigest()
        if stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
            return folder
        shutil.rmtree(folder, ignore_errors=True)
        progress(f"row 8: napctl progress init into {folder}")
        done = subprocess.run(
            [
                self.napctl,
                "progress",
                "init",
                "--plan",
                SHAPE_PLAN,
                "--year",
                SHAPE_YEAR,
                "--out",
                str(folder),
                "--plans",
                str(plan),
            ],
            cwd=ROOT,
            env=_child_env(None),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            self.errors.append(
                f"row 8: progress init for {plan.name} exited"
                f" {done.returncode}: {done.stderr.strip()[-300:]}"
            )
            return None
        files = sorted(folder.rglob("*.yaml"))
        for n, path in enumerate(files[:: max(1, len(files) // 10)]):
            text = path.read_text(encoding="utf-8")
            status = ("completed\n    summary: Done.", "ongoing", "not-started")[n % 3]
            path.write_text(
                text.replace("status: not-reported", f"status: {status}", 1), encoding="utf-8"
            )
        stamp.write_text(digest, encoding="utf-8")
        return folder


def _write_if_changed(path: Path, text: str) -> Path:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark napctl against check-jsonschema, a bare Typer app and a"
        " bare PyYAML parse (issue 8)."
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="10 plans, 3 repetitions, no 1000-plan runs; never fails on timing",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=BENCH / ".cache",
        help="where generated corpora are kept (default bench/.cache)",
    )
    parser.add_argument(
        "--row",
        type=int,
        action="append",
        choices=ROWS,
        metavar="N",
        help="run only row N (repeatable; default: every row)",
    )
    args = parser.parse_args(argv)

    napctl = find_tool("napctl")
    if napctl is None:
        sys.stderr.write("bench: napctl is not installed here; run `pip install -e .` first\n")
        return 1
    started = time.perf_counter()
    napctl_cache = tempfile.mkdtemp(prefix="napctl-bench-cache-")
    BASE_ENV["NAPCTL_CACHE_DIR"] = napctl_cache
    try:
        return _run(args, napctl, started)
    finally:
        shutil.rmtree(napctl_cache, ignore_errors=True)


def _run(args: argparse.Namespace, napctl: str, started: float) -> int:
    bench = Bench(
        quick=args.quick, cache=args.cache.resolve(), napctl=napctl, deadline=started + 285.0
    )
    plans_dir, files, where = bundled_plans()
    if not files:
        sys.stderr.write("bench: no bundled plans and no example files found\n")
        return 1
    sizes = [10] if args.quick else [10, 100, 1000]
    world = 10 if args.quick else 110
    rows: dict[int, Callable[[], None]] = {
        1: lambda: bench.row1(files),
        2: lambda: bench.row2(plans_dir, files),
        3: lambda: bench.row3(sizes),
        4: lambda: bench.row4(plans_dir, sizes),
        5: lambda: bench.row5(world),
        7: bench.row7,
        8: bench.row8,
        9: bench.row9,
        10: lambda: bench.row10(world),
        11: lambda: bench.row11(world),
    }
    for number, run in rows.items():
        if not args.row or number in args.row:
            run()
    elapsed = time.perf_counter() - started

    out = sys.stdout
    out.write("napctl benchmark (issue 8)" + (" --quick" if args.quick else "") + "\n")
    for line in versions(napctl):
        out.write(line + "\n")
    out.write(f"bundled plans: {where}: {', '.join(f.name for f in files)}\n")
    out.write("medians of wall time per command (one warm-up run each, rounds interleaved)\n\n")
    for line in table(bench.rows):
        out.write(line + "\n")
    out.write(
        "\nRuns per command (after the warm-up): "
        + ", ".join(f"{r.name}: {len(r.samples[r.measured.label].seconds)}" for r in bench.rows)
        + "\n\n"
    )
    for line in bench.extra:
        out.write(line + "\n")
    out.write("\nCommands (run from the repository root):\n")
    seen: set[str] = set()
    for row in bench.rows:
        for cmd in (row.measured, row.floor):
            if cmd is not None and cmd.label not in seen:
                seen.add(cmd.label)
                out.write(f"  {cmd.label}: {cmd.shown()}\n")
    bench.notes.append(
        "napctl's cache of validated plans (NAPCTL_CACHE_DIR) is a fresh folder for this run;"
        " the warm-up run fills it, so timed runs of cached commands (actions, checklists)"
        " are warm-cache runs; row 2c is the same query with NAPCTL_NO_CACHE=1."
        " `validate` does not use the cache."
    )
    if bench.notes:
        out.write("\nNotes:\n" + "".join(f"  - {n}\n" for n in bench.notes))
    if bench.errors:
        out.write("\nErrors:\n" + "".join(f"  - {e}\n" for e in bench.errors))
    misses = [r.name for r in bench.rows if r.result == "MISS"]
    if bench.memory_miss:
        misses.append("memory")
    out.write(
        f"\n{len(bench.rows)} rows, {len(misses)} missed"
        + (f" ({', '.join(misses)})" if misses else "")
        + f"; {len(bench.errors)} errors; took {elapsed:.0f} s\n"
    )
    if bench.errors:
        return 1
    if misses and not args.quick:
        return 3
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
