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

Layout: ``base`` (the ``Family`` record, input helpers, running a reference), the catalogs
``arrays``, ``text`` and ``numbers`` (one ``_add`` block per family), and this module (tests,
the split, ``build``, ``summary``). ``python -m stepcoder_lite.data.families`` prints the sizes.

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
import hashlib
import random
from typing import Any

from stepcoder_lite.data.families import arrays, numbers, text
from stepcoder_lite.data.families.base import OPS, Family, run_reference
from stepcoder_lite.data.families.dead_code import with_dead_code
from stepcoder_lite.data.problem import Problem

__all__ = ["FAMILIES", "FAMILY_BY_NAME", "Family", "OPS", "SPLITS", "build", "corpus_solution", "run_reference",
           "split_table", "summary"]

SPLIT_SEED = 0
HOLDOUT_PARAM_FRAC = 0.08
HOLDOUT_PAIR_FRAC = 0.10
TESTS_PER_PROBLEM = 8
SPLITS = ("train", "valid", "test")

# The catalog, in a fixed order (the order of ``build``'s output).
FAMILIES: list[Family] = arrays.FAMILIES + text.FAMILIES + numbers.FAMILIES

FAMILY_BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}
if len(FAMILY_BY_NAME) != len(FAMILIES):
    raise RuntimeError("families: duplicate family name")


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


# --------------------------------------------------------------------------- fresh parameters for the SFT stream

WIDEN_MIN_VALUES = 4
"""An integer axis is widened for fresh draws when the grid holds at least this many of its
values (fewer are flags or indices into word lists, which only the grid's values make sense for)."""


def draw_axes(family: Family) -> dict[str, range | tuple[Any, ...]]:
    """Per parameter axis, the values a fresh draw picks one of (uniformly).

    An integer axis with >= :data:`WIDEN_MIN_VALUES` values that a statement states (``$k`` in
    a phrasing or section) is a literal the model must copy: it is drawn from the grid's range
    widened to ``[lo - span // 2, hi + span]`` (not below 0 when the grid is non-negative), so
    the model meets numbers it cannot have memorised. Every other axis keeps the grid's values.
    """
    texts = " ".join(family.phrasings) + family.input_text + family.output_text
    axes: dict[str, list[Any]] = {}
    for params in family.params:
        for key, value in params.items():
            axes.setdefault(key, [])
            if value not in axes[key]:
                axes[key].append(value)
    out: dict[str, range | tuple[Any, ...]] = {}
    for key, values in axes.items():
        ints = all(type(v) is int for v in values)
        if ints and len(values) >= WIDEN_MIN_VALUES and f"${key}" in texts:
            lo, hi = min(values), max(values)
            span = hi - lo
            out[key] = range(max(lo - span // 2, 0) if lo >= 0 else lo - span // 2, hi + span + 1)
        else:
            out[key] = tuple(values)
    return out


def fresh_problem(family: Family, rng: random.Random, seed: int = 0, tries: int = 50) -> Problem | None:
    """One training problem of ``family`` with parameters drawn fresh (:func:`draw_axes`) and a
    random phrasing. A draw is kept only if its reference runs on all its tests, the tests do
    not all expect the same output, and it is not held out: a held-out parameter combination
    (valid or test) or a held-out (parameters, phrasing) pair is drawn again. ``None`` after
    ``tries`` rejected draws."""
    axes = draw_axes(family)
    table = split_table(family)
    for _ in range(tries):
        params = {key: rng.choice(values) for key, values in axes.items()}
        key = family.param_key(params)
        phrasing = rng.randrange(len(family.phrasings))
        if table.get((key, phrasing), ("train", None))[0] != "train":
            continue  # a held-out combination never reaches the SFT stream
        try:
            code = family.solution(params)
            compiled = compile(code, f"<families/{family.name}/{key}>", "exec")
            inputs, outputs = _make_tests(family, params, compiled, _rng(seed, family.name, key, phrasing), key)
            question = family.question(params, phrasing, inputs[0], outputs[0])
        except (RuntimeError, ValueError, ArithmeticError, IndexError, KeyError, TypeError):
            continue  # parameters this family's template or tests cannot take (k = 0, ...)
        if len(set(outputs)) < 2:
            continue  # uninformative: every test expects the same output
        return Problem(id=f"families/{family.name}/{key}/{phrasing}", question=question, solutions=[code], inputs=inputs,
                       outputs=outputs, fn_name=None, starter_code="", entry_point=None, difficulty=family.difficulty,
                       source="families", split="train",
                       meta={"family": family.name, "params": dict(params), "phrasing": phrasing, "holdout": None, "fresh": True})
    return None


def fresh_problems(n: int, seed: int = 0, epoch: int = 0) -> list[Problem]:
    """``n`` training problems with fresh parameters, families in proportion to their share of
    the training split: the SFT stream of one epoch. A pure function of ``(n, seed, epoch)``."""
    weights = [sum(v[0] == "train" for v in split_table(f).values()) for f in FAMILIES]
    rng = _rng("fresh", seed, epoch)
    out: list[Problem] = []
    while len(out) < n:
        family = rng.choices(FAMILIES, weights=weights)[0]
        problem = fresh_problem(family, rng, seed=seed)
        if problem is not None:
            out.append(problem)
    return out


# --------------------------------------------------------------------------- a corpus with human mistakes


def corpus_solution(problem: Problem, mistake_rate: float, per_solution: int = 1, seed: int = 0,
                    dead_code_rate: float = 0.0) -> tuple[str, tuple[str, ...]]:
    """The solution an SFT corpus holds for a *training* problem, and the mistakes written in.

    Real corpora hold buggy code; so does this one, on purpose (see ``mistakes``). With
    probability ``mistake_rate`` the problem's solution carries ``per_solution`` of its
    family's declared mistakes (all of them if it declares fewer), chosen at random and written
    in their declared order; otherwise it is the reference. Independently, with probability
    ``dead_code_rate`` (default 0) an unused helper goes in front of it (``dead_code``: code
    the tests never run, where FGO should matter). The draws depend only on
    ``(seed, problem.id)``: the corpus is one fixed set of solutions, the same every epoch,
    as a scraped corpus would be. Problems of other sources come back unchanged.
    """
    for name, rate in (("mistake_rate", mistake_rate), ("dead_code_rate", dead_code_rate)):
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"{name} must be in [0, 1], got {rate}")
    if per_solution < 1:
        raise ValueError(f"mistakes per solution must be >= 1, got {per_solution}")
    family = FAMILY_BY_NAME.get(problem.meta.get("family", "")) if problem.source == "families" else None
    if family is None:
        return problem.solutions[0], ()
    solution, chosen = problem.solutions[0], ()
    rng = _rng("mistake", seed, problem.id)
    if family.mistakes and mistake_rate > 0.0 and rng.random() < mistake_rate:
        chosen = rng.sample(family.mistakes, min(per_solution, len(family.mistakes)))
        chosen = tuple(sorted(chosen, key=family.mistakes.index))
        solution = family.mistaken_solution(problem.meta["params"], chosen)
    dead = _rng("dead code", seed, problem.id)  # its own stream: the mistakes drawn never change with it
    if dead_code_rate > 0.0 and dead.random() < dead_code_rate:
        solution = with_dead_code(solution, dead)
    return solution, chosen


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
