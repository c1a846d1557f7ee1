"""A page as HTML, CSV and JSON: what the templates see and the downloads beside it.

Links are relative (``../../x/index.html``), so the site works on GitHub Pages
in any folder and from ``file://``; a page's canonical address is only written
with ``--base-url``. Text is data: the template autoescapes every value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote

from jinja2 import Environment

from napctl.core.csvtext import csv_text
from napctl.output.writers import json_text
from napctl.render.templates import environment, render_template
from napctl.site.charts import geometry
from napctl.site.data import SiteData
from napctl.site.pages import Cell, Link, Page, Section


def site_environment() -> Environment:
    """The bundled templates' environment (``templates/site/``)."""
    return environment("html")


class Urls:
    """Relative addresses from one page of one language."""

    def __init__(self, page: Page, lang: str, languages: Sequence[str]) -> None:
        self.prefix = () if lang == languages[0] else (lang,)
        self.depth = len(self.prefix) + len(page.address)
        self.root = "../" * self.depth
        self.address = page.address

    def page(self, address: Sequence[str], lang_prefix: Sequence[str] | None = None) -> str:
        prefix = self.prefix if lang_prefix is None else tuple(lang_prefix)
        parts = [quote(p, safe="._-~") for p in (*prefix, *address)]
        return self.root + "".join(p + "/" for p in parts) + "index.html"

    def asset(self, name: str) -> str:
        return self.root + name

    def href(self, link: Link) -> str | None:
        if link.page is not None:
            return self.page(link.page)
        return link.href


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Link):
        return cell.text
    return str(cell)


def section_csv(section: Section) -> str:
    return csv_text([section.table.keys, *([_cell_text(c) for c in r] for r in section.table.rows)])


def page_json(page: Page, lang: str) -> str:
    """What the page shows, as data: its facts and every section's rows."""
    return json_text(
        {
            "page": "/".join(page.address),
            "kind": page.kind,
            "lang": lang,
            "title": page.title,
            "facts": [{"label": k, "value": _cell_text(v)} for k, v in page.facts if v],
            "sections": [
                {
                    "id": s.id,
                    "title": s.title,
                    "rows": [
                        {
                            k: (c.text if isinstance(c, Link) else c)
                            for k, c in zip(s.table.keys, r, strict=True)
                        }
                        for r in s.table.rows
                    ],
                }
                for s in page.sections
            ],
        }
    )


def page_html(env: Environment, page: Page, site: SiteData, _: Callable[[str], str]) -> str:
    urls = Urls(page, site.lang, site.languages)
    switch = [
        {
            "lang": other,
            "href": urls.page(page.address, () if other == site.languages[0] else (other,)),
        }
        for other in site.languages
    ]
    canonical = None
    if site.base_url:
        path = "".join(quote(p, safe="._-~") + "/" for p in (*urls.prefix, *page.address))
        canonical = site.base_url.rstrip("/") + "/" + path
    context: dict[str, Any] = {
        "_": _,
        "page": page,
        "lang": site.lang,
        "languages": switch if len(switch) > 1 else [],
        "urls": urls,
        "canonical": canonical,
        "date": site.date,
        "search": site.search,
        "sections": [
            {"s": s, "chart": None if s.chart is None else geometry(s.chart, _)}
            for s in page.sections
        ],
        "facts": [(k, v) for k, v in page.facts if v not in (None, "")],
        "is_link": lambda c: isinstance(c, Link),
    }
    return render_template(env, "site/page.html.j2", context)
