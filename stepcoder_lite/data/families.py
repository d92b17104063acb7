"""Problem families: thousands of small stdin problems a tiny model can learn, with exact answers.

A *family* is one piece of program logic ("count the elements with remainder r mod k",
"classify n into three bands", "run-length encode a string", ...) with

- a **parameter grid** (the divisor ``k``, the threshold ``t``, the character ``c``, the word
  to print, ...): each parameter value changes the reference solution's literals or shape;
- several **phrasings** (>= 3 natural-language templates of the statement);
- a **reference solution** rendered from the parameters: a short stdin/stdout program in one
  consistent style, always with at least one ``if`` (CCCS cuts solutions at conditionals);
- a **random input generator** plus hand-picked **edge inputs** that reach every branch.

One *problem* is one ``(family, params, phrasing)`` combination. Its tests are computed by
running the reference on the inputs (trusted code, in-process), the first test doubles as
the example printed in the question, and every random choice comes from a
``random.Random`` seeded by a SHA-256 of ``(seed, family, params, phrasing)``: the build is
identical across runs, machines and ``PYTHONHASHSEED`` values.

Style of every reference solution (what the model learns to write)::

    n = int(input())
    a = list(map(int, input().split()))
    c = 0
    for x in a:
        if x % 3 == 0:
            c += 1
    print(c)

Input formats (few and fixed): ``array`` (line 1: n, line 2: n integers), ``string`` (one
line), ``words`` (one line of space-separated words), ``pair`` (one line: two integers),
``int`` (one line: one integer).

The fixed split (documented in ``data/families/README.md``)
-----------------------------------------------------------
Split membership depends only on ``(family, params, phrasing)`` and the constant
:data:`SPLIT_SEED`, never on ``build``'s ``seed`` (that one only changes the random tests).
For each family, with ``rng = Random(sha256("split/<SPLIT_SEED>/<family>"))``:

1. **held-out parameters**: ``round(HOLDOUT_PARAM_FRAC * P)`` of its ``P`` parameter
   combinations (at least 1 when ``P >= 3``) are drawn; all their phrasings are held out.
   The model has seen each piece (e.g. ``k = 7`` elsewhere in the grid, and every phrasing)
   but never this combination in this family.
2. **held-out pairs**: of the remaining parameter combinations, ``round(HOLDOUT_PAIR_FRAC *
   P)`` (at least 1) are drawn and for each one of its phrasings is held out; the same
   parameters appear in train with the other phrasings.
3. the held-out units (a whole parameter combination, or one pair), in the drawn order, go
   to whichever of ``valid``/``test`` has fewer of this family's problems so far (ties: a
   side drawn per family); every other problem is ``train``. A held-out parameter
   combination is therefore unseen in train *and* in the other held-out split.

So no family is ever unseen, every phrasing of every family occurs in train, and every
valid/test problem is a combination that never occurs in train. ``meta["holdout"]`` says
which rule held a problem out (``"params"`` or ``"pair"``; ``None`` in train).
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import io
import random
import sys
from dataclasses import dataclass, field
from string import Template
from typing import Any, Callable

from stepcoder_lite.data.problem import Problem

SPLIT_SEED = 0
HOLDOUT_PARAM_FRAC = 0.08
HOLDOUT_PAIR_FRAC = 0.10
TESTS_PER_PROBLEM = 8
SPLITS = ("train", "valid", "test")
FORMATS = ("array", "string", "words", "pair", "int")

# Comparison operators, by the name stored in params (names keep ids readable).
OPS = {
    "gt": (">", "greater than"),
    "lt": ("<", "less than"),
    "ge": (">=", "at least"),
    "le": ("<=", "at most"),
    "eq": ("==", "equal to"),
    "ne": ("!=", "different from"),
}


# --------------------------------------------------------------------------- input helpers


def arr(xs: list[int]) -> str:
    """stdin text of the ``array`` format: n, then the n integers."""
    return f"{len(xs)}\n{' '.join(map(str, xs))}\n"


def line(s: str) -> str:
    return f"{s}\n"


def pair(a: int, b: int) -> str:
    return f"{a} {b}\n"


def rand_arr(rng: random.Random, lo: int, hi: int, n_min: int = 1, n_max: int = 8) -> list[int]:
    return [rng.randint(lo, hi) for _ in range(rng.randint(n_min, n_max))]


def rand_str(rng: random.Random, alphabet: str, n_min: int = 1, n_max: int = 12) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(n_min, n_max)))


def rand_words(rng: random.Random, alphabet: str = "abcdefghij", w_min: int = 1, w_max: int = 7, l_max: int = 7) -> str:
    return " ".join(rand_str(rng, alphabet, 1, l_max) for _ in range(rng.randint(w_min, w_max)))


# --------------------------------------------------------------------------- the family record


@dataclass(frozen=True)
class Family:
    """One kind of program logic, rendered into many problems.

    | field       | meaning                                                                  |
    |-------------|--------------------------------------------------------------------------|
    | name        | short id, used in problem ids (``families/<name>/...``)                   |
    | difficulty  | ``introductory`` or ``interview``                                        |
    | description | one line for humans                                                      |
    | fmt         | input format: ``array`` / ``string`` / ``words`` / ``pair`` / ``int``     |
    | params      | the parameter grid: tuple of dicts of ints/strs                           |
    | phrasings   | statement templates (``$name`` placeholders, ``string.Template``)         |
    | input_text  | the Input section (template)                                              |
    | output_text | the Output section (template)                                             |
    | code        | solution template, or a callable ``params -> template``                  |
    | gen         | ``(rng, params) -> stdin`` random input within the stated limits          |
    | edges       | ``params -> [stdin, ...]`` hand-picked inputs that reach every branch     |
    | derive      | ``params -> dict`` extra template variables (words for an operator, ...)  |
    """

    name: str
    difficulty: str
    description: str
    fmt: str
    params: tuple[dict[str, Any], ...]
    phrasings: tuple[str, ...]
    input_text: str
    output_text: str
    code: str | Callable[[dict[str, Any]], str]
    gen: Callable[[random.Random, dict[str, Any]], str]
    edges: Callable[[dict[str, Any]], list[str]] = field(default=lambda p: [])
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None

    def variables(self, params: dict[str, Any]) -> dict[str, Any]:
        """Template variables: the params, operator symbol/words for ``op``, and ``derive``'s extras."""
        v = dict(params)
        if "op" in params:
            v["sym"], v["opw"] = OPS[params["op"]]
        if self.derive is not None:
            v.update(self.derive(params))
        return v

    def solution(self, params: dict[str, Any]) -> str:
        """The reference program for these parameters (ends with a newline)."""
        src = self.code(params) if callable(self.code) else self.code
        return _render(src, self.variables(params), f"{self.name}.code").strip("\n") + "\n"

    def statement(self, params: dict[str, Any], phrasing: int) -> str:
        return _render(self.phrasings[phrasing], self.variables(params), f"{self.name}.phrasings[{phrasing}]")

    def question(self, params: dict[str, Any], phrasing: int, example_in: str, example_out: str) -> str:
        """The full APPS-style question: statement, Input, Output, one Example."""
        v = self.variables(params)
        return (
            f"{self.statement(params, phrasing)}\n\n"
            f"-----Input-----\n{_render(self.input_text, v, self.name + '.input_text')}\n\n"
            f"-----Output-----\n{_render(self.output_text, v, self.name + '.output_text')}\n\n"
            f"-----Example-----\nInput\n{example_in}Output\n{example_out}"
        )

    def param_key(self, params: dict[str, Any]) -> str:
        """A readable id for one parameter combination, e.g. ``k3_r1`` or ``opgt_tm2`` (m = minus)."""
        parts = []
        for key in sorted(params):
            val = str(params[key])
            parts.append(key + "".join(ch if ch.isalnum() else _SAFE.get(ch, f"x{ord(ch):02x}") for ch in val))
        return "_".join(parts)


_SAFE = {"-": "m", "*": "star", "#": "hash"}


def _render(template: str, variables: dict[str, Any], where: str) -> str:
    try:
        return Template(template).substitute(variables)
    except (KeyError, ValueError) as e:
        raise ValueError(f"families: template {where} needs {e} (have {sorted(variables)})") from None


def _grid(**axes: list[Any]) -> tuple[dict[str, Any], ...]:
    """The Cartesian product of the axes, in the given (deterministic) order."""
    combos: list[dict[str, Any]] = [{}]
    for key, values in axes.items():
        combos = [{**c, key: v} for c in combos for v in values]
    return tuple(combos)


ARRAY_IN = "The first line contains an integer n ($n_lo <= n <= $n_hi).\nThe second line contains n integers a_1, a_2, ..., a_n ($lo <= a_i <= $hi)."
STRING_IN = "The only line contains a string s of $len_lo to $len_hi lowercase English letters."
ALNUM_IN = "The only line contains a string s of 1 to 12 characters, each a lowercase English letter or a digit."
WORDS_IN = "The only line contains 1 to 7 words separated by single spaces. Each word consists of 1 to 7 lowercase English letters."
PAIR_IN = "The only line contains two integers a and b ($lo <= a, b <= $hi)."
INT_IN = "The only line contains an integer n ($lo <= n <= $hi)."
YESNO = [("YES", "NO"), ("Yes", "No"), ("yes", "no")]


def _arr_limits(lo: int, hi: int, n_lo: int = 1, n_hi: int = 8) -> dict[str, int]:
    return {"lo": lo, "hi": hi, "n_lo": n_lo, "n_hi": n_hi}


def _with(limits: dict[str, Any], extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None):
    """A ``derive`` that adds fixed limits (for the Input section) and optional extras."""

    def derive(p: dict[str, Any]) -> dict[str, Any]:
        out = dict(limits)
        if extra is not None:
            out.update(extra(p))
        return out

    return derive


# --------------------------------------------------------------------------- the families
# Each block: parameters, phrasings, sections, the solution template, input generators.
# Conventions in solutions: n, a (array), s (string), w (words), c (count), t (built string),
# b (built list / best), x (loop element), i (loop index), ok (flag).

FAMILIES: list[Family] = []


def _add(**kw: Any) -> None:
    FAMILIES.append(Family(**kw))


# ---- arrays: counting and filtering

_add(
    name="count_mod",
    difficulty="introductory",
    description="count the elements with remainder r modulo k",
    fmt="array",
    params=tuple(p for p in _grid(k=list(range(2, 10)), r=list(range(0, 9))) if p["r"] < p["k"]),
    phrasings=(
        "You are given n integers. Count how many of them give remainder $r when divided by $k.",
        "Find the number of elements a_i such that a_i mod $k equals $r.",
        "Bob likes the numbers whose remainder modulo $k is $r. How many numbers in the list does Bob like?",
        "Count the integers in the array that leave a remainder of $r after division by $k.",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the number of such elements.",
    code="""
n = int(input())
a = list(map(int, input().split()))
c = 0
for x in a:
    if x % $k == $r:
        c += 1
print(c)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 50)),
    edges=lambda p: [arr([p["r"]]), arr([p["r"] + 1]), arr([p["k"] + p["r"], p["r"] + 1, 2 * p["k"] + p["r"]])],
    derive=_with(_arr_limits(0, 50)),
)

_add(
    name="sum_compare",
    difficulty="introductory",
    description="sum of the elements that compare with a threshold t",
    fmt="array",
    params=_grid(op=["gt", "lt", "ge", "le"], t=list(range(-3, 7))),
    phrasings=(
        "Find the sum of all elements of the array that are $opw $t.",
        "Add up every number in the list that is $opw $t and print the total.",
        "Compute the total of the array elements that are $opw $t. If there are no such elements, the total is 0.",
        "Alice keeps only the numbers $opw $t and adds them together. What sum does she get?",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the sum.",
    code="""
n = int(input())
a = list(map(int, input().split()))
s = 0
for x in a:
    if x $sym $t:
        s += x
print(s)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -10, 10)),
    edges=lambda p: [arr([p["t"]]), arr([p["t"] - 1, p["t"] + 1]), arr([p["t"] + 2, p["t"] - 3, p["t"]])],
    derive=_with(_arr_limits(-10, 10)),
)

