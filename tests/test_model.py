"""Prompt format, tokenizer offsets, the value-head policy, the reference model, loading (no downloads)."""

from __future__ import annotations

import re

import pytest
import torch

from stepcoder_lite.data.problem import Problem
from stepcoder_lite.model import (
    ModelConfig,
    PolicyWithValueHead,
    ReferenceModel,
    config_to_text,
    count_parameters,
    encode_with_offsets,
    estimate_training_memory_gb,
    TINY_MODEL_DIR,
    completion_logprobs_and_values,
    completion_outputs,
    count_parameters as n_params,
    distinct_rows,
    load_policy,
    load_tokenizer,
    resolve_model_path,
    model_preset,
    save_policy,
    sequence_logprobs_and_values,
    small_random_model,
    train_tokenizer,
    wants_chat_template,
)
from stepcoder_lite.prompts import CODE_FENCE_OPEN, END_OF_CODE, build_prompt, program_text, sft_target, split_completion

ARCHS = ["gpt2", "llama", "qwen2"]


def stand_in_problems() -> list[Problem]:
    """Four small problems covering every prompt shape: stdin, stdin with an APPS+ entry
    point, a plain function, and a LeetCode-style class with starter code."""
    return [
        Problem(
            id="t/stdin", question="Read an integer n and print the sum 1 + 2 + ... + n.",
            solutions=["n = int(input())\ntotal = 0\nfor i in range(1, n + 1):\n    total += i\nprint(total)\n"],
            inputs=["3\n", "1\n"], outputs=["6\n", "1\n"],
        ),
        Problem(
            id="t/entry", question="Read a word and print it reversed. Café -> éfaC.",
            solutions=["def FsxrN():\n    word = input()\n    print(word[::-1])\nFsxrN()\n"],
            inputs=["abc\n"], outputs=["cba\n"], entry_point="FsxrN",
        ),
        Problem(
            id="t/call", question="Return the larger of a and b.",
            solutions=["def bigger(a, b):\n    if a > b:\n        return a\n    return b\n"],
            inputs=[[1, 2], [5, 3]], outputs=[2, 5], fn_name="bigger",
        ),
        Problem(
            id="t/class", question="Return the number of vowels in s.",
            solutions=["class Solution:\n    def vowels(self, s):\n        return sum(ch in 'aeiou' for ch in s)\n"],
            inputs=[["banana"]], outputs=[3], fn_name="vowels",
            starter_code="class Solution:\n    def vowels(self, s):\n        ",
        ),
    ]


def stand_in_tokenizer(vocab_size: int = 512):
    """A byte-level BPE trained on the stand-in problems' prompts and solutions."""
    texts = [build_prompt(p) + sft_target(p.solutions[0]) for p in stand_in_problems()] * 20
    return train_tokenizer(texts, vocab_size=vocab_size, min_frequency=2)


def bundled_tokenizer():
    """The shipped tokenizer (data/model): every model test runs with it, no downloads."""
    return load_tokenizer("tiny")


@pytest.fixture(scope="module", params=["bundled", "trained here"])
def tokenizer(request):
    return bundled_tokenizer() if request.param == "bundled" else stand_in_tokenizer()


def make_policy(arch: str, tokenizer, seed: int = 0) -> PolicyWithValueHead:
    lm = small_random_model(arch, len(tokenizer), hidden=32, layers=2, heads=4, max_positions=256,
                            eos_token_id=tokenizer.eos_token_id, seed=seed)
    return PolicyWithValueHead(lm)


# --------------------------------------------------------------------------- prompts


