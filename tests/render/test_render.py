"""Reports and checklists: golden files, escaping, overrides, --check, slugs, safe writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.slugs import slugify
from napctl.load.corpus import load_corpus
from napctl.plans import ActionFilter, select_actions
from tests.conftest import EXAMPLES, MINIMAL, PLANS, napctl, write

GOLDEN = Path(__file__).parent.parent / "golden"
UPDATE = os.environ.get("NAPCTL_UPDATE_GOLDEN") == "1"

# (plan, actor) pairs rendered to golden files; each real plan is covered.
CHECKLISTS = [("lu-2018-2023", "MAEE D5"), ("be-2013-2016", "Federal Police")]
REPORT_PLANS = [p for p, _ in CHECKLISTS]


def plan_available(plan_id: str) -> bool:
    return (PLANS / f"{plan_id}.yaml").exists()


def compare_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {name}: run with NAPCTL_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from the golden file; if the change is intended, rerun with"
        " NAPCTL_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("plan_id", REPORT_PLANS)
def test_report_golden(plan_id: str, fmt: str, runner: CliRunner) -> None:
    if not plan_available(plan_id):
        pytest.fail(f"plans/{plan_id}.yaml is missing")
    out = napctl(
        "render", "report", "--plan", plan_id, "--year", "2024", "-f", fmt, "--plans", str(PLANS)
    ).stdout
    compare_golden(f"report-{plan_id}.{fmt}", out)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("plan_id", "actor"), CHECKLISTS)
def test_checklist_golden(plan_id: str, actor: str, fmt: str, runner: CliRunner) -> None:
    out = napctl(
        "render", "checklist", "--actor", actor, "--plan", plan_id, "-f", fmt, "--plans", str(PLANS)
    ).stdout
    compare_golden(f"checklist-{plan_id}-{slugify(actor)}.{fmt}", out)


@pytest.mark.parametrize(("plan_id", "actor"), CHECKLISTS)
def test_markdown_checklist_is_commonmark_with_one_task_per_action(
    plan_id: str, actor: str, runner: CliRunner
) -> None:
    out = napctl("render", "checklist", "-a", actor, "-p", plan_id, "--plans", str(PLANS)).stdout
    tokens = MarkdownIt("commonmark").parse(out)
    tasks = [t.content for t in tokens if t.type == "inline" and t.content.startswith("[ ] ")]
    corpus = load_corpus([str(PLANS)])
    rows = select_actions(
        [p.plan for p in corpus.plans], ActionFilter(actors=[actor], plan_id=plan_id)
    )
    assert len(tasks) == len(rows) > 0
    assert [t.split("**")[1] for t in tasks] == [r.action.id for r in rows]


def test_render_is_deterministic_and_dated_only_on_request(runner: CliRunner) -> None:
    args = ["render", "report", "--plans", str(MINIMAL), "-f", "html"]
    first, second = napctl(*args).stdout, napctl(*args).stdout
    assert first == second
    assert "2026" not in first
    dated = napctl(*args, "--date", "2026-11-22").stdout
    assert "2026-11-22" in dated


HOSTILE_TEXT = "{{ 7*7 }} {% if true %}x{% endif %} <script>alert(1)</script> **b** [l](http://e)"


@pytest.fixture
def hostile_plan(tmp_path: Path) -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("text: Recruit women officers", f"text: '{HOSTILE_TEXT}'")
    text = text.replace("name: Ministry of Defence", "name: '<b>Def</b> & {{ x }}'")
    return write(tmp_path, "hostile.yaml", text)


def test_plan_text_is_never_a_template_and_is_escaped(
    hostile_plan: Path, runner: CliRunner
) -> None:
    html = napctl(
        "render", "checklist", "-a", "DEF", "-f", "html", "--plans", str(hostile_plan)
    ).stdout
    assert "{{ 7*7 }} {% if true %}x{% endif %}" in html and ">49<" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "&lt;b&gt;Def&lt;/b&gt; &amp; {{ x }}" in html
    md = napctl("render", "checklist", "-a", "DEF", "--plans", str(hostile_plan)).stdout
    assert r"\{\{ 7\*7 \}\}" in md and " 49 " not in md
    assert r"\<script\>" in md and r"\*\*b\*\* \[l\](http\://e)" in md
    rendered = MarkdownIt("commonmark").render(md)
    assert "<script>" not in rendered and "<strong>b" not in rendered and "<a href" not in rendered
    assert "{{ 7*7 }}" in rendered


def test_user_template_overrides_and_extends_the_default(tmp_path: Path, runner: CliRunner) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "report.md.j2").write_text(
        '{% extends "default/report.md.j2" %}\n'
        "{% block action %}CUSTOM {{ action.id }}\n{% endblock %}\n"
    )
    out = napctl("render", "report", "--templates", str(templates), "--plans", str(MINIMAL)).stdout
    assert "CUSTOM P1.1.1" in out and "CUSTOM P2.1.1" in out
    assert out.startswith("# Example National Action Plan 2020-2022")
    assert "#### Action" not in out


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ no_such_variable }}", "'no_such_variable' is undefined"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
        ("{% for x in %}", "report.md.j2:1"),
    ],
)
def test_broken_or_unsafe_templates_fail_loudly(
    tmp_path: Path, runner: CliRunner, body: str, message: str
) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "report.md.j2").write_text(body)
    result = runner.invoke(
        app, ["render", "report", "--templates", str(templates), "--plans", str(MINIMAL)]
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_output_file_is_written(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "report.md"
    napctl("render", "report", "--plans", str(MINIMAL), "-o", str(target))
    assert target.read_text(encoding="utf-8").startswith("# Example National Action Plan")


def test_report_needs_a_plan_when_there_are_several(runner: CliRunner) -> None:
    result = runner.invoke(app, ["render", "report", "--plans", str(EXAMPLES / "positive")])
    assert result.exit_code == 2
    assert "pick one with --plan (xx-2020-2022, yy-2021-2024)" in result.stderr


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("MAEE D5", "maee-d5"),
        ("D7/Luxembourg Army", "d7-luxembourg-army"),
        ("../x", "x"),
        ("RP Genève", "rp-geneve"),
        ("..", "department"),
        ("a\\b/../../c", "a-b-c"),
        (".hidden", "hidden"),
    ],
)
def test_slugs_are_safe_file_names(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_checklists_write_check_and_stay_inside(tmp_path: Path, runner: CliRunner) -> None:
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("code: DEF", "code: ../DEF")
        .replace("[DEF, {code: POL", "['../DEF', {code: POL")
        .replace("code: MFA D1", "code: D7/Luxembourg Army")
        .replace("{code: MFA D1,", "{code: D7/Luxembourg Army,")
    )
    plan = write(tmp_path, "plan.yaml", text)
    out = tmp_path / "out"
    # --check on a folder that does not exist: everything is missing, nothing is created;
    # nothing would lose work, so the check passes (issue 26)
    result = runner.invoke(app, ["checklists", "--out", str(out), "--check", "--plans", str(plan)])
    assert result.exit_code == 0 and not out.exists() and "6 missing" in result.stderr
    napctl("checklists", "--out", str(out), "--plans", str(plan))
    assert sorted(p.name for p in out.iterdir()) == ["index.md", "xx"]  # country XX
    assert sorted(p.name for p in (out / "xx").iterdir()) == [
        "d7-luxembourg-army.md",
        "def.md",
        "int.md",
        "mfa.md",
        "pol.md",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "plan.yaml"]
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "| [../DEF](xx/def.md) | Ministry of Defence | xx-2020-2022 | 2 |" in index
    result = runner.invoke(app, ["checklists", "--out", str(out), "--check", "--plans", str(plan)])
    assert result.exit_code == 0, result.output
    (out / "xx" / "pol.md").write_text("edited by hand\n")
    (out / "xx" / "int.md").unlink()
    result = runner.invoke(app, ["checklists", "--out", str(out), "--check", "--plans", str(plan)])
    assert result.exit_code == 0  # stale and missing alone: reported, no failure
    assert result.stdout.splitlines() == [
        f"{out / 'xx' / 'pol.md'}: stale",
        f"{out / 'xx' / 'int.md'}: missing",
    ]
    assert (out / "xx" / "pol.md").read_text() == "edited by hand\n"  # --check writes nothing
    result = runner.invoke(app, ["checklists", "--out", str(out), "--plans", str(plan)])
    assert result.stderr == f"2 written, 4 unchanged in {out}\n"


def test_checklists_never_follow_a_symlink_out(tmp_path: Path, runner: CliRunner) -> None:
    outside = write(tmp_path, "precious.txt", "keep me\n")
    out = tmp_path / "out"
    (out / "xx").mkdir(parents=True)
    (out / "xx" / "def.md").symlink_to(outside)
    result = runner.invoke(app, ["checklists", "--out", str(out), "--plans", str(MINIMAL)])
    assert result.exit_code == 1  # that file refused, the others written (issue 26)
    assert "leads outside" in result.stderr
    assert outside.read_text() == "keep me\n"
    # nor a country folder that is a link to somewhere else
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(out / "xx")
    (out / "xx").symlink_to(elsewhere, target_is_directory=True)
    result = runner.invoke(app, ["checklists", "--out", str(out), "--plans", str(MINIMAL)])
    assert result.exit_code == 1  # that file refused, the others written (issue 26)
    assert "leads outside" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_intact(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    napctl("checklists", "--out", str(out), "--plans", str(MINIMAL))
    before = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("napctl.core.fsutil.os.replace", broken_replace)
    changed = MINIMAL.read_text().replace("Recruit women officers", "Recruit more officers")
    plan = write(tmp_path, "changed.yaml", changed)
    result = runner.invoke(app, ["checklists", "--out", str(out), "--plans", str(plan)])
    assert result.exit_code == 3  # the output cannot be written
    assert "No space left on device" in result.stderr
    after = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # no temp files left


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_checklists_index_golden(fmt: str, tmp_path: Path, runner: CliRunner) -> None:
    # grouped by country, each link into the country's folder (issue 13)
    out = tmp_path / "out"
    napctl("checklists", "--out", str(out), "-f", fmt, "--plans", str(PLANS))
    compare_golden(f"checklists-index.{fmt}", (out / f"index.{fmt}").read_text(encoding="utf-8"))
