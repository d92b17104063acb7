"""Per-token arithmetic that the policy model, PPO and the metrics share: masked reductions
over ``(B, T)`` tensors and the entropy of a categorical from its logits.

A leaf module (torch only), so that :mod:`stepcoder_lite.model` can compute entropies and
:mod:`stepcoder_lite.metrics` can reduce over masks without importing the PPO update.
:mod:`stepcoder_lite.ppo` re-exports every name here (``ppo.masked_mean`` etc.).

Named boolean masks, never fill values: a reduction picks the True positions of its mask and
says what it divides by.
"""

from __future__ import annotations

import torch


# --------------------------------------------------------------------------- masked reductions


def masked_sum(x: torch.Tensor, mask: torch.Tensor, dim: int | None = None) -> torch.Tensor:
    """Sum of ``x`` over positions where ``mask`` is True (``torch.where``, so a non-finite
    value at a masked-out position does not leak into the forward value)."""
    zeros = torch.zeros((), dtype=x.dtype, device=x.device)
    picked = torch.where(mask, x, zeros)
    return picked.sum() if dim is None else picked.sum(dim)


def masked_mean(x: torch.Tensor, mask: torch.Tensor, dim: int | None = None) -> torch.Tensor:
    """Mean of ``x`` over True positions of ``mask``.

    Divides by the number of True positions (over everything, or along ``dim``). Where a mask
    has no True position at all (e.g. FGO masked a whole minibatch of syntax errors) the mean
    is 0 and so is its gradient: nothing to learn from, rather than NaN.
    """
    if mask.dtype != torch.bool:
        raise TypeError(f"masked_mean: mask must be a bool tensor, got {mask.dtype}")
    count = mask.sum() if dim is None else mask.sum(dim)
    return masked_sum(x, mask, dim) / count.clamp(min=1).to(x.dtype)


def masked_var(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Population variance of ``x`` over True positions: divides by the number of True positions."""
    mean = masked_mean(x, mask)
    return masked_mean((x - mean) ** 2, mask)


# --------------------------------------------------------------------------- entropy


def entropy_from_logits(logits: torch.Tensor) -> torch.Tensor:
    """Entropy of the categorical over the vocabulary at each position.

        H = logsumexp(z) - sum_v softmax(z)_v * z_v

    | arg    | shape     | meaning                                  |
    |--------|-----------|------------------------------------------|
    | logits | (b, T, V) | the policy's logits at completion tokens |
    | return | (b, T)    | H_t in nats                              |
    """
    probs = torch.softmax(logits, dim=-1)  # (b, T, V)
    return torch.logsumexp(logits, dim=-1) - (probs * logits).sum(dim=-1)  # (b, T)
