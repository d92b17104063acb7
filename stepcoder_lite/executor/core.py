"""The trusted supervisor: verdicts, results, the worker pool, ``run_program``.

One :class:`Executor` owns ``workers`` fork servers (``sandbox/``, each a small
``python -I -S`` process started with an empty environment, independent of the caller's
imports: forking it costs ~0.5 ms where forking a torch process costs ~30 ms). For each
program the supervisor

1. parses and compiles it, with coverage probes when asked (``syntax_error`` without running
   anything if it does not parse or compile);
2. sends the code object (``marshal`` bytes) to a server, then each test's *input* (stdin text,
   or call arguments as plain values); the server forks one sandboxed child per test (that child
   alone loads the code) and reports stdout, exit status,
   returned value, CPU time and the lines whose statements started;
3. judges each report itself (``compare.py``) against the expected output, which never left
   this process, and maps the lines to whole statements (``coverage.py``).

Verdicts, by precedence for one test::

    harness_error  the harness failed (server died, sandbox could not be built) -- never a pass
    timeout        CPU time over ``timeout_s`` or wall time over ``wall_factor * timeout_s + 0.5``
    output_limit   stdout/stderr/returned value over ``max_output_bytes`` or a file over it
    memory_limit   MemoryError under the address-space limit ``memory_mb``
    runtime_error  uncaught exception, nonzero exit status, killed by a signal, no such function
    wrong_answer   ran to the end, output differs (or returned a value that is not plain)
    pass           ran to the end, output matches

A program's verdict is its first failing test's verdict (``pass`` when all pass); with no
tests at all it is ``no_tests`` (never a pass). A HumanEval-style check is one test; when its
calls are pipelined (``checker.py``), the precedence covers the calls up to the assert that
decided: what the program did in calls past it, which the check never makes, does not count.

Coverage is never charged to the program: with ``coverage=True`` the program runs with a
probe before each statement (~2x on the tightest loop, far less on real solutions; see
benchmarks/executor.py), the limits are multiplied by ``coverage_time_factor`` (above that
worst case), and ``time_s`` is the CPU time measured with the probes in.
"""

from __future__ import annotations

import ast
import atexit
import enum
import json
import marshal
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from stepcoder_lite.executor import sandbox
from stepcoder_lite.executor.sandbox import wire
from stepcoder_lite.executor.checker import run_check
from stepcoder_lite.executor.compare import FLOAT_TOL, compare_stdout, compare_values
from stepcoder_lite.executor.coverage import StatementMap, expand_to_statements, statement_map

SANDBOX_SCRIPT = Path(sandbox.__file__).resolve().with_name("__main__.py")  # starts one fork server
MAX_PROGRAM_CHARS = 1_000_000


class Verdict(str, enum.Enum):
    """The outcome of one test, or of a whole program (its first failing test)."""

    PASS = "pass"
    WRONG_ANSWER = "wrong_answer"
    RUNTIME_ERROR = "runtime_error"
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    SYNTAX_ERROR = "syntax_error"
    NO_TESTS = "no_tests"
    HARNESS_ERROR = "harness_error"

    def __str__(self) -> str:
        return self.value


