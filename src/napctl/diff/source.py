"""The two sides of ``napctl diff``: plan files or ``REV:PATH`` read from git.

A side is read as far as it can be: a file that is valid YAML but not a valid
plan is still compared (its problems are reported beside the diff); only a
file napctl cannot read as YAML at all (``NAP1xx``) leaves nothing to compare.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from napctl.core.problems import Problem
from napctl.core.readfile import DEFAULT_MAX_BYTES, decode_text, read_bytes
from napctl.diff.changes import diff_items, for_actor
from napctl.diff.items import Part, Path, PlanItems, plan_items
from napctl.diff.lineage import check_lineage, lineage_name, read_lineage
from napctl.load import cache
from napctl.model.names import fold

if TYPE_CHECKING:
    from napctl.diff.changes import PlanDiff
    from napctl.yaml.safe import YamlDocument

#: Seconds git may take to answer.
GIT_TIMEOUT = 60


class DiffUsageError(Exception):
    """A side or an option that cannot be used as given (exit 2)."""


@dataclass(slots=True)
class Side:
    """One side of a diff: what it is called, its data (None if unreadable), its problems."""

    label: str
    text: str | None
    data: dict[str, Any] | None
    problems: list[Problem] = field(default_factory=list)
    _doc: YamlDocument | None = None

    def position(self, path: Path | None) -> dict[str, Any] | None:
        """``{file, line, column}`` of the value at ``path`` (None when there is no path)."""
        if path is None or self.text is None:
            return None
        if self._doc is None:
            from napctl.yaml.safe import parse_yaml  # lazy: start-up (a cached side is not parsed)

            self._doc = parse_yaml(self.text, self.label)
        line, column = self._doc.position(path)
        return {"file": self.label, "line": line, "column": column}


def is_git_spec(spec: str) -> bool:
    """``REV:PATH`` rather than a file: it has a colon and is not an existing path."""
    return ":" in spec and not os.path.exists(spec)


def read_side(spec: str, *, max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = True) -> Side:
    """The side named ``spec``; raises DiffUsageError for a missing file or a bad rev/path.

    Both kinds of side are read within ``max_bytes``: a file through the one bounded
    reader (regular files only, size first), a git blob after git has told its size.
    """
    if is_git_spec(spec):
        raw, problems = _git_bytes(spec, max_bytes)
    else:
        raw, problems = _file_bytes(spec, max_bytes)
    if raw is None:
        return Side(spec, None, None, problems)
    text, problems = decode_text(raw, spec)
    if text is None:
        return Side(spec, None, None, problems)
    if text.startswith("\ufeff"):
        text = text[1:]
    if use_cache:
        trusted = cache.get(raw)
        if trusted is not None:
            return Side(spec, text, trusted)
    return _parsed_side(spec, raw, text, use_cache)


def _parsed_side(spec: str, raw: bytes, text: str, use_cache: bool) -> Side:
    # lazy: start-up (a cached side is not parsed)
    from napctl.load.document import validate_document
    from napctl.yaml.safe import parse_yaml  # lazy: start-up (a cached side is not parsed)

    doc = parse_yaml(text, spec)
    if doc.data is None:
        return Side(spec, text, None, list(doc.problems), doc)
    plan, problems = validate_document(doc)
    if plan is not None and not problems and use_cache:
        cache.put(raw, doc.data)
    return Side(spec, text, doc.data, problems, doc)


def _file_bytes(spec: str, max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    if not os.path.lexists(spec):
        raise DiffUsageError(f"no such file: {spec}")
    if os.path.isdir(spec):
        raise DiffUsageError(f"{spec} is a folder; give a plan file")
    return read_bytes(spec, spec, max_bytes)


#: git runs nothing a repository configures: no file-system monitor, no hooks, no
#: external diff or text conversion, and no transport at all (a missing object in a
#: partial clone is an error, never a fetch through a configured ssh command).
_SAFE_GIT = (
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "protocol.allow=never",
    "-c",
    "core.sshCommand=false",
    "-c",
    "diff.external=",
    "--no-pager",
)
_SAFE_ENV = {"GIT_NO_LAZY_FETCH": "1", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}


def _git(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    try:
        # A list argv and no shell: the spec is one argument, whatever it holds.
        return subprocess.run(
            ["git", *_SAFE_GIT, *args],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
            env={**os.environ, **_SAFE_ENV},
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise DiffUsageError("git is not installed; cannot read REV:PATH") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DiffUsageError(f"git failed: {exc}") from None


def _git_bytes(spec: str, max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    """The blob ``REV:PATH``, its size asked first: a blob over ``max_bytes`` is never read."""
    if spec.startswith("-"):  # would be read by git as an option
        raise DiffUsageError(f"'{spec}' is neither a file nor REV:PATH")
    if spec.startswith(":"):
        # ':path' and ':N:path' name the index, which git refreshes (and a configured
        # file-system monitor runs) to answer: napctl compares commits, not the index.
        raise DiffUsageError(f"'{spec}' names git's index; give a commit, e.g. HEAD{spec}")
    kind = _git(["cat-file", "-t", spec])
    if kind.returncode != 0:
        raise DiffUsageError(f"cannot read {spec} from git: {_first_line(kind.stderr)}")
    if kind.stdout.strip() != b"blob":
        raise DiffUsageError(f"{spec} is a {_first_line(kind.stdout)} in git, not a file")
    sized = _git(["cat-file", "-s", spec])
    size = int(sized.stdout.strip() or 0) if sized.returncode == 0 else 0
    if sized.returncode != 0:
        raise DiffUsageError(f"cannot read {spec} from git: {_first_line(sized.stderr)}")
    if size > max_bytes:
        return None, [
            Problem(
                spec,
                1,
                1,
                "NAP102",
                f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
                " (raise it with --max-bytes)",
            )
        ]
    shown = _git(["cat-file", "blob", spec])
    if shown.returncode != 0:
        raise DiffUsageError(f"cannot read {spec} from git: {_first_line(shown.stderr)}")
    return shown.stdout, []


def revision_before(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The commit holding the version of ``path`` before its last change: HEAD while the
    file differs from HEAD's (an amendment not committed yet), else the parent of the
    last commit that changed it. Raises DiffUsageError (not in git, no earlier version)."""
    rel = os.path.relpath(path).replace(os.sep, "/")
    spec = "HEAD:" + (rel if rel.startswith("../") else "./" + rel)
    head, _ = _git_bytes(spec, max_bytes)
    now, _ = _file_bytes(path, max_bytes)
    if head is None or head != now:
        return "HEAD"
    found = _git(["log", "-1", "--format=%H", "--", path])
    commit = found.stdout.decode("ascii", "replace").strip()
    if found.returncode != 0 or not commit:
        raise DiffUsageError(f"git has no history of {path}: {_first_line(found.stderr)}")
    parent = _git(["rev-parse", "--verify", "--quiet", commit + "^"])
    if parent.returncode != 0:
        raise DiffUsageError(f"{path} has no version before commit {commit[:12]}; give --from")
    return parent.stdout.decode("ascii", "replace").strip()


