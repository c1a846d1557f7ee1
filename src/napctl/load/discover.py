"""Where the plans are: --plans, then $NAPCTL_PLANS, then ./plans, then the bundled ones."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

ENV_VAR = "NAPCTL_PLANS"
PROGRESS_ENV_VAR = "NAPCTL_PROGRESS"
PROGRESS_FOLDER = "progress"
_PACKAGE = Path(__file__).resolve().parent.parent  # src/napctl


class PathNotFound(Exception):
    """A plan path given by the user does not exist (a usage error, exit 2)."""


def bundled_dir(name: str) -> Path:
    """A data folder shipped with napctl: in the wheel, or in a source checkout."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / name  # src/napctl -> repository root


def _named_roots(explicit: Sequence[str], env_var: str) -> list[Path] | None:
    """The paths given on the command line, else in ``env_var``; None when neither."""
    if explicit:
        return [Path(p) for p in explicit]
    env = os.environ.get(env_var, "").strip()
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    return None


def plan_roots(explicit: Sequence[str] = (), *, cwd: Path | None = None) -> list[Path]:
    """The files or folders to read plans from, in the order of precedence."""
    named = _named_roots(explicit, ENV_VAR)
    if named is not None:
        return named
    local = cwd / "plans" if cwd is not None else Path("plans")
    if local.is_dir():
        return [local]
    return [bundled_dir("plans")]


def progress_roots(explicit: Sequence[str] = (), *, cwd: Path | None = None) -> list[Path]:
    """--progress PATH..., else $NAPCTL_PROGRESS, else ./progress when it exists, else none."""
    named = _named_roots(explicit, PROGRESS_ENV_VAR)
    if named is not None:
        return named
    local = (cwd or Path(".")) / PROGRESS_FOLDER
    return [local] if local.is_dir() else []


def default_progress_out(explicit: Sequence[str] = ()) -> Path:
    """Where `progress init` writes: the first progress root, else ./progress."""
    if explicit:
        return Path(explicit[0])
    env = [p for p in os.environ.get(PROGRESS_ENV_VAR, "").split(os.pathsep) if p.strip()]
    return Path(env[0]) if env else Path(PROGRESS_FOLDER)


def plan_files(roots: Sequence[Path]) -> list[Path]:
    """Every plan file under ``roots``: files as given, folders searched for *.yaml/*.yml."""
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            found = [
                p for p in root.rglob("*")
                if p.suffix in (".yaml", ".yml")
                and not any(part.startswith(".") for part in p.relative_to(root).parts)
                and p.is_file()
            ]
            files.extend(sorted(found))
        elif root.exists():
            files.append(root)
        else:
            raise PathNotFound(str(root))
    return files


def display_path(path: Path) -> str:
    """The path as the user gave it (plus the part found below a folder they gave)."""
    return str(path)