@dataclass
class ExecConfig:
    """Limits and options of one execution. Presets: ``EXEC_PRESETS``."""

    timeout_s: float = 2.0
    """CPU seconds per test (the program's own time; see ``coverage_time_factor``)."""
    wall_factor: float = 2.0
    """A test is also stopped after ``wall_factor * timeout_s + 0.5`` wall seconds (sleepers)."""
    memory_mb: int = 1024
    """Address-space limit of the sandboxed process (RLIMIT_AS), in MiB."""
    max_output_bytes: int = 8 << 20
    """Cap on stdout, on stderr, on the returned value's encoding and on any file written."""
    max_processes: int = 64
    """Processes + threads the program may have at once (RLIMIT_NPROC of the sandbox uid); fixed
    when an Executor's workers start (not a per-run override)."""
    coverage: bool = True
    """Record executed lines (FGO needs them)."""
    coverage_time_factor: float = 3.0
    """With coverage on, limits are multiplied by this, so tracing is not charged to the program."""
    early_exit: bool = False
    """Stop a program at its first failing test (the remaining tests are not run)."""
    float_tol: float = FLOAT_TOL
    """Tolerance where the expected value is a float: ``|got-exp| <= tol * max(1, |exp|)``."""
    pipeline_checks: bool = True
    """HumanEval-style checks: send the calls that the check's asserts will make in one message
    (checker.py, *Pipelining*) instead of one round trip per call. Same verdicts and lines; off
    is the reference path."""
    prelude: str = ""
    """Code run in the program's namespace before it (untraced, no line numbers shift), e.g.
    the imports the APPS+ authors' harness prepends; a test dict's ``"prelude"`` key wins."""


EXEC_PRESETS: dict[str, ExecConfig] = {
    "default": ExecConfig(),
    # RL rollouts: tight time, stop at the first failure unless partial credit is wanted.
    "rl": ExecConfig(timeout_s=1.0, early_exit=True),
    # Refinement of a dataset's canonical solutions: generous, like the APPS harness (4 s).
    "verify": ExecConfig(timeout_s=4.0, coverage=False),
}


@dataclass
class TestResult:
    """One test. ``executed_lines``: 1-based lines of the program executed by this test."""

    __test__ = False  # not a pytest test class

    verdict: Verdict
    time_s: float
    stderr_tail: str = ""
    detail: str = ""
    executed_lines: set[int] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": str(self.verdict), "time_s": round(self.time_s, 4), "stderr_tail": self.stderr_tail,
                "detail": self.detail, "executed_lines": sorted(self.executed_lines)}


@dataclass
class ExecResult:
    """A program run against a test set.

    | field                     | meaning                                                       |
    |---------------------------|---------------------------------------------------------------|
    | verdict                   | first failing test's verdict; ``pass`` iff every test passed   |
    | tests                     | one :class:`TestResult` per test run (fewer with early exit)   |
    | num_tests                 | tests in the test set (run or not)                             |
    | executed_lines            | union over tests of executed lines (1-based, whole statements) |
    | executed_lines_per_test   | list of sets, aligned with ``tests``                           |
    | detail                    | short human-readable reason (syntax error message, ...)       |
    """

    verdict: Verdict
    tests: list[TestResult] = field(default_factory=list)
    num_tests: int = 0
    executed_lines: set[int] = field(default_factory=set)
    detail: str = ""

    @property
    def passed(self) -> bool:
        return self.verdict == Verdict.PASS

    @property
    def num_passed(self) -> int:
        return sum(t.verdict == Verdict.PASS for t in self.tests)

    @property
    def pass_fraction(self) -> float:
        """Passed tests / all tests in the set (tests skipped by early exit count as failed)."""
        return self.num_passed / self.num_tests if self.num_tests else 0.0

    @property
    def executed_lines_per_test(self) -> list[set[int]]:
        return [t.executed_lines for t in self.tests]

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": str(self.verdict), "passed": self.passed, "num_tests": self.num_tests,
                "num_passed": self.num_passed, "detail": self.detail,
                "executed_lines": sorted(self.executed_lines), "tests": [t.to_dict() for t in self.tests]}


# --------------------------------------------------------------------------- test sets


@dataclass
class _TestSpec:
    mode: str                      # stdin | call | check
    inputs: list[Any]
    outputs: list[Any]
    fn_name: str | None
    entry_point: str | None
    check: str | None
    prelude: str | None = None


