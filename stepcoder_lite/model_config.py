"""Which policy to load and how: the model's config, its presets, and a rough memory estimate.

A leaf (dataclasses only): :mod:`stepcoder_lite.config` builds ``TrainConfig.model`` from it
without importing the model code (torch, transformers). :mod:`stepcoder_lite.model` reads it
and re-exports every name here (``model.ModelConfig``, ``model.model_preset``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any


@dataclass
class ModelConfig:
    """Which policy to load and how. Presets: :func:`model_preset` (``tiny``, ``colab``, ``gpu``)."""

    name_or_path: str = "tiny"
    """``"tiny"`` (the shipped ``data/model/``), a local directory, or a Hugging Face model id."""
    dtype: str = "auto"
    """``auto`` (bfloat16 on a GPU that has it, else float32), ``float32``, ``bfloat16``, ``float16``."""
    device: str = "auto"
    """``auto`` (cuda when available, else cpu), or any torch device string."""
    lora: bool = False
    """Train LoRA adapters (peft) instead of all weights; the reference is then the same
    weights with the adapters disabled, so it costs no extra memory."""
    lora_r: int = 16
    """LoRA rank."""
    lora_alpha: int = 32
    """LoRA scaling numerator (the update is scaled by ``lora_alpha / lora_r``)."""
    lora_dropout: float = 0.05
    """Dropout on the LoRA branch."""
    lora_target_modules: str | list[str] = "all-linear"
    """Modules that get adapters: peft's ``"all-linear"`` or a list of module names."""
    chat_template: str = "auto"
    """``auto`` (use the tokenizer's chat template when it has one and the name says
    ``instruct``/``chat``), ``on`` or ``off``."""
    gradient_checkpointing: bool = False
    """Recompute activations in the backward pass: less memory, ~30% slower (big models)."""
    trust_remote_code: bool = False
    """Passed to ``from_pretrained``; only for model ids whose code you trust."""


def model_preset(name: str) -> ModelConfig:
    """The named model preset.

    ``tiny``
        The shipped 3-5M-parameter GPT-2 in ``data/model/``, float32 on CPU.
    ``colab``
        A free Colab T4 (16 GB, no bfloat16): ``Qwen/Qwen2.5-Coder-1.5B-Instruct`` in float16
        with LoRA (r=16, all linear layers; peft keeps the adapters in float32) and gradient
        checkpointing. Memory estimate (:func:`estimate_training_memory_gb`, PPO micro-batch
        4 x 768 tokens, sampling 16 x 1024, the train preset's ``logit_chunk=256``): weights
        3.1 GB + LoRA adapters with grads and Adam state 0.3 GB + KV cache 0.5 GB +
        checkpointed activations 0.3 GB + float32 logits of one 256-token piece over the 152k
        vocabulary 0.6 GB ~= 4.7 GB (7.8 GB with the whole micro-batch's logits at once), plus
        the CUDA context and allocator overhead: fits a T4's 15 GB. Estimated, not measured on
        a GPU. The reference model is the same weights with adapters off (no copy).
        ``Qwen/Qwen2.5-Coder-0.5B-Instruct``: ~2.0 GB (weights 1.0 GB), ~2.5x faster.
    ``gpu``
        An A100/H100-class GPU: ``Qwen/Qwen2.5-Coder-1.5B-Instruct``, bfloat16, full
        fine-tuning (frozen bfloat16 reference copy).
    """
    if name == "tiny":
        return ModelConfig()
    if name == "colab":
        return ModelConfig(
            name_or_path="Qwen/Qwen2.5-Coder-1.5B-Instruct",
            dtype="float16",
            lora=True,
            gradient_checkpointing=True,
        )
    if name == "gpu":
        return ModelConfig(name_or_path="Qwen/Qwen2.5-Coder-1.5B-Instruct", dtype="bfloat16")
    raise ValueError(f"unknown model preset {name!r}; choose tiny, colab or gpu")


def config_to_text(config: Any, indent: str = "") -> str:
    """A dataclass config printed in full, one ``field = value`` per line (start of every run);
    a nested config (``TrainConfig.ppo``) is printed the same way, indented under its field."""
    width = max(len(f.name) for f in fields(config))
    lines = [f"{type(config).__name__}("]
    for f in fields(config):
        value = getattr(config, f.name)
        text = config_to_text(value, indent + "  ") if is_dataclass(value) else repr(value)
        lines.append(f"{indent}  {f.name:<{width}} = {text}")
    return "\n".join(lines + [f"{indent})"])


def estimate_training_memory_gb(
    n_params: float,
    n_layers: int,
    hidden: int,
    vocab: int,
    kv_dim: int,
    *,
    weight_bytes: int = 2,
    trainable_params: float = 0.0,
    trainable_bytes: float = 16,
    reference_copy: bool = False,
    micro_batch: int = 4,
    seq_len: int = 768,
    sample_batch: int = 16,
    sample_len: int = 1024,
    checkpointing: bool = True,
    logit_chunk: int = 0,
) -> dict[str, float]:
    """Rough GPU memory (GB) of PPO with a value head, for sizing a preset.

    ================  ===================================================================
    term              formula
    ================  ===================================================================
    weights           ``n_params * weight_bytes``
    reference         ``n_params * weight_bytes`` with ``reference_copy`` (full fine-tuning
                      keeps a frozen copy; LoRA's reference is the same weights), else 0
    trainable         ``trainable_params * trainable_bytes``: 16 for float32 LoRA adapters
                      (peft keeps them in float32: weight + grad + Adam m, v); for full
                      fine-tuning in the weights' own dtype, ``3 * weight_bytes`` (grad + m +
                      v; the weight is already counted)
    kv_cache          ``2 * n_layers * kv_dim * sample_batch * sample_len * weight_bytes``
    activations       ``n_layers * micro_batch * seq_len * hidden * weight_bytes`` with
                      checkpointing (x ~16 without)
    logits            ``micro_batch * seq_len * vocab * 4 * 2`` (float32 logits + log-softmax);
                      with ``logit_chunk`` (``TrainConfig.logit_chunk``): one piece,
                      ``min(logit_chunk, micro_batch * seq_len) * vocab * 4 * 4``
    ================  ===================================================================

    The chunked logits term counts 4 float32 copies of a piece: one micro-batch's pass on CPU
    (``benchmarks/logit_memory.py``, colab shape, 2 layers of the real width, live memory)
    grew by 3.8 copies per token of piece between ``logit_chunk`` 256 and 1024.
    """
    gb = 1e9
    act_factor = 1 if checkpointing else 16
    terms = {
        "weights": n_params * weight_bytes / gb,
        "reference": n_params * weight_bytes / gb if reference_copy else 0.0,
        "trainable": trainable_params * trainable_bytes / gb,
        "kv_cache": 2 * n_layers * kv_dim * sample_batch * sample_len * weight_bytes / gb,
        "activations": act_factor * n_layers * micro_batch * seq_len * hidden * weight_bytes / gb,
        "logits": (min(logit_chunk, micro_batch * seq_len) * vocab * 4 * 4 if logit_chunk
                   else micro_batch * seq_len * vocab * 4 * 2) / gb,
    }
    terms["total"] = sum(terms.values())
    return {k: round(v, 2) for k, v in terms.items()}
