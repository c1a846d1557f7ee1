"""Which review rules run: --select/--ignore over a per-repository configuration.

The configuration is the nearest ``napctl.toml`` (table ``[review]``) or
``pyproject.toml`` with a ``[tool.napctl.review]`` table, looking from the
current folder upwards, and no further than the repository's root (the
folder holding ``.git``): a file above the checkout is not the repository's
to decide. A folder's ``napctl.toml`` wins over its ``pyproject.toml``.
Keys: ``select`` (codes or prefixes), ``ignore`` (codes or prefixes, each a
text or ``{code = "NAP506", reason = "..."}``), ``strict``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from napctl.core.readfile import ReadRefusedError, read_file, text_position
from napctl.review.rules import rule_codes

#: A configuration is a few lines; the bound keeps a device or a huge file unread.
MAX_CONFIG_BYTES = 1024 * 1024
#: Arrays and inline tables nested deeper than this are refused before tomllib
#: (which recurses once per level, and fails with RecursionError) reads them.
MAX_DEPTH = 64


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

    def with_options(
        self, select: Sequence[str], ignore: Sequence[str], strict: bool
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
            raise ConfigError(
                f"{where}: {code!r} names no review rule (codes are {min(known)} to {max(known)})"
            )
    return codes


@dataclass(slots=True)
class _Found:
    path: Path
    table: dict[str, Any] = field(default_factory=dict)


def find_config(start: Path) -> _Found | None:
    """The nearest configuration from ``start`` upwards, up to the repository's root."""
    for folder in (start, *start.parents):
        for name, keys in (
            ("napctl.toml", ("review",)),
            ("pyproject.toml", ("tool", "napctl", "review")),
        ):
            path = folder / name
            if not path.exists() or path.is_dir():  # a pipe is refused, not skipped
                continue
            data: Any = read_toml(path)
            for key in keys:
                data = data.get(key) if isinstance(data, dict) else None
            if data is not None or name == "napctl.toml":
                if data is not None and not isinstance(data, dict):
                    raise ConfigError(f"{path}: [{'.'.join(keys)}] must be a table")
                return _Found(path, data or {})
        if (folder / ".git").exists():  # the repository's root: look no higher
            break
    return None


def read_toml(path: Path) -> dict[str, Any]:
    """The file's TOML, read by the bounded reader; ConfigError (``file:line:col: CODE
    message``) when it cannot be read or parsed."""
    import tomllib  # lazy: start-up (only when a configuration file is found)

    try:
        text = read_file(path, str(path), MAX_CONFIG_BYTES, kind="configuration").decode()
    except ReadRefusedError as exc:
        p = exc.problem  # --max-bytes is for plans: the advice does not apply here
        reason = p.message.removesuffix(" (raise it with --max-bytes)")
        raise ConfigError(f"{p.file}:{p.line}:{p.column}: {p.code} {reason}") from None
    except OSError as exc:
        raise ConfigError(f"{path}:0:0: NAP100 cannot read file: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}:1:1: NAP101 not UTF-8 ({exc.reason})") from None
    deep = _too_deep(text)
    if deep is not None:
        raise ConfigError(
            f"{path}:{deep[0]}:{deep[1]}: NAP114 arrays or tables nested"
            f" deeper than {MAX_DEPTH} levels"
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{path}:{_toml_position(str(exc))}: NAP103 cannot read the configuration: {exc}"
        ) from None
    except RecursionError:  # the scan above keeps this from happening
        raise ConfigError(f"{path}:1:1: NAP114 nested too deeply") from None


def _too_deep(text: str) -> tuple[int, int] | None:
    """Line and column of the first bracket or brace past MAX_DEPTH, outside strings
    and comments; None when there is none."""
    depth, quote, i = 0, "", 0
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\" and quote == '"':
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return text_position(text, i)
        elif char in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return None


def _toml_position(message: str) -> str:
    """``line:col`` from tomllib's "(at line 3, column 2)", else ``1:1``."""
    found = re.search(r"at line (\d+), column (\d+)", message)
    return f"{found.group(1)}:{found.group(2)}" if found else "1:1"


def load_config(start: Path | None = None) -> ReviewConfig:
    """The review configuration that applies in ``start`` (default: the current folder)."""
    found = find_config((start or Path.cwd()).resolve())
    if found is None:
        return ReviewConfig()
    return parse_config(found.table, found.path)


def parse_config(table: dict[str, Any], path: Path) -> ReviewConfig:
    unknown = sorted(set(table) - {"select", "ignore", "strict"})
    if unknown:
        raise ConfigError(
            f"{path}: unknown review setting {unknown[0]!r} (allowed: select, ignore, strict)"
        )
    select = table.get("select", [])
    if not isinstance(select, list) or not all(isinstance(s, str) for s in select):
        raise ConfigError(f"{path}: select must be a list of codes")
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{path}: strict must be true or false")
    return ReviewConfig(
        tuple(checked_codes(select, f"{path}: select")),
        tuple(_ignored(table.get("ignore", []), path)),
        strict,
        path,
    )


def _ignored(entries: Any, path: Path) -> list[Ignored]:
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: ignore must be a list")
    out: list[Ignored] = []
    for entry in entries:
        if isinstance(entry, str):
            out += [Ignored(c) for c in checked_codes([entry], f"{path}: ignore")]
        elif (
            isinstance(entry, dict)
            and isinstance(entry.get("code"), str)
            and set(entry) <= {"code", "reason"}
            and isinstance(entry.get("reason", ""), str)
        ):
            reason = entry.get("reason")
            out += [Ignored(c, reason) for c in checked_codes([entry["code"]], f"{path}: ignore")]
        else:
            raise ConfigError(
                f'{path}: each ignore entry is a code or {{code = "NAP5xx", reason = "..."}}'
            )
    return out
