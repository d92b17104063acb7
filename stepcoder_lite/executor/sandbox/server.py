"""The fork server: one per worker; receives programs and tests, runs each test in a child.

The server holds the program of the moment (its code object as ``marshal`` bytes, compiled by
the supervisor) and runs every test the same way, one code path:

1. a **spare** child is forked (:meth:`Server.fork_spare`), enters the sandbox
   (``hardening.py``) and parks on a control socket, before its test is known;
2. the test arrives: the server writes its stdin, hands the spare the program, the test's
   limits and arguments in one message (:meth:`Server._run_on_spare`), and the spare, now A,
   runs the harness (``harness.py``);
3. the server watches A under the limits (:meth:`Server._supervise`), then kills everything A
   left behind (:meth:`Server._kill_everything`) and replies with what A did.

**Pre-forking.** Step 1 does not depend on the test, so after each test the server forks the
next spare right away (while the supervisor judges the report): the next test then costs one
message instead of a fork (:meth:`Server.ensure_spare`). The spare is forked only after the
previous test was cleaned up, so it never shares the sandbox uid with untrusted code. With
pre-forking off (``"prefork": false``), or for a program longer than a spare's coverage slots,
the spare is forked when its test arrives: the same path, the fork back on the critical path.

Everything the child spawned is killed when it ends or at the deadline: the whole process
group, every process of the per-worker uid (``kill(-1)`` from a helper that takes that uid;
escaping the process group with ``setsid`` does not help), and every orphan re-parented to
the server (it is a *child subreaper*).
"""

from __future__ import annotations

import gc
import json
import marshal
import os
import select
import socket
import sys
import time

from . import _list_items_offset, coverage_memory, lines_hit
from .hardening import Hardening, apply_test_limits, place_fds
from .harness import Harness
from .wire import CTRL_FD, EXIT_MARK, RESULT_FD, RPC_FD, decode_plain, recv_exact, recv_msg, send_msg

SPARE_COV_LINES = 1 << 16  # a pre-forked spare's coverage slots: programs up to this many lines

# Standard-library modules imported once by the server, so every child starts with them
# loaded (faster) -- and so they work at all where Python lives in a directory the sandbox uid
# cannot read (e.g. a pyenv under /root, as on our CI): a module outside this list is then
# importable only if its files are world-readable.
PRELOAD = (
    "abc", "array", "ast", "base64", "binascii", "bisect", "calendar", "cmath", "codecs", "collections",
    "collections.abc", "contextlib", "copy", "dataclasses", "datetime", "decimal", "difflib", "enum",
    "fnmatch", "fractions", "functools", "glob", "hashlib", "heapq", "importlib", "io", "itertools", "json",
    "keyword", "locale", "math", "numbers", "operator", "pprint", "queue", "random", "re", "statistics",
    "string", "struct", "textwrap", "threading", "time", "traceback", "types", "typing", "unicodedata",
    "weakref", "zlib", "mmap", "selectors", "resource", "signal", "shutil", "tempfile", "fcntl", "linecache",
    "fileinput", "inspect", "pickle", "subprocess", "platform", "secrets", "uuid", "csv", "errno", "select",
    "stat", "gzip", "bz2", "lzma", "contextvars", "unittest", "doctest", "socket", "stringprep",
    "encodings.idna", "encodings.ascii", "encodings.latin_1", "encodings.utf_16", "encodings.utf_32",
    "encodings.unicode_escape", "encodings.raw_unicode_escape", "encodings.cp1252", "encodings.cp437",
)
# numpy is deliberately not preloaded: it would double the server's size, and fork and exit
# cost grow with it on every test; the few programs that import numpy pay for it themselves.

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

_LIBC = None


