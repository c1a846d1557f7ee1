"""Class 7 of issue 20: a cache entry is served only when it proves it belongs to the bytes.

Every corruption below leaves the answer of `napctl actions` exactly what a
cold run gives, through the CLI and through ``load_corpus``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load import cache
from napctl.load.corpus import load_corpus
from tests.conftest import MINIMAL, write

OTHER = MINIMAL.read_text().replace("Example plan", "Another plan").replace("P1.1.1", "Q9")


def _entry() -> Path:
    folder = cache.cache_dir()
    assert folder is not None
    (found,) = folder.rglob("*.json")
    return found


def _replace(entry: Path, make: Callable[[Path], object]) -> None:
    entry.unlink()
    make(entry)


def _copy_of_other(entry: Path, tmp: Path) -> None:
    """The entry of another plan, copied under this plan's key."""
    other = write(tmp, "other.yaml", OTHER)
    folder = cache.cache_dir()
    assert folder is not None
    before = set(folder.rglob("*.json"))
    load_corpus([str(other)], use_cache=True)
    (made,) = set(folder.rglob("*.json")) - before
    entry.write_bytes(made.read_bytes())


def _deep(entry: Path) -> None:
    entry.write_text('{"format":2,"data":' + "[" * 200_000 + "]" * 200_000 + "}")


def _wrong_shape(entry: Path) -> None:
    data = json.loads(entry.read_text())
    data["data"]["pillars"] = "not a list"
    entry.write_text(json.dumps(data))


def _wrong_types(entry: Path) -> None:
    data = json.loads(entry.read_text())
    data["data"]["period"]["start"] = "2018"
    data["data"]["departments"][0]["code"] = 5
    entry.write_text(json.dumps(data))


def _no_digest(entry: Path) -> None:
    data = json.loads(entry.read_text())
    entry.write_text(json.dumps(data["data"]))  # the old format: data alone


CORRUPTIONS: dict[str, Callable[[Path, Path], object]] = {
    "copied-from-another-file": _copy_of_other,
    "fifo": lambda e, _: _replace(e, lambda p: os.mkfifo(p)),
    "symlink-to-dev-zero": lambda e, _: _replace(e, lambda p: p.symlink_to("/dev/zero")),
    "symlink-to-a-valid-entry": lambda e, t: (
        (t / "kept.json").write_bytes(e.read_bytes()),
        _replace(e, lambda p: p.symlink_to(t / "kept.json")),
    ),
    "deep-nesting": lambda e, _: _deep(e),
    "wrong-shape": lambda e, _: _wrong_shape(e),
    "wrong-types": lambda e, _: _wrong_types(e),
    "no-digest": lambda e, _: _no_digest(e),
    "truncated": lambda e, _: e.write_bytes(e.read_bytes()[:-10]),
    "not-utf8": lambda e, _: e.write_bytes(b"\xff\xfe" + e.read_bytes()),
    "a-folder": lambda e, _: _replace(e, lambda p: p.mkdir()),
    "huge": lambda e, _: e.write_bytes(
        e.read_bytes() + b" " * (cache.ENTRY_SIZE_SLACK + 4096) * (cache.ENTRY_SIZE_FACTOR + 1)
    ),
    "a-list": lambda e, _: e.write_text("[1, 2]"),
}


@pytest.mark.parametrize("how", sorted(CORRUPTIONS))
def test_a_corrupt_entry_never_changes_the_answer(
    how: str, tmp_path: Path, runner: CliRunner
) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    args = ["actions", "-f", "json", "--plans", str(plan)]
    cold = runner.invoke(app, args)
    assert cold.exit_code == 0 and '"P1.1.1"' in cold.stdout
    CORRUPTIONS[how](_entry(), tmp_path)
    warm = runner.invoke(app, args)
    assert (warm.exit_code, warm.stdout) == (0, cold.stdout), warm.output
    fresh = load_corpus([str(plan)]).plans[0].plan
    assert load_corpus([str(plan)], use_cache=True).plans[0].plan == fresh


def test_an_entry_of_another_file_is_not_served_from_python(tmp_path: Path) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    raw = plan.read_bytes()
    load_corpus([str(plan)], use_cache=True)
    _copy_of_other(_only_entry_of(raw), tmp_path)
    assert cache.get(raw) is None


def _only_entry_of(raw: bytes) -> Path:
    folder = cache.cache_dir()
    assert folder is not None
    return cache._entry(folder, cache._key(raw, "plan"))


def test_a_build_that_fails_is_a_miss(tmp_path: Path) -> None:
    cache.put(b"some bytes", {"a": 1})
    assert cache.get(b"some bytes") == {"a": 1}

    def refuse(data: object) -> object:
        raise KeyError("pillars")

    assert cache.get(b"some bytes", build=refuse) is None


def test_writing_an_entry_replaces_a_link_and_leaves_its_target(tmp_path: Path) -> None:
    target = write(tmp_path, "precious.txt", "keep me")
    folder = cache.cache_dir()
    assert folder is not None
    entry = cache._entry(folder, cache._key(b"x", "plan"))
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.symlink_to(target)
    cache.put(b"x", {"n": 1})
    assert target.read_text() == "keep me"
    assert not entry.is_symlink() and cache.get(b"x") == {"n": 1}
