"""FGO: Fine-Grained Optimization (StepCoder, Dou et al. 2024, section 3.3).

A unit test can only judge the code it ran. FGO keeps the tokens of code that no test
executed out of the PPO policy loss, so a reward is credited (or blamed) only to code that
could have earned it. The pipeline, one function each:

1. **Executed lines** come from the executor (``ExecResult.executed_lines``: 1-based lines of
   the *whole program* ``given_prefix + completion``, union over the tests).
2. **Statement widening** (:func:`executed_statement_lines`). Line events name the line of the
   bytecode that ran, which is not always every line of a statement: a multi-line ``def``
   header reports only its first line, ``else:``/``finally:`` lines report nothing. Each
   executed line is widened to the whole statement it belongs to (a compound statement's
   header; a clause keyword line once anything in that clause ran; a docstring or ``pass``
   once its block ran), so every token of an executed statement is kept. The executor already
   does this (``stepcoder_lite.executor.coverage``, the one implementation); here it makes the
   mask right for raw line sets too. Blank and comment lines belong to no statement: masked.
3. **Token mask** (:func:`executed_token_mask`). Each completion token covers a character span
   ``[start, end)`` of the completion (the tokenizer's offsets); it is *executed* when any line
   it touches is executed, so a token that straddles an executed and an unexecuted line (e.g.
   ``"\\n    "``) counts as executed. The mask covers completion tokens only: the prefix is
   part of the prompt, so no prefix token is ever in it.
4. **Loss masks** (``stepcoder_lite.ppo.loss_masks``, one level up): the policy loss averages
   over ``loss_mask = response_mask & executed_mask``; the value loss over ``response_mask``,
   or over ``loss_mask`` too with ``PPOConfig.fgo_mask_value_loss`` (the paper masks the policy
   loss; what it does to the value loss is unstated). :func:`pad_batch` lays the per-sample
   masks out as the rollout's right-padded ``(B, T)``.
5. **Metric**: ``fgo_masked_frac`` in ``ppo.rollout_metrics``, the share of completion tokens
   FGO keeps out of the policy loss, logged by the trainer every iteration.

Edge cases (the paper is silent; each is an :class:`FGOConfig` option, by verdict):

| verdict                                       | default      | why                                              |
|-----------------------------------------------|--------------|--------------------------------------------------|
| ``pass``, ``wrong_answer``                    | coverage     | FGO as written                                   |
| ``syntax_error``                              | ``keep_all`` | nothing ran: masking by coverage would mask every token and the -1 reward could teach nothing |
| ``runtime_error``, ``memory_limit``, ``output_limit`` | coverage | the lines up to the failing one ran (the failing line included) |
| ``timeout``                                   | coverage     | the lines that ran before the kill (as the executor reports them) |
| ``no_tests``, ``harness_error``               | ``keep_all`` | coverage says nothing about the program          |

Tokens that cover no code (a zero-width span such as a special token, or a span past the
end of the code such as an end-of-code marker or EOS) are kept by default
(``keep_non_code_tokens``): they carry the decision to stop, and the reward sits on the last
token. Nothing here imports torch.
"""

from __future__ import annotations

import bisect
import re
import tokenize
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from stepcoder_lite.curriculum import line_start_offsets
from stepcoder_lite.executor.core import Verdict
from stepcoder_lite.executor.coverage import expand_to_statements, statement_map

EDGE_RULES = ("coverage", "keep_all")
# verdicts by rule, as the executor defines them. Their .value strings, because rule_for compares
# strings: "pass" in {Verdict.PASS} is False (an Enum member hashes by its name, not its value).
_COVERAGE_VERDICTS = {Verdict.PASS.value, Verdict.WRONG_ANSWER.value}
_RUNTIME_VERDICTS = {Verdict.RUNTIME_ERROR.value, Verdict.MEMORY_LIMIT.value, Verdict.OUTPUT_LIMIT.value}
_KEEP_ALL_VERDICTS = {Verdict.NO_TESTS.value, Verdict.HARNESS_ERROR.value}


