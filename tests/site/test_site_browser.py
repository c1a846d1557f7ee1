"""The site in a real browser: WCAG 2.1 AA with axe-core on one page of every kind,
the keyboard's way in, and the phone and print layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.browser import CHROMIUM, axe_violations, chromium
from tests.site.sitebuild import build
from tests.site.test_site_golden import PAGES

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-site")
    build(out)
    return out


@pytest.mark.parametrize(
    "address",
    [*sorted(PAGES.values()), "lu-2018-2023/reports/2020/annual.html"],
)
def test_no_accessibility_violation(site: Path, tmp_path: Path, address: str) -> None:
    assert axe_violations(site / address, tmp_path / "profile") == []


def test_axe_finds_a_violation_when_there_is_one(site: Path, tmp_path: Path) -> None:
    page = site / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png"></body></html>',
        "utf-8",
    )
    found = axe_violations(page, tmp_path / "profile")
    assert {v["id"] for v in found} >= {"html-has-lang", "image-alt"}


def test_the_keyboard_finds_the_skip_link_first_and_sees_the_focus(site: Path) -> None:
    text = (site / PAGES["action"]).read_text("utf-8")
    body = text[text.index("<body>") :]
    assert body.index('<a class="skip" href="#main">') < body.index("<a href=")
    assert '<main id="main" tabindex="-1"' in text
    css = (site / "site.css").read_text("utf-8")
    assert ".skip:focus { position: static;" in css
    assert "a:focus-visible" in css and "outline: 3px solid" in css


@pytest.mark.parametrize(("size", "name"), [("390,844", "phone"), ("1200,900", "desktop")])
def test_a_page_fits_a_phone_and_a_desktop(
    site: Path, tmp_path: Path, size: str, name: str
) -> None:
    shot = tmp_path / f"{name}.png"
    page = (site / PAGES["plan"]).as_uri()
    done = chromium(tmp_path / "profile", f"--window-size={size}", f"--screenshot={shot}", page)
    assert shot.is_file() and shot.stat().st_size > 5000, done.stderr[-1000:]
    width = int.from_bytes(shot.read_bytes()[16:20], "big")  # the PNG header's width
    assert width == int(size.split(",")[0])


def test_print_hides_the_navigation(site: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "page.pdf"
    done = chromium(
        tmp_path / "profile",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        (site / PAGES["year"]).as_uri(),
    )
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), done.stderr[-1000:]
    css = (site / "site.css").read_text("utf-8")
    assert "@media print" in css and "header nav, .skip, .downloads" in css
