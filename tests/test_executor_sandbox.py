"""The sandbox package's own structure: what the fork server loads, and its one path per test."""

import textwrap

import pytest

from stepcoder_lite.executor import Executor, Verdict, core
from stepcoder_lite.executor.sandbox import server

CHECK = "def check(candidate):\n    assert candidate(1) == 2\n    assert candidate(2) == 3\n"

# (program, tests): one of each mode, each with a branch that some tests skip
CASES = [
    ("x = int(input())\nif x > 1:\n    print(x)\nelse:\n    print(0)\n",
     {"inputs": ["5\n", "0\n"], "outputs": ["5\n", "0\n"]}),
    ("def f(a):\n    if a:\n        return a + 1\n    return 0\n",
     {"fn_name": "f", "inputs": [[1], [0]], "outputs": [2, 1]}),
    ("def inc(x):\n    return x + 1\n", {"check": CHECK, "entry_point": "inc"}),
]


@pytest.fixture(scope="module")
def ex():
    with Executor(workers=1, timeout_s=0.5, memory_mb=512, max_output_bytes=1 << 16) as e:
        yield e


def outcomes(executor):
    return [(r.verdict, r.executed_lines, [t.verdict for t in r.tests])
            for r in (executor.run(program, tests) for program, tests in CASES)]


def test_the_server_loads_no_supervisor_module(ex):
    # the script core.py starts loads its own package only: nothing of stepcoder_lite above it
    program = textwrap.dedent("""\
        import sys
        print(sorted(m for m in sys.modules if m.startswith("stepcoder_lite")))
    """)
    expected = ["stepcoder_lite.executor.sandbox", "stepcoder_lite.executor.sandbox.hardening",
                "stepcoder_lite.executor.sandbox.harness", "stepcoder_lite.executor.sandbox.server",
                "stepcoder_lite.executor.sandbox.wire"]
    r = ex.run(program, {"inputs": [""], "outputs": [repr(expected) + "\n"]})
    assert r.verdict == Verdict.PASS, r.to_dict()


def test_without_prefork_a_test_runs_on_a_spare_forked_when_it_arrives(ex, monkeypatch):
    with_prefork = outcomes(ex)
    monkeypatch.setattr(core._Worker, "prefork", False)
    with Executor(workers=1, timeout_s=0.5, memory_mb=512, max_output_bytes=1 << 16) as cold:
        assert outcomes(cold) == with_prefork
        w = cold._acquire()
        try:
            assert w.request({"op": "ping"}, timeout=10)["spare_pid"] is None  # nothing forked ahead
        finally:
            cold._idle.put(w)
    assert [verdict for verdict, _, _ in with_prefork] == [Verdict.PASS, Verdict.WRONG_ANSWER, Verdict.PASS]
    assert with_prefork[0][1] == {1, 2, 3, 4, 5}


@pytest.mark.slow
def test_a_program_longer_than_a_spares_coverage_slots(ex):
    n = server.SPARE_COV_LINES + 10
    r = ex.run("x = 0\n" * n + "print(x)\n", {"inputs": [""], "outputs": ["0\n"]})
    assert r.verdict == Verdict.PASS and r.executed_lines == set(range(1, n + 2)), r.verdict
    r = ex.run("print(1)\n", {"inputs": [""], "outputs": ["1\n"]})  # and the next one runs as usual
    assert r.verdict == Verdict.PASS and r.executed_lines == {1}
