"""Describing a problem set: the numbers ``python -m stepcoder_lite data stats`` prints.

:func:`stats` summarises a list of :class:`Problem` records (and the records a lenient load
skipped); :func:`count_conditionals` counts the ``if``/``elif`` statements CCCS cuts at;
:func:`num_tests` counts a problem's tests, input/output pairs or, for HumanEval-style check
functions, asserts (:func:`count_asserts`).
"""

from __future__ import annotations

import ast
import statistics
import warnings
from collections import Counter
from typing import Any, Iterable

from stepcoder_lite.data.problem import DIFFICULTIES, Problem


def count_conditionals(code: str) -> int:
    """Number of ``if``/``elif`` statements in ``code`` (``ast.If`` nodes; an ``elif`` is its own
    ``ast.If``). These are where CCCS cuts the canonical solution. Conditional *expressions*
    (``x if c else y``), comprehension filters and ``while``/``match`` are not counted: CCCS cuts
    at statements. Raises ``ValueError`` if the code does not parse."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(code)
        except SyntaxError as e:
            raise ValueError(f"count_conditionals: the code does not parse (line {e.lineno}: {e.msg})") from None
    return sum(isinstance(node, ast.If) for node in ast.walk(tree))


def num_tests(problem: Problem) -> int:
    """Input/output pairs, or for check-function tests (HumanEval) the number of asserts."""
    if problem.inputs or "test" not in problem.meta:
        return problem.num_tests
    return count_asserts(problem.meta["test"])


def _mean(xs: list[float]) -> float | None:
    return round(statistics.fmean(xs), 3) if xs else None


def stats(problems: list[Problem], skipped: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """Summary numbers for a problem set (what ``python -m stepcoder_lite data stats`` prints).

    ``conditionals_*`` are over canonical solutions (``solutions[0]``) that parse;
    ``solution_lines_mean`` counts non-blank lines; ``tests_*`` use :func:`num_tests`.
    """
    skipped = list(skipped)
    tests = [num_tests(p) for p in problems]
    conds, unparsable = [], 0
    for p in problems:
        try:
            conds.append(count_conditionals(p.canonical_solution))
        except ValueError:
            unparsable += 1
    lines = [sum(1 for ln in p.canonical_solution.splitlines() if ln.strip()) for p in problems]
    by_diff = Counter(p.difficulty for p in problems)
    ordered = {d: by_diff[d] for d in DIFFICULTIES if d in by_diff}
    ordered.update({d: n for d, n in sorted(by_diff.items()) if d not in ordered})
    call = [p for p in problems if p.fn_name is not None]
    check_based = sum(1 for p in problems if not p.inputs and "test" in p.meta)
    return {
        "problems": len(problems),
        "stdin": len(problems) - len(call),
        "call_based": len(call),
        "class_based": sum(p.is_class_based for p in call),
        "check_function_tests": check_based,
        "by_difficulty": ordered,
        "by_split": dict(sorted(Counter(str(p.split) for p in problems).items())),
        "by_source": dict(sorted(Counter(p.source for p in problems).items())),
        "tests_total": sum(tests),
        "tests_mean": _mean(tests),
        "tests_min": min(tests) if tests else None,
        "tests_max": max(tests) if tests else None,
        "solutions_mean": _mean([len(p.solutions) for p in problems]),
        "solution_lines_mean": _mean(lines),
        "conditionals_mean": _mean(conds),
        "conditionals_max": max(conds) if conds else None,
        "with_conditionals": round(sum(c >= 1 for c in conds) / len(conds), 3) if conds else None,
        "with_two_plus_conditionals": round(sum(c >= 2 for c in conds) / len(conds), 3) if conds else None,
        "unparsable_solutions": unparsable,
        "skipped": len(skipped),
        "skipped_reasons": [
            f"{s.get('file')}: {s.get('record')}" + (f", field {s['field']!r}" if s.get("field") else "") + f": {s.get('reason')}"
            for s in skipped[:50]
        ],
    }


def count_asserts(test_code: str) -> int:
    """Number of ``assert`` statements in a HumanEval check function (its test count for stats).

    A static count: an ``assert`` inside a loop counts once, however often the loop runs.
    """
    try:
        tree = ast.parse(test_code)
    except SyntaxError:
        return 0
    return sum(isinstance(n, ast.Assert) for n in ast.walk(tree))
