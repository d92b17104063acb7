"""The APPS+ refinement step: run every canonical solution against its own tests, keep the
problems whose solution passes, and name the reason for every one that does not.

StepCoder's APPS+ is APPS with the problems whose reference solution fails its own tests
removed (wrong expected outputs, solutions for a different statement, tests that time out).
:func:`verify_problems` is that step for any problem set the data loaders produce.

APPS+ problems are run with the imports the authors' harness prepends to every program
(``stepcoder_lite.data.APPS_PLUS_PRELUDE``, executed before the program in its namespace), as
the StepCoder authors ran them: ``Problem.tests()`` carries it for every APPS+ problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from stepcoder_lite.executor.core import EXEC_PRESETS, ExecResult, Executor


def verify_problems(problems: Iterable, *, executor: Executor | None = None, workers: int | None = None,
                    **overrides) -> tuple[dict[str, Any], list]:
    """Run each problem's canonical solution (``solutions[0]``) against its tests.

    Returns ``(report, passing_problems)`` where ``report`` is
    ``{"problems": N, "passed": k, "failed": [{"id", "verdict", "detail"}, ...]}``
    (a problem without a solution fails with verdict ``no_solution``).
    Limits default to the ``verify`` preset (4 s per test, no coverage)."""
    problems = list(problems)
    cfg = dict(vars(EXEC_PRESETS["verify"]))
    cfg.update(overrides)
    own = executor is None
    ex = executor or Executor(workers=workers)
    try:
        runnable = [p for p in problems if p.solutions]
        results: list[ExecResult] = ex.run_batch([(p.solutions[0], p.tests()) for p in runnable], **cfg)
    finally:
        if own:
            ex.close()
    by_id = {id(p): r for p, r in zip(runnable, results)}
    failed, passing = [], []
    for p in problems:
        r = by_id.get(id(p))
        if r is None:
            failed.append({"id": p.id, "verdict": "no_solution", "detail": "the problem has no canonical solution"})
        elif r.passed:
            passing.append(p)
        else:
            bad = next((i for i, t in enumerate(r.tests) if t.verdict != "pass"), None)
            where = f"test {bad}: " if bad is not None else ""
            failed.append({"id": p.id, "verdict": str(r.verdict), "detail": (where + r.detail)[:300]})
    report = {"problems": len(problems), "passed": len(passing), "failed": failed}
    return report, passing


def write_clean(problems: list, path: str | Path) -> Path:
    """Write the passing problems as JSON Lines of ``Problem.to_dict()`` (loadable with
    ``load_source(PATH)``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for p in problems:
            f.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
    return path
