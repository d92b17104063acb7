"""The sample table printed during training: a few completions of one iteration, as text.

For each chosen sample: the problem and its CCCS stage, the verdict, the reward and the
completion's length in tokens, the last line of the prompt (the given prefix's tail), and the
completion's first lines, each marked ``+`` (the tests executed it) or ``-`` (FGO masks it out of
the loss: no test ran it). The trainer prints it every ``sample_table_every`` iterations and
appends it to ``samples.md``; :mod:`stepcoder_lite.display` draws the same view as HTML.

=================  =====  ====================================================================
argument           len    meaning
=================  =====  ====================================================================
subtasks           B      the CCCS subtask of each sample (problem, stage, given prefix)
completions        B      the generated text (what follows the given prefix)
response_lengths   B      completion length in tokens
programs           B      given_prefix + completion: what the executor ran
results            B      the executor's results (``verdict``, ``executed_lines``)
scores             B      the unit-test reward of each sample
=================  =====  ====================================================================
"""

from __future__ import annotations

from typing import Any, Sequence

from stepcoder_lite.curriculum import Subtask
from stepcoder_lite.masking import executed_statement_lines

MAX_LINES = 12
"""Completion lines shown per sample (then ``...``)."""
MAX_CHARS = 100
"""Characters shown per line."""


def spread_rows(batch_size: int, rows: int) -> list[int]:
    """``min(rows, batch_size)`` row indices spread evenly over the batch, first and last included
    (the batch is problem-major, so spread rows show different problems)."""
    n = min(rows, batch_size)
    return sorted({round(i * (batch_size - 1) / max(n - 1, 1)) for i in range(n)})


def sample_table(step: int, subtasks: Sequence[Subtask], completions: Sequence[str], response_lengths: Sequence[int],
                 programs: Sequence[str], results: Sequence[Any], scores: Sequence[float], *, rows: int,
                 fgo: bool) -> str:
    """The table of ``rows`` samples of iteration ``step`` (see the module docstring), one string.

    Without FGO (``fgo=False``) and for syntax errors (nothing ran, nothing is masked) every
    line is marked ``+``."""
    text = [f"\n=== samples at step {step} ('+' executed line, '-' FGO-masked line: no test ran it) ==="]
    for i in spread_rows(len(subtasks), rows):
        s, r = subtasks[i], results[i]
        tail = (s.given_prefix.rstrip("\n").splitlines() or ["```python"])[-1]
        executed = executed_statement_lines(programs[i], r.executed_lines)
        first_line = s.given_prefix.count("\n") + 1  # the completion's first line in the program
        body = []
        for k, line in enumerate(completions[i].split("\n")[:MAX_LINES]):
            if not line.strip():
                continue
            ran = first_line + k in executed
            mark = "+" if ran or not fgo or str(r.verdict) == "syntax_error" else "-"
            body.append(f"    {mark} {line[:MAX_CHARS]}")
        if completions[i].count("\n") >= MAX_LINES:
            body.append("    ...")
        text.append(f"[{s.problem.id}  stage {s.stage}/{s.num_stages - 1}  verdict {r.verdict}  "
                    f"reward {float(scores[i]):+.2f}  tokens {response_lengths[i]}]")
        text.append(f"  prompt tail: {tail[:MAX_CHARS]!r}")
        text.append("  completion:")
        text += body or ["    (empty)"]
    return "\n".join(text)
