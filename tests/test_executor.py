"""The executor's ordinary behaviour: verdicts, comparison semantics, coverage, batches.
(The hostile programs live in test_executor_adversarial.py.)"""

from __future__ import annotations

import math
import textwrap

import pytest

from stepcoder_lite.executor import EXEC_PRESETS, ExecConfig, Executor, Verdict, run_program
from stepcoder_lite.executor.compare import compare_stdout, compare_values
from stepcoder_lite.executor.coverage import expand_to_statements, statement_map
from stepcoder_lite.executor.sandbox import NotPlain, decode_plain, encode_plain


@pytest.fixture(scope="module")
def ex():
    with Executor(workers=2, timeout_s=1.0) as e:
        yield e


def stdin_tests(*pairs):
    return {"inputs": [p[0] for p in pairs], "outputs": [p[1] for p in pairs]}


# --------------------------------------------------------------------------- verdicts


def test_pass_and_wrong_answer_per_test(ex):
    r = ex.run("print(int(input()) * 2)", stdin_tests(("2\n", "4\n"), ("3\n", "7\n"), ("5\n", "10")))
    assert [t.verdict for t in r.tests] == [Verdict.PASS, Verdict.WRONG_ANSWER, Verdict.PASS]
    assert r.verdict == Verdict.WRONG_ANSWER and not r.passed
    assert r.num_passed == 2 and r.pass_fraction == pytest.approx(2 / 3)
    assert "expected '7', got '6'" in r.detail


def test_early_exit_stops_at_first_failure(ex):
    r = ex.run("print(int(input()) * 2)", stdin_tests(("2\n", "5\n"), ("3\n", "6\n")), early_exit=True)
    assert len(r.tests) == 1 and r.num_tests == 2 and r.verdict == Verdict.WRONG_ANSWER


def test_runtime_error_has_stderr_tail(ex):
    r = ex.run("x = 1\nprint(1 // 0)\n", stdin_tests(("", "1")))
    assert r.verdict == Verdict.RUNTIME_ERROR
    assert "ZeroDivisionError" in r.tests[0].stderr_tail and "line 2" in r.tests[0].stderr_tail
    assert "ZeroDivisionError" in r.detail


@pytest.mark.parametrize("program", ["def f(:\n  pass\n", "return 3\n", "x = (1,\n", "\x00", "nonlocal x\n"])
def test_syntax_and_compile_errors_run_nothing(ex, program):
    r = ex.run(program, stdin_tests(("", "")))
    assert r.verdict == Verdict.SYNTAX_ERROR and r.tests == []


def test_no_tests_is_never_a_pass(ex):
    r = ex.run("print(1)", {"inputs": [], "outputs": []})
    assert r.verdict == Verdict.NO_TESTS and not r.passed


def test_bad_test_dicts_are_named(ex):
    with pytest.raises(ValueError, match="2 inputs but 1 outputs"):
        ex.run("print(1)", {"inputs": ["", ""], "outputs": [""]})
    with pytest.raises(ValueError, match="need 'fn_name'"):
        ex.run("print(1)", {"inputs": [[1]], "outputs": [1]})


def test_timeout_uses_cpu_time_and_reports_it(ex):
    r = ex.run("while True: pass", stdin_tests(("", "")), timeout_s=0.3, coverage=False)
    assert r.verdict == Verdict.TIMEOUT
    assert 0.3 <= r.tests[0].time_s < 1.5


def test_coverage_is_not_charged_to_the_program(ex):
    # ~0.25 s of dense looping untraced; the tracer slows it down, the limit is scaled to match
    prog = "s = 0\nfor i in range(3_000_000):\n    s += i\nprint(s)\n"
    r = ex.run(prog, stdin_tests(("", str(sum(range(3_000_000))))), timeout_s=1.0, coverage=True)
    assert r.verdict == Verdict.PASS, r.to_dict()


# --------------------------------------------------------------------------- modes