def _fork():
    """``fork()`` from libc, without CPython's own at-fork work (``os.fork`` runs threading's
    and random's Python hooks in the child: they write to ~180 pages of the inherited heap, each
    one a copy-on-write fault; measured on a 2-vCPU VM, fork + exit from the server fell from
    1.6 to 1.05 ms of CPU). Sound here because the server is single-threaded (no lock can be
    held by another thread, the thread identity stays valid in the child) and never imports while
    forking; the one observable difference, ``random`` continuing the server's sequence, is undone
    by :func:`_reseed_random` for programs that use it. ``os.fork`` where there is no libc fork."""
    global _LIBC
    if _LIBC is None:
        try:
            import ctypes

            lib = ctypes.PyDLL(None, use_errno=True)  # PyDLL: the GIL stays held across the call
            lib.fork.restype = ctypes.c_int
            lib.fork.argtypes = []
            _LIBC = lib if sys.platform.startswith("linux") else False
        except (ImportError, OSError, AttributeError):
            _LIBC = False
    if not _LIBC:
        return os.fork()
    pid = _LIBC.fork()
    if pid < 0:
        import ctypes

        raise OSError(ctypes.get_errno(), "fork")
    return pid


def _reseed_random():
    """In a child of :func:`_fork`: give ``random`` fresh entropy, as a new process has."""
    import random

    random.seed()


def _close_quietly(fds):
    for fd in fds:
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass


class _Spare:
    """A child forked ahead of its test: in the sandbox already, waiting on ``ctrl``. The server
    keeps the read ends of its pipes, its stdin memfd (written when the test arrives) and its
    coverage mapping of ``cov_lines`` lines."""

    def __init__(self, pid, stdin_fd, out_r, err_r, res_r, ctrl, cov, cov_lines):
        self.pid, self.stdin_fd, self.ctrl = pid, stdin_fd, ctrl
        self.out_r, self.err_r, self.res_r = out_r, err_r, res_r
        self.cov, self.cov_lines = cov, cov_lines


