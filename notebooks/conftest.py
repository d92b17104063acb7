"""nbval runs every notebook here on its fast path (STEPCODER_FAST=1) unless told otherwise.

Set before any kernel starts: kernels inherit this process's environment. Run
``STEPCODER_FAST=0 pytest notebooks`` for the full path a student sees.
"""

import os

os.environ.setdefault("STEPCODER_FAST", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TQDM_DISABLE", "1")  # progress bars off in CI only
