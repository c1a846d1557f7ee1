"""The constrained types and choices that every document kind's model is made of.

Markers, not pydantic types: they become pydantic core schemas only when
pydantic asks, so importing a model does not import pydantic.
"""

from __future__ import annotations

import datetime
import re
import typing
from collections.abc import Callable
from typing import Annotated, Any, Literal

#: The reserved actor that stands for every department of a plan.
ALL = "All"
#: How the "All" actor is shown where a department's name would be.
ALL_NAME = "All departments"

UNPillar = Literal["participation", "prevention", "protection", "relief-and-recovery"]
UN_PILLARS: tuple[UNPillar, ...] = typing.get_args(UNPillar)

#: An actor's part in an assignment; no role written means "responsible".
Role = Literal["lead", "responsible", "support", "partner", "funder", "coordination"]
#: The roles that make a reporting actor owe a progress report on the action.
DUTY_ROLES: frozenset[str | None] = frozenset({None, "lead", "responsible", "coordination"})
Frequency = Literal["annual", "biennial", "mid-term", "final", "once", "quarterly", "semi-annual"]
#: What an actor of the registry is; none written means "government".
ActorKind = Literal[
    "government",
    "parliament",
    "independent-body",
    "civil-society",
    "international-organisation",
    "donor",
    "other",
]
#: Whether a plan prints its period or the transcriber inferred it.
PeriodSource = Literal["printed", "inferred"]

#: The pattern that makes a text non-blank; the checks map it to NAP205.
NON_BLANK = r"\S"


class Strict:
    """A strict str or int constraint (no coercion: YAML's `NO` stays a boolean)."""

    __slots__ = ("ge", "le", "max_length", "pattern")

    def __init__(
        self,
        pattern: str | None = None,
        max_length: int | None = None,
        ge: int | None = None,
        le: int | None = None,
    ) -> None:
        self.pattern, self.max_length, self.ge, self.le = pattern, max_length, ge, le

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema  # lazy: start-up (see the module's docstring)

        if source is int:
            return core_schema.int_schema(ge=self.ge, le=self.le, strict=True)
        return core_schema.str_schema(pattern=self.pattern, max_length=self.max_length, strict=True)


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
#: The longest code or alias: printed actor names can be long ("Commission électorale
#: nationale indépendante (CENI) et ses démembrements"), so up to 200 characters.
MAX_CODE_LENGTH = 200
Code = Annotated[str, Strict(pattern=NON_BLANK, max_length=MAX_CODE_LENGTH)]
Url = Annotated[str, Strict(pattern=NON_BLANK)]
Year = Annotated[int, Strict(ge=1900, le=2200)]


#: A date as YAML reads it unquoted (2021-03-31), or as text: YYYY, YYYY-MM or YYYY-MM-DD,
#: of a month that exists (``is_date_text`` also checks the day: no 30 February).
DATE_TEXT = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


def is_date_text(text: str) -> bool:
    """True for a real date written YYYY, YYYY-MM or YYYY-MM-DD."""
    if re.match(DATE_TEXT, text) is None:
        return False
    if len(text) == 10:
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            return False
    return True


def _real_date_text(text: str) -> str:
    if not is_date_text(text):
        raise ValueError("not a real date")
    return text


class OneOf:
    """A value of one of several plain kinds, reported as one error when it fits none.

    (A pydantic union reports one error per member: ``2020-06-30`` is neither a
    number nor text...; a reader wants one line.)
    """

    __slots__ = ("kinds", "message")

    def __init__(self, kinds: tuple[str, ...], message: str) -> None:
        self.kinds, self.message = kinds, message

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs  # lazy: start-up (as above)

        makers: dict[str, Callable[[], Any]] = {
            "bool": lambda: cs.bool_schema(strict=True),
            "int": lambda: cs.int_schema(strict=True),
            "float": lambda: cs.float_schema(strict=True, allow_inf_nan=False),
            "date": lambda: cs.date_schema(strict=True),
            "date-text": lambda: cs.no_info_after_validator_function(
                _real_date_text, cs.str_schema(pattern=DATE_TEXT, strict=True)
            ),
            "year": lambda: cs.int_schema(ge=1900, le=2200, strict=True),
            "index": lambda: cs.int_schema(ge=1, strict=True),
            "number": lambda: cs.union_schema(
                [cs.int_schema(strict=True), cs.float_schema(strict=True, allow_inf_nan=False)]
            ),
            "text": lambda: cs.str_schema(pattern=NON_BLANK, strict=True),
        }
        return cs.union_schema(
            [makers[k]() for k in self.kinds],
            custom_error_type="value_error_one_of",
            custom_error_message=self.message,
        )


Currency = Annotated[str, Strict(pattern=r"^[A-Z]{3}$")]