def test_apps_plus_entry_point_is_called(ex):
    prog = "import sys\ndef FsxrN():\n    n = int(input())\n    print(n + 1)\n"
    tests = {"inputs": ["1\n"], "outputs": ["2\n"], "fn_name": None, "entry_point": "FsxrN"}
    assert ex.run(prog, tests).verdict == Verdict.PASS
    # a program that calls its entry point itself is not called twice (input() would fail)
    assert ex.run(prog + "FsxrN()\n", tests).verdict == Verdict.PASS
    assert ex.run(prog + "if __name__ == '__main__':\n    FsxrN()\n", tests).verdict == Verdict.PASS
    # a plain script without the entry point is run as a script
    assert ex.run("print(int(input()) + 1)\n", tests).verdict == Verdict.PASS


def test_call_based_function_and_solution_method(ex):
    tests = {"inputs": [[[3, 1, 2]], [[5]]], "outputs": [[1, 2, 3], [5]], "fn_name": "sort_it"}
    assert ex.run("def sort_it(xs):\n    return sorted(xs)\n", tests).verdict == Verdict.PASS
    cls = "class Solution:\n    def sort_it(self, xs: List[int]) -> List[int]:\n        return sorted(xs)\n"
    assert ex.run(cls, tests).verdict == Verdict.PASS  # typing names are there, as on LeetCode
    r = ex.run("def other(xs):\n    return xs\n", tests)
    assert r.verdict == Verdict.RUNTIME_ERROR and "sort_it" in r.detail


def test_call_based_no_permutation_leniency(ex):
    tests = {"inputs": [[[3, 1, 2]]], "outputs": [[1, 2, 3]], "fn_name": "f"}
    assert ex.run("def f(xs):\n    return [3, 2, 1]\n", tests).verdict == Verdict.WRONG_ANSWER
    assert ex.run("def f(xs):\n    return (1, 2, 3)\n", tests).verdict == Verdict.PASS  # tuple for list


def test_call_based_non_plain_return_is_wrong_answer(ex):
    tests = {"inputs": [[1]], "outputs": [1], "fn_name": "f"}
    r = ex.run("def f(x):\n    return object()\n", tests)
    assert r.verdict == Verdict.WRONG_ANSWER and "not a plain value" in r.detail


def test_humaneval_style_check(ex):
    check = "def check(candidate):\n    assert candidate([1, 2]) == 3\n    assert abs(candidate([0.5]) - 0.5) < 1e-9\n"
    tests = {"inputs": [], "outputs": [], "check": check, "entry_point": "total"}
    assert ex.run("def total(xs):\n    return sum(xs)\n", tests).verdict == Verdict.PASS
    assert ex.run("def total(xs):\n    return 0\n", tests).verdict == Verdict.WRONG_ANSWER
    r = ex.run("def total(xs):\n    return xs[5]\n", tests)
    assert r.verdict == Verdict.RUNTIME_ERROR and "IndexError" in r.detail
    r = ex.run("def total(xs):\n    return None\n", tests)  # None - 0.5 raises TypeError in the check
    assert r.verdict in (Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR)
    assert ex.run("def other(xs):\n    return 0\n", tests).verdict == Verdict.RUNTIME_ERROR


def test_humaneval_check_when_the_entry_point_is_missing_or_not_a_function(ex):
    # the checker hands the check a proxy for the entry point without asking the program first
    calls = "def check(candidate):\n    assert candidate(1) == 2\n"
    never = "def check(candidate):\n    pass\n"  # never calls it: still judged as if asked first
    for check in (calls, never):
        r = ex.run("def other(x):\n    return x + 1\n", {"check": check, "entry_point": "inc"})
        assert r.verdict == Verdict.RUNTIME_ERROR and "does not define 'inc'" in r.detail, r.to_dict()
    assert ex.run("def inc(x):\n    return x + 1\n", {"check": never, "entry_point": "inc"}).passed
    r = ex.run("inc = 5\n", {"check": calls, "entry_point": "inc"})
    assert r.verdict == Verdict.RUNTIME_ERROR and "not callable" in r.detail, r.to_dict()


