"""``python -m stepcoder_lite.data.families [SEED]``: print the sizes a model needs (JSON)."""

import json
import sys

from stepcoder_lite.data.families import build, summary

print(json.dumps(summary(build(seed=int(sys.argv[1]) if len(sys.argv) > 1 else 0)), indent=2))