def _normalise_tests(tests: dict[str, Any]) -> _TestSpec:
    """Validate the executor's test dict (``Problem.tests()``) and pick the mode."""
    if not isinstance(tests, dict):
        raise TypeError(f"tests must be a dict with 'inputs' and 'outputs', got {type(tests).__name__}")
    check = tests.get("check")
    prelude = tests.get("prelude")
    if prelude is not None and not isinstance(prelude, str):
        raise ValueError("tests['prelude'] must be code (str)")
    fn_name = tests.get("fn_name")
    entry_point = tests.get("entry_point")
    if check is not None:
        name = entry_point or fn_name
        if not isinstance(check, str) or not name:
            raise ValueError("tests['check'] must be the check code (str) with an 'entry_point' or 'fn_name'")
        return _TestSpec("check", [None], [None], fn_name, name, check, prelude)
    inputs, outputs = tests.get("inputs"), tests.get("outputs")
    if not isinstance(inputs, list) or not isinstance(outputs, list):
        raise ValueError("tests['inputs'] and tests['outputs'] must be lists")
    if len(inputs) != len(outputs):
        raise ValueError(f"tests has {len(inputs)} inputs but {len(outputs)} outputs")
    if fn_name:
        for i, args in enumerate(inputs):
            if not isinstance(args, (list, tuple)):
                raise ValueError(f"call-based tests['inputs'][{i}] must be the list of arguments, got {type(args).__name__}")
        return _TestSpec("call", list(inputs), list(outputs), fn_name, entry_point, None, prelude)
    for i, (x, y) in enumerate(zip(inputs, outputs)):
        if not isinstance(x, str) or not isinstance(y, str):
            raise ValueError(f"stdin tests['inputs'][{i}] / ['outputs'][{i}] must be str (got "
                             f"{type(x).__name__}, {type(y).__name__}); call-based tests need 'fn_name'")
    return _TestSpec("stdin", list(inputs), list(outputs), None, entry_point, None, prelude)


def check_tests(tests: Any) -> None:
    """Raise ``TypeError``/``ValueError`` (saying which key is wrong) unless ``tests`` has the
    executor's shape: lets a caller reject a bad tests file before any worker starts."""
    _normalise_tests(tests)


def _entry_called_at_top_level(tree: ast.Module, name: str) -> bool:
    """True if the module's own top-level code calls ``name(...)`` (outside any def/class)."""

    class Finder(ast.NodeVisitor):
        found = False

        def visit_FunctionDef(self, node):  # bodies of defs/classes do not run at import
            for d in node.decorator_list:
                self.visit(d)

        visit_AsyncFunctionDef = visit_FunctionDef

        def visit_ClassDef(self, node):
            for d in node.decorator_list:
                self.visit(d)

        def visit_Call(self, node):
            if isinstance(node.func, ast.Name) and node.func.id == name:
                self.found = True
            self.generic_visit(node)

    f = Finder()
    f.visit(tree)
    return f.found


# --------------------------------------------------------------------------- one worker


def _site_paths() -> list[str]:
    """Where the sandboxed program may import third-party packages from (numpy, ...)."""
    return [p for p in sys.path if p and ("site-packages" in p or "dist-packages" in p) and os.path.isdir(p)]


def _seccomp_path() -> str | None:
    import importlib.util

    try:
        spec = importlib.util.find_spec("pyseccomp")
    except (ImportError, ValueError):
        return None
    return str(Path(spec.origin).parent) if spec and spec.origin else None


_UID_LOCK_DIR = Path(tempfile.gettempdir()) / ".stepcoder-sandbox-uids"
_UID_RANGE = range(61000, 61500)