def _first_line(raw: bytes) -> str:
    lines = raw.decode("utf-8", "replace").strip().splitlines()
    text = lines[0] if lines else "no output"
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)[:200]


# -- actors ---------------------------------------------------------------------------


def _names(dept: Part) -> list[str]:
    fields = dept.fields
    names = [dept.id, fields.get("name")]
    if isinstance(fields.get("names"), dict):
        names.extend(fields["names"].values())
    if isinstance(fields.get("aliases"), list):
        names.extend(fields["aliases"])
    return [n for n in names if isinstance(n, str)]


def actor_codes(sides: list[PlanItems], name: str) -> frozenset[str]:
    """The codes ``name`` stands for in either plan, with their children, as
    ``napctl actions --actor`` resolves it (codes, names, aliases; case and accents folded)."""
    wanted = fold(name)
    if not wanted:
        raise DiffUsageError("an actor name cannot be empty")
    codes: set[str] = set()
    for items in sides:
        named = [d.id for d in items.departments if wanted in (fold(n) for n in _names(d))]
        codes.update(_descendants(items.departments, named))
    if not codes:
        raise DiffUsageError(f"unknown actor '{name}'{_suggestion(sides, wanted)}")
    return frozenset(codes)


def _descendants(departments: list[Part], named: list[str]) -> set[str]:
    children: dict[str, list[str]] = {}
    for dept in departments:
        parent = dept.fields.get("parent")
        if isinstance(parent, str):
            children.setdefault(parent, []).append(dept.id)
    found: set[str] = set()
    todo = list(named)
    while todo:
        code = todo.pop()
        if code not in found:
            found.add(code)
            todo.extend(children.get(code, []))
    return found


