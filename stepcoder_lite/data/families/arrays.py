"""Families over an array of integers (input: n, then n integers).

Each ``_add`` block is one family: parameters, phrasings, Input/Output sections, the solution
template, a random input generator and edge inputs (see ``Family`` in ``base``). Conventions
in solutions: n, a (array), s (string), w (words), c (count), t (built string), b (built list
or best so far), x (loop element), i (loop index), ok (flag).
"""

from __future__ import annotations

import random
from typing import Any

from stepcoder_lite.data.families.base import (
    ARRAY_IN, YESNO, Family, arr, arr_limits, grid, rand_arr, with_limits,
)

FAMILIES: list[Family] = []


def _add(**kw: Any) -> None:
    FAMILIES.append(Family(**kw))


# ---- arrays: counting and filtering

_add(
    name="count_mod",
    difficulty="introductory",
    description="count the elements with remainder r modulo k",
    fmt="array",
    mistakes=("init:0", "skip_first:0"),
    params=tuple(p for p in grid(k=list(range(2, 10)), r=list(range(0, 9))) if p["r"] < p["k"]),
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
    derive=with_limits(arr_limits(0, 50)),
)

_add(
    name="sum_compare",
    difficulty="introductory",
    description="sum of the elements that compare with a threshold t",
    fmt="array",
    mistakes=("init:0", "skip_first:0"),
    params=grid(op=["gt", "lt", "ge", "le"], t=list(range(-3, 7))),
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
    derive=with_limits(arr_limits(-10, 10)),
)

_add(
    name="filter_print",
    difficulty="introductory",
    description="print the elements that compare with t, or a word when there are none",
    fmt="array",
    mistakes=("strict:0", "swap:0"),
    params=grid(op=["gt", "lt", "ge", "le"], t=list(range(0, 5)), word=["NONE", "EMPTY", "NO"]),
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
    derive=with_limits(arr_limits(-5, 9, 1, 6)),
)

_add(
    name="count_between",
    difficulty="introductory",
    description="count the elements inside a closed interval [x, y]",
    fmt="array",
    mistakes=("strict:0", "init:0", "skip_first:0"),
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
    derive=with_limits(arr_limits(0, 20)),
)