def _claim_sandbox_uid():
    """Root only: a uid no account and no other executor on this machine uses, held by a lock
    file for the worker's lifetime (so ``kill(-1)`` as that uid kills only our sandbox)."""
    import fcntl
    import pwd

    _UID_LOCK_DIR.mkdir(mode=0o700, exist_ok=True)
    for uid in _UID_RANGE:
        try:
            pwd.getpwuid(uid)
            continue  # a real account
        except KeyError:
            pass
        fd = os.open(_UID_LOCK_DIR / f"{uid}.lock", os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        return uid, fd
    raise RuntimeError(f"no free sandbox uid in {_UID_RANGE}")


def _kill_all_of_uid(uid: int | None) -> None:
    """``kill(-1, SIGKILL)`` as ``uid`` (root only), through the system's ``kill`` program
    (exec'd with that uid; never forks this possibly large process by hand)."""
    import shutil

    kill = shutil.which("kill", path="/usr/bin:/bin")
    if uid is None or kill is None or os.geteuid() != 0:
        return
    try:
        subprocess.run([kill, "-9", "-1"], user=uid, group=uid, extra_groups=[], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10, env={})
    except (OSError, subprocess.SubprocessError):
        pass


class _Worker:
    """One fork server and the socket to it. Not thread-safe: one caller at a time."""

    prefork = True  # the server keeps the next test's child forked and sandboxed in advance

    def __init__(self, max_processes: int):
        self.max_processes = max_processes
        self.proc: subprocess.Popen | None = None
        self.sock: socket.socket | None = None
        self.layers: dict[str, Any] = {}
        self.uid_lock = None
        self.uid: int | None = None  # the sandbox uid (root only)
        self.box_root = None
        self.program_key = None

    def start(self) -> None:
        uid = gid = None
        if os.geteuid() == 0 and sys.platform.startswith("linux"):
            uid, self.uid_lock = _claim_sandbox_uid()
            gid = uid
        self.uid = uid
        self.box_root = tempfile.mkdtemp(prefix="stepcoder-sandbox-")
        os.chmod(self.box_root, 0o711)  # the sandbox may enter its own box, never list the others
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        config = {"fd": theirs.fileno(), "uid": uid, "gid": gid, "box_root": self.box_root,
                  "paths": _site_paths(), "seccomp_path": _seccomp_path(), "max_processes": self.max_processes,
                  "prefork": self.prefork}
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "OMP_NUM_THREADS": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", str(SANDBOX_SCRIPT), json.dumps(config)],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            env=env, close_fds=True, start_new_session=True,
        )
        theirs.close()
        self.sock = ours
        self.sock.settimeout(30)
        hello = wire.recv_msg(self.sock)
        if not hello or not hello.get("ready"):
            raise RuntimeError("the executor's fork server did not start")
        self.layers = hello["layers"]
        self.sock.settimeout(None)
        self.program_key = None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def request(self, msg: dict, timeout: float, fds=(), blob: bytes = b"") -> dict:
        """Send ``msg`` (then ``blob``, raw bytes the message announces) and wait for the reply."""
        if not self.alive():
            self.restart()
        try:
            self.sock.settimeout(timeout)
            wire.send_msg(self.sock, msg, fds, blob)
            reply = wire.recv_msg(self.sock)
        except (OSError, ValueError) as e:
            reply = None
            err = f"{type(e).__name__}: {e}"
        else:
            err = "the fork server closed the connection"
        if reply is None:
            self.restart()
            return {"harness_error": err}
        return reply

    def restart(self) -> None:
        self.close()
        self.start()

    def close(self) -> None:
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None
        if self.proc is not None:
            try:
                self.proc.wait(timeout=2)  # EOF on its socket: it exits by itself
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        if self.box_root is not None:
            import shutil

            shutil.rmtree(self.box_root, ignore_errors=True)
            self.box_root = None
        if self.uid_lock is not None:
            _kill_all_of_uid(self.uid)  # whatever a dead server left behind, before the uid is reused
            os.close(self.uid_lock)
            self.uid_lock = None


# --------------------------------------------------------------------------- the executor


