"""The project installs and runs the way the README says, and its two version files agree."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
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


# --------------------------------------------------------------------------- shipped data


def test_pyproject_lists_every_subpackage():
    """The package list is written out (setuptools' find cannot see the mapped data/): keep it whole."""
    from setuptools import find_packages

    listed = _pyproject()["tool"]["setuptools"]["packages"]
    on_disk = find_packages(where=str(REPO), include=["stepcoder_lite*"])
    assert sorted(listed) == sorted(on_disk + ["stepcoder_lite._data"])
    assert _pyproject()["tool"]["setuptools"]["package-dir"] == {"stepcoder_lite._data": "data"}


def test_package_data_patterns_cover_what_the_package_reads():
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["stepcoder_lite._data"]
    shipped = {p.relative_to(REPO / "data").as_posix() for pattern in patterns for p in (REPO / "data").glob(pattern)}
    assert {"model/config.json", "model/tokenizer.json", "model/model.safetensors", "handwritten.jsonl"} <= shipped
    assert not [p for p in shipped if p.startswith("handwritten/")], "the set's build scripts do not ship"


def test_find_data_dir_prefers_override_then_installed_copy_then_checkout(tmp_path):
    from stepcoder_lite import find_data_dir

    package = tmp_path / "site" / "stepcoder_lite"
    package.mkdir(parents=True)
    (tmp_path / "site" / "data").mkdir()  # a stray data/ beside an installed package: never used
    assert find_data_dir(package, {}) == tmp_path / "site" / "data"  # a checkout: data/ beside the package
    (package / "_data").mkdir()
    assert find_data_dir(package, {}) == package / "_data"  # a wheel install
    assert find_data_dir(package, {"STEPCODER_DATA": "/elsewhere"}) == Path("/elsewhere")
    assert find_data_dir(package, {"STEPCODER_DATA": ""}) == package / "_data"  # empty = unset


def test_checkout_reads_the_repository_data_folder():
    import stepcoder_lite
    from stepcoder_lite.model import resolve_model_path

    if os.environ.get("STEPCODER_DATA"):
        assert stepcoder_lite.DATA_DIR == Path(os.environ["STEPCODER_DATA"])
    else:
        assert stepcoder_lite.DATA_DIR == REPO / "data"
        assert resolve_model_path("tiny") == str(REPO / "data" / "model")


# --------------------------------------------------------------------------- one repository address


def _sync_script():
    spec = importlib.util.spec_from_file_location("sync_setup_cells", REPO / "notebooks" / "sync_setup_cells.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_notebooks_and_readme_agree_with_the_project_url():
    sync = _sync_script()
    url = _pyproject()["project"]["urls"]["Repository"]
    assert sync.repo_url(REPO) == url
    assert sync.sync(REPO, write=False) == [], "run `python notebooks/sync_setup_cells.py`"
    assert f"{sync.colab_prefix(url)}01_dataset.ipynb" in (REPO / "README.md").read_text()


def test_sync_rewrites_badge_and_setup_cell_only(tmp_path):
    """A fork's address lands in the badge and the setup cell; outputs, ids and metadata stay."""
    import nbformat

    sync = _sync_script()
    path = tmp_path / "03_model.ipynb"
    shutil.copy(REPO / "notebooks" / "03_model.ipynb", path)
    before = nbformat.read(path, as_version=4)
    fork = "https://github.com/someone/fork"
    assert sync.sync_notebook(path, fork, write=True) is True
    after = nbformat.read(path, as_version=4)
    assert "colab.research.google.com/github/someone/fork/blob/main/notebooks/03_model.ipynb" in after.cells[0].source
    assert f'"STEPCODER_REPO_URL", "{fork}"' in after.cells[1].source
    assert [c.get("id") for c in after.cells] == [c.get("id") for c in before.cells]
    assert [c.get("outputs") for c in after.cells] == [c.get("outputs") for c in before.cells]
    assert [c.source for c in after.cells[2:]] == [c.source for c in before.cells[2:]]
    assert sync.sync_notebook(path, fork, write=True) is False  # idempotent


def test_repo_url_must_be_a_github_repository(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[project.urls]\nRepository = "https://example.org/x"\n')
    with pytest.raises(ValueError, match="github.com/OWNER/NAME"):
        _sync_script().repo_url(tmp_path)
