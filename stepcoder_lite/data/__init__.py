"""Problem sets: the :class:`Problem` record and the loaders that produce it.

``load_source(spec)`` is the one entry point (``bundled``, ``handwritten``, ``families``,
``humaneval``, ``apps`` or a path to an APPS+/APPS/HumanEval/Problem JSON(L) file, each
optionally ``:train`` / ``:valid`` / ``:test``); ``stats`` summarises a set and
``count_conditionals`` counts the ``if``/``elif`` statements CCCS cuts at. Importing this
package does not import torch (or ``datasets``, which only the online APPS loader needs).
"""

from stepcoder_lite.data.loaders import (
    APPS_PLUS_PRELUDE,
    SPLITS,
    DataError,
    count_asserts,
    count_conditionals,
    docstring_text,
    load_apps,
    load_apps_hf,
    load_apps_plus,
    load_families,
    load_handwritten,
    load_humaneval,
    load_problems_jsonl,
    load_source,
    normalise_call_tests,
    num_tests,
    parse_spec,
    stats,
)
from stepcoder_lite.data.problem import DIFFICULTIES, Problem

__all__ = [
    "APPS_PLUS_PRELUDE",
    "DIFFICULTIES",
    "SPLITS",
    "DataError",
    "Problem",
    "count_asserts",
    "count_conditionals",
    "docstring_text",
    "load_apps",
    "load_apps_hf",
    "load_apps_plus",
    "load_families",
    "load_handwritten",
    "load_humaneval",
    "load_problems_jsonl",
    "load_source",
    "normalise_call_tests",
    "num_tests",
    "parse_spec",
    "stats",
]