def test_prompt_ends_inside_an_open_code_block_and_continues_the_prefix():
    for p in stand_in_problems():
        prompt = build_prompt(p)
        assert prompt.endswith("### Solution\n" + CODE_FENCE_OPEN)
        assert p.question.strip() in prompt
        prefix = p.solutions[0][: len(p.solutions[0]) // 2]
        with_prefix = build_prompt(p, given_prefix=prefix)
        assert with_prefix == prompt + prefix  # the CCCS prompt is the full prompt + the prefix, verbatim


def test_prompt_format_line_tells_how_the_program_is_run():
    stdin, entry, call, klass = stand_in_problems()
    assert "standard input" in build_prompt(stdin) and "FsxrN()" not in build_prompt(stdin)
    assert "`FsxrN()`" in build_prompt(entry)
    assert "`bigger(...)`" in build_prompt(call)
    assert "`Solution().vowels(...)`" in build_prompt(klass)
    # starter code only where there is one, in its own block
    assert "### Starter code\n```python\nclass Solution:" in build_prompt(klass)
    assert "### Starter code" not in build_prompt(call)


def test_chat_template_prompt_opens_the_assistant_reply_with_the_code_block(tokenizer):
    p = stand_in_problems()[2]
    seen = []

    def render(messages):
        seen.append(messages)
        return "".join(f"<{m['role']}>{m['content']}</{m['role']}>" for m in messages) + "<assistant>"

    prompt = build_prompt(p, given_prefix="def bigger(a, b):\n", chat_template=render)
    assert prompt.endswith("<assistant>" + CODE_FENCE_OPEN + "def bigger(a, b):\n")
    assert [m["role"] for m in seen[0]] == ["system", "user"] and p.question in seen[0][1]["content"]
    # a real tokenizer's jinja chat template
    tokenizer.chat_template = (
        "{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}\n{% endfor %}"
        "{% if add_generation_prompt %}<|assistant|>{% endif %}"
    )
    try:
        prompt = build_prompt(p, chat_template=tokenizer)
        assert prompt.startswith("<|system|>") and prompt.endswith("<|assistant|>" + CODE_FENCE_OPEN)
        assert wants_chat_template(ModelConfig(name_or_path="x/Coder-Instruct"), tokenizer)
        assert not wants_chat_template(ModelConfig(name_or_path="x/Coder-base"), tokenizer)
    finally:
        tokenizer.chat_template = None
    with pytest.raises(TypeError, match="chat_template"):
        build_prompt(p, chat_template=42)


def test_completion_is_cut_at_the_end_of_code_marker():
    assert split_completion("print(1)\n```\nextra") == ("print(1)\n", True)
    assert split_completion("print(1)\n") == ("print(1)\n", False)
    assert program_text("n = 1\n", "print(n)\n") == "n = 1\nprint(n)\n"
    assert sft_target("x = 1\n\n\n") == "x = 1\n" + END_OF_CODE


# --------------------------------------------------------------------------- tokenizer


def test_tokenizer_offsets_tile_the_source_text(tokenizer):
    for p in stand_in_problems():
        text = build_prompt(p) + p.solutions[0]
        ids, spans = encode_with_offsets(tokenizer, text)
        assert tokenizer.decode(ids, clean_up_tokenization_spaces=False) == text  # byte-level: lossless
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        for (start0, end0), (start1, end1) in zip(spans, spans[1:]):
            assert start0 <= start1 and end0 <= end1 and start1 <= end0  # monotone, no gaps
        if text.isascii():  # one byte per character: spans are contiguous and each is exactly its token's text
            for (_, end), (start, _) in zip(spans, spans[1:]):
                assert end == start
            for token_id, (start, end) in zip(ids, spans):
                assert text[start:end] == tokenizer.decode([token_id], clean_up_tokenization_spaces=False)
        else:  # a character whose bytes are split over tokens is covered by each of them
            covered = [False] * len(text)
            for start, end in spans:
                covered[start:end] = [True] * (end - start)
            assert all(covered)


def test_end_of_code_is_one_token_never_split(tokenizer):
    marker_id = tokenizer.convert_tokens_to_ids(END_OF_CODE)
    assert tokenizer(END_OF_CODE, add_special_tokens=False)["input_ids"] == [marker_id]
    ids = tokenizer(sft_target("print('```')"), add_special_tokens=False)["input_ids"]
    assert ids[-1] == marker_id and ids.count(marker_id) == 2
    assert tokenizer.eos_token == tokenizer.pad_token == "<|endoftext|>"


# --------------------------------------------------------------------------- policy and log-probs


@pytest.mark.parametrize("arch", ARCHS)
def test_sequence_logprobs_match_the_hf_loss_and_ignore_left_padding(arch, tokenizer):
    torch.manual_seed(0)
    policy = make_policy(arch, tokenizer)
    prompt = tokenizer("### Problem\nprint n", add_special_tokens=False)["input_ids"]
    response = tokenizer("print(n)\n```", add_special_tokens=False)["input_ids"]
    ids = torch.tensor([prompt + response])
    attention = torch.ones_like(ids)
    response_mask = torch.zeros_like(ids, dtype=torch.bool)
    response_mask[0, len(prompt):] = True
    logprobs, values = sequence_logprobs_and_values(policy, ids, attention, response_mask)
    # reference: transformers' own causal-LM loss over the response tokens
    labels = ids.masked_fill(~response_mask, -100)
    hf_loss = policy.policy(input_ids=ids, attention_mask=attention, labels=labels).loss
    ours = -logprobs[response_mask].mean()
    torch.testing.assert_close(ours, hf_loss, rtol=1e-5, atol=1e-5)
    assert torch.all(values == 0)  # zero-initialised value head: V = 0 everywhere at the start
    assert torch.all(logprobs[~response_mask] == 0)

    pad = 5  # the same row, left-padded: positions come from the mask, so nothing changes
    padded = torch.cat([torch.full((1, pad), tokenizer.pad_token_id), ids], dim=1)
    padded_attention = torch.cat([torch.zeros(1, pad, dtype=torch.long), attention], dim=1)
    padded_mask = torch.cat([torch.zeros(1, pad, dtype=torch.bool), response_mask], dim=1)
    padded_logprobs, _ = sequence_logprobs_and_values(policy, padded, padded_attention, padded_mask)
    torch.testing.assert_close(padded_logprobs[:, pad:], logprobs, rtol=1e-4, atol=1e-5)


def _repeated_prompt_batch(tokenizer, G: int = 3):
    """(B, P+N) rows: 2 prompts of different lengths (left-padded), G rows each, every row its
    own completion of a different length (right-padded), problem-major like PPO's batches."""
    prompts = [tokenizer(t, add_special_tokens=False)["input_ids"] for t in ("### Problem\nprint n\n", "### Problem\nread a and b, print a + b\n")]
    completions = [tokenizer(t, add_special_tokens=False)["input_ids"]
                   for t in ("print(n)", "x = 1\nprint(x)", "pass", "a, b = 1, 2", "print(a + b)\n```", "print(0)")]
    P, N = max(map(len, prompts)), max(map(len, completions))
    B = len(prompts) * G
    ids = torch.full((B, P + N), tokenizer.pad_token_id)
    mask = torch.zeros(B, P + N, dtype=torch.long)
    response = torch.zeros(B, N, dtype=torch.bool)
    for row in range(B):
        prompt, completion = prompts[row // G], completions[row]
        ids[row, P - len(prompt):P] = torch.tensor(prompt)
        ids[row, P:P + len(completion)] = torch.tensor(completion)
        mask[row, P - len(prompt):P + len(completion)] = 1
        response[row, :len(completion)] = True
    return ids, mask, response, P


@pytest.mark.parametrize("arch", ARCHS)
def test_shared_prompt_pass_equals_one_pass_with_gradients(arch, tokenizer):
    """completion_outputs computes each distinct prompt once and repeats its KV cache: the
    logits, values and the gradient of a loss on them equal those of one plain pass."""
    policy = make_policy(arch, tokenizer, seed=1)
    torch.nn.init.normal_(policy.value_head.weight, std=0.5)
    ids, mask, response, P = _repeated_prompt_batch(tokenizer)
    first, inverse = distinct_rows(ids[:, :P], mask[:, :P])
    assert len(first) == 2 and torch.equal(ids[first][inverse, :P], ids[:, :P])

    results = {}
    for share in (False, True):
        policy.zero_grad()
        logits, values = completion_outputs(policy, ids, mask, P, share_prompts=share)
        assert logits.shape[:2] == values.shape == response.shape
        loss = (logits.float().logsumexp(-1)[response]).mean() + (values[response] ** 2).mean()
        loss.backward()
        grads = torch.cat([p.grad.flatten() for p in policy.parameters() if p.grad is not None])
        results[share] = (logits.detach()[response], values.detach()[response], grads)
    for plain, shared in zip(results[False], results[True]):
        torch.testing.assert_close(shared, plain, rtol=1e-4, atol=1e-5)
    assert results[True][2].abs().sum() > 0  # gradients reached the weights through the shared cache
    # the reference model (no value head) takes the same path
    ref_logits, ref_values = completion_outputs(ReferenceModel(policy), ids, mask, P)
    assert ref_values is None
    torch.testing.assert_close(ref_logits[response], results[True][0], rtol=1e-4, atol=1e-5)


def _logprob_outputs_and_grads(model, ids, mask, response, P, chunk, share):
    """Log-probs, entropies, values and the gradient of a loss on them, at one logit chunk size."""
    model.zero_grad()
    lp, values, ent = completion_logprobs_and_values(model, ids, mask, P, temperature=0.8, with_entropy=True,
                                                     share_prompts=share, logit_chunk=chunk)
    loss = lp[response].mean() + 0.1 * ent[response].mean() + (values[response] ** 2).mean()
    loss.backward()
    grads = torch.cat([p.grad.flatten() for p in model.parameters() if p.grad is not None])
    return lp.detach()[response], ent.detach()[response], values.detach()[response], grads


@pytest.mark.parametrize("arch", ARCHS)
def test_chunked_logits_give_the_same_logprobs_entropies_and_gradients(arch, tokenizer):
    """logit_chunk > 0 runs the LM head a few tokens at a time on the last hidden states (and
    again in the backward): the same log-probs, entropies, values and gradients as the single
    pass, with a shared or a plain prompt pass, for any chunk size."""
    policy = make_policy(arch, tokenizer, seed=2)
    torch.nn.init.normal_(policy.value_head.weight, std=0.5)
    ids, mask, response, P = _repeated_prompt_batch(tokenizer)
    for share in (False, True):
        plain = _logprob_outputs_and_grads(policy, ids, mask, response, P, 0, share)
        for chunk in (1, 7, 10_000):
            chunked = _logprob_outputs_and_grads(policy, ids, mask, response, P, chunk, share)
            for a, b in zip(chunked, plain):
                torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-5)
    assert plain[3].abs().sum() > 0
    # entropy_grad=False (ent_coef = 0: the entropy is only logged): same values, no graph
    lp, _, ent = completion_logprobs_and_values(policy, ids, mask, P, 0.8, with_entropy=True, logit_chunk=7,
                                                entropy_grad=False)
    assert lp.requires_grad and not ent.requires_grad
    torch.testing.assert_close(ent[response], plain[1], rtol=1e-4, atol=1e-5)
    # without gradients (the reference pass) the pieces run plainly, to the same numbers
    with torch.no_grad():
        lp, _, _ = completion_logprobs_and_values(ReferenceModel(policy), ids, mask, P, 0.8, logit_chunk=5)
    torch.testing.assert_close(lp[response], plain[0], rtol=1e-4, atol=1e-5)
    # a model whose logits are not its head on the last hidden state is refused, not silently wrong
    policy.config.final_logit_softcapping = 30.0
    with pytest.raises(ValueError, match="final_logit_softcapping"):
        completion_logprobs_and_values(policy, ids, mask, P, 0.8, logit_chunk=5)


def test_chunked_logits_under_lora_and_checkpointing_keep_the_reference_apart(tmp_path, tokenizer):
    """The colab preset's path: LoRA, gradient checkpointing, chunked logits. The policy sees
    its adapters, the reference (same weights, adapters off) does not, and the gradients
    that reach the adapters equal those of the single pass."""
    save_policy(make_policy("qwen2", tokenizer, seed=3), tokenizer, tmp_path / "base")
    policy, _ = load_policy(str(tmp_path / "base"), device="cpu", lora=True, lora_r=4, lora_alpha=8, lora_dropout=0.0,
                            lora_target_modules=["q_proj", "v_proj", "lm_head"], gradient_checkpointing=True)
    with torch.no_grad():
        for name, p in policy.named_parameters():
            if "lora_B" in name:
                p.normal_(0, 0.5)
    policy.train()
    ids, mask, response, P = _repeated_prompt_batch(tokenizer)
    plain = _logprob_outputs_and_grads(policy, ids, mask, response, P, 0, share=False)
    chunked = _logprob_outputs_and_grads(policy, ids, mask, response, P, 4, share=False)
    for a, b in zip(chunked, plain):
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-5)
    reference = ReferenceModel(policy)
    ref_plain, _, _ = completion_logprobs_and_values(reference, ids, mask, P, 0.8)
    ref_chunked, _, _ = completion_logprobs_and_values(reference, ids, mask, P, 0.8, logit_chunk=4)
    torch.testing.assert_close(ref_chunked[response], ref_plain[response], rtol=1e-4, atol=1e-5)
    assert (ref_chunked[response] - chunked[0]).abs().max() > 1e-3  # the adapters (lm_head's too) are off


