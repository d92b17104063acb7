"""Batched sampling of completions with per-token log-probs and values (KV cache).

One call, :func:`sample`, turns prompts into a :class:`Rollout`: the completion texts the
executor runs and the tensors PPO trains on, all aligned the way :mod:`stepcoder_lite.model`
documents (position ``t`` holds the log-prob of emitting token ``t`` and the value of the
state before it).

The decoding loop, per step (nanoGPT's ``generate`` plus bookkeeping)::

    logits  = model(last token, KV cache)[:, -1] / temperature      # (B, V)
    logp    = log_softmax(logits)                                    # pi(. | x_<t)
    x_t     ~ top_p_filter(softmax(logits))   (argmax when temperature == 0)
    record  x_t, logp[x_t], V(x_<t)
    stop a row once its text contains END_OF_CODE (or it emits EOS)

Log-probs are those of the *temperature-scaled, unfiltered* distribution, the quantity PPO's
ratio needs and what :func:`~stepcoder_lite.model.sequence_logprobs_and_values` recomputes
with the same temperature (top-p only decides which tokens may be drawn). With
``temperature=0`` (greedy) they are the temperature-1 log-probs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch
import torch.nn.functional as F

from stepcoder_lite.model import PolicyOutput, positions_from_mask, prefill_distinct_prompts
from stepcoder_lite.prompts import END_OF_CODE, split_completion


@dataclass
class Rollout:
    """A batch of sampled completions. ``B`` rows, ``T = P + N`` columns (prompt + response).

    =================  ==========  ===========================================================
    field              shape       meaning
    =================  ==========  ===========================================================
    prompts            [B]         the prompt texts
    completions        [B]         generated text before ``END_OF_CODE`` (what gets executed
                                   after the given prefix)
    finished           [B]         True when the row closed its code block (or emitted EOS);
                                   False when it hit ``max_new_tokens``
    input_ids          (B, T)      left-padded prompt, then the response, right-padded
    attention_mask     (B, T)      1 on real prompt and response tokens
    response_mask      (B, T)      bool, True on generated tokens (including the stop token)
    logprobs           (B, T)      log pi(x_t | x_<t) on response tokens, 0.0 elsewhere
    values             (B, T)      V(x_<t) on response tokens, 0.0 elsewhere (None: no head)
    response_ids       [B][n_b]    the generated ids of each row (their decoded text starts
                                   with the completion; FGO maps them to characters with
                                   :func:`stepcoder_lite.masking.executed_token_mask_for_ids`)
    prompt_truncated   [B]         True when the prompt was cut on the left to fit the context
    =================  ==========  ===========================================================
    """

    prompts: list[str]
    completions: list[str]
    finished: list[bool]
    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    response_mask: torch.Tensor
    logprobs: torch.Tensor
    values: torch.Tensor | None
    response_ids: list[list[int]]
    prompt_truncated: list[bool] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.prompts)

    @property
    def response_lengths(self) -> list[int]:
        return [len(ids) for ids in self.response_ids]


# --------------------------------------------------------------------------- stop tokens

_STOP_TABLES: dict[tuple[int, str, tuple[int, ...], int], tuple[torch.Tensor, torch.Tensor]] = {}


def eos_token_ids(model, tokenizer) -> list[int]:
    """Ids that end a sequence: the tokenizer's EOS and the model's generation-config EOS ids."""
    ids = [] if tokenizer.eos_token_id is None else [tokenizer.eos_token_id]
    gen = getattr(model, "generation_config", None)
    extra = getattr(gen, "eos_token_id", None) if gen is not None else None
    ids += [extra] if isinstance(extra, int) else list(extra or [])
    return sorted(set(ids))


def stop_tables(tokenizer, marker: str = END_OF_CODE, eos_ids: tuple[int, ...] = (), vocab_size: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Two bool tables over the vocabulary, built once per tokenizer.

    ``ends[v]``: token ``v`` alone contains ``marker`` or is EOS, so emitting it ends the row.
    ``maybe[v]``: token ``v`` contains a character of ``marker``; the marker may then be
    completed across tokens (e.g. ``"``"`` + ``"`"``), so the row's tail text is checked.
    ``vocab_size`` may exceed ``len(tokenizer)`` (padded embedding matrices): the extra ids
    decode to nothing and never stop a row.
    """
    vocab = max(len(tokenizer), vocab_size or 0)
    key = (id(tokenizer), marker, tuple(eos_ids), vocab)
    if key not in _STOP_TABLES:
        ends = torch.zeros(vocab, dtype=torch.bool)
        maybe = torch.zeros(vocab, dtype=torch.bool)
        chars = set(marker)
        for v in range(len(tokenizer)):
            text = tokenizer.decode([v], clean_up_tokenization_spaces=False)
            ends[v] = marker in text
            maybe[v] = bool(chars & set(text))
        for v in eos_ids:
            if v < vocab:
                ends[v] = True
        _STOP_TABLES[key] = (ends, maybe)
    return _STOP_TABLES[key]


