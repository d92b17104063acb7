"""How the supervisor judges an answer: APPS+ semantics, made strict.

Both functions run in the trusted supervisor on plain values only (stdout text, or a return
value freshly decoded from the sandbox), so nothing the program defined takes part.

* **stdin problems**: stdout and the expected text are split into whitespace-separated tokens
  (``str.split()``: trailing newlines, doubled spaces and line structure do not matter, as in
  the APPS harness). Same number of tokens; each pair equal as text, except that where the
  *expected* token is a decimal float (``0.5``, ``1e-9``, ``2.`` -- a decimal point or an
  exponent) the printed token must be a decimal number within the tolerance
  ``|got - expected| <= tol * max(1, |expected|)``. Case matters; ``inf``/``nan`` are text.
* **call-based problems**: the returned value against the exact expected value, recursively.
  Numbers compare by value, as Python's ``==`` in the APPS harness does (``5 == 5.0``,
  ``True == 1``: APPS+ record 494 expects ``1`` where its reference returns ``True``), with the
  float tolerance only where the expected value is a float; a number never matches a string;
  a tuple may stand for a list (JSON has no tuples); sets compare as sets, dicts by keys and
  values.

No leniency beyond that: no sorting of lists, no rounding, no "any permutation".
"""

from __future__ import annotations

import math
import re

FLOAT_TOL = 1e-6

_DECIMAL_FLOAT = re.compile(r"^[+-]?(?:\d+\.\d*|\.\d+|\d+(?:\.\d*)?[eE][+-]?\d+|\.\d+[eE][+-]?\d+)$")
_DECIMAL_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")


def _close(got: float, expected: float, tol: float) -> bool:
    return abs(got - expected) <= tol * max(1.0, abs(expected))


def compare_stdout(got: str, expected: str, float_tol: float = FLOAT_TOL) -> tuple[bool, str]:
    """``(ok, detail)``: token-wise comparison of a program's stdout with the expected text."""
    got_tokens, exp_tokens = got.split(), expected.split()
    for i, (g, e) in enumerate(zip(got_tokens, exp_tokens)):
        if g == e:
            continue
        if _DECIMAL_FLOAT.match(e) and _DECIMAL_NUMBER.match(g) and _close(float(g), float(e), float_tol):
            continue
        return False, f"token {i}: expected {_short(e)}, got {_short(g)}"
    if len(got_tokens) != len(exp_tokens):
        return False, f"expected {len(exp_tokens)} tokens, got {len(got_tokens)}"
    return True, ""


def compare_values(got, expected, float_tol: float = FLOAT_TOL) -> tuple[bool, str]:
    """``(ok, detail)``: a returned plain value against the exact expected value."""
    where = _mismatch(got, expected, float_tol, "")
    if where is None:
        return True, ""
    return False, where


def _mismatch(got, exp, tol, path):
    te, tg = type(exp), type(got)
    here = path or "value"
    if exp is None:
        return None if got is None else f"{here}: expected None, got {_short(got)}"
    if te is float:
        if tg not in (int, float):
            return f"{here}: expected float {_short(exp)}, got {tg.__name__} {_short(got)}"
        if math.isnan(exp):
            return None if (tg is float and math.isnan(got)) else f"{here}: expected nan, got {_short(got)}"
        if math.isinf(exp) or math.isinf(got):
            return None if got == exp else f"{here}: expected {_short(exp)}, got {_short(got)}"
        return None if _close(float(got), exp, tol) else f"{here}: expected {_short(exp)}, got {_short(got)}"
    if te is int or te is bool:
        if tg in (int, bool) or (tg is float and math.isfinite(got)):
            return None if got == exp else f"{here}: expected {_short(exp)}, got {_short(got)}"
        return f"{here}: expected int {_short(exp)}, got {tg.__name__} {_short(got)}"
    if te in (list, tuple):
        if tg not in (list, tuple):
            return f"{here}: expected a {te.__name__}, got {tg.__name__} {_short(got)}"
        if len(got) != len(exp):
            return f"{here}: expected length {len(exp)}, got length {len(got)}"
        for i, (g, e) in enumerate(zip(got, exp)):
            m = _mismatch(g, e, tol, f"{path}[{i}]")
            if m is not None:
                return m
        return None
    if te is dict:
        if tg is not dict:
            return f"{here}: expected a dict, got {tg.__name__} {_short(got)}"
        if set(got) != set(exp):
            return f"{here}: expected keys {_short(sorted(map(repr, exp)))}, got {_short(sorted(map(repr, got)))}"
        for k in exp:
            m = _mismatch(got[k], exp[k], tol, f"{path}[{k!r}]")
            if m is not None:
                return m
        return None
    if te in (set, frozenset):
        if tg not in (set, frozenset):
            return f"{here}: expected a set, got {tg.__name__} {_short(got)}"
        return None if set(got) == set(exp) else f"{here}: expected {_short(exp)}, got {_short(got)}"
    # str, bytes, complex and anything else the data holds: exact type and equality
    if tg is te and got == exp:
        return None
    return f"{here}: expected {_short(exp)}, got {_short(got)}"


def _short(x, n: int = 60) -> str:
    r = repr(x)
    return r if len(r) <= n else r[: n - 3] + "..."