def test_distinct_rows_groups_equal_rows_only():
    ids = torch.tensor([[0, 5, 6], [1, 2, 3], [0, 5, 6], [1, 2, 4], [1, 2, 3]])
    mask = torch.tensor([[0, 1, 1], [1, 1, 1], [0, 1, 1], [1, 1, 1], [1, 1, 1]])
    first, inverse = distinct_rows(ids, mask)
    assert len(first) == 3 and torch.equal(ids[first][inverse], ids)
    assert first[inverse].tolist() == [0, 1, 0, 3, 1]  # each row points at the first row equal to it
    other_mask = mask.clone()
    other_mask[2, 0] = 1  # same ids, different padding: a different prompt
    assert len(distinct_rows(ids, other_mask)[0]) == 4


def test_values_are_read_from_the_state_before_each_token(tokenizer):
    policy = make_policy("gpt2", tokenizer)
    torch.nn.init.normal_(policy.value_head.weight)
    ids = torch.tensor([tokenizer("n = int(input())", add_special_tokens=False)["input_ids"]])
    out = policy(ids)
    _, values = sequence_logprobs_and_values(policy, ids, torch.ones_like(ids))
    assert out.values.shape == ids.shape
    torch.testing.assert_close(values[:, 1:], out.values[:, :-1])  # V(x_<t) = head(hidden[t - 1])
    assert values[0, 0] == 0


