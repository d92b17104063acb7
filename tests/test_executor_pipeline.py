"""Pipelined HumanEval checks (checker.py, *Pipelining*) must judge exactly as the checks asked
one call at a time: same verdict, same detail, same executed lines -- above all when the
program, past the assert that decides, goes on with calls that would never have been made.

Each case runs twice on the same executor, ``pipeline_checks=True`` and ``False`` (the
reference path), and the two results are compared.
"""

from __future__ import annotations

import textwrap

import pytest

from stepcoder_lite.executor import Executor, Verdict, core
from stepcoder_lite.executor.checker import Plan, pipeline_plan
from stepcoder_lite.executor.sandbox import encode_plain


@pytest.fixture(scope="module")
def ex():
    with Executor(workers=2, timeout_s=0.5, memory_mb=512, max_output_bytes=1 << 16) as e:
        yield e


CHECK = textwrap.dedent("""
    METADATA = {"author": "test"}

    def check(candidate):
        assert candidate(1) == 2
        assert candidate(2) == 3, "second"
        assert abs(candidate(3) - 4) < 1e-9
        assert candidate(4) == 5
""")


def run_both(ex, program, check=CHECK, entry="inc", **overrides):
    tests = {"check": check, "entry_point": entry}
    piped = ex.run(textwrap.dedent(program), tests, pipeline_checks=True, **overrides)
    one_by_one = ex.run(textwrap.dedent(program), tests, pipeline_checks=False, **overrides)
    return piped, one_by_one


def assert_same(piped, one_by_one):
    assert piped.verdict == one_by_one.verdict, (piped.to_dict(), one_by_one.to_dict())
    assert piped.detail == one_by_one.detail, (piped.detail, one_by_one.detail)
    assert piped.executed_lines == one_by_one.executed_lines, (piped.executed_lines, one_by_one.executed_lines)


