"""StepCoder-lite: reinforcement learning from unit-test feedback for code LMs.

StepCoder (Dou et al., 2024, arXiv 2402.01391) trains a code LM with PPO on rewards from
running unit tests, plus CCCS (a curriculum of code-completion subtasks) and FGO (unexecuted
code masked out of the loss). This package is the single source of truth that the notebooks
in ``notebooks/`` import. Data flows one way:

    data -> curriculum -> rollout -> executor -> rewards / masking -> ppo -> trainer

Importing the package is cheap: submodules (and torch) load only when used.
"""

import os as _os
from pathlib import Path

__version__ = "0.1.0"


def find_data_dir(package: Path = Path(__file__).resolve().parent, environ=_os.environ) -> Path:
    """The folder of shipped data (``model/``: tokenizer + checkpoint, ``handwritten.jsonl``).

    ``package`` is this package's folder and ``environ`` the environment (arguments for tests).

    The files live once, in the repository's top-level ``data/``. Where the package finds them
    depends on how it was installed, first match wins:

    1. ``$STEPCODER_DATA`` when set: your own copy anywhere;
    2. ``stepcoder_lite/_data/`` inside the package: a wheel or a plain ``pip install .``
       copies ``data/`` there (``[tool.setuptools.package-dir]`` in pyproject.toml);
    3. ``data/`` beside the package: a checkout or an editable install, nothing copied.

    (2) comes before (3) so that an installed package never picks up some unrelated ``data/``
    lying in site-packages. A real folder, not an ``importlib.resources`` traversable, because
    Hugging Face's ``from_pretrained`` wants a directory path; wheels install unzipped.
    """
    override = environ.get("STEPCODER_DATA")
    if override:
        return Path(override)
    installed = package / "_data"
    return installed if installed.is_dir() else package.parent / "data"


DATA_DIR = find_data_dir()
"""Every reader of shipped files goes through this (tests may monkeypatch it)."""


def fast_mode() -> bool:
    """True when STEPCODER_FAST is set to a true value: notebooks take their CI-sized path."""
    return _os.environ.get("STEPCODER_FAST", "").strip().lower() in {"1", "true", "yes", "on"}