def test_save_and_load_roundtrip_keeps_logits_and_value_head(tmp_path, tokenizer):
    policy = make_policy("gpt2", tokenizer)
    torch.nn.init.normal_(policy.value_head.weight)
    save_policy(policy, tokenizer, tmp_path / "ckpt", extra={"seed": 0})
    loaded, loaded_tok = load_policy(str(tmp_path / "ckpt"), device="cpu")
    assert (tmp_path / "ckpt" / "model.safetensors").exists() and (tmp_path / "ckpt" / "value_head.safetensors").exists()
    ids = torch.tensor([loaded_tok("print(1)", add_special_tokens=False)["input_ids"]])
    a, b = policy.eval()(ids), loaded(ids)
    torch.testing.assert_close(a.logits, b.logits)
    torch.testing.assert_close(a.values, b.values)
    assert loaded_tok.convert_tokens_to_ids(END_OF_CODE) == tokenizer.convert_tokens_to_ids(END_OF_CODE)


def test_frozen_reference_does_not_move_when_the_policy_trains(tokenizer):
    policy = make_policy("llama", tokenizer)
    reference = ReferenceModel(policy)
    assert not reference.shares_weights and all(not p.requires_grad for p in reference.parameters())
    ids = torch.tensor([tokenizer("total = 0\nprint(total)", add_special_tokens=False)["input_ids"]])
    mask = torch.ones_like(ids)
    before, _ = sequence_logprobs_and_values(reference, ids, mask)
    optimizer = torch.optim.SGD(policy.parameters(), lr=1.0)
    logprobs, _ = sequence_logprobs_and_values(policy, ids, mask)
    (-logprobs.sum()).backward()
    optimizer.step()
    after_policy, _ = sequence_logprobs_and_values(policy, ids, mask)
    after_ref, ref_values = sequence_logprobs_and_values(reference, ids, mask)
    assert ref_values is None
    torch.testing.assert_close(after_ref, before)
    assert (after_policy - before).abs().max() > 1e-3