_add(
    name="filter_print",
    difficulty="introductory",
    description="print the elements that compare with t, or a word when there are none",
    fmt="array",
    params=_grid(op=["gt", "lt", "ge", "le"], t=list(range(0, 5)), word=["NONE", "EMPTY", "NO"]),
    phrasings=(
        "Print, in their original order, all elements that are $opw $t. If there is no such element, print $word instead.",
        "Keep only the numbers $opw $t and print them in the order they appear. When nothing is kept, print $word.",
        "Output every a_i that is $opw $t, separated by spaces. If no element qualifies, output $word.",
    ),
    input_text=ARRAY_IN,
    output_text="Print the chosen elements separated by spaces, or $word if there are none.",
    code="""
n = int(input())
a = list(map(int, input().split()))
b = []
for x in a:
    if x $sym $t:
        b.append(x)
if len(b) == 0:
    print("$word")
else:
    print(*b)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -5, 9, 1, 6)),
    edges=lambda p: [
        arr([p["t"]]),
        arr([p["t"] - 2, p["t"] + 2]),
        arr([p["t"] - 1] * 2 if p["op"] in ("gt", "ge") else [p["t"] + 1] * 2),
    ],
    derive=_with(_arr_limits(-5, 9, 1, 6)),
)

_add(
    name="count_between",
    difficulty="introductory",
    description="count the elements inside a closed interval [x, y]",
    fmt="array",
    params=tuple({"x": x, "y": x + d} for x in range(0, 8) for d in (2, 3, 5, 8)),
    phrasings=(
        "Count the elements of the array that lie between $x and $y, inclusive.",
        "How many numbers a_i satisfy $x <= a_i <= $y?",
        "A number is good if it is at least $x and at most $y. Find how many good numbers are given.",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the count.",
    code="""
n = int(input())
a = list(map(int, input().split()))
c = 0
for x in a:
    if $x <= x <= $y:
        c += 1
print(c)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 20)),
    edges=lambda p: [arr([p["x"], p["y"]]), arr([p["y"] + 1]), arr([p["x"] + 1, p["y"] + 2, p["x"]])],
    derive=_with(_arr_limits(0, 20)),
)

_add(
    name="three_way_count",
    difficulty="introductory",
    description="count elements above, below and equal to t, printed in a given order",
    fmt="array",
    params=_grid(t=[-2, -1, 0, 1, 2], order=["gle", "lge", "egl", "gel", "leg", "elg"]),
    phrasings=(
        "For the given numbers, count how many are greater than $t, how many are less than $t and how many are equal to $t.",
        "Split the array into three groups: numbers above $t, numbers below $t and numbers equal to $t. Report the size of each group.",
        "Compare every a_i with $t and count the results of each kind.",
    ),
    input_text=ARRAY_IN,
    output_text="Print three integers: the number of elements $o1, $o2 and $o3 $t, in this order.",
    code="""
n = int(input())
a = list(map(int, input().split()))
g = 0
l = 0
e = 0
for x in a:
    if x > $t:
        g += 1
    elif x < $t:
        l += 1
    else:
        e += 1
print($v1, $v2, $v3)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -5, 5)),
    edges=lambda p: [arr([p["t"]]), arr([p["t"] + 1, p["t"] - 1]), arr([p["t"] - 2, p["t"], p["t"]])],
    derive=_with(
        _arr_limits(-5, 5),
        lambda p: {
            **{f"v{i + 1}": ch for i, ch in enumerate(p["order"])},
            **{f"o{i + 1}": {"g": "greater than", "l": "less than", "e": "equal to"}[ch] for i, ch in enumerate(p["order"])},
        },
    ),
)

_add(
    name="prefix_count",
    difficulty="introductory",
    description="count the prefixes whose sum compares with t",
    fmt="array",
    params=_grid(op=["gt", "lt", "ge", "le"], t=list(range(-2, 5))),
    phrasings=(
        "Consider the prefix sums a_1, a_1 + a_2, ..., a_1 + ... + a_n. Count how many of them are $opw $t.",
        "A frog starts at position 0 and jumps a_i steps at move i (negative means backwards). After how many of the n moves is its position $opw $t?",
        "Count the indices k (1 <= k <= n) such that the sum of the first k elements is $opw $t.",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the count.",
    code="""
n = int(input())
a = list(map(int, input().split()))
s = 0
c = 0
for x in a:
    s += x
    if s $sym $t:
        c += 1
print(c)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -5, 5)),
    edges=lambda p: [arr([p["t"]]), arr([p["t"] + 1, -2]), arr([p["t"] - 1, 0, 3])],
    derive=_with(_arr_limits(-5, 5)),
)


def _sorted_gen(rng: random.Random, p: dict[str, Any]) -> str:
    xs = rand_arr(rng, 0, 9, 1, 6)
    if rng.random() < 0.5:
        xs.sort(reverse=p["dir"] in ("noninc", "dec"))
        if p["dir"] in ("inc", "dec") and rng.random() < 0.5:
            xs = sorted(set(xs), reverse=p["dir"] == "dec")
    return arr(xs)


_add(
    name="is_sorted",
    difficulty="introductory",
    description="check that the array is monotone in a given direction",
    fmt="array",
    params=_grid(dir=["nondec", "inc", "noninc", "dec"], words=[0, 1, 2]),
    phrasings=(
        "Check whether the array is $dirw: every element must be $rel the next one.",
        "A sequence is called nice if it is $dirw. Determine whether the given sequence is nice.",
        "Is it true that a_1, a_2, ..., a_n is $dirw, i.e. a_i is $rel a_(i+1) for every i?",
    ),
    input_text=ARRAY_IN,
    output_text="Print $yes if it is, and $no otherwise.",
    code="""
n = int(input())
a = list(map(int, input().split()))
ok = True
for i in range(n - 1):
    if a[i] $viol a[i + 1]:
        ok = False
if ok:
    print("$yes")
else:
    print("$no")
""",
    gen=_sorted_gen,
    edges=lambda p: [arr([5]), arr([3, 3]), arr([1, 2, 2]), arr([4, 2, 7])],
    derive=_with(
        _arr_limits(0, 9, 1, 6),
        lambda p: {
            "yes": YESNO[p["words"]][0],
            "no": YESNO[p["words"]][1],
            "viol": {"nondec": ">", "inc": ">=", "noninc": "<", "dec": "<="}[p["dir"]],
            "rel": {"nondec": "at most", "inc": "strictly less than", "noninc": "at least", "dec": "strictly greater than"}[p["dir"]],
            "dirw": {"nondec": "non-decreasing", "inc": "strictly increasing", "noninc": "non-increasing", "dec": "strictly decreasing"}[p["dir"]],
        },
    ),
)


def _index_code(p: dict[str, Any]) -> str:
    stop = "\n        break" if p["which"] == "first" else ""
    return (
        "n = int(input())\na = list(map(int, input().split()))\np = $none\nfor i in range(n):\n"
        "    if a[i] % $k == 0:\n        p = i + 1" + stop + "\nprint(p)\n"
    )


_add(
    name="find_index",
    difficulty="introductory",
    description="1-based position of the first/last multiple of k, or a default",
    fmt="array",
    params=_grid(which=["first", "last"], k=list(range(2, 8)), none=[-1, 0]),
    phrasings=(
        "Find the position of the $which element of the array that is divisible by $k. Positions are numbered from 1. If there is no such element, print $none.",
        "Print the 1-based index of the $which multiple of $k in the sequence, or $none if the sequence has no multiple of $k.",
        "Scan the numbers and report where the $which one divisible by $k stands (counting from 1). Report $none when none of them is divisible by $k.",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the position, or $none.",
    code=_index_code,
    gen=lambda rng, p: arr(rand_arr(rng, 1, 30)),
    edges=lambda p: [arr([p["k"] + 1]), arr([p["k"], 1, 2 * p["k"]]), arr([1, p["k"]])],
    derive=_with(_arr_limits(1, 30)),
)

_add(
    name="argbest",
    difficulty="introductory",
    description="position of the first/last maximum/minimum",
    fmt="array",
    params=_grid(best=["max", "min"], which=["first", "last"]),
    phrasings=(
        "Find the position of the $which $bestw element of the array (positions start at 1).",
        "Several elements may be equal to the $bestw value. Print the 1-based index of the $which of them.",
        "Where is the $bestw of the sequence? If it occurs more than once, answer with the $which occurrence, counting positions from 1.",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the position.",
    code="""
n = int(input())
a = list(map(int, input().split()))
b = 0
for i in range(1, n):
    if a[i] $cmp a[b]:
        b = i
print(b + 1)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 6)),
    edges=lambda p: [arr([4]), arr([2, 2, 2]), arr([5, 1, 5, 1])],
    derive=_with(
        _arr_limits(0, 6),
        lambda p: {
            "cmp": {("max", "first"): ">", ("max", "last"): ">=", ("min", "first"): "<", ("min", "last"): "<="}[(p["best"], p["which"])],
            "bestw": {"max": "largest", "min": "smallest"}[p["best"]],
        },
    ),
)

_add(
    name="spread_check",
    difficulty="introductory",
    description="is max - min at most t",
    fmt="array",
    params=_grid(t=list(range(0, 10)), words=[0, 1, 2]),
    phrasings=(
        "The spread of an array is its largest element minus its smallest element. Check whether the spread is at most $t.",
        "Decide whether all the given numbers fit into a window of width $t, that is, whether max(a) - min(a) <= $t.",
        "A team is balanced if the strongest and the weakest members differ by no more than $t. The strengths are given. Is the team balanced?",
    ),
    input_text=ARRAY_IN,
    output_text="Print $yes or $no.",
    code="""
n = int(input())
a = list(map(int, input().split()))
lo = a[0]
hi = a[0]
for x in a:
    if x < lo:
        lo = x
    if x > hi:
        hi = x
if hi - lo <= $t:
    print("$yes")
else:
    print("$no")
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 15, 1, 5)),
    edges=lambda p: [arr([7]), arr([3, 3 + p["t"]]), arr([15, 14 - p["t"], 15]), arr([2, 3 + p["t"]])],
    derive=_with(_arr_limits(0, 15, 1, 5), lambda p: {"yes": YESNO[p["words"]][0], "no": YESNO[p["words"]][1]}),
)

_add(
    name="adjacent_compare",
    difficulty="introductory",
    description="count positions i where a_i compares with a_(i+g)",
    fmt="array",
    params=_grid(op=["gt", "lt", "eq", "ne"], g=[1, 2, 3]),
    phrasings=(
        "Count the positions i such that a_i is $opw a_(i+$g).",
        "How many times is an element $opw the element $g $placew after it?",
        "For every pair of elements at distance $g (a_i and a_(i+$g)), check whether the first is $opw the second. Print how many pairs pass the check.",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the count.",
    code="""
n = int(input())
a = list(map(int, input().split()))
c = 0
for i in range(n - $g):
    if a[i] $sym a[i + $g]:
        c += 1
print(c)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 4)),
    edges=lambda p: [arr([1] * (p["g"] + 1)), arr([0, 1, 2, 3, 4]), arr([4, 3, 2, 1, 0, 1])],
    derive=_with(_arr_limits(0, 4), lambda p: {"placew": "place" if p["g"] == 1 else "places"}),
)

_add(
    name="parity_points",
    difficulty="introductory",
    description="even numbers score p points, odd numbers q points",
    fmt="array",
    params=tuple(pp for pp in _grid(p=[1, 2, 3, 4, 5], q=[1, 2, 3, 4, 5]) if pp["p"] != pp["q"]),
    phrasings=(
        "In a game every even number scores $p and every odd number scores $q. Find the total score of the given numbers.",
        "Each a_i gives $p points if it is even and $q points if it is odd. Print the sum of the points.",
        "Score the array: add $p for every even element and $q for every odd element.",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the total score.",
    code="""
n = int(input())
a = list(map(int, input().split()))
s = 0
for x in a:
    if x % 2 == 0:
        s += $p
    else:
        s += $q
print(s)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 20)),
    edges=lambda p: [arr([2]), arr([3]), arr([4, 7, 0])],
    derive=_with(_arr_limits(0, 20)),
)