def test_humaneval_check_can_use_helpers_from_the_program(ex):
    program = "def poly(xs, x):\n    return sum(c * x ** i for i, c in enumerate(xs))\n\ndef root(xs):\n    return -xs[0] / xs[1]\n"
    check = "import math\ndef check(candidate):\n    assert math.fabs(poly([2, 4], candidate([2, 4]))) < 1e-6\n"
    r = ex.run(program, {"check": check, "entry_point": "root"})
    assert r.verdict == Verdict.PASS, r.to_dict()


# --------------------------------------------------------------------------- comparison


@pytest.mark.parametrize("got,expected,ok", [
    ("1 2 3\n", "1 2 3", True),
    ("1\n2\n3", "1 2 3\n", True),            # tokens, not lines
    ("YES", "Yes", False),                   # case matters
    ("0.3333333", "0.333333333", True),      # expected float: tolerance
    ("0.3334", "0.333333333", False),
    ("2", "2.0", True),                      # expected is a float token
    ("2.0", "2", False),                     # expected is an int token: exact text
    ("nan", "nan", True), ("inf", "1e400", False),
    ("1 2", "1 2 3", False), ("", "", True),
])
def test_compare_stdout(got, expected, ok):
    assert compare_stdout(got, expected)[0] is ok


@pytest.mark.parametrize("got,expected,ok", [
    (5, 5, True), (5.0, 5, True), (True, 1, True), (0, False, True), (2, True, False), ("1", True, False), (0.1 + 0.2, 0.3, True),
    ([1, [2, 3]], [1, [2, 3]], True), ((1, 2), [1, 2], True), ([2, 1], [1, 2], False),
    ({"a": 1.0000000001}, {"a": 1.0}, True), ({"a": 1}, {"b": 1}, False), ({1, 2}, {2, 1}, True),
    ("abc", "abc", True), ("abc", ["abc"], False), (None, None, True), (float("nan"), float("nan"), True),
    (1.5, 1.5000001, True), (1.5, 1.51, False), ("1", 1, False),
])
def test_compare_values(got, expected, ok):
    assert compare_values(got, expected)[0] is ok


def test_plain_values_round_trip_and_refuse_the_rest():
    for v in [0, -3, 10**40, 1.5, float("inf"), "é\n", None, True, [1, (2, 3)], {(1, 2): {3}},
              frozenset({1}), b"\x00\xff", 2 + 3j, {"k": [None, False]}]:
        assert decode_plain(encode_plain(v)) == v and type(decode_plain(encode_plain(v))) is type(v)
    assert math.isnan(decode_plain(encode_plain(float("nan"))))

    class Sub(int):
        def __eq__(self, other):
            return True

    assert type(decode_plain(encode_plain(Sub(7)))) is int and decode_plain(encode_plain(Sub(7))) == 7
    with pytest.raises(NotPlain):
        encode_plain(object())
    cyclic = []
    cyclic.append(cyclic)
    with pytest.raises(NotPlain):
        encode_plain(cyclic)
    with pytest.raises(NotPlain):
        decode_plain('{"x": 1}')


# --------------------------------------------------------------------------- coverage


def test_executed_lines_per_test_and_union(ex):
    prog = textwrap.dedent("""\
        n = int(input())
        if n > 0:
            print('pos')
        else:
            print('neg')
    """)
    r = ex.run(prog, stdin_tests(("1\n", "pos"), ("-1\n", "neg")))
    assert r.verdict == Verdict.PASS
    assert r.executed_lines_per_test == [{1, 2, 3}, {1, 2, 4, 5}]
    assert r.executed_lines == {1, 2, 3, 4, 5}


def test_coverage_counts_whole_multiline_statements(ex):
    prog = textwrap.dedent("""\
        def f(a,
              b):
            '''doc'''
            return (a +
                    b)


        def never():
            return 0
        # a comment
        x = f(1,
              2)
        print(x)
    """)
    r = ex.run(prog, stdin_tests(("", "3")))
    assert r.executed_lines == {1, 2, 3, 4, 5, 8, 11, 12, 13}


