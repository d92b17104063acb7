"""The project installs and runs the way the README says, and its two version files agree."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text())


def _readme_commands() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", (REPO / "README.md").read_text(), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line and not line.startswith("#")]


def test_ci_runs_the_readme_test_command():
    test_commands = [c for c in _readme_commands() if "pytest" in c]
    assert len(test_commands) == 1, test_commands
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert test_commands[0] in ci, f"{test_commands[0]!r} not a line of .ci/run"


def test_environment_yml_agrees_with_pyproject():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    project = _pyproject()["project"]
    assert "conda-forge" in env["channels"]
    deps = env["dependencies"]
    python = [d for d in deps if isinstance(d, str) and d.startswith("python=")]
    assert len(python) == 1, "environment.yml must pin one Python minor version"
    major, minor = map(int, python[0].split("=")[1].split(".")[:2])
    floor = re.match(r">=\s*(\d+)\.(\d+)", project["requires-python"])
    assert (major, minor) >= (int(floor[1]), int(floor[2])), "conda's Python is below requires-python"
    pip = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    # conda installs the package itself with its notebook extras: versions come from pyproject only
    installs = [line for line in pip if re.fullmatch(r"(-e\s+)?\.(\[[\w,]+\])?", line)]
    assert len(installs) == 1, f"environment.yml must pip-install the package itself: {pip}"
    extras = re.search(r"\[([\w,]+)\]", installs[0])[1].split(",")
    assert "notebooks" in extras and set(extras) <= set(project["optional-dependencies"])
    assert not [line for line in pip if line not in installs], "pin versions in pyproject.toml, not here"
    conda_pkgs = {re.split(r"[=<>]", d)[0] for d in deps if isinstance(d, str)}
    assert conda_pkgs <= {"python", "pip"}, f"versions belong in pyproject.toml: {conda_pkgs}"


def test_torch_stays_permissive_for_colab():
    deps = _pyproject()["project"]["dependencies"]
    torch = [d for d in deps if re.match(r"torch\b", d)]
    assert torch and "==" not in torch[0], torch


def test_cli_help_lists_subcommands():
    out = subprocess.run(
        [sys.executable, "-m", "stepcoder_lite", "--help"], capture_output=True, text=True, check=True
    ).stdout
    from stepcoder_lite.cli import build_parser

    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    commands = list(subparsers.choices)
    assert "data" in commands
    for command in commands:
        # every subcommand carries a line of help text
        assert re.search(rf"^\s+{command}\s+\S", out, flags=re.M), f"no help text for {command!r}"
