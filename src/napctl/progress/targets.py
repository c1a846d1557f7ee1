"""Where `napctl progress import` may write: each item's progress file.

The file imported says whose it is: a checklist by its header (the department it
was rendered for, with its units), a sheet row by its base cell. A marker, a cell
or a row typed over to another department is refused with its position, never
followed; the id an item shows is the truth; ``--actor`` narrows further.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from napctl.core.messages import close_matches, did_you_mean
from napctl.model import Plan
from napctl.model.registry import registry_index
from napctl.plans import QueryError, resolve_actor
from napctl.progress.checklist_items import ChecklistProgress
from napctl.progress.init import find_report
from napctl.progress.items import ImportItem, Note, ProgressImportError, ReadItems


@dataclass(slots=True)
class Department:
    """One progress file and the items that report into it."""

    plan: Plan
    year: int
    code: str
    path: Path
    items: list[ImportItem]


@dataclass(slots=True)
class Scope:
    """The departments a file may write into, in one plan: those it was made for."""

    #: None: any of the plan's departments (a sheet, each row naming its own)
    codes: frozenset[str] | None = None
    #: the departments the checklist is for by name (their items come first)
    named: tuple[str, ...] = ()
    #: who it is for, as its header says ("" for a sheet)
    title: str = ""


def file_scope(plan: Plan, read: ReadItems, actor: str | None) -> Scope:
    """What ``read`` may write into in ``plan``: its checklist header's department and
    units, narrowed to ``actor``. Raises ProgressImportError when neither can be resolved."""
    scope = Scope()
    try:
        if read.header is not None:
            scope.title = read.header.get("title") or ""
            match = resolve_actor([plan], scope.title or "?", plan_id=plan.id)[0]
            scope.codes, scope.named = match.codes, match.named
        if actor is not None:
            codes = frozenset(
                c for m in resolve_actor([plan], actor, plan_id=plan.id) for c in m.codes
            )
            scope.codes = codes if scope.codes is None else scope.codes & codes
            scope.named = tuple(c for c in scope.named if c in codes) or tuple(sorted(codes))
    except QueryError as exc:
        whose = "--actor" if read.header is None else f"the {read.noun}'s header"
        raise ProgressImportError(f"{whose} names no department of '{plan.id}': {exc}") from None
    return scope


def _department_of(item: ImportItem, plan: Plan, scope: Scope) -> str | None:
    """The department an item reports for: its marker's, else (no marker) the one the
    checklist shows the action for, as it was rendered."""
    if item.dept or scope.codes is None:
        return item.dept or None

    found = registry_index(plan).actions.get(item.id)
    if found is None:
        return None
    return ChecklistProgress(0).department_for(plan, found[2], scope.codes, scope.named)


def _unknown_department(item: ImportItem, plan: Plan) -> Note:
    close = close_matches(item.dept, [d.code for d in plan.departments], ignore_case=True)
    return Note(
        item.where_of("department"),
        f"plan '{plan.id}' has no department {item.dept!r}{did_you_mean(close)}",
    )


def _placed(item: ImportItem, plan: Plan, scope: Scope, noun: str) -> Note | None:
    """Why the item may not go where it says (None when it may): its department must be
    one the file was made for, and one of the plan's."""
    dept = _department_of(item, plan, scope)
    if dept is None:
        return Note(
            item.where_of("id"),
            f"{item.id}: its napctl marker is missing and no"
            f" department of this {noun} reports on it; render the {noun} again",
        )
    item.dept = dept
    if plan.department(dept) is None:
        return _unknown_department(item, plan)
    if scope.codes is not None and dept not in scope.codes:
        made = f"{scope.title!r}" if scope.title else "--actor"
        return Note(
            item.where_of("department"),
            f"{item.id}: this {noun} is for {made}; it cannot write into {dept}'s progress file",
        )
    return None


def group_items(
    items: list[ImportItem],
    plans: dict[str, Plan],
    roots: list[Path],
    year: int | None,
    refused: list[Note],
    read: ReadItems,
    actor: str | None = None,
) -> list[Department]:
    """The items by progress file: the department's report in whichever of ``roots`` has
    it, else a new one in the first root; an item that cannot go into one is refused (in
    ``refused``). Raises ProgressImportError for another year than ``year``."""
    groups: dict[tuple[str, int, str], Department] = {}
    scopes: dict[str, Scope] = {}
    seen: dict[tuple[str, int, str, str], ImportItem] = {}
    for item in items:
        plan = plans.get(item.plan)
        if plan is None:
            refused.append(Note(item.where, f"no plan {item.plan!r}"))
            continue
        try:
            item_year = int(item.year)
        except ValueError:
            refused.append(Note(item.where, "the item's marker has no year"))
            continue
        if year is not None and item_year != year:
            raise ProgressImportError(f"{item.where}: this is for {item_year}, not {year}")
        if item.problem is not None:  # refused as it reads, wherever it would go
            refused.append(item.problem)
            continue
        if plan.id not in scopes:
            scopes[plan.id] = file_scope(plan, read, actor)
        why = _placed(item, plan, scopes[plan.id], read.noun)
        if why is not None:
            refused.append(why)
            continue
        key = (plan.id, item_year, item.dept)
        first = seen.setdefault((*key, item.id), item)
        if first is not item:
            refused.append(
                Note(
                    item.where,
                    f"{item.id} of {item.dept} is in this {read.noun}"
                    f" twice (also at {first.where}); neither is imported:"
                    " keep one",
                )
            )
            first.problem = first.problem or Note(
                first.where,
                f"{item.id} of {item.dept} is"
                f" in this {read.noun} twice (also at"
                f" {item.where}); neither is imported",
            )
            continue
        if key not in groups:
            groups[key] = Department(
                plan, item_year, item.dept, find_report(roots, plan.id, item_year, item.dept)[1], []
            )
        groups[key].items.append(item)
    return list(groups.values())
