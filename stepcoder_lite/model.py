"""The policy: any Hugging Face causal LM, a value head for PPO, a frozen reference, a tokenizer.

Two worlds, one code path:

* **embedded default** (``"tiny"``): a GPT-2 of a few million parameters and a byte-level BPE
  tokenizer, both trained by this project (``python -m stepcoder_lite sft --preset tiny``) and
  shipped in ``data/model/``. Runs on a laptop CPU.
* **real model**: any HF causal-LM id or local path (e.g. ``Qwen/Qwen2.5-Coder-1.5B-Instruct``),
  bf16 where the GPU has it, optionally LoRA through ``peft``.

Pieces, in the order the RL trainer uses them (``ModelConfig`` and its presets:
:mod:`stepcoder_lite.model_config`, re-exported here):

=====================================  ===================================================
:func:`train_tokenizer`                byte-level BPE on the training problems, wrapped as
                                       a transformers fast tokenizer (character offsets)
:func:`encode_with_offsets`            text -> token ids + character spans (FGO needs them)
                                       (both in :mod:`stepcoder_lite.tokenizer`, re-exported)
:class:`PolicyWithValueHead`           causal LM + ``Linear(hidden, 1)`` value head (zero init)
:class:`ReferenceModel`                frozen copy, or the same weights with LoRA disabled
:func:`sequence_logprobs_and_values`   one forward pass: per-token log pi(x_t | x_<t), V
:func:`completion_logprobs_and_values` the same at the completion columns only: what
                                       training computes (reference and PPO passes)
:func:`completion_outputs`             logits and values at the completion positions, each
                                       distinct prompt computed once (its KV cache shared,
                                       :func:`prefill_distinct_prompts`, as when sampling)
:func:`load_policy`                    ``"tiny"`` / path / HF id -> (policy, tokenizer)
=====================================  ===================================================

Alignment convention (used by rollout, ppo and the trainer, critical!): every per-token tensor
is ``(B, T)`` and aligned with ``input_ids``. Position ``t`` holds

* ``logprobs[b, t] = log pi(x_t | x_<t)``, the log-probability of *emitting* token ``t``;
* ``values[b, t]   = V(x_<t)``, the value of the state *before* token ``t`` (read from the
  hidden state at ``t - 1``).

So one boolean ``response_mask`` (True on the generated tokens) selects the actions, their
log-probs and the values of the states they were taken in. Position 0 has no predecessor and
holds 0.0; it is never a response token.
"""

from __future__ import annotations

import copy
import contextlib
import inspect
import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

import torch
from torch import nn

from stepcoder_lite import DATA_DIR
from stepcoder_lite.errors import InputError, MissingInputError, one_line
from stepcoder_lite.model_config import ModelConfig, config_to_text, estimate_training_memory_gb, model_preset  # noqa: F401
from stepcoder_lite.tensor_ops import entropy_from_logits
from stepcoder_lite.tokenizer import EOS_TOKEN, encode_with_offsets, train_tokenizer  # noqa: F401 (model.train_tokenizer)

TINY_MODEL_DIR = DATA_DIR / "model"
"""Where the shipped tokenizer + checkpoint live; ``"tiny"`` resolves here."""

VALUE_HEAD_FILE = "value_head.safetensors"


# =========================================================================== models


def tiny_gpt2(vocab_size: int, *, n_layer: int = 4, n_embd: int = 256, n_head: int = 4, n_positions: int = 1024, eos_token_id: int = 0):
    """A randomly initialised GPT-2 (``transformers.GPT2LMHeadModel``): the embedded default."""
    from transformers import GPT2Config, GPT2LMHeadModel

    config = GPT2Config(
        vocab_size=vocab_size,
        n_positions=n_positions,
        n_embd=n_embd,
        n_layer=n_layer,
        n_head=n_head,
        bos_token_id=eos_token_id,
        eos_token_id=eos_token_id,
        pad_token_id=eos_token_id,
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        tie_word_embeddings=True,
    )
    return GPT2LMHeadModel(config)


