"""Shared fixtures. Tests never touch the network: the Hugging Face hub is forced offline."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
SHARED_SAMPLE = REPO.parent / "shared" / "apps_plus_sample"


@pytest.fixture
def apps_plus_dir() -> Path:
    """The StepCoder authors' real APPS+ sample in ../shared (skipped where it is absent)."""
    if not (SHARED_SAMPLE / "valid_all.json").exists():
        pytest.skip("../shared/apps_plus_sample is not present on this machine")
    return SHARED_SAMPLE
