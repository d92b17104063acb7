"""Executed lines -> executed *statements*: what FGO needs.

The sandbox records the 1-based first line of every statement that started executing (a
probe before each statement, ``sandbox.instrument_for_coverage``). Those are not yet what FGO
wants:

* a statement spread over several lines (``x = f(a,\\n      b)``) reports only its first
  line, yet all of its lines were executed;
* a compound statement's header (``if a and\\n   b:``, decorators + ``def``) is one unit;
* ``else:`` / ``finally:`` / ``except ...:`` lines have no probe of their own: they count when
  their block ran;
* some statements compile to no code at all (a docstring, ``global``), so they never report:
  they count when a statement beside them in the same block ran.

:func:`statement_map` parses the program once into disjoint *spans* (one per simple statement,
one per compound header, one per ``else:``/``finally:`` keyword line), each with its parent
span, and :func:`expand_to_statements` maps hit lines onto them: a span is executed when one
of its lines was hit or one of its children was executed (a header whose body ran was
reached). Blank lines and comments between statements never count.
"""

from __future__ import annotations

import ast
import re
import tokenize
from dataclasses import dataclass, field


@dataclass
class StatementMap:
    """Disjoint spans of a program. ``spans[i] = (first_line, last_line)`` (1-based, inclusive)."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)        # index of the enclosing header span, -1 at top
    codeless: list[bool] = field(default_factory=list)     # compiles to nothing (docstring, pass, global)
    siblings: list[int] = field(default_factory=list)      # id of the block the span sits in
    line_to_span: dict[int, int] = field(default_factory=dict)


_NO_CODE = (ast.Pass, ast.Global, ast.Nonlocal)


def _is_codeless(node: ast.stmt) -> bool:
    if isinstance(node, _NO_CODE):
        return True
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def statement_map(source: str, tree: ast.Module | None = None) -> StatementMap:
    """Parse ``source`` (must be valid Python) into statement spans (``tree``: already parsed)."""
    if tree is None:
        tree = ast.parse(source)
    lines = source.splitlines()
    smap = StatementMap()
    block_counter = [0]

    def header_end(node) -> int:
        """Line of the first ':' at bracket depth 0 after the statement's start. Only the header
        is tokenized (lazily, from the statement's first column), not the whole program."""
        first = node.lineno
        # The usual header, `for x in xs:`, ends on its own line: found by a scan of that line,
        # up to a quote, a comment or a line continuation (then the tokenizer decides).
        depth = 0
        text = lines[first - 1]
        for k in range(node.col_offset, len(text)):
            ch = text[k]
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
            elif ch == ":" and depth == 0 and text[k + 1: k + 2] != "=":
                return first
            elif ch in "'\"#\\":
                break

        def readline_from():
            yield lines[first - 1][node.col_offset:] + "\n"
            for text in lines[first:]:
                yield text + "\n"

        depth = 0
        gen = readline_from()
        try:
            for tok in tokenize.generate_tokens(lambda: next(gen, "")):
                if tok.type == tokenize.OP:
                    if tok.string in "([{":
                        depth += 1
                    elif tok.string in ")]}":
                        depth -= 1
                    elif tok.string == ":" and depth == 0:
                        return first + tok.start[0] - 1
        except (tokenize.TokenError, IndentationError, SyntaxError):
            pass
        return first

    keyword_re = {word: re.compile(r"^\s*%s\s*:" % word) for word in ("else", "finally")}

    def keyword_line(stmt, word) -> int | None:
        """Line of the ``word:`` (else / finally) that introduces the block starting with ``stmt``:
        on the statement's own line (``else: x = 1``) or the nearest code line above it."""
        if keyword_re[word].match(lines[stmt.lineno - 1][: stmt.col_offset]):
            return stmt.lineno
        ln = stmt.lineno - 1
        while ln >= 1:
            text = lines[ln - 1].strip()
            if text and not text.startswith("#"):
                return ln if keyword_re[word].match(text) else None
            ln -= 1
        return None

    def starts_with(stmt, word) -> bool:
        return lines[stmt.lineno - 1][stmt.col_offset:].startswith(word)

    def add(first, last, parent, codeless, block) -> int:
        smap.spans.append((first, last))
        smap.parent.append(parent)
        smap.codeless.append(codeless)
        smap.siblings.append(block)
        k = len(smap.spans) - 1
        for ln in range(first, last + 1):
            smap.line_to_span.setdefault(ln, k)
        return k

    def block(stmts, parent):
        block_counter[0] += 1
        bid = block_counter[0]
        for node in stmts:
            visit(node, parent, bid)

    def visit(node, parent, bid):
        bodies = [(name, getattr(node, name)) for name in ("body", "orelse", "finalbody")
                  if isinstance(getattr(node, name, None), list) and getattr(node, name)]
        handlers = getattr(node, "handlers", None) or []
        cases = getattr(node, "cases", None) or []
        if not bodies and not handlers and not cases:
            add(node.lineno, node.end_lineno or node.lineno, parent, _is_codeless(node), bid)
            return
        first = node.lineno
        for dec in getattr(node, "decorator_list", []) or []:
            first = min(first, dec.lineno)
        head = add(first, max(header_end(node), node.lineno), parent, False, bid)
        for name, stmts in bodies:
            if name == "body":
                block(stmts, head)
                continue
            if name == "orelse" and isinstance(stmts[0], ast.If) and starts_with(stmts[0], "elif"):
                block(stmts, head)  # the elif is a header of its own
                continue
            line = keyword_line(stmts[0], "else" if name == "orelse" else "finally")
            if line is None:
                block(stmts, head)
            else:
                kw = add(line, line, head, False, bid)
                block(stmts, kw)
        for h in handlers:
            hs = add(h.lineno, max(header_end(h), h.lineno), head, False, bid)
            block(h.body, hs)
        for c in cases:
            cs = add(c.pattern.lineno, c.pattern.end_lineno or c.pattern.lineno, head, False, bid)
            block(c.body, cs)

    block(tree.body, -1)
    return smap


def expand_to_statements(hit_lines, smap: StatementMap) -> set[int]:
    """All lines of every statement span that was executed, given the probes' hit lines
    (any line inside a span counts, so a line tracer's output works as well)."""
    executed = set()
    for ln in hit_lines:
        k = smap.line_to_span.get(ln)
        if k is not None:
            executed.add(k)
    # A span whose child ran was reached: walk up the parents.
    for k in list(executed):
        p = smap.parent[k]
        while p >= 0 and p not in executed:
            executed.add(p)
            p = smap.parent[p]
    # Statements that compile to nothing count when their block ran.
    ran_blocks = {smap.siblings[k] for k in executed}
    for k, codeless in enumerate(smap.codeless):
        if codeless and smap.siblings[k] in ran_blocks:
            executed.add(k)
    lines = set()
    for k in executed:
        first, last = smap.spans[k]
        lines.update(range(first, last + 1))
    return lines
