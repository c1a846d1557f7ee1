"""The department registry's changes: added, removed, renamed (a new code for the same
full name), reparented, re-aliased."""

from __future__ import annotations

from napctl.diff.change import Builder, Change, SortKey, fields_changed, first_by_id
from napctl.diff.items import Part

#: What a changed field of a department is called.
_DEPARTMENT_KINDS = {
    "name": "department-renamed",
    "parent": "department-reparented",
    "aliases": "department-aliases-changed",
}


def registry_changes(old: list[Part], new: list[Part], out: Builder) -> None:
    before, after = first_by_id(old), first_by_id(new)
    removed = [d for d in before.values() if d.id not in after]
    by_name = {str(d.fields.get("name")): d for d in removed if d.fields.get("name")}
    for dept in after.values():
        key = (1, dept.path[1], 0)
        was = before.get(dept.id)
        if was is not None:
            fields_changed(was, dept, key, out, _DEPARTMENT_KINDS, "department-changed", "registry")
            continue
        recoded = by_name.pop(str(dept.fields.get("name")), None)
        if recoded is not None:  # same full name, new code: the same department renamed
            removed.remove(recoded)
            _recoded(recoded, dept, key, out)
        else:
            out.add(
                key,
                Change(
                    "department-added",
                    dept.id,
                    None,
                    None,
                    dept.fields.get("name"),
                    None,
                    dept.path,
                    None,
                    (dept.id,),
                    "registry",
                ),
            )
    for dept in removed:
        out.add(
            (1, dept.path[1], 1),
            Change(
                "department-removed",
                dept.id,
                None,
                dept.fields.get("name"),
                None,
                dept.path,
                None,
                dept.id,
                (dept.id,),
                "registry",
            ),
        )


def _recoded(recoded: Part, dept: Part, key: SortKey, out: Builder) -> None:
    """A department under a new code: its renaming, then its other fields that changed."""
    out.add(
        key,
        Change(
            "department-renamed",
            dept.id,
            "code",
            recoded.id,
            dept.id,
            recoded.path,
            dept.path,
            recoded.id,
            (recoded.id, dept.id),
            "registry",
        ),
    )
    fields_changed(
        recoded,
        dept,
        key,
        out,
        _DEPARTMENT_KINDS,
        "department-changed",
        "registry",
        skip=("name",),
    )
