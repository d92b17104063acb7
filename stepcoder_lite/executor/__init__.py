"""Run untrusted programs against unit tests: the source of every reward and every FGO mask.

A program written by a model runs in a separate, sandboxed process per test, forked from a
small fork server; a trusted supervisor (this process) alone holds the expected outputs and
judges. Read the modules in this order:

| module        | its one job                                                                  |
|---------------|------------------------------------------------------------------------------|
| ``core``      | verdicts, results, the worker pool, ``run_program`` (the supervisor)          |
| ``sandbox/``  | the fork server and what happens inside each sandboxed child (a package, stdlib only) |
| ``compare``   | APPS+ comparison semantics, strict: tokens, float tolerance, plain values     |
| ``coverage``  | executed lines -> whole executed statements (what FGO masks by)               |

Quick use::

    from stepcoder_lite.executor import run_program
    r = run_program("print(int(input()) * 2)", {"inputs": ["21\\n"], "outputs": ["42\\n"]})
    r.verdict, r.executed_lines        # (Verdict.PASS, {1})
"""

from stepcoder_lite.executor.core import (
    EXEC_PRESETS,
    ExecConfig,
    ExecResult,
    Executor,
    TestResult,
    Verdict,
    check_tests,
    default_executor,
    run_program,
)

__all__ = ["EXEC_PRESETS", "ExecConfig", "ExecResult", "Executor", "TestResult", "Verdict",
           "check_tests", "default_executor", "run_program"]