_add(
    name="three_way_count",
    difficulty="introductory",
    description="count elements above, below and equal to t, printed in a given order",
    fmt="array",
    mistakes=("strict:0", "init:0", "skip_first:0"),
    params=grid(t=[-2, -1, 0, 1, 2], order=["gle", "lge", "egl", "gel", "leg", "elg"]),
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
    derive=with_limits(
        arr_limits(-5, 5),
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
    mistakes=("strict:0", "init:0", "skip_first:0"),
    params=grid(op=["gt", "lt", "ge", "le"], t=list(range(-2, 5))),
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
    derive=with_limits(arr_limits(-5, 5)),
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
    mistakes=("strict:0", "swap:0"),
    params=grid(dir=["nondec", "inc", "noninc", "dec"], words=[0, 1, 2]),
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
    derive=with_limits(
        arr_limits(0, 9, 1, 6),
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
    mistakes=("init:0", "range_end:0"),
    params=grid(which=["first", "last"], k=list(range(2, 8)), none=[-1, 0]),
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
    derive=with_limits(arr_limits(1, 30)),
)

_add(
    name="argbest",
    difficulty="introductory",
    description="position of the first/last maximum/minimum",
    fmt="array",
    mistakes=("strict:0", "init:0"),
    params=grid(best=["max", "min"], which=["first", "last"]),
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
    derive=with_limits(
        arr_limits(0, 6),
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
    mistakes=("strict:2", "init:0", "swap:0"),
    params=grid(t=list(range(0, 10)), words=[0, 1, 2]),
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
    derive=with_limits(arr_limits(0, 15, 1, 5), lambda p: {"yes": YESNO[p["words"]][0], "no": YESNO[p["words"]][1]}),
)

_add(
    name="adjacent_compare",
    difficulty="introductory",
    description="count positions i where a_i compares with a_(i+g)",
    fmt="array",
    mistakes=("init:0",),
    params=grid(op=["gt", "lt", "eq", "ne"], g=[1, 2, 3]),
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
    derive=with_limits(arr_limits(0, 4), lambda p: {"placew": "place" if p["g"] == 1 else "places"}),
)

_add(
    name="parity_points",
    difficulty="introductory",
    description="even numbers score p points, odd numbers q points",
    fmt="array",
    mistakes=("init:0", "skip_first:0", "swap:0"),
    params=tuple(pp for pp in grid(p=[1, 2, 3, 4, 5], q=[1, 2, 3, 4, 5]) if pp["p"] != pp["q"]),
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
    derive=with_limits(arr_limits(0, 20)),
)

_add(
    name="clip_values",
    difficulty="introductory",
    description="clamp every element into [x, y]",
    fmt="array",
    mistakes=("skip_first:0", "swap:0"),
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
    derive=with_limits(arr_limits(-9, 9)),
)

_add(
    name="replace_cond",
    difficulty="introductory",
    description="replace the elements that compare with t by a value v",
    fmt="array",
    mistakes=("range_end:0",),
    params=grid(op=["gt", "lt", "ge", "le"], t=[0, 1, 2, 3], v=[0, -1]),
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
    edges=lambda p: [arr([p["t"]]), arr([p["t"] - 1, p["t"] + 1]), arr([p["t"] + 3, p["t"], p["t"] - 3]),
                     arr([p["t"], p["t"] + 4 if p["op"] in ("gt", "ge") else p["t"] - 4])],
    derive=with_limits(arr_limits(-5, 9)),
)

_add(
    name="count_at_least",
    difficulty="introductory",
    description="are at least m elements divisible by k",
    fmt="array",
    mistakes=("strict:0", "skip_first:0", "swap:0"),
    params=grid(k=[2, 3, 4, 5], m=[1, 2, 3], words=[0, 1]),
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
    derive=with_limits(arr_limits(1, 20), lambda p: {"yes": YESNO[p["words"]][0], "no": YESNO[p["words"]][1]}),
)

_add(
    name="records",
    difficulty="introductory",
    description="count the running records (new maximum/minimum)",
    fmt="array",
    mistakes=("strict:0", "init:0"),
    params=grid(best=["max", "min"], strict=[1, 0]),
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
    derive=with_limits(
        arr_limits(0, 9),
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
    mistakes=("skip_first:0", "swap:0"),
    params=grid(k=[2, 3, 4, 5], best=["max", "min"], word=["-1", "NONE"]),
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
    derive=with_limits(
        arr_limits(1, 40),
        lambda p: {"sym": {"max": ">", "min": "<"}[p["best"]], "bestw": {"max": "largest", "min": "smallest"}[p["best"]]},
    ),
)

_add(
    name="count_pairs",
    difficulty="interview",
    description="count pairs i < j whose sum is divisible by k / equal to k",
    fmt="array",
    mistakes=("init:0", "range_end:1"),
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
    derive=with_limits(
        arr_limits(0, 9),
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
    mistakes=("range_end:0",),
    params=grid(k=[1, 2, 3, 4], best=["max", "min"]),
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
    derive=with_limits(
        arr_limits(-9, 9),
        lambda p: {"sym": {"max": ">", "min": "<"}[p["best"]], "bestw": {"max": "largest", "min": "smallest"}[p["best"]], "n_lo": p["k"]},
    ),
)

_add(
    name="above_average",
    difficulty="interview",
    description="count elements compared with the average",
    fmt="array",
    mistakes=("strict:0", "init:0", "skip_first:0"),
    params=grid(op=["gt", "lt", "ge", "le"]),
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
    derive=with_limits(arr_limits(0, 10)),
)

_add(
    name="local_extrema",
    difficulty="interview",
    description="count inner elements strictly above/below both neighbours",
    fmt="array",
    mistakes=("range_end:0",),
    params=grid(kind=["peak", "valley"], out=["count", "list"]),
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
    derive=with_limits(
        arr_limits(0, 9),
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
    mistakes=("strict:0", "init:0", "init:1"),
    params=grid(m=list(range(0, 10)), mode=["count", "first"]),
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
    derive=with_limits(
        arr_limits(-10, 6),
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
    mistakes=("swap:0",),
    params=grid(best=["max", "min"], word=["-1", "NONE"]),
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
    derive=with_limits(
        arr_limits(0, 9),
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
    mistakes=("strict:1", "init:0", "skip_first:0"),
    params=grid(words=[0, 1, 2]),
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
    derive=with_limits(arr_limits(-5, 5), lambda p: dict(zip(("wp", "wn", "wz"), _SIGN_WORDS[p["words"]]))),
)

_add(
    name="majority_class",
    difficulty="introductory",
    description="are there more even (positive) or odd (negative) elements",
    fmt="array",
    mistakes=("strict:0", "init:0", "skip_first:0"),
    params=grid(cls=["parity", "sign"], tie=["TIE", "DRAW"]),
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
    derive=with_limits(
        arr_limits(-9, 9),
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
    mistakes=("range_end:0",),
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
    edges=lambda p: [arr([4, 4]), arr([1, 6, 2]), arr([9, -9, 0, 1]), arr([0, 1, 9])],
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
    mistakes=("init:0",),
    params=grid(out=list(_MINMAX_OUT)),
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
    derive=with_limits(
        arr_limits(-20, 20),
        lambda p: {
            "expr": _MINMAX_OUT[p["out"]][0],
            "outw": _MINMAX_OUT[p["out"]][1],
            "outline": f"Print two integers separated by a space: {_MINMAX_OUT[p['out']][1]}." if "," in _MINMAX_OUT[p["out"]][0]
            else f"Print one integer: {_MINMAX_OUT[p['out']][1]}.",
        },
    ),
)
