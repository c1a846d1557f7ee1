"""Hostile input: nothing crashes, nothing hangs, nothing executes, nothing is lost.

The cases are data: tests/hostile/cases.yaml says what each must give, the
small files are in tests/hostile/files/ (written by make_files.py), and the
big ones (1 MB lines, alias bombs, deep nesting, huge registries) are built
here in a temporary folder. Every case runs through `napctl validate` and
through ``load_corpus``; the big ones also run in a separate process limited
to 1 GiB of address space and 20 seconds, which is a guard against hangs and
memory blow-ups, not a performance assertion.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.problems import Problem
from napctl.load.corpus import load_corpus
from napctl.load.discover import PathNotFound
from tests.conftest import MINIMAL, ROOT

HOSTILE = Path(__file__).resolve().parent.parent / "hostile"
FILES = HOSTILE / "files"
MANIFEST = HOSTILE / "cases.yaml"
BASE = MINIMAL.read_text(encoding="utf-8")
MB = 1024 * 1024
MEMORY_LIMIT = 1024 * MB
TIME_LIMIT = 20.0

# --- the manifest ---------------------------------------------------------------

_EXPECT = re.compile(r"(NAP\d{3})@(\d+)(?:-(\d+))?(?::(\d+))?(?:x(\d+))?\Z")


@dataclass(frozen=True)
class Case:
    name: str
    file: str | None
    build: str | None
    expect: str | list[tuple[str, int, int | None]]  # "accept", "usage" or the problems
    message: str | None
    big: bool
    why: str

    @property
    def exit_code(self) -> int:
        return {"accept": 0, "usage": 2}.get(self.expect, 1) if isinstance(self.expect, str) else 1


def _expectation(raw: object, name: str) -> str | list[tuple[str, int, int | None]]:
    if raw in ("accept", "usage"):
        return str(raw)
    assert isinstance(raw, list) and raw, f"{name}: expect is accept, usage or a list"
    out: list[tuple[str, int, int | None]] = []
    for item in raw:
        match = _EXPECT.match(str(item))
        assert match, f"{name}: cannot read {item!r} (CODE@LINE[-LAST][:COL][xN])"
        code, line, last, column, times = match.groups()
        for number in range(int(line), int(last or line) + 1):
            out += [(code, number, int(column) if column else None)] * int(times or 1)
    return out


def load_cases() -> list[Case]:
    entries = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["cases"]
    cases = []
    for entry in entries:
        name = entry.get("file") or entry["build"]
        cases.append(
            Case(
                name=name,
                file=entry.get("file"),
                build=entry.get("build"),
                expect=_expectation(entry["expect"], name),
                message=entry.get("message"),
                big=bool(entry.get("big", False)),
                why=entry["why"],
            )
        )
    return cases


CASES = load_cases()
BIG = [c for c in CASES if c.big]

# --- building the big and the special cases ---------------------------------------


@dataclass(frozen=True)
class Built:
    path: Path
    max_bytes: int | None = None


def with_changes(*changes: tuple[str, str]) -> str:
    text = BASE
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def registry(count: int, line: Callable[[int], str]) -> str:
    """minimal.yaml with ``count`` more departments, one flow mapping a line."""
    extra = "".join(f"  - {line(i)}\n" for i in range(count))
    return with_changes(
        ("departments:\n  - code: MFA\n", "departments:\n" + extra + "  - code: MFA\n")
    )


def _text(tmp: Path, text: str | bytes, name: str = "case.yaml") -> Built:
    path = tmp / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return Built(path)


def build_over_size(tmp: Path) -> Built:
    path = _text(tmp, BASE).path
    return Built(path, max_bytes=path.stat().st_size - 1)


def build_at_size_limit(tmp: Path) -> Built:
    path = _text(tmp, BASE).path
    return Built(path, max_bytes=path.stat().st_size)


def build_billion_laughs(tmp: Path) -> Built:
    lines = ["lol0: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return _text(tmp, "\n".join(lines) + "\n")


def build_missing(tmp: Path) -> Built:
    return Built(tmp / "no-such-plan.yaml")


def build_folder_as_file(tmp: Path) -> Built:
    path = tmp / "plan.yaml"
    path.mkdir()
    return Built(path)


def build_folder_named_yaml_in_folder(tmp: Path) -> Built:
    folder = tmp / "plans"
    (folder / "sub.yaml").mkdir(parents=True)
    (folder / "plan.yaml").write_text(BASE, encoding="utf-8")
    return Built(folder)


def build_symlink_loop(tmp: Path) -> Built:
    (tmp / "a.yaml").symlink_to(tmp / "b.yaml")
    (tmp / "b.yaml").symlink_to(tmp / "a.yaml")
    return Built(tmp / "a.yaml")


def build_symlink_loop_in_folder(tmp: Path) -> Built:
    folder = tmp / "plans"
    folder.mkdir()
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "plan.yaml").write_text(BASE, encoding="utf-8")
    return Built(folder)


def build_folder_symlink_loop(tmp: Path) -> Built:
    folder = tmp / "plans"
    folder.mkdir()
    (folder / "again").symlink_to(folder, target_is_directory=True)
    (folder / "plan.yaml").write_text(BASE, encoding="utf-8")
    return Built(folder)


def build_fifo(tmp: Path) -> Built:
    path = tmp / "pipe.yaml"
    os.mkfifo(path)
    return Built(path)


def build_device(tmp: Path) -> Built:
    path = tmp / "zero.yaml"
    path.symlink_to("/dev/zero")
    return Built(path)


def build_unreadable(tmp: Path) -> Built:
    if os.geteuid() == 0:
        pytest.skip("root reads every file; see test_unreadable_file_simulated")
    path = _text(tmp, BASE).path
    path.chmod(0)
    return Built(path)


TEXT_BUILDERS: dict[str, Callable[[], str | bytes]] = {
    "long-line-text": lambda: with_changes(
        ("title: Example National Action Plan 2020-2022", "title: " + "a" * MB)
    ),
    "long-line-id": lambda: with_changes(("id: xx-2020-2022", "id: " + "x" * MB)),
    "long-line-junk": lambda: "x" * MB + "\n",
    "long-line-no-newline": lambda: BASE + "notes: [" + "a" * MB,
    "long-key": lambda: with_changes(
        ("country_code: XX\n", "country_code: XX\n? " + "k" * MB + "\n: x\n")
    ),
    "long-number": lambda: with_changes(("country: Exampleland", "country: " + "1" * MB)),
    "long-sexagesimal": lambda: with_changes(("start: 2020", "start: 1" + ":0" * (MB // 2))),
    "long-escapes": lambda: with_changes(
        (
            "title: Example National Action Plan 2020-2022",
            'title: "' + "\\u00e9\\t" * (MB // 8) + '"',
        )
    ),
    "alias-flood": lambda: "a: &a x\nb: [" + "*a, " * 300_000 + "]\n",
    "duplicate-key-flood": lambda: "a: 1\nb: {" + "a: 1, " * 300_000 + "}\n",
    "tag-flood": lambda: "a: [" + "!x y, " * 300_000 + "]\n",
    "too-many-values": lambda: BASE + "notes: [" + "a, " * 250_000 + "]\n",
    "too-many-mappings": lambda: BASE + "notes: [" + "{}, " * 250_000 + "]\n",
    "deep-flow-sequence": lambda: BASE + "notes: " + "[" * MB + "\n",
    "deep-flow-mapping": lambda: BASE + "notes: " + "{a: " * (MB // 4) + "\n",
    "deep-flow-closed": lambda: BASE + "notes: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "deep-block-mapping": lambda: (
        BASE + "".join(" " * (2 * i) + "n:\n" for i in range(2000)) + " " * 4000 + "x\n"
    ),
    "deep-block-sequence": lambda: BASE + "notes:\n" + "- " * 200_000 + "x\n",
    "deep-complex-key": lambda: BASE + "? " + "[" * MB + "\n",
    "deep-duplicate-value": lambda: BASE + "title: " + "[" * MB + "\n",
    "parent-chain": lambda: registry(
        10_000, lambda i: f"{{code: C{i}, name: x{i}" + (f", parent: C{i - 1}}}" if i else "}")
    ),
    "parent-loop": lambda: registry(
        10_000, lambda i: f"{{code: C{i}, name: x, parent: C{(i - 1) % 10_000}}}"
    ),
    "unknown-parents": lambda: registry(10_000, lambda i: f"{{code: C{i}, name: x, parent: Q{i}}}"),
    "unknown-codes": lambda: with_changes(
        ("departments: [All]", "departments: [" + ", ".join(f"Q{i}" for i in range(10_000)) + "]"),
        (
            "departments:\n  - code: MFA\n",
            "departments:\n"
            + "".join(f"  - {{code: C{i}, name: x}}\n" for i in range(10_000))
            + "  - code: MFA\n",
        ),
    ),
}

BUILDERS: dict[str, Callable[[Path], Built]] = {
    "over-size": build_over_size,
    "at-size-limit": build_at_size_limit,
    "billion-laughs": build_billion_laughs,
    "missing-file": build_missing,
    "folder-as-file": build_folder_as_file,
    "folder-named-yaml-in-folder": build_folder_named_yaml_in_folder,
    "symlink-loop": build_symlink_loop,
    "symlink-loop-in-folder": build_symlink_loop_in_folder,
    "folder-symlink-loop": build_folder_symlink_loop,
    "fifo": build_fifo,
    "device": build_device,
    "unreadable": build_unreadable,
    **{name: (lambda tmp, make=make: _text(tmp, make())) for name, make in TEXT_BUILDERS.items()},
}


def build(case: Case, tmp: Path) -> Built:
    if case.file is not None:
        return Built(FILES / case.file)
    assert case.build is not None
    return BUILDERS[case.build](tmp)


# --- running a case -----------------------------------------------------------------

_LINE = re.compile(r"^(.*):(\d+):(\d+): (NAP\d{3}) (.*)$")


def check_problems(case: Case, got: list[tuple[str, int, int]], messages: list[str]) -> None:
    assert isinstance(case.expect, list)
    assert len(got) == len(case.expect), f"{case.name}: {got}"
    for (code, line, column), (want_code, want_line, want_column) in zip(
        got, case.expect, strict=True
    ):
        assert (code, line) == (want_code, want_line), f"{case.name}: {got}"
        if want_column is not None:
            assert column == want_column, f"{case.name}: {got}"
    if case.message is not None:
        assert case.message in messages[0], messages[0]


@pytest.fixture
def no_pwned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run in an empty folder and check that no payload created a file there."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    yield work
    assert not (work / "PWNED").exists(), "a YAML payload was executed"
    assert not (ROOT / "PWNED").exists(), "a YAML payload was executed"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_through_the_cli(case: Case, tmp_path: Path, no_pwned: Path) -> None:
    built = build(case, tmp_path)
    args = ["validate", "--format", "text"]
    if built.max_bytes is not None:
        args += ["--max-bytes", str(built.max_bytes)]
    result = CliRunner().invoke(app, [*args, str(built.path)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == case.exit_code, result.output[:2000]
    if case.expect == "accept":
        assert result.stdout == ""
        assert "all valid" in result.stderr
    elif case.expect == "usage":
        assert result.stderr.startswith("napctl: error: ")
    else:
        rows = [_LINE.match(line) for line in result.stdout.splitlines()]
        assert all(rows), result.stdout[:2000]
        got = [(m[4], int(m[2]), int(m[3])) for m in rows if m]
        check_problems(case, got, [m[5] for m in rows if m])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_through_python(case: Case, tmp_path: Path, no_pwned: Path) -> None:
    built = build(case, tmp_path)
    limit = {} if built.max_bytes is None else {"max_bytes": built.max_bytes}
    if case.expect == "usage":
        try:
            corpus = load_corpus([str(built.path)], **limit)
        except PathNotFound:
            return
        assert corpus.files == [] and corpus.problems == []
        return
    corpus = load_corpus([str(built.path)], **limit)
    assert all(isinstance(p, Problem) for p in corpus.problems)
    if case.expect == "accept":
        assert corpus.problems == []
        assert len(corpus.plans) == 1
    else:
        check_problems(
            case,
            [(p.code, p.line, p.column) for p in corpus.problems],
            [p.message for p in corpus.problems],
        )
        assert corpus.plans == []
    for problem in corpus.problems:
        assert "\n" not in problem.message and len(problem.message) < 500, problem


def _limits() -> None:  # pragma: no cover - runs in the child process
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_limited(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NAPCTL_NO_CACHE": "1", "NO_COLOR": "1"}
    env.pop("NAPCTL_PLANS", None)
    return subprocess.run(
        [sys.executable, "-m", "napctl", "validate", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limits,
        check=False,
    )


@pytest.mark.parametrize("case", BIG, ids=lambda c: c.name)
def test_big_case_in_bounded_process(case: Case, tmp_path: Path, no_pwned: Path) -> None:
    built = build(case, tmp_path)
    extra = [] if built.max_bytes is None else ["--max-bytes", str(built.max_bytes)]
    proc = run_limited(*extra, str(built.path), cwd=no_pwned)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    assert proc.returncode == case.exit_code, proc.stderr[-3000:]


def test_every_stored_file_in_one_bounded_process(no_pwned: Path) -> None:
    files = sorted(str(p) for p in FILES.iterdir())
    proc = run_limited(*files, cwd=no_pwned)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    assert proc.returncode == 1
    assert f"{len(files)} files checked" in proc.stderr


# --- the manifest itself ------------------------------------------------------------


def test_manifest_names_every_file_once_and_every_builder() -> None:
    stored = sorted(p.name for p in FILES.iterdir())
    named = sorted(c.file for c in CASES if c.file is not None)
    assert named == stored
    assert sorted(c.build for c in CASES if c.build is not None) == sorted(BUILDERS)
    assert len({c.name for c in CASES}) == len(CASES)


def test_stored_files_are_what_make_files_writes() -> None:
    sys.path.insert(0, str(HOSTILE))
    try:
        import make_files
    finally:
        sys.path.remove(str(HOSTILE))
    assert sorted(make_files.CASES) == sorted(p.name for p in FILES.iterdir())
    for name, data in make_files.CASES.items():
        assert (FILES / name).read_bytes() == data, name


def test_the_suite_covers_the_issue() -> None:
    names = {c.name for c in CASES}
    for needed in [
        "empty.yaml",
        "only-comments.yaml",
        "root-list.yaml",
        "root-scalar.yaml",
        "random-bytes.yaml",
        "png-header.yaml",
        "nul-bytes.yaml",
        "latin-1.yaml",
        "bom.yaml",
        "crlf.yaml",
        "tab-indent.yaml",
        "long-line-text",
        "long-key",
        "deep-flow-sequence",
        "deep-block-mapping",
        "billion-laughs",
        "python-os-system.yaml",
        "python-name.yaml",
        "tag-custom.yaml",
        "tag-binary.yaml",
        "tag-set.yaml",
        "tag-omap.yaml",
        "merge-key.yaml",
        "duplicate-key-top.yaml",
        "duplicate-key-department.yaml",
        "duplicate-key-action.yaml",
        "duplicate-key-in-list-item.yaml",
        "id-dot-dot.yaml",
        "id-slash.yaml",
        "html-everywhere.yaml",
        "jinja-expression-everywhere.yaml",
        "jinja-statement-everywhere.yaml",
        "two-documents.yaml",
        "over-size",
        "folder-as-file",
        "missing-file",
        "unreadable",
        "symlink-loop",
    ]:
        assert needed in names
    traps = {
        "implicit-no.yaml": "NO",
        "implicit-yes.yaml": "yes",
        "implicit-on.yaml": "on",
        "implicit-float.yaml": "1.10",
        "implicit-hex.yaml": "0x10",
        "implicit-exponent.yaml": "1e3",
        "implicit-date.yaml": "2018-01-01",
        "implicit-null.yaml": "~",
        "implicit-inf.yaml": ".inf",
    }
    for name, source in traps.items():
        case = next(c for c in CASES if c.name == name)
        assert isinstance(case.expect, list) and [e[0] for e in case.expect] == ["NAP203"]
        assert all(e[2] is not None for e in case.expect), f"{name}: give the column"
        assert case.message == f'quote it if it is text: "{source}"', name


# --- what the cases cannot say on their own -----------------------------------------


@pytest.mark.parametrize("name", ["python-os-system.yaml", "python-open.yaml"])
def test_the_python_payloads_are_live(name: str, no_pwned: Path) -> None:
    """The payloads do run under an unsafe loader, so their absence above means something."""
    data = yaml.unsafe_load((FILES / name).read_text(encoding="utf-8"))
    if hasattr(data["country"], "close"):
        data["country"].close()
    assert (no_pwned / "PWNED").exists()
    (no_pwned / "PWNED").unlink()


@pytest.mark.parametrize(
    "name",
    ["html-everywhere.yaml", "jinja-expression-everywhere.yaml", "jinja-statement-everywhere.yaml"],
)
def test_markup_is_kept_as_written(name: str) -> None:
    corpus = load_corpus([str(FILES / name)])
    plan = corpus.plans[0].plan
    payload = yaml.safe_load((FILES / name).read_text(encoding="utf-8"))["title"]
    assert plan.title == payload
    assert plan.pillars[0].goals[0].actions[0].text == payload
    assert "49" not in payload


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every file is readable; the message for one that is not, all the same."""
    import napctl.core.readfile

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "plan.yaml"
    path.write_text(BASE, encoding="utf-8")
    monkeypatch.setattr(napctl.core.readfile, "_open", refuse)
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == f"{path}:0:0: NAP100 cannot read file: Permission denied\n"