_add(
    name="clip_values",
    difficulty="introductory",
    description="clamp every element into [x, y]",
    fmt="array",
    params=tuple({"x": x, "y": x + d} for x in range(-3, 3) for d in (2, 3, 4, 5)),
    phrasings=(
        "Replace every element smaller than $x by $x and every element larger than $y by $y. Print the resulting array.",
        "Clamp each number into the range from $x to $y: values below the range become $x, values above it become $y, the others stay.",
        "A sensor only reports values between $x and $y; anything outside is cut to the nearest bound. Print what the sensor reports for the given values.",
    ),
    input_text=ARRAY_IN,
    output_text="Print n integers separated by spaces.",
    code="""
n = int(input())
a = list(map(int, input().split()))
b = []
for x in a:
    if x < $x:
        b.append($x)
    elif x > $y:
        b.append($y)
    else:
        b.append(x)
print(*b)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -9, 9)),
    edges=lambda p: [arr([p["x"]]), arr([p["x"] - 1, p["y"] + 1]), arr([p["y"], p["x"] - 5])],
    derive=_with(_arr_limits(-9, 9)),
)

_add(
    name="replace_cond",
    difficulty="introductory",
    description="replace the elements that compare with t by a value v",
    fmt="array",
    params=_grid(op=["gt", "lt", "ge", "le"], t=[0, 1, 2, 3], v=[0, -1]),
    phrasings=(
        "Replace every element that is $opw $t by $v and print the array.",
        "Each number $opw $t must be changed to $v; the other numbers stay as they are. Print the new sequence.",
        "Go through the array and overwrite with $v each a_i that is $opw $t. Output the result.",
    ),
    input_text=ARRAY_IN,
    output_text="Print n integers separated by spaces.",
    code="""
n = int(input())
a = list(map(int, input().split()))
for i in range(n):
    if a[i] $sym $t:
        a[i] = $v
print(*a)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -5, 9)),
    edges=lambda p: [arr([p["t"]]), arr([p["t"] - 1, p["t"] + 1]), arr([p["t"] + 3, p["t"], p["t"] - 3])],
    derive=_with(_arr_limits(-5, 9)),
)

_add(
    name="count_at_least",
    difficulty="introductory",
    description="are at least m elements divisible by k",
    fmt="array",
    params=_grid(k=[2, 3, 4, 5], m=[1, 2, 3], words=[0, 1]),
    phrasings=(
        "Check whether at least $m of the given numbers are divisible by $k.",
        "A list is lucky if it contains $m or more multiples of $k. Is the given list lucky?",
        "Count the multiples of $k among a_1, ..., a_n and decide whether there are at least $m of them.",
    ),
    input_text=ARRAY_IN,
    output_text="Print $yes if there are, otherwise print $no.",
    code="""
n = int(input())
a = list(map(int, input().split()))
c = 0
for x in a:
    if x % $k == 0:
        c += 1
if c >= $m:
    print("$yes")
else:
    print("$no")
""",
    gen=lambda rng, p: arr(rand_arr(rng, 1, 20)),
    edges=lambda p: [arr([p["k"]] * p["m"]), arr([p["k"] + 1]), arr([p["k"] * 2, 1, p["k"] * 3, 1])],
    derive=_with(_arr_limits(1, 20), lambda p: {"yes": YESNO[p["words"]][0], "no": YESNO[p["words"]][1]}),
)

_add(
    name="records",
    difficulty="introductory",
    description="count the running records (new maximum/minimum)",
    fmt="array",
    params=_grid(best=["max", "min"], strict=[1, 0]),
    phrasings=(
        "An element is a record if it is $relw every element before it (the first element is always a record). Count the records.",
        "A runner's times are given in order. A time is a personal record when it is $relw all earlier times; the first time counts as a record. How many records are there?",
        "Count the indices i such that a_i is $relw each of a_1, ..., a_(i-1). The index 1 always counts.",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the number of records.",
    code="""
n = int(input())
a = list(map(int, input().split()))
c = 1
m = a[0]
for x in a[1:]:
    if x $cmp m:
        c += 1
        m = x
print(c)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 9)),
    edges=lambda p: [arr([3]), arr([2, 2, 2]), arr([1, 5, 0, 9])],
    derive=_with(
        _arr_limits(0, 9),
        lambda p: {
            "cmp": {("max", 1): ">", ("max", 0): ">=", ("min", 1): "<", ("min", 0): "<="}[(p["best"], p["strict"])],
            "relw": {("max", 1): "strictly greater than", ("max", 0): "greater than or equal to",
                     ("min", 1): "strictly less than", ("min", 0): "less than or equal to"}[(p["best"], p["strict"])],
        },
    ),
)


_add(
    name="best_multiple",
    difficulty="interview",
    description="largest/smallest multiple of k, or a word",
    fmt="array",
    params=_grid(k=[2, 3, 4, 5], best=["max", "min"], word=["-1", "NONE"]),
    phrasings=(
        "Find the $bestw element of the array that is divisible by $k. If no element is divisible by $k, print $word.",
        "Among the multiples of $k in the list, which one is the $bestw? Answer $word if the list has no multiple of $k.",
        "Print the $bestw a_i with a_i mod $k = 0, or $word when there is none.",
    ),
    input_text=ARRAY_IN,
    output_text="Print the number, or $word.",
    code="""
n = int(input())
a = list(map(int, input().split()))
b = None
for x in a:
    if x % $k == 0:
        if b is None or x $sym b:
            b = x
if b is None:
    print("$word")
else:
    print(b)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 1, 40)),
    edges=lambda p: [arr([p["k"] + 1]), arr([p["k"]]), arr([3 * p["k"], p["k"], 1, 2 * p["k"]])],
    derive=_with(
        _arr_limits(1, 40),
        lambda p: {"sym": {"max": ">", "min": "<"}[p["best"]], "bestw": {"max": "largest", "min": "smallest"}[p["best"]]},
    ),
)

_add(
    name="count_pairs",
    difficulty="interview",
    description="count pairs i < j whose sum is divisible by k / equal to k",
    fmt="array",
    params=tuple([{"mode": "div", "k": k} for k in range(2, 7)] + [{"mode": "eq", "k": k} for k in range(4, 11)]),
    phrasings=(
        "Count the pairs of indices i < j such that a_i + a_j $condw.",
        "How many ways are there to choose two different positions of the array so that the two numbers at them add up to a number that $condw2?",
        "Two friends each take one number from the list (different positions, order does not matter). In how many ways can they do it so that the sum of their numbers $condw2?",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the number of pairs.",
    code=lambda p: """
n = int(input())
a = list(map(int, input().split()))
c = 0
for i in range(n):
    for j in range(i + 1, n):
        if $test:
            c += 1
print(c)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 9)),
    edges=lambda p: [arr([1]), arr([p["k"] // 2, p["k"] - p["k"] // 2]), arr([1, 1, 2, 3])],
    derive=_with(
        _arr_limits(0, 9),
        lambda p: {
            "test": f"(a[i] + a[j]) % {p['k']} == 0" if p["mode"] == "div" else f"a[i] + a[j] == {p['k']}",
            "condw": f"is divisible by {p['k']}" if p["mode"] == "div" else f"equals {p['k']}",
            "condw2": f"is divisible by {p['k']}" if p["mode"] == "div" else f"is exactly {p['k']}",
        },
    ),
)

_add(
    name="window_best",
    difficulty="interview",
    description="best sum of k consecutive elements",
    fmt="array",
    params=_grid(k=[1, 2, 3, 4], best=["max", "min"]),
    phrasings=(
        "Find the $bestw possible sum of $k consecutive elements of the array.",
        "A shop records its daily income. Find the $bestw total income over any $k days in a row.",
        "Look at every block a_i, ..., a_(i+$k-1) of $k neighbouring elements and print the $bestw block sum.",
    ),
    input_text="The first line contains an integer n ($k <= n <= 8).\nThe second line contains n integers a_1, a_2, ..., a_n (-9 <= a_i <= 9).",
    output_text="Print one integer: that sum.",
    code="""
n = int(input())
a = list(map(int, input().split()))
b = sum(a[0:$k])
for i in range(1, n - $k + 1):
    s = sum(a[i:i + $k])
    if s $sym b:
        b = s
print(b)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -9, 9, p["k"], 8)),
    edges=lambda p: [arr([3] * p["k"]), arr(list(range(p["k"] + 2))), arr(list(range(p["k"] + 2, 0, -1)))],
    derive=_with(
        _arr_limits(-9, 9),
        lambda p: {"sym": {"max": ">", "min": "<"}[p["best"]], "bestw": {"max": "largest", "min": "smallest"}[p["best"]], "n_lo": p["k"]},
    ),
)

_add(
    name="above_average",
    difficulty="interview",
    description="count elements compared with the average",
    fmt="array",
    params=_grid(op=["gt", "lt", "ge", "le"]),
    phrasings=(
        "Count the elements that are $opw the average of all elements.",
        "The average of the array is (a_1 + ... + a_n) / n. How many a_i are $opw the average?",
        "A student's grades are given. How many grades are $opw the student's mean grade?",
        "Compute how many of the n numbers are $opw their arithmetic mean (the mean need not be an integer).",
    ),
    input_text=ARRAY_IN,
    output_text="Print one integer: the count.",
    code="""
n = int(input())
a = list(map(int, input().split()))
s = sum(a)
c = 0
for x in a:
    if x * n $sym s:
        c += 1
print(c)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 10)),
    edges=lambda p: [arr([5]), arr([1, 3]), arr([2, 2, 5])],
    derive=_with(_arr_limits(0, 10)),
)

_add(
    name="local_extrema",
    difficulty="interview",
    description="count inner elements strictly above/below both neighbours",
    fmt="array",
    params=_grid(kind=["peak", "valley"], out=["count", "list"]),
    phrasings=(
        "An element a_i with 1 < i < n is a $kindw if it is strictly $relw both of its neighbours. $ask",
        "Heights of n hills are given from left to right. A hill (not the first or the last) is a $kindw if it is strictly $relw the hills on both sides. $ask",
        "Find the $kindw elements: inner positions i where a_i is strictly $relw a_(i-1) and a_(i+1). $ask",
    ),
    input_text=ARRAY_IN,
    output_text="$outw",
    code=lambda p: """
n = int(input())
a = list(map(int, input().split()))
c = 0
for i in range(1, n - 1):
    if a[i] $sym a[i - 1] and a[i] $sym a[i + 1]:
        c += 1
print(c)
""" if p["out"] == "count" else """
n = int(input())
a = list(map(int, input().split()))
b = []
for i in range(1, n - 1):
    if a[i] $sym a[i - 1] and a[i] $sym a[i + 1]:
        b.append(i + 1)
if len(b) == 0:
    print(0)
else:
    print(*b)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 9)),
    edges=lambda p: [arr([4]), arr([1, 5, 1, 5, 1]), arr([5, 1, 5, 1, 5]), arr([2, 2, 2])],
    derive=_with(
        _arr_limits(0, 9),
        lambda p: {
            "sym": {"peak": ">", "valley": "<"}[p["kind"]],
            "relw": {"peak": "greater than", "valley": "less than"}[p["kind"]],
            "kindw": p["kind"],
            "ask": "Count them." if p["out"] == "count" else "Print their positions.",
            "outw": "Print one integer: the number of them." if p["out"] == "count"
            else "Print their 1-based positions in increasing order separated by spaces, or 0 if there are none.",
        },
    ),
)