def small_random_model(arch: str, vocab_size: int, *, hidden: int = 64, layers: int = 2, heads: int = 4, max_positions: int = 1024, eos_token_id: int = 0, seed: int = 0):
    """A randomly initialised small causal LM of a real architecture: ``gpt2``, ``llama`` or ``qwen2``.

    Used by the tests (and the notebook) to exercise the real-model path with no download.
    """
    from transformers import AutoModelForCausalLM, GPT2Config, LlamaConfig, Qwen2Config

    torch.manual_seed(seed)
    if arch == "gpt2":
        config = GPT2Config(vocab_size=vocab_size, n_positions=max_positions, n_embd=hidden, n_layer=layers, n_head=heads,
                            bos_token_id=eos_token_id, eos_token_id=eos_token_id,
                            resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0)  # like the others: no dropout
    elif arch in ("llama", "qwen2"):
        cls = LlamaConfig if arch == "llama" else Qwen2Config
        config = cls(
            vocab_size=vocab_size,
            hidden_size=hidden,
            intermediate_size=2 * hidden,
            num_hidden_layers=layers,
            num_attention_heads=heads,
            num_key_value_heads=max(1, heads // 2),  # grouped-query attention, like the real ones
            max_position_embeddings=max_positions,
            tie_word_embeddings=False,
            bos_token_id=eos_token_id,
            eos_token_id=eos_token_id,
        )
    else:
        raise ValueError(f"small_random_model: unknown architecture {arch!r} (gpt2, llama, qwen2)")
    return AutoModelForCausalLM.from_config(config)


def count_parameters(module: nn.Module, trainable_only: bool = False) -> int:
    """Number of parameters (shared/tied tensors counted once)."""
    seen: set[int] = set()
    total = 0
    for p in module.parameters():
        if id(p) in seen or (trainable_only and not p.requires_grad):
            continue
        seen.add(id(p))
        total += p.numel()
    return total


def _base_model(model: nn.Module) -> nn.Module:
    """The transformers model under a peft wrapper (or the model itself)."""
    return model.get_base_model() if hasattr(model, "get_base_model") else model


def _cache_argument(model: nn.Module) -> str:
    """The forward argument that carries the KV cache: ``cache`` (transformers >= 5.x) or ``past_key_values``."""
    params = inspect.signature(_base_model(model).forward).parameters
    return "cache" if "cache" in params else "past_key_values"


def _keeps_logits(model: nn.Module) -> bool:
    """Whether the LM's forward takes ``logits_to_keep`` (its head on the last k positions only).
    A model without it computes every position's logits; callers slice, the numbers are the same."""
    return "logits_to_keep" in inspect.signature(_base_model(model).forward).parameters


def positions_from_mask(attention_mask: torch.Tensor) -> torch.Tensor:
    """Position ids that skip left padding: ``position[b, t] = (# real tokens in b up to t) - 1``.

    (B, T) -> (B, T). Pad positions get 0 (they are masked anyway). Critical for absolute
    position embeddings (GPT-2): without it a left-padded prompt starts at position > 0.
    """
    return (attention_mask.long().cumsum(-1) - 1).clamp(min=0)


def disable_dropout(model: nn.Module) -> None:
    """Set every dropout probability to 0 (critical for PPO: the ratio pi_new / pi_old must
    compare the same deterministic function, and sampling runs in eval mode)."""
    for module in model.modules():
        if isinstance(module, nn.Dropout):
            module.p = 0.0


class PolicyOutput(NamedTuple):
    logits: torch.Tensor  # (B, T, V): next-token logits at each position ((B, k, V) with logits_to_keep=k)
    values: torch.Tensor | None  # (B, T): value head on the hidden state at each position (None: no head)
    cache: Any  # the KV cache to continue from (None unless use_cache)
    hidden: torch.Tensor | None = None  # (B, T, H): the last hidden state, the LM head's input (when asked)


class PolicyWithValueHead(nn.Module):
    """A causal LM plus a scalar value head on its last hidden state (PPO's critic).

    ``value_head`` is ``nn.Linear(hidden, 1)`` initialised to zero, so at the start of RL
    every value is 0 and the critic learns from scratch without disturbing the policy.
    The head runs in float32 whatever the LM's dtype.

    =============  ===========  ===================================================
    forward arg    shape        meaning
    =============  ===========  ===================================================
    input_ids      (B, T)       token ids (left padding allowed)
    attention_mask (B, T)       1 on real tokens, 0 on padding
    position_ids   (B, T)       default :func:`positions_from_mask` (padding-aware)
    cache                       KV cache from a previous call (incremental decoding)
    logits_to_keep k            0: logits at every position; k > 0: at the last k only
                                (the LM head skips the rest: a 150k vocabulary makes
                                them the biggest tensors of a pass)
    =============  ===========  ===================================================

    Returns :class:`PolicyOutput` with ``logits (B, T, V)`` (``(B, k, V)`` with
    ``logits_to_keep``), ``values (B, T)`` where
    ``values[:, t]`` is the head read at position ``t`` (the value of the state *after*
    token t, i.e. before token t + 1; :func:`sequence_logprobs_and_values` shifts it).
    """

    def __init__(self, policy: nn.Module):
        super().__init__()
        self.policy = policy
        disable_dropout(policy)
        config = _base_model(policy).config
        hidden = config.get_text_config().hidden_size if hasattr(config, "get_text_config") else config.hidden_size
        self.value_head = nn.Linear(hidden, 1, dtype=torch.float32)
        nn.init.zeros_(self.value_head.weight)  # why zero: V = 0 at start, no random critic noise
        nn.init.zeros_(self.value_head.bias)
        self._cache_arg = _cache_argument(policy)
        self._keeps_logits = _keeps_logits(policy)

    @property
    def config(self):
        return _base_model(self.policy).config

    @property
    def generation_config(self):
        return getattr(_base_model(self.policy), "generation_config", None)

    @property
    def is_peft(self) -> bool:
        return hasattr(self.policy, "disable_adapter")

    def forward(self, input_ids, attention_mask=None, position_ids=None, cache=None, use_cache=False,
                logits_to_keep=0, hidden=False) -> PolicyOutput:
        return _forward(self.policy, self._cache_arg, input_ids, attention_mask, position_ids, cache, use_cache, self.value_head,
                        logits_to_keep if self._keeps_logits else 0, hidden)

    def head(self, hidden: torch.Tensor) -> torch.Tensor:
        """The LM head: last hidden states ``(..., H)`` -> logits ``(..., V)``."""
        return _base_model(self.policy).get_output_embeddings()(hidden)

    @contextlib.contextmanager
    def adapters_disabled(self) -> Iterator[None]:
        """Inside this block a LoRA policy computes with its base weights (the reference)."""
        if not self.is_peft:
            raise RuntimeError("adapters_disabled: this policy has no LoRA adapters")
        with self.policy.disable_adapter():
            yield

    def save_pretrained(self, path: str | Path) -> None:
        """``policy.save_pretrained(path)`` (safetensors) + ``value_head.safetensors`` beside it."""
        from safetensors.torch import save_file

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.policy.save_pretrained(path)
        state = {k: v.detach().contiguous().cpu() for k, v in self.value_head.state_dict().items()}
        save_file(state, str(path / VALUE_HEAD_FILE))

    def load_value_head(self, path: str | Path) -> bool:
        """Load ``value_head.safetensors`` from ``path`` when present; returns whether it was."""
        from safetensors.torch import load_file

        file = Path(path) / VALUE_HEAD_FILE
        if not file.exists():
            return False
        state = load_file(str(file))
        self.value_head.load_state_dict({k: v.to(self.value_head.weight.device) for k, v in state.items()})
        return True


def _forward(lm, cache_arg, input_ids, attention_mask, position_ids, cache, use_cache, value_head,
             logits_to_keep=0, hidden=False) -> PolicyOutput:
    if attention_mask is None:
        attention_mask = torch.ones_like(input_ids)
    if position_ids is None:
        position_ids = positions_from_mask(attention_mask)
    kwargs = {cache_arg: cache} if cache is not None else {}
    if logits_to_keep:
        kwargs["logits_to_keep"] = logits_to_keep  # the LM head on the last k positions only
    out = lm(
        input_ids=input_ids,
        attention_mask=attention_mask,
        position_ids=position_ids,
        use_cache=use_cache,
        output_hidden_states=value_head is not None or hidden,
        **kwargs,
    )
    last_hidden = out.hidden_states[-1] if value_head is not None or hidden else None  # (B, T, H): after the final norm
    values = value_head(last_hidden.float()).squeeze(-1) if value_head is not None else None  # (B, T)
    new_cache = getattr(out, "cache", None) if use_cache else None
    if use_cache and new_cache is None:
        new_cache = getattr(out, "past_key_values", None)
    return PolicyOutput(out.logits, values, new_cache, last_hidden if hidden else None)


class ReferenceModel(nn.Module):
    """The frozen reference policy pi_ref for the KL penalty (the SFT policy RL started from).

    * full fine-tuning: a deep copy of the LM, in eval mode, gradients off;
    * LoRA: *no copy*: the policy's own weights with the adapters disabled.

    Same call signature as :class:`PolicyWithValueHead`; ``values`` is always ``None``.
    """

    def __init__(self, policy: PolicyWithValueHead):
        super().__init__()
        self.shares_weights = policy.is_peft
        if self.shares_weights:
            self._policy = [policy]  # a list, so nn.Module does not register it as a submodule
            self._cache_arg = policy._cache_arg
        else:
            self.lm = copy.deepcopy(policy.policy).eval()
            self.lm.requires_grad_(False)
            self._cache_arg = _cache_argument(self.lm)
        self._keeps_logits = _keeps_logits(self._lm())

    def _lm(self) -> nn.Module:
        return self._policy[0].policy if self.shares_weights else self.lm

    @property
    def config(self):
        return _base_model(self._lm()).config

    @property
    def generation_config(self):
        return getattr(_base_model(self._lm()), "generation_config", None)

    def parameters(self, recurse: bool = True):
        # a LoRA reference owns no parameters; report the shared ones (device/dtype lookups)
        return self._lm().parameters(recurse) if self.shares_weights else super().parameters(recurse)

    @torch.no_grad()
    def forward(self, input_ids, attention_mask=None, position_ids=None, cache=None, use_cache=False,
                logits_to_keep=0, hidden=False) -> PolicyOutput:
        keep = logits_to_keep if self._keeps_logits else 0
        if self.shares_weights:
            policy = self._policy[0]
            with policy.adapters_disabled():
                return _forward(policy.policy, self._cache_arg, input_ids, attention_mask, position_ids, cache, use_cache,
                                None, keep, hidden)
        return _forward(self.lm, self._cache_arg, input_ids, attention_mask, position_ids, cache, use_cache, None, keep,
                        hidden)

    @torch.no_grad()
    def head(self, hidden: torch.Tensor) -> torch.Tensor:
        """The reference's LM head (adapters off, as in :meth:`forward`)."""
        if self.shares_weights:
            with self._policy[0].adapters_disabled():
                return self._policy[0].head(hidden)
        return _base_model(self.lm).get_output_embeddings()(hidden)


def sequence_logprobs_and_values(
    model: nn.Module,
    input_ids: torch.Tensor,
    attention_mask: torch.Tensor,
    response_mask: torch.Tensor | None = None,
    temperature: float = 1.0,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Per-token log-probs and values of given sequences, in one forward pass.

    ==============  =========  ============================================================
    argument        shape      meaning
    ==============  =========  ============================================================
    input_ids       (B, T)     prompt (left-padded) + response (right-padded)
    attention_mask  (B, T)     1 on real tokens
    response_mask   (B, T)     bool, True on generated tokens; ``None`` = every position
    temperature     scalar     logits are divided by it, as when sampling (0 means 1)
    ==============  =========  ============================================================

    Returns ``(logprobs, values)``, both ``(B, T)`` float32, aligned with ``input_ids``:

        logprobs[b, t] = log softmax(logits[b, t-1] / temperature)[x[b, t]]   (t >= 1)
        values[b, t]   = V(hidden[b, t-1])                                     (t >= 1)

    Positions outside ``response_mask`` (and position 0) hold 0.0; reduce them with the mask.
    ``values`` is ``None`` for a model without a value head (e.g. :class:`ReferenceModel`).

    The same computation as training's :func:`completion_logprobs_and_values` (it is that
    function with the completion starting at column 1, and no prompt sharing), laid out on
    every position of ``input_ids``.
    """
    # the completion path with the "completion" starting at column 1: every token but the first
    token_logprobs, values, _ = completion_logprobs_and_values(model, input_ids, attention_mask, 1, temperature,
                                                               share_prompts=False)  # (B, T-1) each
    logprobs = torch.nn.functional.pad(token_logprobs, (1, 0), value=0.0)  # (B, T): shift to token positions
    if values is not None:
        values = torch.nn.functional.pad(values, (1, 0), value=0.0)  # (B, T): V(x_<t)
    if response_mask is not None:
        response_mask = response_mask.bool()
        logprobs = logprobs.masked_fill(~response_mask, 0.0)
        if values is not None:
            values = values.masked_fill(~response_mask, 0.0)
    return logprobs, values


def distinct_rows(input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Group equal rows: ``(first, inverse)`` with ``first (U,)`` the index of one row of each
    distinct (ids, mask) pair and ``inverse (B,)`` the group of every row, so that
    ``input_ids[first][inverse] == input_ids``. ``U == B`` when no two rows are equal."""
    key = torch.cat([input_ids, attention_mask.to(input_ids.dtype)], dim=1)  # (B, 2T)
    _, inverse = torch.unique(key, dim=0, return_inverse=True)  # (B,) group ids 0..U-1
    U = int(inverse.max()) + 1
    rows = torch.arange(len(inverse), device=inverse.device)
    first = torch.full((U,), len(inverse), dtype=torch.long, device=inverse.device)
    first = first.scatter_reduce(0, inverse, rows, reduce="amin")  # (U,) lowest row of each group
    return first, inverse


def select_cache_rows(cache: Any, index: torch.Tensor) -> Any:
    """The KV cache with its batch rows taken (and repeated) by ``index (B,)``; differentiable.

    Works on the ``Cache`` objects of transformers (``batch_select_indices``, in place) and on
    the legacy tuple-of-(key, value) form. Returns ``None`` for a cache it does not know (the
    caller then runs the plain forward pass)."""
    if hasattr(cache, "batch_select_indices"):
        cache.batch_select_indices(index)
        return cache
    if isinstance(cache, tuple) and all(isinstance(layer, tuple) for layer in cache):
        return tuple(tuple(t[index] for t in layer) for layer in cache)
    return None


def prefill_distinct_prompts(model: nn.Module, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                             hidden: bool = False) -> tuple[PolicyOutput, torch.Tensor] | None:
    """The prompts' forward pass with each *distinct* prompt computed once (PPO samples G
    completions of every prompt), its KV cache repeated for every row that holds it.

    ==============  ========  ===========================================================
    argument        shape     meaning
    ==============  ========  ===========================================================
    input_ids       (B, P)    left-padded prompts, some rows equal
    attention_mask  (B, P)    1 on real tokens
    ==============  ========  ===========================================================

    Returns ``(out, inverse)``: ``out`` holds the last position's logits ``(B, 1, V)`` and
    value ``(B, 1)`` (or None) of every row and the cache with ``B`` rows, ``inverse (B,)``
    (``hidden``: the last position's hidden state ``(B, 1, H)`` too, and the LM head is run on
    that position only)
    the distinct prompt of each row. Returns None when no two prompts are equal or the cache
    is of a kind :func:`select_cache_rows` does not know: the caller then runs the plain pass.
    Same numbers as the plain pass up to float rounding, gradients included.
    """
    first, inverse = distinct_rows(input_ids, attention_mask)
    if len(first) == len(inverse):
        return None
    mask = attention_mask[first]  # (U, P)
    extra = dict(logits_to_keep=1, hidden=True) if hidden else {}
    out = model(input_ids[first], attention_mask=mask, position_ids=positions_from_mask(mask), use_cache=True, **extra)
    cache = select_cache_rows(out.cache, inverse) if out.cache is not None else None
    if cache is None:
        return None
    values = out.values[inverse, -1:] if out.values is not None else None  # (B, 1)
    last_hidden = out.hidden[inverse, -1:] if hidden else None  # (B, 1, H)
    return PolicyOutput(out.logits[inverse, -1:], values, cache, last_hidden), inverse  # logits (B, 1, V)


def completion_outputs(model: nn.Module, input_ids: torch.Tensor, attention_mask: torch.Tensor, prompt_width: int,
                       share_prompts: bool = True, hidden: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
    """The model's logits and values at the ``N`` positions that predict the completion tokens.

    ==============  ============  =========================================================
    argument        shape         meaning
    ==============  ============  =========================================================
    input_ids       (B, P+N)      prompt (left-padded) + completion (right-padded)
    attention_mask  (B, P+N)      1 on real tokens
    prompt_width    P             the completion starts at column P in every row
    ==============  ============  =========================================================

    Returns ``(logits (B, N, V), values (B, N) or None)``: column ``j`` is read at position
    ``P - 1 + j`` and predicts completion token ``j`` (values: V of the state before it).

    ``share_prompts``: PPO samples several completions of one prompt (G per problem). Their
    prompt columns are equal, so the prompt is computed once per *distinct* prompt, its KV
    cache is repeated for each of that prompt's rows, and only the completion columns are
    computed per row:

        pass 1   distinct prompts (U, P)  -> logits/values at P - 1, KV cache (U, ...)
        pass 2   completions (B, N), attending to the repeated cache (B, ...)

    Same numbers as one pass over ``(B, P+N)`` up to float rounding, gradients included
    (they flow through the repeated cache into the shared prompt pass), for ~``(P + N) / (P/G + N)``
    less compute when prompts are much longer than completions, as they are here.
    Falls back to the single pass when every prompt is distinct or the cache is of a kind
    :func:`select_cache_rows` does not know.

    ``hidden``: return the last hidden states ``(B, N, H)`` at those positions instead of the
    logits, and run the LM head on one position per pass (the caller applies it in pieces:
    :func:`chunked_token_logprobs`).
    """
    P = prompt_width
    extra = dict(logits_to_keep=1, hidden=True) if hidden else {}
    shared = prefill_distinct_prompts(model, input_ids[:, :P], attention_mask[:, :P], hidden) if share_prompts else None
    if shared is not None:
        prompt_out, _ = shared
        # positions continue each row's own count of real tokens (left padding skipped)
        positions = positions_from_mask(attention_mask)[:, P:]  # (B, N)
        rest = model(input_ids[:, P:], attention_mask=attention_mask, position_ids=positions, cache=prompt_out.cache,
                     use_cache=True, **extra)
        # column j predicts completion token j: the prompt's last position, then completion positions 0..N-2
        if hidden:
            outputs = torch.cat([prompt_out.hidden, rest.hidden[:, :-1]], dim=1)  # (B, N, H)
        else:
            outputs = torch.cat([prompt_out.logits, rest.logits[:, :-1]], dim=1)  # (B, N, V)
        values = None
        if prompt_out.values is not None:
            values = torch.cat([prompt_out.values, rest.values[:, :-1]], dim=1)  # (B, N)
        return outputs, values
    out = model(input_ids, attention_mask=attention_mask, **extra)
    # columns P-1 .. T-2 predict the completion tokens: (B, N, H) hidden states or (B, N, V) logits
    outputs = out.hidden[:, P - 1 : -1] if hidden else out.logits[:, P - 1 : -1]
    values = out.values[:, P - 1 : -1] if out.values is not None else None  # (B, N)
    return outputs, values


def completion_logprobs_and_values(model: nn.Module, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                                   prompt_width: int, temperature: float = 1.0, with_entropy: bool = False,
                                   share_prompts: bool = True, logit_chunk: int = 0, entropy_grad: bool = True):
    """Log-probs, values (and entropies) of the completion tokens: the log-prob path of training
    (the reference's log-probs and every PPO forward pass).

    Same quantities as :func:`sequence_logprobs_and_values` (which is this function with the
    completion starting at column 1), but the logits are only materialised for the ``N``
    completion columns (a vocabulary of 150k makes prompt logits the biggest tensor of the
    update otherwise), and with ``share_prompts`` each distinct prompt is computed once for all
    its rows (:func:`completion_outputs`).

    ==============  ============  =========================================================
    argument        shape         meaning
    ==============  ============  =========================================================
    input_ids       (b, P+N)      prompt (left-padded) + completion (right-padded)
    attention_mask  (b, P+N)      1 on real tokens
    prompt_width    P             the completion starts at column P in every row
    temperature     scalar        logits are divided by it, as when sampling (0 means 1)
    ==============  ============  =========================================================

    ``logit_chunk`` > 0: the float32 ``(b, N, V)`` logits never exist at once. The LM head
    runs on ``logit_chunk`` completion tokens at a time (:func:`chunked_token_logprobs`) and
    is run again piece by piece in the backward pass, so the logits' memory is that of one
    piece. Same numbers up to float rounding, for one more pass of the LM head in the
    backward; 0 (the tiny preset) keeps the single pass.

    ``entropy_grad=False``: the entropy is computed without a graph (it is only logged when
    the loss has no entropy term, ``ppo.ent_coef = 0``), which spares the memory its
    backward would keep: two more ``(b, N, V)`` tensors.

    Returns ``(logprobs, values, entropy)``, each ``(b, N)`` float32 (``values`` None for a
    model without a value head, ``entropy`` None unless asked). Padding columns hold finite
    junk: reduce them with the response mask.
    """
    tau = temperature if temperature and temperature > 0 else 1.0
    if logit_chunk:
        if getattr(model.config, "final_logit_softcapping", None):  # e.g. Gemma 2: logits != head(hidden)
            raise ValueError("logit_chunk needs logits = LM head(last hidden state), and this model caps its logits "
                             "(final_logit_softcapping); set logit_chunk=0")
        hidden, values = completion_outputs(model, input_ids, attention_mask, prompt_width, share_prompts=share_prompts,
                                            hidden=True)  # (b, N, H)
        logprobs, entropy = chunked_token_logprobs(model.head, hidden, input_ids[:, prompt_width:], tau, logit_chunk,
                                                   with_entropy, entropy_grad)
        return logprobs, values.float() if values is not None else None, entropy
    logits, values = completion_outputs(model, input_ids, attention_mask, prompt_width, share_prompts=share_prompts)
    logits = logits.float() / tau  # (b, N, V)
    tokens = input_ids[:, prompt_width:].unsqueeze(-1)  # (b, N, 1)
    # log pi(x_t | x_<t) = z[x_t] - logsumexp(z): gather first, never materialise log_softmax
    logprobs = logits.gather(-1, tokens).squeeze(-1) - torch.logsumexp(logits, dim=-1)  # (b, N)
    values = values.float() if values is not None else None  # (b, N): V(x_<t), read at t - 1
    entropy = None
    if with_entropy:
        with torch.set_grad_enabled(torch.is_grad_enabled() and entropy_grad):
            entropy = entropy_from_logits(logits)  # (b, N)
    return logprobs, values, entropy


def chunked_token_logprobs(head: Callable[[torch.Tensor], torch.Tensor], hidden: torch.Tensor, tokens: torch.Tensor,
                           temperature: float, chunk: int, with_entropy: bool = False, entropy_grad: bool = True
                           ) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Log-probs (and entropies) of ``tokens`` from the last hidden states, ``chunk`` tokens at a time.

    ==============  ==========  =======================================================
    argument        shape       meaning
    ==============  ==========  =======================================================
    head                        the LM head: ``(c, H)`` -> ``(c, V)`` logits
    hidden          (b, N, H)   last hidden state at the position before each token
    tokens          (b, N)      the tokens whose log-probs are wanted
    ==============  ==========  =======================================================

    The ``b * N`` tokens are cut into pieces of ``chunk``. Each piece runs
    head -> float32 / temperature -> ``z[x] - logsumexp(z)`` (and the entropy) under
    ``torch.utils.checkpoint`` when gradients are on, so the backward pass recomputes the
    piece's ``(chunk, V)`` logits instead of keeping them: the peak holds one piece, not
    ``b * N * V`` floats (1.2 GB per copy for 4 x 512 tokens of a 152k vocabulary;
    ``entropy_grad``: as in :func:`completion_logprobs_and_values`). Returns
    ``(logprobs (b, N), entropy (b, N) or None)``, float32.
    """
    from torch.utils.checkpoint import checkpoint

    b, N, H = hidden.shape
    flat_hidden, flat_tokens = hidden.reshape(b * N, H), tokens.reshape(b * N)

    def piece(h: torch.Tensor, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        z = head(h).float() / temperature  # (c, V)
        logprobs = z.gather(-1, x[:, None]).squeeze(-1) - torch.logsumexp(z, dim=-1)  # (c,)
        entropy = logprobs.new_zeros(0)
        if with_entropy:
            with torch.set_grad_enabled(torch.is_grad_enabled() and entropy_grad):
                entropy = entropy_from_logits(z)  # (c,)
        return logprobs, entropy

    pieces = []
    for start in range(0, b * N, chunk):
        h, x = flat_hidden[start : start + chunk], flat_tokens[start : start + chunk]
        # no graph to keep (the reference, torch.no_grad): the plain call
        pieces.append(checkpoint(piece, h, x, use_reentrant=False) if torch.is_grad_enabled() else piece(h, x))
    logprobs = torch.cat([lp for lp, _ in pieces]).reshape(b, N)
    entropy = torch.cat([e for _, e in pieces]).reshape(b, N) if with_entropy else None
    return logprobs, entropy


def trim_columns(input_ids: torch.Tensor, attention_mask: torch.Tensor, response_mask: torch.Tensor,
                 prompt_width: int) -> tuple[torch.Tensor, torch.Tensor, int, int]:
    """Drop columns that are padding in every row of a (mini)batch: left prompt padding and
    right completion padding. Positions come from the attention mask, so nothing changes but
    the cost. ``response_mask`` is ``(b, N)``, completion columns only. Returns
    ``(input_ids, attention_mask, new_prompt_width, n_completion_columns)``."""
    first_real = int(attention_mask.any(dim=0).nonzero()[0])  # leftmost column any row uses
    first_real = min(first_real, prompt_width - 1)  # keep the column that predicts the first token
    n = int(response_mask.sum(dim=1).max())  # longest completion in these rows
    end = prompt_width + n
    return input_ids[:, first_real:end], attention_mask[:, first_real:end], prompt_width - first_real, n


# =========================================================================== loading


_HUB_ID = re.compile(r"^(?:[A-Za-z0-9][\w.-]*/)?[A-Za-z0-9][\w.-]*$")
"""What a Hugging Face model id can look like: ``name`` or ``namespace/name``."""


def resolve_model_path(name_or_path: str) -> str:
    """``"tiny"`` -> the shipped ``data/model``; a local folder or an HF id unchanged.

    Checked before anything loads: a name that can only be a path (``/x``, ``./x``, ``a/b/c``)
    must be a folder holding a model (``config.json``, or ``adapter_config.json`` for LoRA),
    else :class:`~stepcoder_lite.errors.InputError` says so; without this check, Hugging Face
    reads a missing path as a malformed repository id."""
    if name_or_path == "tiny":
        if not (TINY_MODEL_DIR / "config.json").exists():
            raise MissingInputError(
                f"the shipped tiny model is missing: {TINY_MODEL_DIR}/config.json; "
                "train it with `python -m stepcoder_lite sft --preset tiny`"
            )
        return str(TINY_MODEL_DIR)
    path = Path(name_or_path).expanduser()
    if not path.exists():
        if _HUB_ID.match(name_or_path):
            return name_or_path  # a Hugging Face id (or a missing one-level path: from_pretrained says which)
        raise MissingInputError(f"model {name_or_path!r}: no such folder, and not a Hugging Face model id (namespace/name)")
    if not path.is_dir():
        raise InputError(f"model {name_or_path!r}: is a file, expected a model folder")
    if not ((path / "config.json").exists() or (path / "adapter_config.json").exists()):
        raise InputError(f"model {name_or_path!r}: the folder holds no model (no config.json or adapter_config.json); "
                         f"expected a folder saved by `sft` or `train` (its model/), or a Hugging Face id")
    return str(path)


def resolve_dtype(dtype: str, device: str) -> torch.dtype:
    """``auto`` -> bfloat16 on a CUDA device with bf16 support, else float32."""
    table = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}
    if dtype == "auto":
        if device.startswith("cuda") and torch.cuda.is_available() and torch.cuda.is_bf16_supported():
            return torch.bfloat16
        return torch.float32
    if dtype not in table:
        raise ValueError(f"unknown dtype {dtype!r}; choose auto, float32, bfloat16 or float16")
    return table[dtype]


def resolve_device(device: str) -> str:
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return device


def load_tokenizer(name_or_path: str, trust_remote_code: bool = False):
    """The tokenizer for a model (fast, with a pad token; left padding for generation)."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(resolve_model_path(name_or_path), trust_remote_code=trust_remote_code)
    if not getattr(tok, "is_fast", False):
        raise ValueError(f"{name_or_path}: a fast tokenizer is required (character offsets for FGO)")
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    tok.padding_side = "left"
    return tok


def wants_chat_template(config: ModelConfig, tokenizer) -> bool:
    """Whether prompts go through the tokenizer's chat template (see ``ModelConfig.chat_template``)."""
    if config.chat_template == "on":
        if not getattr(tokenizer, "chat_template", None):
            raise ValueError(f"{config.name_or_path}: chat_template='on' but the tokenizer has no chat template")
        return True
    if config.chat_template == "off":
        return False
    if config.chat_template != "auto":
        raise ValueError(f"chat_template must be auto, on or off; got {config.chat_template!r}")
    name = config.name_or_path.lower()
    return bool(getattr(tokenizer, "chat_template", None)) and ("instruct" in name or "chat" in name)


def wrap_with_lora(lm: nn.Module, config: ModelConfig) -> nn.Module:
    """Add trainable LoRA adapters (peft); the base weights are frozen."""
    from peft import LoraConfig, get_peft_model

    lora = LoraConfig(
        r=config.lora_r,
        lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout,
        target_modules=config.lora_target_modules,
        task_type="CAUSAL_LM",
    )
    return get_peft_model(lm, lora)


def load_policy(config: ModelConfig | str = "tiny", **overrides) -> tuple[PolicyWithValueHead, Any]:
    """Load ``(policy with value head, tokenizer)`` from the shipped tiny model, a path or an HF id.

    ``config`` may be a :class:`ModelConfig` or just a name/path; keyword ``overrides`` replace
    its fields (e.g. ``load_policy("Qwen/...", lora=True)``). A directory saved by
    :meth:`PolicyWithValueHead.save_pretrained` restores its value head; a LoRA adapter
    directory (``adapter_config.json``) is loaded onto its base model.
    """
    from transformers import AutoModelForCausalLM

    if isinstance(config, str):
        config = ModelConfig(name_or_path=config)
    if overrides:
        config = ModelConfig(**{**asdict(config), **overrides})
    device = resolve_device(config.device)
    dtype = resolve_dtype(config.dtype, device)
    path = resolve_model_path(config.name_or_path)
    dtype_kw = "dtype" if int(__import__("transformers").__version__.split(".")[0]) >= 5 else "torch_dtype"
    adapter_cfg = Path(path) / "adapter_config.json"
    try:  # a hub id that is not there, a config.json transformers cannot read: the user's input, said in one line
        if adapter_cfg.exists():  # a saved LoRA policy: base model + adapters
            from peft import PeftModel

            base_id = json.loads(adapter_cfg.read_text())["base_model_name_or_path"]
            base = AutoModelForCausalLM.from_pretrained(base_id, trust_remote_code=config.trust_remote_code, **{dtype_kw: dtype})
            lm = PeftModel.from_pretrained(base, path, is_trainable=True)
            tokenizer = load_tokenizer(path if (Path(path) / "tokenizer_config.json").exists() else base_id, config.trust_remote_code)
        else:
            lm = AutoModelForCausalLM.from_pretrained(path, trust_remote_code=config.trust_remote_code, **{dtype_kw: dtype})
            tokenizer = load_tokenizer(path, config.trust_remote_code)
    except (OSError, ValueError) as e:
        raise InputError(f"model {config.name_or_path!r} cannot be loaded: {one_line(e)}") from e
    if config.lora and not adapter_cfg.exists():
        lm = wrap_with_lora(lm, config)
    if config.gradient_checkpointing:
        _base_model(lm).gradient_checkpointing_enable()
    policy = PolicyWithValueHead(lm)
    if Path(path).is_dir():
        policy.load_value_head(path)
    return policy.to(device), tokenizer


def save_policy(policy: PolicyWithValueHead, tokenizer, path: str | Path, extra: dict[str, Any] | None = None) -> None:
    """Save policy (safetensors), value head and tokenizer to ``path`` (+ ``extra`` as ``run.json``)."""
    path = Path(path)
    policy.save_pretrained(path)
    tokenizer.save_pretrained(path)
    if extra is not None:
        (path / "run.json").write_text(json.dumps(extra, indent=2, default=str) + "\n")