def test_nul_byte_is_reported_where_it_is(tmp_path: Path) -> None:
    corpus = load_corpus([str(FILES / "non-ascii-before-error.yaml")])
    (problem,) = corpus.problems
    line = (FILES / "non-ascii-before-error.yaml").read_text(encoding="utf-8").splitlines()[23]
    assert line[problem.column - 1] == "\x01"


def test_long_parent_loop_message_stays_short(tmp_path: Path) -> None:
    built = BUILDERS["parent-loop"](tmp_path)
    corpus = load_corpus([str(built.path)])
    assert {p.code for p in corpus.problems} == {"NAP303"}
    assert corpus.problems[0].message.endswith("(10000 departments)")
    assert "stopped here" in corpus.problems[-1].message


# --- size limits ------------------------------------------------------------------


def test_default_limit_refuses_a_60_mb_file_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import napctl.core.readfile
    import napctl.yaml.safe

    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(BASE.encode())
        handle.write(b"notes:\n" + b"  - a line of notes that looks like any other\n" * 10)
        handle.truncate(60 * MB)  # sparse: the rest reads as NUL bytes
    opened: list[object] = []
    real_open = open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(file)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(napctl.core.readfile, "open", spy, raising=False)
    monkeypatch.setattr(napctl.yaml.safe, "_build", no_parsing)
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["validate", str(path)])
    elapsed = time.perf_counter() - start
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:1:1: NAP102 file is 62,914,560 bytes, over the limit of 5,242,880 bytes"
        " (raise it with --max-bytes)\n"
    )
    assert opened == [], "the file was opened, so it was not refused on its size"
    assert elapsed < TIME_LIMIT


