"""The plan data model: one hierarchy that fits every National Action Plan.

plan -> pillars -> goals -> actions, plus a department registry. Field names
are the contract of the YAML files in ``plans/`` and of the JSON Schema in
``schema/plan.schema.json``; see ``docs/plan-format.md``.

The classes are frozen standard-library dataclasses. pydantic validates them
(``napctl.validate``) and generates the schema from them, but importing this
module does not import pydantic: queries on plans already known to be valid
(``napctl.cache``) start as fast as the command line itself. The constraint
markers below become pydantic core schemas only when pydantic asks.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

#: The reserved actor that stands for every department of a plan.
ALL = "All"

UNPillar = Literal["participation", "prevention", "protection", "relief-and-recovery"]
UN_PILLARS: tuple[UNPillar, ...] = typing.get_args(UNPillar)

Role = Literal["lead", "coordination"]
Frequency = Literal["annual", "biennial", "mid-term", "final", "once"]

#: The pattern that makes a text non-blank; the checks map it to NAP205.
NON_BLANK = r"\S"


class Strict:
    """A strict str or int constraint (no coercion: YAML's `NO` stays a boolean)."""

    __slots__ = ("ge", "le", "max_length", "pattern")

    def __init__(self, pattern: str | None = None, max_length: int | None = None,
                 ge: int | None = None, le: int | None = None) -> None:
        self.pattern, self.max_length, self.ge, self.le = pattern, max_length, ge, le

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        if source is int:
            return core_schema.int_schema(ge=self.ge, le=self.le, strict=True)
        return core_schema.str_schema(
            pattern=self.pattern, max_length=self.max_length, strict=True
        )


class NonEmpty:
    """A list that must hold at least one item."""

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["min_length"] = 1
        return schema


Text = Annotated[str, Strict(pattern=NON_BLANK)]
Ident = Annotated[str, Strict(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=64)]
PlanId = Annotated[str, Strict(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
CountryCode = Annotated[str, Strict(pattern=r"^[A-Z]{2}$")]
Code = Annotated[str, Strict(pattern=NON_BLANK, max_length=80)]
Url = Annotated[str, Strict(pattern=NON_BLANK)]
Year = Annotated[int, Strict(ge=1900, le=2200)]

# Unknown keys are errors (a misspelt key must not be silently ignored).
_CONFIG: dict[str, Any] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True)
class Period:
    __pydantic_config__ = _CONFIG
    start: Year
    end: Year


@dataclass(frozen=True, slots=True)
class Source:
    __pydantic_config__ = _CONFIG
    title: Text
    publisher: Text
    language: Text
    published: Year | None = None
    url: Url | None = None
    #: The text the transcription was made from.
    document: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Coordination:
    __pydantic_config__ = _CONFIG
    departments: Annotated[list[Code], NonEmpty()]
    mechanism: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReportingDuty:
    __pydantic_config__ = _CONFIG
    what: Text
    by: Annotated[list[Code], NonEmpty()]
    frequency: Frequency
    to: Text | None = None
    from_year: Year | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Department:
    __pydantic_config__ = _CONFIG
    code: Code
    name: Text
    #: The name in other languages, keyed by language code (fr, nl, de).
    names: dict[str, Text] = field(default_factory=dict)
    aliases: list[Code] = field(default_factory=list)
    parent: Code | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Assignment:
    """A department on one action, with its role or a note in brackets."""

    __pydantic_config__ = _CONFIG
    code: Code
    role: Role | None = None
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Action:
    __pydantic_config__ = _CONFIG
    id: Ident
    text: Text
    departments: Annotated[list[Code | Assignment], NonEmpty()]
    indicators: list[Text | Indicator] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    #: When the action is due: a year, or a date in quotes ("2020-06-30").
    deadline: YearOrText | None = None
    #: When the action runs, in the plan's words ("2019-2021", "throughout the plan").
    timeline: Text | None = None
    budget: Budget | None = None
    #: The department that leads the action: one of its departments.
    lead: Code | None = None

    def indicator_texts(self) -> list[str]:
        """The indicators as texts, whether written as texts or as mappings."""
        return [indicator_text(i) for i in self.indicators]

    def assignments(self) -> Iterator[Assignment]:
        for entry in self.departments:
            yield Assignment(code=entry) if isinstance(entry, str) else entry

    def codes(self) -> list[str]:
        return [e if isinstance(e, str) else e.code for e in self.departments]

    @property
    def for_all(self) -> bool:
        return ALL in self.codes()


@dataclass(frozen=True, slots=True)
class Goal:
    __pydantic_config__ = _CONFIG
    id: Ident
    text: Text
    actions: list[Action]
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Pillar:
    __pydantic_config__ = _CONFIG
    id: Ident
    title: Text
    un_pillars: list[UNPillar]
    goals: Annotated[list[Goal], NonEmpty()]
    summary: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Plan:
    __pydantic_config__ = _CONFIG
    id: PlanId
    title: Text
    country: Text
    country_code: CountryCode
    period: Period
    language: Text
    coordination: Coordination
    source: Source
    departments: Annotated[list[Department], NonEmpty()]
    pillars: Annotated[list[Pillar], NonEmpty()]
    reporting: list[ReportingDuty] = field(default_factory=list)
    principal_objectives: list[Text] = field(default_factory=list)
    target_countries: list[Text] = field(default_factory=list)
    civil_society: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    #: The plan's overall budget.
    budget: Budget | None = None
    monitoring: Monitoring | None = None

    def actions(self) -> Iterator[tuple[Pillar, Goal, Action]]:
        for pillar in self.pillars:
            for goal in pillar.goals:
                for action in goal.actions:
                    yield pillar, goal, action

    def department(self, code: str) -> Department | None:
        for dept in self.departments:
            if dept.code == code:
                return dept
        return None


# -- optional monitoring fields (indicators, budgets, deadlines) ---------------------


class OneOf:
    """A strict choice of scalar kinds with one clear message when none fits.

    A plain union would report one error per member (``2020-06-30`` is neither
    a number nor text...); a value either fits one kind or gets one problem.
    """

    __slots__ = ("kinds", "message")

    def __init__(self, *kinds: str, message: str) -> None:
        self.kinds, self.message = kinds, message

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        made: dict[str, Any] = {
            "bool": cs.bool_schema(strict=True),
            "int": cs.int_schema(strict=True),
            "float": cs.float_schema(strict=True, allow_inf_nan=False),
            "year": cs.int_schema(ge=1900, le=2200, strict=True),
            "text": cs.str_schema(pattern=NON_BLANK, strict=True),
        }
        return cs.union_schema([made[k] for k in self.kinds],
                               custom_error_type="napctl_value",
                               custom_error_message=self.message)


#: A measured value: a number, a yes/no (true/false) or a short text.
Value = Annotated[Any, OneOf("bool", "int", "float", "text",
                             message="expected a number, true/false or a text")]
Amount = Annotated[Any, OneOf("int", "float", message="expected a number")]
YearOrText = Annotated[Any, OneOf("year", "text", message="expected a year (2020) or a"
                                  ' quoted date or text ("2020-06-30")')]
Flag = Annotated[bool, OneOf("bool", message="expected true or false")]
Currency = Annotated[str, Strict(pattern=r"^[A-Z]{3}$")]
IndicatorType = Literal["number", "percent", "yes-no", "qualitative"]
#: Indicator frameworks a plan can cite: the UN global indicators of the
#: Secretary-General's report S/2010/498, and the EU indicators for UNSCR 1325.
Framework = Literal["un-s-2010-498", "eu"]


@dataclass(frozen=True, slots=True)
class Baseline:
    """Where the indicator stood when the plan started."""

    __pydantic_config__ = _CONFIG
    value: Value
    as_of: YearOrText | None = None
    source: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Target:
    """The value the plan aims at by a year."""

    __pydantic_config__ = _CONFIG
    year: Year
    value: Value
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Reference:
    """An indicator of a shared framework that the plan's indicator reports on."""

    __pydantic_config__ = _CONFIG
    framework: Framework
    #: The framework's own number for the indicator ("9", "1a").
    indicator: Annotated[Any, OneOf("int", "text", message="expected a number or a text")]
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Indicator:
    """An indicator with what it takes to monitor it; plain text is also an indicator."""

    __pydantic_config__ = _CONFIG
    text: Text
    #: A stable key, unique on its action, that progress reports refer to.
    key: Ident | None = None
    type: IndicatorType | None = None
    unit: Text | None = None
    baseline: Baseline | None = None
    targets: list[Target] = field(default_factory=list)
    frequency: Text | None = None
    #: Where the values come from (a register, a survey, a ministry).
    source: Text | None = None
    references: list[Reference] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)


def indicator_text(indicator: str | Indicator) -> str:
    """The text of an indicator, whichever form it was written in."""
    return indicator if isinstance(indicator, str) else indicator.text


@dataclass(frozen=True, slots=True)
class Budget:
    """Money for an action or a plan; ``allocated: false`` says the plan allocates none."""

    __pydantic_config__ = _CONFIG
    allocated: Flag | None = None
    amount: Amount | None = None
    currency: Currency | None = None
    #: Whose budget line pays (a ministry's budget, a fund).
    source: Text | None = None
    notes: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Monitoring:
    """How the plan is monitored and evaluated."""

    __pydantic_config__ = _CONFIG
    mechanism: Text | None = None
    by: list[Code] = field(default_factory=list)
    frequency: Frequency | None = None
    evaluation: Text | None = None
    notes: list[Text] = field(default_factory=list)


# -- building from data already validated --------------------------------------------

_FIELDS: dict[type, list[tuple[str, Any]]] = {}


def _field_types(cls: type) -> list[tuple[str, Any]]:
    spec = _FIELDS.get(cls)
    if spec is None:
        hints = typing.get_type_hints(cls)
        spec = [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]
        _FIELDS[cls] = spec
    return spec


def _dataclass_in(annotation: Any) -> type | None:
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return annotation
    for arg in typing.get_args(annotation):
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None


def _build(annotation: Any, value: Any) -> Any:
    if isinstance(value, list):
        item = typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else Any
        return [_build(item, v) for v in value]
    if isinstance(value, dict):
        cls = _dataclass_in(annotation)
        if cls is None:  # a plain mapping such as Department.names
            return dict(value)
        return cls(**{
            name: _build(hint, value[name]) for name, hint in _field_types(cls) if name in value
        })
    return value


def plan_from_trusted(data: dict[str, Any]) -> Plan:
    """A Plan from data that ``napctl.validate`` accepted before (no checks at all)."""
    plan = _build(Plan, data)
    assert isinstance(plan, Plan)
    return plan


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data, without fields left at their defaults."""
    return typing.cast(dict[str, Any], _dump(plan))


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.default is not dataclasses.MISSING and item == f.default:
                continue
            if f.default_factory is not dataclasses.MISSING and item == f.default_factory():
                continue
            out[f.name] = _dump(item)
        return out
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value
