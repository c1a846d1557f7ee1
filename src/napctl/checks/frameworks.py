"""The indicator frameworks shipped with napctl (``napctl/data/frameworks/*.yaml``).

The UN global indicators of S/2010/498 (``un-26``) and the EU indicators of the
Council documents 11948/10 and 12525/16 (``eu-17``), each a code list with its
source. A list transcribed in part says so (``complete: false``) and names the
range of numbers its document uses, so a plan may cite any of them. In the
checks layer: the plan rules check ``references:`` against these lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent.parent / "data" / "frameworks"
FRAMEWORK_IDS = ("un-26", "eu-17")
_NUMBER = re.compile(r"^([0-9]+)([a-z]?)$")


class FrameworkError(ValueError):
    """A framework napctl does not ship, or a broken framework file."""


@dataclass(frozen=True, slots=True)
class FrameworkIndicator:
    id: str
    text: str
    pillar: str | None = None


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    title: str
    aliases: tuple[str, ...]
    source: dict[str, Any]
    complete: bool
    first: int
    last: int
    missing: str | None
    indicators: dict[str, FrameworkIndicator] = field(default_factory=dict)

    def knows(self, number: str) -> bool | None:
        """True: listed; None: a number of the document whose text napctl does not ship;
        False: the document has no such indicator."""
        key = str(number).strip().lower()
        if key in self.indicators:
            return True
        found = _NUMBER.match(key)
        if self.complete or found is None:
            return False
        return None if self.first <= int(found[1]) <= self.last else False


def framework_id(name: str) -> str | None:
    """``un-26`` for ``un-26`` or its alias ``un-s-2010-498`` (the plan format's names)."""
    for known in FRAMEWORK_IDS:
        if name == known or name in load_framework(known).aliases:
            return known
    return None


@cache
def load_framework(name: str) -> Framework:
    """The framework ``name`` (an id or an alias); FrameworkError when napctl has none."""
    if name not in FRAMEWORK_IDS:
        known = next((k for k in FRAMEWORK_IDS if name in load_framework(k).aliases), None)
        if known is None:
            raise FrameworkError(
                f"no indicator framework '{name}'; napctl ships {', '.join(FRAMEWORK_IDS)}"
            )
        return load_framework(known)
    # Imported here: the plan rules import this module, and a query answered from the
    # cache runs them without ever loading YAML (start-up time).
    from napctl.yaml.safe import load_yaml_file

    doc = load_yaml_file(str(FOLDER / f"{name}.yaml"), kind="framework")
    data = doc.data
    if data is None:
        raise FrameworkError(f"the framework file of '{name}' cannot be read")
    items = {
        str(i["id"]).lower(): FrameworkIndicator(str(i["id"]), str(i["text"]), i.get("pillar"))
        for i in data.get("indicators") or []
    }
    numbers = data.get("numbers") or {}
    return Framework(
        id=str(data["id"]),
        title=str(data["title"]),
        aliases=tuple(data.get("aliases") or ()),
        # Dates as text: the source is printed and written as JSON as it stands.
        source={k: None if v is None else str(v) for k, v in (data.get("source") or {}).items()},
        complete=bool(data.get("complete")),
        first=int(numbers.get("first", 1)),
        last=int(numbers.get("last", 0)),
        missing=data.get("missing"),
        indicators=items,
    )
