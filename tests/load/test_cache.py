"""The validation cache: queries on known-valid plans skip pydantic, and never see stale data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load import cache
from napctl.load.corpus import load_corpus
from tests.conftest import MINIMAL, write


def entries() -> list[Path]:
    folder = cache.cache_dir()
    assert folder is not None
    return sorted(folder.rglob("*.json")) if folder.exists() else []


def test_queries_fill_the_cache_and_validate_does_not(tmp_path: Path, runner: CliRunner) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    assert runner.invoke(app, ["validate", str(plan)]).exit_code == 0
    assert entries() == []
    assert runner.invoke(app, ["actions", "--plans", str(plan)]).exit_code == 0
    assert len(entries()) == 1


def test_cached_plan_equals_validated_plan(tmp_path: Path) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    fresh = load_corpus([str(plan)]).plans[0].plan
    load_corpus([str(plan)], use_cache=True)
    assert len(entries()) == 1
    cached = load_corpus([str(plan)], use_cache=True).plans[0].plan
    assert cached == fresh


def test_a_changed_file_is_validated_again(tmp_path: Path, runner: CliRunner) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    assert runner.invoke(app, ["actions", "--plans", str(plan)]).exit_code == 0
    plan.write_text(MINIMAL.read_text().replace("country: Exampleland", "country: NO"))
    result = runner.invoke(app, ["actions", "--plans", str(plan)])
    assert result.exit_code == 1
    assert "NAP203" in result.stderr


def test_a_corrupt_entry_is_ignored(tmp_path: Path, runner: CliRunner) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    assert runner.invoke(app, ["actions", "--plans", str(plan)]).exit_code == 0
    (entry,) = entries()
    entry.write_text("{not json")
    result = runner.invoke(app, ["actions", "-f", "json", "--plans", str(plan)])
    assert result.exit_code == 0 and '"P1.1.1"' in result.stdout


def test_an_unwritable_cache_is_not_an_error(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    blocker = write(tmp_path, "file-not-folder", "x")
    monkeypatch.setenv("NAPCTL_CACHE_DIR", str(blocker / "sub"))
    result = runner.invoke(app, ["actions", "--plans", str(plan)])
    assert result.exit_code == 0, result.output


def test_warm_query_skips_yaml_and_validation(tmp_path: Path) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    env = {**os.environ}
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['napctl', 'actions', '--actor', 'DEF', '-f', 'json', '--plans', "
        f"{str(plan)!r}]\n"
        "try:\n"
        "    runpy.run_module('napctl', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('napctl.load.schema_errors' in sys.modules, 'yaml' in sys.modules,"
        " 'jinja2' in sys.modules, file=sys.stderr)\n"
    )
    cold = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert cold.stderr.strip() == "True True False"
    warm = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert warm.stderr.strip() == "False False False"
    assert warm.stdout == cold.stdout and '"P1.1.1"' in warm.stdout


def test_no_cache_env(tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = write(tmp_path, "p.yaml", MINIMAL.read_text())
    monkeypatch.setenv("NAPCTL_NO_CACHE", "1")
    assert runner.invoke(app, ["actions", "--plans", str(plan)]).exit_code == 0
    monkeypatch.delenv("NAPCTL_NO_CACHE")
    assert entries() == []


def test_the_cache_stays_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every entry in one folder, as if all keys started with the same two digits.
    monkeypatch.setattr(cache, "_entry", lambda folder, key: folder / "00" / f"{key}.json")
    monkeypatch.setattr(cache, "FOLDER_BYTES", 0)  # only the KEEP_PER_FOLDER newest stay
    monkeypatch.setattr(cache, "_UNTIL_SCAN", {})
    last = 3 * cache.KEEP_PER_FOLDER + 4
    for n in range(last + 1):
        cache.put(f"plan {n}".encode(), {"n": n})
        # Scanned only now and then (amortised), so a folder may hold up to twice as many.
        assert len(entries()) <= 2 * cache.KEEP_PER_FOLDER
    assert cache.get(f"plan {last}".encode()) == {"n": last}
    cache._UNTIL_SCAN.clear()  # another process: its first entry prunes the folder
    cache.put(b"next", {"n": -1})
    assert len(entries()) == cache.KEEP_PER_FOLDER
    assert cache.get(b"next") == {"n": -1}


def test_small_entries_stay_by_the_thousand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A registry's thousands of progress reports fit (issue 20): a bound of a few entries
    per folder would evict them within one run, so that every run missed them all."""
    monkeypatch.setattr(cache, "_UNTIL_SCAN", {})
    scans: list[Path] = []
    prune = cache._prune
    monkeypatch.setattr(cache, "_prune", lambda newest: scans.append(newest) or prune(newest))
    count = 3000
    for n in range(count):
        cache.put(f"report {n}".encode(), {"n": n}, "progress report")
    assert len(entries()) == count
    assert all(
        cache.get(f"report {n}".encode(), "progress report") == {"n": n} for n in range(count)
    )
    # A folder is scanned at its first entry, then after as many new ones as it held:
    # a few scans per folder (about log2 of its entries), never one per entry.
    assert len(scans) <= 256 * 5


def test_trusted_build_equals_validation_for_the_bundled_plans() -> None:
    from napctl.load.document import validate_document
    from napctl.model import plan_from_trusted
    from napctl.yaml.safe import load_yaml_file
    from tests.conftest import PLANS

    for path in sorted(PLANS.glob("*.yaml")):
        doc = load_yaml_file(str(path))
        plan, problems = validate_document(doc)
        assert problems == [] and plan is not None and doc.data is not None
        assert plan_from_trusted(doc.data) == plan


def test_the_key_covers_every_layer_that_decides_validity() -> None:
    """A package renamed or moved must not drop out of the cache key unnoticed: each
    folder named exists and holds modules, and the code table and YAML loader are in."""
    from napctl.load.cache import RULE_FOLDERS, rule_modules

    package = Path(cache.__file__).resolve().parent.parent
    for folder in RULE_FOLDERS:
        assert list((package / folder).glob("*.py")), folder
    names = {m.as_posix() for m in rule_modules()}
    assert {
        "core/codes.py",
        "core/readfile.py",
        "yaml/safe.py",
        "checks/registry.py",
        "checks/progress.py",
        "model/plan.py",
        "load/document.py",
    } <= names