_add(
    name="balance",
    difficulty="introductory",
    description="a running balance starting at m; count/find the moments it is negative",
    fmt="array",
    params=_grid(m=list(range(0, 10)), mode=["count", "first"]),
    phrasings=(
        "A wallet starts with $m coins. The i-th operation adds a_i coins (a negative a_i takes coins away). $ask",
        "Start with the number $m and add a_1, a_2, ..., a_n one by one. $ask2",
        "The temperature starts at $m degrees and changes by a_i degrees in hour i. $ask3",
    ),
    input_text=ARRAY_IN,
    output_text="$outw",
    code=lambda p: """
n = int(input())
a = list(map(int, input().split()))
s = $m
c = 0
for x in a:
    s += x
    if s < 0:
        c += 1
print(c)
""" if p["mode"] == "count" else """
n = int(input())
a = list(map(int, input().split()))
s = $m
p = -1
for i in range(n):
    s += a[i]
    if s < 0:
        p = i + 1
        break
print(p)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -10, 6)),
    edges=lambda p: [arr([1]), arr([-p["m"] - 1]), arr([-p["m"], -1, 5])],
    derive=_with(
        _arr_limits(-10, 6),
        lambda p: {
            "ask": "After how many operations is the number of coins negative?" if p["mode"] == "count"
            else "After which operation does the number of coins first become negative?",
            "ask2": "Count the steps after which the current value is below zero." if p["mode"] == "count"
            else "Find the first step after which the current value is below zero.",
            "ask3": "For how many of the n hours is the temperature below zero at the end of the hour?" if p["mode"] == "count"
            else "At the end of which hour is the temperature below zero for the first time?",
            "outw": "Print one integer: the count." if p["mode"] == "count"
            else "Print the 1-based number of that step, or -1 if it never happens.",
        },
    ),
)

_add(
    name="second_best",
    difficulty="interview",
    description="the largest value below the maximum (or smallest above the minimum)",
    fmt="array",
    params=_grid(best=["max", "min"], word=["-1", "NONE"]),
    phrasings=(
        "Find the $bestw value in the array that is strictly $relw the $bestw2 element. If there is no such value, print $word.",
        "The $runw value of a list is the $bestw value that differs from the $bestw2 one. Print it, or $word if all elements are equal.",
        "Print the $runw distinct value among a_1, ..., a_n (values are compared, not positions); print $word when the array has only one distinct value.",
    ),
    input_text=ARRAY_IN,
    output_text="Print the value, or $word.",
    code="""
n = int(input())
a = list(map(int, input().split()))
m = $best(a)
b = None
for x in a:
    if x != m:
        if b is None or x $sym b:
            b = x
if b is None:
    print("$word")
else:
    print(b)
""",
    gen=lambda rng, p: arr(rand_arr(rng, 0, 9)),
    edges=lambda p: [arr([4]), arr([3, 3, 3]), arr([1, 9, 5, 9]), arr([5, 1, 1, 2])],
    derive=_with(
        _arr_limits(0, 9),
        lambda p: {
            "sym": {"max": ">", "min": "<"}[p["best"]],
            "bestw": {"max": "largest", "min": "smallest"}[p["best"]],
            "bestw2": {"max": "maximum", "min": "minimum"}[p["best"]],
            "relw": {"max": "less than", "min": "greater than"}[p["best"]],
            "runw": {"max": "second largest", "min": "second smallest"}[p["best"]],
        },
    ),
)

_SIGN_WORDS = [("POSITIVE", "NEGATIVE", "ZERO"), ("1", "-1", "0"), ("+", "-", "0")]

_add(
    name="sign_product",
    difficulty="introductory",
    description="sign of the product of the elements, without multiplying",
    fmt="array",
    params=_grid(words=[0, 1, 2]),
    phrasings=(
        "Determine the sign of the product a_1 * a_2 * ... * a_n.",
        "Without computing it, decide whether the product of all the given numbers is positive, negative or zero.",
        "Multiply all elements of the array together. Is the result positive, negative or zero?",
    ),
    input_text=ARRAY_IN,
    output_text="Print $wp if the product is positive, $wn if it is negative and $wz if it is zero.",
    code="""
n = int(input())
a = list(map(int, input().split()))
z = 0
m = 0
for x in a:
    if x == 0:
        z += 1
    elif x < 0:
        m += 1
if z > 0:
    print("$wz")
elif m % 2 == 1:
    print("$wn")
else:
    print("$wp")
""",
    gen=lambda rng, p: arr(rand_arr(rng, -5, 5)),
    edges=lambda p: [arr([0]), arr([-2]), arr([3, -1, -4]), arr([-1, 0, 2])],
    derive=_with(_arr_limits(-5, 5), lambda p: dict(zip(("wp", "wn", "wz"), _SIGN_WORDS[p["words"]]))),
)

_add(
    name="majority_class",
    difficulty="introductory",
    description="are there more even (positive) or odd (negative) elements",
    fmt="array",
    params=_grid(cls=["parity", "sign"], tie=["TIE", "DRAW"]),
    phrasings=(
        "Are there more $c1w or more $c2w numbers in the array? Print $w1 or $w2 accordingly, or $tie if the counts are equal.",
        "Count the $c1w and the $c2w elements. If the $c1w ones are more numerous print $w1, if the $c2w ones are print $w2, otherwise print $tie.",
        "Which kind of number wins the majority: $c1w or $c2w? Answer $w1, $w2, or $tie for a tie.$zerow",
    ),
    input_text=ARRAY_IN,
    output_text="Print $w1, $w2 or $tie.",
    code=lambda p: """
n = int(input())
a = list(map(int, input().split()))
p = 0
q = 0
for x in a:
    if x % 2 == 0:
        p += 1
    else:
        q += 1
if p > q:
    print("$w1")
elif q > p:
    print("$w2")
else:
    print("$tie")
""" if p["cls"] == "parity" else """
n = int(input())
a = list(map(int, input().split()))
p = 0
q = 0
for x in a:
    if x > 0:
        p += 1
    elif x < 0:
        q += 1
if p > q:
    print("$w1")
elif q > p:
    print("$w2")
else:
    print("$tie")
""",
    gen=lambda rng, p: arr(rand_arr(rng, -9, 9)),
    edges=lambda p: [arr([2]), arr([-3]), arr([2, -3]), arr([0, 0])],
    derive=_with(
        _arr_limits(-9, 9),
        lambda p: {
            "c1w": "even" if p["cls"] == "parity" else "positive",
            "c2w": "odd" if p["cls"] == "parity" else "negative",
            "w1": "EVEN" if p["cls"] == "parity" else "POSITIVE",
            "w2": "ODD" if p["cls"] == "parity" else "NEGATIVE",
            "zerow": "" if p["cls"] == "parity" else " Zeros belong to neither kind.",
        },
    ),
)

_add(
    name="neighbour_gaps",
    difficulty="interview",
    description="distances |a_(i+1) - a_i| between neighbours: largest, smallest, or how many reach t",
    fmt="array",
    params=tuple([{"mode": "max"}, {"mode": "min"}] + [{"mode": "count", "t": t} for t in range(1, 6)]),
    phrasings=(
        "The distance between neighbours a_i and a_(i+1) is |a_(i+1) - a_i|. $askw",
        "Walk along the array and look at how far each element is from the next one (the absolute difference). $askw",
        "Stones are placed at heights a_1, ..., a_n and a frog jumps from each stone to the next; a jump costs the absolute height difference. $askw2",
    ),
    input_text="The first line contains an integer n (2 <= n <= 8).\nThe second line contains n integers a_1, a_2, ..., a_n (-9 <= a_i <= 9).",
    output_text="Print one integer.",
    code=lambda p: """
n = int(input())
a = list(map(int, input().split()))
c = 0
for i in range(n - 1):
    d = a[i + 1] - a[i]
    if d < 0:
        d = -d
    if d >= $t:
        c += 1
print(c)
""" if p["mode"] == "count" else """
n = int(input())
a = list(map(int, input().split()))
b = -1
for i in range(n - 1):
    d = a[i + 1] - a[i]
    if d < 0:
        d = -d
    if b == -1 or d $sym b:
        b = d
print(b)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -9, 9, 2, 8)),
    edges=lambda p: [arr([4, 4]), arr([1, 6, 2]), arr([9, -9, 0, 1])],
    derive=lambda p: {
        "sym": ">" if p["mode"] == "max" else "<",
        "askw": {"max": "Find the largest such distance.", "min": "Find the smallest such distance."}.get(
            p["mode"], f"Count the neighbouring pairs whose distance is at least {p.get('t')}."),
        "askw2": {"max": "What is the most expensive jump?", "min": "What is the cheapest jump?"}.get(
            p["mode"], f"How many jumps cost at least {p.get('t')}?"),
    },
)

_MINMAX_OUT = {"hilo": ("hi, lo", "the maximum and then the minimum"), "lohi": ("lo, hi", "the minimum and then the maximum"),
               "diff": ("hi - lo", "the maximum minus the minimum"), "sum": ("hi + lo", "the sum of the maximum and the minimum")}

_add(
    name="minmax_print",
    difficulty="introductory",
    description="find the maximum and minimum in one pass and print a combination",
    fmt="array",
    params=_grid(out=list(_MINMAX_OUT)),
    phrasings=(
        "Find the largest and the smallest element of the array in a single pass and print $outw.",
        "Print $outw of the given numbers.",
        "Scan the list once, keeping the maximum and the minimum seen so far. At the end print $outw.",
    ),
    input_text=ARRAY_IN,
    output_text="$outline",
    code="""
n = int(input())
a = list(map(int, input().split()))
lo = a[0]
hi = a[0]
for x in a:
    if x < lo:
        lo = x
    if x > hi:
        hi = x
print($expr)
""",
    gen=lambda rng, p: arr(rand_arr(rng, -20, 20)),
    edges=lambda p: [arr([5]), arr([1, 7, -3]), arr([4, 2, 9])],
    derive=_with(
        _arr_limits(-20, 20),
        lambda p: {
            "expr": _MINMAX_OUT[p["out"]][0],
            "outw": _MINMAX_OUT[p["out"]][1],
            "outline": f"Print two integers separated by a space: {_MINMAX_OUT[p['out']][1]}." if "," in _MINMAX_OUT[p["out"]][0]
            else f"Print one integer: {_MINMAX_OUT[p['out']][1]}.",
        },
    ),
)

# ---- strings

_LETTERS = "abcdefghij"

_add(
    name="count_char",
    difficulty="introductory",
    description="count the characters equal / not equal to c",
    fmt="string",
    params=_grid(ch=list("abcdefgh"), op=["eq", "ne"]),
    phrasings=(
        "Count how many characters of the string s are $opw '$ch'.",
        "How many letters of the word are $opw the letter $ch?",
        "You are given a string. Find the number of positions i where s_i is $opw '$ch'.",
    ),
    input_text=STRING_IN,
    output_text="Print one integer: the count.",
    code="""
s = input()
c = 0
for x in s:
    if x $sym "$ch":
        c += 1
print(c)
""",
    gen=lambda rng, p: line(rand_str(rng, "abcdefgh")),
    edges=lambda p: [line(p["ch"]), line("z"), line(p["ch"] * 3 + "y")],
    derive=_with({"len_lo": 1, "len_hi": 12}),
)

_SETS = {"vowels": "aeiou", "abc": "abc", "xyz": "xyz", "aeiouy": "aeiouy", "mn": "mn", "pqrs": "pqrs"}

_add(
    name="count_set",
    difficulty="introductory",
    description="count the characters that belong / do not belong to a set of letters",
    fmt="string",
    params=_grid(set=list(_SETS), neg=[0, 1]),
    phrasings=(
        "Count the characters of s that are ${notw}one of the letters $letters.",
        "The special letters are $letters. How many characters of the string are ${notw}special?",
        "Find the number of letters in the given word that are ${notw}in the set {$letters}.",
    ),
    input_text=STRING_IN,
    output_text="Print one integer: the count.",
    code="""
s = input()
c = 0
for x in s:
    if x $inop "$chars":
        c += 1
print(c)
""",
    gen=lambda rng, p: line(rand_str(rng, _SETS[p["set"]] + "bdhkt")),
    edges=lambda p: [line(_SETS[p["set"]][0]), line("k"), line(_SETS[p["set"]] + "tt")],
    derive=_with(
        {"len_lo": 1, "len_hi": 12},
        lambda p: {
            "chars": _SETS[p["set"]],
            "letters": ", ".join(_SETS[p["set"]]),
            "notw": "not " if p["neg"] else "",
            "inop": "not in" if p["neg"] else "in",
        },
    ),
)

_add(
    name="replace_char",
    difficulty="introductory",
    description="replace every occurrence of one character by another",
    fmt="string",
    params=_grid(c1=list("abcde"), c2=list("xyz*#")),
    phrasings=(
        "Replace every letter '$c1' in s by '$c2' and print the result.",
        "A broken keyboard types '$c2' instead of '$c1'. Print what appears on the screen when s is typed.",
        "Change each occurrence of the character $c1 to the character $c2; all other characters stay the same.",
    ),
    input_text=STRING_IN,
    output_text="Print the new string.",
    code="""
s = input()
t = ""
for x in s:
    if x == "$c1":
        t += "$c2"
    else:
        t += x
print(t)
""",
    gen=lambda rng, p: line(rand_str(rng, "abcdef")),
    edges=lambda p: [line(p["c1"]), line("f"), line(p["c1"] + "f" + p["c1"])],
    derive=_with({"len_lo": 1, "len_hi": 12}),
)

