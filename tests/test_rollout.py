"""Batched sampling: log-probs against a fresh forward pass, greedy against HF generate, stopping."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import torch
from torch import nn

from stepcoder_lite.model import PolicyWithValueHead, ReferenceModel, sequence_logprobs_and_values
from stepcoder_lite.prompts import END_OF_CODE, build_prompt
from stepcoder_lite.rollout import Rollout, sample, top_p_filter
from test_model import ARCHS, bundled_tokenizer, make_policy, stand_in_problems


@pytest.fixture(scope="module")
def tokenizer():
    return bundled_tokenizer()


def prompts_of_different_lengths() -> list[str]:
    problems = stand_in_problems()
    return [build_prompt(p) for p in problems] + [build_prompt(problems[2], given_prefix="def bigger(a, b):\n")]


def check_rollout_invariants(r: Rollout) -> None:
    B, T = r.input_ids.shape
    assert r.attention_mask.shape == r.response_mask.shape == r.logprobs.shape == (B, T)
    for b in range(B):
        n = len(r.response_ids[b])
        row = r.response_mask[b].nonzero().flatten()
        assert len(row) == n and (n == 0 or row.tolist() == list(range(row[0], row[0] + n)))  # one contiguous run
        assert r.input_ids[b, r.response_mask[b]].tolist() == r.response_ids[b]
        assert bool(r.attention_mask[b, r.response_mask[b]].all())
    assert bool((r.logprobs[~r.response_mask] == 0).all())
    assert bool((r.logprobs[r.response_mask] <= 0).all())


@pytest.mark.parametrize("arch", ARCHS)
def test_sampler_logprobs_and_values_match_a_fresh_forward_pass(arch, tokenizer):
    policy = make_policy(arch, tokenizer)
    torch.nn.init.normal_(policy.value_head.weight, std=0.5)  # non-zero values, so the check can fail
    prompts = prompts_of_different_lengths()  # different lengths: left padding is exercised
    r = sample(policy, tokenizer, prompts, max_new_tokens=24, temperature=0.7, top_p=0.9, seed=1)
    check_rollout_invariants(r)
    assert r.response_mask.sum() > len(prompts)
    logprobs, values = sequence_logprobs_and_values(policy, r.input_ids, r.attention_mask, r.response_mask, temperature=0.7)
    torch.testing.assert_close(logprobs, r.logprobs, rtol=1e-4, atol=1e-4)
    torch.testing.assert_close(values, r.values, rtol=1e-4, atol=1e-4)
    # the reference model samples too (no value head)
    r_ref = sample(ReferenceModel(policy), tokenizer, prompts[:2], max_new_tokens=4, temperature=1.0, seed=1)
    assert r_ref.values is None and r_ref.input_ids.shape[0] == 2


@pytest.mark.parametrize("arch", ["gpt2", "llama"])
def test_greedy_decoding_matches_transformers_generate(arch, tokenizer):
    policy = make_policy(arch, tokenizer, seed=3)
    prompt = build_prompt(stand_in_problems()[0])
    r = sample(policy, tokenizer, [prompt], max_new_tokens=16, temperature=0)
    ids = tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"]
    reference = policy.policy.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=16, do_sample=False,
                                       pad_token_id=tokenizer.pad_token_id)[0, ids.shape[1]:].tolist()
    ours = r.response_ids[0]
    assert ours and ours == reference[: len(ours)]
    assert r.finished[0] or len(ours) == 16  # only a stop token ends a row early


def test_same_seed_same_samples_and_batching_does_not_change_results(tokenizer):
    policy = make_policy("qwen2", tokenizer)
    prompts = prompts_of_different_lengths()
    a = sample(policy, tokenizer, prompts, max_new_tokens=12, temperature=1.0, seed=7)
    b = sample(policy, tokenizer, prompts, max_new_tokens=12, temperature=1.0, seed=7)
    assert a.response_ids == b.response_ids and a.completions == b.completions
    whole = sample(policy, tokenizer, prompts, max_new_tokens=12, temperature=0)
    parts = sample(policy, tokenizer, prompts, max_new_tokens=12, temperature=0, batch_size=2)
    check_rollout_invariants(parts)
    assert parts.response_ids == whole.response_ids
    logprobs, _ = sequence_logprobs_and_values(policy, parts.input_ids, parts.attention_mask, parts.response_mask)
    torch.testing.assert_close(logprobs, parts.logprobs, rtol=1e-4, atol=1e-4)
    torch.testing.assert_close(parts.logprobs[parts.response_mask], whole.logprobs[whole.response_mask], rtol=1e-4, atol=1e-4)


def test_top_p_filter_keeps_the_smallest_nucleus():
    probs = torch.tensor([[0.5, 0.2, 0.25, 0.05], [0.97, 0.01, 0.01, 0.01]])
    out = top_p_filter(probs, 0.7)
    # row 0: 0.5 + 0.25 = 0.75 >= 0.7 -> keep {0, 2}; row 1: the top token alone
    torch.testing.assert_close(out[0], torch.tensor([0.5, 0.0, 0.25, 0.0]) / 0.75)
    torch.testing.assert_close(out[1], torch.tensor([1.0, 0.0, 0.0, 0.0]))
    # brute force on random rows: the kept set is the shortest prefix of the sorted tokens reaching top_p
    g = torch.Generator().manual_seed(0)
    for _ in range(20):
        p = torch.rand(1, 7, generator=g).softmax(-1)
        kept = top_p_filter(p, 0.6)[0] > 0
        order = p[0].argsort(descending=True).tolist()
        need = next(i + 1 for i in range(7) if p[0, order[: i + 1]].sum() >= 0.6)
        assert set(kept.nonzero().flatten().tolist()) == set(order[:need])


# --------------------------------------------------------------------------- stopping, with a scripted model


class ScriptedLM(nn.Module):
    """A stand-in causal LM that emits ``scripts[b][step]`` for row ``b`` (then ``filler``)."""

    def __init__(self, scripts: list[list[int]], vocab: int, filler: int):
        super().__init__()
        self.scripts, self.vocab, self.filler = scripts, vocab, filler
        self.config = SimpleNamespace(hidden_size=4, max_position_embeddings=1024)
        self.dummy = nn.Parameter(torch.zeros(1))
        self.generation_config = None

    def forward(self, input_ids, attention_mask=None, position_ids=None, cache=None, use_cache=False, output_hidden_states=False):
        step = 0 if cache is None else cache
        B, T = input_ids.shape
        logits = torch.zeros(B, T, self.vocab)
        for b in range(B):
            script = self.scripts[b]
            logits[b, -1, script[step] if step < len(script) else self.filler] = 30.0
        hidden = (torch.zeros(B, T, 4),)
        return SimpleNamespace(logits=logits, hidden_states=hidden, cache=step + 1)


def test_rows_stop_at_the_marker_at_eos_or_at_the_budget(tokenizer):
    enc = lambda s: tokenizer(s, add_special_tokens=False)["input_ids"]  # noqa: E731
    marker = tokenizer.convert_tokens_to_ids(END_OF_CODE)
    tick = enc("`")
    assert len(tick) == 1
    eos = tokenizer.eos_token_id
    body = enc("print(1)\n")
    scripts = [
        body + [marker] + enc("junk"),  # the marker as one token
        body + tick * 3 + enc("junk"),  # the marker spelt over three tokens
        body + [eos] + enc("junk"),  # EOS
        body * 10,  # never stops: cut at the budget
    ]
    filler = enc("x")[0]
    policy = PolicyWithValueHead(ScriptedLM(scripts, len(tokenizer), filler))
    r = sample(policy, tokenizer, ["p"] * 4, max_new_tokens=20, temperature=0)
    check_rollout_invariants(r)
    assert r.completions[:3] == ["print(1)\n"] * 3
    assert r.finished == [True, True, True, False]
    assert r.response_ids[0] == body + [marker]
    assert r.response_ids[1] == body + tick * 3
    assert r.response_ids[2] == body + [eos]
    assert len(r.response_ids[3]) == 20 and r.completions[3].startswith("print(1)\nprint(1)\n")
    # after a row stops, its columns are padding that nothing attends to
    assert r.attention_mask[0, -1] == 0 and r.input_ids[0, -1] == tokenizer.pad_token_id


def test_a_prompt_too_long_for_the_context_is_cut_on_the_left_and_flagged(tokenizer):
    policy = make_policy("gpt2", tokenizer)  # 256 positions
    long_prompt = "print(1)\n" * 200
    r = sample(policy, tokenizer, [long_prompt, "print(2)\n"], max_new_tokens=8, temperature=0)
    assert r.prompt_truncated == [True, False]
    assert r.input_ids.shape[1] <= 256
    with pytest.raises(ValueError, match="no room"):
        sample(policy, tokenizer, ["x"], max_new_tokens=256)
    with pytest.raises(ValueError, match="top_p"):
        sample(policy, tokenizer, ["x"], top_p=0.0)


@pytest.mark.parametrize("arch", ARCHS)
def test_sharing_repeated_prompts_gives_the_same_rollout(arch, tokenizer):
    """G samples of a problem repeat its prompt; the sampler fills the KV cache once per
    distinct prompt and repeats it. Same seed: the same tokens, log-probs and values."""
    policy = make_policy(arch, tokenizer)
    torch.nn.init.normal_(policy.value_head.weight, std=0.5)
    distinct = prompts_of_different_lengths()  # different lengths: left padding is exercised
    prompts = [p for p in distinct for _ in range(3)]
    plain = sample(policy, tokenizer, prompts, max_new_tokens=20, temperature=0.9, top_p=0.95, seed=4, share_prompts=False)
    shared = sample(policy, tokenizer, prompts, max_new_tokens=20, temperature=0.9, top_p=0.95, seed=4, share_prompts=True)
    check_rollout_invariants(shared)
    assert torch.equal(shared.input_ids, plain.input_ids) and shared.completions == plain.completions
    assert len(set(shared.completions)) > len(distinct)  # the repeats really were sampled apart
    torch.testing.assert_close(shared.logprobs, plain.logprobs, rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(shared.values, plain.values, rtol=1e-5, atol=1e-5)
