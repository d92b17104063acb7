"""stepcoder_lite.masking (FGO): hand-checked token masks for each case the issue names,
a check against real line events, a real byte-level BPE tokenizer, and properties."""

import sys

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from stepcoder_lite import ppo
from stepcoder_lite.curriculum import response_mask, split_solution
from stepcoder_lite.masking import (
    FGOConfig,
    executed_statement_lines,
    executed_token_mask,
    executed_token_mask_for_ids,
    mask_from_result,
    pad_batch,
    token_char_spans,
)

T, F = True, False


def offsets(tokens: list[str]) -> list[tuple[int, int]]:
    """Character spans of consecutive tokens: the offsets a tokenizer would report."""
    spans, at = [], 0
    for tok in tokens:
        spans.append((at, at + len(tok)))
        at += len(tok)
    return spans


def mask(tokens, executed, *, prefix="", verdict="pass", **cfg):
    completion = "".join(tokens)
    return executed_token_mask(offsets(tokens), completion, executed, prefix=prefix, verdict=verdict,
                               config=FGOConfig(**cfg))


# --------------------------------------------------------------------------- the cases the issue names


def test_branch_never_taken():
    tokens = ["def", " f(x):\n", "    if", " x > 0:\n", "        return", " 1\n", "    return", " 0\n",
              "print(f(-1))"]
    # lines:  1      1          2       2             3                3      4            4      5
    assert mask(tokens, {1, 2, 4, 5}) == [T, T, T, T, F, F, T, T, T]


def test_early_return():
    tokens = ["def g(x):\n", "    return x\n", "    print(", '"never")\n', "g(1)"]
    assert mask(tokens, {1, 2, 4}) == [T, T, F, F, T]


MULTILINE = [
    "def add(a,\n",  # 1
    "        b):\n",  # 2  no line event for the rest of a def header
    "    return (a +\n",  # 3
    "            b)\n",  # 4
    "def never(a,\n",  # 5
    "          b):\n",  # 6
    "    return [a,\n",  # 7  never called
    "            b]\n",  # 8
    "total = add(1,\n",  # 9
    "            2)\n",  # 10
]


def test_multi_line_statement_counts_as_a_whole():
    reported = {1, 3, 5, 9}  # first lines only (the least a tracer reports)
    assert mask(MULTILINE, reported) == [T, T, T, T, T, T, F, F, T, T]
    # without widening, the continuation lines would be masked
    assert mask(MULTILINE, reported, widen_to_statements=False) == [T, F, T, F, T, F, F, F, T, F]


def test_runtime_error_midway():
    tokens = ["a = 1\n", "b = a / 0\n", "c = 2\n"]
    assert mask(tokens, {1, 2}, verdict="runtime_error") == [T, T, F]  # the failing line ran
    assert mask(tokens, {1, 2}, verdict="runtime_error", on_runtime_error="keep_all") == [T, T, T]


def test_syntax_error_keeps_every_token_by_default():
    tokens = ["def f(:\n", "    return 1\n", "f()"]
    assert mask(tokens, set(), verdict="syntax_error") == [T, T, T]
    assert mask(tokens, set(), verdict="syntax_error", on_syntax_error="coverage") == [F, F, F]
    assert executed_statement_lines("".join(tokens), {2}) == {2}  # unparsable: nothing to widen


def test_timeout():
    tokens = ["while True:\n", "    pass\n", "print('never')\n"]
    assert mask(tokens, {1, 2}, verdict="timeout") == [T, T, F]
    assert mask(tokens, {1, 2}, verdict="timeout", on_timeout="keep_all") == [T, T, T]


def test_tokens_that_straddle_lines():
    tokens = ["x = 1", "\nif", " x > 5:", "\n    y", " = 2\n", "z = 3\n"]
    # "\nif" = end of line 1 + line 2; "\n    y" = end of line 2 (ran) + line 3 (did not): executed
    assert mask(tokens, {1, 2, 4}) == [T, T, T, T, F, T]
    tokens = ["if False:\n", "    a", " = 1\n    b", " = 2\n", "c = 3"]
    # " = 1\n    b" straddles lines 2 and 3, neither ran: masked
    assert mask(tokens, {1, 4}) == [T, F, F, F, T]