@pytest.mark.parametrize("arch", ["qwen2", "gpt2"])
def test_lora_reference_is_the_same_weights_with_adapters_disabled(tmp_path, arch, tokenizer):
    save_policy(make_policy(arch, tokenizer), tokenizer, tmp_path / "base")
    policy, _ = load_policy(str(tmp_path / "base"), device="cpu", lora=True, lora_r=4, lora_alpha=8, lora_dropout=0.0)
    trainable = {n for n, p in policy.named_parameters() if p.requires_grad}
    assert trainable and all("lora_" in n or n.startswith("value_head") for n in trainable)
    reference = ReferenceModel(policy)
    assert reference.shares_weights and count_parameters(reference) == count_parameters(policy.policy)
    ids = torch.tensor([tokenizer("def bigger(a, b):", add_special_tokens=False)["input_ids"]])
    mask = torch.ones_like(ids)
    ref0, _ = sequence_logprobs_and_values(reference, ids, mask)
    pol0, _ = sequence_logprobs_and_values(policy, ids, mask)
    torch.testing.assert_close(pol0, ref0)  # LoRA's B starts at zero: policy == reference
    with torch.no_grad():
        for name, p in policy.named_parameters():
            if "lora_B" in name:
                p.normal_(0, 0.5)
    pol1, _ = sequence_logprobs_and_values(policy, ids, mask)
    ref1, _ = sequence_logprobs_and_values(reference, ids, mask)
    torch.testing.assert_close(ref1, ref0)
    assert (pol1 - ref1).abs().max() > 1e-3
    # the shared-prompt pass (PPO's G samples per prompt) sees the adapters, and the reference does not
    rows, rows_mask, response, P = _repeated_prompt_batch(tokenizer, G=2)
    shared = {}
    for name, model in (("policy", policy), ("reference", reference)):
        shared[name] = completion_outputs(model, rows, rows_mask, P, share_prompts=True)[0][response]
        plain = completion_outputs(model, rows, rows_mask, P, share_prompts=False)[0][response]
        torch.testing.assert_close(shared[name], plain, rtol=1e-4, atol=1e-5)
    assert (shared["policy"] - shared["reference"]).abs().max() > 1e-3
    # saving a LoRA policy writes adapters; loading restores the same function
    save_policy(policy, tokenizer, tmp_path / "lora")
    reloaded, _ = load_policy(str(tmp_path / "lora"), device="cpu")
    pol2, _ = sequence_logprobs_and_values(reloaded, ids, mask)
    torch.testing.assert_close(pol2, pol1, rtol=1e-4, atol=1e-5)