class Spy:
    """Counts how core judged the check tests it ran (replaces a function of core for a while)."""

    def __init__(self, monkeypatch, name):
        self.calls = 0
        real = getattr(core, name)

        def spied(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(core, name, spied)


# --------------------------------------------------------------------------- the plan


def test_plan_of_a_plain_humaneval_check():
    plan = pipeline_plan(CHECK, "inc")
    assert plan == Plan(tuple(encode_plain([x]) for x in (1, 2, 3, 4)), complete=True)


def test_plan_ends_where_the_calls_are_no_longer_known():
    check = textwrap.dedent("""
        def check(candidate):
            assert True, "a statement without calls is fine"
            assert candidate([1, 2], -3) == [3]
            for x in range(3):
                assert candidate([x], 0) == [x]
            assert candidate([], 0) == []
    """)
    plan = pipeline_plan(check, "f")
    assert plan.calls == (encode_plain([[1, 2], -3]),) and not plan.complete
    # after the plan, nothing calls the program: the program may exit once it has answered
    tail = "def check(candidate):\n    assert candidate(1) == 1\n    for x in range(3):\n        assert x < 5\n"
    assert pipeline_plan(tail, "f").complete


@pytest.mark.parametrize("body", [
    "assert candidate(1) == 1 or candidate(2) == 2",        # the second call may be skipped
    "assert candidate(1) if True else candidate(2)",
    "assert 0 < 1 < candidate(1)",                          # right of a chained comparison
    "assert all(candidate(x) for x in [1, 2])",             # comprehension
    "assert candidate(x=1) == 1",                           # keyword argument
    "assert candidate(*[1]) == 1",                          # starred argument
    "assert candidate(len([1])) == 1",                      # not a literal
    "assert candidate(1) == candidate(2)",                  # two calls in one statement
    "f = candidate",                                        # the proxy escapes
    "assert candidate(...) == 1",                           # not a plain value
])
def test_no_plan_where_the_first_call_is_not_certain(body):
    assert pipeline_plan(f"def check(candidate):\n    {body}\n", "f") is None


@pytest.mark.parametrize("check", [
    "def check(candidate):\n    assert f(1) == 1\n",                           # the entry point by name
    "def check(candidate):\n    assert candidate(1) == 1\ncheck = print\n",   # check rebound
    "def check(candidate, other):\n    assert candidate(1) == 1\n",
    "def check(candidate):\n    assert candidate(1) == 1\n    yield\n",        # a generator: never runs
    "def check(candidate):\n    assert candidate(1) == 1, candidate(2)\n",    # the message calls it
])
def test_no_plan_for_unusual_checks(check):
    assert pipeline_plan(check, "f") is None


# --------------------------------------------------------------------------- same judgement


@pytest.mark.parametrize("program", [
    "def inc(x):\n    return x + 1\n",                                         # canonical: pass
    "def inc(x):\n    return None\n",                                          # None == 2: wrong answer
    "def inc(x):\n    raise ValueError('broken')\n",                           # runtime error, first call
    "def inc(x):\n    return 2\n",                                             # right once, then wrong
    "def inc(x):\n    if x == 3:\n        return None\n    return x + 1\n",    # None - 4: the check raises
    "def inc(x):\n    if x == 4:\n        raise KeyError(x)\n    return x + 1\n",  # raises in the last call
    "def other(x):\n    return x + 1\n",                                       # no such function
    "inc = 5\n",                                                               # not callable
])
def test_simple_variants_judged_alike(ex, program):
    assert_same(*run_both(ex, program))


def test_always_equal_object_is_wrong_answer_on_both_paths(ex):
    program = """
        class Liar:
            def __eq__(self, other):
                return True
        def inc(x):
            return Liar()
    """
    piped, one_by_one = run_both(ex, program)
    assert_same(piped, one_by_one)
    assert piped.verdict == Verdict.WRONG_ANSWER


def test_calls_that_mutate_module_state_run_in_order(ex):
    # right only if the calls come in the check's order, in one process, none skipped or repeated
    program = """
        seen = []
        def inc(x):
            seen.append(x)
            assert seen == list(range(1, x + 1)), seen
            return x + 1
    """
    piped, one_by_one = run_both(ex, program)
    assert_same(piped, one_by_one)
    assert piped.verdict == Verdict.PASS


# The program answers the first call (0: wrong, 2: right), then, from the second call on,
# misbehaves. Past a wrong first answer, those are calls that the reference path never makes,
# and whatever they do must not count.
LATER = {
    "infinite loop": "while True:\n    pass\n",
    "sleep": "import time\ntime.sleep(30)\n",
    "memory bomb": "x = bytearray(1 << 40)\n",
    "output bomb": "while True:\n    print('x' * 1000)\n",
    "file bomb": "with open('f', 'wb') as f:\n    f.write(b'x' * (1 << 20))\n",
    "exit": "raise SystemExit(3)\n",
    "crash": "import ctypes\nctypes.string_at(0)\n",
    "raise": "raise ValueError('later')\n",
    "new lines": "y = [x]\nreturn y[0] + 1\n",
}


def first_then(first: int, later: str) -> str:
    return f"def inc(x):\n    if x == 1:\n        return {first}\n" + textwrap.indent(later, "    ")


@pytest.mark.parametrize("what", list(LATER))
def test_misbehaviour_past_the_deciding_call_does_not_count(ex, what):
    piped, one_by_one = run_both(ex, first_then(0, LATER[what]))
    assert_same(piped, one_by_one)
    assert piped.verdict == Verdict.WRONG_ANSWER
    assert piped.executed_lines == {1, 2, 3}  # the def, the if, the return 0: not the later lines


@pytest.mark.parametrize("what,verdict", [
    ("infinite loop", Verdict.TIMEOUT),
    ("memory bomb", Verdict.MEMORY_LIMIT),
    ("output bomb", Verdict.OUTPUT_LIMIT),
    ("file bomb", Verdict.OUTPUT_LIMIT),
    ("exit", Verdict.RUNTIME_ERROR),
    ("crash", Verdict.RUNTIME_ERROR),
    ("raise", Verdict.RUNTIME_ERROR),
])
def test_misbehaviour_in_a_call_that_counts_still_counts(ex, what, verdict):
    piped, one_by_one = run_both(ex, first_then(2, LATER[what]))
    assert piped.verdict == one_by_one.verdict == verdict, (piped.to_dict(), one_by_one.to_dict())


@pytest.mark.parametrize("what", ["infinite loop", "exit", "crash", "memory bomb"])
def test_past_the_deciding_call_the_program_is_stopped_not_rerun(ex, monkeypatch, what):
    # judged from the check's own outcome, once the server stopped the program or it ended by
    # itself: exit, crash and MemoryError happen in calls that do not count, no second run
    speculated = Spy(monkeypatch, "_judge_speculated")
    runs = Spy(monkeypatch, "_run_check_test")
    r = ex.run(first_then(0, LATER[what]), {"check": CHECK, "entry_point": "inc"})
    assert r.verdict == Verdict.WRONG_ANSWER and r.executed_lines == {1, 2, 3}
    assert speculated.calls == 1 and runs.calls == 1


@pytest.mark.parametrize("report,rerun", [
    ({"killed_for": "stopped", "signal": 9, "cpu_s": 0.01}, False),
    ({"killed_for": None, "exit_code": 3, "cpu_s": 0.01, "final": {"kind": "exit", "code": 3}}, False),
    ({"killed_for": None, "signal": 11, "cpu_s": 0.01}, False),
    ({"killed_for": None, "exit_code": 86, "cpu_s": 0.01, "final": {"kind": "exception", "memory": True}}, False),
    ({"killed_for": "timeout", "signal": 9, "cpu_s": 0.2}, True),           # CPU of all calls together
    ({"killed_for": "stopped", "signal": 9, "cpu_s": 1.5}, True),           # at the limit when stopped
    ({"killed_for": "output_limit", "signal": 9, "cpu_s": 0.01}, True),     # output of all calls together
    ({"killed_for": None, "signal": 25, "cpu_s": 0.01}, True),              # SIGXFSZ: a file's total size
    ({"killed_for": None, "exit_code": 1, "cpu_s": 0.01, "final": {"kind": "exception", "errno": 27}}, True),
    ({"harness_error": "the fork server closed the connection"}, True),
])
def test_which_reports_of_a_speculated_check_need_a_rerun(report, rerun):
    assert core._total_limit_reached(report, {"cpu_s": 1.5}) is rerun


def test_a_wrong_plan_is_caught_and_the_check_rerun(ex, monkeypatch):
    # should the plan ever foresee other calls than the check makes, the proxy notices
    wrong = Plan((encode_plain([1]), encode_plain([7])), complete=True)
    monkeypatch.setattr("stepcoder_lite.executor.checker.pipeline_plan", lambda code, entry: wrong)
    reruns = Spy(monkeypatch, "_run_check_test")
    r = ex.run("def inc(x):\n    return x + 1\n", {"check": CHECK, "entry_point": "inc"})
    assert r.verdict == Verdict.PASS, r.to_dict()
    assert reruns.calls == 2


def test_a_late_stop_is_ignored_by_the_server(ex):
    # a stop that reaches the server after its test ended must not disturb the next test
    from stepcoder_lite.executor import sandbox

    w = ex._acquire()
    try:
        sandbox.send_msg(w.sock, {"op": "stop"})
        r = core._run_on_worker(w, "def inc(x):\n    return x + 1\n",
                                core._normalise_tests({"check": CHECK, "entry_point": "inc"}), ex.config)
    finally:
        ex._idle.put(w)
    assert r.verdict == Verdict.PASS, r.to_dict()


def test_partial_plan_then_calls_one_by_one(ex):
    check = textwrap.dedent("""
        def check(candidate):
            assert candidate(1) == 2
            assert candidate(2) == 3
            for x in range(3, 6):
                assert candidate(x) == x + 1
    """)
    for program in ("def inc(x):\n    return x + 1\n", "def inc(x):\n    return x + (x > 4)\n",
                    "def inc(x):\n    return x + (x < 2)\n"):
        assert_same(*run_both(ex, program, check))
