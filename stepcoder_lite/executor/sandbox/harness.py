"""Inside A, the sandboxed child of one test: run the program, then do what the test asks.

By the time :class:`Harness` runs, A is already in the sandbox (``hardening.py``): fds 0/1/2
are the test's stdin and the stdout/stderr pipes, fd 3 (``wire.RESULT_FD``) is the result
pipe. The harness gives the program fresh standard streams, a clean ``sys.path``, ``exit()``
and ``quit()``, runs the (already compiled) code as ``__main__`` -- with coverage on, after
pointing the probes at the test's shared memory -- and then, by the test's mode:

* ``stdin``: nothing more (or calls the APPS+ entry point the program defines);
* ``call``: calls the function, or a method of a fresh ``Solution()``, with the test's
  arguments, and reports the returned value as a plain value;
* ``check`` (HumanEval-style tests): answers the supervisor's calls on the socket at fd 4
  (``wire.RPC_FD``). The check code itself never enters this process: it runs in the trusted
  supervisor (``checker.py``), which calls the program's functions through that socket with
  plain values only. The program therefore cannot read the asserts through frames, patch
  ``builtins`` under them, or return an object whose ``==`` always says True: the check only
  ever sees freshly decoded plain values.

Whatever happens, A ends in :meth:`Harness._finish`: one final message on fd 3 (framed by
``wire.EXIT_MARK``) and ``_exit`` with the program's exit status.
"""

from __future__ import annotations

import os
import socket
import sys
import time

from . import _bitmap, _probe_target, _slot_bytes
from .wire import (EXIT_MARK, MEMORY_EXIT, PROGRAM_FILENAME, RESULT_FD, RPC_FD, NotPlain, compact_json,
                   decode_plain, encode_plain, recv_msg, send_msg)

# typing names a LeetCode-style starter uses without importing them (``List[int]``); they are
# put in the namespace of call-based programs only, as LeetCode and the APPS harness do.
TYPING_PRELUDE = ("List", "Dict", "Tuple", "Set", "FrozenSet", "Optional", "Union", "Any",
                  "Callable", "Iterable", "Iterator", "Sequence", "Deque", "DefaultDict")


class _Quitter:  # exit() / quit() in the program: the site module is not imported in the server
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Use %s() or Ctrl-D (i.e. EOF) to exit" % self.name

    def __call__(self, code=None):
        raise SystemExit(code)