class Server:
    """One worker: receives programs and tests on a socket, runs each test in a sandboxed child."""

    def __init__(self, config):
        import importlib

        extra = [p for p in config.get("paths", []) if p not in sys.path]
        sys.path.extend(extra)  # third-party modules come from the caller's site-packages
        for name in PRELOAD:
            try:
                importlib.import_module(name)
            except Exception:  # not installed, or broken: the program will see the error itself
                pass
        for p in extra:
            sys.path.remove(p)
        self.sock = socket.socket(fileno=config["fd"])
        self.prefork = config.get("prefork", True)  # keep the next test's child forked in advance
        self.hardening = Hardening(
            uid=config.get("uid"), gid=config.get("gid"), box_root=config["box_root"],
            landlock=config.get("landlock", True),
            seccomp_path=config.get("seccomp_path") if config.get("seccomp", True) else None,
            max_processes=int(config.get("max_processes", 64)))
        self.layers = self.hardening.layers
        # the program of the moment (load_program)
        self.loaded = False       # whether a program is loaded
        self.code = None          # the program's code object (marshal bytes, compiled by the supervisor)
        self.prelude = None       # the prelude's code (imports run before the program, not probed)
        self.coverage = False     # whether ``code`` carries the coverage probes
        self.code_lines = 0       # number of source lines (coverage bitmap size)
        self.call_entry = None    # stdin mode: entry point to call after the module runs
        self.reseed = False       # the program mentions ``random``: reseed it in the child
        # the test of the moment
        self.spare = None         # the child waiting for the next test (a _Spare)
        self.reaped = False       # the current test's children are killed and reaped
        # perf_counter() timestamps of one test (CLOCK_MONOTONIC: comparable across processes):
        # fork (server), child / sandboxed / ran (child, before reporting), exited / reported (server).
        self.phases = {}
        _list_items_offset()  # (checked once here: every child inherits the answer)
        here = os.path.dirname(os.path.abspath(__file__))
        self.site_paths = ([p for p in sys.path if p and os.path.abspath(p) != here]
                           + [p for p in config.get("paths", []) if p not in sys.path])  # a child's sys.path

    # ----------------------------------------------------------------- main loop

    def serve(self):
        send_msg(self.sock, {"ready": True, "pid": os.getpid(), "layers": self.layers})
        try:
            self.ensure_spare()
        except Exception:
            self.spare = None
        while True:
            msg, fds = recv_msg(self.sock, with_fds=True)
            if msg is None:  # the supervisor closed us: leave nothing behind (the uid is reused)
                self._discard_spare()
                return
            op = msg.get("op")
            if op == "stop" and not fds:  # a check's stop that came after its test had ended anyway
                continue
            try:
                blob = None
                if op == "test" and isinstance(msg.get("program"), dict):  # its code follows the message
                    p = msg["program"]
                    blob = recv_exact(self.sock, int(p["code_len"]) + int(p["prelude_len"]))
                    if blob is None:
                        self._discard_spare()
                        return
                if op == "test":
                    reply = self.run_test(msg, fds, blob)
                elif op == "ping":
                    reply = {"ok": True, "layers": self.layers,
                             "spare_pid": self.spare.pid if self.spare is not None else None}
                else:
                    reply = {"harness_error": "unknown op %r" % (op,)}
            except Exception as e:  # report, keep serving
                import traceback

                reply = {"harness_error": "%s: %s" % (type(e).__name__, e),
                         "traceback": traceback.format_exc()[-2000:]}
            finally:
                _close_quietly(fds)
            send_msg(self.sock, reply)
            if op == "test":
                try:
                    self.ensure_spare()  # the next test's child, forked while the supervisor judges
                except Exception:
                    self.spare = None

    def load_program(self, msg, blob):
        """Keep a program for its tests: its code object and its prelude's, compiled (and, with
        coverage, instrumented by ``instrument_for_coverage``) by the supervisor and sent as
        ``marshal`` bytes; each test's child receives these bytes unchanged."""
        n = int(msg["code_len"])
        self.code, self.prelude = blob[:n], (blob[n:] or None)
        self.coverage = bool(msg.get("coverage"))
        self.code_lines = int(msg["lines"])
        self.call_entry = msg.get("call_entry")
        self.reseed = bool(msg.get("reseed"))
        self.loaded = True

    # ----------------------------------------------------------------- one test

    def run_test(self, msg, fds, blob=None):
        """One test of the loaded program (a new program comes with its first test), always on
        a spare: the waiting one, or one forked now."""
        coverage = bool(msg.get("coverage"))
        if "program" in msg:
            self.loaded = False
            self.load_program(msg["program"], blob)
        if not self.loaded:
            return {"harness_error": "no program loaded"}
        if coverage != self.coverage:
            return {"harness_error": "the test asks for coverage %s, the program was compiled with it %s"
                                     % (coverage, self.coverage)}
        mode = msg["mode"]  # stdin | call | check
        if mode == "check" and len(fds) != 1:
            return {"harness_error": "check mode needs the supervisor's socket"}
        if self.spare is not None and self.spare.cov_lines < self.code_lines:
            self._discard_spare()  # too few coverage slots for this (very long) program
        if self.spare is None:
            self.fork_spare(max(self.code_lines, SPARE_COV_LINES))
        return self._run_on_spare(msg, fds, mode)

    # ----------------------------------------------------------------- the spare

    def ensure_spare(self):
        """With pre-forking on, fork the next test's child *now*, while the supervisor judges
        the last report: the fork and the sandbox set-up leave the critical path; what remains
        there is one message."""
        if self.spare is None and self.prefork:
            self.fork_spare(SPARE_COV_LINES)

    def fork_spare(self, cov_lines):
        """Fork a child that enters the sandbox (process group, box, fds, uid, no_new_privs,
        Landlock, seccomp) and waits for its test on a control socket."""
        box = self.hardening.fresh_box()
        stdin_fd = self._empty_memfd()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        res_r, res_w = os.pipe()
        ctrl, ctrl_child = socket.socketpair()
        cov = coverage_memory(cov_lines)
        # Critical for speed: move every object the server holds out of the collector's
        # reach, so the child's first collection does not walk (and copy-on-write touch)
        # the whole inherited heap. O(1).
        gc.freeze()
        pid = _fork()
        if pid == 0:  # ---------------- the spare child
            self._spare_child(box, stdin_fd, out_w, err_w, res_w, ctrl_child, cov)
        for fd in (out_w, err_w, res_w):
            os.close(fd)
        ctrl_child.close()
        self.spare = _Spare(pid, stdin_fd, out_r, err_r, res_r, ctrl, cov, cov_lines)

    def _discard_spare(self):
        sp, self.spare = self.spare, None
        if sp is None:
            return
        import signal

        try:
            os.kill(sp.pid, signal.SIGKILL)  # not reaped yet: the pid is still ours
        except ProcessLookupError:
            pass
        try:
            os.waitpid(sp.pid, 0)
        except ChildProcessError:
            pass
        for fd in (sp.stdin_fd, sp.out_r, sp.err_r, sp.res_r):
            os.close(fd)
        sp.ctrl.close()
        sp.cov.close()

    def _spare_child(self, box, stdin_fd, out_w, err_w, res_w, ctrl_child, cov):
        """The spare child: enter the sandbox, wait for the test, become A. Never returns."""
        try:
            plan = {0: stdin_fd, 1: out_w, 2: err_w, RESULT_FD: res_w, CTRL_FD: ctrl_child.fileno()}
            place_fds(plan)
            self.hardening.enter(box, list(plan))
        except BaseException as e:  # the sandbox could not be built: never run the program
            try:
                os.write(2, ("sandbox setup failed: %s: %s\n" % (type(e).__name__, e)).encode())
                os.write(RESULT_FD, EXIT_MARK + json.dumps({"kind": "sandbox_error", "detail": str(e)}).encode())
            finally:
                os._exit(125)
        import posix

        try:
            ctrl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0, CTRL_FD)
            go, fds = recv_msg(ctrl, with_fds=True)
            if go is None:  # the server discarded us
                posix._exit(0)
            code = marshal.loads(recv_exact(ctrl, go["code_len"]))
            prelude = marshal.loads(recv_exact(ctrl, go["prelude_len"])) if go["prelude_len"] else None
            ctrl.close()
            if fds and fds[0] != RPC_FD:  # (it may already have landed on RPC_FD)
                os.dup2(fds[0], RPC_FD)
                os.close(fds[0])
            apply_test_limits(go["limits"])
            if go.get("reseed"):
                _reseed_random()
            self.phases["child"] = self.phases["sandboxed"] = time.perf_counter()
            args = decode_plain(go["args"]) if go["mode"] == "call" else None
        except BaseException as e:
            try:
                os.write(RESULT_FD, EXIT_MARK + json.dumps({"kind": "sandbox_error", "detail": "spare: %s" % e}).encode())
            finally:
                posix._exit(125)
        try:
            Harness(code=code, prelude=prelude, mode=go["mode"], fn_name=go.get("fn_name"), args=args,
                    call_entry=go["call_entry"], cov=cov if go["coverage"] else None, cov_len=int(go["lines"]) + 1,
                    site_paths=self.site_paths, phases=self.phases).run()
        finally:  # run() ends in _exit; should it ever return or raise, never fall back into the server
            posix._exit(124)

    def _run_on_spare(self, msg, fds, mode):
        """Hand the test to the waiting spare child, then watch it."""
        sp, self.spare = self.spare, None
        limits = msg["limits"]
        data = (msg.get("stdin", "") if mode == "stdin" else "").encode("utf-8", "surrogateescape")
        view = memoryview(data)
        while view:
            view = view[os.write(sp.stdin_fd, view):]
        os.lseek(sp.stdin_fd, 0, os.SEEK_SET)  # the offset is shared with the child's fd 0
        os.close(sp.stdin_fd)
        code, prelude = self.code, self.prelude or b""  # marshal bytes, forwarded as they came
        go = {"mode": mode, "fn_name": msg.get("fn_name"), "args": msg.get("args"), "limits": limits,
              "coverage": self.coverage, "call_entry": self.call_entry, "code_len": len(code),
              "prelude_len": len(prelude), "reseed": self.reseed, "lines": self.code_lines}
        pids = [sp.pid]
        self.reaped = False
        try:
            self.phases.clear()
            self.phases["fork"] = time.perf_counter()
            try:
                send_msg(sp.ctrl, go, fds[:1] if mode == "check" else (), code + prelude)
            except OSError:
                pass  # the spare died (its report says why)
            sp.ctrl.close()
            for fd in fds:  # the server never reads the supervisor<->A socket
                os.close(fd)
            fds.clear()
            report = self._supervise(pids, sp.out_r, sp.err_r, sp.res_r, limits, stoppable=mode == "check")
            report["phases"] = dict(self.phases, reported=time.perf_counter())
        finally:
            _close_quietly((sp.out_r, sp.err_r, sp.res_r))
            if not self.reaped:
                self._kill_everything(pids)
        if self.coverage:
            report["lines"] = lines_hit(sp.cov, self.code_lines + 1)
        sp.cov.close()
        return report

    @staticmethod
    def _empty_memfd():
        """A spare's stdin: written when its test arrives (an unlinked temp file where there is no memfd)."""
        if hasattr(os, "memfd_create"):
            return os.memfd_create("stdin", 0)
        import tempfile  # macOS etc.

        fd, path = tempfile.mkstemp()
        os.unlink(path)
        return fd

    # ----------------------------------------------------------------- watching a test

    def _supervise(self, pids, out_r, err_r, res_r, limits, stoppable=False):
        """Collect output under the caps until every child has exited or a limit is hit.
        ``stoppable`` (check mode): the supervisor may also end the test early with ``{"op":
        "stop"}`` on our socket, once its check has decided while A was still running planned
        calls that no longer count (``killed_for`` is then ``"stopped"``)."""
        cpu_limit = float(limits["cpu_s"])
        wall_limit = float(limits["wall_s"])
        out_cap = int(limits["output_bytes"])
        t0 = time.monotonic()
        sel = select.poll()  # (hang-ups are always reported)
        bufs = {out_r: bytearray(), err_r: bytearray(), res_r: bytearray()}
        caps = {out_r: out_cap, err_r: out_cap, res_r: out_cap + 4096}
        for fd in bufs:
            os.set_blocking(fd, False)
            sel.register(fd, select.POLLIN)
        listen = self.sock.fileno() if stoppable else None
        if listen is not None:
            sel.register(listen, select.POLLIN)
        alive = {}
        for pid in pids:
            pfd = None
            if hasattr(os, "pidfd_open"):
                try:
                    pfd = os.pidfd_open(pid)
                    sel.register(pfd, select.POLLIN)
                except OSError:
                    pfd = None
            alive[pid] = pfd
        statuses = {}
        killed_for = None  # "timeout" | "output_limit"
        cpu_seen = 0.0
        open_pipes = set(bufs)
        ticks = _CLOCK_TICKS

        def reap(pid):
            """Exited? Leave the zombie in place (its pid and group stay ours) until the end."""
            try:
                info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            except ChildProcessError:
                return True
            return info is not None

        while alive and killed_for is None:
            elapsed = time.monotonic() - t0
            if elapsed >= wall_limit:
                killed_for = "timeout"
                break
            if elapsed >= cpu_limit:  # CPU time can only exceed the limit after this long
                cpu_seen = self._cpu_time(pids[0], ticks)
                if cpu_seen >= cpu_limit:
                    killed_for = "timeout"
                    break
            wait = min(wall_limit - elapsed, 0.02 if elapsed >= cpu_limit else cpu_limit - elapsed + 0.001)
            if any(p is None for p in alive.values()):
                wait = min(wait, 0.005)
            for fd, _ in sel.poll(max(wait, 0.001) * 1000):
                if fd in bufs:
                    if not self._drain(fd, bufs[fd], caps[fd]):
                        sel.unregister(fd)
                        open_pipes.discard(fd)
                    if len(bufs[fd]) > caps[fd]:
                        killed_for = "output_limit"
                elif fd == listen:  # (the supervisor sends nothing else while a test runs)
                    sel.unregister(listen)
                    listen = None
                    if (recv_msg(self.sock) or {}).get("op") == "stop":
                        killed_for = "stopped"
                else:  # a pidfd became readable: that child exited
                    for pid, pfd in list(alive.items()):
                        if pfd == fd and reap(pid):
                            sel.unregister(pfd)
                            os.close(pfd)
                            del alive[pid]
            if any(p is None for p in alive.values()):  # no pidfds: poll
                for pid in [p for p, pfd in alive.items() if pfd is None]:
                    if reap(pid):
                        del alive[pid]
        wall = time.monotonic() - t0
        self.phases["exited"] = time.perf_counter()
        if listen is not None:  # a stop that comes from now on is read (and dropped) by serve()
            sel.unregister(listen)
        # Kill whatever is left (the program's descendants too), then collect the rest.
        statuses.update(self._kill_everything(pids))
        for pid, pfd in alive.items():
            if pfd is not None:
                try:
                    sel.unregister(pfd)
                except KeyError:
                    pass
                os.close(pfd)
        deadline = time.monotonic() + 0.5
        while open_pipes and time.monotonic() < deadline:
            for fd, _ in sel.poll(50):
                if not self._drain(fd, bufs[fd], caps[fd]):
                    sel.unregister(fd)
                    open_pipes.discard(fd)
        if killed_for in (None, "stopped") and (len(bufs[out_r]) > out_cap or len(bufs[err_r]) > out_cap
                                                or len(bufs[res_r]) > caps[res_r]):
            killed_for = "output_limit"

        status_a, ru_a = statuses.get(pids[0], (None, None))
        report = {
            "killed_for": killed_for,
            "wall_s": wall,
            "cpu_s": (ru_a.ru_utime + ru_a.ru_stime) if ru_a is not None else cpu_seen,
            "max_rss_kb": ru_a.ru_maxrss if ru_a is not None else None,
            "stdout": bytes(bufs[out_r][:out_cap]).decode("utf-8", "replace"),
            "stderr_tail": bytes(bufs[err_r][-2000:]).decode("utf-8", "replace"),
            "final": None,
        }
        report.update(self._describe_status(status_a))
        res = bytes(bufs[res_r])
        k = res.rfind(EXIT_MARK)
        if k >= 0:
            body = res[k + len(EXIT_MARK):]
            try:
                report["final"] = json.loads(body.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                report["final"] = {"kind": "malformed"}
        return report

    @staticmethod
    def _describe_status(status):
        if status is None:
            return {"exit_code": None, "signal": None}
        if os.WIFSIGNALED(status):
            return {"exit_code": None, "signal": os.WTERMSIG(status)}
        return {"exit_code": os.WEXITSTATUS(status), "signal": None}

    @staticmethod
    def _drain(fd, buf, cap):
        """Read what is there; keep at most cap+1 bytes. False at EOF."""
        while True:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                return True
            except OSError:
                return False
            if not chunk:
                return False
            room = cap + 1 - len(buf)
            if room > 0:
                buf += chunk[:room]
            else:
                return True  # over the cap: stop reading, the caller kills

    @staticmethod
    def _cpu_time(pid, ticks):
        try:
            with open("/proc/%d/stat" % pid, "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        except (OSError, IndexError, ValueError):
            return 0.0

    # ----------------------------------------------------------------- ending a test

    def _kill_everything(self, pids):
        """End the test: SIGKILL the given (not yet reaped) children and their process groups,
        reap them, then -- only if anything else of theirs is left -- every process of the
        sandbox uid (``kill(-1)`` from a helper that takes that uid) and every orphan the
        kernel re-parented to us (we are a child subreaper). Returns {pid: (status, rusage)}.

        Why "only if": with the subreaper on, any surviving descendant of the program has an
        ancestor chain ending at one of our children, so an empty children list proves that
        nothing is left, and the common case costs no extra fork."""
        import signal

        self.reaped = True
        for pid in pids:  # not reaped yet: their pids (and groups) cannot have been reused
            for kill in (os.killpg, os.kill):
                try:
                    kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        statuses = {}
        for pid in pids:
            try:
                _, status, ru = os.wait4(pid, 0)
                statuses[pid] = (status, ru)
            except ChildProcessError:
                pass
        if not self._children() and self.layers["subreaper"]:
            return statuses
        if self.layers["uid"]:
            reaper = os.fork()
            if reaper == 0:
                try:
                    os.setgid(self.hardening.gid)
                    os.setuid(self.hardening.uid)
                    os.kill(-1, signal.SIGKILL)  # everything this uid owns, wherever it hides
                finally:
                    os._exit(0)
            os.waitpid(reaper, 0)
        for _ in range(1000):
            kids = self._children()
            if not kids:
                break
            for kid in kids:
                try:
                    os.kill(kid, signal.SIGKILL)  # our child: its pid cannot have been reused
                except ProcessLookupError:
                    pass
            for kid in kids:
                try:
                    os.waitpid(kid, 0)
                except ChildProcessError:
                    pass
        return statuses

    @staticmethod
    def _children():
        """Our children's pids (the server is single-threaded: its one task lists them all)."""
        me = os.getpid()
        try:
            with open("/proc/%d/task/%d/children" % (me, me), "rb") as f:
                return [int(p) for p in f.read().split()]
        except OSError:
            return []


def main(argv):
    import signal

    config = json.loads(argv[1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the supervisor, which closes us
    Server(config).serve()
