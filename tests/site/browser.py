"""Headless Chromium and axe-core for the site's tests (each skips with a reason when
either cannot be had)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]
#: Where axe-core is installed once (`npm install --prefix` this folder; .ci/run does).
AXE_HOME = Path(os.environ.get("NAPCTL_AXE_DIR", Path.home() / ".cache" / "napctl-axe"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium(profile: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def axe_script() -> Path:
    """axe.min.js, installed into AXE_HOME with npm when it is not there yet."""
    script = AXE_HOME / "node_modules" / "axe-core" / "axe.min.js"
    if script.is_file():
        return script
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("axe-core is not installed and npm is not there to install it")
    done = subprocess.run(
        [npm, "install", "--prefix", str(AXE_HOME), "--no-audit", "--no-fund", "axe-core"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0 or not script.is_file():
        pytest.skip(f"npm could not install axe-core: {done.stderr.strip()[-300:]}")
    return script


_RUN = """<script src="{axe}"></script>
<script>
axe.run(document, {{runOnly: {{type: "tag", values: {tags}}}}}).then(function (r) {{
  var out = document.createElement("pre");
  out.id = "axe-result";
  out.textContent = JSON.stringify(r.violations.map(function (v) {{
    return {{id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) {{ return n.target; }})}};
  }}));
  document.body.appendChild(out);
}});
</script>
</body>"""


def axe_violations(page: Path, profile: Path) -> list[dict[str, object]]:
    """The WCAG 2.1 A and AA violations axe-core finds in ``page`` (a copy of it runs
    axe beside the original, so its relative links and style sheet load)."""
    script = axe_script()
    probe = page.with_name(f"axe-{page.name}")
    text = page.read_text("utf-8")
    probe.write_text(
        text.replace("</body>", _RUN.format(axe=script.as_uri(), tags=json.dumps(AXE_TAGS))),
        "utf-8",
    )
    try:
        dom = chromium(profile, "--virtual-time-budget=20000", "--dump-dom", probe.as_uri())
    finally:
        probe.unlink()
    start = dom.stdout.find('<pre id="axe-result">')
    assert start >= 0, dom.stderr[-2000:]
    body = dom.stdout[start + len('<pre id="axe-result">') : dom.stdout.index("</pre>", start)]
    import html

    found: list[dict[str, object]] = json.loads(html.unescape(body))
    return found
