"""Property-based tests: mutate real plans and check that napctl never crashes.

The plans are those in plans/ plus the positive examples. Each mutation is
made on the data (delete, duplicate, retype or reorder a node), on the lines
of the text, or on the bytes of the file; whatever comes out, validation
either accepts it or reports problems that point inside the file. Valid plans
survive a trip through YAML unchanged.

Examples are derandomized (the same ones on every run) and modest in number,
so the file runs in seconds. For a longer hunt, raise NAPCTL_PROPERTY_EXAMPLES
(say to 5000) and set NAPCTL_PROPERTY_RANDOM=1 to draw new examples each run.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from napctl import model
from napctl.cli import app
from napctl.core.problems import CODES, Problem
from napctl.load.corpus import load_corpus
from napctl.load.document import validate_document
from napctl.yaml.safe import parse_yaml
from tests.conftest import EXAMPLES, PLANS

SOURCES = sorted(PLANS.glob("*.yaml")) + sorted((EXAMPLES / "positive").glob("*.yaml"))
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in SOURCES}
DATA = {name: yaml.safe_load(text) for name, text in TEXTS.items()}
EXAMPLES_PER_TEST = int(os.environ.get("NAPCTL_PROPERTY_EXAMPLES", "200"))

SETTINGS = settings(
    max_examples=EXAMPLES_PER_TEST,
    derandomize="NAPCTL_PROPERTY_RANDOM" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

Path_ = tuple[str | int, ...]

# --- helpers ----------------------------------------------------------------------

# Line breaks as libyaml counts them (YAML 1.1), which is how napctl numbers lines.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def lines_of(raw: bytes) -> list[str]:
    text = raw.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return _BREAK.split(text)


def check_positions(problems: list[Problem], raw: bytes) -> None:
    """Every problem is a known code at a line and column inside the file."""
    lines = lines_of(raw)
    for p in problems:
        assert p.code in CODES, p
        assert p.message and "\n" not in p.message, p
        assert 1 <= p.line <= len(lines), (p, len(lines))
        assert 1 <= p.column <= len(lines[p.line - 1]) + 1, (p, lines[p.line - 1][:200])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties") / "plan.yaml"


def validate_bytes(raw: bytes, path: Path) -> list[Problem]:
    """Validate a file holding ``raw``, as `napctl validate` does; never raises."""
    path.write_bytes(raw)
    corpus = load_corpus([str(path)])
    assert corpus.files == [str(path)]
    check_positions(corpus.problems, raw)
    if corpus.problems:
        assert corpus.plans == []
    else:
        assert len(corpus.plans) == 1
    event("accepted" if not corpus.problems else f"first problem {corpus.problems[0].code}")
    return corpus.problems


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)


def paths(node: Any, here: Path_ = ()) -> Iterator[Path_]:
    """Every path in the data, the root excluded."""
    if here:
        yield here
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*here, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, (*here, i))


PATHS = {name: list(paths(data)) for name, data in DATA.items()}


def at(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.sampled_from(
            [
                "NO",
                "yes",
                "~",
                "1.10",
                "0x10",
                "1e3",
                "2018-01-01",
                ".inf",
                "2018-02-30",
                "<<",
                "All",
                "",
                " ",
            ]
        ),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    """A plan's data with one to three nodes deleted, duplicated, retyped or reordered."""
    name = draw(st.sampled_from(sorted(DATA)))
    data = copy.deepcopy(DATA[name])
    for _ in range(draw(st.integers(1, 3))):
        candidates = list(paths(data))
        if not candidates:
            break
        path = draw(st.sampled_from(candidates))
        parent, step = at(data, path[:-1]), path[-1]
        op = draw(st.sampled_from(["delete", "duplicate", "retype", "reorder"]))
        if op == "delete":
            del parent[step]
        elif op == "duplicate":
            if isinstance(parent, list):
                parent.insert(int(step), copy.deepcopy(parent[step]))
            else:
                parent[f"{step}_copy"] = copy.deepcopy(parent[step])
        elif op == "retype":
            parent[step] = draw(values)
        else:
            node = parent[step]
            if isinstance(node, list) and node:
                parent[step] = draw(st.permutations(node))
            elif isinstance(node, dict) and node:
                keys = draw(st.permutations(list(node)))
                parent[step] = {k: node[k] for k in keys}
    return name, data


# --- the properties ---------------------------------------------------------------


@SETTINGS
@given(mutated())
def test_mutated_data_is_accepted_or_reported_in_place(
    scratch: Path, case: tuple[str, Any]
) -> None:
    _, data = case
    validate_bytes(dump(data).encode("utf-8"), scratch)


@st.composite
def line_edits(draw: st.DrawFn) -> bytes:
    """A plan's text with lines deleted, duplicated, swapped or re-indented."""
    lines = TEXTS[draw(st.sampled_from(sorted(TEXTS)))].split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "join"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = draw(st.sampled_from([" ", "  ", "\t", "- ", "? "])) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 4)) :]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [
                lines[i] + draw(st.sampled_from([" ", ": ", ", ", ""])) + lines[i + 1]
            ]
    return "\n".join(lines).encode("utf-8")


@settings(SETTINGS, max_examples=EXAMPLES_PER_TEST * 2)
@given(line_edits())
def test_edited_lines_are_accepted_or_reported_in_place(scratch: Path, raw: bytes) -> None:
    validate_bytes(raw, scratch)


