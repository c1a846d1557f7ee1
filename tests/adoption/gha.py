"""Run a GitHub Actions workflow's jobs here, the way a runner would, so that recipes are
executed rather than admired.

Each ``run:`` step is run as written by ``bash --noprofile --norc -eo pipefail`` in the
workspace, with the variables a runner sets (``CI``, ``GITHUB_*``, ``RUNNER_TEMP``) and the
files it reads back (``GITHUB_OUTPUT``, ``GITHUB_ENV``, ``GITHUB_PATH``,
``GITHUB_STEP_SUMMARY``). ``if:`` conditions, ``needs``, ``env`` and ``with`` are
evaluated (tests/adoption/expressions.py). A ``uses:`` step is run by a handler the test
names: the few actions the recipes use are emulated (checkout: the workspace is the
repository already; setup-python: puts a prepared Python first on PATH; upload and
download of artifacts: kept in a folder); a composite action (napctl's own action.yml)
is run step by step like a job. Whatever a recipe uses that this runner does not know is
an error, so a recipe cannot pass by being skipped.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.adoption.expressions import condition, interpolate, to_text


def load_yaml(path: Path) -> dict[str, Any]:
    """A workflow or action file. YAML 1.1 reads the key ``on`` as true: put it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    if True in data:
        data["on"] = data.pop(True)
    return data


def triggers(workflow: Mapping[str, Any]) -> dict[str, Any]:
    """The events a workflow runs on, each with its filters (or None)."""
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    return dict(on)


def text(value: Any, context: Mapping[str, Any]) -> str:
    """A YAML value as the string a runner passes on (env, with:, run:)."""
    if isinstance(value, str):
        return interpolate(value, context)
    return to_text(value)


@dataclass
class StepResult:
    name: str
    outcome: str  # success, failure or skipped
    output: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass
class JobResult:
    job: str
    steps: list[StepResult] = field(default_factory=list)
    summary: str = ""
    outputs: dict[str, str] = field(default_factory=dict)
    result: str = "success"  # success, failure or skipped

    @property
    def output(self) -> str:
        return "".join(s.output for s in self.steps)

    def step(self, name: str) -> StepResult:
        found = [s for s in self.steps if name in s.name]
        assert len(found) == 1, (name, [s.name for s in self.steps])
        return found[0]


#: Runs a ``uses:`` step: (runner, the step's with: evaluated, the job) -> outcome.
UsesHandler = Callable[["Runner", dict[str, str], "JobState"], str]


@dataclass
class JobState:
    """What the steps of one job share: PATH additions, GITHUB_ENV values, results."""

    name: str
    env: dict[str, str]
    path: list[str] = field(default_factory=list)
    result: JobResult = field(default_factory=lambda: JobResult(""))
    failed: bool = False


