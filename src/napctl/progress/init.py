"""`napctl progress init`: one blank progress report per department, kept up to date.

A new file lists every action the department reports on, with status
`not-reported` and the action's text and indicators as comments. On an
existing file only the missing entries are added, as text inserted at the end
of its `actions:` list: every byte a department wrote stays where it was.
"""

from __future__ import annotations

import functools
import os
import textwrap
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from napctl.checks.progress import REPORTING_TAIL_YEARS, period_text
from napctl.core.fsutil import NewFiles, OutsideRootError, atomic_write, inside_root
from napctl.core.readfile import DEFAULT_MAX_BYTES, read_file
from napctl.core.slugs import slugify
from napctl.model import Action, Plan
from napctl.model.progress import NOT_REPORTED, STATUSES
from napctl.model.registry import RegistryIndex, registry_index
from napctl.model.schema_ids import SITE_URL, schema_link

_WIDTH = 92


class InitError(Exception):
    """A request `progress init` cannot carry out (a usage error)."""


@dataclass(slots=True)
class InitResult:
    created: list[Path] = field(default_factory=list)
    extended: list[tuple[Path, list[str]]] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    #: Files left as they were because they could not be read safely, with why.
    refused: list[tuple[Path, str]] = field(default_factory=list)


def comment_lines(text: str, prefix: str) -> list[str]:
    """``text`` as comment lines: line breaks and control characters cannot end the comment."""
    if not text.isprintable():
        text = "".join(c if c.isprintable() else " " for c in text)
    flat = " ".join(text.split())
    if len(flat) <= _WIDTH - len(prefix) - len(prefix):
        return [prefix + flat]  # what textwrap makes of it, without its cost (a line a file)
    return textwrap.wrap(
        flat,
        _WIDTH - len(prefix),
        initial_indent=prefix,
        subsequent_indent=prefix + "  ",
        break_on_hyphens=False,
    ) or [prefix]


def entry_lines(action: Action, indent: int, shared: tuple[str, str | None] | None = None) -> str:
    """The lines of a new entry (LF-ended), its dash at column ``indent``. ``shared``:
    the result whose indicators the action has, and the action of this report they are
    reported under (None: this one), so a result's indicator is asked for once."""
    # Imported here: `check_year` serves the render commands, which must not pay for
    # PyYAML at start-up when their files come from the cache.
    from napctl.yaml.edit import scalar

    pad = " " * indent
    lines = comment_lines(f"{action.id}: {action.text}", f"{pad}# ")
    if shared is not None and shared[1] is not None:
        result, first = shared
        lines += comment_lines(
            f"indicators: those of result {result}, reported once under {first}", f"{pad}#   "
        )
    else:
        if shared is not None:
            lines += comment_lines(
                f"indicators of result {shared[0]}: report them here once for the whole result",
                f"{pad}#   ",
            )
        for n, indicator in enumerate(action.indicator_texts(), 1):
            lines += comment_lines(f"indicator {n}: {indicator}", f"{pad}#   ")
    lines.append(f"{pad}- id: {scalar(action.id)}")
    lines.append(f"{pad}  status: {NOT_REPORTED}")
    return "".join(line.rstrip() + "\n" for line in lines)


def new_report(
    plan: Plan,
    index: RegistryIndex,
    code: str,
    year: int,
    ref: str,
    entries: dict[str, str] | None = None,
) -> str:
    """A department's new report. ``entries``: each action's lines rendered before, by
    id (filled here): an action every department reports on is rendered once per run."""
    from napctl.yaml.edit import scalar  # not at start-up: see entry_lines

    dept = registry_index(plan).by_code.get(code)  # not a scan per department
    name = f" ({dept.name})" if dept is not None and dept.name != code else ""
    head = [f"# yaml-language-server: $schema={ref}", "#"]
    head += comment_lines(f"Progress report of {code}{name} on {plan.id} for {year}.", "# ")
    head += _how_to()
    body = [
        f"plan: {plan.id}",
        f"year: {year}",
        f"department: {scalar(code)}",
        "state: draft",
        "actions:",
    ]
    text = "".join(line + "\n" for line in [*head, *body])
    entries = {} if entries is None else entries
    out = [text]
    first_of: dict[str, str] = {}  # result id -> the first of its actions in this report
    for i in index.duties[code]:
        result = index.shared_indicators.get(i)
        shared: tuple[str, str | None] | None = None
        if result is not None:
            first = first_of.setdefault(result, i)
            shared = (result, None if first == i else first)
        key = i if shared is None else f"{i}\0{shared[1] or ''}"
        lines = entries.get(key)
        if lines is None:
            lines = entries[key] = entry_lines(index.actions[i][2], 2, shared)
        out.append(lines)
    return "".join(out)


@functools.cache
def _how_to() -> tuple[str, ...]:
    """The comment every new report carries, computed once."""
    choices = ", ".join(s for s in STATUSES if s != NOT_REPORTED)
    return tuple(
        comment_lines(
            "Written by `napctl progress init`; edit freely: running it again only"
            " adds the actions that are missing. Set each status to one of"
            f" {choices}, and add what applies: summary, indicators, evidence,"
            " spent, obstacles, next_steps, revised_due, justification, notes"
            f" (see {SITE_URL}progress-format/).",
            "# ",
        )
    )


