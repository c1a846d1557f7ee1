"""Search in a real browser: Pagefind's index of the built site, queried through the
site's own search page served over http (Pagefind fetches its index, which a browser
refuses from file://)."""

from __future__ import annotations

import functools
import html
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site.browser import CHROMIUM, chromium
from tests.site.sitebuild import build

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
]

#: Typed into the search page's box once Pagefind's interface is there; the result
#: links are copied into the page for --dump-dom.
_TYPE = """<script>
// Headless Chromium's virtual time runs ahead while the page only waits for Pagefind's
// worker; a fetch of a small file between two looks keeps it in step with real time.
var napctlTries = 0;
function napctlType() {
  var box = document.querySelector(".pagefind-ui__search-input");
  if (!box) { return napctlLater(napctlType); }
  box.value = QUERY;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  napctlLater(napctlCopy);
}
function napctlLater(next) {
  fetch("../site.css", {cache: "no-store"}).then(function () { setTimeout(next, 20); });
}
function napctlCopy() {
  // Settled: "No results", or the first page of results (five at most) all shown.
  var message = document.querySelector(".pagefind-ui__message");
  var links = document.querySelectorAll(".pagefind-ui__result-link");
  var count = message && /^([0-9]+) results? for/.exec(message.textContent);
  var settled = message && (/^No results/.test(message.textContent)
    || (count && links.length >= Math.min(5, Number(count[1]))));
  if (!settled && napctlTries++ < 3000) { return napctlLater(napctlCopy); }
  var out = document.createElement("pre");
  out.id = "search-result";
  out.textContent = JSON.stringify(Array.from(links).map(function (a) {
    return a.getAttribute("href");
  }));
  document.body.appendChild(out);
}
window.addEventListener("load", function () { napctlLater(napctlType); });
</script>
</body>"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    pytest.importorskip("pagefind", reason="Pagefind is not installed (pip install napctl[site])")
    root = tmp_path_factory.mktemp("search-site")
    out = root / "site"  # published in a folder, as on GitHub Pages
    result = build(out, search=True)
    assert result.no_search is None
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield out, f"http://127.0.0.1:{server.server_address[1]}/site"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def search(site: Path, base: str, query: str, profile: Path) -> list[str]:
    """The result links the site's search page shows for ``query``."""
    page = site / "search" / "index.html"
    probe = page.with_name("probe.html")
    text = page.read_text("utf-8").replace("</body>", _TYPE.replace("QUERY", json.dumps(query)))
    probe.write_text(text, "utf-8")
    try:
        dom = chromium(
            profile, "--virtual-time-budget=600000", "--dump-dom", f"{base}/search/probe.html"
        )
    finally:
        probe.unlink()
    start = dom.stdout.find('<pre id="search-result">')
    assert start >= 0, dom.stderr[-2000:]
    body = dom.stdout[start + len('<pre id="search-result">') : dom.stdout.index("</pre>", start)]
    found: list[str] = json.loads(html.unescape(body))
    return found


def test_the_search_page_finds_an_action_by_words_of_its_text(
    served: tuple[Path, str], tmp_path: Path
) -> None:
    site, base = served
    links = search(site, base, "comprehensive sexuality", tmp_path / "profile")
    assert links, "no result"
    # Served from a folder of its own (GitHub Pages' project sites): links stay in it.
    assert all(link.startswith("/site/") for link in links), links
    assert any(link.startswith("/site/lu-2018-2023/actions/") for link in links), links


def test_a_word_that_is_nowhere_finds_nothing(served: tuple[Path, str], tmp_path: Path) -> None:
    site, base = served
    assert search(site, base, "zzqxjvunfindable", tmp_path / "profile") == []
