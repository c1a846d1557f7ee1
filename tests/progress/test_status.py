"""`napctl status` on the Luxembourg example: counts computed by hand from the files."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.progress.status import combine
from tests.conftest import PLANS, ROOT

EXAMPLE = ROOT / "examples" / "progress"
BASE = ["status", "--plans", str(PLANS), "--progress", str(EXAMPLE)]


def status_json(runner: CliRunner, *args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, [*BASE, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("given", "want"),
    [
        ([], "not-reported"),
        (["completed", "completed"], "completed"),
        (["completed", "discontinued"], "completed"),
        (["discontinued", "discontinued"], "discontinued"),
        (["completed", "delayed", "completed"], "delayed"),
        (["not-applicable", "not-applicable"], "not-applicable"),
        (["not-applicable", "completed"], "completed"),
        (["completed", "not-reported"], "ongoing"),
        (["ongoing", "not-started"], "ongoing"),
        (["not-started", "not-reported"], "not-started"),
        (["discontinued", "not-reported"], "not-reported"),
        (["not-reported", "not-reported"], "not-reported"),
        (["discontinued", "not-started"], "not-started"),
    ],
)
def test_combination_rule(given: list[str], want: str) -> None:
    assert combine(given) == want  # type: ignore[arg-type]


def test_json_counts_match_the_hand_computed_answers(runner: CliRunner) -> None:
    data = status_json(runner)
    assert (data["plan"], data["year"]) == ("lu-2018-2023", 2020)
    # By hand from examples/progress/lu-2018-2023/2020: 23 actions have at least one
    # report; IV.4.1 has only MEGA's `discontinued` (not-reported overall), the other 22:
    assert data["counts"] == {
        "not-reported": 33,
        "not-started": 2,
        "ongoing": 14,
        "delayed": 4,
        "completed": 2,
        "discontinued": 0,
        "not-applicable": 0,
    }
    by_id = {a["id"]: a for a in data["actions"]}
    assert len(by_id) == 55
    assert by_id["II.4.1"]["status"] == "completed"  # MEGA and MAEE D5 both completed
    assert by_id["III.1.7"]["reports"] == [
        {"department": "Justice", "status": "completed"},
        {"department": "MEGA", "status": "completed"},
    ]
    assert by_id["III.1.8"]["status"] == "delayed"  # Justice ongoing, MEGA delayed
    assert by_id["IV.3.1"]["status"] == "ongoing"  # MAEE D1 has not reported
    assert by_id["III.1.5"]["status"] == "ongoing"  # Justice completed, Police silent
    assert by_id["IV.4.1"]["status"] == "not-reported"
    assert by_id["I.3.1"]["status"] == "not-started"
    assert len(by_id["II.1.1"]["reports"]) == 26  # "All": every department
    # 206 (department, action) duties: 204, plus the Army's two "All" rows since it is a
    # department of its own. Reported: MEGA 18, SRE 3, Justice 5, MAEE D5 6.
    assert len(data["missing"]) == 206 - 32
    assert {"department": "MAEE D5", "id": "I.1.1"} not in data["missing"]
    assert {"department": "MAEE D5", "id": "II.1.1"} in data["missing"]
    depts = {d["department"]: d for d in data["departments"]}
    assert depts["MEGA"] == {
        "department": "MEGA",
        "actions": 18,
        "reported": 18,
        "completed": 6,
        "delayed": 2,
        "missing": 0,
    }
    assert depts["MAEE D5"] == {
        "department": "MAEE D5",
        "actions": 24,
        "reported": 6,
        "completed": 2,
        "delayed": 1,
        "missing": 18,
    }
    assert depts["Justice"]["reported"] == 5 and depts["SRE"]["missing"] == 0


def test_actor_narrows_to_the_departments_share(runner: CliRunner) -> None:
    data = status_json(runner, "--actor", "SRE")
    assert [a["id"] for a in data["actions"]] == ["II.1.1", "II.11.1", "III.1.4"]
    assert [a["status"] for a in data["actions"]] == ["ongoing", "completed", "not-applicable"]
    assert data["missing"] == []


def test_by_pillar_and_un_pillar(runner: CliRunner) -> None:
    data = status_json(runner, "--by", "pillar")
    groups = {g["group"]: g for g in data["groups"]}
    assert sum(g["actions"] for g in groups.values()) == 55
    assert groups["I"]["counts"]["ongoing"] == 1  # I.1.4
    assert groups["I"]["counts"]["not-started"] == 1  # I.3.1
    un = status_json(runner, "--by", "un-pillar")
    assert [g["group"] for g in un["groups"]] == [
        "participation",
        "prevention",
        "protection",
        "relief-and-recovery",
    ]


def test_check_exits_1_when_reports_are_missing(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--check"])
    assert result.exit_code == 1
    assert "174 reports missing for lu-2018-2023 2020" in result.stderr
    # With --actor, only that department's share counts.
    result = runner.invoke(app, [*BASE, "--check", "--actor", "MAEE D5", "--format", "json"])
    assert result.exit_code == 1 and "18 reports missing" in result.stderr
    assert len(json.loads(result.stdout)["missing"]) == 18
    result = runner.invoke(app, [*BASE, "--check", "--actor", "MEGA"])
    assert result.exit_code == 0, result.output


def test_plain_text_when_piped(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--by", "department"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "lu-2018-2023 2020: 55 actions (33 not-reported, 2 not-started,"
        " 14 ongoing, 4 delayed, 2 completed)"
    )
    assert lines[1] == "department\tactions\treported\tcompleted\tdelayed\tmissing"
    assert "MEGA\t18\t18\t6\t2\t0" in lines
    assert "Missing: 174 reports from 24 departments" in lines
    assert "\x1b" not in result.stdout


def test_rich_table_on_a_terminal(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("napctl.cli.options._to_terminal", lambda: True)
    result = runner.invoke(app, [*BASE, "--actor", "SRE"])
    assert result.exit_code == 0, result.output
    assert "progress" in result.stdout and "█" in result.stdout
    assert "not-applicable" in result.stdout


def test_csv_and_markdown(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--format", "csv", "--by", "department"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == [
        "plan",
        "year",
        "department",
        "actions",
        "reported",
        "completed",
        "delayed",
        "missing",
    ]
    assert ["lu-2018-2023", "2020", "MEGA", "18", "18", "6", "2", "0"] in rows
    md = runner.invoke(app, [*BASE, "--format", "md", "--actor", "SRE"]).stdout
    assert "| II.11.1 | completed | 1/1 |  |" in md
    assert "Nothing missing" in md


def test_trend_over_several_years(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE / "lu-2018-2023" / "2020", tmp_path / "lu-2018-2023" / "2020")
    later = tmp_path / "lu-2018-2023" / "2021"
    later.mkdir()
    text = (EXAMPLE / "lu-2018-2023" / "2020" / "sre.yaml").read_text(encoding="utf-8")
    text = text.replace("year: 2020", "year: 2021").replace(
        "  - id: II.1.1\n    status: ongoing\n", "  - id: II.1.1\n    status: completed\n"
    )
    (later / "sre.yaml").write_text(text, encoding="utf-8")
    args = ["status", "--plans", str(PLANS), "--progress", str(tmp_path), "--actor", "SRE"]
    latest = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert latest["year"] == 2021 and "years" not in latest
    both = json.loads(
        runner.invoke(app, [*args, "-f", "json", "--year", "2020", "--year", "2021"]).stdout
    )
    assert both["years"] == [2020, 2021]
    assert both["actions"][0]["trend"] == {"2020": "ongoing", "2021": "completed"}
    plain = runner.invoke(app, [*args, "--year", "2020", "--year", "2021"]).stdout
    assert "II.1.1\tcompleted\t1/1\t\t2020: ongoing, 2021: completed" in plain


def test_status_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["status", "--plans", str(PLANS), "--progress", str(tmp_path), "--plan", "lu-2018-2023"],
    )
    assert result.exit_code == 2 and "no progress reports for plan" in result.stderr
    result = runner.invoke(app, [*BASE, "--year", "2030"])
    assert result.exit_code == 2 and "outside plan" in result.stderr
    result = runner.invoke(app, ["status", "--plans", str(PLANS), "--progress", str(tmp_path)])
    assert result.exit_code == 2 and "pick one with --plan" in result.stderr


def test_year_with_no_files_lists_everything_as_missing(runner: CliRunner) -> None:
    data = status_json(runner, "--year", "2019")
    assert data["counts"]["not-reported"] == 55 and len(data["missing"]) == 206


def test_invalid_progress_files_stop_status(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "lu-2018-2023" / "2020"
    folder.mkdir(parents=True)
    (folder / "sre.yaml").write_text(
        "plan: lu-2018-2023\nyear: 2020\ndepartment: SRE\n"
        "actions:\n  - id: II.1.1\n    status: done\n"
    )
    result = runner.invoke(app, ["status", "--plans", str(PLANS), "--progress", str(tmp_path)])
    assert result.exit_code == 1
    assert "NAP204" in result.stderr and "Traceback" not in result.output


def test_docs_show_the_real_status_output(runner: CliRunner) -> None:
    readme = (ROOT / "docs" / "monitoring.md").read_text(encoding="utf-8")
    block = readme.split("```console\n", 1)[1].split("```", 1)[0]
    for part in block.split("$ napctl ")[1:]:
        command, _, shown = part.partition("\n")
        args = command.split()
        assert args[:3] == ["status", "--progress", "examples/progress"]
        result = runner.invoke(app, [*BASE, *args[3:]])
        assert result.exit_code == 0, result.output
        shown = shown.removesuffix("...\n")
        assert result.stdout.startswith(shown), command


def test_status_from_the_cache_equals_status_from_the_files(runner: CliRunner) -> None:
    first = runner.invoke(app, [*BASE, "-f", "json"]).stdout
    assert runner.invoke(app, [*BASE, "-f", "json"]).stdout == first  # second run: cached
    from napctl.load import cache

    folder = cache.cache_dir()
    assert folder is not None and any(folder.rglob("*.json"))


def test_a_cached_report_is_still_checked_against_its_plan(
    runner: CliRunner, tmp_path: Path
) -> None:
    from napctl.load.corpus import load_corpus, load_progress

    src = EXAMPLE / "lu-2018-2023" / "2020" / "mega.yaml"
    folder = tmp_path / "progress" / "lu-2018-2023" / "2020"
    folder.mkdir(parents=True)
    (folder / "mega.yaml").write_bytes(src.read_bytes())
    plan = load_corpus([str(PLANS / "lu-2018-2023.yaml")]).plans[0].plan
    fresh = load_progress([tmp_path / "progress"], [plan], use_cache=True)
    assert fresh.problems == [] and fresh.reports
    cached = load_progress([tmp_path / "progress"], [plan], use_cache=True)
    assert cached.reports == fresh.reports  # dates and all, from the JSON entry
    indicator = cached.reports[0].report.actions[0].indicators[0]
    assert indicator.date is not None and indicator.date.isoformat() == "2020-11-30"
    # The same bytes against a plan that lost an action: the rule runs, with its position.
    text = (PLANS / "lu-2018-2023.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "lu.yaml"
    changed.write_text(text.replace("id: II.4.1\n", "id: II.4.9\n"), encoding="utf-8")
    other = load_corpus([str(changed)]).plans[0].plan
    result = load_progress([tmp_path / "progress"], [other], use_cache=True)
    assert [(p.code, p.line) for p in result.problems] == [("NAP404", 54)]


def test_status_labels_in_the_language_asked_for_json_stays_english(runner: CliRunner) -> None:
    args = [*BASE, "--plan", "lu-2018-2023", "--year", "2020"]
    md = runner.invoke(app, [*args, "-f", "md", "--lang", "fr"]).stdout
    assert md.startswith("## lu-2018-2023 2020 : 55 actions (33 non rapporté, 2 non commencé,")
    assert "| id | statut | rapporté | non rapporté par |" in md
    assert "| I.3.1 | non commencé | 1/1 |  |" in md
    plain = runner.invoke(app, [*args, "--by", "department", "--lang", "nl"]).stdout
    assert plain.splitlines()[1] == "\t".join(
        ["departement", "acties", "gerapporteerd", "voltooid", "vertraagd", "ontbrekend"]
    )
    assert "\nOntbrekend: " in plain
    english = runner.invoke(app, [*args, "-f", "json", "--lang", "de"]).stdout
    assert '"status": "not-reported"' in english  # a machine's keys and words never change


def test_known_years_give_the_same_status_and_are_left_unchanged(tmp_path: Path) -> None:
    """`plan_status(known=...)` (the site passes the years it has) equals the status
    worked out from the files, and does not change the statuses it was given."""
    from napctl.load.corpus import load_corpus, load_progress
    from napctl.model.registry import registry_index
    from napctl.progress.status import plan_status, status_record, year_status

    for year in (2020, 2021):
        folder = tmp_path / "lu-2018-2023" / str(year)
        folder.mkdir(parents=True)
        for src in (EXAMPLE / "lu-2018-2023" / "2020").glob("*.yaml"):
            text = src.read_text(encoding="utf-8").replace("year: 2020", f"year: {year}")
            if year == 2021:
                text = text.replace("status: ongoing", "status: delayed")
            (folder / src.name).write_text(text, encoding="utf-8")
    plan = load_corpus([str(PLANS / "lu-2018-2023.yaml")]).plans[0].plan
    reports = [r.report for r in load_progress([tmp_path], [plan]).reports]
    index = registry_index(plan)
    known = {y: year_status(plan, index, reports, y) for y in (2020, 2021)}
    before = {y: status_record(s) for y, s in known.items()}
    worked_out = plan_status(plan, reports, [2020, 2021], invalid=["x.yaml"])
    given = plan_status(plan, reports, [2020, 2021], invalid=["x.yaml"], known=known)
    assert status_record(given) == status_record(worked_out)
    assert given.invalid == ["x.yaml"] and given.years == [2020, 2021]
    trends = [a.trend for a in given.actions]
    assert trends == [a.trend for a in worked_out.actions]
    assert any(t[2020] != t[2021] for t in trends)  # the years differ
    # The statuses given are as they were: no trend, no invalid files, one year.
    assert {y: status_record(s) for y, s in known.items()} == before
    assert all(a.trend == {} for s in known.values() for a in s.actions)
    assert [s.years for s in known.values()] == [[2020], [2021]] and known[2021].invalid == []
    # Given only for other departments' shares, they are not used.
    share = plan_status(plan, reports, [2021], frozenset({"SRE"}), known=known)
    assert {d.department for d in share.departments} == {"SRE"}