def append_missing(
    text: str, plan: Plan, index: RegistryIndex, code: str, file: str = ""
) -> tuple[str, list[str]]:
    """``text`` with entries added for the department's actions it does not list, at the
    end of its ``actions`` list (below the comments that close it).

    Raises EditError when the file is not a clean progress report whose
    ``actions`` is a block list (the only place new entries can go without
    rewriting anything).
    """
    import yaml  # lazy: start-up (`status` needs no YAML parser)

    from napctl.yaml.edit import EditError, TextEdit  # not at start-up: see entry_lines
    from napctl.yaml.safe import parse_yaml  # lazy: start-up (as above)

    doc = parse_yaml(text.removeprefix("\ufeff"), file or "file")
    if doc.data is None:
        first = doc.problems[0] if doc.problems else None
        raise EditError(
            "it is not valid YAML napctl can read; run `napctl validate`",
            file,
            first.line if first else 0,
            first.column if first else 0,
        )
    entries = doc.data.get("actions")
    if not isinstance(entries, list) or not entries:
        line, column = doc.position(("actions",))
        raise EditError(
            "its `actions` is not a list of entries; fix it by hand", file, line, column
        )
    have = {e.get("id") for e in entries if isinstance(e, dict)}
    missing = [i for i in index.duties.get(code, []) if i not in have]
    if not missing:
        return text, []
    edit = TextEdit(text, file)
    node = edit.at(["actions"])
    if not isinstance(node, yaml.SequenceNode) or node.flow_style:
        raise edit.error(
            node, "its `actions` is written as a [flow, list]; write it as a block list"
        )
    column = edit.column(node)
    edit.append(
        node,
        "".join(entry_lines(index.actions[i][2], column) for i in missing),
        below_comments=True,
    )
    return edit.text(), missing


def progress_path(root: Path, plan_id: str, year: int, code: str) -> Path:
    """Where a department's report for a plan and year lives under the progress folder."""
    return root / plan_id / str(year) / f"{slugify(code)}.yaml"


def find_report(roots: Sequence[Path], plan_id: str, year: int, code: str) -> tuple[Path, Path]:
    """``(root, path)`` of the department's report: the one that exists in any of
    ``roots`` (the first that has it), else where a new one goes, in the first root.

    With two progress roots, a report kept in the second is edited there, never
    doubled by a new one in the first (init and import both ask here).
    """
    for root in roots:
        path = progress_path(root, plan_id, year, code)
        if os.path.lexists(path):
            return root, path
    return roots[0], progress_path(roots[0], plan_id, year, code)


def check_year(plan: Plan, year: int) -> None:
    if not plan.period.start <= year <= plan.period.end + REPORTING_TAIL_YEARS:
        raise InitError(f"{year} is outside plan '{plan.id}': {period_text(plan)}")


def init_reports(
    plan: Plan,
    year: int,
    out: Path,
    codes: Collection[str] | None = None,
    *,
    roots: Sequence[Path] = (),
) -> InitResult:
    """Write or complete the report of each department in ``codes`` (default: all).

    New reports go in ``out``; a report that exists in ``out`` or in one of the
    other progress ``roots`` is completed where it is. A file that cannot be
    written safely (a link leading out of its root, a pipe) is refused with why;
    the others are written all the same.
    """
    check_year(plan, year)
    slugs: dict[str, str] = {}
    for dept in plan.departments:
        other = slugs.setdefault(slugify(dept.code), dept.code)
        if other != dept.code:
            raise InitError(
                f"departments '{other}' and '{dept.code}' would share the file"
                f" {slugify(dept.code)}.yaml; give one of them another code"
            )
    index = registry_index(plan)
    chosen = [c for c in index.duties if (codes is None or c in codes) and index.duties[c]]
    result = InitResult()
    search = [out, *(r for r in roots if r != out)]
    folder = out / plan.id / str(year)
    ref: str | None = None  # the same for every file of the folder: found once
    entries: dict[str, str] = {}
    with NewFiles(root=out) as created:
        for code in chosen:
            root, path = find_report(search, plan.id, year, code)
            if os.path.lexists(path):
                _complete(path, root, plan, index, code, result)
                continue
            try:
                if ref is None:
                    inside_root(out, folder)  # before making any folder through a link
                    folder.mkdir(parents=True, exist_ok=True)
                    ref = schema_link("progress", folder)
                text = new_report(plan, index, code, year, ref, entries)
                created.add(path, text.encode("utf-8"))
            except OutsideRootError as exc:
                result.refused.append((path, f"not written: {exc.strerror}"))
                continue
            result.created.append(path)
        created.commit()  # one sync for the batch, not one per file
    return result


def _complete(
    path: Path, root: Path, plan: Plan, index: RegistryIndex, code: str, result: InitResult
) -> None:
    """Add the entries ``path`` lacks, or note why it is left as it is."""
    from napctl.yaml.edit import EditError  # not at start-up: see entry_lines

    try:
        inside_root(root, path)  # neither read nor written through a link leading out
        old = read_file(path, kind="progress report").decode("utf-8")
        new, added = append_missing(old, plan, index, code)
    except EditError as exc:
        result.refused.append((path, str(exc)))
        return
    except UnicodeDecodeError:
        result.refused.append((path, "it is not UTF-8 text"))
        return
    except OutsideRootError as exc:
        result.refused.append((path, f"not read: {exc.strerror}"))
        return
    except OSError as exc:
        result.refused.append((path, f"it cannot be read: {exc.strerror}"))
        return
    if not added:
        result.unchanged.append(path)
        return
    try:
        atomic_write(path, new, root=root, max_bytes=DEFAULT_MAX_BYTES)
    except OSError as exc:
        result.refused.append((path, f"not written: {exc.strerror}"))
        return
    result.extended.append((path, added))
