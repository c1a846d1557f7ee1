"""Which review rules run: --select/--ignore over a per-repository configuration.

The configuration is the nearest ``napctl.toml`` (table ``[review]``) or
``pyproject.toml`` with a ``[tool.napctl.review]`` table, looking from the
current folder upwards; a folder's ``napctl.toml`` wins over its
``pyproject.toml``. Keys: ``select`` (codes or prefixes), ``ignore`` (codes or
prefixes, each a text or ``{code = "NAP506", reason = "..."}``), ``strict``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from napctl.review.rules import rule_codes


class ConfigError(Exception):
    """A configuration or a code that cannot be used (a usage error, exit 2)."""


@dataclass(frozen=True, slots=True)
class Ignored:
    code: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[Ignored, ...] = ()
    strict: bool = False
    #: The file the configuration came from, None for the defaults.
    path: Path | None = None

    def active(self, code: str) -> bool:
        """True when rule ``code`` runs: selected (or nothing selected) and not ignored."""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(i.code) for i in self.ignore)

    def with_options(self, select: Sequence[str], ignore: Sequence[str], strict: bool
                     ) -> ReviewConfig:
        """Command-line options over the file: --select replaces, --ignore adds."""
        chosen = tuple(checked_codes(select, "--select")) or self.select
        extra = tuple(Ignored(c) for c in checked_codes(ignore, "--ignore"))
        return ReviewConfig(chosen, self.ignore + extra, strict or self.strict, self.path)


def checked_codes(values: Sequence[str], where: str) -> list[str]:
    """Codes or prefixes, comma-separated or repeated; each must name a review rule."""
    codes = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    known = rule_codes()
    for code in codes:
        if not any(rule.startswith(code) for rule in known):
            raise ConfigError(f"{where}: {code!r} names no review rule"
                              f" (codes are {min(known)} to {max(known)})")
    return codes


@dataclass(slots=True)
class _Found:
    path: Path
    table: dict[str, Any] = field(default_factory=dict)


def find_config(start: Path) -> _Found | None:
    """The nearest configuration from ``start`` upwards."""
    import tomllib

    for folder in (start, *start.parents):
        for name, keys in (("napctl.toml", ("review",)),
                           ("pyproject.toml", ("tool", "napctl", "review"))):
            path = folder / name
            if not path.is_file():
                continue
            try:
                data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
            for key in keys:
                data = data.get(key) if isinstance(data, dict) else None
            if data is not None or name == "napctl.toml":
                if data is not None and not isinstance(data, dict):
                    raise ConfigError(f"{path}: [{'.'.join(keys)}] must be a table")
                return _Found(path, data or {})
    return None


def load_config(start: Path | None = None) -> ReviewConfig:
    """The review configuration that applies in ``start`` (default: the current folder)."""
    found = find_config((start or Path.cwd()).resolve())
    if found is None:
        return ReviewConfig()
    return parse_config(found.table, found.path)


def parse_config(table: dict[str, Any], path: Path) -> ReviewConfig:
    unknown = sorted(set(table) - {"select", "ignore", "strict"})
    if unknown:
        raise ConfigError(f"{path}: unknown review setting {unknown[0]!r}"
                          " (allowed: select, ignore, strict)")
    select = table.get("select", [])
    if not isinstance(select, list) or not all(isinstance(s, str) for s in select):
        raise ConfigError(f"{path}: select must be a list of codes")
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{path}: strict must be true or false")
    return ReviewConfig(tuple(checked_codes(select, f"{path}: select")),
                        tuple(_ignored(table.get("ignore", []), path)), strict, path)


def _ignored(entries: Any, path: Path) -> list[Ignored]:
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: ignore must be a list")
    out: list[Ignored] = []
    for entry in entries:
        if isinstance(entry, str):
            out += [Ignored(c) for c in checked_codes([entry], f"{path}: ignore")]
        elif (isinstance(entry, dict) and isinstance(entry.get("code"), str)
              and set(entry) <= {"code", "reason"}
              and isinstance(entry.get("reason", ""), str)):
            reason = entry.get("reason")
            out += [Ignored(c, reason) for c in checked_codes([entry["code"]],
                                                              f"{path}: ignore")]
        else:
            raise ConfigError(f"{path}: each ignore entry is a code or"
                              ' {code = "NAP5xx", reason = "..."}')
    return out
