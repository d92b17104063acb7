"""The one problem record every part of StepCoder-lite speaks: the APPS+ shape.

A problem is either *stdin-based* (the program reads the test's input text from stdin and
its stdout is compared with the expected text) or *call-based* (a function, or a method of a
fresh ``Solution()``, named ``fn_name``, is called with each test's argument list and its
return value is compared with the expected value).

Field by field:

| field          | meaning                                                                       |
|----------------|-------------------------------------------------------------------------------|
| id             | unique within its source, e.g. ``"apps_plus/valid_all/17"``                     |
| question       | the natural-language statement (no code)                                      |
| solutions      | canonical solutions; ``solutions[0]`` is the reference (CCCS cuts it)          |
| inputs         | per test: stdin text (``str``) or the list of call arguments                    |
| outputs        | per test: expected stdout text (``str``) or the exact expected return value     |
| fn_name        | call-based: function or ``Solution`` method name; ``None`` for stdin problems   |
| starter_code   | code given to the model before it writes (signature, class header)            |
| entry_point    | stdin programs wrapped in a function (APPS+ style): call it after defining it   |
| difficulty     | ``introductory`` / ``interview`` / ``competition`` (or a source's own label)    |
| source         | where it came from: ``apps_plus``, ``apps``, ``humaneval``, ``handwritten``, ... |
| split          | ``train`` / ``valid`` / ``test`` where the source fixes one, else ``None``        |
| meta           | the original record's other fields, verbatim (e.g. APPS+ ``prompt``, ``scope``)  |
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

DIFFICULTIES = ("introductory", "interview", "competition")

# The APPS+ authors' harness prepends these imports to every program it runs (typing's
# ``List`` is needed by the LeetCode-style ``class Solution`` signatures, ``collections``,
# ``heapq`` ... by many solutions). The executor runs it before the program, untraced, when
# the tests carry it as ``tests["prelude"]`` (:meth:`Problem.tests` does so for APPS+). Left out of the authors'
# block: ``import numpy as np`` (slow to import in every run; the sample solutions that use
# numpy import it themselves) and their RLIMIT_AS call (the executor sets its own limits).
APPS_PLUS_PRELUDE = (
    "import sys, time, itertools, collections, math, fractions, random, heapq, re, bisect\n"
    "from itertools import accumulate, product, permutations, combinations, groupby\n"
    "from collections import Counter, OrderedDict, deque, defaultdict, ChainMap\n"
    "from functools import lru_cache\n"
    "from math import sqrt, sin, cos, tan, ceil, fabs, floor, gcd, exp, log, log2\n"
    "from typing import Dict, Any, List, Optional, Tuple, Union, Generator\n"
    "from heapq import *\n"
)


@dataclass
class Problem:
    id: str
    question: str
    solutions: list[str]
    inputs: list[Any]
    outputs: list[Any]
    fn_name: str | None = None
    starter_code: str = ""
    entry_point: str | None = None
    difficulty: str = "introductory"
    source: str = ""
    split: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def io_mode(self) -> str:
        """``"call"`` when a named function/method is called, else ``"stdin"``."""
        return "stdin" if self.fn_name is None else "call"

    @property
    def is_class_based(self) -> bool:
        """Call-based through a fresh ``Solution()`` instance (LeetCode style)."""
        return self.fn_name is not None and "class Solution" in self.starter_code

    @property
    def canonical_solution(self) -> str:
        return self.solutions[0] if self.solutions else ""

    @property
    def num_tests(self) -> int:
        return len(self.inputs)

    def tests(self) -> dict[str, Any]:
        """The tests in the executor's JSON shape: ``{"inputs", "outputs", "fn_name", "entry_point"}``.

        Check-function tests (HumanEval): when ``meta["test"]`` holds test code that defines
        ``check(candidate)``, it is added as ``"check"``; the executor runs the program, then
        ``check(<fn_name>)``. Such problems have empty ``inputs``/``outputs``.

        APPS+ problems carry ``"prelude"``: the imports the authors' harness runs before every
        program (``typing.List`` and friends), so a LeetCode-style program that names ``List``
        without importing it runs here as it did for them: in verification, in evaluation and
        in RL alike.
        """
        tests = {
            "inputs": self.inputs,
            "outputs": self.outputs,
            "fn_name": self.fn_name,
            "entry_point": self.entry_point,
        }
        if isinstance(self.meta.get("test"), str):
            tests["check"] = self.meta["test"]
        if self.source == "apps_plus":
            tests["prelude"] = APPS_PLUS_PRELUDE
        return tests

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Problem":
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(d) - names
        if unknown:
            raise ValueError(f"Problem.from_dict: unknown field(s) {sorted(unknown)}")
        return cls(**d)
