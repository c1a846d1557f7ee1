"""Search with Pagefind (the optional extra ``site``: ``pip install napctl[site]``).

Pagefind indexes the built pages (each in the language of its ``lang``
attribute) into a folder of its own; the index is written through the site's
writer, so files whose bytes did not change are not rewritten.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from napctl.core.readfile import read_file

if TYPE_CHECKING:
    from napctl.site.build import Writer

#: Pagefind's files are fragments of the site; no one is near this size.
MAX_INDEX_FILE = 256 * 1024 * 1024
NO_PAGEFIND = "the site has no search: install napctl[site] (Pagefind) to add it"


def search_available() -> tuple[bool, str | None]:
    """Whether Pagefind is installed, and if not, the sentence that says so."""
    import importlib.util

    found = importlib.util.find_spec("pagefind") is not None
    return found, None if found else NO_PAGEFIND


def index_site(out: Writer) -> str | None:
    """Index the site in ``out``; None when done, else why there is no index."""
    with tempfile.TemporaryDirectory(prefix="napctl-pagefind-") as scratch:
        try:
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pagefind",
                    "--site",
                    str(out.root),
                    "--output-path",
                    scratch,
                ],  # its report goes to the pipe (Pagefind 1.2 has no --silent)
                capture_output=True,
                timeout=600,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"the site has no search: Pagefind failed ({exc})"
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
            return f"the site has no search: Pagefind failed ({reason[0]})"
        root = Path(scratch)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            data = read_file(path, max_bytes=MAX_INDEX_FILE, kind="search index")
            out.write(["pagefind", *path.relative_to(root).parts], data)
    return None
