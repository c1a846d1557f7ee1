"""Class 3 of issue 20: plan text never becomes a link on GitHub.

Rendered with cmarkgfm, the Python binding of cmark-gfm (GitHub's own
Markdown renderer, with its autolink extension): every Markdown output of
plan text has no link that the template itself did not make, and reads the
same words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import cmarkgfm
import pytest
from typer.testing import CliRunner

from napctl.cli import app
from napctl.render.markdown import md_escape
from tests.conftest import EXAMPLES, MINIMAL, write

LINKY = [
    "https://evil.example/path?q=1",
    "http://evil.example",
    "ftp://files.evil.example/x",
    "www.evil.example/login",
    "visit www.evil.example.",
    "bob.smith+nap@evil-mail.example.org",
    "mailto:alice@evil.example",
    "xmpp:carol@evil.example",
    "(see https://evil.example)",
    "*www.evil.example*",
]


def _links(markdown: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"', cmarkgfm.github_flavored_markdown_to_html(markdown))


def _visible(markdown: str) -> str:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    return re.sub(r"<[^>]+>", "", html).replace("&amp;", "&")


@pytest.mark.parametrize("text", LINKY)
def test_md_escape_leaves_nothing_to_autolink(text: str) -> None:
    line = f"Report to {text} by March"
    assert _links(line), "the renderer must link the raw text, or the test proves nothing"
    escaped = md_escape(line)
    assert _links(escaped) == []
    assert _visible(escaped).strip() == line


def _plan(tmp: Path) -> Path:
    text = MINIMAL.read_text()
    text = text.replace("text: Recruit women officers", f"text: {json.dumps(' '.join(LINKY))}")
    text = text.replace("[Number of women recruited]", json.dumps(LINKY[3:6]))
    text = text.replace("text: More women in peace operations", f"text: {json.dumps(LINKY[5])}")
    text = text.replace("title: Participation", "title: Participation www.evil.example")
    return write(tmp, "p.yaml", text)


@pytest.mark.parametrize(
    "args",
    [
        ["actions", "-f", "md"],
        ["matrix", "-f", "md"],
        ["render", "report"],
        ["render", "checklist", "--actor", "DEF"],
    ],
)
def test_markdown_outputs_have_no_links_from_plan_text(
    args: list[str], tmp_path: Path, runner: CliRunner
) -> None:
    plain = write(tmp_path, "plain.yaml", MINIMAL.read_text())
    hostile = _plan(tmp_path)
    made = runner.invoke(app, [*args, "--plans", str(plain)])
    got = runner.invoke(app, [*args, "--plans", str(hostile)])
    assert made.exit_code == 0 and got.exit_code == 0, got.output
    # The links the template makes itself (none in these outputs, or the same ones).
    assert _links(got.stdout) == _links(made.stdout)
    if args[0] != "matrix":  # the matrix shows codes and counts only
        assert "evil.example" in _visible(got.stdout)


def test_checklists_index_links_only_to_checklists(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["checklists", "--out", str(out), "--plans", str(_plan(tmp_path))])
    assert result.exit_code == 0, result.output
    for page in (p for p in out.rglob("*") if p.is_file()):
        links = _links(page.read_text())
        assert all(not link.startswith(("http", "mailto", "xmpp", "ftp")) for link in links), (
            page.name,
            links,
        )


PROGRESS = EXAMPLES / "progress" / "positive" / "xx-2020-2022" / "2021" / "def.yaml"


def _progress(tmp: Path, name: str, hostile: bool) -> Path:
    """A progress folder with the example report; ``hostile``: its texts full of links."""
    text = PROGRESS.read_text(encoding="utf-8")
    if hostile:
        text = text.replace(
            "    summary: Two recruitment campaigns aimed at women.",
            f"    summary: {json.dumps(' '.join(LINKY))}",
        )
        text = text.replace(
            "    obstacles: Training team unavailable in the first half of the year.",
            f"    obstacles: {json.dumps(LINKY[5] + ' ' + LINKY[3])}",
        )
        text = text.replace(
            "contact: Gender focal point, Ministry of Defence", f"contact: {json.dumps(LINKY[6])}"
        )
    folder = tmp / name / "xx-2020-2022" / "2021"
    folder.mkdir(parents=True)
    (folder / "def.yaml").write_text(text, encoding="utf-8")
    return tmp / name


@pytest.mark.parametrize(
    "args",
    [
        ["render", "report", "--year", "2021"],
        ["render", "report", "--year", "2021", "--shape", "midterm"],
        ["render", "checklist", "--actor", "DEF", "--year", "2021"],
        ["status", "-f", "md"],
        ["status", "-f", "md", "--by", "department"],
    ],
)
def test_markdown_outputs_have_no_links_from_progress_text(
    args: list[str], tmp_path: Path, runner: CliRunner
) -> None:
    plans = ["--plans", str(MINIMAL)]
    made = runner.invoke(
        app, [*args, *plans, "--progress", str(_progress(tmp_path, "plain", False))]
    )
    got = runner.invoke(
        app, [*args, *plans, "--progress", str(_progress(tmp_path, "hostile", True))]
    )
    assert made.exit_code == 0 and got.exit_code == 0, (made.output, got.output)
    # Evidence links are the template's own: the same in both.
    assert _links(got.stdout) == _links(made.stdout)
    if args[0] == "render":  # status shows statuses and counts, not the texts
        assert "evil.example" in _visible(got.stdout)
