"""Adversarial programs: each must get the right verdict AND leave no trace.

After every case the ``no_side_effects`` fixture checks that no file outside the sandbox was
touched (sentinel files and /tmp), no process of the sandbox is left, the planted secret was
not visible (the programs print what they found, and the expected output says "clean"), and
the executor is still up (a trivial program still passes).
"""

from __future__ import annotations

import os
import socket
import textwrap
import threading
from pathlib import Path

import pytest

from stepcoder_lite.executor import Executor, Verdict

SECRET = "stepcoder-test-secret-4b1d"
os.environ["STEPCODER_TEST_SECRET"] = SECRET  # set before any executor starts

T = 1.0  # seconds per test: short, to keep the suite fast


@pytest.fixture(scope="module")
def ex():
    with Executor(workers=2, timeout_s=T, coverage=False, memory_mb=512, max_output_bytes=1 << 20) as e:
        yield e


def _processes_of(uids):
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            status = Path(f"/proc/{name}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("Uid:"):
                if int(line.split()[1]) in uids:
                    found.append(int(name))
                break
    return found


def _server_children(ex):
    kids = []
    for w in ex._all:
        if w.proc is None:
            continue
        try:
            for tid in os.listdir(f"/proc/{w.proc.pid}/task"):
                kids += Path(f"/proc/{w.proc.pid}/task/{tid}/children").read_text().split()
        except OSError:
            pass
    return kids


@pytest.fixture
def sentinel(tmp_path):
    f = tmp_path / "precious.txt"
    f.write_text("do not touch")
    os.chmod(tmp_path, 0o777)  # even a world-writable directory must stay untouched
    return f


@pytest.fixture
def no_side_effects(ex, sentinel):
    before_tmp = set(os.listdir("/tmp"))
    yield
    assert sentinel.read_text() == "do not touch"
    assert sorted(os.listdir(sentinel.parent)) == ["precious.txt"], "a file appeared outside the sandbox"
    new_tmp = {n for n in set(os.listdir("/tmp")) - before_tmp if "pwned" in n}
    assert not new_tmp, f"files created in /tmp: {new_tmp}"
    for w in ex._all:
        assert w.alive(), "a fork server died"
    # Each server keeps one pre-forked, idle spare child for its next test: that one is ours.
    spares = {w.request({"op": "ping"}, timeout=10).get("spare_pid") for w in ex._all} - {None}
    uids = {w.uid for w in ex._all if w.uid is not None}
    assert set(_processes_of(uids)) <= spares, "processes of the sandbox uid are left"
    assert {int(k) for k in _server_children(ex)} <= spares, "children of the fork server are left"
    ok = ex.run("print(input())", {"inputs": ["up\n"], "outputs": ["up\n"]})
    assert ok.verdict == Verdict.PASS, ok.to_dict()


def run(ex, code, stdin="", expected="clean\n", **kw):
    return ex.run(textwrap.dedent(code), {"inputs": [stdin], "outputs": [expected]}, **kw)


pytestmark = pytest.mark.usefixtures("no_side_effects")


# --------------------------------------------------------------------------- time


def test_infinite_loop_times_out(ex):
    r = run(ex, "while True:\n    pass\n")
    assert r.verdict == Verdict.TIMEOUT
    assert r.tests[0].time_s < 3 * T


def test_loop_swallowing_every_exception_times_out(ex):
    r = run(ex, """
        while True:
            try:
                while True:
                    pass
            except BaseException:
                pass
    """)
    assert r.verdict == Verdict.TIMEOUT


def test_ignored_signals_still_time_out(ex):
    r = run(ex, """
        import signal
        for s in (signal.SIGXCPU, signal.SIGTERM, signal.SIGALRM, signal.SIGINT, signal.SIGHUP):
            signal.signal(s, signal.SIG_IGN)
        while True:
            pass
    """)
    assert r.verdict == Verdict.TIMEOUT


def test_sleeping_forever_times_out_on_wall_clock(ex):
    r = run(ex, "import time\ntime.sleep(1000)\n")
    assert r.verdict == Verdict.TIMEOUT


# --------------------------------------------------------------------------- memory / output


def test_memory_bomb_one_allocation(ex):
    assert run(ex, "a = [0] * 10**10\n").verdict == Verdict.MEMORY_LIMIT


def test_memory_bomb_growth(ex):
    # touching ~500 MB takes a few hundred ms of CPU: a roomy limit keeps this exact on a busy machine
    r = run(ex, "s = []\nwhile True:\n    s.append(' ' * 10**8)\n", timeout_s=5.0)
    assert r.verdict == Verdict.MEMORY_LIMIT, r.to_dict()


def test_stdout_bomb(ex):
    assert run(ex, "while True:\n    print('x' * 10000)\n").verdict == Verdict.OUTPUT_LIMIT


def test_stderr_bomb(ex):
    assert run(ex, "import sys\nwhile True:\n    sys.stderr.write('e' * 10000)\n").verdict == Verdict.OUTPUT_LIMIT


def test_file_bomb_in_the_sandbox(ex):
    r = run(ex, "with open('big', 'w') as f:\n    while True:\n        f.write('x' * 65536)\n")
    assert r.verdict == Verdict.OUTPUT_LIMIT


# --------------------------------------------------------------------------- crashes


def test_deep_recursion_is_a_runtime_error(ex):
    r = run(ex, "def f(n):\n    return f(n + 1)\nf(0)\n")
    assert r.verdict == Verdict.RUNTIME_ERROR
    assert "RecursionError" in r.tests[0].stderr_tail


def test_unbounded_recursion_limit_crashes_cleanly(ex):
    # through a C function, so every level uses C stack: overflows the stack limit -> SIGSEGV
    r = run(ex, "import sys\nsys.setrecursionlimit(10**9)\ndef f(n):\n    return list(map(f, [n + 1]))\nf(0)\n", timeout_s=4.0)
    assert r.verdict in (Verdict.RUNTIME_ERROR, Verdict.MEMORY_LIMIT)


def test_ctypes_segfault(ex):
    r = run(ex, "import ctypes\nctypes.string_at(0)\n")
    assert r.verdict == Verdict.RUNTIME_ERROR
    assert "SIGSEGV" in r.detail


# --------------------------------------------------------------------------- escaping


def test_killing_the_parent_and_the_supervisor(ex):
    r = run(ex, f"""
        import os, signal
        for pid in (os.getppid(), {os.getpid()}, 1):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        print('clean')
    """)
    assert r.verdict == Verdict.PASS


def test_kill_everything_it_can(ex):
    r = run(ex, "import os, signal\nos.kill(-1, signal.SIGKILL)\nprint('clean')\n")
    assert r.verdict in (Verdict.RUNTIME_ERROR, Verdict.PASS)


def test_writing_and_deleting_files_outside_the_sandbox(ex, sentinel):
    r = run(ex, f"""
        import os, shutil
        attempts = [
            lambda: open({str(sentinel)!r}, 'w').write('pwned'),
            lambda: os.remove({str(sentinel)!r}),
            lambda: os.rename({str(sentinel)!r}, '/tmp/pwned-renamed'),
            lambda: open({str(sentinel.parent / 'pwned.txt')!r}, 'w').write('x'),
            lambda: open('/tmp/pwned.txt', 'w').write('x'),
            lambda: open('/dev/shm/pwned.txt', 'w').write('x'),
            lambda: os.symlink('/etc/passwd', '/tmp/pwned-link'),
            lambda: os.mkdir('/tmp/pwned-dir'),
            lambda: shutil.rmtree({str(sentinel.parent)!r}),
        ]
        done = 0
        for attempt in attempts:
            try:
                attempt()
                done += 1
            except OSError:
                pass
        print('clean' if done == 0 else 'escaped %d' % done)
    """)
    assert r.verdict == Verdict.PASS, r.to_dict()


def test_chdir_out_and_write(ex):
    r = run(ex, """
        import os
        try:
            os.chdir('/tmp')
            open('pwned-cwd.txt', 'w').write('x')
            print('escaped')
        except OSError:
            print('clean')
    """)
    assert r.verdict == Verdict.PASS


def test_files_inside_the_sandbox_work(ex):
    r = run(ex, "open('a.txt', 'w').write('clean')\nprint(open('a.txt').read())\n")
    assert r.verdict == Verdict.PASS


def test_network_is_blocked(ex):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.01)
    port = listener.getsockname()[1]
    try:
        r = run(ex, f"""
            import socket
            reached = 0
            for family, kind in ((socket.AF_INET, socket.SOCK_STREAM), (socket.AF_INET, socket.SOCK_DGRAM),
                                 (socket.AF_INET6, socket.SOCK_STREAM)):
                try:
                    s = socket.socket(family, kind)
                    if kind == socket.SOCK_STREAM and family == socket.AF_INET:
                        s.connect(('127.0.0.1', {port}))
                    elif kind == socket.SOCK_DGRAM:
                        s.sendto(b'x', ('127.0.0.1', {port}))
                    reached += 1
                except OSError:
                    pass
            try:
                socket.create_connection(('127.0.0.1', {port}), timeout=1)
                reached += 1
            except OSError:
                pass
            print('clean' if reached == 0 else 'reached')
        """)
        assert r.verdict == Verdict.PASS, r.to_dict()
        with pytest.raises(OSError):
            listener.accept()
    finally:
        listener.close()


