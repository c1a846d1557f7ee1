"""What the fidelity tests of the bundled plans share: reading a plan and its source
text, and the normaliser that compares the plan's wording with the printed one."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from napctl.model import Plan

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)
# All whitespace and every kind of hyphen: a line break, justified spacing
# ("women\nto\njustice"), a hyphen lost or kept at a line break, or a restored
# hyphen ("awarenessraising" in the extraction, "awareness-raising" in the YAML)
# must not matter; every other character (letters, digits, punctuation,
# guillemets, ellipsis) must.
_DROP = re.compile(r"[\s\-\u00ad\u2010\u2011]+")


def norm(text: str) -> str:
    """Collapse a text for comparison with the source.

    NFC, typographic quotes unified (‘ ’ ‚ → ', “ ” „ → "), whitespace and
    hyphens removed, case-folded. Guillemets, other punctuation and every
    letter are kept, so a paraphrase or a typo still differs.
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return _DROP.sub("", text).casefold()


@cache
def source_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def plan_data(path: Path) -> dict[str, Any]:
    """The plan file as plain YAML data (without napctl's loader)."""
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return data


def strict_plan(data: dict[str, Any]) -> Plan:
    """napctl's model, strictly (its fields carry their own strict constraints)."""
    return TypeAdapter(Plan).validate_python(data)