class Executor:
    """A pool of fork servers that runs programs against tests.

    >>> with Executor(workers=2) as ex:
    ...     result = ex.run("print(int(input()) * 2)", {"inputs": ["21\\n"], "outputs": ["42\\n"]})
    >>> result.verdict
    <Verdict.PASS: 'pass'>
    """

    def __init__(self, workers: int | None = None, config: ExecConfig | None = None, **overrides):
        self.config = replace(config or ExecConfig(), **overrides)
        if workers is None:
            workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        self.workers = max(1, int(workers))
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._closed = False
        self._pid = os.getpid()

    # ----------------------------------------------------------------- lifecycle

    def _acquire(self) -> _Worker:
        if self._closed:
            raise RuntimeError("this Executor is closed")
        if self._pid != os.getpid():
            # We are a forked copy (a DataLoader worker, a DDP rank started by fork): the fork
            # servers and their sockets belong to the parent. Start our own, leave theirs alone.
            self._pid = os.getpid()
            self._idle, self._all, self._lock, self._pool = queue.Queue(), [], threading.Lock(), None
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._all) < self.workers:
                w = _Worker(self.config.max_processes)
                w.start()
                self._all.append(w)
                return w
        return self._idle.get()

    def close(self) -> None:
        """Stop every fork server (and its sandboxes). Idempotent."""
        self._closed = True
        if self._pid != os.getpid():
            return  # a forked copy: the servers are the parent's to stop
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        for w in self._all:
            w.close()
        self._all.clear()

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def sandbox_layers(self) -> dict[str, Any]:
        """Which isolation layers are active (uid drop, Landlock ABI, seccomp, subreaper)."""
        w = self._acquire()
        try:
            return dict(w.layers)
        finally:
            self._idle.put(w)

    # ----------------------------------------------------------------- running

    def run(self, program: str, tests: dict[str, Any], **overrides) -> ExecResult:
        """Run one program against a test set (``Problem.tests()``). Overrides: ExecConfig fields."""
        cfg = replace(self.config, **overrides) if overrides else self.config
        spec = _normalise_tests(tests)
        w = self._acquire()
        try:
            return _run_on_worker(w, program, spec, cfg)
        finally:
            self._idle.put(w)

    def run_batch(self, jobs, **overrides) -> list[ExecResult]:
        """Run ``[(program, tests), ...]`` over the worker pool; results in the same order."""
        jobs = list(jobs)
        if not jobs:
            return []
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="stepcoder-exec")
        futures = [self._pool.submit(self.run, program, tests, **overrides) for program, tests in jobs]
        return [f.result() for f in futures]


def _run_on_worker(w: _Worker, program: str, spec: _TestSpec, cfg: ExecConfig) -> ExecResult:
    n = len(spec.inputs)
    if n == 0:
        return ExecResult(Verdict.NO_TESTS, num_tests=0, detail="the test set is empty")
    if not isinstance(program, str):
        raise TypeError(f"program must be str, got {type(program).__name__}")
    if len(program) > MAX_PROGRAM_CHARS:
        return ExecResult(Verdict.SYNTAX_ERROR, num_tests=n, detail=f"program longer than {MAX_PROGRAM_CHARS} characters")
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as e:
        where = f" (line {e.lineno})" if getattr(e, "lineno", None) else ""
        return ExecResult(Verdict.SYNTAX_ERROR, num_tests=n, detail=f"{type(e).__name__}: {getattr(e, 'msg', e)}{where}")
    call_entry = None
    if spec.mode == "stdin" and spec.entry_point and not _entry_called_at_top_level(tree, spec.entry_point):
        call_entry = spec.entry_point
    smap = statement_map(program, tree) if cfg.coverage else None  # (before the probes go into the tree)

    prelude = spec.prelude if spec.prelude is not None else cfg.prelude
    # Compiled here, once per program, from the tree parsed above (with coverage: the probes are
    # added to it); the server only forwards the marshal bytes to each test's child.
    try:
        code = _compile_program(program, tree, cfg.coverage)
        prelude_code = _compile_prelude(prelude) if prelude else b""
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as e:
        where = f" (line {e.lineno})" if getattr(e, "lineno", None) else ""
        return ExecResult(Verdict.SYNTAX_ERROR, num_tests=n,
                          detail=f"{type(e).__name__}: {getattr(e, 'msg', None) or e}{where}")
    # The program travels with the first test (one round trip): this message, then its bytes.
    program_msg = {"code_len": len(code), "prelude_len": len(prelude_code), "lines": program.count("\n") + 2,
                   "coverage": cfg.coverage, "call_entry": call_entry,
                   # children skip CPython's at-fork reseeding (sandbox.server._fork): reseed where used
                   "reseed": "random" in program or "from random" in (prelude or "")}
    program_blob = code + prelude_code

    scale = cfg.coverage_time_factor if cfg.coverage else 1.0
    cpu_s = cfg.timeout_s * scale
    limits = {"cpu_s": cpu_s, "wall_s": cfg.wall_factor * cpu_s + 0.5, "memory_mb": cfg.memory_mb,
              "output_bytes": cfg.max_output_bytes}
    results: list[TestResult] = []
    for i in range(n):
        tr = _run_test(w, spec, i, cfg, limits, smap, program_msg if i == 0 else None, program_blob)
        results.append(tr)
        if cfg.early_exit and tr.verdict != Verdict.PASS:
            break
    verdict = next((t.verdict for t in results if t.verdict != Verdict.PASS), Verdict.PASS)
    detail = next((t.detail for t in results if t.verdict != Verdict.PASS), "")
    lines = set().union(*(t.executed_lines for t in results)) if results else set()
    return ExecResult(verdict, results, n, lines, detail)