def test_environment_secrets_are_not_visible(ex):
    r = run(ex, f"""
        import os
        seen = [k for k, v in os.environ.items() if {SECRET!r} in v or 'SECRET' in k]
        for pid in ('self', str(os.getppid()), {str(os.getpid())!r}, '1'):
            try:
                if {SECRET!r}.encode() in open('/proc/%s/environ' % pid, 'rb').read():
                    seen.append(pid)
            except OSError:
                pass
        print('clean' if not seen else 'seen %s' % seen)
    """)
    assert r.verdict == Verdict.PASS, r.to_dict()


def test_fork_bomb(ex):
    r = run(ex, "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n")
    assert r.verdict in (Verdict.TIMEOUT, Verdict.RUNTIME_ERROR)


def test_fork_that_escapes_the_process_group(ex):
    r = run(ex, """
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                time.sleep(30)
                open('/tmp/pwned-late.txt', 'w').write('x')
            os._exit(0)
        print('clean')
    """)
    assert r.verdict == Verdict.PASS


def test_exec_a_long_lived_process(ex):
    r = run(ex, """
        import os
        if os.fork() == 0:
            os.setsid()
            os.execv('/bin/sleep', ['sleep', '30'])
        print('clean')
    """)
    assert r.verdict == Verdict.PASS