# --------------------------------------------------------------------------- sampling


def top_p_filter(probs: torch.Tensor, top_p: float) -> torch.Tensor:
    """Nucleus filtering: keep the smallest set of most likely tokens whose mass reaches top_p.

    (B, V) -> (B, V), renormalised. The most likely token is always kept.
    """
    if top_p >= 1.0:
        return probs
    sorted_probs, sorted_idx = probs.sort(dim=-1, descending=True)  # (B, V)
    mass_before = sorted_probs.cumsum(dim=-1) - sorted_probs  # (B, V): mass of strictly more likely tokens
    outside_nucleus = mass_before >= top_p  # (B, V) bool, False for the first token
    sorted_probs = sorted_probs.masked_fill(outside_nucleus, 0.0)
    filtered = torch.zeros_like(probs).scatter(-1, sorted_idx, sorted_probs)
    return filtered / filtered.sum(dim=-1, keepdim=True)


def encode_prompts(tokenizer, prompts: list[str], max_prompt_tokens: int) -> tuple[list[list[int]], list[bool]]:
    """Token ids of each prompt, cut on the left to ``max_prompt_tokens`` (flagged, never silent)."""
    ids_list, truncated = [], []
    bos = tokenizer.bos_token
    for prompt in prompts:
        # add the model's BOS where its tokenizer does, unless the (chat) prompt already has it
        add_special = not (bos and prompt.startswith(bos))
        ids = tokenizer(prompt, add_special_tokens=add_special)["input_ids"]
        if len(ids) > max_prompt_tokens:
            ids = ids[-max_prompt_tokens:]
            truncated.append(True)
        else:
            truncated.append(False)
        ids_list.append(list(ids))
    return ids_list, truncated