def test_cccs_prefix_plus_completion():
    solution = "def f(x):\n    y = x * 2\n    if y > 10:\n        return 'big'\n    return 'small'\nprint(f(1))\n"
    prefix, remainder = split_solution(solution, 3)
    assert prefix == "def f(x):\n    y = x * 2\n"
    tokens = ["    if y > 10:\n", "        return 'big'\n", "    return 'small'\n", "print(f(1))\n"]
    assert "".join(tokens) == remainder
    # executed lines are lines of the whole program: the completion starts at program line 3
    executed = {1, 2, 3, 5, 6}
    m = mask(tokens, executed, prefix=prefix)
    assert m == [T, F, T, T] and len(m) == len(tokens)  # one entry per completion token, none for the prefix
    # the same lines read as completion-relative would give a different (wrong) mask
    assert mask(tokens, executed) != m
    # in the full sequence, prompt and prefix tokens are outside the response: never in the loss
    P = 7  # prompt tokens: problem text + starter code + the given prefix
    resp = torch.tensor([response_mask(P, len(tokens))])  # (1, P + C)
    executed_full = torch.tensor([[True] * P + m])  # even if a caller marks prompt tokens executed
    loss_mask, value_mask = ppo.loss_masks(resp, executed_full)
    assert loss_mask.tolist() == [[F] * P + [T, F, T, T]]
    assert value_mask.tolist() == resp.tolist()


def test_else_and_finally_lines_follow_their_clause():
    tokens = ["try:\n", "    v = int('x')\n", "except ValueError:\n", "    v = 0\n", "else:\n", "    v = 1\n",
              "finally:\n", "    done = True\n"]
    # CPython reports no line event for `else:` / `finally:`; the clause bodies decide
    assert mask(tokens, {1, 2, 3, 4, 8}) == [T, T, T, T, F, F, T, T]
    tokens = ["if 0:\n", "    a = 1\n", "# a comment\n", "else:\n", "    a = 2\n", "\n", "b = a\n"]
    assert mask(tokens, {1, 5, 7}) == [T, F, F, T, T, F, T]  # blank and comment lines never run


def test_docstring_counts_when_its_block_ran():
    tokens = ["def f():\n", '    """doc"""\n', "    return 1\n", "def g():\n", '    """doc"""\n', "f()\n"]
    # a docstring compiles to no code: it counts once a statement of its block ran (f), not in g
    assert mask(tokens, {1, 3, 4, 6}) == [T, T, T, T, F, T]


def test_non_code_tokens():
    completion = "x = 1\n"
    spans = [(0, 0), (0, 5), (5, 6), (6, 13)]  # a special token, code, newline, "<|end|>" past the code
    assert executed_token_mask(spans, completion, {1}) == [T, T, T, T]
    assert executed_token_mask(spans, completion, {1}, config=FGOConfig(keep_non_code_tokens=False)) == [F, T, T, F]
    assert executed_token_mask(spans, completion, set()) == [T, F, F, T]


def test_crlf_lines_count_like_python():
    tokens = ["a = 0\r\n", "if a:\r\n", "    b = 1\r\n", "c = 2"]
    assert mask(tokens, {1, 2, 4}) == [T, T, F, T]


def test_bad_input():
    with pytest.raises(ValueError, match="unknown verdict"):
        mask(["x"], {1}, verdict="exploded")
    with pytest.raises(ValueError, match="token 1 has an invalid span"):
        executed_token_mask([(0, 1), (3, 2)], "abc", {1})
    with pytest.raises(ValueError, match="on_timeout"):
        FGOConfig(on_timeout="ignore")


def test_mask_from_an_exec_result_like_object():
    class Result:
        verdict = "wrong_answer"
        executed_lines = {1}

    assert mask_from_result(offsets(["a = 1\n", "b = 2\n"]), "a = 1\nb = 2\n", Result()) == [T, F]


# --------------------------------------------------------------------------- against real line events


def trace_lines(program: str) -> set[int]:
    """Lines of ``program`` that produced a line event when it ran (sys.settrace, this interpreter)."""
    lines: set[int] = set()

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != "<fgo-test>":
            return None
        if event == "line":
            lines.add(frame.f_lineno)
        return tracer

    code = compile(program, "<fgo-test>", "exec")
    sys.settrace(tracer)
    try:
        exec(code, {})
    except ZeroDivisionError:
        pass
    finally:
        sys.settrace(None)
    return lines


def test_real_line_events_give_the_hand_checked_masks():
    assert mask(MULTILINE, trace_lines("".join(MULTILINE))) == [T, T, T, T, T, T, F, F, T, T]
    tokens = ["def f(x):\n", "    if x > 0:\n", "        return 1\n", "    return 0\n", "r = f(-1)\n",
              "z = r / 0\n", "w = 1\n"]
    assert mask(tokens, trace_lines("".join(tokens)), verdict="runtime_error") == [T, T, F, T, T, T, F]


