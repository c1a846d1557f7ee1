"""`napctl assess init`: a new assessment file listing every action to rate.

Written like `progress init`'s reports (``napctl.progress.init``): each action's
text as a comment, and its level ``not-rated``: napctl never guesses a rating.
A plan's expected results follow, commented out, for an organisation that rates them.
An existing file only gains the actions it lacks, inserted as text at the end
of its ``ratings`` list, so every byte the organisation wrote stays.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from napctl.core.fsutil import NewFiles, atomic_write, inside_root
from napctl.core.readfile import DEFAULT_MAX_BYTES, read_file
from napctl.core.slugs import slugify
from napctl.model import Action, Plan
from napctl.model.assessment import NOT_RATED
from napctl.model.scales import BUILT_IN
from napctl.model.schema_ids import SITE_URL, schema_link
from napctl.progress.init import InitError, check_year, comment_lines

FOLDER = "assessments"


@dataclass(frozen=True, slots=True)
class AssessInit:
    path: Path
    #: "created", "extended" or "unchanged".
    outcome: str
    added: tuple[str, ...] = ()


def assessment_path(root: Path, plan_id: str, year: int, organisation: str) -> Path:
    """Where an organisation's assessment of a plan for a year lives under ``root``."""
    return root / plan_id / str(year) / f"{slugify(organisation)}.yaml"


def rating_lines(action: Action, indent: int) -> str:
    """The lines of a new rating (LF-ended), its dash at column ``indent``."""
    from napctl.yaml.edit import scalar  # PyYAML only when a file is written

    pad = " " * indent
    lines = comment_lines(f"{action.id}: {action.text}", f"{pad}# ")
    lines.append(f"{pad}- action: {scalar(action.id)}")
    lines.append(f"{pad}  level: {NOT_RATED}")
    return "".join(line.rstrip() + "\n" for line in lines)


def new_assessment(plan: Plan, year: int, organisation: str, scale: str, ref: str) -> str:
    from napctl.yaml.edit import scalar  # PyYAML only when a file is written

    head = [f"# yaml-language-server: $schema={ref}", "#"]
    head += comment_lines(f"Assessment of {plan.id} for {year} by {organisation}.", "# ")
    head += comment_lines(
        "Written by `napctl assess init`; edit freely: running it again only adds the"
        " actions that are missing. Give each action a level of the scale (or leave it"
        f" {NOT_RATED}), a narrative and evidence; `disputes:` names a government status"
        f" you dispute (see {SITE_URL}assessments/).",
        "# ",
    )
    body = [
        f"plan: {plan.id}",
        f"year: {year}",
        f"organisation: {scalar(organisation)}",
        f"scale: {scale}",
        "ratings:",
    ]
    out = ["".join(line + "\n" for line in [*head, *body])]
    out += [rating_lines(placed.action, 2) for placed in plan.walk()]
    out.append(result_lines(plan, 2))
    return "".join(out)


def result_lines(plan: Plan, indent: int) -> str:
    """Each expected result as a commented-out rating: rating a result as a whole is the
    organisation's choice, so it is offered, never written as a rating to fill in."""
    from napctl.yaml.edit import scalar  # PyYAML only when a file is written

    results = [(r.id, r.text) for p in plan.pillars for g in p.goals for r in g.results]
    if not results:
        return ""
    pad = " " * indent
    lines = comment_lines(
        "Expected results: to rate one as a whole, remove the '# ' before its two lines.",
        f"{pad}# ",
    )
    for ident, text in results:
        lines += comment_lines(f"{ident}: {text}", f"{pad}# ")
        lines += [f"{pad}# - result: {scalar(ident)}", f"{pad}#   level: {NOT_RATED}"]
    return "".join(line.rstrip() + "\n" for line in lines)


def append_missing(text: str, plan: Plan, file: str = "") -> tuple[str, list[str]]:
    """``text`` with a rating added for each action it does not list (EditError when its
    ``ratings`` is not a block list, the only place new ones go without rewriting)."""
    import yaml

    from napctl.yaml.edit import EditError, TextEdit
    from napctl.yaml.safe import parse_yaml

    doc = parse_yaml(text.removeprefix("\ufeff"), file or "file")
    ratings = None if doc.data is None else doc.data.get("ratings")
    if not isinstance(ratings, list) or not ratings:
        raise EditError("its `ratings` is not a list; run `napctl validate`", file, 0, 0)
    have = {r.get("action") for r in ratings if isinstance(r, dict)}
    actions = [placed.action for placed in plan.walk()]
    missing = [a for a in actions if a.id not in have]
    if not missing:
        return text, []
    edit = TextEdit(text, file)
    node = edit.at(["ratings"])
    if not isinstance(node, yaml.SequenceNode) or node.flow_style:
        raise edit.error(node, "its `ratings` is written as a [flow, list]; use a block list")
    column = edit.column(node)
    edit.append(node, "".join(rating_lines(a, column) for a in missing), below_comments=True)
    return edit.text(), [a.id for a in missing]


def init_assessment(
    plan: Plan, year: int, organisation: str, out: Path, scale: str = "ogp-completion"
) -> AssessInit:
    """Write the organisation's assessment under ``out``, or complete the one there.

    Raises InitError for a year outside the plan or an unknown scale, EditError
    for a file that cannot be completed, OSError for one that cannot be written.
    """
    from napctl.yaml.edit import EditError

    check_year(plan, year)
    if scale not in BUILT_IN:
        raise InitError(f"unknown scale '{scale}': use one of {', '.join(BUILT_IN)}")
    if not organisation.strip() or not organisation.isprintable():
        raise InitError("give the organisation's name as visible text")
    path = assessment_path(out, plan.id, year, organisation)
    if os.path.lexists(path):
        inside_root(out, path)  # neither read nor written through a link leading out
        try:
            old = read_file(path, kind="assessment").decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EditError("it is not UTF-8 text", str(path), 0, 0) from exc
        new, added = append_missing(old, plan, str(path))
        if not added:
            return AssessInit(path, "unchanged")
        atomic_write(path, new, root=out, max_bytes=DEFAULT_MAX_BYTES)
        return AssessInit(path, "extended", tuple(added))
    inside_root(out, path.parent)  # before making any folder through a link
    path.parent.mkdir(parents=True, exist_ok=True)
    text = new_assessment(plan, year, organisation, scale, schema_link("assessment", path.parent))
    with NewFiles(root=out) as created:
        created.add(path, text.encode("utf-8"))
        created.commit()
    return AssessInit(path, "created")
