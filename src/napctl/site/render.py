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
from markupsafe import Markup, escape

from napctl.core.csvtext import csv_text
from napctl.output.writers import json_text
from napctl.render.templates import environment, render_template
from napctl.site.charts import geometry
from napctl.site.data import SiteData
from napctl.site.pages import Cell, Link, Page, Section
from napctl.site.svg import Text, bars_html, escaper, lines_html


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
        return self.root + _folder((*prefix, *address)) + "index.html"

    def asset(self, name: str) -> str:
        return self.root + name

    def href(self, link: Link) -> str | None:
        if link.page is not None:
            return self.page(link.page)
        return link.href


_FOLDERS: dict[tuple[str, ...], str] = {}


def _folder(parts: tuple[str, ...]) -> str:
    """``a/b/`` of an address, quoted (each address is quoted once per build: a page
    links to the same pages many times)."""
    found = _FOLDERS.get(parts)
    if found is None:
        if len(_FOLDERS) > 200_000:  # one big site's worth; keep memory bounded
            _FOLDERS.clear()
        found = _FOLDERS[parts] = "".join(quote(p, safe="._-~") + "/" for p in parts)
    return found


def cell_html(cell: Cell, urls: Urls) -> str:
    """A table cell's content, escaped. Tables are most of a page, so they are rendered
    here with markupsafe's escape (in C) rather than by a template macro per cell, which
    costs several times more."""
    if cell is None:
        return ""
    if isinstance(cell, Link):
        href = urls.href(cell)
        text = escape(cell.text)
        return text if href is None else f'<a href="{escape(href)}">{text}</a>'
    return str(cell) if isinstance(cell, int) else escape(cell)


def rows_html(rows: Sequence[tuple[Cell, ...]], urls: Urls) -> Markup:
    """The rows of a table body; every value escaped by ``cell_html``."""
    return Markup(
        "".join(
            "<tr>" + "".join([f"<td>{cell_html(c, urls)}</td>" for c in row]) + "</tr>\n"
            for row in rows
        )
    )


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
        },
        indent=None,
    )


def _charts_html(s: Section, text: Text, _: Callable[[str], str]) -> Markup:
    """The section's bar chart, then its indicator line charts."""
    sid = text(s.id)
    bars = bars_html(None if s.chart is None else geometry(s.chart, _), sid, text)
    if not s.lines:
        return bars
    return bars + lines_html(s.lines, sid, text, lambda m: text(_(m)))


def page_html(env: Environment, page: Page, site: SiteData, _: Callable[[str], str]) -> str:
    urls = Urls(page, site.lang, site.languages)
    text = escaper(env.finalize)
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
            {
                "s": s,
                "rows": rows_html(s.table.rows, urls),
                "charts": _charts_html(s, text, _),
            }
            for s in page.sections
        ],
        "facts": [(k, v) for k, v in page.facts if v not in (None, "")],
        "is_link": lambda c: isinstance(c, Link),
    }
    return render_template(env, "site/page.html.j2", context)