def _compile_program(program: str, tree: ast.Module, coverage: bool) -> bytes:
    """The program's code object as marshal bytes; with ``coverage``, instrumented with probes
    (``tree`` is then modified in place)."""
    if coverage:
        code = sandbox.instrument_for_coverage(program, tree)
    else:
        code = compile(program, wire.PROGRAM_FILENAME, "exec", dont_inherit=True)
    return marshal.dumps(code)


@lru_cache(maxsize=64)
def _compile_prelude(prelude: str) -> bytes:
    return marshal.dumps(compile(prelude, "<prelude>", "exec", dont_inherit=True))


def _run_test(w: _Worker, spec: _TestSpec, i: int, cfg: ExecConfig, limits: dict, smap: StatementMap | None,
              program_msg: dict | None, program_blob: bytes) -> TestResult:
    """One test on worker ``w`` (the program's message and bytes go with its first test)."""
    msg: dict[str, Any] = {"op": "test", "mode": spec.mode, "limits": limits, "coverage": smap is not None}
    blob = b""
    if program_msg is not None:
        msg["program"] = program_msg
        blob = program_blob
    if spec.mode == "stdin":
        msg["stdin"] = spec.inputs[i]
    elif spec.mode == "call":
        msg["fn_name"] = spec.fn_name
        try:
            msg["args"] = wire.encode_plain(list(spec.inputs[i]))
        except (wire.NotPlain, ValueError) as e:
            return TestResult(Verdict.HARNESS_ERROR, 0.0, detail=f"test {i}: arguments are not plain values: {e}")
    if spec.mode == "check":
        return _run_check_test(w, spec, msg, blob, cfg, limits, smap, pipeline=cfg.pipeline_checks)
    reply = w.request(msg, timeout=limits["wall_s"] + 30, blob=blob)
    return _judge(reply, spec, i, cfg, limits, smap, None)


