"""The pieces every family is made of: the ``Family`` record, input helpers, running a reference.

Family catalogs (``arrays``, ``text``, ``numbers``) import from here; ``__init__`` turns the
catalogs into problems and splits.
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
from dataclasses import dataclass, field
from string import Template
from typing import Any, Callable

from stepcoder_lite.data.families.mistakes import apply_mistakes, parse_mistake

FORMATS = ("array", "string", "words", "pair", "int")
DIFFICULTIES = ("introductory", "interview")

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
    | mistakes    | 1-3 typical human mistakes, ``"kind:site"`` (``mistakes.KINDS``); each one |
    |             | fails at least one test of every problem of the family (tested)           |
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
    mistakes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        where = f"families: family {self.name!r}"
        if self.fmt not in FORMATS:
            raise ValueError(f"{where}: fmt {self.fmt!r} is not one of {FORMATS}")
        if self.difficulty not in DIFFICULTIES:
            raise ValueError(f"{where}: difficulty {self.difficulty!r} is not one of {DIFFICULTIES}")
        if len(self.phrasings) < 3:
            raise ValueError(f"{where}: needs at least 3 phrasings, has {len(self.phrasings)}")
        if not self.params:
            raise ValueError(f"{where}: empty parameter grid")
        if len(self.mistakes) > 3:
            raise ValueError(f"{where}: declares {len(self.mistakes)} mistakes; at most 3")
        for spec in self.mistakes:
            parse_mistake(spec)
        object.__setattr__(self, "params", tuple(self.params))
        object.__setattr__(self, "phrasings", tuple(self.phrasings))

    def __repr__(self) -> str:
        return (f"Family({self.name!r}, {self.difficulty}, fmt={self.fmt}, "
                f"{len(self.params)} params x {len(self.phrasings)} phrasings)")

    def describe(self, n_params: int = 2) -> str:
        """Readable summary: every phrasing (first parameters) and the solution for ``n_params`` parameter sets."""
        out = [f"{self.name} ({self.difficulty}, input: {self.fmt}): {self.description}", "phrasings:"]
        out += [f"  {i}. {self.statement(self.params[0], i)}" for i in range(len(self.phrasings))]
        for params in self.params[:n_params]:
            out += [f"solution for {params}:", self.solution(params).rstrip("\n")]
        return "\n".join(out)

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

    def mistaken_solution(self, params: dict[str, Any], mistakes: tuple[str, ...] | list[str]) -> str:
        """The reference program with some of this family's declared ``mistakes`` written in."""
        unknown = [m for m in mistakes if m not in self.mistakes]
        if unknown:
            raise ValueError(f"families: family {self.name!r} declares no mistake {unknown} (it has {self.mistakes})")
        out = apply_mistakes(self.solution(params), list(mistakes))
        if out is None:
            raise ValueError(f"families: {self.name} {params}: a mistake of {list(mistakes)} has no site")
        return out

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


def grid(**axes: list[Any]) -> tuple[dict[str, Any], ...]:
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


def arr_limits(lo: int, hi: int, n_lo: int = 1, n_hi: int = 8) -> dict[str, int]:
    return {"lo": lo, "hi": hi, "n_lo": n_lo, "n_hi": n_hi}


def with_limits(limits: dict[str, Any], extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None):
    """A ``derive`` that adds fixed limits (for the Input section) and optional extras."""

    def derive(p: dict[str, Any]) -> dict[str, Any]:
        out = dict(limits)
        if extra is not None:
            out.update(extra(p))
        return out

    return derive


# --------------------------------------------------------------------------- running a reference


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
