"""StepCoder-lite: reinforcement learning from unit-test feedback for code LMs.

StepCoder (Dou et al., 2024, arXiv 2402.01391) trains a code LM with PPO on rewards from
running unit tests, plus CCCS (a curriculum of code-completion subtasks) and FGO (unexecuted
code masked out of the loss). This package is the single source of truth that the notebooks
in ``notebooks/`` import. Data flows one way:

    data -> curriculum -> rollout -> executor -> rewards / masking -> ppo -> trainer

Importing the package is cheap: submodules (and torch) load only when used.
"""

from pathlib import Path

__version__ = "0.1.0"

# The repository's data/ folder (bundled problem sets, the shipped tokenizer and checkpoint).
# Set STEPCODER_DATA to point elsewhere, e.g. when the package is installed without the repo.
import os as _os

DATA_DIR = Path(_os.environ.get("STEPCODER_DATA", Path(__file__).resolve().parent.parent / "data"))


def fast_mode() -> bool:
    """True when STEPCODER_FAST is set to a true value: notebooks take their CI-sized path."""
    return _os.environ.get("STEPCODER_FAST", "").strip().lower() in {"1", "true", "yes", "on"}
