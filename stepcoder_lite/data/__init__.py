"""Problem sets: the :class:`Problem` record, the loaders that produce it, and their statistics.

``load_source(spec)`` is the one entry point (``bundled``, ``handwritten``, ``families``,
``humaneval``, ``apps`` or a path to an APPS+/APPS/HumanEval/Problem JSON(L) file, each
optionally ``:train`` / ``:valid`` / ``:test``); ``stats`` summarises a set and
``count_conditionals`` counts the ``if``/``elif`` statements CCCS cuts at. Importing this
package does not import torch (or ``datasets``, which only the online APPS loader needs).

| module      | its one job                                                              |
|-------------|--------------------------------------------------------------------------|
| ``problem`` | the :class:`Problem` record (and the prelude APPS+ tests run before a program) |
| ``loaders`` | every source -> Problems, bad records named (``DataError``) or returned     |
| ``describe``| counts over a set: ``stats``, ``count_conditionals``, ``num_tests``         |
| ``families``| the generated problem families (train/valid/test)                        |
"""

from stepcoder_lite.data.describe import count_asserts, count_conditionals, num_tests, stats
from stepcoder_lite.data.loaders import (
    SPLITS,
    DataError,
    Loaded,
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
    parse_spec,
)
from stepcoder_lite.data.problem import APPS_PLUS_PRELUDE, DIFFICULTIES, Problem

__all__ = [
    "APPS_PLUS_PRELUDE",
    "DIFFICULTIES",
    "SPLITS",
    "DataError",
    "Loaded",
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
