"""Typical human mistakes, written into a reference solution at a named site.

Real SFT corpora hold buggy code (APPS's canonical solutions did: that is why APPS+ exists),
so a model fine-tuned on them makes mistakes that its own samples at temperature often do
not. That gap is what RL from unit tests can close. Each family declares a few mistakes as
``"kind:site"`` strings (``Family.mistakes``); :func:`apply_mistake` writes one into a
solution as a minimal text edit (the rest of the program keeps its exact characters, so a
mistaken solution differs from the right one only where the mistake is).

==============  ========================================================  ==========================
kind            the edit at the ``site``-th candidate (source order)        for example
==============  ========================================================  ==========================
``strict``      a ``<``/``<=``/``>``/``>=`` loses or gains its ``=``         ``x >= 3`` -> ``x > 3``
``init``        a variable starts one off, or at 0 instead of a value          ``c = 0`` -> ``c = 1``, ``b = a[0]`` -> ``b = 0``
``range_end``   a ``range``'s end is one short                             ``range(n)`` -> ``range(n - 1)``
``skip_first``  a loop over a list starts at its second item               ``for x in a:`` -> ``for x in a[1:]:``
``swap``        the two branches of an ``if``/``else`` trade places          (the bodies swap)
``no_case``     a special case is dropped: the ``if`` goes, its ``else`` stays  ``if len(b) == 0: ... else: print(*b)`` -> ``print(*b)``
==============  ========================================================  ==========================

Sites count candidates of one kind in source order (``ast.walk`` would not), so ``strict:1``
is the second comparison of the program that has a strictness. The test
``tests/test_families.py`` proves for every problem of every family that each declared
mistake applies, still parses, and fails at least one of that problem's tests.

Column offsets from ``ast`` are UTF-8 byte offsets; family solutions are ASCII, so they are
character offsets too (:func:`apply_mistake` refuses non-ASCII sources rather than guess).
"""

from __future__ import annotations

import ast
from typing import Callable

KINDS = ("strict", "init", "range_end", "skip_first", "swap", "no_case")
DESCRIPTIONS = {
    "strict": "`<` for `<=` (or the reverse)",
    "init": "a wrong initial value",
    "range_end": "a range one short at its end",
    "skip_first": "a loop that skips the first element",
    "swap": "the two branches of an if/else swapped",
    "no_case": "a missing special case (empty, zero, none found)",
}
"""Each kind in words (sample tables, notebooks, the families README)."""

_FLIP = {ast.Lt: "<=", ast.LtE: "<", ast.Gt: ">=", ast.GtE: ">"}


# --------------------------------------------------------------------------- text edits


def _offset(lines: list[str], lineno: int, col: int) -> int:
    """Character offset in the source of (1-based line, 0-based column)."""
    return sum(len(line) for line in lines[: lineno - 1]) + col


def _span(lines: list[str], node: ast.AST) -> tuple[int, int]:
    return _offset(lines, node.lineno, node.col_offset), _offset(lines, node.end_lineno, node.end_col_offset)


def _block(lines: list[str], body: list[ast.stmt]) -> tuple[int, int]:
    """Whole lines from the first statement's line to the last one's end (newline included)."""
    start = _offset(lines, body[0].lineno, 0)
    return start, _offset(lines, body[-1].end_lineno, len(lines[body[-1].end_lineno - 1]))


def _dedent(text: str, by: int) -> str:
    return "".join(line[by:] if line[:by].strip() == "" else line for line in text.splitlines(keepends=True))


# --------------------------------------------------------------------------- the candidates of each kind
# Each returns, in source order, the edits ``(start, end, new_text)`` it could make.


def _strict(tree: ast.Module, src: str, lines: list[str]) -> list[tuple[int, int, str]]:
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            left = node.left
            for op, right in zip(node.ops, node.comparators):
                if type(op) in _FLIP:
                    a, b = _span(lines, left)[1], _span(lines, right)[0]
                    gap = src[a:b]
                    symbol = gap.strip()
                    i = a + gap.index(symbol)
                    edits.append((i, i + len(symbol), _FLIP[type(op)]))
                left = right
    return edits