_add(
    name="remove_char",
    difficulty="introductory",
    description="delete every c; print a word when nothing is left",
    fmt="string",
    params=_grid(ch=list("abcd"), word=["EMPTY", "NONE", "-"]),
    phrasings=(
        "Delete every letter '$ch' from s and print what remains. If nothing remains, print $word.",
        "Erase all occurrences of $ch from the word. Output the rest, or $word if the word disappears completely.",
        "Print s without its '$ch' characters (keeping the order of the others); when the result is empty print $word instead.",
    ),
    input_text=STRING_IN,
    output_text="Print the remaining string, or $word.",
    code="""
s = input()
t = ""
for x in s:
    if x != "$ch":
        t += x
if t == "":
    print("$word")
else:
    print(t)
""",
    gen=lambda rng, p: line(rand_str(rng, "abcd", 1, 6)),
    edges=lambda p: [line(p["ch"] * 3), line("e"), line(p["ch"] + "e" + p["ch"])],
    derive=_with({"len_lo": 1, "len_hi": 6}),
)


def _pal_gen(rng: random.Random, p: dict[str, Any]) -> str:
    """Half palindromes, half random words; with a skipped letter, sprinkle it in at random."""
    half = rand_str(rng, "abc", 1, 4)
    if rng.random() < 0.5:
        s = half + (rng.choice("abc") if rng.random() < 0.5 else "") + half[::-1]
    else:
        s = rand_str(rng, "abc", 1, 8)
    if p["skip"]:
        s = "".join(ch + (p["skip"] if rng.random() < 0.25 else "") for ch in s)
    return line(s[:12])


_add(
    name="palindrome",
    difficulty="introductory",
    description="is the string a palindrome (optionally ignoring one letter)",
    fmt="string",
    params=_grid(words=[0, 1, 2], skip=["", "x"]),
    phrasings=(
        "Check whether s$skipw reads the same from left to right and from right to left.",
        "A word is a palindrome if it is equal to its reverse. Is s$skipw a palindrome?",
        "Determine whether the string$skipw is symmetric, that is, whether its first character equals its last, the second equals the second to last, and so on.",
    ),
    input_text=STRING_IN,
    output_text="Print $yes if it is, and $no otherwise.",
    code=lambda p: """
s = input()
if s == s[::-1]:
    print("$yes")
else:
    print("$no")
""" if p["skip"] == "" else """
s = input()
t = ""
for x in s:
    if x != "$skip":
        t += x
if t == t[::-1]:
    print("$yes")
else:
    print("$no")
""",
    gen=_pal_gen,
    edges=lambda p: [line("a"), line("ab"), line("abxba" if p["skip"] else "abba"), line("xab")],
    derive=_with(
        {"len_lo": 1, "len_hi": 12},
        lambda p: {
            "yes": YESNO[p["words"]][0],
            "no": YESNO[p["words"]][1],
            "skipw": f" with all letters '{p['skip']}' removed" if p["skip"] else "",
        },
    ),
)

_add(
    name="longest_run",
    difficulty="interview",
    description="length of the longest block of equal consecutive characters (of any / of one letter)",
    fmt="string",
    params=tuple([{"ch": "any"}] + [{"ch": c} for c in "abc"]),
    phrasings=(
        "Find the length of the longest block of consecutive $blockw in s.",
        "A run is a maximal group of neighbouring equal letters. Print the length of the longest run$ofw.",
        "What is the largest number of $blockw standing next to each other in the string?",
    ),
    input_text=STRING_IN,
    output_text="Print one integer: the length$zero.",
    code=lambda p: """
s = input()
b = 1
c = 1
for i in range(1, len(s)):
    if s[i] == s[i - 1]:
        c += 1
    else:
        c = 1
    if c > b:
        b = c
print(b)
""" if p["ch"] == "any" else """
s = input()
b = 0
c = 0
for x in s:
    if x == "$ch":
        c += 1
    else:
        c = 0
    if c > b:
        b = c
print(b)
""",
    gen=lambda rng, p: line(rand_str(rng, "abc")),
    edges=lambda p: [line("a"), line("cba"), line("aabbbc"), line("bbbaaaa")],
    derive=_with(
        {"len_lo": 1, "len_hi": 12},
        lambda p: {
            "blockw": "equal letters" if p["ch"] == "any" else f"letters '{p['ch']}'",
            "ofw": "" if p["ch"] == "any" else f" of the letter '{p['ch']}'",
            "zero": "" if p["ch"] == "any" else f" (0 if there is no '{p['ch']}')",
        },
    ),
)

_add(
    name="run_length",
    difficulty="interview",
    description="run-length encode a string",
    fmt="string",
    params=_grid(order=["cn", "nc"], ones=["keep", "drop"]),
    phrasings=(
        "Compress the string: replace every maximal block of equal letters by $form.$onesw",
        "Run-length encoding writes each group of identical neighbouring characters as $form.$onesw Encode s.",
        "Encode the word by runs: each run of the same letter becomes $form.$onesw",
    ),
    input_text=STRING_IN,
    output_text="Print the encoded string.",
    code=lambda p: """
s = input()
t = ""
c = 1
for i in range(1, len(s) + 1):
    if i < len(s) and s[i] == s[i - 1]:
        c += 1
    else:
        t += $piece
        c = 1
print(t)
""" if p["ones"] == "keep" else """
s = input()
t = ""
c = 1
for i in range(1, len(s) + 1):
    if i < len(s) and s[i] == s[i - 1]:
        c += 1
    else:
        if c > 1:
            t += $piece
        else:
            t += s[i - 1]
        c = 1
print(t)
""",
    gen=lambda rng, p: line(rand_str(rng, "ab")),
    edges=lambda p: [line("a"), line("aaab"), line("abcc")],
    derive=_with(
        {"len_lo": 1, "len_hi": 12},
        lambda p: {
            "piece": "s[i - 1] + str(c)" if p["order"] == "cn" else "str(c) + s[i - 1]",
            "form": "the letter followed by the length of the block" if p["order"] == "cn"
            else "the length of the block followed by the letter",
            "onesw": "" if p["ones"] == "keep" else " A block of length 1 is written as just the letter.",
        },
    ),
)

_add(
    name="compare_counts",
    difficulty="introductory",
    description="which of two letters occurs more often",
    fmt="string",
    params=_grid(pq=["ab", "ac", "bc", "xy", "ox"], word=["EQUAL", "DRAW"]),
    phrasings=(
        "Which letter occurs more often in s: '$c1' or '$c2'? If they occur equally often, print $word.",
        "Two candidates, $c1 and $c2, got votes written as a string of letters. Print the winner, or $word on a tie.",
        "Count the letters $c1 and $c2 in the string and print the one with the larger count ($word if the counts are equal).",
    ),
    input_text=STRING_IN,
    output_text="Print $c1, $c2 or $word.",
    code="""
s = input()
p = 0
q = 0
for x in s:
    if x == "$c1":
        p += 1
    elif x == "$c2":
        q += 1
if p > q:
    print("$c1")
elif q > p:
    print("$c2")
else:
    print("$word")
""",
    gen=lambda rng, p: line(rand_str(rng, p["pq"] + "k", 1, 9)),
    edges=lambda p: [line(p["pq"][0]), line(p["pq"][1] * 2), line("k"), line(p["pq"] + "k")],
    derive=_with({"len_lo": 1, "len_hi": 9}, lambda p: {"c1": p["pq"][0], "c2": p["pq"][1]}),
)

_add(
    name="caesar",
    difficulty="interview",
    description="shift the letters by k positions in the alphabet, digits unchanged",
    fmt="string",
    params=_grid(dir=["right", "left"], k=list(range(1, 13))),
    phrasings=(
        "Encrypt s with a Caesar cipher: move every letter $k $posw $dirw in the alphabet (cyclically, so $wrap). Digits stay unchanged.",
        "Shift each lowercase letter of the string by $k $dirw, wrapping around the alphabet ($wrap); keep the digits as they are.",
        "A spy replaces every letter by the letter $k $placew $dirw of it in the alphabet, going around the end ($wrap). Digits are not changed. Print the coded message.",
    ),
    input_text=ALNUM_IN,
    output_text="Print the encrypted string.",
    code="""
s = input()
t = ""
for x in s:
    if x.isalpha():
        t += chr((ord(x) - 97 $pm $k) % 26 + 97)
    else:
        t += x
print(t)
""",
    gen=lambda rng, p: line(rand_str(rng, "abcdefghijklmnopqrstuvwxyz0123456789")),
    edges=lambda p: [line("a"), line("z9"), line("7")],
    derive=lambda p: {
        "pm": "+" if p["dir"] == "right" else "-",
        "posw": "position" if p["k"] == 1 else "positions",
        "placew": "place" if p["k"] == 1 else "places",
        "dirw": "forward" if p["dir"] == "right" else "backward",
        "wrap": "after z comes a" if p["dir"] == "right" else "before a comes z",
    },
)

_CLASSES = {"digit": ("isdigit", "digits"), "alpha": ("isalpha", "letters")}

_add(
    name="count_class",
    difficulty="introductory",
    description="count digits / letters; print a word when there are none",
    fmt="string",
    params=_grid(cls=["digit", "alpha"], word=["NONE", "ZERO", "-1"]),
    phrasings=(
        "Count the $clsw in s. If there are none, print $word instead of 0.",
        "How many characters of the string are $clsw? Print $word when the answer would be zero.",
        "A password is given. Find how many $clsw it contains, printing $word if it contains no $clsw at all.",
    ),
    input_text=ALNUM_IN,
    output_text="Print the count, or $word.",
    code="""
s = input()
c = 0
for x in s:
    if x.$meth():
        c += 1
if c == 0:
    print("$word")
else:
    print(c)
""",
    gen=lambda rng, p: line(rand_str(rng, "abcxyz0123456789" if rng.random() < 0.7 else ("abc" if rng.random() < 0.5 else "123"))),
    edges=lambda p: [line("abc"), line("123"), line("a1")],
    derive=lambda p: {"meth": _CLASSES[p["cls"]][0], "clsw": _CLASSES[p["cls"]][1]},
)

_add(
    name="upper_positions",
    difficulty="introductory",
    description="uppercase the letters at positions i with i mod k = r",
    fmt="string",
    params=tuple(p for p in _grid(k=[2, 3, 4], r=[0, 1, 2, 3]) if p["r"] < p["k"]),
    phrasings=(
        "Number the positions of s from 0. Make the letter at every position i with i mod $k = $r uppercase and print the result.",
        "Capitalize every letter whose index (starting from 0) leaves remainder $r when divided by $k. The other letters stay lowercase.",
        "Write s again, but turn the characters at indices $r, $r + $k, $r + 2*$k, ... (0-based) into capital letters.",
    ),
    input_text=STRING_IN,
    output_text="Print the new string.",
    code="""
s = input()
t = ""
for i in range(len(s)):
    if i % $k == $r:
        t += s[i].upper()
    else:
        t += s[i]
print(t)
""",
    gen=lambda rng, p: line(rand_str(rng, "abcdefghijklmnopqrstuvwxyz")),
    edges=lambda p: [line("a"), line("abcdefgh")],
    derive=_with({"len_lo": 1, "len_hi": 12}),
)

def _adjacent_gen(rng: random.Random, p: dict[str, Any]) -> str:
    s = rand_str(rng, "abcd", 1, 8)
    if rng.random() < 0.4:
        s = "".join(sorted(s, reverse=p["rel"] == "lt"))
        if p["rel"] == "eq":
            s = "".join(ch for i, ch in enumerate(s) if i == 0 or ch != s[i - 1])
    return line(s)


