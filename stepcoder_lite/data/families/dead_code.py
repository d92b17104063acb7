"""Code the tests never run: unused helpers, the setting where FGO should matter.

FGO (StepCoder, section 3.3) keeps the tokens of code that no test executed out of the policy
loss. In the family solutions nearly every line runs (FGO masks about 2% of completion tokens
in the shipped setting), so it has little to do there. Human code often carries a helper that
nothing calls: left over from an earlier attempt, or pasted from a template. A corpus with
``dead_code_rate`` > 0 (``families.corpus_solution``, ``SFTConfig.dead_code_rate``) puts one
such helper at the top of that share of its solutions; a model fine-tuned on it writes them
too, and PPO without FGO then credits (or blames) the helper's tokens for a reward they could
not have earned.

Each helper is a ``def`` whose body never runs: the ``def`` line executes (it binds the name),
the body does not, so FGO masks the body and keeps the header. Several helpers are written in
the solutions' own style (a counting loop, a running maximum), so their tokens are the ones the
live code uses too. ``tests/test_families.py`` checks for every problem that no helper it may draw
is ever called, that the solution with one drawn helper still passes all its tests, and, for
every helper, that the executor reports none of its body's lines as executed.
"""

from __future__ import annotations

import ast
import random

HELPERS = (
    "def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a\n",
    "def is_even(x):\n    if x % 2 == 0:\n        return True\n    return False\n",
    "def read_list():\n    return list(map(int, input().split()))\n",
    "def count_above(a, t):\n    c = 0\n    for x in a:\n        if x > t:\n            c += 1\n    return c\n",
    "def largest(a):\n    b = a[0]\n    for x in a:\n        if x > b:\n            b = x\n    return b\n",
    "def show(a):\n    print(*a)\n",
)
"""The unused helpers a corpus draws from. Short enough that the longest family solution with
the longest helper still fits the tiny preset's generation budget (tested)."""


def helper_name(helper: str) -> str:
    """The name a helper defines."""
    node = ast.parse(helper).body[0]
    assert isinstance(node, ast.FunctionDef)
    return node.name


_HELPER_NAMES = tuple(helper_name(h) for h in HELPERS)  # parsed once, not per corpus solution


def _names(source: str) -> set[str]:
    return {node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)}


def with_dead_code(source: str, rng: random.Random) -> str:
    """``source`` with one unused helper (drawn from :data:`HELPERS` by ``rng``) and a blank
    line in front of it. Helpers whose name the program already uses are never drawn, so the
    program's behaviour is unchanged and the helper's body never runs."""
    used = _names(source)
    choices = [h for h, name in zip(HELPERS, _HELPER_NAMES) if name not in used]
    if not choices:
        return source
    return rng.choice(choices) + "\n" + source