class Harness:
    """Runs the program as ``__main__`` in child A, then (call mode) calls its function, or
    (check mode) answers the supervisor's calls. Reports one final message on fd 3.

    ``code``/``prelude``: code objects (``prelude`` may be ``None``); ``mode``: ``stdin`` |
    ``call`` | ``check``; ``fn_name``/``args``: call mode's function and decoded arguments;
    ``call_entry``: stdin mode's entry point to call after the module ran (or ``None``);
    ``cov``: the test's shared coverage mapping (``None``: coverage off) and ``cov_len`` its
    slots in use (the program's lines + 1); ``site_paths``: the program's ``sys.path``;
    ``phases``: this test's timestamps so far (the final message carries them).
    """

    def __init__(self, *, code, prelude, mode, fn_name, args, call_entry, cov, cov_len, site_paths, phases):
        self.code, self.prelude, self.mode = code, prelude, mode
        self.fn_name, self.args, self.call_entry = fn_name, args, call_entry
        self.cov, self.cov_len = cov, cov_len
        self.probes = None  # what the probes store into (coverage on): see _probe_target
        self.site_paths = site_paths
        self.phases = phases

    # --------------------------------------------------------------- run

    def run(self):
        import builtins
        import io

        # Fresh standard streams on fds 0/1/2 (the server's objects must not be reused).
        sys.stdin = sys.__stdin__ = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)),
                                                     encoding="utf-8", errors="surrogateescape")
        sys.stdout = sys.__stdout__ = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)),
                                                       encoding="utf-8", errors="backslashreplace")
        sys.stderr = sys.__stderr__ = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
                                                       encoding="utf-8", errors="backslashreplace",
                                                       line_buffering=True)
        sys.path[:] = self.site_paths  # (the server's path without this package's folder, + site-packages)
        sys.argv = [PROGRAM_FILENAME]
        real_exit = os._exit
        import _signal  # (signal.signal wraps this one in enum conversions)

        _signal.signal(_signal.SIGXFSZ, _signal.SIG_DFL)  # a file over the size limit ends the program

        builtins.exit, builtins.quit = _Quitter("exit"), _Quitter("quit")

        def _exit_flushing(code):  # os._exit after print: keep what was printed
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:
                    pass
            real_exit(code)

        os._exit = _exit_flushing
        ns = {"__name__": "__main__", "__builtins__": builtins, "__file__": PROGRAM_FILENAME, "__doc__": None}
        if self.mode == "call":
            import typing

            for name in TYPING_PRELUDE:
                if hasattr(typing, name):
                    ns[name] = getattr(typing, name)
        final = None
        try:
            if self.prelude is not None:
                exec(self.prelude, ns)
            if self.cov is not None:
                self.probes = builtins.__stepcoder_cov__ = _probe_target(self.cov, self.cov_len)
            exec(self.code, ns)
            if self.mode == "stdin":
                fn = ns.get(self.call_entry) if self.call_entry else None
                if callable(fn):
                    fn()
                final = {"kind": "exit", "code": 0}
            elif self.mode == "call":
                final = self._call(ns)
            else:
                final = self._serve_checker(ns)
        except SystemExit as e:
            final = self._system_exit(e)
        except BaseException as e:
            final = self._exception(e)
        self._finish(final)

    def _call(self, ns):
        name = self.fn_name
        fn = None
        cls = ns.get("Solution")
        if isinstance(cls, type) and hasattr(cls, name):
            fn = getattr(cls(), name)  # a fresh Solution() for this test
        elif callable(ns.get(name)):
            fn = ns[name]
        if fn is None:
            sys.stderr.write("NameError: the program defines no function or Solution method %r\n" % name)
            return {"kind": "missing_fn", "name": name}
        value = fn(*self.args)
        try:
            return {"kind": "return", "value": encode_plain(value)}
        except (NotPlain, ValueError, RecursionError) as e:
            return {"kind": "not_plain", "detail": str(e)[:300]}

    # --------------------------------------------------------------- check mode

    @staticmethod
    def _describe_global(ns, name):
        if name not in ns:
            return {"kind": "missing"}
        value = ns[name]
        if isinstance(value, type(sys)):
            return {"kind": "module", "module": value.__name__}
        if callable(value):
            return {"kind": "callable"}
        try:
            return {"kind": "value", "value": encode_plain(value)}
        except (NotPlain, ValueError, RecursionError) as e:
            return {"kind": "not_plain", "detail": str(e)[:300]}

    def _serve_checker(self, ns):
        """Check mode: answer the checker's requests until {done}: {get_many names},
        {call name args}, and {call_many name calls}: those calls in order, each answer sent
        as soon as it is known (see checker.py, *Pipelining*)."""
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0, RPC_FD)
        while True:
            req = recv_msg(sock, max_bytes=64 << 20)
            op = req.get("op") if isinstance(req, dict) else "done"
            if op == "done":
                return {"kind": "exit", "code": 0}
            if op == "get_many":
                send_msg(sock, {"names": {n: self._describe_global(ns, n) for n in req.get("names", [])}})
            elif op == "get":
                send_msg(sock, self._describe_global(ns, req.get("name")))
            elif op == "call_many":
                self._call_many(sock, ns, req)
            else:
                send_msg(sock, self._answer_call(ns, req.get("name"), req["args"]))

    def _call_many(self, sock, ns, req):
        """Run the planned calls in order, streaming one answer per call; stop after the first
        answer that is not a return value (the check ends there, whatever comes after). Before
        each answer: stdout/stderr flushed, so that what the calls so far printed is in the
        server's pipes; with coverage, the bitmap, when it changed, so that the supervisor knows
        the lines run as of each call (calls past the deciding one must not count)."""
        slots_seen = None
        for args in req.get("calls", ()):
            answer = self._answer_call(ns, req.get("name"), args)
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:  # (closed by the program: _finish decides what that means)
                    pass
            if req.get("coverage") and self.probes is not None:
                slots = self.cov[: self.cov_len * _slot_bytes()]
                if slots != slots_seen:
                    slots_seen = slots
                    answer["cov"] = _bitmap(self.probes, self.cov, self.cov_len).hex()
            send_msg(sock, answer)
            if answer["kind"] != "return":
                return

    @staticmethod
    def _answer_call(ns, name, args):
        """One call of the program's global ``name``, as the answer to send back. The program's
        SystemExit and MemoryError end A (its final message says which); any other exception is
        an answer."""
        if name not in ns:  # (the checker calls the entry point without asking first)
            return {"kind": "missing"}
        try:
            value = ns[name](*decode_plain(args))
        except SystemExit as e:
            raise e
        except BaseException as e:  # the program raised: tell the checker, keep serving
            import traceback

            if isinstance(e, MemoryError):
                raise
            traceback.print_exception(type(e), e, e.__traceback__.tb_next if e.__traceback__ else None,
                                      file=sys.stderr, limit=-5)
            return {"kind": "raise", "type": type(e).__name__, "detail": str(e)[:300]}
        try:
            return {"kind": "return", "value": encode_plain(value)}
        except (NotPlain, ValueError, RecursionError) as e:
            return {"kind": "not_plain", "detail": str(e)[:300]}

    # --------------------------------------------------------------- the end of A

    @staticmethod
    def _system_exit(e):
        code = e.code
        if code is None:
            return {"kind": "exit", "code": 0}
        if isinstance(code, int) and not isinstance(code, bool):
            return {"kind": "exit", "code": code & 0xFF if code >= 0 else 1}
        try:
            sys.stderr.write(str(code) + "\n")
        except BaseException:
            pass
        return {"kind": "exit", "code": 1}

    @staticmethod
    def _exception(e):
        import traceback

        try:
            tb = e.__traceback__.tb_next if e.__traceback__ is not None else None  # skip our frame
            traceback.print_exception(type(e), e, tb, file=sys.stderr, limit=-8)
        except BaseException:
            pass
        return {"kind": "exception", "type": type(e).__name__, "memory": isinstance(e, MemoryError),
                "errno": getattr(e, "errno", None) if isinstance(e, OSError) else None}

    def _finish(self, final):
        """Flush, report ``final`` (with the exit status and CPU time) on fd 3, and exit."""
        for stream in (sys.stdout, sys.stderr):
            try:
                if not stream.closed:
                    stream.flush()
            except BaseException:
                if stream is sys.stdout and final.get("kind") == "exit" and final["code"] == 0:
                    final = {"kind": "exit", "code": 120}  # as CPython: stdout could not be flushed
        kind = final.get("kind")
        if kind == "exit":
            code = final["code"]
        elif kind == "exception":
            code = MEMORY_EXIT if final.get("memory") else 1
        elif kind == "missing_fn":
            code = 1
        else:  # return / not_plain
            code = 0
        final["code"] = code
        try:
            self.phases["ran"] = time.perf_counter()
            final["phases"] = self.phases
            data = EXIT_MARK + compact_json(final).encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(RESULT_FD, view):]
        except BaseException:
            code = 124 if code == 0 else code  # could not report (fd 3 closed by the program, ...)
        import posix

        posix._exit(code)  # the real one: os._exit may have been replaced by the program