def test_ptrace_and_mount_are_refused(ex):
    r = run(ex, """
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        traced = libc.ptrace(16, os.getppid(), 0, 0)      # PTRACE_ATTACH to the server
        mounted = libc.mount(b'none', b'/tmp', b'tmpfs', 0, None)
        print('clean' if traced != 0 and mounted != 0 else 'escaped')
    """)
    assert r.verdict == Verdict.PASS, r.to_dict()


# --------------------------------------------------------------------------- exits and stdin


@pytest.mark.parametrize("exit_idiom", ["exit()", "quit()", "sys.exit()", "sys.exit(0)", "raise SystemExit",
                                        "os._exit(0)", "sys.exit(None)"])
def test_clean_exit_idioms_keep_the_output(ex, exit_idiom):
    r = run(ex, f"import os, sys\nprint('clean')\n{exit_idiom}\nprint('after exit')\n")
    assert r.verdict == Verdict.PASS, r.to_dict()


@pytest.mark.parametrize("exit_idiom", ["sys.exit(1)", "sys.exit('bad input')", "os._exit(3)", "exit(2)",
                                        "raise SystemExit(5)", "os.abort()"])
def test_failing_exit_idioms_are_runtime_errors(ex, exit_idiom):
    r = run(ex, f"import os, sys\nprint('clean')\n{exit_idiom}\n")
    assert r.verdict == Verdict.RUNTIME_ERROR, r.to_dict()


@pytest.mark.parametrize("reader", [
    "print(sum(int(x) for line in sys.stdin for x in line.split()))",
    "print(sum(map(int, sys.stdin.buffer.read().split())))",
    "print(sum(map(int, open(0).read().split())))",
    "print(sum(map(int, sys.stdin.read().split())))",
    "print(sum(int(l) for l in sys.stdin.readlines()))",
    "a = int(input()); b = int(sys.stdin.readline()); c = int(input()); print(a + b + c)",
    "print(sum(map(int, os.read(0, 1000).split())))",
    "import fileinput\nprint(sum(int(l) for l in fileinput.input()))",
])
def test_every_stdin_idiom(ex, reader):
    r = ex.run("import os, sys\n" + reader + "\n", {"inputs": ["1\n2\n3\n"], "outputs": ["6\n"]})
    assert r.verdict == Verdict.PASS, r.to_dict()


def test_reading_past_the_end_of_stdin_is_a_runtime_error(ex):
    r = run(ex, "input()\ninput()\n", stdin="only one line\n")
    assert r.verdict == Verdict.RUNTIME_ERROR
    assert "EOFError" in r.detail


def test_closed_stdout_after_answering(ex):
    assert run(ex, "import sys\nprint('clean')\nsys.stdout.close()\n").verdict == Verdict.PASS


def test_closed_stdout_before_answering(ex):
    assert run(ex, "import os\nos.close(1)\nprint('clean')\n").verdict == Verdict.RUNTIME_ERROR


def test_lingering_threads_do_not_hold_the_verdict(ex):
    r = run(ex, """
        import threading, time
        threading.Thread(target=time.sleep, args=(60,)).start()
        threading.Thread(target=lambda: [None for _ in iter(int, 1)], daemon=True).start()
        print('clean')
    """)
    assert r.verdict == Verdict.PASS
    assert r.tests[0].time_s < 2 * T


# --------------------------------------------------------------------------- state and cheating


def test_no_state_carried_between_tests(ex):
    code = textwrap.dedent("""
        import os, builtins
        n = int(open('count').read()) + 1 if os.path.exists('count') else 1
        open('count', 'w').write(str(n))
        builtins.COUNTER = getattr(builtins, 'COUNTER', 0) + 1
        print(n, builtins.COUNTER)
    """)
    r = ex.run(code, {"inputs": ["", "", ""], "outputs": ["1 1\n"] * 3})
    assert r.verdict == Verdict.PASS, r.to_dict()


