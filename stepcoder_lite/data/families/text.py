"""Families over text: one string, or one line of words.

Each ``_add`` block is one family: parameters, phrasings, Input/Output sections, the solution
template, a random input generator and edge inputs (see ``Family`` in ``base``). Conventions
in solutions: n, a (array), s (string), w (words), c (count), t (built string), b (built list
or best so far), x (loop element), i (loop index), ok (flag).
"""

from __future__ import annotations

import random
from typing import Any

from stepcoder_lite.data.families.base import (
    ALNUM_IN, STRING_IN, WORDS_IN, YESNO, Family, grid, line, rand_str, rand_words, with_limits,
)

FAMILIES: list[Family] = []


def _add(**kw: Any) -> None:
    FAMILIES.append(Family(**kw))


# ---- strings

_LETTERS = "abcdefghij"

_add(
    name="count_char",
    difficulty="introductory",
    description="count the characters equal / not equal to c",
    fmt="string",
    mistakes=("init:0", "skip_first:0"),
    params=grid(ch=list("abcdefgh"), op=["eq", "ne"]),
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
    derive=with_limits({"len_lo": 1, "len_hi": 12}),
)

_SETS = {"vowels": "aeiou", "abc": "abc", "xyz": "xyz", "aeiouy": "aeiouy", "mn": "mn", "pqrs": "pqrs"}

_add(
    name="count_set",
    difficulty="introductory",
    description="count the characters that belong / do not belong to a set of letters",
    fmt="string",
    mistakes=("init:0", "skip_first:0"),
    params=grid(set=list(_SETS), neg=[0, 1]),
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
    derive=with_limits(
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
    mistakes=("skip_first:0", "swap:0"),
    params=grid(c1=list("abcde"), c2=list("xyz*#")),
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
    derive=with_limits({"len_lo": 1, "len_hi": 12}),
)

_add(
    name="remove_char",
    difficulty="introductory",
    description="delete every c; print a word when nothing is left",
    fmt="string",
    mistakes=("skip_first:0", "swap:0"),
    params=grid(ch=list("abcd"), word=["EMPTY", "NONE", "-"]),
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
    derive=with_limits({"len_lo": 1, "len_hi": 6}),
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
    mistakes=("swap:0",),
    params=grid(words=[0, 1, 2], skip=["", "x"]),
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
    derive=with_limits(
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
    mistakes=("swap:0",),
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
    derive=with_limits(
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
    mistakes=("strict:0", "init:0", "range_end:0"),
    params=grid(order=["cn", "nc"], ones=["keep", "drop"]),
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
    derive=with_limits(
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
    mistakes=("strict:0", "init:0", "skip_first:0"),
    params=grid(pq=["ab", "ac", "bc", "xy", "ox"], word=["EQUAL", "DRAW"]),
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
    derive=with_limits({"len_lo": 1, "len_hi": 9}, lambda p: {"c1": p["pq"][0], "c2": p["pq"][1]}),
)

_add(
    name="caesar",
    difficulty="interview",
    description="shift the letters by k positions in the alphabet, digits unchanged",
    fmt="string",
    mistakes=("skip_first:0", "swap:0"),
    params=grid(dir=["right", "left"], k=list(range(1, 13))),
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
    mistakes=("init:0", "skip_first:0", "swap:0"),
    params=grid(cls=["digit", "alpha"], word=["NONE", "ZERO", "-1"]),
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
    mistakes=("range_end:0", "swap:0"),
    params=tuple(p for p in grid(k=[2, 3, 4], r=[0, 1, 2, 3]) if p["r"] < p["k"]),
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
    derive=with_limits({"len_lo": 1, "len_hi": 12}),
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
    mistakes=("range_end:0", "swap:0"),
    params=grid(rel=["eq", "gt", "lt"], words=[0, 1, 2]),
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
    mistakes=("strict:0", "init:0", "skip_first:0"),
    params=grid(br=["()", "[]", "<>"], words=[0, 1, 2]),
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
    mistakes=("init:0",),
    params=grid(op=["gt", "lt", "ge", "le", "eq"], k=[2, 3, 4, 5]),
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
    mistakes=("strict:0", "init:0"),
    params=grid(best=["long", "short"], which=["first", "last"]),
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
    mistakes=("skip_first:0", "swap:0"),
    params=grid(ch=list("abcde"), word=["NONE", "-"]),
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
