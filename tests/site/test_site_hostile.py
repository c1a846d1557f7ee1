"""Text is data on the site: hostile text in every field of a plan and a progress report
(markup, control characters, `javascript:` links, an id that climbs folders) is shown
escaped, links only to http(s) or the site, and writes nothing outside the folder."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from napctl.model import Plan
from napctl.model.progress import report_from_trusted
from napctl.model.trusted import from_trusted
from napctl.site.build import SiteOptions, build_site
from tests.conftest import MINIMAL
from tests.site.links import broken_links, parse

EVIL = (
    "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>\x1b[31m\x07\u202ejavascript:alert(3)"
)
#: Fields that must stay codes or ids for the plan to hang together.
KEEP = {
    "code",
    "parent",
    "id",
    "departments",
    "by",
    "un_pillars",
    "language",
    "role",
    "country_code",
    "frequency",
    "lead",
}


def poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str) and key not in KEEP:
        return f"{value} {EVIL}"
    return value


def hostile_plan() -> Plan:
    data = poison(yaml.safe_load(MINIMAL.read_text("utf-8")))
    data["pillars"][0]["goals"][0]["actions"][0]["id"] = "../../../../escaped"
    data["departments"][0]["name"] += " {{ 7*7 }}"
    plan: Plan = from_trusted(Plan, data)
    return plan


def hostile_report() -> Any:
    return report_from_trusted(
        {
            "plan": "xx-2020-2022",
            "year": 2021,
            "department": "MFA D1",
            "actions": [
                {
                    "id": "P2.1.1",
                    "status": "ongoing",
                    "summary": EVIL,
                    "evidence": [
                        {"title": EVIL, "url": "javascript:alert(4)"},
                        {"title": "data", "url": "data:text/html,<script>alert(5)</script>"},
                    ],
                }
            ],
        }
    )


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "site"
    build_site(
        [(hostile_plan(), "xx.yaml")],
        [hostile_report()],
        SiteOptions(out, search=False, base_url="https://example.org/"),
    )
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert written and all(out in p.parents for p in written)
    assert (out / "xx-2020-2022" / "actions" / "escaped" / "index.html").is_file()
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text("utf-8")
        assert "<script" not in text.lower(), page
        assert "<img" not in text, page
        assert "onerror=alert" not in text.replace("onerror=alert(2)&gt;", ""), page
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text), page
        for link in parse(page).links:
            assert not link.lower().startswith(("javascript:", "data:")), (page, link)
    action = (out / "xx-2020-2022" / "actions" / "P2.1.1" / "index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in action
    assert "\ufffd[31m" in action
    # Plan text is never a template: the braces are shown as typed.
    mfa = (out / "xx-2020-2022" / "departments" / "mfa" / "index.html").read_text()
    assert "{{ 7*7 }}" in mfa
    assert broken_links(out) == []
