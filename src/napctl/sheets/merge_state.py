"""What an action matrix import works on: the plan's pillars and goals as the rows find
them, and the changes the rows add (``napctl.sheets.importer`` fills them in)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from napctl.model import Action, Indicator, Plan, Result
from napctl.sheets.cells import Cell
from napctl.sheets.rows import Registry


@dataclass(slots=True)
class ResultState:
    """An expected result as the rows find it: its actions hold what they inherit."""

    id: str
    text: str
    index: int | None  # its position in its goal's results; None when new
    actions: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_actions: list[dict[str, Any]] = field(default_factory=list)
    #: What the plan stores once for the result (a new result: what most rows give).
    shared: dict[str, Any] = field(default_factory=dict)
    #: Its actions in the plan -> the shared keys each writes itself (not inherited).
    own: dict[str, set[str]] = field(default_factory=dict)
    #: With ``update``: its actions in the plan as the rows give them -> each shared
    #: key's value (``napctl.sheets.results.settle`` decides where a change goes).
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(slots=True)
class GoalState:
    id: str
    text: str
    index: int | None  # its position in the plan file; None when new
    actions: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_actions: list[dict[str, Any]] = field(default_factory=list)
    results: dict[str, ResultState] = field(default_factory=dict)


@dataclass(slots=True)
class PillarState:
    id: str
    title: str
    un_pillars: list[str]
    index: int | None
    goals: dict[str, GoalState] = field(default_factory=dict)


@dataclass(slots=True)
class Changes:
    """What an import adds to a plan, in file order."""

    departments: list[str] = field(default_factory=list)
    #: those of them a workbook's departments sheet gives names for
    named: list[str] = field(default_factory=list)
    pillars: list[dict[str, Any]] = field(default_factory=list)
    goals: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    actions: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)
    #: New results of goals in the plan: (pillar, goal, the result)
    results: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)
    #: New actions of results in the plan: (pillar, goal, result, the action)
    result_actions: list[tuple[int, int, int, dict[str, Any]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: With ``update``: (path of a key in the plan file, the table's value), in row order
    updates: list[tuple[tuple[str | int, ...], Any]] = field(default_factory=list)

    @property
    def action_count(self) -> int:
        """How many actions the import adds (under goals and under results)."""

        def of_goal(goal: dict[str, Any]) -> int:
            under = sum(len(r["actions"]) for r in goal.get("results", []))
            return len(goal.get("actions", [])) + under

        return (
            len(self.actions)
            + len(self.result_actions)
            + sum(len(r["actions"]) for _, _, r in self.results)
            + sum(of_goal(g) for _, g in self.goals)
            + sum(of_goal(g) for p in self.pillars for g in p["goals"])
        )

    @property
    def empty(self) -> bool:
        return not (
            self.departments
            or self.pillars
            or self.goals
            or self.actions
            or self.updates
            or self.results
            or self.result_actions
        )


def action_data(action: Action) -> dict[str, Any]:
    """An action as plan-file data, keys in the order the plan files use."""
    departments: list[Any] = [
        e
        if isinstance(e, str)
        else {k: v for k, v in (("code", e.code), ("role", e.role), ("note", e.note)) if v}
        for e in action.departments
    ]
    data: dict[str, Any] = {"id": action.id, "text": action.text}
    if action.indicators:
        data["indicators"] = action.indicator_texts()
    data["departments"] = departments
    if action.notes:
        data["notes"] = list(action.notes)
    if action.lead:
        data["lead"] = action.lead
    return data


def _result_state(result: Result, index: int) -> ResultState:
    state = ResultState(result.id, result.text, index)
    if result.indicators:
        state.shared["indicators"] = result.indicator_texts()
    if result.departments:
        state.shared["departments"] = action_data(
            Action(id=result.id, text=result.text, departments=result.departments)
        )["departments"]
    for action in result.actions:
        data = action_data(action)
        own = {"indicators": action.indicators, "departments": action.departments}
        state.own[action.id] = {key for key, value in own.items() if value}
        for key, value in state.shared.items():  # what a row shows: inherited or own
            if not own[key]:
                data[key] = value
        state.actions[action.id] = data
    return state


class Merge:
    """One import under way: the plan's pillars, goals and ids, and what the rows add."""

    def __init__(
        self, plan: Plan, columns: dict[str, int], skip_pillar: str | None, update: bool = False
    ) -> None:
        self.columns = columns
        self.update = update  # a difference from the plan is an update, not a problem
        self.paths: dict[str, tuple[str | int, ...]] = {}  # id -> its path in the plan file
        self.row_texts: set[str] = set()  # the table's action texts (to match reworded rows)
        self.reg = Registry.of(plan)
        self.lang = plan.language.split("-")[0].casefold()  # how the sheet writes numbers
        self.pillars: dict[str, PillarState] = {}
        self.ids: dict[str, str] = {}  # every id in the plan -> what it is
        self.changes = Changes()
        self.seen: dict[str, str] = {}  # action id -> the cell that gave it
        #: action id -> the indicators it shows (its own or its result's) and their paths
        self.shown: dict[str, list[tuple[tuple[str | int, ...], str | Indicator]]] = {}
        self.target_edits: dict[tuple[str | int, ...], list[Any]] = {}  # path -> targets
        for p_index, pillar in enumerate(plan.pillars):
            if pillar.id == skip_pillar:
                continue
            state = PillarState(pillar.id, pillar.title, list(pillar.un_pillars), p_index)
            self.ids[pillar.id] = "a pillar"
            self.paths[pillar.id] = ("pillars", p_index)
            for g_index, goal in enumerate(pillar.goals):
                g_state = GoalState(goal.id, goal.text, g_index)
                self.ids[goal.id] = "a goal"
                self.paths[goal.id] = ("pillars", p_index, "goals", g_index)
                for a_index, action in enumerate(goal.actions):
                    self.paths[action.id] = (*self.paths[goal.id], "actions", a_index)
                    self._show(action.id, action.indicators, self.paths[action.id])
                    g_state.actions[action.id] = action_data(action)
                    self.ids[action.id] = "an action"
                for r_index, result in enumerate(goal.results):
                    self._add_result(g_state, result, r_index)
                state.goals[goal.id] = g_state
            self.pillars[pillar.id] = state

    def _add_result(self, goal: GoalState, result: Result, index: int) -> None:
        r_state = _result_state(result, index)
        goal.results[result.id] = r_state
        self.ids[result.id] = "a result"
        self.paths[result.id] = (*self.paths[goal.id], "results", index)
        for a_index, action in enumerate(result.actions):
            self.paths[action.id] = (*self.paths[result.id], "actions", a_index)
            self.ids[action.id] = "an action"
            if action.indicators:
                self._show(action.id, action.indicators, self.paths[action.id])
            else:
                self._show(action.id, result.indicators, self.paths[result.id])

    def _show(
        self, action_id: str, indicators: list[str | Indicator], path: tuple[str | int, ...]
    ) -> None:
        self.shown[action_id] = [((*path, "indicators", i), x) for i, x in enumerate(indicators)]

    def cell(self, row: list[Cell], name: str) -> Cell | None:
        index = self.columns.get(name)
        if index is None or index >= len(row):
            return None
        return row[index]

    def text(self, row: list[Cell], name: str) -> str:
        found = self.cell(row, name)
        return found.value if found is not None else ""

    def problem(self, cell: Cell | None, message: str, fallback: Cell) -> None:
        self.changes.problems.append(f"{(cell or fallback).ref}: {message}")

    def retext(
        self,
        what: str,
        state: GoalState | ResultState,
        text: str,
        text_cell: Cell | None,
        first: Cell,
    ) -> bool:
        """A goal's or result's text as the row gives it: changed with ``--update``,
        else refused when it differs (False: the row is not imported)."""
        if not text or text == state.text:
            return True
        if self.update:
            self.changes.updates.append(((*self.paths[state.id], "text"), text))
            state.text = text
            return True
        self.problem(
            text_cell, f"{what} {state.id} is {state.text!r} in the plan, {text!r} here", first
        )
        return False
