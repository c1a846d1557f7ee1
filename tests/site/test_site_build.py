"""`napctl site`: the pages, their addresses, links, downloads and the data package."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.site.i18n import set_translator
from tests.conftest import PLANS
from tests.site.links import broken_links
from tests.site.sitebuild import PROGRESS, build, pages


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build(out)
    return out


def test_every_page_kind_is_at_its_stable_address(site: Path) -> None:
    for address in [
        "index.html",
        "lu-2018-2023/index.html",
        "lu-2018-2023/pillars/I/index.html",
        "lu-2018-2023/goals/I.1/index.html",
        "lu-2018-2023/actions/I.1.1/index.html",
        "lu-2018-2023/departments/maee-d5/index.html",
        "lu-2018-2023/years/2020/index.html",
        "lu-2018-2023/reports/2020/index.html",
        "lu-2018-2023/reports/2020/annual.html",
        "lu-2018-2023/reports/2020/midterm.html",
        "be-2013-2016/actions/1.a/index.html",
    ]:
        assert (site / address).is_file(), address
    # Belgium has no progress: no year pages, and its overview says so.
    assert not (site / "be-2013-2016" / "years").exists()
    assert "No progress reports yet." in (site / "be-2013-2016" / "index.html").read_text()


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert len(pages(site)) > 250
    assert broken_links(site) == []


def test_the_link_checker_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<a href="b.html#x">b</a><a href="c/index.html">c</a><a href="javascript:x()">j</a>'
    )
    (tmp_path / "b.html").write_text('<p id="y">')
    assert broken_links(tmp_path) == [
        "a.html: b.html#x (no such anchor)",
        "a.html: c/index.html",
        "a.html: javascript:x() (not relative)",
    ]


def test_each_page_shows_its_table_before_its_chart(site: Path) -> None:
    text = (site / "lu-2018-2023" / "index.html").read_text()
    rate = text[text.index('<section id="reporting-rate"') :]
    rate = rate[: rate.index("</section>")]
    assert rate.index("<table>") < rate.index('<svg role="img"') < rate.index("<figcaption>")
    assert '<title id="reporting-rate-ct">Reporting rate per year: 2018: 206 owed;' in rate
    assert "<li>2020: 32 reported, 174 owed</li>" in rate


def test_downloads_are_what_the_page_shows(site: Path) -> None:
    folder = site / "lu-2018-2023" / "years" / "2020"
    rows = list(csv.DictReader(io.StringIO((folder / "departments.csv").read_text())))
    assert {
        "department": "MAEE D5",
        "actions": "24",
        "reported": "6",
        "owed": "18",
        "has_reported": "yes",
    } in rows
    data = json.loads((folder / "data.json").read_text())
    assert data["page"] == "lu-2018-2023/years/2020" and data["kind"] == "year"
    shown = {s["id"]: s["rows"] for s in data["sections"]}
    assert len(shown["departments"]) == len(rows)
    page = (folder / "index.html").read_text()
    assert '<a href="departments.csv">' in page and '<a href="data.json">' in page


def test_the_data_package_describes_its_csv_files(site: Path) -> None:
    package = json.loads((site / "data" / "datapackage.json").read_text())
    assert package["profile"] == "tabular-data-package"
    names = [r["name"] for r in package["resources"]]
    assert names == ["plans", "departments", "actions", "assignments", "progress"]
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO((site / "data" / resource["path"]).read_text())))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    progress = (site / "data" / "progress.csv").read_text()
    assert "lu-2018-2023,2020,MAEE D5," in progress


def test_an_action_page_shows_its_reports_and_evidence(site: Path) -> None:
    text = (site / "lu-2018-2023" / "actions" / "I.1.1" / "index.html").read_text()
    assert '<a href="../../../lu-2018-2023/departments/maee-d4/index.html">MAEE D4</a>' in text
    assert '<h2 id="reports-h">Progress reported</h2>' in text


def test_the_same_input_gives_the_same_bytes(site: Path, tmp_path: Path) -> None:
    build(tmp_path)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert first == second


def test_a_second_build_rewrites_only_the_pages_that_change(tmp_path: Path) -> None:
    progress = tmp_path / "progress"
    source = PROGRESS / "lu-2018-2023" / "2020"
    (progress / "lu-2018-2023" / "2020").mkdir(parents=True)
    for f in source.glob("*.yaml"):
        (progress / "lu-2018-2023" / "2020" / f.name).write_bytes(f.read_bytes())
    first = build(tmp_path / "site", progress=[progress])
    again = build(tmp_path / "site", progress=[progress])
    assert (again.written, again.unchanged) == (0, first.written)
    mega = progress / "lu-2018-2023" / "2020" / "mega.yaml"
    text = mega.read_text()
    assert "status: ongoing" in text
    mega.write_text(text.replace("status: ongoing", "status: completed", 1))
    changed = build(tmp_path / "site", progress=[progress])
    assert 0 < changed.written < first.written / 10
    assert changed.written + changed.unchanged == first.written


def test_the_command_says_what_it_wrote_and_that_there_is_no_search(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("napctl.site.search.search_available", lambda: (False, "no search here"))
    args = [
        "site",
        "--out",
        str(tmp_path / "s"),
        "--plans",
        str(PLANS),
        "--progress",
        str(PROGRESS),
        "--base-url",
        "https://example.org/nap/",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output + result.stderr
    assert result.stderr.count("no search here") == 1
    assert result.stdout.endswith("files written, 0 unchanged\n")
    again = runner.invoke(app, args)
    assert again.stdout.endswith(": 281 pages; 0 files written, 1256 unchanged\n")
    action = (tmp_path / "s" / "lu-2018-2023" / "actions" / "I.1.1" / "index.html").read_text()
    assert (
        '<link rel="canonical" href="https://example.org/nap/lu-2018-2023/actions/I.1.1/">'
        in action
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "../x"], "is not a language tag"),
        (["--base-url", "javascript:alert(1)"], "--base-url must start with https://"),
    ],
)
def test_bad_options_are_usage_errors(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["site", "--out", str(tmp_path), "--plans", str(PLANS), *args])
    assert result.exit_code == 2 and message in result.stderr
    assert not any(tmp_path.iterdir())


def test_each_language_has_its_pages_and_a_switcher(tmp_path: Path) -> None:
    set_translator(lambda lang, message: f"[{lang}] {message}" if lang == "fr" else message)
    try:
        build(tmp_path, languages=["en", "fr"])
    finally:
        set_translator(None)
    english = (tmp_path / "lu-2018-2023" / "index.html").read_text()
    french = (tmp_path / "fr" / "lu-2018-2023" / "index.html").read_text()
    assert '<html lang="en">' in english and '<html lang="fr">' in french
    assert '<a href="../fr/lu-2018-2023/index.html" hreflang="fr" lang="fr">fr</a>' in english
    assert '<a href="../../lu-2018-2023/index.html" hreflang="en" lang="en">en</a>' in french
    assert '<h2 id="pillars-h">[fr] Pillars</h2>' in french
    assert '<h2 id="pillars-h">Pillars</h2>' in english
    assert broken_links(tmp_path) == []


def test_pagefind_indexes_the_site_in_its_language(tmp_path: Path) -> None:
    pytest.importorskip("pagefind", reason="Pagefind is not installed (pip install napctl[site])")
    result = build(tmp_path, search=True)
    assert result.no_search is None
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en"]
    assert entry["languages"]["en"]["page_count"] == result.pages
    search = (tmp_path / "search" / "index.html").read_text()
    assert '<script src="../pagefind/pagefind-ui.js"></script>' in search
    page = (tmp_path / "lu-2018-2023" / "index.html").read_text()
    assert '<a href="../search/index.html">Search</a>' in page
    assert "<script" not in page
    again = build(tmp_path, search=True)
    assert again.written == 0


def test_pages_an_earlier_build_wrote_and_this_one_does_not_are_removed(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "s"
    both = ["site", "--out", str(out), "--no-search", "--plans", str(PLANS)]
    assert runner.invoke(app, [*both, "--progress", str(PROGRESS)]).exit_code == 0
    belgium = out / "be-2013-2016" / "actions"
    assert belgium.is_dir()
    (out / "CNAME").write_text("nap.example.org\n")  # the user's own file
    only_lu = [
        "site",
        "--out",
        str(out),
        "--no-search",
        "--plans",
        str(PLANS / "lu-2018-2023.yaml"),
    ]
    result = runner.invoke(app, [*only_lu, "--progress", str(PROGRESS)])
    assert result.exit_code == 0, result.output
    assert not (out / "be-2013-2016").exists()
    assert (out / "CNAME").read_text() == "nap.example.org\n"
    assert (out / "lu-2018-2023" / "actions" / "I.1.1" / "index.html").is_file()
    removed = int(result.stdout.rsplit(", ", 1)[1].split()[0])
    assert removed > 100 and "removed (no longer in the site)" in result.stdout
    assert broken_links(out) == []
    again = runner.invoke(app, [*only_lu, "--progress", str(PROGRESS)])
    assert "removed" not in again.stdout and "; 0 files written," in again.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_invalid_progress_file_is_named_once_left_out_and_the_exit_is_1(
    runner: CliRunner, tmp_path: Path, jobs: str
) -> None:
    progress = tmp_path / "progress" / "lu-2018-2023" / "2020"
    progress.mkdir(parents=True)
    for f in (PROGRESS / "lu-2018-2023" / "2020").glob("*.yaml"):
        (progress / f.name).write_bytes(f.read_bytes())
    (progress / "mega.yaml").write_text("plan: lu-2018-2023\nyear: [\n")
    out = tmp_path / "s"
    result = runner.invoke(
        app,
        [
            *("site", "--out", str(out), "--no-search", "--jobs", jobs),
            *("--plans", str(PLANS), "--progress", str(tmp_path / "progress")),
        ],
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.count("1 invalid progress file not counted") == 1
    assert "mega.yaml" in result.stderr
    assert (out / "lu-2018-2023" / "years" / "2020" / "index.html").is_file()


def test_plans_built_in_worker_processes_give_the_same_bytes(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    first = build(one, jobs=1)
    second = build(two, jobs=2)
    assert (first.pages, first.written) == (second.pages, second.written)
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
