"""Hardening: what a child does to itself before any untrusted code runs, and which layers
this machine offers.

A child of the fork server enters the sandbox (:meth:`Hardening.enter`), in order:

1. ``setpgid(0, 0)``: its own process group (the server runs in a session of its own with no
   controlling terminal; ``setsid`` is avoided: with scheduler autogroups it costs ~1.5 ms).
2. ``chdir`` into a fresh, empty temporary directory (``0700``, owned by the sandbox user;
   :meth:`Hardening.fresh_box`).
3. fds 0/1/2 = the test's stdin (a memfd), a stdout pipe, a stderr pipe; fd 3 = a result pipe
   (the server places them with :func:`place_fds`); every other fd is closed.
4. resource limits: no core dumps, open files, processes; the test's own limits (CPU seconds,
   address space, file size, stack) are lowered when its test arrives
   (:func:`apply_test_limits`).
5. when root: drop every privilege to a per-worker uid/gid (no supplementary groups), so the
   program cannot touch root's files, signal root's processes or read their ``/proc`` entries.
6. ``no_new_privs``; a **Landlock** ruleset when the kernel has one (writes allowed only below
   the temporary directory and to ``/dev/null``; TCP bind/connect denied; signals and abstract
   unix sockets scoped to the sandbox); a **seccomp** filter when ``pyseccomp`` and the
   system's libseccomp are present (ptrace, process_vm_*, mount, namespaces, bpf, keyctl, ...
   and IPv4/IPv6/netlink/packet sockets return an error). Each layer reports whether it is on
   (``python -m stepcoder_lite exec --json`` prints them under ``"sandbox"``).

The environment is made clean once per box, in the server (PATH, HOME=the box, LANG,
single-threaded BLAS): every child of that box inherits it.

**Known limits** (where a layer is missing, the others still hold):

* not root (a student's laptop): no uid of its own, so the program runs as you; Landlock (Linux
  >= 5.13) is then what keeps it from writing or deleting your files and from signalling your
  processes, seccomp what keeps it off the network. Without Landlock (older kernels, macOS) a
  program can write wherever you can: run untrusted code as root in a container, or in a VM.
* reads are not restricted: the program can read any file its uid may read (never the
  supervisor's environment: the server starts with an empty one, ``/proc/<pid>/environ`` of
  other processes is closed by the uid drop and by Landlock).
* where Python lives in a directory the sandbox uid cannot read (a pyenv under ``/root``),
  only the modules in ``server.PRELOAD`` (and world-readable third-party packages) can be
  imported.
* macOS and other non-Linux systems: no memfd, pidfd, prctl, Landlock or seccomp; the server
  falls back to temp files and polling. Untested there.
"""

from __future__ import annotations

import math
import os
import socket
import struct
import sys

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


def place_fds(plan):
    """dup2 each source fd onto its target fd, safely even when sources and targets overlap."""
    import fcntl

    high = {target: fcntl.fcntl(src, fcntl.F_DUPFD, 100) for target, src in plan.items()}
    for target, src in high.items():
        os.dup2(src, target)
    for src in set(high.values()):
        os.close(src)


def lower_limit(which, soft, hard=None):
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


def apply_test_limits(limits):
    """The limits of one test: CPU seconds, address space, file size, stack."""
    import resource

    cpu = int(math.ceil(float(limits["cpu_s"]))) + 1
    lower_limit(resource.RLIMIT_CPU, cpu, cpu + 1)  # backstop; the server kills at cpu_s exactly
    mem = int(limits["memory_mb"]) << 20
    lower_limit(resource.RLIMIT_AS, mem)
    lower_limit(resource.RLIMIT_FSIZE, int(limits["output_bytes"]))
    lower_limit(resource.RLIMIT_STACK, min(int(limits.get("stack_mb", 256)) << 20, mem))


class SeccompProgram:
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


class Hardening:
    """One worker's sandbox: which layers this machine has (``layers``, reported to the
    supervisor), the current box (a test's working directory) with its Landlock ruleset, and
    what a fresh child does to enter them (:meth:`enter`).

    ``uid``/``gid``: the per-worker sandbox user (root only, else ``None``); ``box_root``: the
    folder the boxes are made in; ``landlock``: use Landlock where the kernel has it;
    ``seccomp_path``: the folder ``pyseccomp`` is imported from (``None``: no seccomp layer);
    ``max_processes``: the sandbox uid's process limit.
    """

    def __init__(self, *, uid, gid, box_root, landlock, seccomp_path, max_processes):
        import ctypes

        self.uid, self.gid, self.box_root = uid, gid, box_root
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.libc.syscall.restype = ctypes.c_long
        self.layers = {"uid": bool(os.geteuid() == 0 and uid is not None), "landlock": 0, "seccomp": False,
                       "subreaper": False}
        try:  # the server adopts every orphan of its children (server.py kills them)
            if self.libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0:
                self.layers["subreaper"] = True
        except (AttributeError, OSError):
            pass
        self.landlock_abi = self._landlock_abi() if landlock else 0
        self.layers["landlock"] = self.landlock_abi
        self.seccomp = self._build_seccomp(seccomp_path)
        self.layers["seccomp"] = self.seccomp is not None
        self.nproc = self._nproc_limit(max_processes)
        self.box = None          # the current box: reused while tests leave it empty
        self.landlock_fd = None  # the current box's Landlock ruleset (an fd every child inherits)

    # ----------------------------------------------------------------- what this machine has

    def _landlock_abi(self):
        if not sys.platform.startswith("linux"):
            return 0
        try:
            abi = self.libc.syscall(_LL_CREATE_RULESET, None, 0, _LL_VERSION_FLAG)
        except OSError:
            return 0
        return abi if abi > 0 else 0

    @staticmethod
    def _build_seccomp(path):
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
        return SeccompProgram(bpf)

    def _nproc_limit(self, want):
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

    # ----------------------------------------------------------------- the box

    def fresh_box(self):
        """The empty working directory of the next test. One per worker, reused while the
        previous test left it exactly as it was (the common case: no mkdir/chown/rmtree)."""
        import shutil
        import stat
        import tempfile

        box = self.box
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
        if self.landlock_fd is not None:
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

    # ----------------------------------------------------------------- entering the sandbox

    def enter(self, box, keep_fds):
        """Runs in a fresh child, before any untrusted code: steps 1 and 3-6 of the module
        docstring (the test's own limits come later, with its test). Raises on failure: the
        caller must then never run the program."""
        import resource

        os.setpgid(0, 0)
        os.chdir(box)
        landlock_fd = self.landlock_fd
        if landlock_fd is not None:
            keep_fds = list(keep_fds) + [landlock_fd]
        prev = 2  # close every fd above 2 that is not kept: one close_range per gap
        for fd in sorted(set(keep_fds)):
            if fd > prev + 1:
                os.closerange(prev + 1, fd)
            prev = max(prev, fd)
        os.closerange(prev + 1, 1 << 16)

        lower_limit(resource.RLIMIT_CORE, 0)
        lower_limit(resource.RLIMIT_NOFILE, 256)
        if self.nproc is not None:
            lower_limit(resource.RLIMIT_NPROC, self.nproc)
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
        # The environment was made clean in the server for this box (``fresh_box``).