# --------------------------------------------------------------------------- configs


def test_presets_print_every_field_and_the_colab_estimate_fits_a_t4():
    for name in ("tiny", "colab", "gpu"):
        text = config_to_text(model_preset(name))
        for f in ("name_or_path", "dtype", "lora", "lora_r", "chat_template", "gradient_checkpointing"):
            assert re.search(rf"^  {f} +=", text, flags=re.M), (f, text)
    assert model_preset("colab").lora and model_preset("colab").dtype == "float16"  # a T4 has no bfloat16
    with pytest.raises(ValueError, match="unknown model preset"):
        model_preset("huge")
    # Qwen2.5-Coder-1.5B: 1.54e9 params, 28 layers, hidden 1536, vocab 151936, 2 KV heads x 128
    est = estimate_training_memory_gb(1.54e9, 28, 1536, 151936, 256, trainable_params=18e6)
    # each term by hand from the docstring's table (float16 weights, micro-batch 4 x 768 tokens,
    # 16 samples x 1024 tokens of KV cache)
    assert est["weights"] == pytest.approx(1.54e9 * 2 / 1e9, abs=0.01)  # 3.08
    assert est["trainable"] == pytest.approx(18e6 * 16 / 1e9, abs=0.01)  # 0.29: LoRA + Adam in fp32
    assert est["kv_cache"] == pytest.approx(2 * 28 * 256 * 16 * 1024 * 2 / 1e9, abs=0.01)  # 0.47
    assert est["logits"] == pytest.approx(4 * 768 * 151936 * 8 / 1e9, abs=0.01)  # 3.73: the largest activation
    assert 4 < est["total"] < 15  # a T4 has 15 GB
    assert est["reference"] == 0.0  # LoRA: the reference is the same weights, adapters off
    # full fine-tuning in bfloat16 (the gpu preset): a frozen reference copy; grad, Adam m and v in bfloat16
    gpu = estimate_training_memory_gb(1.54e9, 28, 1536, 151936, 256, trainable_params=1.54e9, trainable_bytes=6,
                                      reference_copy=True)
    assert gpu["reference"] == gpu["weights"] and gpu["trainable"] == pytest.approx(1.54e9 * 6 / 1e9, abs=0.01)
    # the colab preset computes its logits 256 completion tokens at a time: one piece, 4 float32 copies
    chunked = estimate_training_memory_gb(1.54e9, 28, 1536, 151936, 256, trainable_params=18e6, logit_chunk=256)
    assert chunked["logits"] == pytest.approx(256 * 151936 * 16 / 1e9, abs=0.01)  # 0.62
    assert chunked["total"] == pytest.approx(est["total"] - est["logits"] + chunked["logits"], abs=0.02)
    assert estimate_training_memory_gb(1.54e9, 28, 1536, 151936, 256, micro_batch=1, seq_len=100,
                                       logit_chunk=256)["logits"] == pytest.approx(100 * 151936 * 16 / 1e9, abs=0.01)
    # without gradient checkpointing the activations are ~16x larger
    full = estimate_training_memory_gb(1.54e9, 28, 1536, 151936, 256, trainable_params=18e6, checkpointing=False)
    assert full["activations"] == pytest.approx(16 * est["activations"], rel=0.05)


