"""`napctl review`'s configuration: a hostile napctl.toml is a positioned problem (class
4), read by the bounded reader (class 3), and only from inside the repository (class 10)
(issue 26)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from napctl.cli import app
from tests.conftest import PLANS

BUNDLED = ["--plans", str(PLANS)]


def review(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(app, ["review", *BUNDLED])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[review]\nselect = " + "[" * 5000 + "]" * 5000 + "\n", "2:74"),
        ("x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", "1:325"),
        (
            "# [[[[ in a comment are not nesting\n[review]\nselect = ['NAP508']\nx = "
            + "[" * 70
            + "]" * 70
            + "\n",
            "4:69",
        ),
    ],
)
def test_deeply_nested_config_is_a_positioned_problem(
    text: str, where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "napctl.toml").write_text(text, encoding="utf-8")
    code, _, err = review(tmp_path, monkeypatch)
    assert code == 2
    assert err == (
        f"napctl: error: napctl.toml:{where}: NAP114 arrays or tables nested deeper than"
        " 64 levels\n"
    ).replace("napctl.toml", str(tmp_path / "napctl.toml"))


def test_brackets_in_strings_are_not_nesting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "napctl.toml").write_text(
        "[review]\nselect = ['NAP508']\nnote = '" + "[" * 100 + "'\n", encoding="utf-8"
    )
    code, _, err = review(tmp_path, monkeypatch)
    assert code == 2
    assert "unknown review setting 'note'" in err  # read, not refused for its brackets


def test_a_syntax_error_has_its_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "napctl.toml").write_text("[review]\nselect = [\n x", encoding="utf-8")
    code, _, err = review(tmp_path, monkeypatch)
    assert code == 2
    assert err.startswith(
        f"napctl: error: {tmp_path / 'napctl.toml'}:3:2: NAP103 cannot read the configuration: "
    )


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge"])
def test_a_config_that_is_not_a_small_file_is_refused(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "napctl.toml"
    if kind == "fifo":
        os.mkfifo(path)
        reason = ":0:0: NAP100 not a regular file (a pipe, a device or a socket)"
    elif kind == "zero":
        os.symlink("/dev/zero", path)
        reason = ":0:0: NAP100 not a regular file (a pipe, a device or a socket)"
    else:
        with open(path, "wb") as handle:
            handle.truncate(200 * 1024 * 1024)
        reason = ":1:1: NAP102 file is 209,715,200 bytes, over the limit of 1,048,576 bytes"
    code, _, err = review(tmp_path, monkeypatch)
    assert code == 2
    assert err == f"napctl: error: {path}{reason}\n"


@pytest.mark.parametrize("git", ["folder", "file"])  # a worktree's .git is a file
def test_no_config_above_the_repository_root_is_read(
    git: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Someone else's napctl.toml in a folder above the checkout would turn rules off.
    (tmp_path / "napctl.toml").write_text("[review]\nselect = ['NAP508']\n", encoding="utf-8")
    repo = tmp_path / "checkout"
    repo.mkdir()
    if git == "folder":
        (repo / ".git").mkdir()
    else:
        (repo / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    (repo / "plans").mkdir()
    code, out, err = review(repo / "plans", monkeypatch)
    assert code == 0, err
    assert len({line.split()[1] for line in out.splitlines()}) > 1  # every rule ran
    # The repository's own, at its root, is read.
    (repo / "napctl.toml").write_text("[review]\nselect = ['NAP507']\n", encoding="utf-8")
    code, out, err = review(repo / "plans", monkeypatch)
    assert {line.split()[1] for line in out.splitlines()} == {"NAP507"}
