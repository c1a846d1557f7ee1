"""Issue 19, output: one matrix table over several plans, wrapped terminal tables,
checklists --check wording and its command, shell completion, the README's CI job."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.cli.completion import complete_actor, complete_plan
from tests.conftest import PLANS, ROOT

P = ["--plans", str(PLANS)]


def test_matrix_csv_over_two_plans_is_one_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["matrix", *P, "-f", "csv"])
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        "plan",
        "department",
        "O1",
        "O2",
        "O3",
        "O4",
        "O5",
        "O6",
        "I",
        "II",
        "III",
        "IV",
        "total",
    ]
    assert sum(1 for r in rows if r[0] == "plan") == 1  # no second header in the middle
    assert {r[0] for r in rows[1:]} == {"be-2013-2016", "lu-2018-2023"}
    assert [
        "be-2013-2016",
        "Foreign Affairs",
        "11",
        "13",
        "10",
        "8",
        "12",
        "4",
        "",
        "",
        "",
        "",
        "58",
    ] in rows


def test_matrix_piped_over_two_plans_is_one_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["matrix", *P])
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:2] == ["plan", "department"]
    assert sum(1 for line in lines if line.startswith("plan\t")) == 1
    assert all(len(line.split("\t")) == 13 for line in lines)


def test_terminal_tables_wrap_instead_of_cutting(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("napctl.cli.options._to_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(
        app, ["actions", *P, "--plan", "lu-2018-2023", "--actor", "MAEE D5", "--no-all"]
    )
    assert result.exit_code == 0
    data = runner.invoke(
        app,
        ["actions", *P, "--plan", "lu-2018-2023", "--actor", "MAEE D5", "--no-all", "-f", "json"],
    ).stdout
    # Every "…" on the screen is one the plan itself holds: none marks cut text.
    assert result.stdout.count("…") == data.count("…")
    assert "Initiatives/numb…" not in result.stdout
    assert re.search(r"Initiatives/numb", result.stdout)


def test_checklists_check_says_missing_and_stale_and_keeps_options(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "cl"
    args = [
        "checklists",
        *P,
        "--plan",
        "lu-2018-2023",
        "-f",
        "html",
        "--date",
        "2024-01-01",
        "--out",
        str(out),
    ]
    assert runner.invoke(app, args).exit_code == 0
    (out / "lu" / "maee-d5.html").unlink()
    (out / "index.html").write_text("edited\n")
    result = runner.invoke(app, [*args, "--check"])
    assert result.exit_code == 0  # nothing would lose work: reported, no failure
    assert result.stdout.splitlines() == [
        f"{out / 'index.html'}: stale",
        f"{out / 'lu' / 'maee-d5.html'}: missing",
    ]
    assert result.stderr == (
        f"1 stale, 1 missing of 27 files (nothing in them to import); run `napctl"
        f" checklists --out {out}"
        f" --plan lu-2018-2023 -f html --date 2024-01-01 --plans {PLANS}` to update"
        " them\n"
    )


class _Ctx:
    def __init__(self, **params: object) -> None:
        self.params = params


def test_completion_offers_codes_and_plan_ids() -> None:
    plans = [str(PLANS)]
    assert complete_plan(_Ctx(plans=plans), "l") == ["lu-2018-2023"]
    assert complete_plan(_Ctx(plans=plans), "") == ["be-2013-2016", "lu-2018-2023"]
    codes = complete_actor(_Ctx(plans=plans, plan="lu-2018-2023"), "maee d")
    assert codes[:3] == ["MAEE D1", "MAEE D2", "MAEE D4"]
    assert "Interior-Federal Police" in complete_actor(_Ctx(plans=plans), "inter")
    assert complete_actor(_Ctx(plans=["/no/such/folder"]), "") == []  # never fails


def test_completion_can_be_installed(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


def test_docs_ci_job_installs_napctl_for_real() -> None:
    """The plans workflow the docs show (and tests/adoption runs) installs from git."""
    job = (ROOT / "docs" / "workflows" / "plans.yml").read_text(encoding="utf-8")
    assert "pip install napctl " not in job and "pip install napctl\n" not in job
    assert '- run: pip install "napctl @ git+https://github.com/' in job
