"""Text and data views of plans, registries, single items and the responsibility matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from napctl.core.csvtext import csv_text
from napctl.core.escape import printable
from napctl.load.corpus import LoadedPlan
from napctl.model import Plan
from napctl.output.writers import json_text
from napctl.plans import Found, action_counts, children, spread
from napctl.plans.records import action_fields, result_fields, result_record
from napctl.plans.stats import own_counts
from napctl.render.markdown import md_escape


def plan_summary(loaded: LoadedPlan) -> dict[str, Any]:
    plan = loaded.plan
    goals = [g for p in plan.pillars for g in p.goals]
    return {
        "id": plan.id,
        "title": plan.title,
        "country": plan.country,
        "period": f"{plan.period.start}-{plan.period.end}",
        "pillars": len(plan.pillars),
        "goals": len(goals),
        "results": sum(len(g.results) for g in goals),
        "actions": sum(1 for _ in plan.walk()),
        "departments": len(plan.departments),
        "file": loaded.file,
    }


def plans_text(plans: Sequence[LoadedPlan]) -> str:
    rows = [plan_summary(p) for p in plans]
    out = ["id\tcountry\tperiod\tpillars\tgoals\tactions\tdepartments\ttitle"]
    keys = ("id", "country", "period", "pillars", "goals", "actions", "departments", "title")
    out += ["\t".join(printable(str(r[k])) for k in keys) for r in rows]
    return "\n".join(out) + "\n"


def actor_records(plan: Plan) -> list[dict[str, Any]]:
    counts = action_counts(plan)
    own = own_counts(plan)
    tree = children(plan)
    return [
        {
            "plan": plan.id,
            "code": d.code,
            "name": d.name,
            "names": dict(d.names),
            "aliases": list(d.aliases),
            "parent": d.parent,
            "children": tree.get(d.code, []),
            "actions": counts[d.code][0],
            "actions_own": own[d.code],
            "actions_with_all": counts[d.code][1],
            "notes": list(d.notes),
            "kind": d.actor_kind,
            "reports": d.reporting,
            "groups": list(d.groups),
        }
        for d in plan.departments
    ]


def actors_text(plans: Sequence[Plan]) -> str:
    """The registry as an indented tree, children under their parents."""
    out: list[str] = []
    for plan in plans:
        out.append(f"{plan.id}  {plan.title}")
        records = {r["code"]: r for r in actor_records(plan)}
        todo = [(c, 1) for c, r in reversed(records.items()) if r["parent"] is None]
        while todo:
            code, depth = todo.pop()
            r = records[code]
            out.append(f"{'  ' * depth}{code}  {r['name']}  ({_counts_phrase(r)})")
            out += [f"{'  ' * depth}    {line}" for line in _other_names(r)]
            todo.extend((child, depth + 1) for child in reversed(r["children"]))
    out.append(ACTOR_COUNTS_KEY)
    if any(g.results for plan in plans for p in plan.pillars for g in p.goals):
        out.append(RESULT_COUNTS_KEY)
    return "\n".join(printable(line) for line in out) + "\n"


#: What the numbers of `napctl actors` count, printed under the tree.
ACTOR_COUNTS_KEY = (
    "Counts: own = actions naming the department itself (the total of `napctl matrix`);"
    " with units = also those naming a unit below it (what `napctl actions --actor CODE"
    " --no-all` lists); with All = also the actions for every department."
)


#: Said under the key when a plan has expected results.
RESULT_COUNTS_KEY = (
    "An action counts the actors it takes from its expected result; `napctl matrix`"
    " counts them once per result, as the plan prints them."
)


def _counts_phrase(r: dict[str, Any]) -> str:
    if r["children"] or r["actions"] != r["actions_own"]:  # units, or a grouping's members
        return (
            f"{r['actions_own']} own, {r['actions']} with units, {r['actions_with_all']} with All"
        )
    return f"{r['actions_own']} own, {r['actions_with_all']} with All"


def _other_names(r: dict[str, Any]) -> list[str]:
    """The names that also find the department (other languages, aliases)."""
    lines = [f"{lang}: {name}" for lang, name in sorted(r["names"].items())]
    if r["aliases"]:
        lines.append("also: " + ", ".join(r["aliases"]))
    if r["groups"]:
        lines.append("in: " + ", ".join(r["groups"]))
    if r["kind"] != "government" or not r["reports"]:
        lines.append(f"kind: {r['kind']}" + ("" if r["reports"] else "; does not report"))
    return lines


def found_record(found: Found) -> dict[str, Any]:
    plan = found.plan
    record: dict[str, Any] = {
        "plan": plan.id,
        "plan_title": plan.title,
        "kind": found.kind,
        "pillar": found.pillar.id,
        "pillar_title": found.pillar.title,
        "un_pillars": list(found.pillar.un_pillars),
    }
    if found.goal is not None:
        record["goal"] = found.goal.id
        record["goal_text"] = found.goal.text
    if found.action is not None:
        action = found.action
        record.update(action_fields(plan, action))
        record.update(result_fields(found.result, action))
    elif found.result is not None:
        record.update(result_record(plan, found.result))
    elif found.goal is not None:
        record.update(
            {
                "id": found.goal.id,
                "actions": [a.id for a in found.goal.actions],
                "notes": list(found.goal.notes),
            }
        )
        if found.goal.results:
            record["results"] = [r.id for r in found.goal.results]
            record["actions"] += [a.id for r in found.goal.results for a in r.actions]
    else:
        record.update(
            {
                "id": found.pillar.id,
                "summary": found.pillar.summary,
                "goals": [g.id for g in found.pillar.goals],
                "notes": list(found.pillar.notes),
            }
        )
    return record


def found_text(found: Found) -> str:
    r = found_record(found)
    out = [f"{r['kind'].capitalize()} {r['id']}  ({r['plan']}: {r['plan_title']})"]
    out.append(
        f"Pillar:      {r['pillar']} {r['pillar_title']}  [UN: {', '.join(r['un_pillars'])}]"
    )
    if "goal" in r and r["kind"] != "goal":
        out.append(f"Goal:        {r['goal']} {r['goal_text']}")
    if r.get("result") and r["kind"] == "action":
        out.append(f"Result:      {r['result']} {r['result_text']}")
    if r["kind"] in ("action", "result"):
        out.append(f"{r['kind'].capitalize() + ':':<12} {r['text']}")
        of_result = f" (of result {r['result']})" if r.get("result") else ""
        shared = r.get("inherited", [])
        out.append("Indicators" + (of_result if "indicators" in shared else "") + ":")
        out += [f"  - {i}" for i in r["indicators"]] or ["  (none)"]
        out.append("Departments" + (of_result if "departments" in shared else "") + ":")
        out += _department_lines(r["departments"])
        if r["kind"] == "result":
            out.append(f"Actions:     {', '.join(r['actions'])}")
    elif r["kind"] == "goal":
        out.append(f"Goal:        {r['goal_text']}")
        if r.get("results"):
            out.append(f"Results:     {', '.join(r['results'])}")
        out.append(f"Actions:     {', '.join(r['actions'])}")
    else:
        if r["summary"]:
            out.append(f"Summary:     {r['summary']}")
        out.append(f"Goals:       {', '.join(r['goals'])}")
    if r["notes"]:
        out.append("Notes:")
        out += [f"  - {n}" for n in r["notes"]]
    return "\n".join(printable(line) for line in out) + "\n"


def _department_lines(departments: list[dict[str, Any]]) -> list[str]:
    out = []
    for d in departments:
        extra = "".join(f" ({x})" for x in (d["role"], d["note"]) if x)
        label = d["code"] if d["code"] == d["name"] else f"{d['code']}  {d['name']}"
        out.append(f"  - {label}{extra}")
    return out


def matrix_records(plan: Plan) -> dict[str, Any]:
    return {
        "plan": plan.id,
        **{k: v for k, v in spread(plan, all_row_always=True).items() if k != "peak"},
    }


def matrix_table(plan: Plan) -> tuple[list[str], list[list[str]]]:
    data = matrix_records(plan)
    header = ["department", *[p["id"] for p in data["pillars"]], "total"]
    body = [[r["code"], *map(str, r["counts"]), str(r["total"])] for r in data["rows"]]
    return header, body


def matrix_rows(plans: Sequence[Plan]) -> tuple[list[str], list[list[str]]]:
    """Every plan in one table with a plan column: one header, whatever the plans.

    Plans have pillars of their own (I-IV, O1-O6): the columns are every pillar id
    in the order met, a cell is empty where a plan has no such pillar.
    """
    tables = [(plan, matrix_records(plan)) for plan in plans]
    columns = list(dict.fromkeys(p["id"] for _, data in tables for p in data["pillars"]))
    body: list[list[str]] = []
    for plan, data in tables:
        ids = [p["id"] for p in data["pillars"]]
        for r in data["rows"]:
            by_id = dict(zip(ids, r["counts"], strict=True))
            cells = [str(by_id[c]) if c in by_id else "" for c in columns]
            body.append([plan.id, r["code"], *cells, str(r["total"])])
    return ["plan", "department", *columns, "total"], body


def matrix_csv(plans: Sequence[Plan]) -> str:
    header, body = matrix_rows(plans)
    return csv_text([header, *body])


def matrix_md(plans: Sequence[Plan]) -> str:
    out: list[str] = []
    for plan in plans:
        header, body = matrix_table(plan)
        out.append(f"### {md_escape(plan.title)}\n")
        out.append("| " + " | ".join(md_escape(h) for h in header) + " |")
        out.append("|" + "---|" + "---:|" * (len(header) - 1))
        out += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in body]
        out.append("")
    return "\n".join(out)


def matrix_plain(plans: Sequence[Plan]) -> str:
    """One plan: its id, then its table; several: one table with a plan column."""
    if len(plans) > 1:
        header, body = matrix_rows(plans)
        return "\n".join("\t".join(row) for row in [header, *body]) + "\n"
    out: list[str] = []
    for plan in plans:
        header, body = matrix_table(plan)
        out.append(plan.id)
        out += ["\t".join(printable(c) for c in row) for row in [header, *body]]
    return "\n".join(out) + "\n"


def matrix_json(plans: Sequence[Plan]) -> str:
    return json_text([matrix_records(p) for p in plans])


def print_matrix(plans: Sequence[Plan]) -> None:
    """A shaded table: the darker the cell, the more actions."""
    # lazy: start-up (rich's tables cost ~35 ms; only a terminal needs them)
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    for plan in plans:
        data = matrix_records(plan)
        peak = max((c for r in data["rows"] for c in r["counts"]), default=0) or 1
        table = Table(title=escape(printable(plan.title)), show_lines=False)
        table.add_column("Department", overflow="fold")  # wrap, never cut
        for p in data["pillars"]:
            table.add_column(
                escape(printable(f"{p['id']} {p['title']}")), justify="right", overflow="fold"
            )
        table.add_column("Total", justify="right", style="bold")
        for r in data["rows"]:
            cells = []
            for count in r["counts"]:
                if count == 0:
                    cells.append("[dim]·[/dim]")
                    continue
                shade = 60 + int(160 * count / peak)
                style = f"on rgb({255 - shade},{255 - shade // 2},255)"
                cells.append(f"[{style}] {count} [/]")
            table.add_row(escape(printable(r["code"])), *cells, str(r["total"]))
        console.print(table)
