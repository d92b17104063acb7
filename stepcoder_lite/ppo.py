"""PPO for a code LM on unit-test rewards, as pure functions over tensors.

Read top to bottom, this file is the whole PPO update StepCoder uses (Dou et al. 2024, after
Ziegler et al. 2019 / Ouyang et al. 2022 and MOSS-RLHF): no model code (the update takes the
policy's forward pass as a function). The trainer samples completions, runs them, and calls
these functions in this order:

    1. ``kl_per_token``        KL(policy || reference) estimate at every completion token
    2. ``kl_shaped_rewards``   r_t = -beta * kl_t, plus the test reward R on the last token
    3. ``gae``                 advantages A_t and returns G_t = A_t + V_t (critic)
       ``group_advantages``    ... or GRPO-style: A = (R - mean_group) / (std_group + eps)
       (GRPO keeps the KL out of A and adds ``kl_loss`` to the loss instead)
    4. ``whiten``              normalise advantages over valid tokens
    5. ``minibatches``         epochs x shuffled minibatch indices
    6. ``policy_loss`` / ``value_loss`` / ``entropy_from_logits``  -> ``ppo_loss`` of a ``Minibatch``
       (``entropy_from_logits`` and the ``masked_*`` reductions: :mod:`stepcoder_lite.tensor_ops`)
    7. ``ppo_update``          epochs x minibatches of ``ppo_loss``, one optimizer step each
    8. ``rollout_metrics``     the logged metric set (``METRICS``; in :mod:`stepcoder_lite.metrics`)

Every tensor here covers *completion tokens only* (the prompt and any CCCS given prefix are
not actions), right-padded to a common length T:

| symbol            | shape    | dtype | meaning                                                       |
|-------------------|----------|-------|---------------------------------------------------------------|
| B                 |          |       | completions in the batch (G per problem for GRPO, contiguous)  |
| T                 |          |       | longest completion, in tokens                                  |
| ``logprobs``      | (B, T)   | float | log pi_old(a_t | s_t) of the sampled token, policy at rollout   |
| ``ref_logprobs``  | (B, T)   | float | log pi_ref(a_t | s_t), the frozen reference (SFT) policy        |
| ``values``        | (B, T)   | float | V(s_t): critic's value of the state *before* token t           |
| ``scores``        | (B,)     | float | R: the unit-test reward of each completion (+1/-0.3/-0.6/-1)   |
| ``response_mask`` | (B, T)   | bool  | True on real completion tokens, False on right padding         |
| ``executed_mask`` | (B, T)   | bool  | FGO: True on tokens of code the tests executed (None: FGO off) |

Named boolean masks, never fill values: padded positions may hold anything finite and are
excluded by the mask of every reduction. Each reduction says what it divides by.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Literal, NamedTuple

import torch

# masked_sum / masked_mean / masked_var and entropy_from_logits live in tensor_ops (the model
# computes entropies too); the logged metric set lives in metrics. Both re-exported here.
from stepcoder_lite.metrics import PPO_METRICS as METRICS  # noqa: F401 (ppo.METRICS: notebooks)
from stepcoder_lite.metrics import explained_variance, mean_stats, rollout_metrics  # noqa: F401
from stepcoder_lite.tensor_ops import entropy_from_logits, masked_mean, masked_sum, masked_var  # noqa: F401

KLEstimator = Literal["k1", "k3"]
AdvantageEstimator = Literal["gae", "grpo"]


# --------------------------------------------------------------------------- config


@dataclass
class PPOConfig:
    """Every PPO knob, with the defaults StepCoder reports or most likely used (DESIGN.md).

    Paper: KL beta 0.05. MOSS-RLHF defaults (the authors' later code base): clip 0.2, value
    clip 0.2, gamma 1.0, GAE lambda 0.95.
    """

    clip_eps: float = 0.2
    """Policy ratio clip epsilon: the objective ignores ratios outside [1 - eps, 1 + eps]."""

    value_clip_eps: float | None = 0.2
    """Value clip: new values may move at most this far from the rollout's values before the
    clipped loss takes over. ``None`` = plain (unclipped) squared error."""

    gamma: float = 1.0
    """Discount per token. 1.0: a completion is a short episode, the test reward is not discounted."""

    lam: float = 0.95
    """GAE lambda: 0 = one-step TD advantages (low variance, biased by the critic), 1 = Monte Carlo."""

    kl_coef: float = 0.05
    """beta, the KL penalty per token in the reward (StepCoder: 0.05). Initial value if adaptive."""

    kl_estimator: KLEstimator = "k1"
    """Per-token KL estimate in the reward: ``k1`` = log p - log p_ref (unbiased, can be < 0),
    ``k3`` = (r - 1) - log r with r = p_ref / p (unbiased, always >= 0, far less noisy while
    the policy stays near the reference)."""

    adaptive_kl: bool = False
    """Adapt beta toward ``kl_target`` with the Ziegler et al. (2019) proportional controller."""

    kl_target: float = 6.0
    """Adaptive KL: the KL per completion (nats, summed over its tokens) to steer toward."""

    kl_horizon: int = 10_000
    """Adaptive KL: the controller's time constant, in completions (larger = slower)."""

    advantage_estimator: AdvantageEstimator = "gae"
    """``gae``: critic + GAE over KL-shaped rewards. ``grpo``: no critic, group-normalised test
    rewards (needs ``group_size`` completions per problem, contiguous in the batch)."""

    group_size: int = 16
    """GRPO: completions per problem (StepCoder samples 16 rollouts per problem)."""

    grpo_kl_loss: bool = True
    """GRPO: add beta * k3 KL(pi || pi_ref) of the *current* policy to the loss, as DeepSeekMath's
    GRPO does (``kl_loss``), so the critic-free estimator also stays near the reference. GAE
    carries the KL in its shaped rewards instead. False: GRPO without any KL term."""

    whiten_advantages: bool = True
    """Normalise GAE advantages to mean 0, std 1 over valid tokens of the whole batch."""

    epochs: int = 4
    """Passes over the rollout batch per PPO iteration."""

    minibatch_size: int = 8
    """Completions per gradient step (the last minibatch of an epoch may be smaller)."""

    vf_coef: float = 0.1
    """Weight of the value loss in the total loss. Small because the value head shares the
    policy's trunk here (the paper trains a separate critic at its own learning rate)."""

    ent_coef: float = 0.0
    """Weight of the entropy bonus (subtracted from the loss). 0: off, as in RLHF practice."""

    fgo_mask_value_loss: bool = False
    """FGO: also mask unexecuted tokens out of the value loss. The paper masks the policy loss
    and does not say; off by default (the critic still learns values at every token)."""

    max_grad_norm: float | None = 1.0
    """Gradient norm clip, applied by the trainer. ``None`` = no clipping."""

    def __post_init__(self) -> None:
        def bad(field: str, why: str) -> ValueError:
            return ValueError(f"PPOConfig.{field}={getattr(self, field)!r}: {why}")

        if not self.clip_eps > 0:
            raise bad("clip_eps", "must be > 0")
        if self.value_clip_eps is not None and not self.value_clip_eps > 0:
            raise bad("value_clip_eps", "must be > 0 or None")
        if not 0.0 <= self.gamma <= 1.0:
            raise bad("gamma", "must be in [0, 1]")
        if not 0.0 <= self.lam <= 1.0:
            raise bad("lam", "must be in [0, 1]")
        if self.kl_coef < 0:
            raise bad("kl_coef", "must be >= 0")
        if self.kl_estimator not in ("k1", "k3"):
            raise bad("kl_estimator", "must be 'k1' or 'k3'")
        if self.adaptive_kl and not (self.kl_target > 0 and self.kl_horizon > 0):
            raise ValueError("PPOConfig: adaptive_kl needs kl_target > 0 and kl_horizon > 0")
        if self.advantage_estimator not in ("gae", "grpo"):
            raise bad("advantage_estimator", "must be 'gae' or 'grpo'")
        if self.advantage_estimator == "grpo" and self.group_size < 2:
            raise bad("group_size", "GRPO needs at least 2 completions per problem")
        if self.epochs < 1:
            raise bad("epochs", "must be >= 1")
        if self.minibatch_size < 1:
            raise bad("minibatch_size", "must be >= 1")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# --------------------------------------------------------------------------- whitening


def whiten(x: torch.Tensor, mask: torch.Tensor, eps: float = 1e-8,
           all_reduce: Callable[[torch.Tensor], torch.Tensor] | None = None) -> torch.Tensor:
    """Normalise ``x`` to mean 0 and std 1 over the True positions of ``mask`` (one mean and
    one variance over the whole batch, population variance). Masked-out positions are
    returned untouched.

    ``all_reduce`` (data-parallel training: a sum over processes) makes the mean and variance
    those of every process's batch together: two tiny all-reduces, of (sum, count) and then of
    the sum of squared deviations from the global mean.

    | arg    | shape  | meaning                        |
    |--------|--------|--------------------------------|
    | x      | (B, T) | e.g. GAE advantages            |
    | mask   | (B, T) | bool, positions that take part |
    | return | (B, T) | whitened where mask, else x    |
    """
    if all_reduce is None:
        mean, var = masked_mean(x, mask), masked_var(x, mask)
    else:
        # mu = sum_ranks sum x / sum_ranks n;  sigma^2 = sum_ranks sum (x - mu)^2 / sum_ranks n
        total, count = all_reduce(torch.stack([masked_sum(x, mask), mask.sum().to(x.dtype)]))
        count = count.clamp(min=1)
        mean = total / count
        var = all_reduce(masked_sum((x - mean) ** 2, mask)) / count
    # x_hat = (x - mu) / sqrt(sigma^2 + eps)
    whitened = (x - mean) * torch.rsqrt(var + eps)
    return torch.where(mask, whitened, x)


def _check_response_mask(response_mask: torch.Tensor, where: str) -> None:
    """A response mask is bool, right-padded (True... then False...), at least one True per row."""
    if response_mask.dtype != torch.bool or response_mask.dim() != 2:
        raise TypeError(f"{where}: response_mask must be a (B, T) bool tensor, got {response_mask.dtype} {tuple(response_mask.shape)}")
    lengths = response_mask.sum(dim=1)  # (B,)
    empty = (lengths == 0).nonzero().flatten().tolist()
    if empty:
        raise ValueError(f"{where}: completion rows {empty} have no valid token (response_mask all False)")
    positions = torch.arange(response_mask.shape[1], device=response_mask.device)  # (T,)
    right_padded = positions[None, :] < lengths[:, None]  # (B, T)
    bad = (right_padded != response_mask).any(dim=1).nonzero().flatten().tolist()
    if bad:
        raise ValueError(f"{where}: response_mask rows {bad} are not right-padded (True then only False)")


# --------------------------------------------------------------------------- 1-2. KL-shaped rewards


def kl_per_token(
    logprobs: torch.Tensor, ref_logprobs: torch.Tensor, response_mask: torch.Tensor, estimator: KLEstimator = "k1"
) -> torch.Tensor:
    """Per-token estimate of KL(pi || pi_ref) at the sampled tokens (Schulman's k1 / k3).

    Tokens a_t are sampled from pi, so for the log-ratio log r = log p_ref - log p:
      k1 = -log r = log p - log p_ref         E_pi[k1] = KL, single samples can be negative
      k3 = (r - 1) - log r                    E_pi[k3] = KL, every sample >= 0

    | arg           | shape  | meaning                                  |
    |---------------|--------|------------------------------------------|
    | logprobs      | (B, T) | log pi(a_t | s_t), the rollout policy     |
    | ref_logprobs  | (B, T) | log pi_ref(a_t | s_t)                     |
    | response_mask | (B, T) | bool; padded positions come back as 0    |
    | return        | (B, T) | kl_t                                     |
    """
    zeros = torch.zeros((), dtype=logprobs.dtype, device=logprobs.device)
    # log r_t = log pi_ref(a_t|s_t) - log pi(a_t|s_t)
    log_ratio = torch.where(response_mask, ref_logprobs - logprobs, zeros)  # (B, T)
    if estimator == "k1":
        # k1_t = log pi - log pi_ref = -log r_t
        kl = -log_ratio
    elif estimator == "k3":
        # k3_t = (r_t - 1) - log r_t  (>= 0 because e^x >= 1 + x)
        kl = torch.expm1(log_ratio) - log_ratio
    else:
        raise ValueError(f"kl_per_token: estimator must be 'k1' or 'k3', got {estimator!r}")
    return torch.where(response_mask, kl, zeros)


def kl_shaped_rewards(
    scores: torch.Tensor, kl: torch.Tensor, response_mask: torch.Tensor, kl_coef: float
) -> torch.Tensor:
    """Per-token rewards: a KL penalty at every completion token, the test reward on the last.

        r_t = -beta * kl_t  +  R * [t == last valid token]

    | arg           | shape  | meaning                                     |
    |---------------|--------|---------------------------------------------|
    | scores        | (B,)   | R, the unit-test reward of each completion  |
    | kl            | (B, T) | kl_t from ``kl_per_token`` (0 on padding)    |
    | response_mask | (B, T) | bool, right-padded, >= 1 True per row       |
    | return        | (B, T) | r_t, 0 on padding                           |
    """
    _check_response_mask(response_mask, "kl_shaped_rewards")
    B, T = response_mask.shape
    if scores.shape != (B,):
        raise ValueError(f"kl_shaped_rewards: scores must have shape ({B},), got {tuple(scores.shape)}")
    zeros = torch.zeros((), dtype=kl.dtype, device=kl.device)
    # r_t = -beta * kl_t
    rewards = torch.where(response_mask, -kl_coef * kl, zeros)  # (B, T)
    # the last valid token is at index length - 1 (right padding: easy off-by-one)
    last = response_mask.sum(dim=1) - 1  # (B,)
    rewards[torch.arange(B, device=kl.device), last] += scores.to(kl.dtype)
    return rewards


@dataclass
class KLController:
    """The KL coefficient beta: fixed, or adaptive (Ziegler et al. 2019, section 2.2).

    Adaptive when ``target`` is set: after each batch, with KL the mean KL per completion,

        e_t = clip(KL / target - 1, -0.2, 0.2)
        beta <- beta * (1 + e_t * n / horizon)          n = completions in the batch

    so beta grows while the policy drifts further than ``target`` from the reference and
    shrinks while it stays closer. The state is plain data for checkpoints.
    """

    value: float
    """Current beta."""
    target: float | None = None
    """KL per completion to steer toward (nats); ``None`` = fixed beta."""
    horizon: int = 10_000
    """Time constant in completions."""

    @classmethod
    def from_config(cls, cfg: PPOConfig) -> "KLController":
        return cls(value=cfg.kl_coef, target=cfg.kl_target if cfg.adaptive_kl else None, horizon=cfg.kl_horizon)

    def update(self, current_kl: float, n_completions: int) -> float:
        """Move beta given the batch's mean KL per completion; returns the new beta."""
        if self.target is None:
            return self.value
        # e_t = clip(KL / KL_target - 1, -0.2, 0.2)
        proportional_error = min(max(float(current_kl) / self.target - 1.0, -0.2), 0.2)
        # beta_{t+1} = beta_t * (1 + K_beta * e_t),  K_beta = n / horizon
        self.value *= 1.0 + proportional_error * n_completions / self.horizon
        return self.value

    def state_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def load_state_dict(self, state: dict[str, Any]) -> None:
        missing = {"value", "target", "horizon"} - set(state)
        if missing:
            raise KeyError(f"KLController.load_state_dict: missing {sorted(missing)}")
        self.value = float(state["value"])
        self.target = None if state["target"] is None else float(state["target"])
        self.horizon = int(state["horizon"])


# --------------------------------------------------------------------------- 3. advantages


def gae(
    rewards: torch.Tensor, values: torch.Tensor, response_mask: torch.Tensor, gamma: float = 1.0, lam: float = 0.95
) -> tuple[torch.Tensor, torch.Tensor]:
    """Generalized Advantage Estimation (Schulman et al. 2016) over right-padded completions.

    Each row is one episode that ends after its last valid token (V after the end is 0):

        delta_t = r_t + gamma * V_{t+1} - V_t
        A_t     = delta_t + gamma * lambda * A_{t+1}
        G_t     = A_t + V_t                        (the critic's regression target)

    | arg           | shape  | meaning                                     |
    |---------------|--------|---------------------------------------------|
    | rewards       | (B, T) | r_t, e.g. from ``kl_shaped_rewards``         |
    | values        | (B, T) | V(s_t) at rollout time (detached)           |
    | response_mask | (B, T) | bool, right-padded                          |
    | return        | (B, T), (B, T) | advantages A_t, returns G_t; 0 on padding |

    FGO does not enter here: credit flows through every completion token; the FGO mask only
    decides which tokens' losses count.
    """
    B, T = rewards.shape
    if values.shape != (B, T) or response_mask.shape != (B, T):
        raise ValueError(
            f"gae: rewards {tuple(rewards.shape)}, values {tuple(values.shape)}, "
            f"response_mask {tuple(response_mask.shape)} must all be (B, T)"
        )
    zeros = torch.zeros((), dtype=values.dtype, device=values.device)
    rewards = torch.where(response_mask, rewards, zeros)  # (B, T)
    values = torch.where(response_mask, values, zeros)  # (B, T)
    # the state after token t is terminal wherever token t + 1 is padding (or t = T - 1)
    next_valid = torch.zeros_like(response_mask)  # (B, T)
    next_valid[:, :-1] = response_mask[:, 1:]
    next_values = torch.zeros_like(values)  # (B, T)
    next_values[:, :-1] = values[:, 1:]

    advantages = torch.zeros_like(values)  # (B, T)
    last_gae = torch.zeros(B, dtype=values.dtype, device=values.device)  # (B,) A_{t+1}
    # reversed order: easy bug. A_t needs A_{t+1}, so walk from the last token back to the first.
    for t in reversed(range(T)):
        not_done = next_valid[:, t].to(values.dtype)  # (B,) 0 after the last token: no bootstrap
        # delta_t = r_t + gamma * V(s_{t+1}) - V(s_t)
        delta = rewards[:, t] + gamma * next_values[:, t] * not_done - values[:, t]
        # A_t = delta_t + gamma * lambda * A_{t+1}   (A_{t+1} cut at the episode's end)
        last_gae = delta + gamma * lam * not_done * last_gae
        # padding holds no action: keep its advantage 0 so nothing leaks into earlier rows' sums
        last_gae = torch.where(response_mask[:, t], last_gae, zeros)
        advantages[:, t] = last_gae
    # G_t = A_t + V(s_t)
    returns = advantages + values
    return advantages, returns


def group_advantages(
    scores: torch.Tensor, response_mask: torch.Tensor, group_size: int, eps: float = 1e-6
) -> torch.Tensor:
    """GRPO-style advantages (Shao et al. 2024), no critic: each completion is scored against
    the other completions of the same problem, and every one of its tokens gets that score.

        A_i = (R_i - mean_group(R)) / (std_group(R) + eps)     std: unbiased (divides by G - 1)

    | arg           | shape  | meaning                                                   |
    |---------------|--------|-----------------------------------------------------------|
    | scores        | (B,)   | R; rows [g*G, (g+1)*G) are the G completions of problem g  |
    | response_mask | (B, T) | bool; padding gets 0                                      |
    | return        | (B, T) | A_i broadcast over row i's valid tokens                   |

    A group whose completions all scored the same has A = 0: it carries no signal.

    The KL penalty is deliberately *not* folded into these advantages: summed into R before
    the group normalisation, it would decide the sign and (divided by a tiny group std) the
    full unit scale of A in every group whose test rewards tie (all fail: the common case for
    a small model), turning KL noise into the whole learning signal. GRPO instead adds the KL
    to the loss (``kl_loss``, switched by ``PPOConfig.grpo_kl_loss``), as DeepSeekMath does.
    """
    B = scores.shape[0]
    if group_size < 2:
        raise ValueError(f"group_advantages: group_size must be >= 2, got {group_size}")
    if scores.dim() != 1 or B % group_size:
        raise ValueError(f"group_advantages: scores {tuple(scores.shape)} is not (B,) with B a multiple of group_size={group_size}")
    if response_mask.shape[0] != B:
        raise ValueError(f"group_advantages: response_mask has {response_mask.shape[0]} rows, scores {B}")
    grouped = scores.reshape(B // group_size, group_size)  # (B/G, G)
    mean = grouped.mean(dim=1, keepdim=True)  # (B/G, 1)
    std = grouped.std(dim=1, keepdim=True)  # (B/G, 1), unbiased
    # A_i = (R_i - mean_group) / (std_group + eps)
    adv = ((grouped - mean) / (std + eps)).reshape(B)  # (B,)
    zeros = torch.zeros((), dtype=adv.dtype, device=adv.device)
    return torch.where(response_mask, adv[:, None], zeros)  # (B, T)


def compute_advantages(
    cfg: PPOConfig,
    kl_coef: float,
    scores: torch.Tensor,
    logprobs: torch.Tensor,
    ref_logprobs: torch.Tensor,
    values: torch.Tensor | None,
    response_mask: torch.Tensor,
    all_reduce: Callable[[torch.Tensor], torch.Tensor] | None = None,
) -> dict[str, torch.Tensor]:
    """Steps 1-4 for one rollout batch: KL, shaped rewards, advantages, returns.

    ``all_reduce`` (data-parallel: a sum over processes) whitens with the statistics of all
    processes' batches (see ``whiten``); GRPO groups never span processes, so it needs none.

    Returns ``{"kl", "rewards", "advantages", "returns"}``, each (B, T) and 0 on padding.
    ``advantages`` are whitened when ``cfg.whiten_advantages`` (GAE only: GRPO advantages are
    already normalised per group). ``returns`` are the un-whitened GAE returns; for GRPO
    (no critic, ``values`` may be None) they are the raw score on every valid token.
    """
    _check_response_mask(response_mask, "compute_advantages")
    kl = kl_per_token(logprobs, ref_logprobs, response_mask, cfg.kl_estimator)  # (B, T)
    rewards = kl_shaped_rewards(scores, kl, response_mask, kl_coef)  # (B, T)
    if cfg.advantage_estimator == "gae":
        if values is None:
            raise ValueError("compute_advantages: advantage_estimator='gae' needs the critic's values")
        advantages, returns = gae(rewards, values, response_mask, cfg.gamma, cfg.lam)
        if cfg.whiten_advantages:
            advantages = whiten(advantages, response_mask, all_reduce=all_reduce)
    else:
        advantages = group_advantages(scores, response_mask, cfg.group_size)
        zeros = torch.zeros((), dtype=advantages.dtype, device=advantages.device)
        returns = torch.where(response_mask, scores.to(advantages.dtype)[:, None], zeros)  # (B, T)
    return {"kl": kl, "rewards": rewards, "advantages": advantages, "returns": returns}


# --------------------------------------------------------------------------- 5. minibatches


def minibatches(
    batch_size: int, minibatch_size: int, epochs: int, generator: torch.Generator | None = None, group_size: int = 1
) -> Iterator[tuple[int, torch.Tensor]]:
    """Yield ``(epoch, indices)`` for ``epochs`` passes over a batch, reshuffled every epoch.

    Each epoch draws one permutation of ``range(batch_size)`` from ``generator`` (seed it for
    reproducible runs) and cuts it into minibatches of ``minibatch_size``; when the size does
    not divide the batch, the last minibatch of each epoch is smaller (no sample is dropped).

    ``group_size = G > 1`` keeps groups whole: rows ``[g*G, (g+1)*G)`` (the G samples of one
    problem) always land in the same minibatch, in order. The permutation is over groups, so
    ``batch_size`` and ``minibatch_size`` must be multiples of G. Why: the samples of a problem
    share their prompt, which the update then computes once (``model.completion_outputs``).
    """
    if batch_size < 1 or minibatch_size < 1 or epochs < 1 or group_size < 1:
        raise ValueError(f"minibatches: batch_size={batch_size}, minibatch_size={minibatch_size}, epochs={epochs}, "
                         f"group_size={group_size} must all be >= 1")
    if batch_size % group_size or minibatch_size % group_size:
        raise ValueError(f"minibatches: batch_size={batch_size} and minibatch_size={minibatch_size} must be multiples "
                         f"of group_size={group_size} to keep groups whole")
    G = group_size
    for epoch in range(epochs):
        perm = torch.randperm(batch_size // G, generator=generator)  # (B/G,) shuffled groups (rows when G = 1)
        rows = (perm[:, None] * G + torch.arange(G)[None, :]).reshape(-1)  # (B,) each group's rows together
        for start in range(0, batch_size, minibatch_size):
            yield epoch, rows[start : start + minibatch_size]


# --------------------------------------------------------------------------- 6. losses


def policy_loss(
    new_logprobs: torch.Tensor,
    old_logprobs: torch.Tensor,
    advantages: torch.Tensor,
    loss_mask: torch.Tensor,
    clip_eps: float = 0.2,
) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """PPO's clipped surrogate (Schulman et al. 2017), as a loss to minimise.

        ratio_t  = pi(a_t|s_t) / pi_old(a_t|s_t)
        pg_loss1 = -A_t * ratio_t
        pg_loss2 = -A_t * clip(ratio_t, 1 - eps, 1 + eps)
        pg_loss  = mean over loss_mask of max(pg_loss1, pg_loss2)

    Divides by the number of True positions of ``loss_mask`` over the whole minibatch (a
    token-level mean: long completions weigh more than short ones).

    | arg           | shape  | meaning                                                      |
    |---------------|--------|--------------------------------------------------------------|
    | new_logprobs  | (b, T) | log pi(a_t|s_t), with grad                                   |
    | old_logprobs  | (b, T) | log pi_old(a_t|s_t) from the rollout                         |
    | advantages    | (b, T) | A_t (whitened)                                               |
    | loss_mask     | (b, T) | bool: response_mask, & executed_mask with FGO                |

    Returns the loss and detached stats: ``clipfrac`` (share of masked tokens whose ratio is
    outside the clip range) and ``approx_kl`` = mean((ratio - 1) - log ratio), the k3 estimate
    of KL(pi_old || pi), both over ``loss_mask``.
    """
    # log ratio_t = log pi(a_t|s_t) - log pi_old(a_t|s_t); set to 0 outside the mask, so that
    # whatever sits at padding cannot overflow exp() and turn the gradient into NaN (critical!)
    zeros = torch.zeros((), dtype=new_logprobs.dtype, device=new_logprobs.device)
    log_ratio = torch.where(loss_mask, new_logprobs - old_logprobs, zeros)  # (b, T)
    ratio = torch.exp(log_ratio)
    # pg_loss1 = -A * ratio
    pg_loss1 = -advantages * ratio
    # pg_loss2 = -A * clip(ratio, 1 - eps, 1 + eps)
    pg_loss2 = -advantages * torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps)
    # L^CLIP = E[max(pg_loss1, pg_loss2)]  (max of negatives = min of the surrogate objectives)
    loss = masked_mean(torch.max(pg_loss1, pg_loss2), loss_mask)
    with torch.no_grad():
        clipfrac = masked_mean(((ratio - 1.0).abs() > clip_eps).to(ratio.dtype), loss_mask)
        # approx KL (k3): E[(ratio - 1) - log ratio]
        approx_kl = masked_mean((ratio - 1.0) - log_ratio, loss_mask)
    return loss, {"pg_loss": loss.detach(), "clipfrac": clipfrac, "approx_kl": approx_kl}


def value_loss(
    new_values: torch.Tensor,
    old_values: torch.Tensor,
    returns: torch.Tensor,
    value_mask: torch.Tensor,
    clip_eps: float | None = 0.2,
) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """The critic's clipped squared error (as in OpenAI baselines / CleanRL).

        v_loss_unclipped = (V_t - G_t)^2
        V_clipped        = V_old + clip(V_t - V_old, -c, c)
        v_loss_clipped   = (V_clipped - G_t)^2
        v_loss           = 0.5 * mean over value_mask of max(v_loss_unclipped, v_loss_clipped)

    Divides by the number of True positions of ``value_mask`` over the whole minibatch.
    ``clip_eps=None`` drops the clipped term: 0.5 * mean (V_t - G_t)^2.

    | arg        | shape  | meaning                                                  |
    |------------|--------|----------------------------------------------------------|
    | new_values | (b, T) | V(s_t), with grad                                        |
    | old_values | (b, T) | V_old(s_t) from the rollout                              |
    | returns    | (b, T) | G_t = A_t + V_old(s_t) (un-whitened)                     |
    | value_mask | (b, T) | bool: response_mask (default), & executed_mask optional  |
    """
    # v_loss_unclipped = (V - G)^2
    v_loss_unclipped = (new_values - returns) ** 2  # (b, T)
    if clip_eps is None:
        v_loss_max = v_loss_unclipped
        vf_clipfrac = torch.zeros((), dtype=new_values.dtype, device=new_values.device)
    else:
        # V_clipped = V_old + clip(V - V_old, -c, c)
        v_clipped = old_values + torch.clamp(new_values - old_values, -clip_eps, clip_eps)
        # v_loss_clipped = (V_clipped - G)^2
        v_loss_clipped = (v_clipped - returns) ** 2
        v_loss_max = torch.max(v_loss_unclipped, v_loss_clipped)
        with torch.no_grad():
            vf_clipfrac = masked_mean((v_loss_clipped > v_loss_unclipped).to(new_values.dtype), value_mask)
    # L^V = 0.5 * E[max(v_loss_unclipped, v_loss_clipped)]
    loss = 0.5 * masked_mean(v_loss_max, value_mask)
    return loss, {"v_loss": loss.detach(), "vf_clipfrac": vf_clipfrac}


def kl_loss(
    new_logprobs: torch.Tensor, ref_logprobs: torch.Tensor, loss_mask: torch.Tensor
) -> torch.Tensor:
    """GRPO's KL regulariser (Shao et al. 2024, eq. 4): the k3 estimate of KL(pi_theta || pi_ref)
    at the sampled tokens, with the gradient flowing through the *current* policy.

        d_t     = log pi_ref(a_t|s_t) - log pi_theta(a_t|s_t)
        kl_t    = exp(d_t) - d_t - 1                      (>= 0, 0 where pi_theta = pi_ref)
        kl_loss = mean over loss_mask of kl_t

    d kl_t / d log pi_theta = 1 - exp(d_t): a token the policy now likes more than the
    reference (d_t < 0) is pushed down, one it likes less is pushed up. Divides by the True
    positions of ``loss_mask`` (with FGO, the tokens whose code ran: the same tokens the GAE
    path's KL-shaped rewards reach through the masked policy loss).

    | arg           | shape  | meaning                                   |
    |---------------|--------|-------------------------------------------|
    | new_logprobs  | (b, T) | log pi_theta(a_t|s_t), with grad          |
    | ref_logprobs  | (b, T) | log pi_ref(a_t|s_t), the frozen reference |
    | loss_mask     | (b, T) | bool                                      |
    """
    zeros = torch.zeros((), dtype=new_logprobs.dtype, device=new_logprobs.device)
    # d_t = log pi_ref - log pi_theta, 0 outside the mask so exp() cannot overflow (critical!)
    d = torch.where(loss_mask, ref_logprobs - new_logprobs, zeros)  # (b, T)
    # kl_t = exp(d_t) - d_t - 1
    return masked_mean(torch.expm1(d) - d, loss_mask)


def loss_masks(
    response_mask: torch.Tensor, executed_mask: torch.Tensor | None, fgo_mask_value_loss: bool = False
) -> tuple[torch.Tensor, torch.Tensor]:
    """The masks the losses average over: ``(loss_mask, value_mask)``, each (b, T) bool.

    | FGO                    | loss_mask (policy, entropy)      | value_mask                        |
    |------------------------|----------------------------------|-----------------------------------|
    | off (executed is None) | response_mask                    | response_mask                     |
    | on                     | response_mask & executed_mask    | response_mask (default)           |
    | on, mask value loss    | response_mask & executed_mask    | response_mask & executed_mask     |
    """
    if executed_mask is None:
        return response_mask, response_mask
    if executed_mask.dtype != torch.bool or executed_mask.shape != response_mask.shape:
        raise ValueError(
            f"loss_masks: executed_mask must be bool {tuple(response_mask.shape)}, "
            f"got {executed_mask.dtype} {tuple(executed_mask.shape)}"
        )
    loss_mask = response_mask & executed_mask
    value_mask = loss_mask if fgo_mask_value_loss else response_mask
    return loss_mask, value_mask


class Minibatch(NamedTuple):
    """The tensors of one minibatch that the losses read, each (b, T) like ``response_mask``.

    ``mb_`` in :func:`ppo_update`. ``new_*`` come from the forward pass being trained (with
    grad); the rest are constants of the update, cut from the rollout batch.

    | field         | meaning                                                   | None means          |
    |---------------|-----------------------------------------------------------|---------------------|
    | new_logprobs  | log pi_theta(a_t|s_t), with grad                          |                     |
    | old_logprobs  | log pi_old(a_t|s_t), the behaviour policy at rollout      |                     |
    | advantages    | A_t (whitened GAE, or GRPO group advantages)              |                     |
    | response_mask | bool, True on the completion's tokens                     |                     |
    | executed_mask | bool, FGO: True on tokens of code the tests executed      | FGO off             |
    | new_values    | V_theta(s_t), with grad                                   | no critic (GRPO)    |
    | old_values    | V_old(s_t) from the rollout                               | no critic           |
    | returns       | G_t, the critic's target                                  | no critic           |
    | entropy       | H_t of the policy (nats)                                  | no entropy term     |
    | ref_logprobs  | log pi_ref(a_t|s_t), for GRPO's ``kl_loss``               | no KL loss term     |
    """

    new_logprobs: torch.Tensor
    old_logprobs: torch.Tensor
    advantages: torch.Tensor
    response_mask: torch.Tensor
    executed_mask: torch.Tensor | None = None
    new_values: torch.Tensor | None = None
    old_values: torch.Tensor | None = None
    returns: torch.Tensor | None = None
    entropy: torch.Tensor | None = None
    ref_logprobs: torch.Tensor | None = None


def ppo_loss(cfg: PPOConfig, mb: Minibatch, kl_coef: float = 0.0) -> tuple[torch.Tensor, dict[str, float]]:
    """The total loss of one minibatch:

        loss = pg_loss - ent_coef * entropy + vf_coef * v_loss + kl_coef * kl_loss

    Each term is a masked mean over a named mask (:func:`loss_masks`): the policy, entropy and
    KL terms over ``loss_mask`` (with FGO: executed tokens only), the value loss over
    ``value_mask``. A term whose tensors are None in ``mb`` is left out (see
    :class:`Minibatch`). ``mb.ref_logprobs`` is for GRPO with ``cfg.grpo_kl_loss`` only (GAE
    has its KL in the rewards), weighted by ``kl_coef`` (the controller's current beta).
    Returns the loss and a dict of floats.
    """
    if mb.ref_logprobs is not None and cfg.advantage_estimator != "grpo":
        raise ValueError("ppo_loss: ref_logprobs (the KL loss term) is for GRPO; GAE has the KL in its shaped rewards")
    shape = mb.response_mask.shape
    wrong = {k: tuple(v.shape) for k, v in mb._asdict().items() if v is not None and v.shape != shape}
    if wrong:  # a (b, 1) or (b,) tensor would broadcast silently into a wrong loss
        raise ValueError(f"ppo_loss: expected every tensor to be {tuple(shape)} like response_mask, got {wrong}")
    loss_mask, value_mask = loss_masks(mb.response_mask, mb.executed_mask, cfg.fgo_mask_value_loss)
    loss, pg_stats = policy_loss(mb.new_logprobs, mb.old_logprobs, mb.advantages, loss_mask, cfg.clip_eps)
    stats = dict(pg_stats)
    if mb.new_values is not None:
        if mb.old_values is None or mb.returns is None:
            raise ValueError("ppo_loss: new_values given without old_values and returns")
        v_loss, v_stats = value_loss(mb.new_values, mb.old_values, mb.returns, value_mask, cfg.value_clip_eps)
        loss = loss + cfg.vf_coef * v_loss
        stats.update(v_stats)
    if mb.entropy is not None:
        # the bonus averages over the policy loss's tokens; divides by True positions of loss_mask
        entropy_mean = masked_mean(mb.entropy, loss_mask)
        loss = loss - cfg.ent_coef * entropy_mean
        stats["entropy"] = entropy_mean.detach()
    if mb.ref_logprobs is not None:
        # GRPO: L += beta * mean_t [exp(d_t) - d_t - 1], d_t = log pi_ref - log pi_theta
        kl_term = kl_loss(mb.new_logprobs, mb.ref_logprobs, loss_mask)
        loss = loss + kl_coef * kl_term
        stats["kl_loss"] = kl_term.detach()
    stats["loss"] = loss.detach()
    return loss, {k: float(v) for k, v in stats.items()}


# --------------------------------------------------------------------------- 7. the update


class RolloutBatch(NamedTuple):
    """One iteration's rollout batch, as the update reads it (``b_`` in :func:`ppo_update`):
    each (B, T), completion tokens only, from the rollout and :func:`compute_advantages`.

    | field         | meaning                                               | None means        |
    |---------------|-------------------------------------------------------|-------------------|
    | response_mask | bool, True on the completion's tokens, right-padded   |                   |
    | executed_mask | bool, FGO: True on tokens of code the tests executed  | FGO off           |
    | logprobs      | log pi_old(a_t|s_t), detached                         |                   |
    | values        | V_old(s_t), detached                                  | no critic         |
    | advantages    | A_t                                                   |                   |
    | returns       | G_t                                                   |                   |
    | ref_logprobs  | log pi_ref(a_t|s_t)                                   |                   |
    """

    response_mask: torch.Tensor
    executed_mask: torch.Tensor | None
    logprobs: torch.Tensor
    values: torch.Tensor | None
    advantages: torch.Tensor
    returns: torch.Tensor
    ref_logprobs: torch.Tensor


Forward = Callable[[torch.Tensor], "tuple[torch.Tensor, torch.Tensor | None, torch.Tensor]"]
"""``forward(mb_inds) -> (new_logprobs, new_values, entropy)``: the policy (with grad) on the
rows ``mb_inds (b,)`` of the batch, each (b, n) with ``n <= T`` (the longest completion among
those rows: the caller may drop all-padding columns). ``new_values`` None without a value head."""


def ppo_update(
    cfg: PPOConfig,
    batch: RolloutBatch,
    forward: Forward,
    optimizer: torch.optim.Optimizer,
    *,
    minibatch_size: int,
    group_size: int = 1,
    micro_batch_size: int | None = None,
    kl_coef: float = 0.0,
    generator: torch.Generator | None = None,
    average_gradients: Callable[[list[torch.Tensor]], None] | None = None,
) -> dict[str, float]:
    """The PPO update of one rollout batch: ``cfg.epochs`` x shuffled minibatches, one
    optimizer step each. Returns the stats of :func:`ppo_loss`, averaged over minibatches,
    plus ``grad_norm``.

    ::

        for epoch in 1..epochs:
            for mb_inds in a fresh permutation of the batch, cut into minibatch_size rows:
                (micro-batches of micro_batch_size rows: forward, loss * share of rows, backward)
                average gradients over processes (data-parallel only)
                clip the global gradient norm to cfg.max_grad_norm; optimizer step

    ``group_size`` keeps the G samples of a problem in one minibatch (so ``forward`` can share
    their prompt); ``kl_coef`` is beta for GRPO's KL loss term; ``average_gradients`` (a
    data-parallel run's mean over processes, :meth:`~stepcoder_lite.distributed.Dist.average_gradients`)
    is called on the parameters before clipping, so every process takes the same step.
    """
    use_critic = cfg.advantage_estimator == "gae"
    grpo_kl = not use_critic and cfg.grpo_kl_loss  # GRPO: beta * k3 KL(pi_theta || pi_ref) in the loss
    params = [p for group in optimizer.param_groups for p in group["params"]]
    max_norm = cfg.max_grad_norm if cfg.max_grad_norm is not None else float("inf")
    b_size = batch.response_mask.shape[0]
    device = batch.response_mask.device
    stats: list[dict[str, float]] = []
    for _epoch, mb_inds in minibatches(b_size, minibatch_size, cfg.epochs, generator=generator, group_size=group_size):
        optimizer.zero_grad(set_to_none=True)
        micro = micro_batch_size or len(mb_inds)
        mb_stats: list[dict[str, float]] = []
        for start in range(0, len(mb_inds), micro):
            idx = mb_inds[start : start + micro].to(device)  # (b,)
            new_logprobs, new_values, entropy = forward(idx)  # (b, n) each
            n = new_logprobs.shape[1]
            if cfg.ent_coef == 0.0 and entropy is not None:
                entropy = entropy.detach()  # logged every iteration; a gradient only when it enters the loss

            def cut(t: torch.Tensor | None) -> torch.Tensor | None:
                return None if t is None else t[idx][:, :n]  # (b, n)

            mb = Minibatch(
                new_logprobs=new_logprobs,
                old_logprobs=cut(batch.logprobs),
                advantages=cut(batch.advantages),
                response_mask=cut(batch.response_mask),
                executed_mask=cut(batch.executed_mask),
                new_values=new_values if use_critic else None,
                old_values=cut(batch.values) if use_critic else None,
                returns=cut(batch.returns) if use_critic else None,
                entropy=entropy,
                ref_logprobs=cut(batch.ref_logprobs) if grpo_kl else None,
            )
            loss, s = ppo_loss(cfg, mb, kl_coef)
            # each micro-batch's token mean, weighted by its share of the minibatch's rows
            (loss * (len(idx) / len(mb_inds))).backward()
            mb_stats.append(s)
        if average_gradients is not None:  # data-parallel: the mean gradient over processes
            average_gradients(params)
        grad_norm = torch.nn.utils.clip_grad_norm_(params, max_norm)
        optimizer.step()
        merged = mean_stats(mb_stats)
        merged["grad_norm"] = float(grad_norm)
        stats.append(merged)
    return mean_stats(stats)
