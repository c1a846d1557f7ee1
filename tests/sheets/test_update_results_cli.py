"""`napctl import --update` on a plan with expected results: where a change belongs.

The table is the example plan's own export (tests/example-files/shapes), edited as a
coordinator would: a change given alike on every row of a result that inherits the
value is one change of the result; a change on some of its rows only stays on
those actions. Every byte of the plan outside the edited lines stays.
"""

from __future__ import annotations

import csv
import difflib
import io
import shutil
from pathlib import Path

import pytest

from napctl.load.corpus import load_file
from napctl.sheets.edit import import_matrix
from napctl.sheets.read import read_table
from tests.conftest import EXAMPLES, napctl

PLAN = "xf-2022-2026"
SOURCE = EXAMPLES / "shapes" / f"{PLAN}.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans").mkdir()
    shutil.copy(SOURCE, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rows(repo: Path) -> list[list[str]]:
    text = napctl("export", "-f", "csv", "-o", "-").stdout
    return list(csv.reader(io.StringIO(text)))


def _write(repo: Path, rows: list[list[str]], name: str = "t.csv") -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (repo / name).write_text(out.getvalue(), encoding="utf-8")
    return repo / name


def _cell(rows: list[list[str]], action: str, header: str) -> tuple[int, int]:
    column = rows[0].index(header)
    row = next(i for i, r in enumerate(rows) if r[6] == action)
    return row, column


def _changed_lines(before: str, after: str) -> list[tuple[list[str], list[str]]]:
    """The old and new lines of each changed block (every other line is the same)."""
    old, new = before.splitlines(True), after.splitlines(True)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _update(table: Path, *extra: str) -> tuple[str, str]:
    result = napctl("import", str(table), "--plan", PLAN, "--update", *extra)
    return result.stdout, result.stderr


def test_a_role_changed_on_every_inheriting_row_changes_the_result(repo: Path) -> None:
    rows = _rows(repo)
    for action in ("A1.1.1.1", "A1.1.1.2"):  # A1.1.1.3 names its own actors
        r, c = _cell(rows, action, "Acteurs")
        rows[r][c] = rows[r][c].replace("PTF (funder)", "PTF (partner)")
    table = _write(repo, rows)
    plan = repo / "plans" / f"{PLAN}.yaml"
    before = plan.read_text("utf-8")
    out, err = _update(table)
    lines = out.splitlines()
    assert lines[1].startswith("~ result R1.1.1 departments: ")
    assert '{"code": "PTF", "role": "partner"}' in lines[1]
    assert lines[2:] == ["1 change: 1 result-changed"]
    assert plan.read_text("utf-8") == before  # a dry run
    out_applied, err = _update(table, "--apply")
    assert out_applied == out and err.endswith("1 changes written\n")
    after = plan.read_text("utf-8")
    [(old, new)] = _changed_lines(before, after)
    assert old == [
        "            departments: [MPF, CENI, {code: OSC, role: partner}, {code: PTF,"
        " role: funder}]\n"
    ]
    assert new == [
        '            departments: ["MPF", "CENI", {"code": "OSC", "role": "partner"},'
        ' {"code": "PTF", "role": "partner"}]\n'
    ]
    napctl("validate")
    _, err = _update(table)
    assert "nothing to change" in err


def test_a_change_on_some_rows_of_a_result_stays_on_those_actions(repo: Path) -> None:
    rows = _rows(repo)
    r, c = _cell(rows, "A1.1.2.1", "Acteurs")
    rows[r][c] += "\nMSEC"  # only one of R1.1.2's rows; A1.1.2.2 inherits them too
    table = _write(repo, rows)
    plan = repo / "plans" / f"{PLAN}.yaml"
    before = plan.read_text("utf-8")
    out, _ = _update(table, "--apply")
    assert "result R1.1.2" not in out
    assert "+ action A1.1.2.1 department: " in out
    after = plan.read_text("utf-8")
    [(old, new)] = _changed_lines(before, after)
    assert old == []  # A1.1.2.1 inherited: it now names its own actors
    assert "".join(new) == (
        "                departments:\n"
        "                  - AN\n"
        "                  - MPF\n"
        "                  - MSEC\n"
    )
    copy, _ = load_file(plan)
    assert copy is not None
    result = copy.pillars[0].goals[0].results[1]
    assert [a.codes() for a in result.actions] == [["AN", "MPF", "MSEC"], []]
    assert result.codes() == ["AN", "MPF"]  # the result unchanged


def test_a_row_naming_its_own_actors_does_not_hold_the_result_back(repo: Path) -> None:
    """R2.1.2: A2.1.2.1 shows the result's actors, A2.1.2.2 names its own; a change of
    the one row that shows the result's is the result's."""
    rows = _rows(repo)
    r, c = _cell(rows, "A2.1.2.1", "Acteurs")
    rows[r][c] += "\nMSEC"
    out, _ = _update(_write(repo, rows))
    lines = out.splitlines()
    assert lines[1].startswith("~ result R2.1.2 departments: ")
    assert lines[1].endswith(', "MSEC"]+}')
    assert lines[2:] == ["1 change: 1 result-changed"]


def test_library_gives_one_update_on_the_result(repo: Path) -> None:
    rows = _rows(repo)
    for action in ("A2.1.1.1", "A2.1.1.2"):
        r, c = _cell(rows, action, "Acteurs")
        rows[r][c] = rows[r][c].replace("ONU Femmes (support)", "ONU Femmes (partner)")
    table = _write(repo, rows)
    plan_file = repo / "plans" / f"{PLAN}.yaml"
    plan, _ = load_file(plan_file)
    assert plan is not None
    text = plan_file.read_text("utf-8")
    result = import_matrix(read_table(table), plan, text, str(plan_file), [], update=True)
    assert result.changes is not None
    assert [(path, value[-1]) for path, value in result.changes.updates] == [
        (
            ("pillars", 1, "goals", 0, "results", 0, "departments"),
            {"code": "ONU Femmes", "role": "partner"},
        )
    ]
    [(old, new)] = _changed_lines(text, result.text)
    assert (old, new) == (
        ["            departments: [MSEC, POL, {code: ONU Femmes, role: support}]\n"],
        ['            departments: ["MSEC", "POL", {"code": "ONU Femmes", "role": "partner"}]\n'],
    )


def _with_targets(rows: list[list[str]], cells: dict[str, str]) -> list[list[str]]:
    """The rows with a target column ("Cible"), filled in for the actions of ``cells``."""
    out = [[*rows[0], "Cible"]]
    out += [[*r, cells.get(r[6], "")] for r in rows[1:]]
    return out


TARGETS = {
    "A1.1.1.1": "20 %\n-",  # as the plan says: no change
    "A1.1.1.2": "20%\n-",
    "A1.1.2.2": "50 d'ici 2024",  # its own indicator, a text in the plan
    "A2.1.1.1": "1 800 (2026)\n-",  # R2.1.1's indicator, on both of its rows
    "A2.1.1.2": "1 800 (2026)\n-",
}


def test_update_compares_and_sets_targets(repo: Path) -> None:
    table = _write(repo, _with_targets(_rows(repo), TARGETS))
    plan = repo / "plans" / f"{PLAN}.yaml"
    before = plan.read_text("utf-8")
    out, err = _update(table)
    lines = out.splitlines()
    assert lines[1] == (
        '~ action A1.1.2.2 target: [-{"indicator": "Nbre de nominations examinées", "targets":'
        ' []}-] {+{"indicator": "Nbre de nominations examinées", "targets": [{"year": 2024,'
        ' "value": 50}]}+}'
    )
    assert lines[2].startswith("~ result R2.1.1 indicators: ")
    assert '"targets": [{"year": 2026, "value": 1800}]' in lines[2]
    assert lines[3:] == ["2 changes: 1 action-indicator-target-changed, 1 result-changed"]
    assert plan.read_text("utf-8") == before  # a dry run
    assert _update(table, "--apply")[0] == out
    after = plan.read_text("utf-8")
    assert _changed_lines(before, after) == [
        (
            ["                indicators: [Nbre de nominations examinées]\n"],
            [
                '                indicators: [{"text": "Nbre de nominations examinées",'
                ' "targets": [{"year": 2024, "value": 50}]}]\n'
            ],
        ),
        (
            ["                  - {year: 2026, value: 1500}\n"],
            ["                  - year: 2026\n", "                    value: 1800\n"],
        ),
    ]
    napctl("validate")
    _, err = _update(table)
    assert "nothing to change" in err


def test_rows_of_a_result_giving_other_targets_are_a_problem(repo: Path) -> None:
    table = _write(repo, _with_targets(_rows(repo), {**TARGETS, "A2.1.1.2": "2 000 (2026)\n-"}))
    result = napctl("import", str(table), "--plan", PLAN, "--update", code=1)
    assert "the rows of one result give other targets for 'Nombre de plaintes" in result.stderr


def test_library_gives_target_updates(repo: Path) -> None:
    table = _write(repo, _with_targets(_rows(repo), TARGETS))
    plan_file = repo / "plans" / f"{PLAN}.yaml"
    plan, _ = load_file(plan_file)
    assert plan is not None
    text = plan_file.read_text("utf-8")
    result = import_matrix(read_table(table), plan, text, str(plan_file), [], update=True)
    assert result.changes is not None
    assert result.changes.updates == [
        (
            ("pillars", 0, "goals", 0, "results", 1, "actions", 1, "indicators", 0, "targets"),
            [{"year": 2024, "value": 50}],
        ),
        (
            ("pillars", 1, "goals", 0, "results", 0, "indicators", 0, "targets"),
            [{"year": 2026, "value": 1800}],
        ),
    ]