EXECUTOR_CASES = [
    # (completion tokens after PREFIX, stdin inputs, expected outputs, verdict, expected mask)
    (["    if n > 5:\n", "        print('big')\n", "    else:\n", "        print('small')\n"],
     ["1\n", "2\n"], ["small\n", "small\n"], "pass", [T, F, T, T]),
    (["    x = n / 0\n", "    print(x)\n"], ["1\n"], ["1\n"], "runtime_error", [T, F]),
    (["    while True:\n", "        n += 1\n", "    print(n)\n"], ["1\n"], ["1\n"], "timeout", [T, T, F]),
    (["    print(n\n", "    if n:\n"], ["1\n"], ["1\n"], "syntax_error", [T, T]),
]
PREFIX = "def main():\n    n = int(input())\n"


@pytest.mark.parametrize("tokens, inputs, outputs, verdict, expected", EXECUTOR_CASES,
                         ids=[c[3] for c in EXECUTOR_CASES])
def test_with_the_real_executor(tokens, inputs, outputs, verdict, expected):
    executor = pytest.importorskip("stepcoder_lite.executor")
    if not hasattr(executor, "run_program"):
        pytest.skip("stepcoder_lite.executor.run_program has not landed")
    completion = "".join(tokens)
    tests = {"inputs": inputs, "outputs": outputs, "fn_name": None, "entry_point": "main"}
    result = executor.run_program(PREFIX + completion, tests, coverage=True, timeout_s=1.0)
    assert str(getattr(result.verdict, "value", result.verdict)) == verdict, result
    assert mask_from_result(offsets(tokens), completion, result, prefix=PREFIX) == expected
    # the executor's lines are whole statements already: widening them again changes nothing
    assert mask_from_result(offsets(tokens), completion, result, prefix=PREFIX,
                            config=FGOConfig(widen_to_statements=False)) == expected


# --------------------------------------------------------------------------- a real tokenizer


