"""MkDocs hook: publish napctl's JSON Schemas on the site at their ``$id``.

Each ``schema/<kind>.schema.json`` of the repository is copied to the path its ``$id``
names under ``site_url`` (``schema/plan-1.schema.json``), so the link that `napctl new`
and `napctl progress init` write, and the SchemaStore catalog entry, resolve to it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files


def on_files(files: Files, config: Any) -> Files:
    site_url = config["site_url"]
    root = Path(config["config_file_path"]).parent
    for path in sorted((root / "schema").glob("*.schema.json")):
        schema_id = json.loads(path.read_text(encoding="utf-8")).get("$id", "")
        if not schema_id.startswith(site_url):
            raise PluginError(f"{path}: $id {schema_id!r} is not under site_url {site_url}")
        files.append(File.generated(config, schema_id[len(site_url) :], abs_src_path=str(path)))
    return files