_add(
    name="adjacent_check",
    difficulty="introductory",
    description="check a rule on every pair of neighbouring characters",
    fmt="string",
    params=_grid(rel=["eq", "gt", "lt"], words=[0, 1, 2]),
    phrasings=(
        "Check whether $rulew.",
        "A word is good if $rulew. Is the given word good?",
        "Look at every pair of neighbouring characters s_i, s_(i+1) and decide whether $rulew.",
    ),
    input_text="The only line contains a string s of 1 to 8 lowercase English letters.",
    output_text="Print $yes or $no.",
    code="""
s = input()
ok = True
for i in range(1, len(s)):
    if s[i] $viol s[i - 1]:
        ok = False
if ok:
    print("$yes")
else:
    print("$no")
""",
    gen=_adjacent_gen,
    edges=lambda p: [line("a"), line("aa"), line("ab"), line("ba")],
    derive=lambda p: {
        "yes": YESNO[p["words"]][0],
        "no": YESNO[p["words"]][1],
        "viol": {"eq": "==", "gt": "<", "lt": ">"}[p["rel"]],
        "rulew": {"eq": "no two neighbouring characters of s are equal",
                  "gt": "the letters of s are in alphabetical order (each letter is not earlier in the alphabet than the one before it)",
                  "lt": "the letters of s are in reverse alphabetical order (each letter is not later in the alphabet than the one before it)"}[p["rel"]],
    },
)


def _bracket_gen(rng: random.Random, p: dict[str, Any]) -> str:
    o, c = p["br"][0], p["br"][1]
    if rng.random() < 0.5:  # a balanced string built by random insertions
        s = ""
        for _ in range(rng.randint(1, 5)):
            i = rng.randint(0, len(s))
            s = s[:i] + o + c + s[i:]
        return line(s)
    return line(rand_str(rng, o + c, 1, 10))


_add(
    name="brackets",
    difficulty="interview",
    description="is a bracket sequence balanced",
    fmt="string",
    params=_grid(br=["()", "[]", "<>"], words=[0, 1, 2]),
    phrasings=(
        "Check whether the bracket sequence s is balanced: every '$o' has a matching '$c' after it, and no '$c' comes before its '$o'.",
        "A sequence of brackets $o and $c is correct if you can read it left to right so that the number of open brackets never drops below zero and is zero at the end. Is s correct?",
        "Decide whether the brackets in s can be matched in pairs '$o' ... '$c', properly nested.",
    ),
    input_text="The only line contains a string s of 1 to 10 characters, each '$o' or '$c'.",
    output_text="Print $yes if it is, otherwise print $no.",
    code="""
s = input()
d = 0
ok = True
for x in s:
    if x == "$o":
        d += 1
    else:
        d -= 1
    if d < 0:
        ok = False
if ok and d == 0:
    print("$yes")
else:
    print("$no")
""",
    gen=_bracket_gen,
    edges=lambda p: [line(p["br"]), line(p["br"][::-1]), line(p["br"][0] * 2 + p["br"][1])],
    derive=lambda p: {"o": p["br"][0], "c": p["br"][1], "yes": YESNO[p["words"]][0], "no": YESNO[p["words"]][1]},
)

# ---- words

_add(
    name="count_words_len",
    difficulty="introductory",
    description="count the words whose length compares with k",
    fmt="words",
    params=_grid(op=["gt", "lt", "ge", "le", "eq"], k=[2, 3, 4, 5]),
    phrasings=(
        "Count the words whose length is $opw $k.",
        "A sentence is given. How many of its words have $opw $k letters?",
        "Find the number of words w in the line with len(w) $opw $k.",
    ),
    input_text=WORDS_IN,
    output_text="Print one integer: the number of such words.",
    code="""
w = input().split()
c = 0
for x in w:
    if len(x) $sym $k:
        c += 1
print(c)
""",
    gen=lambda rng, p: line(rand_words(rng)),
    edges=lambda p: [line("a" * p["k"]), line("ab " + "c" * (p["k"] + 1)), line("a b c")],
)

_add(
    name="longest_word",
    difficulty="introductory",
    description="the first/last longest/shortest word",
    fmt="words",
    params=_grid(best=["long", "short"], which=["first", "last"]),
    phrasings=(
        "Print the $bestw word of the line. If several words have that length, print the $which of them.",
        "Find the word with the $bestw length; among equally $bestw words choose the $which one.",
        "Which word of the sentence is the $bestw? On ties, answer with the $which such word.",
    ),
    input_text=WORDS_IN,
    output_text="Print the word.",
    code="""
w = input().split()
b = w[0]
for x in w:
    if len(x) $cmp len(b):
        b = x
print(b)
""",
    gen=lambda rng, p: line(rand_words(rng, l_max=4)),
    edges=lambda p: [line("abc"), line("ab cd"), line("a bcd ef")],
    derive=lambda p: {
        "cmp": {("long", "first"): ">", ("long", "last"): ">=", ("short", "first"): "<", ("short", "last"): "<="}[(p["best"], p["which"])],
        "bestw": {"long": "longest", "short": "shortest"}[p["best"]],
    },
)

_add(
    name="words_starting",
    difficulty="introductory",
    description="print the words that start with c, or a word when none do",
    fmt="words",
    params=_grid(ch=list("abcde"), word=["NONE", "-"]),
    phrasings=(
        "Print all words that start with the letter $ch, in their original order. If there are none, print $word.",
        "From the given sentence keep only the words beginning with '$ch' and print them separated by spaces; print $word if nothing is kept.",
        "List every word whose first letter is $ch. When the list is empty, output $word.",
    ),
    input_text=WORDS_IN,
    output_text="Print the words separated by spaces, or $word.",
    code="""
w = input().split()
b = []
for x in w:
    if x[0] == "$ch":
        b.append(x)
if len(b) == 0:
    print("$word")
else:
    print(*b)
""",
    gen=lambda rng, p: line(rand_words(rng, alphabet="abcdef", l_max=4)),
    edges=lambda p: [line(p["ch"]), line("f fa"), line(p["ch"] + "f f" + p["ch"] + " " + p["ch"])],
)

# ---- pairs of integers

_add(
    name="pick_larger",
    difficulty="introductory",
    description="print the larger/smaller of two numbers, or a word if equal",
    fmt="pair",
    params=_grid(best=["max", "min"], word=["EQUAL", "SAME", "DRAW"]),
    phrasings=(
        "Print the $bestw of the two numbers. If they are equal, print $word.",
        "Alice has a coins and Bob has b coins. Print the $bestw amount, or $word if both have the same amount.",
        "Compare a and b and output the $bestw one; output $word when a = b.",
    ),
    input_text=PAIR_IN,
    output_text="Print the number, or $word.",
    code="""
a, b = map(int, input().split())
if a == b:
    print("$word")
elif a $sym b:
    print(a)
else:
    print(b)
""",
    gen=lambda rng, p: pair(rng.randint(-20, 20), rng.randint(-20, 20)),
    edges=lambda p: [pair(3, 3), pair(5, -2), pair(-2, 5)],
    derive=lambda p: {"lo": -20, "hi": 20, "sym": {"max": ">", "min": "<"}[p["best"]], "bestw": {"max": "larger", "min": "smaller"}[p["best"]]},
)

_add(
    name="divides",
    difficulty="introductory",
    description="is a divisible by b (or b by a)",
    fmt="pair",
    params=_grid(dir=["ab", "ba"], words=[0, 1, 2]),
    phrasings=(
        "Check whether $num is divisible by $den.",
        "Can $num candies be shared equally among $den children with nothing left over?",
        "Determine if $den is a divisor of $num.",
    ),
    input_text="The only line contains two integers a and b (1 <= a, b <= 60).",
    output_text="Print $yes for a positive answer and $no otherwise.",
    code="""
a, b = map(int, input().split())
if $num % $den == 0:
    print("$yes")
else:
    print("$no")
""",
    gen=lambda rng, p: pair(*(lambda x, y: (x * y, y) if p["dir"] == "ab" else (y, x * y))(rng.randint(1, 6), rng.randint(1, 10)))
    if rng.random() < 0.4 else pair(rng.randint(1, 60), rng.randint(1, 60)),
    edges=lambda p: [pair(12, 4) if p["dir"] == "ab" else pair(4, 12), pair(7, 3), pair(5, 5)],
    derive=lambda p: {
        "num": "a" if p["dir"] == "ab" else "b",
        "den": "b" if p["dir"] == "ab" else "a",
        "yes": YESNO[p["words"]][0],
        "no": YESNO[p["words"]][1],
    },
)

_EXPRS = {"diff": ("a - b", "b - a", "the first minus the second", "the second minus the first"),
          "sumprod": ("a + b", "a * b", "their sum", "their product"),
          "prodsum": ("a * b", "a + b", "their product", "their sum")}

_add(
    name="pair_branch",
    difficulty="introductory",
    description="one formula when a compares with b, another otherwise",
    fmt="pair",
    params=_grid(op=["gt", "lt", "ge", "le"], expr=list(_EXPRS)),
    phrasings=(
        "If a is $opw b, print $e1w; otherwise print $e2w.",
        "Two numbers a and b are given. When a is $opw b the answer is $e1w, and in every other case it is $e2w.",
        "Print $e1w of a and b if a is $opw b, and $e2w if it is not.",
    ),
    input_text=PAIR_IN,
    output_text="Print one integer.",
    code="""
a, b = map(int, input().split())
if a $sym b:
    print($e1)
else:
    print($e2)
""",
    gen=lambda rng, p: pair(rng.randint(-9, 9), rng.randint(-9, 9)),
    edges=lambda p: [pair(2, 2), pair(5, 3), pair(3, 5)],
    derive=lambda p: {
        "lo": -9, "hi": 9,
        "e1": _EXPRS[p["expr"]][0], "e2": _EXPRS[p["expr"]][1],
        "e1w": _EXPRS[p["expr"]][2], "e2w": _EXPRS[p["expr"]][3],
    },
)

_add(
    name="range_count",
    difficulty="introductory",
    description="count the numbers in [a, b] that are / are not divisible by k",
    fmt="pair",
    params=_grid(k=list(range(2, 10)), neg=[0, 1]),
    phrasings=(
        "Count the integers x between a and b (inclusive) that are ${notw}divisible by $k.",
        "How many numbers from min(a, b) to max(a, b) are ${notw}multiples of $k?",
        "All pages between page a and page b of a book (both included) are read. How many of the page numbers are ${notw}divisible by $k?",
    ),
    input_text="The only line contains two integers a and b (1 <= a, b <= 40). They may be given in any order.",
    output_text="Print one integer: the count.",
    code="""
a, b = map(int, input().split())
if a > b:
    a, b = b, a
c = 0
for x in range(a, b + 1):
    if x % $k $eqop 0:
        c += 1
print(c)
""",
    gen=lambda rng, p: pair(rng.randint(1, 40), rng.randint(1, 40)),
    edges=lambda p: [pair(p["k"], p["k"]), pair(p["k"] + 1, p["k"] + 1), pair(1, 2 * p["k"]), pair(3 * p["k"], p["k"] + 1)],
    derive=lambda p: {"notw": "not " if p["neg"] else "", "eqop": "!=" if p["neg"] else "=="},
)

_add(
    name="coprime",
    difficulty="interview",
    description="gcd(a, b) == 1 by Euclid's algorithm",
    fmt="pair",
    params=_grid(ask=["coprime", "share"], words=[0, 1, 2]),
    phrasings=(
        "Check whether $askw.",
        "Two gears have a and b teeth. Find out whether $askw.",
        "Using the greatest common divisor, decide whether $askw.",
    ),
    input_text="The only line contains two integers a and b (1 <= a, b <= 100).",
    output_text="Print $yes or $no.",
    code="""
a, b = map(int, input().split())
while b != 0:
    a, b = b, a % b
if a $cmp 1:
    print("$yes")
else:
    print("$no")
""",
    gen=lambda rng, p: pair(rng.randint(1, 100), rng.randint(1, 100)),
    edges=lambda p: [pair(1, 1), pair(6, 4), pair(9, 10)],
    derive=lambda p: {
        "cmp": "==" if p["ask"] == "coprime" else ">",
        "askw": "the numbers a and b are coprime (their greatest common divisor is 1)" if p["ask"] == "coprime"
        else "the numbers a and b have a common divisor greater than 1",
        "yes": YESNO[p["words"]][0],
        "no": YESNO[p["words"]][1],
    },
)