def test_unknown_architecture_and_missing_model_fail_clearly(tmp_path):
    with pytest.raises(ValueError, match="unknown architecture"):
        small_random_model("mamba", 100)
    with pytest.raises(Exception, match="nothing-here"):
        load_policy(str(tmp_path / "nothing-here"), device="cpu")


# --------------------------------------------------------------------------- the shipped checkpoint


def test_the_shipped_checkpoint_loads_and_writes_family_programs():
    files = {f.name: f.stat().st_size for f in TINY_MODEL_DIR.iterdir()}
    for name in ("model.safetensors", "value_head.safetensors", "config.json", "tokenizer.json", "README.md", "run.json"):
        assert name in files, name
    assert sum(files.values()) <= 30e6  # the limit for what data/ ships
    policy, tok = load_policy("tiny", device="cpu")
    assert resolve_model_path("tiny") == str(TINY_MODEL_DIR)
    assert 1e6 < n_params(policy.policy) < 6e6 and tok.convert_tokens_to_ids(END_OF_CODE) is not None
    assert bool((policy.value_head.weight == 0).all())  # SFT leaves the critic at its zero start
    from stepcoder_lite.data import load_source
    from stepcoder_lite.rollout import sample

    problems = load_source("families:train")[:8]
    r = sample(policy, tok, [build_prompt(p) for p in problems], max_new_tokens=160, temperature=0)
    assert all(r.finished)  # it closes its code block
    import ast

    for completion in r.completions:
        ast.parse(completion)  # and writes Python


def test_digits_are_single_tokens_so_any_literal_is_copied_digit_by_digit(tokenizer):
    """Both the shipped tokenizer and a freshly trained one split numbers into digits: a number
    the model never saw is a sequence of tokens it has, and it round-trips exactly."""
    text = "Count the a_i with a_i mod 37 equal to 12.\nif x % 37 == -12:\n    c += 1024\nprint(c, 90210)\n"
    ids, spans = encode_with_offsets(tokenizer, text)
    assert tokenizer.decode(ids, clean_up_tokenization_spaces=False) == text
    pieces = [text[a:b] for a, b in spans]
    for piece in pieces:
        digits = sum(ch.isdigit() for ch in piece)
        assert digits <= 1, f"{piece!r} holds {digits} digits in one token"
    # the same number in the statement and in the code is the same token sequence
    def number_ids(number: str) -> list[list[int]]:
        runs, i = [], 0
        while i < len(pieces):
            if pieces[i].strip() == number[0]:
                j = i + len(number)
                if "".join(p.strip() for p in pieces[i:j]) == number:
                    runs.append(ids[i:j])
            i += 1
        return runs
    runs = number_ids("37")
    assert len(runs) == 2 and runs[0] == runs[1]


def test_train_tokenizer_can_keep_whole_numbers_for_comparison():
    texts = [p.question + p.solutions[0] for p in stand_in_problems()] * 4 + ["x = 12345 + 12345\n"] * 50
    whole = train_tokenizer(texts, vocab_size=400, split_digits=False)
    split = train_tokenizer(texts, vocab_size=400)
    assert any(sum(ch.isdigit() for ch in whole.decode([i])) >= 2 for i in whole("x = 12345")["input_ids"])
    assert all(sum(ch.isdigit() for ch in split.decode([i])) <= 1 for i in split("x = 12345")["input_ids"])
