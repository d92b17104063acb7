"""Families over numbers: a pair of integers, or one integer.

Each ``_add`` block is one family: parameters, phrasings, Input/Output sections, the solution
template, a random input generator and edge inputs (see ``Family`` in ``base``). Conventions
in solutions: n, a (array), s (string), w (words), c (count), t (built string), b (built list
or best so far), x (loop element), i (loop index), ok (flag).
"""

from __future__ import annotations

from typing import Any

from stepcoder_lite.data.families.base import PAIR_IN, YESNO, Family, grid, line, pair

FAMILIES: list[Family] = []


def _add(**kw: Any) -> None:
    FAMILIES.append(Family(**kw))


# ---- pairs of integers

_add(
    name="pick_larger",
    difficulty="introductory",
    description="print the larger/smaller of two numbers, or a word if equal",
    fmt="pair",
    mistakes=("swap:0",),
    params=grid(best=["max", "min"], word=["EQUAL", "SAME", "DRAW"]),
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
    mistakes=("swap:0",),
    params=grid(dir=["ab", "ba"], words=[0, 1, 2]),
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
    mistakes=("swap:0",),
    params=grid(op=["gt", "lt", "ge", "le"], expr=list(_EXPRS)),
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
    mistakes=("init:0", "range_end:0"),
    params=grid(k=list(range(2, 10)), neg=[0, 1]),
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
    mistakes=("swap:0",),
    params=grid(ask=["coprime", "share"], words=[0, 1, 2]),
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
    mistakes=("swap:0",),
    params=grid(axis=["0", "AXIS", "-1"]),
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
    mistakes=("swap:0",),
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
    mistakes=("strict:0", "strict:1", "swap:0"),
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
    mistakes=("strict:0", "strict:1", "swap:0"),
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
    mistakes=("swap:0",),
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
    mistakes=("init:0",),
    params=grid(op=["eq", "gt", "lt"], d=list(range(1, 9))),
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
    mistakes=("init:0",),
    params=grid(k=list(range(2, 10)), words=[0, 1, 2]),
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
    mistakes=("init:0",),
    params=grid(agg=["count", "sum"], kind=["all", "even", "odd"]),
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
    mistakes=("swap:0",),
    params=grid(ask=["prime", "composite"], words=[0, 1, 2]),
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
    mistakes=("init:0",),
    params=grid(mode=["steps", "max", "odd"]),
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
    mistakes=("init:0", "range_end:0"),
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
    mistakes=("skip_first:0", "swap:0"),
    params=grid(keep=["even", "odd"], word=["-1", "NONE"]),
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