_add(
    name="quadrant",
    difficulty="introductory",
    description="which quadrant a point (a, b) lies in",
    fmt="pair",
    params=_grid(axis=["0", "AXIS", "-1"]),
    phrasings=(
        "The point (a, b) is drawn on the plane. Print the number of the quadrant it lies in (1: a > 0, b > 0; 2: a < 0, b > 0; 3: a < 0, b < 0; 4: a > 0, b < 0). If it lies on an axis, print $axis.",
        "Find the quadrant of the point with coordinates a and b. Quadrants are numbered 1 to 4 counter-clockwise starting from the one where both coordinates are positive. Points on the axes get the answer $axis.",
        "A ship is at position (a, b). Report the quadrant number (1 for the upper right, 2 upper left, 3 lower left, 4 lower right), or $axis if the ship is on one of the axes.",
    ),
    input_text=PAIR_IN,
    output_text="Print 1, 2, 3, 4 or $axis.",
    code="""
a, b = map(int, input().split())
if a == 0 or b == 0:
    print("$axis")
elif a > 0 and b > 0:
    print(1)
elif a < 0 and b > 0:
    print(2)
elif a < 0:
    print(3)
else:
    print(4)
""",
    gen=lambda rng, p: pair(rng.randint(-5, 5), rng.randint(-5, 5)),
    edges=lambda p: [pair(0, 3), pair(2, 2), pair(-2, 2), pair(-2, -2), pair(2, -2)],
    derive=lambda p: {"lo": -5, "hi": 5},
)

# ---- one integer

_WORD_PAIRS = [("Fizz", "Buzz"), ("Foo", "Bar"), ("Ping", "Pong")]

_add(
    name="fizzbuzz",
    difficulty="introductory",
    description="FizzBuzz with divisors p, q and words",
    fmt="int",
    params=tuple(dict(p=p, q=q, words=w) for p in (2, 3, 5, 7) for q in (2, 3, 5, 7) if p != q for w in range(3)),
    phrasings=(
        "If n is divisible by both $p and $q, print $w1$w2. Otherwise, if it is divisible by $p print $w1, if it is divisible by $q print $w2, and in all other cases print n itself.",
        "Play the game: multiples of $p are called $w1, multiples of $q are called $w2, and multiples of both are called $w1$w2. Any other number is said as it is. What is said for n?",
        "Print $w1 for multiples of $p, $w2 for multiples of $q, $w1$w2 for numbers that are multiples of both, and the number n otherwise.",
    ),
    input_text="The only line contains an integer n (1 <= n <= 100).",
    output_text="Print the word or the number.",
    code="""
n = int(input())
if n % $pq == 0:
    print("$w1$w2")
elif n % $p == 0:
    print("$w1")
elif n % $q == 0:
    print("$w2")
else:
    print(n)
""",
    gen=lambda rng, p: line(str(rng.randint(1, 100))),
    edges=lambda p: [line(str(p["p"] * p["q"])), line(str(p["p"])), line(str(p["q"])), line("1")],
    derive=lambda p: {"pq": p["p"] * p["q"], "w1": _WORD_PAIRS[p["words"]][0], "w2": _WORD_PAIRS[p["words"]][1]},
)

_BANDS = [("low", "medium", "high"), ("cold", "warm", "hot"), ("small", "average", "large")]

_add(
    name="three_bands",
    difficulty="introductory",
    description="classify n into three bands by two thresholds",
    fmt="int",
    params=tuple(dict(x=x, y=x + d, words=w) for x in (10, 20, 30, 50) for d in (10, 25) for w in range(3)),
    phrasings=(
        "If n is less than $x, print $w1. If n is at least $x but at most $y, print $w2. If n is greater than $y, print $w3.",
        "Classify the value n: below $x it is $w1, from $x to $y (inclusive) it is $w2, and above $y it is $w3.",
        "A reading of n is $w1 when n < $x, $w2 when $x <= n <= $y and $w3 when n > $y. Print the class of the reading.",
    ),
    input_text="The only line contains an integer n (0 <= n <= 100).",
    output_text="Print $w1, $w2 or $w3.",
    code="""
n = int(input())
if n < $x:
    print("$w1")
elif n <= $y:
    print("$w2")
else:
    print("$w3")
""",
    gen=lambda rng, p: line(str(rng.randint(0, 100))),
    edges=lambda p: [line(str(p["x"] - 1)), line(str(p["x"])), line(str(p["y"])), line(str(p["y"] + 1))],
    derive=lambda p: dict(zip(("w1", "w2", "w3"), _BANDS[p["words"]])),
)

_GRADES = [("A", "B", "C", "F"), ("excellent", "good", "fair", "poor")]

_add(
    name="grade",
    difficulty="introductory",
    description="four grades by three thresholds",
    fmt="int",
    params=tuple(dict(g1=g1, g2=g2, g3=g3, words=w) for (g1, g2, g3) in ((90, 80, 70), (85, 70, 50), (80, 60, 40), (75, 50, 25), (95, 75, 55)) for w in range(2)),
    phrasings=(
        "A score of at least $g1 gets grade $w1, at least $g2 gets $w2, at least $g3 gets $w3, and anything lower gets $w4. Print the grade for the score n.",
        "Convert the test score n to a grade: $w1 for $g1 and above, $w2 for $g2 to ${g1m}, $w3 for $g3 to ${g2m}, and $w4 below $g3.",
        "The teacher grades as follows: n >= $g1 is $w1, n >= $g2 is $w2, n >= $g3 is $w3, otherwise $w4. What grade does a score of n get?",
    ),
    input_text="The only line contains an integer n (0 <= n <= 100).",
    output_text="Print the grade.",
    code="""
n = int(input())
if n >= $g1:
    print("$w1")
elif n >= $g2:
    print("$w2")
elif n >= $g3:
    print("$w3")
else:
    print("$w4")
""",
    gen=lambda rng, p: line(str(rng.randint(0, 100))),
    edges=lambda p: [line(str(p["g1"])), line(str(p["g2"])), line(str(p["g3"])), line(str(p["g3"] - 1))],
    derive=lambda p: {**dict(zip(("w1", "w2", "w3", "w4"), _GRADES[p["words"]])), "g1m": p["g1"] - 1, "g2m": p["g2"] - 1},
)

