"""What a user's templates may do: read only their own folder, and use bounded time
and memory.

A template folder comes from outside napctl. Its templates are loaded only
from inside it (a link to a file outside, such as ``/proc/self/environ``, is
refused), they run in Jinja's immutable sandbox, and their rendering has:

- ``CPU_SECONDS`` of CPU time (a loop nested in a loop in a loop ends there);
- ``MEMORY_BYTES`` of address space above what napctl already uses (Linux);
- no ``*`` or ``**`` whose result would exceed ``MAX_RESULT`` characters or
  items, nor a format width or precision over ``MAX_WIDTH``.

Exceeding any of them is a RenderError with one line saying which (exit 2).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

CPU_SECONDS = 10.0
MEMORY_BYTES = 1 << 30
MAX_RESULT = 1_000_000
MAX_WIDTH = 10_000
_WIDE = re.compile(r"%[-+ #0]*(\d+)|\.(\d+)|\{[^{}]*:[^{}]*?(\d{5,})[^{}]*\}|%[-+ #0]*\d*\.(\d+)")


class RenderLimit(Exception):
    """A user's template went over one of the bounds above."""


class FolderLoader(FileSystemLoader):
    """Templates from one folder, never from outside it (links out are refused)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.root = Path(os.path.realpath(folder))

    def get_source(self, environment: Environment, template: str) -> Any:
        source = super().get_source(environment, template)
        real = Path(os.path.realpath(source[1]))
        if not real.is_relative_to(self.root):
            raise SecurityError(
                f"template {template} is a link to {real}, outside the template folder {self.root}"
            )
        return source

    def list_templates(self) -> list[str]:  # pragma: no cover - not used by napctl
        raise TemplateNotFound("listing")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, refusing results too large to be a document."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, (str, list, tuple))
                    and isinstance(times, int)
                    and len(seq) * times > MAX_RESULT
                ):
                    raise RenderLimit(
                        f"'*' would make {len(seq) * times:,} items, over {MAX_RESULT:,}"
                    )
        if (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and abs(right) > 1000
            and abs(left) > 1
        ):
            raise RenderLimit(f"'**' with an exponent of {right:,} is over 1,000")
        if operator == "%" and isinstance(left, str):
            _check_widths(left)
        return super().call_binop(context, operator, left, right)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        target = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        text = getattr(target, "__self__", None)
        if isinstance(text, str) and getattr(target, "__name__", "") in ("format", "format_map"):
            _check_widths(text)
        return super().call(__context, __obj, *args, **kwargs)


def _bounded_filter(name: str, func: Any) -> Any:
    """``func`` refusing sizes over MAX_RESULT (center, indent, wordwrap, batch, ...)."""

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args[1:], kwargs)
        if name == "format" and args and isinstance(args[0], str):
            _check_widths(args[0])
        return func(*args, **kwargs)

    return checked


def _check_arguments(args: Any, kwargs: Any) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_RESULT:
            raise RenderLimit(
                f"an argument of {value:,} is over {MAX_RESULT:,}"
                " (range, center, indent, wordwrap ...)"
            )


def _check_widths(fmt: str) -> None:
    for match in _WIDE.finditer(fmt):
        width = next((g for g in match.groups() if g), "0")
        if int(width) > MAX_WIDTH:
            raise RenderLimit(f"a format width of {int(width):,} is over {MAX_WIDTH:,}")


@contextlib.contextmanager
def bounded(active: bool = True) -> Iterator[None]:
    """CPU time and memory bounds around a user's template (main thread, POSIX)."""
    if (
        not active
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "ITIMER_VIRTUAL")
    ):
        yield
        return

    def out_of_time(signum: int, frame: Any) -> None:
        raise RenderLimit(f"rendering took more than {CPU_SECONDS:g} s of CPU time")

    previous = signal.signal(signal.SIGVTALRM, out_of_time)
    signal.setitimer(signal.ITIMER_VIRTUAL, CPU_SECONDS)
    memory = _limit_memory()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
        if memory is not None:
            import resource  # lazy: POSIX only

            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_AS, memory)


def _limit_memory() -> tuple[int, int] | None:
    """Lower the soft address-space limit to now + MEMORY_BYTES; the old limits."""
    try:
        import resource  # lazy: POSIX only

        pages = int(Path("/proc/self/statm").read_text().split()[0])
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = pages * os.sysconf("SC_PAGE_SIZE") + MEMORY_BYTES
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        if soft != resource.RLIM_INFINITY and soft <= wanted:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
        return soft, hard
    except (ImportError, OSError, ValueError, IndexError):
        return None
