"""A user's first hour anywhere: the package installed from a wheel, and the Colab set-up cell.

Each test makes a fresh virtual environment beside the checkout (under pytest's tmp_path). It
sees this environment's third-party packages (torch, transformers, jupyter: no download) but
not the checkout: a .pth file in its site-packages names ours as a plain path entry, and plain
entries are not scanned for their own .pth files, so an editable install of stepcoder_lite
living there stays inactive. Each test then proves which stepcoder_lite the fresh python imports.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent

# Run by the fresh python: notebook 01 on its fast path, plus one cell that says where the
# kernel's stepcoder_lite came from (the kernel must be the fresh python, not ours).
RUN_NOTEBOOK = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
nb.cells.append(nbformat.v4.new_code_cell("import stepcoder_lite, sys; print(stepcoder_lite.__file__); print(sys.prefix)"))
NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
print(nb.cells[-1].outputs[0]["text"].strip())
"""

# Run by the fresh python in a folder like Colab's /content: the setup cell with google.colab
# faked (Colab's kernel has it imported), then the package imported the way the notebook does.
RUN_SETUP_CELL = """
import sys, types
sys.modules["google.colab"] = types.ModuleType("google.colab")
exec(sys.stdin.read())
import stepcoder_lite
from stepcoder_lite.model import resolve_model_path
print(stepcoder_lite.__file__); print(resolve_model_path("tiny"))
"""


def _env(**extra: str) -> dict[str, str]:
    """Our environment minus anything that would point the fresh python at the checkout; offline."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "STEPCODER_DATA"}}
    env |= {"STEPCODER_FAST": "1", "TQDM_DISABLE": "1", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false", "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    return env | extra


def _run(*cmd, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    """Run a command, fail the test with its output if it fails; its stdout."""
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env or _env(), input=stdin, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{cmd[:4]} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _fresh_venv(root: Path) -> Path:
    """A virtual environment at ``root`` that sees our third-party packages, not the checkout; its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)  # pip comes from ours
    python = root / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root).strip()
    ours = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    Path(purelib, "shared_env.pth").write_text("\n".join(ours) + "\n")
    assert _run(python, "-c", "import importlib.util as u; print(u.find_spec('stepcoder_lite'))", cwd=root).strip() == "None"
    return python


def _working_tree_copy(dest: Path) -> Path:
    """The checkout's files as git sees them (tracked and new, not ignored): no .venv, build/ or runs/."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest / name)
    return dest


@pytest.mark.slow
def test_wheel_carries_the_data_and_runs_offline_without_the_checkout(tmp_path):
    """A built wheel holds data/model/* and the problem sets; installed alone, train and notebook 01 run."""
    src = _working_tree_copy(tmp_path / "src")  # built from a copy: no build/ or egg-info left in the checkout
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path / "dist", src,
         cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("stepcoder_lite-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    model_files = {f"stepcoder_lite/_data/model/{p.name}" for p in (REPO / "data" / "model").iterdir() if p.is_file()}
    assert model_files <= names, f"data/model files missing from the wheel: {sorted(model_files - names)}"
    assert {"stepcoder_lite/_data/handwritten.jsonl", "stepcoder_lite/_data/families/README.md"} <= names
    assert not [n for n in names if "_data/handwritten/" in n], "the hand-written set's build scripts do not ship"
    assert wheel.stat().st_size < 30e6, f"wheel is {wheel.stat().st_size / 1e6:.1f} MB"

    python = _fresh_venv(tmp_path / "venv")
    _run(python, "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", wheel, cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"  # no stepcoder_lite/ or data/ in the working folder
    elsewhere.mkdir()
    package_file, data_dir = _run(python, "-c", "import stepcoder_lite as s; print(s.__file__); print(s.DATA_DIR)",
                                  cwd=elsewhere).split()
    package = Path(package_file).parent
    assert package.is_relative_to(tmp_path / "venv") and not package.is_relative_to(REPO), package
    assert Path(data_dir) == package / "_data"

    _run(python, "-m", "stepcoder_lite", "train", "--preset", "tiny", "--iterations", "1", "--no-eval",
         "--out", tmp_path / "run", cwd=elsewhere)
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())
    assert summary["iterations"] == 1 and str(package) in summary["command"]
    assert len((tmp_path / "run" / "metrics.jsonl").read_text().splitlines()) == 1

    kernel_package, kernel_prefix = _run(python, "-c", RUN_NOTEBOOK, REPO / "notebooks" / "01_dataset.ipynb", elsewhere,
                                         cwd=elsewhere).splitlines()[-2:]
    assert Path(kernel_package).parent == package and Path(kernel_prefix) == tmp_path / "venv"


@pytest.mark.slow
def test_colab_setup_cell_clones_and_installs_the_package(tmp_path):
    """The setup cell with google.colab faked clones STEPCODER_REPO_URL (here the checkout: what is
    committed) and installs it editable; the package then imports from the clone, data/ included."""
    setup_cell = next(c for c in nbformat.read(REPO / "notebooks" / "01_dataset.ipynb", as_version=4).cells
                      if c.cell_type == "code").source
    assert "STEPCODER_REPO_URL" in setup_cell and "torch" not in setup_cell.split("\n", 1)[1]
    python = _fresh_venv(tmp_path / "venv")  # never our own: the cell pip-installs into its python
    content = tmp_path / "content"
    content.mkdir()
    # offline, pip builds the editable install with the setuptools it sees instead of fetching one
    env = _env(STEPCODER_REPO_URL=str(REPO), PIP_NO_BUILD_ISOLATION="0")
    package_file, model_dir = _run(python, "-c", RUN_SETUP_CELL, cwd=content, env=env, stdin=setup_cell).split()
    clone = content / "stepcoder-lite"
    assert Path(package_file) == clone / "stepcoder_lite" / "__init__.py"
    assert Path(model_dir) == clone / "data" / "model"
    # a fresh process (a restarted kernel) finds the clone through the editable install alone
    again = _run(python, "-c", "import stepcoder_lite; print(stepcoder_lite.__file__)", cwd=tmp_path, env=env).strip()
    assert Path(again) == clone / "stepcoder_lite" / "__init__.py"