def _int_value(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and type(node.operand.value) is int:
        return -node.operand.value
    return None


def _init(tree: ast.Module, src: str, lines: list[str]) -> list[tuple[int, int, str]]:
    edits = []
    for node in tree.body:  # top-level starting values only (c = 0, b = a[0]), not updates inside loops
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = _int_value(node.value)
            start, end = _span(lines, node.value)
            if value is not None:  # a count or sum one off
                edits.append((start, end, str(1 if value == 0 else 0 if value == 1 else value + 1)))
            elif isinstance(node.value, (ast.Name, ast.Subscript)):  # a maximum started at 0, not at a[0]
                edits.append((start, end, "0"))
    return edits


def _range_end(tree: ast.Module, src: str, lines: list[str]) -> list[tuple[int, int, str]]:
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" and node.args \
                and not node.keywords and len(node.args) <= 2:
            stop = node.args[-1]
            start, end = _span(lines, stop)
            text = src[start:end]
            # keep it readable: n + 1 -> n, n - 1 -> n - 2, else X -> X - 1
            if isinstance(stop, ast.BinOp) and isinstance(stop.op, (ast.Add, ast.Sub)) and _int_value(stop.right) is not None:
                k = _int_value(stop.right) * (1 if isinstance(stop.op, ast.Add) else -1) - 1
                left = src[slice(*_span(lines, stop.left))]
                new = left if k == 0 else f"{left} + {k}" if k > 0 else f"{left} - {-k}"
            else:
                new = f"{text} - 1" if not isinstance(stop, ast.BinOp) else f"({text}) - 1"
            edits.append((start, end, new))
    return edits


def _skip_first(tree: ast.Module, src: str, lines: list[str]) -> list[tuple[int, int, str]]:
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.For) and isinstance(node.iter, ast.Name):
            start, end = _span(lines, node.iter)
            edits.append((start, end, f"{node.iter.id}[1:]"))
    return edits


def _is_elif(node: ast.If, lines: list[str]) -> bool:
    """Whether the ``else`` of this ``if`` is an ``elif`` (a nested ``else: if`` is not)."""
    inner = node.orelse[0] if len(node.orelse) == 1 else None
    return isinstance(inner, ast.If) and lines[inner.lineno - 1].lstrip().startswith("elif")


def _swap(tree: ast.Module, src: str, lines: list[str]) -> list[tuple[int, int, str]]:
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and node.orelse and not _is_elif(node, lines):
            (b0, b1), (e0, e1) = _block(lines, node.body), _block(lines, node.orelse)
            # body and else body sit at the same indent: swap the two blocks of lines
            between = src[b1:e0]  # the "else:" line
            edits.append((b0, e1, src[e0:e1] + between + src[b0:b1]))
    return edits


def _no_case(tree: ast.Module, src: str, lines: list[str]) -> list[tuple[int, int, str]]:
    edits = []
    for node in ast.walk(tree):
        # a plain "if ...: X else: Y" (not an elif branch, no elif after it) becomes "Y"
        if isinstance(node, ast.If) and node.orelse and not _is_elif(node, lines) \
                and lines[node.lineno - 1].lstrip().startswith("if "):
            start = _offset(lines, node.lineno, 0)
            e0, e1 = _block(lines, node.orelse)
            indent = node.orelse[0].col_offset - node.col_offset
            edits.append((start, e1, _dedent(src[e0:e1], indent)))
    return edits


_CANDIDATES: dict[str, Callable[[ast.Module, str, list[str]], list[tuple[int, int, str]]]] = {
    "strict": _strict, "init": _init, "range_end": _range_end, "skip_first": _skip_first, "swap": _swap,
    "no_case": _no_case,
}


# --------------------------------------------------------------------------- the API


def parse_mistake(spec: str) -> tuple[str, int]:
    """``"strict:1"`` -> ``("strict", 1)``; a bare kind means site 0."""
    kind, _, site = spec.partition(":")
    if kind not in _CANDIDATES:
        raise ValueError(f"mistake {spec!r}: kind must be one of {KINDS}")
    if site and not site.isdigit():
        raise ValueError(f"mistake {spec!r}: the site after ':' must be a non-negative integer")
    return kind, int(site or 0)


def candidates(source: str, kind: str) -> list[tuple[int, int, str]]:
    """Every edit of this kind that ``source`` offers, in source order (site 0 first)."""
    if not source.isascii():
        raise ValueError("mistakes: only ASCII sources (ast column offsets are UTF-8 bytes)")
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    edits = _CANDIDATES[kind](tree, source, lines)
    return sorted(set(edits))


def apply_mistake(source: str, spec: str) -> str | None:
    """``source`` with the mistake ``spec`` (``"kind:site"``) written in, or ``None`` when the
    program has no such site. The result always parses (checked)."""
    kind, site = parse_mistake(spec)
    edits = candidates(source, kind)
    if site >= len(edits):
        return None
    start, end, new = edits[site]
    out = source[:start] + new + source[end:]
    ast.parse(out)
    return out


def apply_mistakes(source: str, specs: list[str] | tuple[str, ...]) -> str | None:
    """Several mistakes, each located on the program as the previous ones left it (declare
    them so that earlier edits do not move later sites: different kinds, or the later site
    first). ``None`` when one of them has no site."""
    for spec in specs:
        source = apply_mistake(source, spec)
        if source is None:
            return None
    return source