def _run_check_test(w: _Worker, spec: _TestSpec, msg: dict, blob: bytes, cfg: ExecConfig, limits: dict,
                    smap: StatementMap | None, pipeline: bool) -> TestResult:
    """A HumanEval-style test: the program (in the sandbox) answers calls on a socket, the
    check code runs here (checker.py). With ``pipeline``, the check's planned calls go in one
    message; a check that decided while the program was still running planned calls has the
    server stop it, and is judged on what the calls up to the deciding one did -- or, where
    the report cannot tell those apart from the rest, run again one call at a time."""
    timeout = limits["wall_s"] + 30
    outcome = None
    sup, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        if not w.alive():
            w.restart()
        try:
            w.sock.settimeout(timeout)
            wire.send_msg(w.sock, msg, [theirs.fileno()], blob)
            theirs.close()
            sup.settimeout(timeout)  # the server kills A by then, which closes A's end
            outcome = run_check(sup, spec.check, spec.entry_point, max_bytes=cfg.max_output_bytes + 4096,
                                pipeline=pipeline, coverage=smap is not None)
            if outcome.speculated:
                wire.send_msg(w.sock, {"op": "stop"})  # A is running calls that no longer count
            reply = wire.recv_msg(w.sock)
        except (OSError, ValueError):
            reply = None
        if reply is None:
            w.restart()
            reply = {"harness_error": "the fork server closed the connection"}
    finally:
        sup.close()
        if theirs.fileno() != -1:
            theirs.close()
    if outcome is not None and (outcome.speculated or outcome.replan):
        if outcome.replan or _total_limit_reached(reply, limits) or (smap is not None and outcome.coverage is None):
            # The sequential path is the definition of the right judgement: ask it.
            return _run_check_test(w, spec, msg, blob, cfg, limits, smap, pipeline=False)
        return _judge_speculated(reply, outcome, smap)
    return _judge(reply, spec, 0, cfg, limits, smap, outcome)


def _total_limit_reached(r: dict, limits: dict) -> bool:
    """Did A reach a limit on a *total* -- CPU or wall time, bytes of output, a file's size --
    or did the harness fail? After a check decided at some call while A ran ahead, such a
    report cannot tell whether the calls that count had reached it: the test must run again
    one call at a time. Anything else A did after the deciding answer (exit, crash,
    MemoryError, our stop) happened in calls that never count."""
    if "harness_error" in r or r.get("killed_for") in ("timeout", "output_limit"):
        return True
    if float(r.get("cpu_s") or 0.0) >= limits["cpu_s"] or r.get("signal") in (signal.SIGXCPU, signal.SIGXFSZ):
        return True
    final = r.get("final") or {}
    return final.get("kind") == "sandbox_error" or (final.get("kind") == "exception" and final.get("errno") == 27)


def _judge_speculated(r: dict, outcome, smap: StatementMap | None) -> TestResult:
    """A check that decided at some call while A ran ahead: its verdict is the check's own, its
    lines those of A's coverage bitmap as of that call (``time_s`` and the stderr tail still
    include the calls past it, until the stop)."""
    lines: set[int] = set()
    if smap is not None and outcome.coverage is not None:
        hit = [i for i in range(1, len(outcome.coverage)) if outcome.coverage[i]]
        lines = expand_to_statements(hit, smap)
    return TestResult(Verdict(outcome.verdict), float(r.get("cpu_s") or 0.0), r.get("stderr_tail", ""),
                      outcome.detail, lines)