def max_context(model) -> int | None:
    """The model's maximum sequence length (positions), when its config says."""
    config = model.config
    for name in ("n_positions", "max_position_embeddings"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    return None


@torch.no_grad()  # not inference_mode: PPO later does autograd math with these tensors
def _sample_batch(model, tokenizer, prompts, *, max_new_tokens, temperature, top_p, generator, marker,
                  share_prompts=True) -> Rollout:
    device = next(model.parameters()).device
    context = max_context(model) or 10**9
    if max_new_tokens >= context:
        raise ValueError(f"max_new_tokens={max_new_tokens} leaves no room for a prompt in a context of {context}")
    prompt_ids, truncated = encode_prompts(tokenizer, prompts, context - max_new_tokens)
    pad_id = tokenizer.pad_token_id
    B, P = len(prompts), max(len(ids) for ids in prompt_ids)
    # left padding: every prompt ends at column P - 1, so the response starts at column P for all rows
    input_ids = torch.full((B, P), pad_id, dtype=torch.long)
    attention_mask = torch.zeros((B, P), dtype=torch.long)
    for b, ids in enumerate(prompt_ids):
        input_ids[b, P - len(ids):] = torch.tensor(ids, dtype=torch.long)
        attention_mask[b, P - len(ids):] = 1
    input_ids, attention_mask = input_ids.to(device), attention_mask.to(device)

    done = torch.zeros(B, dtype=torch.bool, device=device)
    new_tokens, new_logprobs, new_values, alive = [], [], [], []  # each a list of (B,) per step
    response_ids: list[list[int]] = [[] for _ in range(B)]

    out = _prefill(model, input_ids, attention_mask, share_prompts)
    tables = stop_tables(tokenizer, marker, tuple(eos_token_ids(model, tokenizer)), out.logits.shape[-1])
    ends, maybe = (t.to(device) for t in tables)
    mask = attention_mask
    for _ in range(max_new_tokens):
        logits = out.logits[:, -1, :].float()  # (B, V): next-token logits
        tau = temperature if temperature > 0 else 1.0
        logp = torch.log_softmax(logits / tau, dim=-1)  # (B, V): log pi(. | x_<t)
        if temperature > 0:
            probs = top_p_filter(logp.exp(), top_p)
            token = torch.multinomial(probs, 1, generator=generator).squeeze(-1)  # (B,)
        else:
            token = logits.argmax(dim=-1)  # (B,) greedy
        is_response = ~done  # (B,) rows still generating: this token belongs to their response
        token = torch.where(is_response, token, torch.full_like(token, pad_id))
        new_tokens.append(token)
        new_logprobs.append(logp.gather(-1, token[:, None]).squeeze(-1))
        new_values.append(out.values[:, -1].float() if out.values is not None else None)  # V(x_<t)
        alive.append(is_response)

        tokens_cpu = token.tolist()
        for b in torch.nonzero(is_response).flatten().tolist():
            response_ids[b].append(tokens_cpu[b])
        stops = ends[token] & is_response
        # the marker may be split over tokens: check the tail text of rows whose token might finish it
        for b in torch.nonzero(maybe[token] & is_response & ~stops).flatten().tolist():
            tail = tokenizer.decode(response_ids[b][-len(marker) - 1:], clean_up_tokenization_spaces=False)
            if marker in tail:
                stops[b] = True
        done = done | stops
        if bool(done.all()):
            break
        # feed the token; finished rows feed padding that nothing attends to
        mask = torch.cat([mask, is_response.long()[:, None]], dim=1)  # (B, t+1)
        position = positions_from_mask(mask)[:, -1:]  # (B, 1)
        out = model(token[:, None], attention_mask=mask, position_ids=position, cache=out.cache, use_cache=True)

    N = len(new_tokens)
    response = torch.stack(new_tokens, dim=1)  # (B, N)
    response_mask_r = torch.stack(alive, dim=1)  # (B, N) bool
    full_ids = torch.cat([input_ids, response], dim=1)  # (B, P + N)
    full_attention = torch.cat([attention_mask, response_mask_r.long()], dim=1)
    response_mask = torch.cat([torch.zeros_like(attention_mask, dtype=torch.bool), response_mask_r], dim=1)
    logprobs = torch.cat([torch.zeros_like(attention_mask, dtype=torch.float), torch.stack(new_logprobs, 1)], dim=1)
    logprobs = logprobs.masked_fill(~response_mask, 0.0)
    values = None
    if new_values and new_values[0] is not None:
        values = torch.cat([torch.zeros_like(attention_mask, dtype=torch.float), torch.stack(new_values, 1)], dim=1)
        values = values.masked_fill(~response_mask, 0.0)

    completions, finished = [], []
    eos_ids = set(eos_token_ids(model, tokenizer))
    for b in range(B):
        ids = response_ids[b]
        cut = next((i for i, t in enumerate(ids) if t in eos_ids), len(ids))  # text ends at EOS
        text = tokenizer.decode(ids[:cut], skip_special_tokens=False, clean_up_tokenization_spaces=False)
        completion, closed = split_completion(text)
        completions.append(completion)
        finished.append(closed or cut < len(ids))
    assert full_ids.shape == (B, P + N)
    return Rollout(
        prompts=list(prompts),
        completions=completions,
        finished=finished,
        input_ids=full_ids,
        attention_mask=full_attention,
        response_mask=response_mask,
        logprobs=logprobs,
        values=values,
        response_ids=response_ids,
        prompt_truncated=truncated,
    )


def _prefill(model, input_ids: torch.Tensor, attention_mask: torch.Tensor, share_prompts: bool) -> PolicyOutput:
    """The prompts' forward pass that fills the KV cache. With ``share_prompts``, each distinct
    prompt (G samples of a problem repeat it) is computed once and its cache rows, last logits
    and last value are repeated for every row that holds it: same numbers, less compute."""
    shared = prefill_distinct_prompts(model, input_ids, attention_mask) if share_prompts else None
    if shared is not None:
        return shared[0]  # last logits (B, 1, V), last values (B, 1), cache of B rows: all the loop reads
    return model(input_ids, attention_mask=attention_mask, position_ids=positions_from_mask(attention_mask), use_cache=True)


def sample(
    model,
    tokenizer,
    prompts: list[str],
    *,
    max_new_tokens: int = 256,
    temperature: float = 1.0,
    top_p: float = 1.0,
    batch_size: int | None = None,
    seed: int | None = None,
    generator: torch.Generator | None = None,
    marker: str = END_OF_CODE,
    share_prompts: bool = True,
) -> Rollout:
    """Sample one completion per prompt (repeat a prompt to get several).

    Args:
        model: a :class:`~stepcoder_lite.model.PolicyWithValueHead` (values are returned) or
            a :class:`~stepcoder_lite.model.ReferenceModel` (``values`` is None).
        tokenizer: its tokenizer (fast; has a pad token).
        prompts: prompt texts, e.g. from :func:`stepcoder_lite.prompts.build_prompt`.
        max_new_tokens: generation budget per row; a row that has not closed its code block
            by then has ``finished=False``.
        temperature: softmax temperature; 0 means greedy decoding.
        top_p: nucleus sampling mass (1.0 = off).
        batch_size: rows decoded together (default: all); the results are merged in order.
        seed / generator: reproducible draws (``seed`` builds a generator on the model's device).
        marker: the stop string (default :data:`~stepcoder_lite.prompts.END_OF_CODE`).
        share_prompts: fill the KV cache once per distinct prompt and repeat it for the rows
            that share it (repeated prompts: same draws, less compute).
    """
    if not prompts:
        raise ValueError("sample: no prompts")
    if temperature < 0 or not 0 < top_p <= 1:
        raise ValueError(f"sample: need temperature >= 0 and 0 < top_p <= 1, got {temperature}, {top_p}")
    if generator is None and seed is not None:
        device = next(model.parameters()).device
        generator = torch.Generator(device=device).manual_seed(seed)
    was_training = model.training
    model.eval()
    try:
        size = batch_size or len(prompts)
        parts = [
            _sample_batch(model, tokenizer, prompts[i:i + size], max_new_tokens=max_new_tokens, temperature=temperature,
                          top_p=top_p, generator=generator, marker=marker, share_prompts=share_prompts)
            for i in range(0, len(prompts), size)
        ]
    finally:
        model.train(was_training)
    return parts[0] if len(parts) == 1 else merge_rollouts(parts, pad_id=tokenizer.pad_token_id)


def merge_rollouts(parts: list[Rollout], pad_id: int) -> Rollout:
    """Concatenate rollouts row-wise: prompts re-padded on the left, responses on the right.

    Extra left padding does not change any log-prob: positions come from the attention mask.
    """
    P = max(_prompt_width(r) for r in parts)
    N = max(r.input_ids.shape[1] - _prompt_width(r) for r in parts)

    def repad(t: torch.Tensor, r: Rollout, value: Any) -> torch.Tensor:
        left = P - _prompt_width(r)
        right = N - (r.input_ids.shape[1] - _prompt_width(r))
        return F.pad(t, (left, right), value=value)

    values = None
    if all(r.values is not None for r in parts):
        values = torch.cat([repad(r.values, r, 0.0) for r in parts])
    return Rollout(
        prompts=[p for r in parts for p in r.prompts],
        completions=[c for r in parts for c in r.completions],
        finished=[f for r in parts for f in r.finished],
        input_ids=torch.cat([repad(r.input_ids, r, pad_id) for r in parts]),
        attention_mask=torch.cat([repad(r.attention_mask, r, 0) for r in parts]),
        response_mask=torch.cat([repad(r.response_mask, r, False) for r in parts]),
        logprobs=torch.cat([repad(r.logprobs, r, 0.0) for r in parts]),
        values=values,
        response_ids=[ids for r in parts for ids in r.response_ids],
        prompt_truncated=[t for r in parts for t in r.prompt_truncated],
    )


def _prompt_width(r: Rollout) -> int:
    """Columns taken by the (left-padded) prompts: the response starts here in every row."""
    return r.input_ids.shape[1] - max((len(ids) for ids in r.response_ids), default=0)
