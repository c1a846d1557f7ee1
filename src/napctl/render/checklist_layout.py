"""Where `napctl checklists` puts each file: ``<country>/<department>.<fmt>``, and the index.

A department is its plan's country plus its code, so the country is a folder:
``lu/maee-d5.md``, ``be/justice.md``. Both parts are slugs, so no name from a
plan can lead outside the folder given. Earlier versions wrote every checklist
flat (``justice.md``); such files are found and reported, never deleted (they
may carry hand edits).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from pathlib import Path

from napctl.core.slugs import slugify
from napctl.model import Plan
from napctl.plans.departments import DepartmentKey


def index_path(fmt: str) -> str:
    return f"index.{fmt}"


def checklist_path(key: DepartmentKey, fmt: str, taken: Container[str] = ()) -> str:
    """The file of ``key``'s checklist, relative to the output folder, not in ``taken``.

    Two codes of one country can slug alike ("Interior CGRS", "Interior-CGRS"):
    the later one gets ``-2``, ``-3`` ….
    """
    folder, slug = slugify(key.country.lower()), slugify(key.code)
    name, n = f"{folder}/{slug}.{fmt}", 2
    while name in taken:
        name, n = f"{folder}/{slug}-{n}.{fmt}", n + 1
    return name


def left_behind(out: Path, names: Iterable[str], plans: Sequence[Plan], fmt: str) -> list[Path]:
    """Checklists in ``out`` that this run would not write, napctl's own by their names.

    These are the flat files of the earlier layout (``out/<department>.<fmt>``
    for a department of these plans), and files of the format in the country
    folders of these plans that no department of theirs has any more.
    """
    if not out.is_dir():
        return []
    wanted = set(names)
    flat = {f"{slugify(d.code)}.{fmt}" for plan in plans for d in plan.departments}
    flat.discard(index_path(fmt))
    # One listing of the folder, not one look-up per department.
    found = sorted(f for f in out.iterdir() if f.name in flat and f.is_file())
    folders = sorted({slugify(p.country_code.lower()) for p in plans})
    for folder in folders:
        path = out / folder
        if not path.is_dir() or path.is_symlink():
            continue
        found += [
            f
            for f in sorted(path.glob(f"*.{fmt}"))
            if f.is_file() and f"{folder}/{f.name}" not in wanted
        ]
    return found
