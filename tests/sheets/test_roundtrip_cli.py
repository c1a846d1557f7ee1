"""Both bundled plans survive export -> import into a new plan, in CSV and in XLSX."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_file
from napctl.plans.new import NewPlan, plan_text
from napctl.sheets.edit import import_matrix
from napctl.sheets.export import as_csv
from napctl.sheets.read import read_table
from tests.conftest import PLANS, ROOT

BUNDLED = ["lu-2018-2023", "be-2013-2016"]


def invoke(runner: CliRunner, *args: str) -> tuple[str, str]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    return result.stdout, result.stderr


def shape(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """What must survive: ids, texts, indicators, departments with roles and notes, order."""
    return [
        (
            r["id"],
            r["pillar"],
            r["pillar_title"],
            r["goal"],
            r["goal_text"],
            r["text"],
            r["indicators"],
            r["departments"],
            [(a["code"], a["role"], a["note"]) for a in r["assignments"]],
            r["notes"],
        )
        for r in rows
    ]


@pytest.mark.parametrize(
    ("fmt", "lang"), [("csv", "en"), ("xlsx", "en"), ("csv", "fr"), ("xlsx", "nl"), ("csv", "de")]
)
@pytest.mark.parametrize("plan_id", BUNDLED)
def test_round_trip_through_the_cli(
    plan_id: str, fmt: str, lang: str, tmp_path: Path, runner: CliRunner
) -> None:
    """In every language: `napctl import` reads the headers `export --lang` writes."""
    bundled = ["--plans", str(PLANS)]
    table = tmp_path / f"matrix.{fmt}"
    export = ["export", "--format", fmt, "--plan", plan_id, "-o", str(table), "--lang", lang]
    invoke(runner, *export, *bundled)
    plans = tmp_path / "plans"
    new_id = f"copy-{plan_id}"
    invoke(
        runner,
        "new",
        new_id,
        "--country",
        "XX",
        "--title",
        "Copy",
        "--period",
        "2013-2023",
        "--out",
        str(plans),
    )
    _, err = invoke(runner, "import", str(table), "--plan", new_id, "--plans", str(plans))
    assert "actions added" in err
    original = json.loads(
        invoke(runner, "actions", "--plan", plan_id, "--format", "json", *bundled)[0]
    )
    copy = json.loads(
        invoke(runner, "actions", "--plan", new_id, "--format", "json", "--plans", str(plans))[0]
    )
    assert shape(copy) == shape(original)
    assert len(copy) == {"lu-2018-2023": 55, "be-2013-2016": 102}[plan_id]
    names = [[(a["code"], a["name"]) for a in r["assignments"]] for r in copy]
    if fmt == "xlsx":  # the departments sheet gives the new departments their names
        assert names == [[(a["code"], a["name"]) for a in r["assignments"]] for r in original]
        assert "names still to be filled in" not in err
    else:
        assert all(code == name for row in names for code, name in row if code != "All")
    # The result validates, and importing the same table again changes nothing.
    invoke(runner, "validate", str(plans))
    before = (plans / f"{new_id}.yaml").read_bytes()
    _, err = invoke(runner, "import", str(table), "--plan", new_id, "--plans", str(plans))
    assert "nothing to add" in err
    assert (plans / f"{new_id}.yaml").read_bytes() == before


def test_round_trip_with_the_functions(tmp_path: Path) -> None:
    """The same, without the CLI: export rows, read the table, import into a new plan's text."""
    from napctl.plans import ActionFilter, select_actions

    plan, problems = load_file(PLANS / "lu-2018-2023.yaml")
    assert plan is not None and not problems
    table_path = tmp_path / "lu.csv"
    table_path.write_text(as_csv(select_actions([plan], ActionFilter())), "utf-8")
    text = plan_text(NewPlan("lu-copy", "LU", "Copy", 2018, 2023))
    new_file = tmp_path / "lu-copy.yaml"
    new_file.write_text(text, "utf-8")
    empty, problems = load_file(new_file)
    assert empty is not None and not [
        p for p in problems if p.level == "error"
    ]  # placeholders warn
    result = import_matrix(read_table(table_path), empty, text, str(new_file), [])
    assert result.problems == [] and result.changed
    assert result.text.startswith(text[: text.index("departments:")])
    assert "napctl:skeleton" not in result.text
    new_file.write_text(result.text, "utf-8")
    copy, problems = load_file(new_file)
    assert copy is not None and not [p for p in problems if p.level == "error"]
    assert [(a.id, a.text, a.indicators, a.departments) for _, _, a in copy.actions()] == [
        (a.id, a.text, a.indicators, a.departments) for _, _, a in plan.actions()
    ]
    assert [d.code for d in copy.departments] == ["COORD", *result.changes.departments]  # type: ignore[union-attr]
    assert sorted(result.changes.departments) == sorted(  # type: ignore[union-attr]
        d.code for d in plan.departments if any(d.code in a.codes() for _, _, a in plan.actions())
    )


SHAPES = ROOT / "tests" / "example-files" / "shapes"


def _results(plan_file: Path) -> list[tuple[Any, ...]]:
    plan, _ = load_file(plan_file)
    assert plan is not None
    return [
        (
            g.id,
            r.id,
            r.text,
            r.indicator_texts(),
            [(a.code, a.role) for a in r.assignments()],
            [
                (a.id, a.text, a.indicator_texts(), [(x.code, x.role) for x in a.assignments()])
                for a in r.actions
            ],
        )
        for p in plan.pillars
        for g in p.goals
        for r in g.results
    ]


def test_round_trip_of_expected_results(tmp_path: Path, runner: CliRunner) -> None:
    """A plan with results: exported, imported into a new plan, the results are the same,
    each result's indicators and actors stored once (an action keeps only its own)."""
    table = tmp_path / "matrix.csv"
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SHAPES / "xf-2022-2026.yaml", source)
    invoke(
        runner, "export", "-f", "csv", "--plan", "xf-2022-2026", "-o", str(table),
        "--plans", str(source),
    )  # fmt: skip
    plans = tmp_path / "plans"
    invoke(
        runner, "new", "xf-copy", "--country", "XF", "--title", "Copie",
        "--period", "2022-2026", "--out", str(plans),
    )  # fmt: skip
    _, err = invoke(runner, "import", str(table), "--plan", "xf-copy", "--plans", str(plans))
    assert "9 actions added" in err
    copy = plans / "xf-copy.yaml"
    original = _results(SHAPES / "xf-2022-2026.yaml")
    assert len(original) == 4
    assert _results(copy) == original
    text = copy.read_text("utf-8")
    assert text.count("Pourcentage de femmes élues") == 1  # the result's, not each action's
    assert "role: funder" in text and "role: support" in text
    before = copy.read_bytes()
    _, err = invoke(runner, "import", str(table), "--plan", "xf-copy", "--plans", str(plans))
    assert "nothing to add" in err
    assert copy.read_bytes() == before