@dataclass
class FGOConfig:
    """How executed lines become a token mask (the value-loss option is ``PPOConfig.fgo_mask_value_loss``)."""

    enabled: bool = True
    """FGO on: the policy loss covers executed completion tokens only. Off: the trainer passes
    ``executed_mask=None`` to ``ppo`` and every completion token is in the loss."""
    on_syntax_error: str = "keep_all"
    """``keep_all`` (every completion token stays) or ``coverage`` (nothing ran: all masked)."""
    on_runtime_error: str = "coverage"
    """Runtime error, memory or output limit: ``coverage`` (lines up to the failure) or ``keep_all``."""
    on_timeout: str = "coverage"
    """Timeout: ``coverage`` (lines that ran before the kill) or ``keep_all``."""
    widen_to_statements: bool = True
    """Widen executed lines to whole statements (multi-line statements, ``else:`` lines)."""
    keep_non_code_tokens: bool = True
    """Keep tokens that cover no code character (special tokens, end marker, EOS)."""

    def __post_init__(self) -> None:
        for name in ("on_syntax_error", "on_runtime_error", "on_timeout"):
            if getattr(self, name) not in EDGE_RULES:
                raise ValueError(f"FGOConfig.{name}: {getattr(self, name)!r} is not one of {EDGE_RULES}")

    def rule_for(self, verdict: Any) -> str:
        """``"coverage"`` or ``"keep_all"`` for an executor verdict (a ``Verdict`` or its string)."""
        v = str(getattr(verdict, "value", verdict))
        if v in _COVERAGE_VERDICTS:
            return "coverage"
        if v == Verdict.SYNTAX_ERROR.value:
            return self.on_syntax_error
        if v in _RUNTIME_VERDICTS:
            return self.on_runtime_error
        if v == Verdict.TIMEOUT.value:
            return self.on_timeout
        if v in _KEEP_ALL_VERDICTS:
            return "keep_all"
        raise ValueError(f"FGO: unknown verdict {v!r}")


# --------------------------------------------------------------------------- statements


def executed_statement_lines(program: str, executed_lines: Iterable[int]) -> set[int]:
    """``executed_lines`` widened to whole statements, by the executor's own statement map
    (``stepcoder_lite.executor.coverage``: one implementation for both).

    The executor's ``ExecResult.executed_lines`` are already whole statements, and widening is
    idempotent, so this only changes raw line sets (e.g. from a tracer of your own). A program
    that does not parse is returned as reported: there are no statements to widen.
    """
    executed = set(executed_lines)
    source = re.sub(r"\r\n?", "\n", program)  # tokenize splits lines on "\n" only; numbers unchanged
    try:
        return expand_to_statements(executed, statement_map(source)) | executed
    except (SyntaxError, ValueError, tokenize.TokenError):
        return executed


# --------------------------------------------------------------------------- token mask


def executed_token_mask(
    offsets: Sequence[tuple[int, int]],
    completion: str,
    executed_lines: Iterable[int],
    *,
    prefix: str = "",
    verdict: Any = Verdict.PASS,
    config: FGOConfig | None = None,
) -> list[bool]:
    """``(T,)`` booleans over the completion's ``T`` tokens: True where the token's code ran.

    | argument         | shape / meaning                                                              |
    |------------------|------------------------------------------------------------------------------|
    | ``offsets``      | ``(T,)`` ``(start, end)`` character spans of the completion tokens, indexing the response text, whose first ``len(completion)`` characters are ``completion`` (spans past it: an end marker, EOS) |
    | ``completion``   | the code the model wrote, as it ran after ``prefix``                          |
    | ``executed_lines`` | 1-based lines of ``prefix + completion`` that ran, union over the tests      |
    | ``prefix``       | the CCCS given prefix ("" at the full-program stage)                          |
    | ``verdict``      | the executor's verdict; picks the edge-case rule (see the module docstring)  |

    A token is executed when any line it touches ran (after statement widening). Prefix lines
    may be executed too, but no prefix character is in ``completion``, so no prefix token can
    be in the mask.
    """
    config = config or FGOConfig()
    spans = [(int(s), int(e)) for s, e in offsets]
    for i, (s, e) in enumerate(spans):
        if not 0 <= s <= e:
            raise ValueError(f"executed_token_mask: token {i} has an invalid span ({s}, {e})")
    if config.rule_for(verdict) == "keep_all":
        return [True] * len(spans)

    program = prefix + completion
    executed = set(executed_lines)
    if config.widen_to_statements:
        executed = executed_statement_lines(program, executed)
    starts = line_start_offsets(program)  # starts[i]: program offset where line i+1 begins
    base, n = len(prefix), len(completion)

    def line_of(pos: int) -> int:  # 1-based line of a program character
        return bisect.bisect_right(starts, pos)

    mask = []
    for s, e in spans:
        if s >= n or s == e:  # covers no code character
            mask.append(config.keep_non_code_tokens)
            continue
        first, last = line_of(base + s), line_of(base + min(e, n) - 1)
        mask.append(any(ln in executed for ln in range(first, last + 1)))
    return mask


def mask_from_result(offsets: Sequence[tuple[int, int]], completion: str, result: Any, *,
                     prefix: str = "", config: FGOConfig | None = None) -> list[bool]:
    """:func:`executed_token_mask` with the lines and verdict of an executor ``ExecResult``."""
    return executed_token_mask(offsets, completion, result.executed_lines, prefix=prefix,
                               verdict=result.verdict, config=config)


