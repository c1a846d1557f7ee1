"""`napctl export` and `napctl new`: what a ministry opens, and what a new plan starts as."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.csvtext import neutral_cell as neutralise
from napctl.sheets.export import MATRIX_HEADER, REGISTRY_HEADER
from tests.conftest import PLANS, ROOT
from tests.sheets.libreoffice import needs_soffice, sheets_as_csv

BUNDLED = ["--plans", str(PLANS)]


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_neutralise_formula_starts() -> None:
    for risky in ("=1+1", "+33 1", "-x", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(risky) == "'" + risky
    assert neutralise("Plain text = fine") == "Plain text = fine"


def test_csv_to_stdout_for_one_actor(runner: CliRunner) -> None:
    code, out, _ = invoke(
        runner, "export", "--format", "csv", "--actor", "MAEE D8", "-o", "-", *BUNDLED
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == MATRIX_HEADER
    assert [(r[0], r[6], r[9]) for r in rows[1:]] == [
        ("lu-2018-2023", "II.1.1", "All"),
        ("lu-2018-2023", "III.1.2", "MAEE D8\nMIFA/OLAI"),
        ("lu-2018-2023", "III.1.4", "All"),
    ]


def test_xlsx_layout(tmp_path: Path, runner: CliRunner) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "m.xlsx"
    code, _, err = invoke(runner, "export", "--format", "xlsx", "-o", str(out), *BUNDLED)
    assert code == 0, err
    book = load_workbook(out)
    assert book.sheetnames == ["be-2013-2016", "lu-2018-2023", "departments"]
    lu = book["lu-2018-2023"]
    assert lu.freeze_panes == "A2"
    assert tuple(c.value for c in lu[1]) == MATRIX_HEADER
    assert lu.max_row == 56
    first = lu[2]
    assert [c.value for c in first[:3]] == ["lu-2018-2023", "I", "Participation"]
    assert all(c.alignment.wrap_text for c in first)
    # every cell is text; an empty one (no deadline, timeline or budget) reads back as None
    assert all(c.data_type == "s" for c in first if c.value is not None)
    assert [c.value for c in first[10:13]] == [None, None, None]
    assert lu.column_dimensions["B"].width == 11  # "Pillar id" + 2
    assert lu.column_dimensions["H"].width == 60  # long texts: capped, wrapped
    again = tmp_path / "again.xlsx"
    invoke(runner, "export", "--format", "xlsx", "-o", str(again), *BUNDLED)
    assert again.read_bytes() == out.read_bytes()  # same plans, same bytes
    reg = book["departments"]
    assert tuple(c.value for c in reg[1]) == REGISTRY_HEADER
    assert reg.max_row == 1 + 11 + 26  # the re-read plans: 11 and 26 departments
    assert [c.value for c in reg[13]][:3] == [
        "lu-2018-2023",
        "MAEE",
        "Ministry of Foreign and European Affairs",
    ]


def test_xlsx_cells_never_become_formulas_or_numbers(tmp_path: Path, runner: CliRunner) -> None:
    from openpyxl import load_workbook

    plans = tmp_path / "plans"
    plans.mkdir()
    text = (ROOT / "tests" / "example-files" / "positive" / "minimal.yaml").read_text("utf-8")
    text = text.replace("text: Recruit women officers", 'text: "=HYPERLINK(\\"x\\")"')
    (plans / "p.yaml").write_text(text, "utf-8")
    out = tmp_path / "m.xlsx"
    code, _, err = invoke(runner, "export", "-o", str(out), "--plans", str(plans))
    assert code == 0, err
    cells = [c for row in load_workbook(out).worksheets[0].iter_rows() for c in row]
    assert all(c.data_type == "s" for c in cells if c.value is not None)
    assert '\'=HYPERLINK("x")' in [c.value for c in cells]
    code, out_csv, _ = invoke(runner, "export", "-f", "csv", "-o", "-", "--plans", str(plans))
    assert "'=HYPERLINK" in out_csv


def test_export_usage_errors(tmp_path: Path, runner: CliRunner) -> None:
    code, _, err = invoke(runner, "export", "-o", "-", *BUNDLED)
    assert code == 2 and "-o - is for CSV" in err
    code, _, err = invoke(
        runner, "export", "-o", str(tmp_path / "x.xlsx"), "--actor", "Nobody at all", *BUNDLED
    )
    assert code == 2 and "Nobody at all" in err
    (tmp_path / "file").write_text("")  # a file where the folder must be
    code, _, err = invoke(
        runner, "export", "-f", "csv", "-o", str(tmp_path / "file" / "x.csv"), *BUNDLED
    )
    assert code == 2 and "cannot write" in err
    # one rule for every command: missing folders are created
    code, _, err = invoke(
        runner, "export", "-f", "csv", "-o", str(tmp_path / "no" / "x.csv"), *BUNDLED
    )
    assert code == 0 and (tmp_path / "no" / "x.csv").is_file()


def test_missing_openpyxl_names_the_extra(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading XLSX needs openpyxl; writing it (export, --year too) does not."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl -> ImportError
    for name, extra in (("x.xlsx", []), ("y.xlsx", ["--year", "2020", "--plan", "lu-2018-2023"])):
        code, _, err = invoke(runner, "export", "-o", str(tmp_path / name), *extra, *BUNDLED)
        assert code == 0, err
        with zipfile.ZipFile(tmp_path / name) as book:
            assert book.testzip() is None
            assert {
                "[Content_Types].xml",
                "xl/workbook.xml",
                "xl/sharedStrings.xml",
                "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
            } <= set(book.namelist())
    table = tmp_path / "m.xlsx"
    table.write_bytes(b"PK")
    code, _, err = invoke(runner, "import", str(table), "--plan", "lu-2018-2023", *BUNDLED)
    assert (code, err) == (
        2,
        "napctl: error: XLSX needs the optional extra: pip install 'napctl[xlsx]'\n",
    )


def test_a_text_too_long_for_a_cell_is_a_usage_error(tmp_path: Path, runner: CliRunner) -> None:
    from tests.conftest import MINIMAL

    long = "word " * 7000  # 35,000 characters
    plan = tmp_path / "xx.yaml"
    plan.write_text(MINIMAL.read_text("utf-8").replace("text: ", f"text: {long}", 1), "utf-8")
    code, _, err = invoke(runner, "export", "-o", str(tmp_path / "x.xlsx"), "--plans", str(plan))
    assert code == 2 and len(err.splitlines()) == 1, err
    assert "over the 32,767 a spreadsheet cell holds; shorten it" in err
    assert not (tmp_path / "x.xlsx").exists()
    code, _, err = invoke(
        runner, "export", "-f", "csv", "-o", str(tmp_path / "x.csv"), "--plans", str(plan)
    )
    assert code == 0, err


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["actions", "--actor", "MAEE D5", *BUNDLED],
        ["export", "--help"],
        ["import", "--help"],
        ["progress", "import", "--help"],
    ],
)
def test_openpyxl_is_not_imported_where_not_needed(args: list[str], tmp_path: Path) -> None:
    code = (
        "import sys, runpy; sys.argv = ['napctl', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('napctl', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write('OPENPYXL=' + str('openpyxl' in sys.modules))\n"
    )
    env = {**os.environ, "NAPCTL_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.stderr.endswith("OPENPYXL=False"), done.stderr
    if args[0] == "actions":
        assert "\tI.3.1\t" in done.stdout and "\tI.1.1\t" not in done.stdout  # the query ran


def test_export_does_not_import_openpyxl(tmp_path: Path) -> None:
    code = (
        "import sys, runpy; sys.argv = ['napctl', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('napctl', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write('OPENPYXL=' + str('openpyxl' in sys.modules))\n"
    )
    env = {**os.environ, "NAPCTL_CACHE_DIR": str(tmp_path)}
    out = tmp_path / "m.xlsx"
    done = subprocess.run(
        [sys.executable, "-c", code, "export", "-o", str(out), *BUNDLED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.stderr.endswith("OPENPYXL=False"), done.stderr
    assert zipfile.is_zipfile(out)


@needs_soffice
def test_libreoffice_opens_the_workbook(tmp_path: Path, runner: CliRunner) -> None:
    book = tmp_path / "m.xlsx"
    code, _, err = invoke(runner, "export", "-o", str(book), *BUNDLED)
    assert code == 0, err
    sheets_as_csv(book, tmp_path)
    for plan_id in ("lu-2018-2023", "be-2013-2016"):
        converted = (tmp_path / "out" / f"m-{plan_id}.csv").read_text("utf-8")
        _, ours, _ = invoke(runner, "export", "-f", "csv", "--plan", plan_id, "-o", "-", *BUNDLED)
        assert list(csv.reader(io.StringIO(converted, newline=""))) == list(
            csv.reader(io.StringIO(ours, newline=""))
        )
    registry = list(
        csv.reader(
            io.StringIO((tmp_path / "out" / "m-departments.csv").read_text("utf-8"), newline="")
        )
    )
    assert tuple(registry[0]) == REGISTRY_HEADER and len(registry) == 1 + 11 + 26


@needs_soffice
def test_libreoffice_opens_the_progress_workbook(tmp_path: Path, runner: CliRunner) -> None:
    book = tmp_path / "p.xlsx"
    year = [
        "--year",
        "2020",
        "--plan",
        "lu-2018-2023",
        "--progress",
        str(ROOT / "examples" / "progress"),
        *BUNDLED,
    ]
    code, _, err = invoke(runner, "export", "-o", str(book), *year)
    assert code == 0, err
    sheets_as_csv(book, tmp_path)
    converted = (tmp_path / "out" / "p-lu-2018-2023 2020.csv").read_text("utf-8")
    _, ours, _ = invoke(runner, "export", "-f", "csv", "-o", "-", *year)
    assert list(csv.reader(io.StringIO(converted, newline=""))) == list(
        csv.reader(io.StringIO(ours, newline=""))
    )


def test_new_plan_is_valid_and_never_overwritten(tmp_path: Path, runner: CliRunner) -> None:
    args = [
        "new",
        "fr-2021-2025",
        "--country",
        "FR",
        "--title",
        "Plan national d'action",
        "--period",
        "2021-2025",
        "--out",
        str(tmp_path),
    ]
    code, _, err = invoke(runner, *args)
    assert code == 0, err
    path = tmp_path / "fr-2021-2025.yaml"
    text = path.read_text("utf-8")
    # No schema/ folder beside it: the published schema (tests/adoption checks it works).
    assert text.startswith(
        "# yaml-language-server: $schema=https://napctl.readthedocs.io"
        "/en/stable/schema/plan-1.schema.json\n"
    )
    assert "notes:" in text and "napctl:skeleton-begin" in text
    code, _, err = invoke(runner, "validate", str(path))
    assert code == 0, err
    path.write_text(text + "# mine\n", "utf-8")
    code, _, err = invoke(runner, *args)
    assert code == 2 and "exists already" in err
    assert path.read_text("utf-8").endswith("# mine\n")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--period", "2028-2024", "must not be after"),
        ("--period", "soon", "START-END"),
        ("--country", "France", "alpha-2"),
        ("--title", " ", "must not be empty"),
    ],
)
def test_new_plan_bad_options(
    option: str, value: str, message: str, tmp_path: Path, runner: CliRunner
) -> None:
    args = {"--country": "FR", "--title": "T", "--period": "2021-2025", option: value}
    code, _, err = invoke(
        runner, "new", "fr-x", *[x for kv in args.items() for x in kv], "--out", str(tmp_path)
    )
    assert code == 2 and message in err
    code, _, err = invoke(
        runner,
        "new",
        "Bad Id",
        "--country",
        "FR",
        "--title",
        "T",
        "--period",
        "2021-2025",
        "--out",
        str(tmp_path),
    )
    assert code == 2 and "lower-case" in err
    assert list(tmp_path.iterdir()) == []
