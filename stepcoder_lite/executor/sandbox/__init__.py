"""The far side of the executor: a fork server and the sandboxed processes it starts.

The supervisor (``core.Executor``) starts one fork server per worker as a small, separate
Python process::

    python -I -S stepcoder_lite/executor/sandbox/__main__.py CONFIG_JSON

(``-I``: no user site, no PYTHON* variables; ``-S``: no ``site`` import, so the server starts
in ~20 ms and forks in ~0.5 ms). The server never sees an expected output: it receives a
program and one test's *input*, hands the test to a sandboxed child (called **A**), and
reports back what A did (stdout, exit status, returned value, executed lines, CPU time). The
supervisor alone holds the expected outputs and judges. This package is deliberately
standard-library only. Read its modules in this order:

| module         | its one job                                                                   |
|----------------|-------------------------------------------------------------------------------|
| ``wire``       | what crosses a process boundary: plain values, messages, agreed fd numbers     |
| ``hardening``  | the layers a child passes through before untrusted code runs (limits, uid, Landlock, seccomp) |
| ``server``     | the fork server: one code path per test, pre-forked children, killing what is left |
| ``harness``    | inside A: run the program as ``__main__``, call its function, answer a check  |
| ``__main__``   | the script the supervisor starts: loads this package, runs the server         |

This file itself holds the **coverage probes**, the piece all three processes share: the
supervisor compiles them into the program (:func:`instrument_for_coverage`), the harness points
them at the test's shared memory (:func:`_probe_target`), the server reads them back
(:func:`lines_hit`). The names the supervisor and the tests use from the other modules are
imported here too, so ``from stepcoder_lite.executor.sandbox import encode_plain`` works.

**Where the probes write.** A probe, ``__stepcoder_cov__[LINE] = 1``, runs before every
statement, so its store *is* the cost of coverage. Into an mmap it is a generic item store
(index and value each converted through C calls): the densest loop ran ~2x slower. Into a
``list``, CPython (3.11+) runs a specialised instruction that swaps one pointer: ~1.2x. So the
probes write into a list whose item array is the test's shared mapping -- what they recorded
still survives a kill, as with a plain mmap -- filled with pointers to the int ``0``; the
server (the same interpreter image: ``0`` is at the same address) reads each slot back as a
pointer: still ``0``, or the line ran. Where the list layout is not the one checked below
(another Python), the probes write bytes into the mmap itself. (A program that resizes or
frees ``__stepcoder_cov__`` only crashes itself: the array is not the allocator's.)
"""

from __future__ import annotations

import mmap
import struct
import sys

from .wire import PROGRAM_FILENAME
from .wire import NotPlain, decode_plain, encode_plain, recv_msg, send_msg  # noqa: F401  (names the tests import from here)

COV_NAME = "__stepcoder_cov__"

_LIST_ITEMS_AT = None  # byte offset of a list's item-array pointer (ob_item); 0: not usable


def _list_items_offset():
    """Offset of ``ob_item`` in CPython's list object, checked on a live list; 0 if not usable.
    (The server checks it once at start: every child inherits the answer.)"""
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
