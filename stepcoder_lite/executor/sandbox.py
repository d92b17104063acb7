"""The far side of the executor: a fork server and the sandboxed processes it starts.

This file is deliberately standard-library only and runnable as a script. The supervisor
(``core.Executor``) starts one copy per worker as a small, separate Python process::

    python -I -S sandbox.py CONFIG_JSON

(``-I``: no user site, no PYTHON* variables; ``-S``: no ``site`` import, so the server starts
in ~20 ms and forks in ~0.5 ms). The server never sees an expected output: it receives a
program and one test's *input*, forks a child per test, and reports back what the child did
(stdout, exit status, returned value, executed lines, CPU time). The supervisor alone holds
the expected outputs and judges.

Per test, the child (called **A** below) does, in order:

1. ``setpgid(0, 0)``: its own process group (the server runs in a session of its own with no
   controlling terminal; ``setsid`` is avoided: with scheduler autogroups it costs ~1.5 ms).
2. ``chdir`` into a fresh, empty temporary directory (``0700``, owned by the sandbox user).
3. fds 0/1/2 = the test's stdin (a memfd), a stdout pipe, a stderr pipe; fd 3 = a result pipe;
   every other fd is closed.
4. resource limits: CPU seconds, address space, file size, processes, stack, no core dumps,
   open files.
5. when root: drop every privilege to a per-worker uid/gid (no supplementary groups), so the
   program cannot touch root's files, signal root's processes or read their ``/proc`` entries.
6. ``no_new_privs``; a **Landlock** ruleset when the kernel has one (writes allowed only below
   the temporary directory and to ``/dev/null``; TCP bind/connect denied; signals and abstract
   unix sockets scoped to the sandbox); a **seccomp** filter when ``pyseccomp`` and the
   system's libseccomp are present (ptrace, process_vm_*, mount, namespaces, bpf, keyctl, ...
   and IPv4/IPv6/netlink/packet sockets return an error). Each layer reports whether it is on
   (``python -m stepcoder_lite exec --json`` prints them under ``"sandbox"``).
7. a clean environment (PATH, HOME=the temp dir, LANG, single-threaded BLAS), then the
   program runs as ``__main__`` (with coverage on: compiled with a probe before each
   statement, see :func:`instrument_for_coverage`).

**Pre-forking.** Steps 1-6 do not depend on the test, so after each test the server forks
the next child right away (while the supervisor judges the report), lets it enter the sandbox,
and parks it on a control socket; the next test then costs one message instead of a fork
(``ensure_spare``). The spare is forked only after the previous test was cleaned up, so it
never shares the sandbox uid with untrusted code; the test limits (step 4: CPU, address
space, file size, stack) are lowered when its test arrives.

Everything the child spawned is killed when it ends or at the deadline: the whole process
group, every process of the per-worker uid (``kill(-1)`` from a helper that takes that uid;
escaping the process group with ``setsid`` does not help), and every orphan re-parented to
the server (it is a *child subreaper*).

HumanEval-style tests (a ``check(candidate)`` function with the asserts inside) need the test
code and the program to meet. They never share a process: the program runs in **A** and only
answers calls on a socket that the supervisor handed over; the check code runs in the trusted
supervisor (``checker.py``), which calls the program's functions through that socket with plain
values only (the server never sees the check code). The program therefore cannot read the
asserts through frames, patch ``builtins`` under them, or return an object whose ``==`` always
says True: the check only ever sees freshly decoded plain values.

**Known limits** (where a layer is missing, the others still hold):

* not root (a student's laptop): no uid of its own, so the program runs as you; Landlock (Linux
  >= 5.13) is then what keeps it from writing or deleting your files and from signalling your
  processes, seccomp what keeps it off the network. Without Landlock (older kernels, macOS) a
  program can write wherever you can: run untrusted code as root in a container, or in a VM.
* reads are not restricted: the program can read any file its uid may read (never the
  supervisor's environment: the server starts with an empty one, ``/proc/<pid>/environ`` of
  other processes is closed by the uid drop and by Landlock).
* where Python lives in a directory the sandbox uid cannot read (a pyenv under ``/root``),
  only the modules in ``PRELOAD`` (and world-readable third-party packages) can be imported.
* macOS and other non-Linux systems: no memfd, pidfd, prctl, Landlock or seccomp; the server
  falls back to temp files and polling. Untested there.

**Plain values.** Everything that crosses a process boundary (call arguments, returned values)
is encoded with :func:`encode_plain` / :func:`decode_plain`: JSON with tags for tuples, sets,
dicts with any keys, bytes, complex numbers and non-finite floats. Only exact built-in types
come back out; subclasses are converted to their base type in the child, numpy scalars and
arrays through ``.item()``/``.tolist()``, anything else is refused. Never pickle: unpickling
is code execution.
"""

from __future__ import annotations

import gc
import json
import marshal
import math
import mmap
import os
import select
import socket
import struct
import sys
import time

# --------------------------------------------------------------------------- plain values

MAX_DEPTH = 200  # nesting depth of a plain value that we agree to encode / decode


class NotPlain(TypeError):
    """A value that cannot cross a process boundary as a plain value."""