def token_char_spans(tokenizer: Any, token_ids: Sequence[int], *, context: int = 8,
                     exact: bool = False) -> tuple[list[tuple[int, int]], str]:
    """``(spans, text)``: each token's ``(start, end)`` in ``text = tokenizer.decode(token_ids)``.

    Computed from the ids the model sampled, not by re-tokenizing the text (a re-tokenization
    can segment differently, and ``offset_mapping`` may trim spaces off byte-level tokens).
    A token's text is what decoding it *after* its ``context`` predecessors adds (so decoders
    that drop a leading space at the start of a text are handled): ``O(T * context)``.

    A multi-byte character split over byte tokens (``"→"`` = 3 bytes) belongs to all of them:
    each token holding part of it gets the character's span, so the mask treats them alike.
    Spans start where the previous one ended (or overlap it on such a character) and cover
    ``text``. Should the pieces not add up to ``text`` (a decoder that rewrites text), or with
    ``exact=True`` (the reference the fast path is tested against), every prefix ``ids[:i+1]``
    is decoded instead (``O(T^2)``).
    """
    ids = [int(t) for t in token_ids]
    text = tokenizer.decode(ids, skip_special_tokens=False, clean_up_tokenization_spaces=False)

    def decode_many(seqs: list[list[int]]) -> list[str]:
        return tokenizer.batch_decode(seqs, skip_special_tokens=False, clean_up_tokenization_spaces=False)

    backend = getattr(tokenizer, "backend_tokenizer", None)  # HF fast tokenizers: decode in Rust, batched
    if backend is not None and backend.decode(ids, skip_special_tokens=False) == text:
        def decode_many(seqs: list[list[int]]) -> list[str]:  # noqa: F811 (same text, ~5x faster)
            return backend.decode_batch(seqs, skip_special_tokens=False)

    T = len(ids)
    windows = [ids[max(0, i - context) : i + k] for i in range(T) for k in (0, 1)]
    decoded = decode_many(windows) if windows else []
    spans: list[tuple[int, int]] = []
    at, i = 0, 0
    while i < T and not exact:
        j = max(0, i - context)
        before = decoded[2 * i]
        # tokens i..k together add whole characters; k > i only when i ends inside a character
        for k in range(i, min(T, i + 4)):
            after = decoded[2 * i + 1] if k == i else decode_many([ids[j : k + 1]])[0]
            added = after[len(before):]
            if after.startswith(before) and text.startswith(added, at):
                break
        else:
            break  # no run of up to 4 tokens adds up: take the exact path
        if k > i:  # a character split over tokens i..k: each of them holds part of its first character
            spans += [(at, at + 1)] * (k - i)
        spans.append((at, at + len(added)))
        at, i = at + len(added), k + 1
    if len(spans) == T and at == len(text) and not exact:
        return spans, text

    spans, prev = [], 0  # the exact path
    prefixes = decode_many([ids[: i + 1] for i in range(T)])
    for piece in prefixes:
        if text.startswith(piece):
            end = len(piece)
        else:  # a partial character (or a decoder that rewrites the tail): longest common prefix
            end = prev
            limit = min(len(piece), len(text))
            while end < limit and piece[end] == text[end]:
                end += 1
        end = max(end, prev)
        spans.append((prev, end))
        prev = end
    if spans:
        spans[-1] = (spans[-1][0], len(text))
    # a token that completed no character holds part of the next one
    return [(s, min(s + 1, len(text))) if s == e else (s, e) for s, e in spans], text


def executed_token_mask_for_ids(tokenizer: Any, completion_ids: Sequence[int], completion: str,
                                executed_lines: Iterable[int], *, prefix: str = "", verdict: Any = Verdict.PASS,
                                config: FGOConfig | None = None) -> list[bool]:
    """:func:`executed_token_mask` for sampled token ids (unpadded), through ``tokenizer``.

    ``completion`` is the code that ran after ``prefix``; it must be the start of the decoded
    ids (whatever follows it, an end marker or EOS, covers no code).
    """
    spans, text = token_char_spans(tokenizer, completion_ids)
    if not text.startswith(completion):
        at = next((i for i, (a, b) in enumerate(zip(text, completion)) if a != b), min(len(text), len(completion)))
        raise ValueError(f"executed_token_mask_for_ids: the decoded ids do not start with the completion "
                         f"(they differ at character {at}: {text[at:at + 20]!r} vs {completion[at:at + 20]!r})")
    return executed_token_mask(spans, completion, executed_lines, prefix=prefix, verdict=verdict, config=config)


# --------------------------------------------------------------------------- batch


def pad_batch(masks: Sequence[Sequence[bool]], width: int | None = None) -> list[list[bool]]:
    """``(B, width)`` executed masks, right-padded with False, laid out like the rollout's
    right-padded ``response_mask`` (padding is no code). ``width`` defaults to the longest."""
    width = max((len(m) for m in masks), default=0) if width is None else width
    long = [i for i, m in enumerate(masks) if len(m) > width]
    if long:
        raise ValueError(f"pad_batch: mask(s) {long[:5]} are longer than width {width}")
    return [list(map(bool, m)) + [False] * (width - len(m)) for m in masks]
