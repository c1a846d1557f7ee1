"""Departments belong to a country, through the command line (issue 13).

The note on a name several countries use, --country on every command that
takes plans, --exact, and checklists in a folder per country (never two
countries in one checklist). The bundled plans are named with --plans.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import MINIMAL, PLANS, write
from tests.model.test_plan_lu import D7_ALONE_ACTIONS
from tests.plans.test_departments import INTERIOR_ITSELF

NOTE = (
    'napctl: "Justice" names departments in 2 countries: BE Justice (be-2013-2016),'
    " LU Justice (lu-2018-2023); --country narrows\n"
)


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--plans", str(PLANS)])
    return result.exit_code, result.stdout, result.stderr


def rows(runner: CliRunner, *args: str) -> tuple[list[tuple[str, str]], str]:
    code, out, err = run(runner, "actions", *args, "--format", "json")
    assert code == 0, err
    return [(r["plan"], r["id"]) for r in json.loads(out)], err


def test_a_name_of_two_countries_answers_both_and_says_so(runner: CliRunner) -> None:
    got, err = rows(runner, "--actor", "Justice")
    assert err == NOTE
    assert {p for p, _ in got} == {"be-2013-2016", "lu-2018-2023"} and len(got) == 29
    be, err = rows(runner, "--actor", "Justice", "--country", "BE")
    assert err == "" and {p for p, _ in be} == {"be-2013-2016"} and len(be) == 15
    lu, err = rows(runner, "--actor", "Justice", "--country", "luxembourg")
    assert err == "" and {p for p, _ in lu} == {"lu-2018-2023"} and len(lu) == 14
    assert sorted(be + lu) == sorted(got)
    _, err = rows(runner, "--actor", "Justice", "--plan", "lu-2018-2023")
    assert err == ""
    # the note goes to stderr whatever the format; stdout stays the data
    code, out, err = run(runner, "actions", "--actor", "Justice")
    assert code == 0 and err == NOTE and "names departments" not in out
    _, err = rows(runner, "--actor", "MAEE D5")
    assert err == ""


def test_unknown_country_is_a_usage_error(runner: CliRunner) -> None:
    for command in (
        ["actions", "--actor", "Justice"],
        ["actors"],
        ["matrix"],
        ["render", "checklist", "--actor", "Justice"],
    ):
        code, out, err = run(runner, *command, "--country", "FR")
        assert code == 2, command
        assert out == ""
        assert err == (
            "napctl: error: no plan of country 'FR'; the plans are of"
            " BE (Belgium), LU (Luxembourg)\n"
        )
        code, out, err = run(runner, *command, "--country", "LU", "--plan", "be-2013-2016")
        assert code == 2 and out == "", command
        assert err == "napctl: error: plan 'be-2013-2016' is of BE (Belgium), not of 'LU'\n"


def test_country_narrows_actors_and_matrix(runner: CliRunner) -> None:
    code, out, _ = run(runner, "actors", "--country", "LU", "--format", "json")
    assert code == 0 and {r["plan"] for r in json.loads(out)} == {"lu-2018-2023"}
    code, out, _ = run(runner, "actors", "--country", "be")
    assert code == 0 and out.splitlines()[0].startswith("be-2013-2016  ")
    assert "lu-2018-2023" not in out and "MAEE" not in out
    code, out, _ = run(runner, "matrix", "--country", "BE", "--format", "json")
    assert code == 0
    assert "MAEE" not in out and '"Foreign Affairs"' in out


def test_exact_names_only_the_department(runner: CliRunner) -> None:
    got, _ = rows(runner, "--actor", "MAEE D7", "--exact", "--no-all")
    assert [i for _, i in got] == D7_ALONE_ACTIONS
    got, _ = rows(runner, "--actor", "Interior", "--exact", "--no-all")
    assert [i for _, i in got] == INTERIOR_ITSELF
    got, _ = rows(runner, "--actor", "Interior", "--no-all")
    assert len(got) == 24
    got, _ = rows(runner, "--actor", "FPS Foreign Affairs", "--exact")
    assert got == []  # the plan never prints the FPS itself on a line


def test_a_checklist_is_for_one_country(runner: CliRunner) -> None:
    code, out, err = run(runner, "render", "checklist", "--actor", "Justice")
    assert code == 2 and out == ""
    assert err == (
        "napctl: error: 'Justice' names departments in 2 countries: BE Justice"
        " (be-2013-2016), LU Justice (lu-2018-2023); a checklist is for one"
        " country: pick it with --country\n"
    )
    code, out, _ = run(runner, "render", "checklist", "--actor", "Justice", "--country", "BE")
    assert code == 0
    assert "**Federal Public Service Justice** (Justice): 15 actions" in out
    assert "Ministry of Justice" not in out and "Luxembourg" not in out
    code, out, _ = run(runner, "render", "checklist", "-a", "Justice", "-p", "lu-2018-2023")
    assert code == 0 and "**Ministry of Justice** (Justice): 14 actions" in out
    code, out, _ = run(runner, "render", "checklist", "-a", "MAEE D7", "--exact")
    assert code == 0 and "**Directorate of Defence** (MAEE D7): 6 actions" in out
    assert "with MAEE D7/Luxembourg Army" not in out


#: "## <plan title>" starts each plan's section of a checklist.
SECTION = re.compile(r"^## (.+)$", re.MULTILINE)
#: "**<name>** (<code>)..." names the department the section is for.
FOR_WHOM = re.compile(r"^\*\*(.+?)\*\* \((.+?)\)", re.MULTILINE)


def test_no_checklist_mixes_two_countries(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "checklists"
    code, _, err = run(runner, "checklists", "--out", str(out))
    assert code == 0, err
    code, plans_json, _ = run(runner, "plans", "--format", "json")
    titles = {"be": set(), "lu": set()}  # type: dict[str, set[str]]
    for plan in json.loads(plans_json):
        titles[plan["id"][:2]].add(plan["title"])
    registry = {"be": set(), "lu": set()}  # type: dict[str, set[str]]
    _, actors_json, _ = run(runner, "actors", "--format", "json")
    for dept in json.loads(actors_json):
        registry[dept["plan"][:2]].add(dept["code"])
    assert sorted(p.name for p in out.iterdir()) == ["be", "index.md", "lu"]
    assert len(list((out / "be").iterdir())) == 11 and len(list((out / "lu").iterdir())) == 26
    for folder in ("be", "lu"):
        other = "lu" if folder == "be" else "be"
        for path in (out / folder).iterdir():
            text = path.read_text(encoding="utf-8")
            sections = SECTION.findall(text)
            assert sections and set(sections) <= titles[folder], path
            assert not set(sections) & titles[other], path
            codes = {code for _, code in FOR_WHOM.findall(text)}
            assert codes and codes <= registry[folder], path
    # each country's Justice has its own checklist, naming its own ministry only
    be_justice = (out / "be" / "justice.md").read_text(encoding="utf-8")
    lu_justice = (out / "lu" / "justice.md").read_text(encoding="utf-8")
    assert "Federal Public Service Justice" in be_justice
    assert "Ministry of Justice" not in be_justice
    assert "Ministry of Justice" in lu_justice
    assert "Federal Public Service Justice" not in lu_justice
    index = (out / "index.md").read_text(encoding="utf-8")
    assert (
        index.index("## Belgium (BE)")
        < index.index("[Justice](be/justice.md)")
        < index.index("## Luxembourg (LU)")
        < index.index("[Justice](lu/justice.md)")
    )


def test_checklists_of_one_country(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "checklists"
    code, _, err = run(runner, "checklists", "--out", str(out), "--country", "LU")
    assert code == 0 and err == f"27 written, 0 unchanged in {out}\n"
    assert sorted(p.name for p in out.iterdir()) == ["index.md", "lu"]
    assert "(lu/maee-d5.md)" in (out / "index.md").read_text(encoding="utf-8")


def test_old_flat_checklists_are_reported_as_left_behind(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "checklists"
    out.mkdir()
    write(out, "justice.md", "# Checklist: Justice\n(both countries, edited by hand)\n")
    write(out, "maee-d5.md", "# Checklist: MAEE D5\n")
    write(out, "README.md", "Our checklists.\n")  # not a name napctl ever wrote
    code, _, err = run(runner, "checklists", "--out", str(out))
    assert code == 0
    assert err == (
        f"38 written, 0 unchanged in {out}\n"
        "2 files are left behind: napctl no longer writes them (checklists are in"
        " a folder per country, be/justice.md); remove them once nobody needs"
        f" their edits\n  left behind: {out / 'justice.md'}\n"
        f"  left behind: {out / 'maee-d5.md'}\n"
    )
    assert (out / "justice.md").read_text(encoding="utf-8").endswith("edited by hand)\n")
    code, stdout, err = run(runner, "checklists", "--out", str(out), "--check")
    assert code == 1
    behind = ": left behind: no department has this checklist any more"
    assert stdout.splitlines() == [f"{out / 'justice.md'}{behind}", f"{out / 'maee-d5.md'}{behind}"]
    assert "2 files left behind; remove them" in err
    # a checklist in a country folder that no department has any more is left behind too
    (out / "justice.md").unlink()
    (out / "maee-d5.md").unlink()
    write(out / "lu", "maee-d9.md", "old\n")
    code, stdout, err = run(runner, "checklists", "--out", str(out), "--check")
    assert code == 1 and stdout == f"{out / 'lu' / 'maee-d9.md'}{behind}\n"
    (out / "lu" / "maee-d9.md").unlink()
    code, stdout, err = run(runner, "checklists", "--out", str(out), "--check")
    assert code == 0 and stdout == "" and err == "38 files are up to date\n"


def test_plans_of_one_country_share_a_department_checklist(
    tmp_path: Path, runner: CliRunner
) -> None:
    first = MINIMAL.read_text(encoding="utf-8")
    # the next plan of the same country (XX) keeps the same ministries' codes
    write(tmp_path, "xx-2020-2022.yaml", first)
    write(
        tmp_path,
        "xx-2023-2026.yaml",
        first.replace("id: xx-2020-2022", "id: xx-2023-2026")
        .replace(
            "title: Example National Action Plan 2020-2022",
            "title: Example National Action Plan 2023-2026",
        )
        .replace("{start: 2020, end: 2022}", "{start: 2023, end: 2026}")
        .replace("from_year: 2021", "from_year: 2024"),
    )
    # another country's plan with a ministry of the same code
    write(
        tmp_path,
        "zz-2021-2024.yaml",
        first.replace("id: xx-2020-2022", "id: zz-2021-2024")
        .replace("country: Exampleland", "country: Zedland")
        .replace("country_code: XX", "country_code: ZZ")
        .replace(
            "title: Example National Action Plan 2020-2022",
            "title: Zedland National Action Plan 2021-2024",
        )
        .replace("{start: 2020, end: 2022}", "{start: 2021, end: 2024}"),
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["checklists", "--out", str(out), "--plans", str(tmp_path)])
    assert result.exit_code == 0, result.output
    xx_def = (out / "xx" / "def.md").read_text(encoding="utf-8")
    assert SECTION.findall(xx_def) == [
        "Example National Action Plan 2020-2022",
        "Example National Action Plan 2023-2026",
    ]
    assert SECTION.findall((out / "zz" / "def.md").read_text(encoding="utf-8")) == [
        "Zedland National Action Plan 2021-2024"
    ]
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "| [DEF](xx/def.md) | Ministry of Defence | xx-2020-2022, xx-2023-2026 | 4 |" in index
    assert "| [DEF](zz/def.md) | Ministry of Defence | zz-2021-2024 | 2 |" in index
    assert index.index("## Exampleland (XX)") < index.index("## Zedland (ZZ)")