def _to_plain(x, depth=0, active=None):
    """Convert ``x`` into JSON-able tagged data; exact built-in types only come out."""
    if depth > MAX_DEPTH:
        raise NotPlain("value nested deeper than %d levels" % MAX_DEPTH)
    t = type(x)
    if x is None or t is bool or t is str:
        return x
    if t is int:
        return x
    if t is float:
        if math.isfinite(x):
            return x
        return {"f": repr(x)}  # 'inf', '-inf', 'nan'
    if active is None:
        active = set()
    if id(x) in active:
        raise NotPlain("value contains a reference cycle")
    if t in (list, tuple, set, frozenset, dict):
        active.add(id(x))
        try:
            if t is list:
                return {"l": [_to_plain(v, depth + 1, active) for v in x]}
            if t is tuple:
                return {"t": [_to_plain(v, depth + 1, active) for v in x]}
            if t is set or t is frozenset:
                return {("s" if t is set else "fs"): [_to_plain(v, depth + 1, active) for v in x]}
            return {"d": [[_to_plain(k, depth + 1, active), _to_plain(v, depth + 1, active)] for k, v in x.items()]}
        finally:
            active.discard(id(x))
    if t is bytes or t is bytearray:
        return {"b": bytes(x).decode("latin-1")}
    if t is complex:
        return {"c": [repr(x.real), repr(x.imag)]}
    # Not an exact built-in type. Convert with the *base* type's own methods, so an object
    # that overrides __eq__/__iter__/__str__ cannot decide what it is worth.
    if isinstance(x, bool):
        return bool(int.__int__(x))
    if isinstance(x, int):
        return int.__int__(x)
    if isinstance(x, float):
        return _to_plain(float.__float__(x), depth, active)
    if isinstance(x, str):
        return str.__str__(x)
    if isinstance(x, dict):
        return _to_plain(dict(dict.items(x)), depth, active)
    if isinstance(x, (list, tuple)):
        base = list if isinstance(x, list) else tuple
        return _to_plain(base(base.__iter__(x)), depth, active)
    if isinstance(x, (set, frozenset)):
        base = set if isinstance(x, set) else frozenset
        return _to_plain(base(base.__iter__(x)), depth, active)
    mod = getattr(t, "__module__", "") or ""
    if mod == "collections" and t.__name__ == "deque":
        return _to_plain(list(x), depth, active)
    if mod.startswith("numpy"):
        if hasattr(x, "tolist"):
            return _to_plain(x.tolist(), depth, active)
    raise NotPlain("a value of type %s.%s is not a plain value" % (mod, t.__qualname__))


# One encoder each, built once: json.dumps with options builds a new JSONEncoder per call.
_json_plain = json.JSONEncoder(allow_nan=False, separators=(",", ":")).encode
compact_json = json.JSONEncoder(separators=(",", ":")).encode


def encode_plain(x) -> str:
    """``x`` as a JSON string of tagged plain data (raises :class:`NotPlain`)."""
    return _json_plain(_to_plain(x))


def _from_plain(d, depth=0):
    if depth > MAX_DEPTH:
        raise NotPlain("value nested deeper than %d levels" % MAX_DEPTH)
    t = type(d)
    if d is None or t is bool or t is str or t is int or t is float:
        return d
    if t is list:  # JSON arrays only appear inside tags
        raise NotPlain("untagged JSON array")
    if t is not dict or len(d) != 1:
        raise NotPlain("malformed plain value")
    (tag, v), = d.items()
    if tag == "l":
        return [_from_plain(e, depth + 1) for e in v]
    if tag == "t":
        return tuple(_from_plain(e, depth + 1) for e in v)
    if tag == "s":
        return {_from_plain(e, depth + 1) for e in v}
    if tag == "fs":
        return frozenset(_from_plain(e, depth + 1) for e in v)
    if tag == "d":
        return {_from_plain(k, depth + 1): _from_plain(val, depth + 1) for k, val in v}
    if tag == "f" and v in ("inf", "-inf", "nan"):
        return float(v)
    if tag == "b":
        return v.encode("latin-1")
    if tag == "c":
        return complex(float(v[0]), float(v[1]))
    raise NotPlain("unknown tag %r" % (tag,))


def decode_plain(s):
    """Inverse of :func:`encode_plain`; raises :class:`NotPlain` on anything malformed."""
    try:
        return _from_plain(json.loads(s))
    except NotPlain:
        raise
    except (ValueError, TypeError, RecursionError, MemoryError, AttributeError) as e:
        raise NotPlain("malformed plain value: %s" % type(e).__name__) from None


# --------------------------------------------------------------------------- framing

def send_msg(sock, obj, fds=(), extra=b""):
    """One length-prefixed JSON message (optionally carrying file descriptors), then ``extra``:
    raw bytes that the message announces, in the same write (one wake-up of the reader)."""
    data = compact_json(obj).encode("utf-8")
    header = struct.pack(">I", len(data))
    if fds:
        socket.send_fds(sock, [header], list(fds))
        sock.sendall(data + extra)
    else:
        sock.sendall(header + data + extra)


def _recv_exact(sock, n, fds_out=None):
    buf = bytearray()
    while len(buf) < n:
        if fds_out is not None and not buf:
            chunk, fds, _flags, _addr = socket.recv_fds(sock, n - len(buf), 8)
            fds_out.extend(fds)
        else:
            chunk = sock.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def recv_msg(sock, with_fds=False, max_bytes=1 << 30):
    """Receive one message; ``None`` on EOF. With ``with_fds``: ``(msg, fds)``."""
    fds = [] if with_fds else None
    header = _recv_exact(sock, 4, fds)
    if header is None:
        return (None, fds) if with_fds else None
    (n,) = struct.unpack(">I", header)
    if n > max_bytes:
        raise ValueError("message of %d bytes exceeds the %d-byte cap" % (n, max_bytes))
    data = _recv_exact(sock, n)
    if data is None:
        return (None, fds) if with_fds else None
    msg = json.loads(data.decode("utf-8"))
    return (msg, fds) if with_fds else msg