@pytest.fixture(scope="module")
def bpe():
    """A tiny byte-level BPE trained here, in the test (no download), wrapped as HF does it."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    corpus = ["def f(x):\n    if x > 0:\n        return x\n    return -x\n", "for i in range(n):\n    print(i)\n"] * 50
    tok.train_from_iterator(corpus, trainers.BpeTrainer(vocab_size=300, special_tokens=["<|end|>"],
                                                        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    return PreTrainedTokenizerFast(tokenizer_object=tok)


def test_spans_of_sampled_ids_cover_the_text(bpe):
    text = "s = 'naïve → ok'\nif s:\n    print(s)\n<|end|>"
    ids = bpe.encode(text)
    spans, decoded = token_char_spans(bpe, ids)
    assert decoded == text and len(spans) == len(ids)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    covered = set()
    for (s0, e0), (s1, e1) in zip(spans, spans[1:]):
        assert s1 in (e0, s0), "each span starts where the previous ended, or shares its character"
    for s, e in spans:
        covered |= set(range(s, e))
    assert covered == set(range(len(text)))
    # "→" is 3 bytes: the byte tokens that hold it all get its span
    arrow = text.index("→")
    holders = [i for i, (s, e) in enumerate(spans) if s <= arrow < e]
    assert len(holders) >= 2 and all(spans[i] == (arrow, arrow + 1) for i in holders[:-1])
    # the exact path gives the same spans
    assert token_char_spans(bpe, ids, exact=True) == (spans, text)


def test_fast_spans_equal_the_exact_ones(bpe):
    text = "def f(x):\n    if x > 0:\n        return x\n    return -x\n" * 20 + "<|end|>"
    ids = bpe.encode(text)
    fast, decoded = token_char_spans(bpe, ids)
    exact, _ = token_char_spans(bpe, ids, exact=True)  # every prefix decoded: O(T^2)
    assert decoded == text and fast == exact and len(fast) == len(ids)
    assert token_char_spans(bpe, ids, context=1)[0] == exact


def test_mask_through_the_tokenizer(bpe):
    prefix = "def f(x):\n"
    completion = "    if x > 0:\n        return x\n    return -x\n"
    ids = bpe.encode(completion + "<|end|>")
    m = executed_token_mask_for_ids(bpe, ids, completion, {1, 2, 4}, prefix=prefix)
    spans, text = token_char_spans(bpe, ids)
    # reference, one character at a time: the program line of each character, and the line set
    char_line = [(prefix + completion)[: len(prefix) + i].count("\n") + 1 for i in range(len(completion))]
    expected = [s >= len(completion) or any(char_line[c] in {1, 2, 4} for c in range(s, min(e, len(completion))))
                for s, e in spans]
    assert m == expected
    assert m[-1] is True and text[spans[-1][0]:] == "<|end|>"  # the end marker is not code: kept
    assert not all(m) and any(m)
    with pytest.raises(ValueError, match="do not start with the completion"):
        executed_token_mask_for_ids(bpe, ids, "    if y", {1})


# --------------------------------------------------------------------------- batch layout


def test_pad_batch_lays_masks_out_like_the_response():
    masks = [[T, F, T], [F]]
    batch = pad_batch(masks)
    assert batch == [[T, F, T], [F, F, F]]
    assert pad_batch(masks, 5) == [[T, F, T, F, F], [F, F, F, F, F]]
    with pytest.raises(ValueError, match="longer than width 2"):
        pad_batch(masks, 2)
    # what the trainer does with it: FGO's share of masked completion tokens
    resp = torch.tensor([[T, T, T], [T, F, F]])
    metrics = ppo.rollout_metrics(torch.zeros(2), torch.zeros(2, 3), resp, torch.zeros(2, 3), torch.zeros(2, 3),
                                  0.05, executed_mask=torch.tensor(batch))
    assert metrics["fgo_masked_frac"] == pytest.approx(2 / 4)


# --------------------------------------------------------------------------- properties

PROGRAMS = [
    "def f(x):\n    if x > 0:\n        return 1\n    elif x < -3:\n        y = (x +\n             1)\n        return y\n"
    "    return 0\nprint(f(2))\n",
    "import sys\ndef main():\n    n = int(input())\n    for i in range(n):\n        if i % 2:\n            print(i)\n"
    "        else:\n            print(-i)\n    # done\n    print('end')\nmain()\n",
    "class A:\n    def m(self, a,\n          b):\n        '''doc'''\n        try:\n            return a / b\n"
    "        except ZeroDivisionError:\n            return None\n        finally:\n            pass\n",
]


@st.composite
def cases(draw):
    program = draw(st.sampled_from(PROGRAMS))
    n_lines = program.count("\n")
    cut = draw(st.integers(1, n_lines))  # completion starts at line `cut` (1: no prefix)
    prefix, completion = split_solution(program, cut)
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(completion) - 1)), max_size=len(completion) // 2)))
    bounds = [0] + [c for c in cuts if 0 < c < len(completion)] + [len(completion)]
    tokens = [completion[a:b] for a, b in zip(bounds, bounds[1:])]
    executed = draw(st.sets(st.integers(1, n_lines)))
    verdict = draw(st.sampled_from(["pass", "wrong_answer", "runtime_error", "timeout"]))
    return prefix, tokens, executed, verdict


@settings(max_examples=200, deadline=None)
@given(cases())
def test_property_mask_matches_a_character_level_reference(case):
    prefix, tokens, executed, verdict = case
    completion = "".join(tokens)
    m = mask(tokens, executed, prefix=prefix, verdict=verdict)
    assert len(m) == len(tokens)
    widened = executed_statement_lines(prefix + completion, executed)
    assert executed <= widened
    char_line = [(prefix + completion)[: len(prefix) + i].count("\n") + 1 for i in range(len(completion))]
    starts = [s for s, _ in offsets(tokens)]
    expected = [any(char_line[c] in widened for c in range(s, s + len(t))) for s, t in zip(starts, tokens)]
    assert m == expected


@settings(max_examples=200, deadline=None)
@given(cases(), st.integers(0, 40), st.integers(0, 6), st.booleans())
def test_property_no_prefix_token_is_ever_in_the_loss(case, n_prompt, n_pad, mask_value):
    prefix, tokens, executed, verdict = case
    # the sequence: n_prompt prompt tokens (problem + starter + prefix), the completion, padding
    m = mask(tokens, executed, prefix=prefix, verdict=verdict)
    resp = torch.tensor([response_mask(n_prompt, len(tokens)) + [F] * n_pad])  # (1, L)
    executed_full = torch.tensor([[T] * n_prompt + m + [T] * n_pad])  # "executed" prompt/padding must not leak
    loss_mask, value_mask = ppo.loss_masks(resp, executed_full, fgo_mask_value_loss=mask_value)
    for out in (loss_mask[0], value_mask[0]):
        assert not out[:n_prompt].any() and not out[n_prompt + len(tokens):].any()
    assert loss_mask[0, n_prompt:n_prompt + len(tokens)].tolist() == m


def test_fast_spans_on_real_solutions_with_non_ascii_text(bpe, apps_plus_dir):
    import json

    records = json.loads((apps_plus_dir / "valid_all.json").read_text())
    texts = [r["canonical_solution"] for r in records if not r["canonical_solution"].isascii()]
    assert texts, "the sample has solutions with non-ASCII characters"
    for text in texts[:15]:
        ids = bpe.encode(text)
        fast, decoded = token_char_spans(bpe, ids)
        assert decoded == text
        assert fast == token_char_spans(bpe, ids, exact=True)[0]


def test_every_executor_verdict_has_a_rule_by_member_and_by_name():
    from stepcoder_lite.executor import Verdict

    config = FGOConfig()
    for v in Verdict:
        assert config.rule_for(v) == config.rule_for(v.value) in ("coverage", "keep_all")