@st.composite
def corrupted(draw: st.DrawFn) -> bytes:
    """A plan's bytes with bytes flipped, inserted or deleted."""
    raw = bytearray(TEXTS[draw(st.sampled_from(sorted(TEXTS)))].encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "set"]))
        if op == "flip":
            raw[i] ^= draw(st.integers(1, 255))
        elif op == "insert":
            raw[i:i] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from(
                        [
                            b"\x00",
                            b"\t",
                            b"\r",
                            b"\xef\xbb\xbf",
                            b"\xc3",
                            b"&a ",
                            b"*a",
                            b"!!python/name:os.system ",
                            b"<<: ",
                            b"---\n",
                            b"[",
                            b"{",
                            b"'",
                            b'"',
                            b"\xe2\x80\xa8",
                            b"\xc2\x85",
                            b"%YAML 1.1\n",
                        ]
                    ),
                )
            )
        elif op == "delete":
            del raw[i : i + draw(st.integers(1, 16))]
        else:
            raw[i] = draw(st.sampled_from(b":-#&*!|>'\"%@`{}[],? \n\t\r"))
        if not raw:
            break
    return bytes(raw)


@settings(SETTINGS, max_examples=EXAMPLES_PER_TEST * 2)
@given(corrupted())
def test_corrupted_bytes_are_accepted_or_reported_in_place(scratch: Path, raw: bytes) -> None:
    validate_bytes(raw, scratch)


@settings(SETTINGS, max_examples=max(EXAMPLES_PER_TEST // 3, 10))
@given(st.one_of(corrupted(), line_edits()))
def test_the_cli_exits_0_or_1_and_never_prints_a_traceback(scratch: Path, raw: bytes) -> None:
    scratch.write_bytes(raw)
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(scratch)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


# --- retyped text is reported exactly where it is ------------------------------------


def _text_paths(name: str) -> list[Path_]:
    return [p for p in PATHS[name] if isinstance(at(DATA[name], p), str)]


TEXT_PATHS = {name: _text_paths(name) for name in DATA}


def _node_mark(text: str, path: Path_) -> tuple[int, int]:
    """Line and column of the node at ``path``, as PyYAML's own composer sees it."""
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if k.value == step)
        else:
            node = node.value[int(step)]
    return node.start_mark.line + 1, node.start_mark.column + 1


@SETTINGS
@given(st.data())
def test_a_retyped_text_is_reported_at_its_value(scratch: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(DATA)))
    path = data.draw(st.sampled_from(TEXT_PATHS[name]))
    new = data.draw(
        st.one_of(
            st.booleans(),
            st.integers(-1000, 10**6),
            st.floats(allow_nan=False),
            st.just(None),
            st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=2),
            st.dictionaries(st.sampled_from(["a", "b"]), st.integers(), min_size=1),
        )
    )
    tree = copy.deepcopy(DATA[name])
    at(tree, path[:-1])[path[-1]] = new
    text = dump(tree)
    problems = validate_bytes(text.encode("utf-8"), scratch)
    if new is None and not problems:
        return  # an optional text left out
    where = _node_mark(text, path)
    assert where in [(p.line, p.column) for p in problems], (path, new, where, problems)
    if isinstance(new, (bool, int, float)) or new is None:
        assert any(
            p.code in ("NAP203", "NAP204") and (p.line, p.column) == where for p in problems
        ), problems


# --- round trips ------------------------------------------------------------------


def to_data(plan: Any) -> dict[str, Any]:
    return dict(model.plan_to_data(plan))


def load_plan(text: str) -> Any:
    plan, problems = validate_document(parse_yaml(text, "plan.yaml"))
    assert problems == [], problems
    return plan


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_load_dump_load_gives_the_same_plan(path: Path) -> None:
    plan = load_plan(TEXTS[path.name])
    again = load_plan(dump(to_data(plan)))
    assert again == plan
    assert to_data(again) == to_data(plan)


class _QuotingDumper(yaml.CSafeDumper):
    """Quotes every text that napctl would not read as text (YAML 1.2 numbers too)."""


def _represent_str(dumper: yaml.CSafeDumper, value: str) -> yaml.ScalarNode:
    from napctl.yaml.types import resolve_plain as _resolve_plain

    style = '"' if _resolve_plain(value) != "tag:yaml.org,2002:str" else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_QuotingDumper.add_representer(str, _represent_str)


@SETTINGS
@given(st.data())
def test_any_text_survives_a_round_trip(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(DATA)))
    path = data.draw(st.sampled_from(TEXT_PATHS[name]))
    new = data.draw(
        st.one_of(
            st.text(min_size=1, max_size=40),
            st.sampled_from(
                [
                    "NO",
                    "yes",
                    "on",
                    "~",
                    "null",
                    "1.10",
                    "0x10",
                    "1e3",
                    "0o17",
                    "1_000",
                    "2018-01-01",
                    "2018-02-30",
                    ".inf",
                    "-.5e+3",
                    "<<",
                    "=",
                    "- a",
                    "# not a comment",
                    "a: b",
                    "{{ 7*7 }}",
                    "{% if %}",
                    "\ufeffx",
                    "x\u2028y",
                    "x\x85y",
                    "\t tab",
                    "'",
                    '"',
                    "\\",
                    "@x",
                    "`x",
                    "%x",
                ]
            ),
        ).filter(lambda s: s.strip() != "")
    )
    tree = copy.deepcopy(DATA[name])
    at(tree, path[:-1])[path[-1]] = new
    text = yaml.dump(tree, Dumper=_QuotingDumper, sort_keys=False, allow_unicode=True)
    doc = parse_yaml(text, "plan.yaml")
    assert doc.problems == [], (new, doc.problems)
    assert at(doc.data, path) == new