# =========================================================================== the server
# Everything below runs only in the server process and its children.

PROGRAM_FILENAME = "<program>"
RESULT_FD = 3
RPC_FD = 4  # check mode: A's end of the socket to the supervisor's checker
CTRL_FD = 5  # a spare child's control socket (its test arrives there)
SPARE_COV_LINES = 1 << 16  # a spare's coverage bitmap: programs up to this many lines
MEMORY_EXIT = 86  # exit status of A after a MemoryError (used only if the final message is lost)
EXIT_MARK = b"\x00\x01STEPCODER-RESULT\x01\x00"  # frames the harness's final message on fd 3

# typing names a LeetCode-style starter uses without importing them (``List[int]``); they are
# put in the namespace of call-based programs only, as LeetCode and the APPS harness do.
TYPING_PRELUDE = ("List", "Dict", "Tuple", "Set", "FrozenSet", "Optional", "Union", "Any",
                  "Callable", "Iterable", "Iterator", "Sequence", "Deque", "DefaultDict")

# Landlock (linux/landlock.h)
_LL_CREATE_RULESET, _LL_ADD_RULE, _LL_RESTRICT_SELF = 444, 445, 446
_LL_VERSION_FLAG = 1
_LL_RULE_PATH_BENEATH = 1
_LL_FS_WRITE_FILE = 1 << 1
_LL_FS_WRITE_RIGHTS_V1 = (1 << 1) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12)
_LL_FS_REFER = 1 << 13      # ABI 2
_LL_FS_TRUNCATE = 1 << 14   # ABI 3
_LL_NET_BIND_TCP, _LL_NET_CONNECT_TCP = 1 << 0, 1 << 1          # ABI 4
_LL_SCOPE_ABSTRACT_UNIX, _LL_SCOPE_SIGNAL = 1 << 0, 1 << 1      # ABI 6

# prctl
_PR_SET_DUMPABLE = 4
_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_NO_NEW_PRIVS = 38

# syscalls the seccomp layer refuses (EPERM): ways out of the box or into other processes
SECCOMP_DENY = (
    "ptrace", "process_vm_readv", "process_vm_writev", "mount", "umount2", "pivot_root",
    "chroot", "unshare", "setns", "reboot", "kexec_load", "kexec_file_load", "init_module",
    "finit_module", "delete_module", "bpf", "perf_event_open", "keyctl", "add_key",
    "request_key", "userfaultfd", "swapon", "swapoff", "acct", "settimeofday", "clock_settime",
    "adjtimex", "syslog", "quotactl", "open_by_handle_at", "name_to_handle_at", "fanotify_init",
    "io_uring_setup", "personality", "sethostname", "setdomainname", "vhangup",
)


def _place_fds(plan):
    """dup2 each source fd onto its target fd, safely even when sources and targets overlap."""
    import fcntl

    high = {target: fcntl.fcntl(src, fcntl.F_DUPFD, 100) for target, src in plan.items()}
    for target, src in high.items():
        os.dup2(src, target)
    for src in set(high.values()):
        os.close(src)


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

# perf_counter() timestamps of one test (CLOCK_MONOTONIC: comparable across processes):
# fork (server), child / sandboxed / ran (child, before reporting), exited / reported (server).
_PHASES = {}

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