def _judge(r: dict, spec: _TestSpec, i: int, cfg: ExecConfig, limits: dict, smap, outcome) -> TestResult:
    """Turn one server report into a verdict. The expected output is used here and only here."""
    if "harness_error" in r:
        return TestResult(Verdict.HARNESS_ERROR, 0.0, detail=r["harness_error"])
    time_s = float(r.get("cpu_s") or 0.0)
    tail = r.get("stderr_tail", "")
    lines = expand_to_statements(r.get("lines", ()), smap) if smap is not None else set()

    def result(verdict, detail=""):
        return TestResult(verdict, time_s, tail, detail, lines)

    final = r.get("final") or {}
    kind = final.get("kind")
    sig = r.get("signal")
    code = r.get("exit_code")
    if kind == "sandbox_error":
        return result(Verdict.HARNESS_ERROR, f"sandbox setup failed: {final.get('detail')}")
    if r.get("killed_for") == "timeout" or sig == signal.SIGXCPU or (sig == signal.SIGKILL and time_s >= limits["cpu_s"]):
        if time_s >= limits["cpu_s"] or sig == signal.SIGXCPU:
            return result(Verdict.TIMEOUT, f"over the {cfg.timeout_s:g} s limit")
        return result(Verdict.TIMEOUT, f"wall-clock limit of {limits['wall_s']:g} s reached with {time_s:.2f} s of "
                                       "CPU (sleeping, blocked, or a very busy machine)")
    if (r.get("killed_for") == "output_limit" or sig == signal.SIGXFSZ
            or (kind == "exception" and final.get("errno") == 27)):  # EFBIG: a file over the limit
        return result(Verdict.OUTPUT_LIMIT, f"output over {cfg.max_output_bytes} bytes")
    if (kind == "exception" and final.get("memory")) or (not final and code == wire.MEMORY_EXIT):
        return result(Verdict.MEMORY_LIMIT, f"MemoryError under the {cfg.memory_mb} MiB limit")
    if sig is not None:
        return result(Verdict.RUNTIME_ERROR, f"killed by signal {_signame(sig)}")
    if kind == "exception":
        return result(Verdict.RUNTIME_ERROR, _last_line(tail) or final.get("type", "exception"))
    if kind == "missing_fn":
        return result(Verdict.RUNTIME_ERROR, f"the program defines no function or Solution method {final.get('name')!r}")
    if code not in (0, None):
        return result(Verdict.RUNTIME_ERROR, f"exit status {code}" + (f": {_last_line(tail)}" if tail.strip() else ""))
    if code is None:
        return result(Verdict.HARNESS_ERROR, "no exit status for the program")

    if spec.mode == "stdin":
        ok, why = compare_stdout(r.get("stdout", ""), spec.outputs[i], cfg.float_tol)
        return result(Verdict.PASS if ok else Verdict.WRONG_ANSWER, why)
    if spec.mode == "call":
        if kind == "not_plain":
            return result(Verdict.WRONG_ANSWER, f"returned {final.get('detail')}")
        if kind != "return":
            return result(Verdict.RUNTIME_ERROR, "the program exited before returning a value")
        try:
            got = wire.decode_plain(final["value"])
        except wire.NotPlain as e:
            return result(Verdict.WRONG_ANSWER, f"unreadable return value: {e}")
        ok, why = compare_values(got, spec.outputs[i], cfg.float_tol)
        return result(Verdict.PASS if ok else Verdict.WRONG_ANSWER, why)
    # check mode: the check code ran here (checker.py), against the program's answers
    if outcome is None:
        return result(Verdict.HARNESS_ERROR, "the check did not run")
    return result(Verdict(outcome.verdict), outcome.detail)


def _signame(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return str(sig)


def _last_line(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1][:300] if lines else ""


# --------------------------------------------------------------------------- module-level default

_default: Executor | None = None
_default_lock = threading.Lock()


def default_executor() -> Executor:
    """The shared :class:`Executor` behind :func:`run_program`: started on first use,
    closed at interpreter exit."""
    global _default
    with _default_lock:
        if _default is None or _default._closed:
            _default = Executor()
            atexit.register(_default.close)
        return _default


def run_program(program: str, tests: dict[str, Any], *, timeout_s: float | None = None,
                coverage: bool | None = None, early_exit: bool | None = None, **overrides) -> ExecResult:
    """Run ``program`` against ``tests`` in the sandbox (on the default executor)."""
    for name, value in (("timeout_s", timeout_s), ("coverage", coverage), ("early_exit", early_exit)):
        if value is not None:
            overrides[name] = value
    return default_executor().run(program, tests, **overrides)


__all__ = ["EXEC_PRESETS", "ExecConfig", "ExecResult", "Executor", "TestResult", "Verdict",
           "default_executor", "run_program"]