def _suggestion(sides: list[PlanItems], wanted: str) -> str:
    from difflib import get_close_matches  # only on the error path

    pool = {fold(n): d.id for items in sides for d in items.departments for n in _names(d)}
    close = get_close_matches(wanted, list(pool), n=3, cutoff=0.6)
    codes = list(dict.fromkeys(pool[c] for c in close))
    return f"; did you mean {' or '.join(repr(c) for c in codes)}?" if codes else ""


# -- the whole comparison ------------------------------------------------------------


@dataclass(slots=True)
class Comparison:
    """Both sides, their changes (None when a side cannot be read) and every problem."""

    old: Side
    new: Side
    diff: PlanDiff | None
    problems: list[Problem] = field(default_factory=list)


def compare(
    old_spec: str,
    new_spec: str,
    *,
    lineage: str | None = None,
    actor: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    use_cache: bool = True,
) -> Comparison:
    """Read both sides and compare them; ``actor`` keeps the changes that concern it.

    ``lineage`` names a lineage file; without it, ``lineage/<old>--<new>.yaml``
    is used when it exists (two generations only). Raises DiffUsageError.
    """
    old = read_side(old_spec, max_bytes=max_bytes, use_cache=use_cache)
    new = read_side(new_spec, max_bytes=max_bytes, use_cache=use_cache)
    problems = [*old.problems, *new.problems]
    if old.data is None or new.data is None:
        return Comparison(old, new, None, problems)
    before, after = plan_items(old.data), plan_items(new.data)
    links, lineage_problems = _lineage_links(lineage, before, after)
    problems.extend(lineage_problems)
    diff = diff_items(before, after, links)
    if actor is not None:
        diff.changes = for_actor(diff.changes, actor_codes([before, after], actor))
    return Comparison(old, new, diff, problems)


def _lineage_links(
    path: str | None, old: PlanItems, new: PlanItems
) -> tuple[dict[str, list[str]], list[Problem]]:
    if path is None:
        default = lineage_name(old.plan_id, new.plan_id)
        if old.plan_id == new.plan_id or not os.path.isfile(default):
            return {}, []
        path = default
    elif not os.path.isfile(path):
        raise DiffUsageError(f"no such lineage file: {path}")
    found, problems = read_lineage(path)
    if found is None:
        return {}, problems
    links, more = check_lineage(found, old, new)
    return links, problems + more


def compare_texts(old_label: str, old_text: str, new_label: str, new_text: str) -> Comparison:
    """Two versions of one plan given as texts (a file and its edit not yet written)."""
    from napctl.diff.changes import diff_items
    from napctl.diff.items import plan_items

    old = _parsed_side(old_label, b"", old_text, False)
    new = _parsed_side(new_label, b"", new_text, False)
    problems = [*old.problems, *new.problems]
    if old.data is None or new.data is None:
        return Comparison(old, new, None, problems)
    return Comparison(old, new, diff_items(plan_items(old.data), plan_items(new.data)), problems)