class _SeccompProgram:
    """A compiled seccomp filter (classic BPF, 8 bytes per instruction), ready to install."""

    def __init__(self, bpf):
        import ctypes

        self.buf = ctypes.create_string_buffer(bpf, len(bpf))

        class SockFprog(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

        self.prog = SockFprog(len(bpf) // 8, ctypes.cast(self.buf, ctypes.c_void_p).value)
        self.libc = ctypes.CDLL(None, use_errno=True)

    def load(self):
        import ctypes

        # prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog); needs no_new_privs (set before)
        if self.libc.prctl(22, 2, ctypes.byref(self.prog), 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP)")


class _Server:
    """One worker: receives programs and tests on a socket, forks a sandboxed child per test."""

    def __init__(self, config):
        import ctypes

        self.cfg = config
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
        self.root = os.geteuid() == 0
        self.uid = config.get("uid")
        self.gid = config.get("gid")
        self.box_root = config["box_root"]
        self.code = None          # the program's code object (marshal bytes, compiled by the supervisor)
        self.prelude = None       # the prelude's code (imports run before the program, not probed)
        self.coverage = False     # whether ``code`` carries the coverage probes
        self.code_lines = 0       # number of source lines (coverage bitmap size)
        self.call_entry = None    # stdin mode: entry point to call after the module runs
        self.reseed = False       # the program mentions ``random``: reseed it in the child
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.libc.syscall.restype = ctypes.c_long
        self.layers = {"uid": bool(self.root and self.uid is not None), "landlock": 0, "seccomp": False,
                       "subreaper": False}
        try:
            if self.libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0:
                self.layers["subreaper"] = True
        except (AttributeError, OSError):
            pass
        self.landlock_abi = self._landlock_abi() if config.get("landlock", True) else 0
        self.layers["landlock"] = self.landlock_abi
        self.seccomp = self._build_seccomp() if config.get("seccomp", True) else None
        self.layers["seccomp"] = self.seccomp is not None
        self.nproc = self._nproc_limit()
        _list_items_offset()  # (checked once here: every child inherits the answer)
        here = os.path.dirname(os.path.abspath(__file__))
        self.site_paths = ([p for p in sys.path if p and os.path.abspath(p) != here]
                           + [p for p in config.get("paths", []) if p not in sys.path])  # a child's sys.path

    # ----------------------------------------------------------------- capabilities

    def _landlock_abi(self):
        if not sys.platform.startswith("linux"):
            return 0
        try:
            abi = self.libc.syscall(_LL_CREATE_RULESET, None, 0, _LL_VERSION_FLAG)
        except OSError:
            return 0
        return abi if abi > 0 else 0

    def _build_seccomp(self):
        path = self.cfg.get("seccomp_path")
        if not path:
            return None
        sys.path.insert(0, path)
        try:
            import errno as _errno

            import pyseccomp as sc  # type: ignore
        except Exception:  # missing module or missing libseccomp
            return None
        finally:
            sys.path.remove(path)
        try:
            f = sc.SyscallFilter(sc.ALLOW)
            for name in SECCOMP_DENY:
                try:
                    f.add_rule(sc.ERRNO(_errno.EPERM), name)
                except Exception:  # a syscall this architecture does not have
                    pass
            for family in (socket.AF_INET, socket.AF_INET6, getattr(socket, "AF_NETLINK", 16),
                           getattr(socket, "AF_PACKET", 17)):
                f.add_rule(sc.ERRNO(_errno.EACCES), "socket", sc.Arg(0, sc.EQ, family))
            # Compile the filter to BPF once; each child loads it with one prctl (libseccomp's
            # own seccomp_load would regenerate it per test).
            import tempfile

            with tempfile.TemporaryFile() as tmp:
                f.export_bpf(tmp)
                tmp.seek(0)
                bpf = tmp.read()
        except Exception:
            return None
        if not bpf or len(bpf) % 8:
            return None
        return _SeccompProgram(bpf)

    def _nproc_limit(self):
        want = int(self.cfg.get("max_processes", 64))
        if self.layers["uid"]:
            return want  # counts only the per-worker uid's processes
        # Not root: RLIMIT_NPROC counts every task (process or thread) of this user, browser
        # threads included, so allow what exists now + want + headroom (counted once, here).
        try:
            uid = os.getuid()
            count = 0
            for name in os.listdir("/proc"):
                if name.isdigit():
                    try:
                        if os.stat("/proc/" + name).st_uid == uid:
                            count += len(os.listdir("/proc/%s/task" % name))
                    except OSError:
                        pass
            return count + want + 256
        except OSError:  # no /proc (macOS): leave the limit alone
            return None

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
                    blob = _recv_exact(self.sock, int(p["code_len"]) + int(p["prelude_len"]))
                    if blob is None:
                        self._discard_spare()
                        return
                if op == "test":
                    reply = self.run_test(msg, fds, blob)
                elif op == "ping":
                    spare = getattr(self, "spare", None)
                    reply = {"ok": True, "layers": self.layers, "spare_pid": spare["pid"] if spare else None}
                else:
                    reply = {"harness_error": "unknown op %r" % (op,)}
            except Exception as e:  # report, keep serving
                import traceback

                reply = {"harness_error": "%s: %s" % (type(e).__name__, e),
                         "traceback": traceback.format_exc()[-2000:]}
            finally:
                for fd in fds:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            send_msg(self.sock, reply)
            if op == "test":
                try:
                    self.ensure_spare()  # the next test's child, forked while the supervisor judges
                except Exception:
                    self.spare = None
    def load_program(self, msg, blob):
        """Keep a program for its tests: its code object and its prelude's, compiled (and, with
        coverage, instrumented by :func:`instrument_for_coverage`) by the supervisor and sent as
        ``marshal`` bytes; a spare child receives these bytes unchanged."""
        n = int(msg["code_len"])
        self.code, self.prelude = blob[:n], (blob[n:] or None)
        self.coverage = bool(msg.get("coverage"))
        self.code_lines = int(msg["lines"])
        self.call_entry = msg.get("call_entry")
        self.reseed = bool(msg.get("reseed"))
        self.loaded = True

    # ----------------------------------------------------------------- one test

    def run_test(self, msg, fds, blob=None):
        coverage = bool(msg.get("coverage"))
        if "program" in msg:  # a new program comes with its first test
            self.loaded = False
            self.load_program(msg["program"], blob)
        if not getattr(self, "loaded", False):
            return {"harness_error": "no program loaded"}
        if coverage != self.coverage:
            return {"harness_error": "the test asks for coverage %s, the program was compiled with it %s"
                                     % (coverage, self.coverage)}
        mode = msg["mode"]  # stdin | call | check
        if mode == "check" and len(fds) != 1:
            return {"harness_error": "check mode needs the supervisor's socket"}
        limits = msg["limits"]
        if getattr(self, "spare", None) is not None and self.code_lines <= SPARE_COV_LINES:
            return self._run_on_spare(msg, fds, mode, limits, coverage, time)
        self._discard_spare()  # (a very long program) the end-of-test kill must not meet a spare
        box = self._fresh_box()
        cov = coverage_memory(max(self.code_lines, 1)) if coverage else None
        stdin_fd = self._stdin_fd(msg.get("stdin", "") if mode == "stdin" else "")
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        res_r, res_w = os.pipe()
        rpc_fd = fds[0] if mode == "check" else None  # check mode: the supervisor calls A on it
        pids = []
        self.reaped = False
        try:
            args = decode_plain(msg["args"]) if mode == "call" else None
            _PHASES.clear()
            # Critical for speed: move every object the server holds out of the collector's
            # reach, so the child's first collection does not walk (and copy-on-write touch)
            # the whole inherited heap. O(1).
            gc.freeze()
            _PHASES["fork"] = time.perf_counter()
            pid_a = _fork()
            if pid_a == 0:  # ---------------- child A: the program
                self._child_program(box, limits, stdin_fd, out_w, err_w, res_w, rpc_fd, cov, mode, msg, args)
            pids.append(pid_a)
            for fd in (stdin_fd, out_w, err_w, res_w):
                os.close(fd)
            stdin_fd = out_w = err_w = res_w = None
            for fd in fds:  # the server never reads the supervisor<->A socket
                os.close(fd)
            fds.clear()
            report = self._supervise(pids, out_r, err_r, res_r, limits, time, stoppable=mode == "check")
            report["phases"] = dict(_PHASES, reported=time.perf_counter())
        finally:
            for fd in (stdin_fd, out_w, err_w, res_w, out_r, err_r, res_r):
                if fd is not None:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            if not self.reaped:
                self._kill_everything(pids)
        if cov is not None:
            report["lines"] = lines_hit(cov, max(self.code_lines, 1) + 1)
            cov.close()
        return report

    # ----------------------------------------------------------------- the pre-forked spare

    def ensure_spare(self):
        """Fork the next test's child *now*, while the supervisor judges the last report: it
        enters the sandbox (process group, box, fds, uid, no_new_privs, Landlock, seccomp) and
        waits for its test on a control socket. The fork and the sandbox set-up leave the
        critical path; what remains there is one message."""
        if getattr(self, "spare", None) is not None or not self.cfg.get("prefork", True):
            return
        box = self._fresh_box()
        stdin_fd = self._stdin_fd("")
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        res_r, res_w = os.pipe()
        ctrl, ctrl_child = socket.socketpair()
        cov = coverage_memory(SPARE_COV_LINES)
        gc.freeze()
        pid = _fork()
        if pid == 0:  # ---------------- the spare child
            self._spare_child(box, stdin_fd, out_w, err_w, res_w, ctrl_child, cov)
        for fd in (out_w, err_w, res_w):
            os.close(fd)
        ctrl_child.close()
        self.spare = {"pid": pid, "stdin_fd": stdin_fd, "out_r": out_r, "err_r": err_r, "res_r": res_r,
                      "ctrl": ctrl, "cov": cov}

    def _discard_spare(self):
        sp, self.spare = getattr(self, "spare", None), None
        if sp is None:
            return
        import signal

        try:
            os.kill(sp["pid"], signal.SIGKILL)  # not reaped yet: the pid is still ours
        except ProcessLookupError:
            pass
        try:
            os.waitpid(sp["pid"], 0)
        except ChildProcessError:
            pass
        for fd in (sp["stdin_fd"], sp["out_r"], sp["err_r"], sp["res_r"]):
            os.close(fd)
        sp["ctrl"].close()
        sp["cov"].close()

    def _spare_child(self, box, stdin_fd, out_w, err_w, res_w, ctrl_child, cov):
        try:
            plan = {0: stdin_fd, 1: out_w, 2: err_w, RESULT_FD: res_w, CTRL_FD: ctrl_child.fileno()}
            _place_fds(plan)
            self._enter_sandbox(box, None, list(plan))
        except BaseException as e:
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
            code = marshal.loads(_recv_exact(ctrl, go["code_len"]))
            prelude = marshal.loads(_recv_exact(ctrl, go["prelude_len"])) if go["prelude_len"] else None
            ctrl.close()
            if fds and fds[0] != RPC_FD:  # (it may already have landed on RPC_FD)
                os.dup2(fds[0], RPC_FD)
                os.close(fds[0])
            self._apply_limits(go["limits"])
            if go.get("reseed"):
                _reseed_random()
            _PHASES["child"] = _PHASES["sandboxed"] = time.perf_counter()
            args = decode_plain(go["args"]) if go["mode"] == "call" else None
        except BaseException as e:
            try:
                os.write(RESULT_FD, EXIT_MARK + json.dumps({"kind": "sandbox_error", "detail": "spare: %s" % e}).encode())
            finally:
                posix._exit(125)
        try:
            _Harness(code, cov if go["coverage"] else None, go["mode"], go, args, go["call_entry"],
                     self.site_paths, prelude, cov_len=int(go.get("lines", SPARE_COV_LINES)) + 1).run()
        finally:
            posix._exit(124)

    def _run_on_spare(self, msg, fds, mode, limits, coverage, time):
        """Hand the test to the waiting spare child, then watch it like any other."""
        sp, self.spare = self.spare, None
        data = (msg.get("stdin", "") if mode == "stdin" else "").encode("utf-8", "surrogateescape")
        view = memoryview(data)
        while view:
            view = view[os.write(sp["stdin_fd"], view):]
        os.lseek(sp["stdin_fd"], 0, os.SEEK_SET)  # the offset is shared with the child's fd 0
        os.close(sp["stdin_fd"])
        code, prelude = self.code, self.prelude or b""  # marshal bytes, forwarded as they came
        go = {"mode": mode, "fn_name": msg.get("fn_name"), "args": msg.get("args"), "limits": limits,
              "coverage": coverage, "call_entry": self.call_entry, "code_len": len(code), "prelude_len": len(prelude),
              "reseed": self.reseed, "lines": self.code_lines}
        pids = [sp["pid"]]
        self.reaped = False
        try:
            _PHASES.clear()
            _PHASES["fork"] = time.perf_counter()
            try:
                send_msg(sp["ctrl"], go, fds[:1] if mode == "check" else (), code + prelude)
            except OSError:
                pass  # the spare died (its report says why)
            sp["ctrl"].close()
            for fd in fds:
                os.close(fd)
            fds.clear()
            report = self._supervise(pids, sp["out_r"], sp["err_r"], sp["res_r"], limits, time,
                                     stoppable=mode == "check")
            report["phases"] = dict(_PHASES, reported=time.perf_counter())
        finally:
            for fd in (sp["out_r"], sp["err_r"], sp["res_r"]):
                try:
                    os.close(fd)
                except OSError:
                    pass
            if not self.reaped:
                self._kill_everything(pids)
        if coverage:
            report["lines"] = lines_hit(sp["cov"], self.code_lines + 1)
        sp["cov"].close()
        return report

    def _fresh_box(self):
        """The empty working directory of the next test. One per worker, reused while the
        previous test left it exactly as it was (the common case: no mkdir/chown/rmtree)."""
        import shutil
        import stat
        import tempfile

        box = getattr(self, "box", None)
        if box is not None:
            try:
                st = os.lstat(box)
                if (stat.S_ISDIR(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o700 and not os.listdir(box)
                        and st.st_uid == (self.uid if self.layers["uid"] else os.getuid())):
                    return box
            except OSError:
                pass
            shutil.rmtree(box, ignore_errors=True)
        box = tempfile.mkdtemp(prefix="box-", dir=self.box_root)
        if self.layers["uid"]:
            os.chown(box, self.uid, self.gid)
        os.chmod(box, 0o700)
        self.box = box
        # What every child of this box inherits: its Landlock ruleset and a clean environment.
        if getattr(self, "landlock_fd", None) is not None:
            os.close(self.landlock_fd)
            self.landlock_fd = None
        if self.landlock_abi:
            self.landlock_fd = self._landlock_ruleset(box)
        os.environ.clear()
        os.environ.update({
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": box, "TMPDIR": box, "LANG": "C.UTF-8",
            "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        })
        return box

    def _stdin_fd(self, text):
        data = text.encode("utf-8", "surrogateescape")
        if hasattr(os, "memfd_create"):
            fd = os.memfd_create("stdin", 0)
        else:  # macOS etc.: an unlinked temporary file
            import tempfile

            fd, path = tempfile.mkstemp()
            os.unlink(path)
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.lseek(fd, 0, os.SEEK_SET)
        return fd

    # ----------------------------------------------------------------- watching a test

    def _supervise(self, pids, out_r, err_r, res_r, limits, time, stoppable=False):
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
        _PHASES["exited"] = time.perf_counter()
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
                    os.setgid(self.gid)
                    os.setuid(self.uid)
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

    # ----------------------------------------------------------------- entering the sandbox

    @staticmethod
    def _lim(which, soft, hard=None):
        """Lower a resource limit (never raises one above its current hard limit)."""
        import resource

        hard = soft if hard is None else hard
        try:
            cur_soft, cur_hard = resource.getrlimit(which)
            if cur_hard != resource.RLIM_INFINITY:
                hard = min(hard, cur_hard)
                soft = min(soft, hard)
            resource.setrlimit(which, (soft, hard))
        except (ValueError, OSError):
            pass

    def _apply_limits(self, limits):
        """The limits of one test: CPU seconds, address space, file size, stack."""
        import resource

        lim = self._lim
        cpu = int(math.ceil(float(limits["cpu_s"]))) + 1
        lim(resource.RLIMIT_CPU, cpu, cpu + 1)  # backstop; the server kills at cpu_s exactly
        mem = int(limits["memory_mb"]) << 20
        lim(resource.RLIMIT_AS, mem)
        lim(resource.RLIMIT_FSIZE, int(limits["output_bytes"]))
        lim(resource.RLIMIT_STACK, min(int(limits.get("stack_mb", 256)) << 20, mem))

    def _enter_sandbox(self, box, limits, keep_fds):
        """Runs in a fresh child, before any untrusted code. Never returns on failure.
        ``limits=None``: a spare child, whose test limits are applied when its test arrives."""
        import resource

        os.setpgid(0, 0)
        os.chdir(box)
        landlock_fd = getattr(self, "landlock_fd", None)
        if landlock_fd is not None:
            keep_fds = list(keep_fds) + [landlock_fd]
        prev = 2  # close every fd above 2 that is not kept: one close_range per gap
        for fd in sorted(set(keep_fds)):
            if fd > prev + 1:
                os.closerange(prev + 1, fd)
            prev = max(prev, fd)
        os.closerange(prev + 1, 1 << 16)

        lim = self._lim
        if limits is not None:
            self._apply_limits(limits)
        lim(resource.RLIMIT_CORE, 0)
        lim(resource.RLIMIT_NOFILE, 256)
        if self.nproc is not None:
            lim(resource.RLIMIT_NPROC, self.nproc)
        if self.layers["uid"]:
            os.setgroups([])
            os.setgid(self.gid)
            os.setuid(self.uid)  # irreversibly: real, effective and saved uid
        if hasattr(self.libc, "prctl"):  # Linux
            self.libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
            self.libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)  # no ptrace, no /proc/<pid>/mem for peers
        if landlock_fd is not None:  # the ruleset was built for this box by the server
            if self.libc.syscall(_LL_RESTRICT_SELF, landlock_fd, 0) != 0:
                import ctypes

                raise OSError(ctypes.get_errno(), "landlock_restrict_self")
            os.close(landlock_fd)
        if self.seccomp is not None:
            self.seccomp.load()
        # The environment was made clean in the server for this box (``_fresh_box``).

    def _landlock_ruleset(self, box):
        """A Landlock ruleset fd for ``box`` (built once per box; each child only applies it):
        writes only below the box and to /dev/null; TCP bind/connect denied (ABI >= 4);
        signals and abstract unix sockets scoped to the sandbox (ABI >= 6)."""
        import ctypes

        abi = self.landlock_abi
        fs = _LL_FS_WRITE_RIGHTS_V1 | (_LL_FS_REFER if abi >= 2 else 0) | (_LL_FS_TRUNCATE if abi >= 3 else 0)
        net = (_LL_NET_BIND_TCP | _LL_NET_CONNECT_TCP) if abi >= 4 else 0
        scoped = (_LL_SCOPE_ABSTRACT_UNIX | _LL_SCOPE_SIGNAL) if abi >= 6 else 0
        attr = struct.pack("=QQQ", fs, net, scoped)
        size = 24 if abi >= 6 else (16 if abi >= 4 else 8)
        buf = ctypes.create_string_buffer(attr[:size], size)
        rfd = self.libc.syscall(_LL_CREATE_RULESET, buf, ctypes.c_size_t(size), 0)
        if rfd < 0:
            raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
        for path, rights in ((box, fs), ("/dev/null", _LL_FS_WRITE_FILE | (_LL_FS_TRUNCATE if abi >= 3 else 0))):
            pfd = os.open(path, getattr(os, "O_PATH", 0o10000000) | os.O_CLOEXEC)
            rule = ctypes.create_string_buffer(struct.pack("=Qi", rights, pfd), 12)
            r = self.libc.syscall(_LL_ADD_RULE, rfd, _LL_RULE_PATH_BENEATH, rule, 0)
            os.close(pfd)
            if r != 0:
                os.close(rfd)
                raise OSError(ctypes.get_errno(), "landlock_add_rule " + path)
        import fcntl

        high = fcntl.fcntl(rfd, fcntl.F_DUPFD, 50)  # clear of the fds a child dup2()s onto (0-5)
        os.close(rfd)
        return high

    # ----------------------------------------------------------------- child A: the program

    def _child_program(self, box, limits, stdin_fd, out_w, err_w, res_w, rpc_fd, cov, mode, msg, args):
        try:
            plan = {0: stdin_fd, 1: out_w, 2: err_w, RESULT_FD: res_w}
            if rpc_fd is not None:
                plan[RPC_FD] = rpc_fd
            _place_fds(plan)
            _PHASES["child"] = time.perf_counter()
            self._enter_sandbox(box, limits, list(plan))
            _PHASES["sandboxed"] = time.perf_counter()
        except BaseException as e:  # the sandbox could not be built: never run the program
            try:
                os.write(2, ("sandbox setup failed: %s: %s\n" % (type(e).__name__, e)).encode())
                os.write(RESULT_FD, EXIT_MARK + json.dumps({"kind": "sandbox_error", "detail": str(e)}).encode())
            finally:
                os._exit(125)
        try:
            code = marshal.loads(self.code)
            prelude = marshal.loads(self.prelude) if self.prelude else None
            if self.reseed:
                _reseed_random()
            _Harness(code, cov, mode, msg, args, self.call_entry, self.site_paths, prelude).run()
        finally:  # run() ends in _exit; should it ever return or raise, never fall back into the server
            import posix

            posix._exit(124)

# =========================================================================== coverage probes

COV_NAME = "__stepcoder_cov__"

# Where the probes write. A probe, ``__stepcoder_cov__[LINE] = 1``, runs before every statement,
# so its store *is* the cost of coverage. Into an mmap it is a generic item store (index and
# value each converted through C calls): the densest loop ran ~2x slower. Into a ``list``,
# CPython (3.11+) runs a specialised instruction that swaps one pointer: ~1.2x. So the probes
# write into a list whose item array is the test's shared mapping -- what they recorded still
# survives a kill, as with a plain mmap -- filled with pointers to the int ``0``; the server
# (the same interpreter image: ``0`` is at the same address) reads each slot back as a
# pointer: still ``0``, or the line ran. Where the list layout is not the one checked below
# (another Python), the probes write bytes into the mmap itself. (A program that resizes or
# frees ``__stepcoder_cov__`` only crashes itself: the array is not the allocator's.)
_LIST_ITEMS_AT = None  # byte offset of a list's item-array pointer (ob_item); 0: not usable


def _list_items_offset():
    """Offset of ``ob_item`` in CPython's list object, checked on a live list; 0 if not usable."""
    global _LIST_ITEMS_AT
    if _LIST_ITEMS_AT is None:
        _LIST_ITEMS_AT = 0
        try:
            import ctypes

            word = ctypes.sizeof(ctypes.c_void_p)
            a, b = object(), object()
            probe = [a, b]
            at = 3 * word  # after ob_refcnt, ob_type, ob_size
            if (sys.implementation.name == "cpython" and ctypes.c_ssize_t.from_address(id(probe) + 2 * word).value == 2):
                items = (ctypes.c_void_p * 2).from_address(ctypes.c_void_p.from_address(id(probe) + at).value)
                if (items[0], items[1]) == (id(a), id(b)):
                    _LIST_ITEMS_AT = at
        except Exception:
            pass
    return _LIST_ITEMS_AT


def _slot_bytes():
    """Bytes per line in a coverage mapping: a pointer (list probes) or one byte."""
    return struct.calcsize("P") if _list_items_offset() else 1


def coverage_memory(lines):
    """The shared mapping for a program of ``lines`` lines (slot 0 unused)."""
    return mmap.mmap(-1, (lines + 1) * _slot_bytes())


def _probe_target(mem, n):
    """In the child: the object the probes store into, for lines ``1..n-1`` of ``mem``."""
    at = _list_items_offset()
    if not at:
        return mem
    import ctypes

    zero = 0
    mem[: n * _slot_bytes()] = struct.pack("@P", id(zero)) * n  # n pointers to the int 0
    target = [zero] * n
    # point the list at the shared slots. Its own array is left allocated, with the n references
    # it holds to 0: they stand for the n pointers now in the slots (a probe's store drops one).
    ctypes.c_void_p.from_address(id(target) + at).value = ctypes.addressof(ctypes.c_char.from_buffer(mem))
    return target


def lines_hit(mem, n):
    """In the server, once the child is gone: the lines ``1..n-1`` whose probe ran."""
    if not _list_items_offset():
        data = mem[:n]
        return [i for i in range(1, len(data)) if data[i]]
    with memoryview(mem) as view, view[: n * _slot_bytes()].cast("P") as slots:
        untouched = (0, id(0))  # (0: the child died before it filled them)
        return [i for i in range(1, n) if slots[i] not in untouched]


def _bitmap(target, mem, n):
    """In the child: one byte per line, 1 where the probe ran (what a check's answers carry)."""
    if isinstance(target, list):
        zero = 0
        return bytes([slot is not zero for slot in target[:n]])
    return mem[:n]


def instrument_for_coverage(source, tree=None):
    """Compile ``source`` with a probe ``__stepcoder_cov__[LINE] = 1`` before every statement.

    ``__stepcoder_cov__`` is the test's slots in shared memory (so what was recorded survives
    the process being killed; see :func:`_probe_target`), put in ``builtins`` by the harness. A
    probe costs one global load and one list item store each time its statement starts --
    about 1.2-1.5x on the tightest loop, against ~9x for a ``sys.settrace`` line tracer -- and
    needs no tracer in any thread.
    Probes carry their statement's line number, so tracebacks are unchanged. A leading
    docstring and ``from __future__`` imports stay first; their lines are probed after them.
    ``tree``: ``source`` already parsed (it is modified in place).
    """
    import ast

    if tree is None:
        tree = ast.parse(source, PROGRAM_FILENAME)

    def probe(line, like):  # __stepcoder_cov__[line] = 1, built directly (ast.parse is slow)
        at = {"lineno": line, "end_lineno": line, "col_offset": like.col_offset, "end_col_offset": like.col_offset}
        target = ast.Subscript(ast.Name(COV_NAME, ast.Load(), **at), ast.Constant(line, **at), ast.Store(), **at)
        return ast.Assign([target], ast.Constant(1, **at), **at)

    def block(stmts):
        out, late = [], []
        head = True
        for k, st in enumerate(stmts):
            is_doc = (k == 0 and isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant)
                      and isinstance(st.value.value, str))
            is_future = isinstance(st, ast.ImportFrom) and st.module == "__future__"
            if head and (is_doc or is_future):
                out.append(st)
                if is_future:
                    late.append(probe(st.lineno, st))
                continue
            if head:
                out.extend(late)
                head = False
            out.append(probe(st.lineno, st))
            out.append(st)
        if head:
            out.extend(late)
        return out

    def instrument(node):  # statements only: no expression can hold a statement
        for name in ("body", "orelse", "finalbody"):
            stmts = getattr(node, name, None)
            if isinstance(stmts, list) and stmts and isinstance(stmts[0], ast.stmt):
                for st in stmts:
                    instrument(st)
                setattr(node, name, block(stmts))
        for part in getattr(node, "handlers", None) or getattr(node, "cases", None) or ():
            instrument(part)  # an except clause, a match case: their bodies

    instrument(tree)
    return compile(tree, PROGRAM_FILENAME, "exec", dont_inherit=True)


# =========================================================================== inside A

class _Quitter:  # exit() / quit() in the program: the site module is not imported in the server
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Use %s() or Ctrl-D (i.e. EOF) to exit" % self.name

    def __call__(self, code=None):
        raise SystemExit(code)


class _Harness:
    """Runs the program as ``__main__`` in child A, then (call mode) calls its function, or
    (check mode) answers the supervisor's calls. Reports one final message on fd 3."""

    def __init__(self, code, cov, mode, msg, args, call_entry, site_paths, prelude=None, cov_len=None):
        self.code, self.cov, self.mode, self.msg, self.args = code, cov, mode, msg, args
        self.cov_len = len(cov) // _slot_bytes() if cov is not None and cov_len is None else cov_len  # lines + 1
        self.probes = None  # what the probes store into (coverage on): see _probe_target
        self.prelude = prelude
        self.call_entry = call_entry
        self.site_paths = site_paths

    # --------------------------------------------------------------- coverage

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
        sys.path[:] = self.site_paths  # (the server's path without this file's folder, + site-packages)
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
        name = self.msg["fn_name"]
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

    @staticmethod
    def _finish(final):
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
            _PHASES["ran"] = time.perf_counter()
            final["phases"] = _PHASES
            data = EXIT_MARK + compact_json(final).encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(RESULT_FD, view):]
        except BaseException:
            code = 124 if code == 0 else code  # could not report (fd 3 closed by the program, ...)
        import posix

        posix._exit(code)  # the real one: os._exit may have been replaced by the program


# =========================================================================== entry point

def main(argv):
    import signal

    config = json.loads(argv[1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the supervisor, which closes us
    server = _Server(config)
    server.serve()


if __name__ == "__main__":
    main(sys.argv)