def test_fresh_solution_per_test(ex):
    code = textwrap.dedent("""
        class Solution:
            calls = 0
            def f(self, x):
                Solution.calls += 1
                self.seen = getattr(self, 'seen', 0) + 1
                return [Solution.calls, self.seen]
    """)
    r = ex.run(code, {"inputs": [[1], [2], [3]], "outputs": [[1, 1]] * 3, "fn_name": "f"})
    assert r.verdict == Verdict.PASS, r.to_dict()


def test_expected_output_cannot_be_read_from_frames_or_memory(ex):
    # The program hunts for any big integer it did not make (the expected output is one) in
    # every frame above it and in every object the garbage collector knows.
    code = textwrap.dedent("""
        import gc, sys
        def big(v):
            return type(v) is int and v > 10**11
        def solve(x):
            f = sys._getframe()
            while f is not None:
                for v in list(f.f_locals.values()) + list(f.f_code.co_consts):
                    if big(v):
                        return v
                f = f.f_back
            for obj in gc.get_objects():
                try:
                    vals = list(obj.values()) if isinstance(obj, dict) else list(obj) if isinstance(obj, (list, tuple)) else []
                except Exception:
                    continue
                for v in vals:
                    if big(v):
                        return v
            return -1
    """)
    r = ex.run(code, {"inputs": [[1]], "outputs": [987654321987], "fn_name": "solve"})
    assert r.verdict == Verdict.WRONG_ANSWER, r.to_dict()
    assert "987654321987" not in r.detail.split("got")[-1]


@pytest.mark.parametrize("tamper", ["__stepcoder_cov__.clear()", "__stepcoder_cov__.extend(range(10 ** 5))",
                                    "del __stepcoder_cov__[:]"])
def test_tampering_with_the_coverage_slots_only_hurts_the_program(ex, tamper):
    # the probes' list has its items in shared memory, not the allocator's: freeing or growing
    # it aborts the program, which is all it can reach
    r = run(ex, f"{tamper}\nprint('clean')\n", coverage=True)
    assert r.verdict == Verdict.RUNTIME_ERROR, r.to_dict()


def test_object_whose_eq_always_says_true(ex):
    code = textwrap.dedent("""
        class Liar:
            def __eq__(self, other): return True
            def __ne__(self, other): return False
            __hash__ = object.__hash__
        class LyingInt(int):
            def __eq__(self, other): return True
        class LyingList(list):
            def __eq__(self, other): return True
        def a(x): return Liar()
        def b(x): return LyingInt(0)
        def c(x): return LyingList()
    """)
    for fn in "abc":
        r = ex.run(code, {"inputs": [[1]], "outputs": [[4, 5]], "fn_name": fn})
        assert r.verdict == Verdict.WRONG_ANSWER, (fn, r.to_dict())


def test_check_code_cannot_be_read_or_patched(ex):
    check = textwrap.dedent("""
        def check(candidate):
            assert candidate(2) == 4
            assert candidate(3) == 9
    """)
    cheats = {
        # read the asserts from the caller's frame and code constants
        "frames": """
            import sys
            def square(x):
                f = sys._getframe(1)
                consts = [c for c in f.f_code.co_consts if isinstance(c, int) and c > 3]
                return consts[0] if consts else -1
        """,
        # make every comparison or assertion succeed
        "patch": """
            import builtins
            builtins.AssertionError = type('Nope', (Exception,), {})
            class Liar:
                def __eq__(self, o): return True
            def square(x):
                return Liar()
        """,
        "exit-zero": "import os\ndef square(x):\n    os._exit(0)\n",
    }
    for name, code in cheats.items():
        r = ex.run(textwrap.dedent(code), {"inputs": [], "outputs": [], "check": check, "entry_point": "square"})
        assert r.verdict in (Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR), (name, r.to_dict())
    honest = ex.run("def square(x):\n    return x * x\n", {"check": check, "entry_point": "square"})
    assert honest.verdict == Verdict.PASS, honest.to_dict()


def test_concurrent_batch_with_hostile_neighbours(ex):
    jobs = [("while True: pass\n", {"inputs": [""], "outputs": [""]}),
            ("import os\nos.kill(-1, 9)\n", {"inputs": [""], "outputs": [""]}),
            ("print(int(input()) + 1)\n", {"inputs": ["1\n", "2\n"], "outputs": ["2\n", "3\n"]})] * 2
    results = ex.run_batch(jobs)
    assert [r.verdict for r in results[2::3]] == [Verdict.PASS, Verdict.PASS]
    assert [r.verdict for r in results[0::3]] == [Verdict.TIMEOUT, Verdict.TIMEOUT]