def test_coverage_in_call_mode_threads_and_crashes(ex):
    prog = "import threading\ndef g():\n    pass\ndef f(x):\n    t = threading.Thread(target=g)\n    t.start(); t.join()\n    return 1 // x\n"
    r = ex.run(prog, {"inputs": [[1], [0]], "outputs": [1, 1], "fn_name": "f"})
    assert r.tests[0].executed_lines == {1, 2, 3, 4, 5, 6, 7}
    assert r.tests[1].verdict == Verdict.RUNTIME_ERROR and 7 in r.tests[1].executed_lines


def test_coverage_survives_a_kill(ex):
    prog = "x = 1\nimport os\nos.kill(os.getpid(), 9)\ny = 2\n"
    r = ex.run(prog, stdin_tests(("", "")))
    assert r.verdict == Verdict.RUNTIME_ERROR and r.executed_lines == {1, 2, 3}


def test_probes_store_into_a_list_in_shared_memory(ex):
    # the fast path (sandbox._probe_target): CPython's specialised list store, into slots that
    # the server reads back after the child is gone, killed or not (see the test above)
    prog = "print(type(__stepcoder_cov__).__name__)\nif 0:\n    x = 1\ny = 2\n"
    r = ex.run(prog, stdin_tests(("", "list")))
    assert r.verdict == Verdict.PASS and r.executed_lines == {1, 2, 4}, r.to_dict()


def test_coverage_slots_where_the_list_layout_is_not_usable(monkeypatch):
    # another Python: the probes store bytes into the mapping itself (slower, same lines)
    from stepcoder_lite.executor import sandbox

    monkeypatch.setattr(sandbox, "_LIST_ITEMS_AT", 0)
    mem = sandbox.coverage_memory(5)
    target = sandbox._probe_target(mem, 6)
    assert target is mem
    target[2] = 1
    target[5] = 1
    assert sandbox.lines_hit(mem, 6) == [2, 5] and sandbox._bitmap(target, mem, 6) == b"\0\0\1\0\0\1"


def test_statement_map_else_finally_elif():
    src = textwrap.dedent("""\
        try:
            x = 1
        except ValueError:
            x = 2
        else:
            x = 3
        finally:
            x = 4
        if x:
            pass
        elif x > 1:
            y = 1
        else:
            y = 2
    """)
    smap = statement_map(src)
    assert expand_to_statements({1, 2, 6, 8, 9, 10}, smap) == {1, 2, 5, 6, 7, 8, 9, 10}


# --------------------------------------------------------------------------- batches, API


def test_run_batch_keeps_order(ex):
    jobs = [(f"print({i})", stdin_tests(("", str(i if i % 3 else -1)))) for i in range(12)]
    results = ex.run_batch(jobs)
    assert [r.passed for r in results] == [bool(i % 3) for i in range(12)]


def test_run_program_and_presets():
    r = run_program("print(input()[::-1])", stdin_tests(("abc\n", "cba")), timeout_s=1.0, coverage=False)
    assert r.passed and r.executed_lines == set()
    assert EXEC_PRESETS["rl"].early_exit and EXEC_PRESETS["verify"].timeout_s >= 4
    assert isinstance(EXEC_PRESETS["default"], ExecConfig)
    d = r.to_dict()
    assert d["verdict"] == "pass" and d["tests"][0]["verdict"] == "pass"


def test_executor_context_manager_closes_servers():
    with Executor(workers=1) as e:
        assert e.run("print(1)", stdin_tests(("", "1"))).passed
        procs = [w.proc for w in e._all]
    assert all(p is None or p.poll() is not None for p in procs)
    with pytest.raises(RuntimeError, match="closed"):
        e.run("print(1)", stdin_tests(("", "1")))


def test_sandbox_layers_are_reported(ex):
    layers = ex.sandbox_layers()
    assert set(layers) >= {"uid", "landlock", "seccomp", "subreaper"}


