"""Where editors find napctl's JSON Schemas: one stable, versioned URL per kind of file.

The documentation site publishes each schema at its ``$id`` (the site's build copies
``schema/<kind>.schema.json`` there), and the SchemaStore catalog entry in the docs names
the same URLs. A format's version changes only when a valid file would become invalid
(a field renamed or removed); new optional fields keep the version and its URL.
Nothing here imports pydantic: ``napctl new`` and ``progress init`` only need the link.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The documentation site (``site_url`` in mkdocs.yml says the same; a test checks it).
SITE_URL = "https://napctl.readthedocs.io/en/stable/"

#: The version of each file format, by the name `napctl schema --kind` takes.
FORMAT_VERSIONS = {"plan": 1, "progress": 1, "assessment": 1}


def schema_file(kind: str) -> str:
    """The schema's file name in a repository's ``schema/`` folder (and in napctl's)."""
    return f"{kind}.schema.json"


def schema_url(kind: str) -> str:
    """The schema's ``$id``: where the documentation site publishes it."""
    return f"{SITE_URL}schema/{kind}-{FORMAT_VERSIONS[kind]}.schema.json"


def schema_link(kind: str, folder: Path) -> str:
    """What a new file in ``folder`` names as its schema (the yaml-language-server line).

    The repository's own copy, ``schema/<kind>.schema.json`` in ``folder`` or a folder
    above it within the repository (up to the first folder holding ``.git``), as a
    relative path when the repository keeps one; else the published URL, which works in
    any repository. Outside a repository (no ``.git`` above) it is always the URL: a
    ``schema/`` folder met on the way up belongs to no repository the file will be in.
    """
    base = folder.resolve()
    found: Path | None = None
    for parent in [base, *base.parents]:
        candidate = parent / "schema" / schema_file(kind)
        if found is None and candidate.is_file():
            found = candidate
        if (parent / ".git").exists():
            return os.path.relpath(found, base).replace(os.sep, "/") if found else schema_url(kind)
    return schema_url(kind)
