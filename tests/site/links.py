"""A link checker for a built site: every internal link and anchor resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            if name == "id":
                self.ids.add(value)


def parse(path: Path) -> _Links:
    found = _Links()
    found.feed(path.read_text("utf-8"))
    return found


def broken_links(root: Path) -> list[str]:
    """``page: link`` for every internal link whose file or anchor is missing, and every
    link that is neither internal nor http(s)."""
    broken: list[str] = []
    ids: dict[Path, set[str]] = {}
    for page in sorted(root.rglob("*.html")):
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            if parts.scheme or parts.netloc or link.startswith("/"):
                broken.append(f"{page.relative_to(root)}: {link} (not relative)")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if root.resolve() not in (target, *target.parents) or not target.is_file():
                broken.append(f"{page.relative_to(root)}: {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse(target).ids
                if parts.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(root)}: {link} (no such anchor)")
    return broken
