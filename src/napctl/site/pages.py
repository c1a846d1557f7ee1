"""What a page is, and the two registries every page comes from.

A page has a stable address (``lu-2018-2023/actions/I.1.1``), a title, facts
and sections. A section is a table (shown first, downloadable as CSV) and an
optional chart of the same numbers. Two registries make the site:

- ``PAGE_KINDS``: a page kind is one function that yields the pages of its kind
  for a plan (or for the whole site); ``@page_kind("action")``.
- ``SECTIONS``: the sections of a kind of page, in order; a section is one
  function of the page's subject; ``@section("action", "reports", order=40)``.

A new level of the plan (results), a new kind of page (indicators, actors) or a
new block on an existing page (assessments) is one entry here, not a branch in
the builder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from napctl.site.data import PlanData, SiteData


@dataclass(frozen=True, slots=True)
class Link:
    """A table cell or list item that links: to a page of the site (``page``, an
    address) or outside (``href``, already checked as http(s) or a repository path)."""

    text: str
    page: tuple[str, ...] | None = None
    href: str | None = None


Cell = str | int | Link | None


@dataclass(slots=True)
class Table:
    #: Machine names of the columns (CSV header, JSON keys) and what a reader sees.
    keys: tuple[str, ...]
    labels: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Bar:
    """One stacked bar of a chart: its label and its counts, in the chart's order."""

    label: str
    counts: tuple[tuple[str, int], ...]


@dataclass(slots=True)
class Chart:
    title: str
    bars: list[Bar]


@dataclass(slots=True)
class Section:
    id: str
    title: str
    table: Table
    chart: Chart | None = None
    #: A sentence shown above the table (what the table is, or why it is empty).
    note: str | None = None
    #: Line charts of indicator series (``render/indicators.chart`` geometry with the
    #: series' label, text and status words), drawn after the table.
    lines: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Page:
    kind: str
    address: tuple[str, ...]
    title: str
    #: What the sections are computed from (an action, a department, a year ...).
    subject: Any = None
    plan: PlanData | None = None
    #: (label, value) lines shown under the title.
    facts: list[tuple[str, Cell]] = field(default_factory=list)
    #: Links to the pages below this one (pillars of a plan, goals of a pillar ...).
    children: list[Link] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    #: The page's trail, from the site's index down to its parent.
    trail: list[Link] = field(default_factory=list)
    #: Documents written beside the page (a rendered report): file name -> text.
    attachments: dict[str, str] = field(default_factory=dict)


#: Yields the pages of one kind for the site in one language.
PageKind = Callable[["SiteData", Callable[[str], str]], Iterable[Page]]
#: Makes one section of a page (None: nothing to show on this page).
SectionMaker = Callable[[Page, "SiteData", Callable[[str], str]], Section | None]

PAGE_KINDS: dict[str, PageKind] = {}
#: The kinds whose pages are the site's own (its index), made once every plan's pages
#: are written, from what each plan left (``PlanData.summary``).
SITE_WIDE: set[str] = set()
SECTIONS: dict[str, list[tuple[int, str, SectionMaker]]] = {}


def page_kind(name: str, *, site_wide: bool = False) -> Callable[[PageKind], PageKind]:
    """Register a kind of page; ``site_wide``: one of the site's own pages (it sees
    every plan's summary), else the pages of the plans in ``site.plans``."""

    def register(maker: PageKind) -> PageKind:
        PAGE_KINDS[name] = maker
        if site_wide:
            SITE_WIDE.add(name)
        return maker

    return register


def section(kind: str, name: str, *, order: int) -> Callable[[SectionMaker], SectionMaker]:
    def register(maker: SectionMaker) -> SectionMaker:
        entries = [e for e in SECTIONS.get(kind, []) if e[1] != name]
        SECTIONS[kind] = sorted([*entries, (order, name, maker)], key=lambda e: (e[0], e[1]))
        return maker

    return register


def all_pages(
    site: SiteData, _: Callable[[str], str], *, site_wide: bool | None = None
) -> Iterator[Page]:
    """The pages of ``site.plans`` in one language, their sections filled, kinds in
    order: only the site's own (``site_wide=True``), only the plans' (False), or all."""
    for name, maker in PAGE_KINDS.items():
        if site_wide is not None and (name in SITE_WIDE) != site_wide:
            continue
        for page in maker(site, _):
            for _order, _name, make in SECTIONS.get(page.kind, []):
                found = make(page, site, _)
                if found is not None:
                    page.sections.append(found)
            yield page
