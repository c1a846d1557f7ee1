"""Where the plans are: --plans, then $NAPCTL_PLANS, then plans/ here or in a folder above
(up to the repository's root, as git finds ``.git``), then the bundled ones (never in CI)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

ENV_VAR = "NAPCTL_PLANS"
PROGRESS_ENV_VAR = "NAPCTL_PROGRESS"
PROGRESS_FOLDER = "progress"
ASSESSMENTS_ENV_VAR = "NAPCTL_ASSESSMENTS"
ASSESSMENTS_FOLDER = "assessments"
_PACKAGE = Path(__file__).resolve().parent.parent  # src/napctl


class PathNotFound(Exception):
    """A plan path given by the user does not exist (a usage error, exit 2)."""

    @property
    def message(self) -> str:
        return f"no such file or folder: {self}"


class BundledPlansRefused(PathNotFound):
    """In CI (``$CI`` set) nothing named the plans: the bundled ones must not stand in."""

    @property
    def message(self) -> str:
        return (
            "CI is set and no plans were named: no --plans, no $NAPCTL_PLANS and no"
            " plans/ folder here or above; name yours with --plans PATH (the bundled"
            f" plans: --plans {bundled_dir('plans')})"
        )


#: What napctl says on stderr whenever the bundled plans are the ones read.
BUNDLED_NOTICE = (
    "napctl: using the plans bundled with napctl (no ./plans here; --plans PATH names yours)"
)


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
    local = find_up("plans", cwd)
    if local is not None:
        return [local]
    if os.environ.get("CI", "").strip():
        raise BundledPlansRefused("")
    return [bundled_dir("plans")]


def progress_roots(explicit: Sequence[str] = (), *, cwd: Path | None = None) -> list[Path]:
    """--progress PATH..., else $NAPCTL_PROGRESS, else progress/ here or above, else none."""
    named = _named_roots(explicit, PROGRESS_ENV_VAR)
    if named is not None:
        return named
    local = find_up(PROGRESS_FOLDER, cwd)
    return [local] if local is not None else []


def assessment_roots(explicit: Sequence[str] = (), *, cwd: Path | None = None) -> list[Path]:
    """--assessments PATH..., else $NAPCTL_ASSESSMENTS, else assessments/ here or above."""
    named = _named_roots(explicit, ASSESSMENTS_ENV_VAR)
    if named is not None:
        return named
    local = find_up(ASSESSMENTS_FOLDER, cwd)
    return [local] if local is not None else []


def default_assessments_out(explicit: Sequence[str] = ()) -> Path:
    """Where `assess init` writes: the first assessments root, else ./assessments."""
    if explicit:
        return Path(explicit[0])
    env = [p for p in os.environ.get(ASSESSMENTS_ENV_VAR, "").split(os.pathsep) if p.strip()]
    return Path(env[0]) if env else Path(ASSESSMENTS_FOLDER)


def default_progress_out(explicit: Sequence[str] = ()) -> Path:
    """Where `progress init` writes: the first progress root, else ./progress."""
    if explicit:
        return Path(explicit[0])
    env = [p for p in os.environ.get(PROGRESS_ENV_VAR, "").split(os.pathsep) if p.strip()]
    return Path(env[0]) if env else Path(PROGRESS_FOLDER)


def uses_bundled(explicit: Sequence[str], roots: Sequence[Path]) -> bool:
    """Whether napctl fell back on the plans it ships (nothing named any plans)."""
    named = bool(explicit) or bool(os.environ.get(ENV_VAR, "").strip())
    return not named and list(roots) == [bundled_dir("plans")]


def find_up(name: str, cwd: Path | None = None) -> Path | None:
    """The folder ``name`` in ``cwd`` or the nearest folder above that holds one, looking
    no higher than the first folder that holds ``.git`` (the repository's root).

    Returned relative (``plans``, ``../../plans``) so that messages name files as
    the user would from where they are.
    """
    here = Path(cwd) if cwd is not None else Path(".")
    start = here.resolve()
    for depth, folder in enumerate([start, *start.parents]):
        candidate = folder / name
        if candidate.is_dir():
            return here.joinpath(*([".."] * depth), name) if depth else here / name
        if (folder / ".git").exists():
            return None
    return None


def plan_files(roots: Sequence[Path]) -> list[Path]:
    """Every plan file under ``roots``: files as given, folders searched for *.yaml/*.yml."""
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            found = [
                p
                for p in root.rglob("*")
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