@dataclass
class Runner:
    """One machine running the jobs of a workflow in ``workspace``."""

    workspace: Path
    temp: Path
    event_name: str
    event: dict[str, Any] = field(default_factory=dict)
    ref: str = "refs/heads/main"
    env: dict[str, str] = field(default_factory=dict)
    #: Handlers of ``uses:``, by the action's name before ``@`` (``actions/checkout``).
    uses: dict[str, UsesHandler] = field(default_factory=dict)
    #: Artifacts uploaded by earlier jobs, by name.
    artifacts: dict[str, Path] = field(default_factory=dict)
    timeout: float = 900
    #: RUNNER_TEMP, when several jobs share one (default: a folder of this runner's).
    runner_temp: Path | None = None
    #: The ref of the ``uses:`` being run (``v0.1.0`` of ``OWNER/napctl@v0.1.0``).
    uses_ref: str = ""

    def base_env(self) -> dict[str, str]:
        """The environment a hosted runner starts a step with (before PATH additions)."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("NAPCTL_", "GITHUB_", "RUNNER_", "PYTHON", "VIRTUAL_ENV"))
        }
        # The test's own environment must not lend napctl to a recipe that forgot to
        # install it: PATH keeps the system folders only.
        env["PATH"] = os.pathsep.join(
            p
            for p in os.environ.get("PATH", "").split(os.pathsep)
            if p and not (Path(p) / "napctl").exists()
        )
        payload = self.temp / "event.json"
        payload.write_text(json.dumps(self.event), encoding="utf-8")
        ref_name = (
            self.ref.rsplit("/", 1)[-1]
            if self.ref.startswith("refs/tags/")
            else self.ref.removeprefix("refs/heads/")
        )
        env.update(
            {
                "CI": "true",
                "GITHUB_ACTIONS": "true",
                "GITHUB_WORKSPACE": str(self.workspace),
                "GITHUB_EVENT_NAME": self.event_name,
                "GITHUB_EVENT_PATH": str(payload),
                "GITHUB_REF": self.ref,
                "GITHUB_REF_NAME": ref_name,
                "GITHUB_REF_TYPE": "tag" if self.ref.startswith("refs/tags/") else "branch",
                "GITHUB_SHA": self.sha(),
                "GITHUB_REPOSITORY": "example/plans",
                "GITHUB_SERVER_URL": "https://github.com",
                "RUNNER_OS": "Linux",
                "RUNNER_TEMP": str(self.runner_temp or self.temp / "runner"),
                # napctl's cache in this run's folder, as on a fresh runner (pip's stays).
                "NAPCTL_CACHE_DIR": str(self.temp / "napctl-cache"),
            }
        )
        Path(env["RUNNER_TEMP"]).mkdir(exist_ok=True)
        env.update(self.env)
        return env

    def sha(self) -> str:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=self.workspace,
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.strip()

    def context(self, state: JobState, **extra: Any) -> dict[str, Any]:
        github = {
            "event_name": self.event_name,
            "event": self.event,
            "ref": self.ref,
            "ref_name": state.env["GITHUB_REF_NAME"],
            "ref_type": state.env["GITHUB_REF_TYPE"],
            "sha": state.env["GITHUB_SHA"],
            "workspace": str(self.workspace),
            "repository": state.env["GITHUB_REPOSITORY"],
            "server_url": "https://github.com",
            "action_path": extra.pop("action_path", ""),
        }
        return {
            "github": github,
            "env": dict(state.env),
            "runner": {"temp": state.env["RUNNER_TEMP"], "os": "Linux"},
            "secrets": {},
            "vars": {},
            "matrix": {},
            "strategy": {},
            "job": {},
            "steps": {},
            "needs": {},
            "inputs": {},
            **extra,
        }

    # -- workflows ---------------------------------------------------------------------

    def run_workflow(self, workflow: Mapping[str, Any]) -> dict[str, JobResult]:
        """Every job of ``workflow`` for this event, in the order ``needs`` gives."""
        events = triggers(workflow)
        assert self.event_name in events, f"the workflow does not run on {self.event_name}"
        filters = events[self.event_name]
        if self.event_name == "push" and isinstance(filters, dict) and "tags" in filters:
            tag = self.ref.removeprefix("refs/tags/")
            assert any(fnmatch.fnmatchcase(tag, p) for p in filters["tags"]), tag
        jobs: dict[str, Any] = workflow["jobs"]
        done: dict[str, JobResult] = {}
        while len(done) < len(jobs):
            ready = [j for j in jobs if j not in done and all(n in done for n in _needs(jobs[j]))]
            assert ready, "needs form a cycle"
            for job in ready:
                done[job] = self.run_job(workflow, job, done)
        return done

    def run_job(
        self, workflow: Mapping[str, Any], job_id: str, done: Mapping[str, JobResult] | None = None
    ) -> JobResult:
        job = workflow["jobs"][job_id]
        for unsupported in ("strategy", "container", "services", "uses"):
            assert unsupported not in job, f"{job_id}: {unsupported} is not emulated here"
        done = done or {}
        state = JobState(job_id, self.base_env(), result=JobResult(job_id))
        needs = {n: {"result": done[n].result, "outputs": done[n].outputs} for n in _needs(job)}
        context = self.context(state, needs=needs)
        needs_ok = all(done[n].result == "success" for n in _needs(job))
        status = {"success": needs_ok, "failure": not needs_ok, "always": True, "cancelled": False}
        if not condition(job.get("if"), context, status):
            state.result.result = "skipped"
            return state.result
        for scope in (workflow.get("env", {}), job.get("env", {})):
            for key, value in scope.items():
                state.env[key] = text(value, self.context(state, needs=needs))
        defaults = {
            **workflow.get("defaults", {}).get("run", {}),
            **job.get("defaults", {}).get("run", {}),
        }
        steps_context: dict[str, Any] = {}
        for number, step in enumerate(job["steps"]):
            self.run_step(step, number, state, steps_context, defaults, needs=needs)
        state.result.result = "failure" if state.failed else "success"
        context = self.context(state, steps=steps_context, needs=needs)
        state.result.outputs = {k: text(v, context) for k, v in job.get("outputs", {}).items()}
        return state.result

    def run_step(
        self,
        step: Mapping[str, Any],
        number: int,
        state: JobState,
        steps_context: dict[str, Any],
        defaults: Mapping[str, Any],
        *,
        inputs: Mapping[str, str] | None = None,
        action_path: str = "",
        needs: Mapping[str, Any] | None = None,
    ) -> None:
        name = str(step.get("name") or step.get("uses") or step.get("run", "")).strip()
        name = name.splitlines()[0] if name else f"step {number}"
        extra: dict[str, Any] = {"steps": steps_context, "needs": needs or {}}
        if inputs is not None:
            extra["inputs"] = dict(inputs)
        context = self.context(state, action_path=action_path, **extra)
        status = {
            "success": not state.failed,
            "failure": state.failed,
            "always": True,
            "cancelled": False,
        }
        if not condition(step.get("if"), context, status):
            state.result.steps.append(StepResult(name, "skipped"))
            if "id" in step:
                steps_context[step["id"]] = {
                    "outputs": {},
                    "outcome": "skipped",
                    "conclusion": "skipped",
                }
            return
        env = dict(state.env)
        if action_path:
            env["GITHUB_ACTION_PATH"] = action_path
        for key, value in step.get("env", {}).items():
            env[key] = text(value, context)
        env["PATH"] = os.pathsep.join([*reversed(state.path), env["PATH"]])
        files = {
            key: self.temp / f"{key.lower()}-{state.name}-{number}-{len(state.result.steps)}"
            for key in ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")
        }
        for key, path in files.items():
            path.write_text("", encoding="utf-8")
            env[key] = str(path)
        if "uses" in step:
            outcome, output = self.run_uses(step, context, state)
        else:
            outcome, output = self.run_script(step, context, env, defaults)
        outputs = _key_values(files["GITHUB_OUTPUT"].read_text(encoding="utf-8"))
        state.env.update(_key_values(files["GITHUB_ENV"].read_text(encoding="utf-8")))
        state.path += [
            p for p in files["GITHUB_PATH"].read_text(encoding="utf-8").splitlines() if p.strip()
        ]
        state.result.summary += files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")
        if outcome == "failure" and step.get("continue-on-error") is True:
            conclusion = "success"
        else:
            conclusion = outcome
        if conclusion == "failure":
            state.failed = True
        state.result.steps.append(StepResult(name, outcome, output, outputs))
        if "id" in step:
            steps_context[step["id"]] = {
                "outputs": outputs,
                "outcome": outcome,
                "conclusion": conclusion,
            }

    def run_script(
        self,
        step: Mapping[str, Any],
        context: Mapping[str, Any],
        env: dict[str, str],
        defaults: Mapping[str, Any],
    ) -> tuple[str, str]:
        shell = step.get("shell", defaults.get("shell", "bash"))
        assert shell == "bash", f"only bash is emulated, not {shell}"
        script = text(step["run"], context)
        path = self.temp / "step.sh"
        path.write_text(script, encoding="utf-8")
        folder = step.get("working-directory", defaults.get("working-directory"))
        cwd = self.workspace / text(folder, context) if folder else self.workspace
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(path)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=self.timeout,
            check=False,
        )
        output = f"$ {script}{done.stdout}{done.stderr}"
        return ("success" if done.returncode == 0 else "failure"), output

    def run_uses(
        self, step: Mapping[str, Any], context: Mapping[str, Any], state: JobState
    ) -> tuple[str, str]:
        action = str(step["uses"])
        name = action.split("@", 1)[0]
        handler = self.uses.get(name)
        assert handler is not None, f"no handler for uses: {action}"
        inputs = {k: text(v, context) for k, v in step.get("with", {}).items()}
        self.uses_ref = action.partition("@")[2]
        outcome = handler(self, inputs, state)
        return outcome, f"uses: {action} -> {outcome}\n"

    # -- composite actions -------------------------------------------------------------

    def run_composite(self, action_dir: Path, inputs: Mapping[str, str], state: JobState) -> str:
        """Run ``action_dir/action.yml`` (``runs.using: composite``) as a step of ``state``'s
        job: its steps share the job's PATH and env, with ``inputs`` and the action's path."""
        action = load_yaml(action_dir / "action.yml")
        assert action["runs"]["using"] == "composite"
        declared: dict[str, Any] = action.get("inputs", {})
        unknown = set(inputs) - set(declared)
        assert not unknown, f"inputs the action does not declare: {sorted(unknown)}"
        values = {}
        for key, spec in declared.items():
            if key in inputs:
                values[key] = inputs[key]
            else:
                assert not spec.get("required") or "default" in spec, f"input {key} is required"
                values[key] = to_text(spec.get("default", ""))
        inner = JobState(state.name, state.env, state.path, state.result, failed=False)
        steps_context: dict[str, Any] = {}
        for number, step in enumerate(action["runs"]["steps"]):
            if "run" in step:
                assert "shell" in step, "a composite action's run steps must name their shell"
            self.run_step(
                step,
                100 + number,
                inner,
                steps_context,
                {},
                inputs=values,
                action_path=str(action_dir),
            )
        state.path = inner.path
        return "failure" if inner.failed else "success"


def _needs(job: Mapping[str, Any]) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def _key_values(content: str) -> dict[str, str]:
    """NAME=value lines and NAME<<DELIMITER blocks, as GITHUB_OUTPUT and GITHUB_ENV hold."""
    values: dict[str, str] = {}
    lines = content.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            key, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, i + 1)
            values[key] = "\n".join(lines[i + 1 : end])
            i = end + 1
            continue
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
        i += 1
    return values


# -- the actions the recipes use -----------------------------------------------------------


def checkout(runner: Runner, inputs: dict[str, str], state: JobState) -> str:
    """The workspace is a clone of the repository already (the test made it)."""
    assert (runner.workspace / ".git").exists()
    return "success"


def setup_python(python_bin: Path) -> UsesHandler:
    """actions/setup-python: a prepared Python (3.11 or later) first on PATH."""

    def handler(runner: Runner, inputs: dict[str, str], state: JobState) -> str:
        version = inputs.get("python-version", "")
        assert version == "" or tuple(int(x) for x in version.split(".")[:2]) >= (3, 11), version
        state.path.append(str(python_bin))
        return "success"

    return handler


def upload_artifact(runner: Runner, inputs: dict[str, str], state: JobState) -> str:
    source = runner.workspace / inputs["path"]
    files = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
    if not files:
        return "failure"  # if-no-files-found: warn would pass; the recipes mean it
    target = runner.temp / "artifacts" / inputs.get("name", "artifact")
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    runner.artifacts[inputs.get("name", "artifact")] = target
    return "success"


def download_artifact(runner: Runner, inputs: dict[str, str], state: JobState) -> str:
    source = runner.artifacts.get(inputs.get("name", "artifact"))
    if source is None:
        return "failure"
    shutil.copytree(source, runner.workspace / inputs.get("path", "."), dirs_exist_ok=True)
    return "success"