def test_check_code_runs_with_a_private_seeded_random(ex):
    import random

    check = ("import random\nfrom random import randint\ndef check(candidate):\n"
             "    for _ in range(20):\n        x = random.randint(0, 100) + randint(0, 3)\n"
             "        assert candidate(x) == x + 1\n")
    state = random.getstate()
    r = ex.run("def inc(x):\n    return x + 1\n", {"check": check, "entry_point": "inc"})
    assert r.verdict == Verdict.PASS, r.to_dict()
    assert random.getstate() == state  # the trainer's global random state is untouched


def test_each_test_child_gets_fresh_random_state(ex):
    # children are forked without CPython's at-fork hooks (sandbox._fork), which would reseed
    # random; the executor reseeds it for programs that use it: no two tests share a sequence
    prog = "import random\ndef f():\n    return random.getrandbits(60)\n"
    got = []
    for _ in range(2):
        r = ex.run(prog, {"fn_name": "f", "inputs": [[], [], []], "outputs": [-1, -1, -1]}, coverage=False)
        got += [t.detail.rsplit("got ", 1)[1] for t in r.tests]
    assert len(got) == 6 and len(set(got)) == 6, got


def test_syntax_error_found_only_by_compiling(ex):
    # parses, but does not compile: 'return' outside a function (found by compile, not by ast.parse)
    for coverage in (True, False):
        r = ex.run("x = 1\nreturn x\n", stdin_tests(("", "")), coverage=coverage)
        assert r.verdict == Verdict.SYNTAX_ERROR and "outside function" in r.detail


def test_a_dead_fork_server_is_restarted():
    import signal as _signal

    with Executor(workers=1, timeout_s=1.0) as e:
        assert e.run("print(1)", stdin_tests(("", "1"))).passed
        e._all[0].proc.send_signal(_signal.SIGKILL)
        e._all[0].proc.wait()
        r = e.run("print(2)", stdin_tests(("", "2")))
        assert r.passed, r.to_dict()  # restarted transparently before the request


def test_a_forked_copy_starts_its_own_servers():
    import os as _os

    with Executor(workers=1, timeout_s=1.0) as e:
        assert e.run("print(1)", stdin_tests(("", "1"))).passed
        parent_server = e._all[0].proc.pid
        r, w = _os.pipe()
        pid = _os.fork()
        if pid == 0:  # the child uses the same Executor object
            ok = e.run("print(3)", stdin_tests(("", "3"))).passed and e._all[0].proc.pid != parent_server
            e.close()
            _os.write(w, b"1" if ok else b"0")
            _os._exit(0)
        _os.close(w)
        assert _os.read(r, 1) == b"1"
        _os.waitpid(pid, 0)
        assert e.run("print(2)", stdin_tests(("", "2"))).passed  # the parent's servers still work


def test_a_killed_server_leaves_no_sandboxed_process_behind():
    import os as _os
    import signal as _signal
    import time as _time

    with Executor(workers=1, timeout_s=5.0) as e:
        e.run("print(1)", stdin_tests(("", "1")))
        w = e._all[0]
        if w.uid is None:
            pytest.skip("needs root (a sandbox uid of its own)")
        uid = w.uid
        import threading as _threading

        # a sleeping program whose server dies under it: orphaned, it would outlive everything
        t = _threading.Thread(target=lambda: e.run("import time\ntime.sleep(30)\n", stdin_tests(("", ""))))
        t.start()
        _time.sleep(1.0)
        w.proc.send_signal(_signal.SIGKILL)
        t.join()
        e.run("print(1)", stdin_tests(("", "1")))  # restarted: the old uid was swept on the way
    left = []
    for name in _os.listdir("/proc"):
        try:
            status = open(f"/proc/{name}/status").read()
        except OSError:
            continue
        if f"\nUid:\t{uid}\t" in status and "State:\tZ" not in status:  # a zombie is dead (init reaps it)
            left.append((name, status.splitlines()[:3]))
    assert not left
