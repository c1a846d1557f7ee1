"""Class 9 of issue 20: look-alike codes are one code, to validation and to look-up.

``napctl.model.names.fold_key`` is the one folding; two codes or aliases with
the same key are NAP304, invisible characters in codes NAP210.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.load.corpus import load_corpus
from napctl.model.names import fold_key
from napctl.plans import ActionFilter, QueryError, select_actions
from tests.conftest import MINIMAL, write

BASE = MINIMAL.read_text()
LOOKALIKES = {
    "cyrillic-o": "PОL",
    "full-width": "ＰＯＬ",
    "lower-case": "pol",
    "trailing-space": "POL ",
    "greek-omicron": "PΟL",
    "accented": "PÓL",
}


def _with_code(code: str) -> str:
    extra = f"  - code: {json.dumps(code)}\n    name: Look-alike\n"
    return BASE.replace("  - code: INT\n", extra + "  - code: INT\n")


@pytest.mark.parametrize("name", sorted(LOOKALIKES))
def test_a_lookalike_code_is_nap304(name: str, tmp_path: Path, runner: CliRunner) -> None:
    plan = write(tmp_path, "p.yaml", _with_code(LOOKALIKES[name]))
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1 and "NAP304" in result.stdout, result.stdout
    assert [p.code for p in load_corpus([str(plan)]).problems] == ["NAP304"]


@pytest.mark.parametrize("code", ["POL\u200b", "P\u200dOL", "POL\u2060", "\u202ePOL"])
def test_invisible_characters_in_a_code_are_nap210(code: str, tmp_path: Path) -> None:
    plan = write(tmp_path, "p.yaml", _with_code(code))
    codes = {p.code for p in load_corpus([str(plan)]).problems}
    assert "NAP210" in codes


def test_a_lookalike_alias_is_nap304(tmp_path: Path) -> None:
    plan = write(
        tmp_path,
        "p.yaml",
        BASE.replace("aliases: [Defence, Army]", "aliases: [Defence, Аrmy]").replace(
            "aliases: [Police]", "aliases: [Police, army]"
        ),
    )
    assert [p.code for p in load_corpus([str(plan)]).problems] == ["NAP304"]


def test_look_up_folds_as_validation_does(tmp_path: Path, runner: CliRunner) -> None:
    plan = write(
        tmp_path,
        "p.yaml",
        BASE.replace("code: POL\n", "code: RP Geneve\n")
        .replace("{code: POL,", "{code: RP Geneve,")
        .replace("parent: INT\n    aliases: [Police]", "parent: INT"),
    )
    corpus = load_corpus([str(plan)])
    assert corpus.ok, corpus.problems
    plans = [p.plan for p in corpus.plans]
    for typed in ("RP Genève", "rp geneve", "ＲＰ Ｇｅｎｅｖｅ", "RP  Geneve", "RР Geneve"):
        rows = select_actions(plans, ActionFilter(actors=[typed], include_all=False))
        assert [r.action.id for r in rows] == ["P1.1.1"], typed
        result = runner.invoke(
            app, ["actions", "-f", "json", "--no-all", "--actor", typed, "--plans", str(plan)]
        )
        assert [a["id"] for a in json.loads(result.stdout)] == ["P1.1.1"]
    with pytest.raises(QueryError):
        select_actions(plans, ActionFilter(actors=["RP Genf"]))


def test_fold_key() -> None:
    keys = {fold_key(v) for v in [*LOOKALIKES.values(), "POL"]}
    assert keys == {"pol"}
    assert fold_key("MAEE D5") != fold_key("MAEE D6")
    assert fold_key("Ministère  des Affaires étrangères ") == "ministere des affaires etrangeres"