_add(
    name="special_year",
    difficulty="interview",
    description="leap-year style rule: divisible by r, or by p but not by q",
    fmt="int",
    params=tuple(dict(p=p, q=q, r=r, words=w) for (p, q, r) in ((4, 100, 400), (3, 30, 90), (5, 20, 100), (2, 10, 50)) for w in range(3)),
    phrasings=(
        "A year is special if it is divisible by $r, or if it is divisible by $p but not by $q. Is year n special?",
        "In a far country a year n is a leap year when n is a multiple of $r, or when n is a multiple of $p and not a multiple of $q. Decide whether n is a leap year there.",
        "Check the rule: n divisible by $r means yes; otherwise n divisible by $q means no; otherwise n divisible by $p means yes; otherwise no.",
    ),
    input_text="The only line contains an integer n (1 <= n <= 2000).",
    output_text="Print $yes or $no.",
    code="""
n = int(input())
if n % $r == 0:
    print("$yes")
elif n % $q == 0:
    print("$no")
elif n % $p == 0:
    print("$yes")
else:
    print("$no")
""",
    gen=lambda rng, p: line(str(rng.choice([rng.randint(1, 2000), rng.randint(1, 2000 // p["p"]) * p["p"], rng.randint(1, 2000 // p["q"]) * p["q"]]))),
    edges=lambda p: [line(str(p["r"])), line(str(p["q"])), line(str(p["p"])), line("1")],
    derive=lambda p: {"yes": YESNO[p["words"]][0], "no": YESNO[p["words"]][1]},
)

_add(
    name="digit_count",
    difficulty="introductory",
    description="count the digits of n that compare with d",
    fmt="int",
    params=_grid(op=["eq", "gt", "lt"], d=list(range(1, 9))),
    phrasings=(
        "Count the digits of n that are $opw $d.",
        "How many digits of the number n are $opw $d?",
        "Look at the decimal representation of n and find how many of its digits are $opw $d.",
    ),
    input_text="The only line contains an integer n (1 <= n <= 10^9).",
    output_text="Print one integer: the count.",
    code="""
n = int(input())
c = 0
while n > 0:
    if n % 10 $sym $d:
        c += 1
    n //= 10
print(c)
""",
    gen=lambda rng, p: line(str(rng.randint(1, 10 ** rng.randint(1, 9)))),
    edges=lambda p: [line(str(p["d"])), line(str(p["d"] * 11 + 1)), line("9080")],
)

_add(
    name="digit_sum_div",
    difficulty="introductory",
    description="is the digit sum of n divisible by k",
    fmt="int",
    params=_grid(k=list(range(2, 10)), words=[0, 1, 2]),
    phrasings=(
        "Check whether the sum of the digits of n is divisible by $k.",
        "A ticket number n is lucky if the sum of its digits is a multiple of $k. Is the ticket lucky?",
        "Add up all digits of n and decide whether the result is divisible by $k.",
    ),
    input_text="The only line contains an integer n (1 <= n <= 10^9).",
    output_text="Print $yes or $no.",
    code="""
n = int(input())
s = 0
while n > 0:
    s += n % 10
    n //= 10
if s % $k == 0:
    print("$yes")
else:
    print("$no")
""",
    gen=lambda rng, p: line(str(rng.randint(1, 10 ** rng.randint(1, 9)))),
    edges=lambda p: [line(str(p["k"])), line(str(p["k"] + 1) if p["k"] < 9 else "19"), line("1")],
    derive=lambda p: {"yes": YESNO[p["words"]][0], "no": YESNO[p["words"]][1]},
)

_add(
    name="divisors",
    difficulty="interview",
    description="count or sum the (even/odd/all) divisors of n",
    fmt="int",
    params=_grid(agg=["count", "sum"], kind=["all", "even", "odd"]),
    phrasings=(
        "Find the $aggw of all ${kindw}divisors of n.",
        "A divisor of n is a positive integer d such that n mod d = 0. Print the $aggw of the ${kindw}divisors of n.",
        "Consider every positive integer that divides n evenly$kindw2. What is their $aggw?",
    ),
    input_text="The only line contains an integer n (1 <= n <= 200).",
    output_text="Print one integer.",
    code=lambda p: ("""
n = int(input())
c = 0
for d in range(1, n + 1):
    if n % d == 0:
        c += $add
print(c)
""" if p["kind"] == "all" else """
n = int(input())
c = 0
for d in range(1, n + 1):
    if n % d == 0:
        if d % 2 == $par:
            c += $add
print(c)
"""),
    gen=lambda rng, p: line(str(rng.randint(1, 200))),
    edges=lambda p: [line("1"), line("12"), line("7")],
    derive=lambda p: {
        "add": "1" if p["agg"] == "count" else "d",
        "aggw": "number" if p["agg"] == "count" else "sum",
        "kindw": "" if p["kind"] == "all" else p["kind"] + " ",
        "kindw2": "" if p["kind"] == "all" else f" and is {p['kind']}",
        "par": 0 if p["kind"] == "even" else 1,
    },
)

_add(
    name="is_prime",
    difficulty="interview",
    description="primality by trial division",
    fmt="int",
    params=_grid(ask=["prime", "composite"], words=[0, 1, 2]),
    phrasings=(
        "Determine whether n is $askw.",
        "A prime number is an integer greater than 1 whose only positive divisors are 1 and itself; a composite number is an integer greater than 1 that is not prime. Is n $askw2?",
        "Check by trial division whether the number n is $askw. (The number 1 is neither prime nor composite.)",
    ),
    input_text="The only line contains an integer n (1 <= n <= 1000).",
    output_text="Print $yes if it is, otherwise print $no.",
    code=lambda p: """
n = int(input())
ok = n > 1
for d in range(2, n):
    if n % d == 0:
        ok = False
        break
if ok:
    print("$yes")
else:
    print("$no")
""" if p["ask"] == "prime" else """
n = int(input())
ok = False
for d in range(2, n):
    if n % d == 0:
        ok = True
        break
if ok:
    print("$yes")
else:
    print("$no")
""",
    gen=lambda rng, p: line(str(rng.choice([rng.randint(1, 1000), rng.choice([2, 3, 5, 7, 11, 13, 97, 101, 499, 997])]))),
    edges=lambda p: [line("1"), line("2"), line("9"), line("13")],
    derive=lambda p: {
        "yes": YESNO[p["words"]][0],
        "no": YESNO[p["words"]][1],
        "askw": "a prime number" if p["ask"] == "prime" else "a composite number",
        "askw2": p["ask"],
    },
)

_add(
    name="collatz",
    difficulty="interview",
    description="Collatz steps: count steps / maximum value / odd steps until n becomes 1",
    fmt="int",
    params=_grid(mode=["steps", "max", "odd"]),
    phrasings=(
        "While n is not 1: if n is even, halve it, otherwise replace n by 3 * n + 1. $askw",
        "Apply the rule repeatedly until the number becomes 1: even numbers are divided by 2, odd numbers become 3 * n + 1. $askw",
        "Start from n. As long as it differs from 1, divide it by two when it is even and multiply it by 3 and add 1 when it is odd. $askw",
    ),
    input_text="The only line contains an integer n (1 <= n <= 100).",
    output_text="Print one integer.",
    code=lambda p: {
        "steps": """
n = int(input())
c = 0
while n != 1:
    if n % 2 == 0:
        n //= 2
    else:
        n = 3 * n + 1
    c += 1
print(c)
""",
        "max": """
n = int(input())
b = n
while n != 1:
    if n % 2 == 0:
        n //= 2
    else:
        n = 3 * n + 1
    if n > b:
        b = n
print(b)
""",
        "odd": """
n = int(input())
c = 0
while n != 1:
    if n % 2 == 0:
        n //= 2
    else:
        n = 3 * n + 1
        c += 1
print(c)
""",
    }[p["mode"]],
    gen=lambda rng, p: line(str(rng.randint(1, 100))),
    edges=lambda p: [line("1"), line("8"), line("3")],
    derive=lambda p: {
        "askw": {"steps": "How many steps are made?", "max": "What is the largest value that appears (including n itself)?",
                 "odd": "How many times is the odd rule applied?"}[p["mode"]],
    },
)

_add(
    name="sum_multiples",
    difficulty="introductory",
    description="count/sum the numbers 1..n divisible by p or/and q",
    fmt="int",
    params=tuple(dict(p=p, q=q, join=j, agg=g) for p in range(2, 6) for q in range(p + 1, 8) for j in ("or", "and") for g in ("sum", "count")),
    phrasings=(
        "Find the $aggw of the numbers from 1 to n that are divisible by $p $join by $q.",
        "Consider 1, 2, ..., n. Print the $aggw of those that are multiples of $p $join of $q.",
        "How much is the $aggw of all integers x with 1 <= x <= n such that x mod $p = 0 $join x mod $q = 0?",
    ),
    input_text="The only line contains an integer n (1 <= n <= 100).",
    output_text="Print one integer.",
    code="""
n = int(input())
s = 0
for x in range(1, n + 1):
    if x % $p == 0 $join x % $q == 0:
        s += $add
print(s)
""",
    gen=lambda rng, p: line(str(rng.randint(1, 100))),
    edges=lambda p: [line("1"), line(str(p["p"])), line(str(p["p"] * p["q"]))],
    derive=lambda p: {"add": "x" if p["agg"] == "sum" else "1", "aggw": "sum" if p["agg"] == "sum" else "number"},
)

_add(
    name="digits_rule",
    difficulty="introductory",
    description="keep only the even/odd digits of n, or print a word when none are left",
    fmt="int",
    params=_grid(keep=["even", "odd"], word=["-1", "NONE"]),
    phrasings=(
        "Write down, from left to right, only the $keep digits of n. If n has no $keep digit, print $word.",
        "Remove every digit of n that is not $keep and print the digits that remain in their order; print $word if none remain.",
        "Keep the $keep digits of the number n and throw the others away. Print what is kept, or $word if nothing is kept.",
    ),
    input_text="The only line contains an integer n (1 <= n <= 10^9).",
    output_text="Print the kept digits as one string, or $word.",
    code="""
s = input()
t = ""
for x in s:
    if int(x) % 2 == $par:
        t += x
if t == "":
    print("$word")
else:
    print(t)
""",
    gen=lambda rng, p: line(str(rng.randint(1, 10 ** rng.randint(1, 9)))),
    edges=lambda p: [line("1357"), line("2468"), line("1020")],
    derive=lambda p: {"par": 0 if p["keep"] == "even" else 1},
)

FAMILY_BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}
if len(FAMILY_BY_NAME) != len(FAMILIES):
    raise RuntimeError("families: duplicate family name")


# --------------------------------------------------------------------------- running the reference


def run_reference(code: str | Any, stdin: str) -> str:
    """Run trusted reference code in-process with ``stdin`` as input; return its stdout."""
    compiled = compile(code, "<reference>", "exec") if isinstance(code, str) else code
    out = io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)

    def stdin_input(prompt: str = "") -> str:
        # Jupyter replaces builtins.input with one that asks the user; read our stdin instead
        line = sys.stdin.readline()
        if not line:
            raise EOFError("EOF when reading a line")
        return line.rstrip("\n")

    try:
        with contextlib.redirect_stdout(out):
            exec(compiled, {"__name__": "__main__", "input": stdin_input})
    finally:
        sys.stdin = old_stdin
    return out.getvalue()


# --------------------------------------------------------------------------- split and build


def _rng(*parts: Any) -> random.Random:
    """A Random seeded from a SHA-256 of the parts: same stream on every machine and hash seed."""
    digest = hashlib.sha256("/".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def split_table(family: Family) -> dict[tuple[str, int], tuple[str, str | None]]:
    """``(param_key, phrasing) -> (split, holdout_rule)`` for every combination of one family.

    The rule is the one in the module docstring; it depends only on the family's grid, its
    phrasings and :data:`SPLIT_SEED`.
    """
    keys = [family.param_key(p) for p in family.params]
    n_phr = len(family.phrasings)
    rng = _rng("split", SPLIT_SEED, family.name)
    order = list(keys)
    rng.shuffle(order)
    n_params = len(keys)
    n_hold_params = max(1, round(HOLDOUT_PARAM_FRAC * n_params)) if n_params >= 3 else 0
    n_hold_pairs = max(1, round(HOLDOUT_PAIR_FRAC * n_params))
    held_params = order[:n_hold_params]
    pair_params = order[n_hold_params:n_hold_params + n_hold_pairs]

    # held-out units: a whole parameter combination (all phrasings) or one (params, phrasing) pair
    units: list[tuple[list[tuple[str, int]], str]] = [([(key, ph) for ph in range(n_phr)], "params") for key in held_params]
    units += [([(key, rng.randrange(n_phr))], "pair") for key in pair_params]

    table = {(key, ph): ("train", None) for key in keys for ph in range(n_phr)}
    size = {"valid": 0, "test": 0}
    first = rng.choice(["valid", "test"])  # who wins ties: balanced across families on average
    second = "test" if first == "valid" else "valid"
    for combos, rule in units:
        which = first if size[first] <= size[second] else second
        size[which] += len(combos)
        for combo in combos:
            table[combo] = (which, rule)
    return table


def _make_tests(family: Family, params: dict[str, Any], compiled: Any, rng: random.Random, where: str) -> tuple[list[str], list[str]]:
    """Example first, then the edge inputs, then random inputs up to ``TESTS_PER_PROBLEM``.

    The example is the longest of three random inputs (the first on ties): a one-element
    example says little about the task. The other two stay on as random tests.
    """
    candidates = [family.gen(rng, params) for _ in range(3)]
    example = max(candidates, key=len)
    inputs: list[str] = [example]
    for extra in family.edges(params) + candidates:
        if extra not in inputs:
            inputs.append(extra)
    tries = 0
    while len(inputs) < TESTS_PER_PROBLEM and tries < 200:
        tries += 1
        candidate = family.gen(rng, params)
        if candidate not in inputs:
            inputs.append(candidate)
    inputs = inputs[:TESTS_PER_PROBLEM]
    outputs = []
    for stdin in inputs:
        try:
            outputs.append(run_reference(compiled, stdin))
        except Exception as e:  # a broken reference is our bug: say exactly where
            raise RuntimeError(f"families: reference of {where} fails on input {stdin!r}: {e!r}") from e
    return inputs, outputs


def build(split: str | None = None, seed: int = 0) -> list[Problem]:
    """Every problem of every family (or of one split), deterministic for ``seed``.

    ``seed`` changes the random tests and examples; split membership is fixed (see the module
    docstring). Problems come in a fixed order: family order, parameter order, phrasing order.
    """
    if split is not None and split not in SPLITS:
        raise ValueError(f"families.build: split must be one of {SPLITS} or None, got {split!r}")
    problems: list[Problem] = []
    for family in FAMILIES:
        table = split_table(family)
        for params in family.params:
            key = family.param_key(params)
            code = family.solution(params)
            compiled = compile(code, f"<families/{family.name}/{key}>", "exec")
            for ph in range(len(family.phrasings)):
                which, rule = table[(key, ph)]
                if split is not None and which != split:
                    continue
                where = f"families/{family.name}/{key}/{ph}"
                inputs, outputs = _make_tests(family, params, compiled, _rng(seed, family.name, key, ph), where)
                problems.append(
                    Problem(
                        id=where,
                        question=family.question(params, ph, inputs[0], outputs[0]),
                        solutions=[code],
                        inputs=inputs,
                        outputs=outputs,
                        fn_name=None,
                        starter_code="",
                        entry_point=None,
                        difficulty=family.difficulty,
                        source="families",
                        split=which,
                        meta={"family": family.name, "params": dict(params), "phrasing": ph, "holdout": rule},
                    )
                )
    return problems


# --------------------------------------------------------------------------- numbers for sizing a model


def summary(problems: list[Problem] | None = None) -> dict[str, Any]:
    """Sizes that a model needs: problems per split, solution length, conditionals, vocabulary.

    ``vocab_solution_tokens`` counts distinct whitespace-split tokens over all reference
    solutions (a rough lower bound on what a tokenizer must cover); ``vocab_question_tokens``
    the same over the questions.
    """
    problems = build() if problems is None else problems
    splits = {name: sum(p.split == name for p in problems) for name in SPLITS}
    solutions = [p.solutions[0] for p in problems]
    ifs = [sum(isinstance(node, ast.If) for node in ast.walk(ast.parse(code))) for code in solutions]
    fam_many = 0
    for fam in FAMILIES:
        counts = [sum(isinstance(n, ast.If) for n in ast.walk(ast.parse(fam.solution(p)))) for p in fam.params]
        fam_many += 2 * sum(c >= 2 for c in counts) >= len(counts)
    sol_vocab: set[str] = set()
    q_vocab: set[str] = set()
    for p in problems:
        sol_vocab.update(p.solutions[0].split())
        q_vocab.update(p.question.split())
    mean = lambda xs: round(sum(xs) / max(1, len(xs)), 2)  # noqa: E731
    return {
        "families": len({p.meta["family"] for p in problems}),
        "problems": len(problems),
        "per_split": splits,
        "per_difficulty": {d: sum(p.difficulty == d for p in problems) for d in ("introductory", "interview")},
        "held_out_by_rule": {r: sum(p.meta["holdout"] == r for p in problems) for r in ("params", "pair")},
        "tests_per_problem_mean": mean([len(p.inputs) for p in problems]),
        "solution_chars_mean": mean([len(c) for c in solutions]),
        "solution_chars_max": max(len(c) for c in solutions),
        "solution_lines_mean": mean([c.count("\n") for c in solutions]),
        "solution_lines_max": max(c.count("\n") for c in solutions),
        "conditionals_mean": mean(ifs),
        "solutions_with_2plus_ifs": round(sum(i >= 2 for i in ifs) / len(ifs), 3),
        "families_mostly_2plus_ifs": fam_many,
        "question_chars_mean": mean([len(p.question) for p in problems]),
        "question_chars_max": max(len(p.question) for p in problems),
        "vocab_solution_tokens": len(sol_vocab),
        "vocab_question_tokens": len(q_vocab),
    }


if __name__ == "__main__":  # python -m stepcoder_lite.data.families [SEED]
    print(json.dumps(summary(build(seed=int(sys.argv[1]) if len(sys.argv) > 1 else 0)), indent=2))
