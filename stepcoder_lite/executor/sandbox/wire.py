"""What crosses a process boundary: plain values, length-prefixed messages, agreed constants.

Three processes talk: the trusted supervisor (``core.py``, ``checker.py``), the fork server
(``server.py``) and the sandboxed child **A** that runs one test (``harness.py``). Everything
they send each other goes through this module.

**Plain values.** Everything that crosses a process boundary (call arguments, returned values)
is encoded with :func:`encode_plain` / :func:`decode_plain`: JSON with tags for tuples, sets,
dicts with any keys, bytes, complex numbers and non-finite floats. Only exact built-in types
come back out; subclasses are converted to their base type in the child, numpy scalars and
arrays through ``.item()``/``.tolist()``, anything else is refused. Never pickle: unpickling
is code execution.

**Messages.** :func:`send_msg` / :func:`recv_msg`: a 4-byte big-endian length, then compact
JSON, optionally with file descriptors (``SCM_RIGHTS``) and raw bytes the message announces.

Standard library only: the server imports this module in a ``python -I -S`` process.
"""

from __future__ import annotations

import json
import math
import socket
import struct

# --------------------------------------------------------------------------- agreed constants

PROGRAM_FILENAME = "<program>"  # the program's file name: compiled under it, reported in tracebacks
RESULT_FD = 3  # A's end of the result pipe: the harness's final message
RPC_FD = 4  # check mode: A's end of the socket to the supervisor's checker
CTRL_FD = 5  # a spare child's control socket (its test arrives there)
MEMORY_EXIT = 86  # exit status of A after a MemoryError (used only if the final message is lost)
EXIT_MARK = b"\x00\x01STEPCODER-RESULT\x01\x00"  # frames the harness's final message on fd 3

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


def recv_exact(sock, n, fds_out=None):
    """Exactly ``n`` bytes from ``sock`` (``None`` on EOF); with ``fds_out``, the file
    descriptors that came with the first chunk are appended to it."""
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
    header = recv_exact(sock, 4, fds)
    if header is None:
        return (None, fds) if with_fds else None
    (n,) = struct.unpack(">I", header)
    if n > max_bytes:
        raise ValueError("message of %d bytes exceeds the %d-byte cap" % (n, max_bytes))
    data = recv_exact(sock, n)
    if data is None:
        return (None, fds) if with_fds else None
    msg = json.loads(data.decode("utf-8"))
    return (msg, fds) if with_fds else msg
