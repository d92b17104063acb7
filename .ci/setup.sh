#!/usr/bin/env bash
# Set up everything on a fresh machine: a virtual environment in .venv holding the package,
# its notebook and test extras, and the CPU build of torch. Safe to run again (fast when done).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip -q --disable-pip-version-check)
# torch first, pinned to the CPU build that lies on this machine's disk: left to resolve on its
# own, a bare `torch>=2.2` would pull a multi-GB CUDA build. Skipped when torch is already there.
if ! .venv/bin/python -c "import torch" 2>/dev/null; then
    "${pip[@]}" install "torch==2.13.0"
fi
"${pip[@]}" install -e ".[dev,notebooks,peer]"
