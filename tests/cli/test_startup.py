"""The registry of command modules: one per command, imported only when needed."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from napctl.cli import app
from napctl.cli.startup import COMMAND_MODULES, app_for


def _name(command: Any) -> str:
    return str(command.name or command.callback.__name__.replace("_", "-"))


def test_the_full_app_lists_the_commands_in_the_registry_order() -> None:
    names = [_name(c) for c in app.registered_commands]
    assert names + [g.name for g in app.registered_groups] == list(COMMAND_MODULES)


def test_each_command_is_defined_in_its_own_module() -> None:
    for command in app.registered_commands:
        assert command.callback.__module__ == COMMAND_MODULES[_name(command)]
    for group in app.registered_groups:
        sub: Any = group.typer_instance
        modules = {c.callback.__module__ for c in sub.registered_commands}
        assert modules == {COMMAND_MODULES[str(group.name)]}


@pytest.mark.parametrize("name", ["actions", "render", "import"])
def test_a_command_imports_its_module_only(name: str) -> None:
    code = (
        "import json, sys\n"
        "from napctl.cli import app_for\n"
        f"app_for([{name!r}, '--help'])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('napctl.cli.'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out))
    assert COMMAND_MODULES[name] in loaded
    assert loaded.isdisjoint(m for n, m in COMMAND_MODULES.items() if n != name)


def test_the_order_holds_when_a_module_was_imported_first() -> None:
    code = (
        "import json\n"
        "import napctl.cli.status, napctl.cli.progress, napctl.cli.actions\n"
        "from napctl.cli.startup import full_app\n"
        "app = full_app()\n"
        "print(json.dumps([c.name or c.callback.__name__.replace('_', '-')"
        " for c in app.registered_commands] + [g.name for g in app.registered_groups]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == list(COMMAND_MODULES)


def test_an_unknown_word_gets_the_full_app() -> None:
    assert app_for(["nonsense"]) is app
    assert app_for(["--version"]) is app
