"""Issue 26, class 10: a department's file name (its code's slug) names one department.

Codes with no ASCII form (``中国``, ``日本``) used to slug alike and stop
``progress init`` for the whole plan; codes that differ only in punctuation
(``MFA D1``, ``MFA-D1``) are refused by validate (NAP315) with the position.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from napctl.cli import app
from napctl.core.slugs import slugify
from tests.conftest import EXAMPLES

NON_LATIN = EXAMPLES / "slugs" / "non-latin-codes.yaml"


@pytest.mark.parametrize(
    "names",
    [
        ("中国", "日本"),
        ("Ελλάδα", "Κύπρος"),
        ("ß", "ss"),
        ("Straße", "Strasse"),
        ("مصر", "ليبيا"),
        ("MAEE D5", "MAEE D6"),
    ],
)
def test_names_that_differ_get_different_slugs(names: tuple[str, str]) -> None:
    first, second = (slugify(n) for n in names)
    assert first != second
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in first + second)


@pytest.mark.parametrize(
    "name, slug",
    [
        ("MAEE D5", "maee-d5"),
        ("Genève", "geneve"),
        ("MIFA/OLAI", "mifa-olai"),
        ("CON", "con-dept"),
    ],
)
def test_latin_slugs_are_unchanged(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_progress_init_writes_one_file_per_non_latin_department(tmp_path: Path) -> None:
    out = tmp_path / "progress"
    result = CliRunner().invoke(
        app,
        [
            "progress",
            "init",
            "--plans",
            str(NON_LATIN),
            "--plan",
            "xx-2020-2022",
            "--year",
            "2021",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (out / "xx-2020-2022" / "2021").iterdir())
    assert slugify("中国") + ".yaml" in files and slugify("日本") + ".yaml" in files
    texts = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["department"]
        for p in (out / "xx-2020-2022" / "2021").iterdir()
    }
    assert {"中国", "日本"} <= texts


def test_validate_names_both_codes_that_share_a_file_name() -> None:
    result = CliRunner().invoke(
        app, ["validate", str(EXAMPLES / "negative" / "slug-collision.yaml")]
    )
    assert result.exit_code == 1
    assert ":28:11: NAP315 'MFA-D1' and 'MFA D1' would share the file name 'mfa-d1'" in (
        result.output
    )