def test_max_bytes_is_a_limit_in_bytes_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(BASE, encoding="utf-8")
    size = path.stat().st_size
    assert size > len(BASE)  # "è" and "é" are two bytes each: the limit counts bytes
    runner = CliRunner()
    assert runner.invoke(app, ["validate", "--max-bytes", str(size), str(path)]).exit_code == 0
    over = runner.invoke(app, ["validate", "--max-bytes", str(size - 1), str(path)])
    assert over.exit_code == 1
    assert over.stdout == (
        f"{path}:1:1: NAP102 file is {size:,} bytes, over the limit of {size - 1:,} bytes"
        " (raise it with --max-bytes)\n"
    )


@pytest.mark.parametrize("value", ["0", "-1", "lots"])
def test_max_bytes_must_be_a_positive_number(value: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "--max-bytes", value, str(MINIMAL)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_one_bad_file_does_not_hide_the_others(tmp_path: Path) -> None:
    """Every file is reported in one run, whatever the others hold."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ["random-bytes.yaml", "python-os-system.yaml", "empty.yaml"]:
        (folder / name).write_bytes((FILES / name).read_bytes())
    (folder / "zz-valid.yaml").write_text(BASE, encoding="utf-8")
    corpus = load_corpus([str(folder)])
    assert len(corpus.files) == 4
    assert {Path(p.file).name for p in corpus.problems} == {
        "random-bytes.yaml",
        "python-os-system.yaml",
        "empty.yaml",
    }
    assert [lp.plan.id for lp in corpus.plans] == ["xx-2020-2022"]
