"""The metrics of a training run: what each logged number means, and how one row is assembled.

``PPO_METRICS`` and :func:`rollout_metrics` are the per-iteration PPO set (re-exported by
:mod:`stepcoder_lite.ppo` as ``ppo.METRICS``, ``ppo.rollout_metrics``); ``METRICS`` is every key
of a ``metrics.jsonl`` row (re-exported as ``trainer.METRICS``) and :func:`metrics_row` puts one
row together from an iteration's books.

Token statistics are over completion tokens only:

=================  ==========  =============================================================
tensor             shape       meaning
=================  ==========  =============================================================
scores             (B,)        unit-test reward R of each completion
passed             (B,)        bool: the completion passed every test
kl                 (B, T)      per-token KL(policy || reference) estimate
response_mask      (B, T)      bool: True on real completion tokens, False on right padding
advantages         (B, T)      A_t (whitened GAE, or GRPO group advantages)
returns, values    (B, T)      G_t and V_old(s_t) (GAE; GRPO has no critic: values None)
executed_mask      (B, T)      bool: FGO, True on tokens of code the tests executed (None: off)
=================  ==========  =============================================================
"""

from __future__ import annotations

import contextlib
import math
import time
from typing import Any, Iterator, Mapping

import torch

from stepcoder_lite.tensor_ops import masked_mean, masked_sum, masked_var

VERDICTS = ("pass", "wrong_answer", "runtime_error", "timeout", "syntax_error")
"""The verdicts with a defined reward, each logged as ``verdict/<v>``."""
UNDEFINED_VERDICTS = ("no_tests", "harness_error")
"""Verdicts that say nothing about the program: no reward, kept out of the update (``excluded``)."""


# --------------------------------------------------------------------------- the PPO set

PPO_METRICS = {
    "reward": "mean unit-test reward R per completion (before the KL penalty)",
    "pass_rate": "share of completions that passed every test (given by the caller)",
    "kl": "mean over completions of the summed per-token KL (the configured estimator); healthy: grows slowly, a few nats",
    "kl_coef": "current beta (moves when the adaptive controller is on)",
    "non_score_reward": "mean over completions of the summed KL penalty -beta * sum_t kl_t",
    "clipfrac": "share of loss tokens whose ratio left [1-eps, 1+eps]; healthy: ~0.0-0.2",
    "approx_kl": "k3 KL(pi_old || pi) over loss tokens during the update; healthy: < ~0.02",
    "explained_variance": "1 - Var[G - V] / Var[G] over response tokens; 1 = perfect critic, <= 0 = useless",
    "entropy": "mean policy entropy per loss token (nats)",
    "kl_loss": "GRPO only: k3 KL(pi_theta || pi_ref) per loss token during the update, weighted by beta in the loss",
    "fgo_masked_frac": "share of response tokens FGO masked out of the policy loss (0 with FGO off)",
    "adv_mean / adv_std": "advantages over response tokens (after whitening: ~0 / ~1)",
    "return_mean / return_std": "GAE returns G_t over response tokens",
    "value_mean": "critic values V_old over response tokens",
    "response_length": "mean completion length in tokens",
}


def explained_variance(values: torch.Tensor, returns: torch.Tensor, mask: torch.Tensor) -> float:
    """1 - Var[G - V] / Var[G] over the True positions of ``mask`` (population variances).
    NaN when the returns have no variance (nothing to explain)."""
    var_returns = masked_var(returns, mask)
    if float(var_returns) == 0.0:
        return math.nan
    return float(1.0 - masked_var(returns - values, mask) / var_returns)


def rollout_metrics(
    scores: torch.Tensor,
    kl: torch.Tensor,
    response_mask: torch.Tensor,
    advantages: torch.Tensor,
    returns: torch.Tensor,
    kl_coef: float,
    values: torch.Tensor | None = None,
    executed_mask: torch.Tensor | None = None,
    passed: torch.Tensor | None = None,
) -> dict[str, float]:
    """The per-iteration metric set (``PPO_METRICS``) that does not need the update; merge it with
    ``mean_stats`` of the minibatch stats from ``ppo_loss``. All tensors (B, T) except
    ``scores`` and ``passed`` (B,). Token statistics divide by the True positions of
    ``response_mask`` over the batch; per-completion ones by B."""
    B = scores.shape[0]
    per_seq_kl = masked_sum(kl, response_mask, dim=1)  # (B,) summed over each completion's tokens
    out = {
        "reward": float(scores.float().mean()),
        # KL = (1/B) sum_i sum_t kl_{i,t}
        "kl": float(per_seq_kl.mean()),
        "kl_coef": float(kl_coef),
        "non_score_reward": float(-kl_coef * per_seq_kl.mean()),
        "response_length": float(response_mask.sum()) / B,
        "adv_mean": float(masked_mean(advantages, response_mask)),
        "adv_std": float(masked_var(advantages, response_mask).sqrt()),
        "return_mean": float(masked_mean(returns, response_mask)),
        "return_std": float(masked_var(returns, response_mask).sqrt()),
    }
    if passed is not None:
        out["pass_rate"] = float(passed.float().mean())
    if values is not None:
        out["value_mean"] = float(masked_mean(values, response_mask))
        out["explained_variance"] = explained_variance(values, returns, response_mask)
    if executed_mask is None:
        out["fgo_masked_frac"] = 0.0
    else:
        # masked by FGO = response token whose code never ran; divides by response tokens
        masked_out = response_mask & ~executed_mask
        out["fgo_masked_frac"] = float(masked_out.sum()) / max(int(response_mask.sum()), 1)
    return out


def mean_stats(stats: list[dict[str, float]]) -> dict[str, float]:
    """Average the per-minibatch stats dicts from ``ppo_loss`` key by key (one value per minibatch)."""
    if not stats:
        return {}
    keys = set().union(*stats)
    return {k: sum(s[k] for s in stats if k in s) / sum(1 for s in stats if k in s) for k in sorted(keys)}


# --------------------------------------------------------------------------- one metrics.jsonl row

METRICS = {
    **PPO_METRICS,
    "curriculum/stage_fraction": "mean over training problems of stage / last stage (0: every problem at its "
                                 "latest cut, 1: every problem writes the whole program); rises as problems pass",
    "curriculum/full_fraction": "share of training problems at the whole-program stage",
    "curriculum/batch_stage_fraction": "the same, over this iteration's samples",
    "curriculum/batch_prefix_chars": "mean characters of given prefix in this iteration's prompts (0 without CCCS)",
    "verdict/<v>": "share of this iteration's samples with verdict v (pass, wrong_answer, runtime_error, timeout, syntax_error)",
    "excluded": "samples with no defined reward (harness_error, no_tests): kept out of the update; healthy: 0",
    "unfinished": "share of samples that hit max_new_tokens before closing the code block",
    "prompt_truncated": "share of prompts cut on the left to fit the context; healthy: 0",
    "grad_norm": "global gradient norm before clipping, mean over minibatches",
    "kl_coef_next": "beta after the adaptive controller's update (= kl_coef when fixed)",
    "eval/pass@1": "greedy pass@1 on the first held-out set (only every eval_every iterations)",
    "time/<phase>": "wall seconds of generate, execute (background), reference, execute_wait (execution not "
                    "hidden behind the reference pass), score, update; time/iteration in all",
}
"""Every metric in a ``metrics.jsonl`` row, with what healthy looks like where it helps."""


def jsonable(x: Any) -> Any:
    """A JSON-safe value: NaN and infinities become ``None`` (``null``)."""
    if isinstance(x, float) and not math.isfinite(x):
        return None  # NaN (e.g. explained variance with constant returns) -> null
    return x


def metrics_row(
    *,
    step: int,
    train_time_s: float,
    book: Mapping[str, Any],
    rollout: Mapping[str, float],
    update: Mapping[str, float],
    kl_coef_next: float,
    curriculum: Mapping[str, float],
    seconds: Mapping[str, float],
    iteration_s: float,
) -> dict[str, Any]:
    """One ``metrics.jsonl`` row (keys: ``METRICS``), in the order it is written.

    ``rollout`` is :func:`rollout_metrics` of the batch, ``update`` the averaged stats of
    :func:`~stepcoder_lite.ppo.ppo_update`, ``curriculum`` the schedule's metrics, ``seconds``
    the wall seconds per phase of this process. ``book`` holds one entry per sample of the
    batch (every rank's in data-parallel runs) under ``verdicts`` (str), ``finished`` and
    ``prompt_truncated`` (bool), ``stage_fracs`` (stage / last stage) and ``prefix_chars``
    (length of the given prefix); the shares divide by the number of samples. NaN becomes ``None``.
    """
    verdicts, stage_fracs = book["verdicts"], book["stage_fracs"]
    n_rows = len(verdicts)
    row: dict[str, Any] = {"step": step, "samples": step * n_rows, "train_time_s": round(train_time_s, 3)}
    row.update(rollout)
    row.update(update)
    row["kl_coef_next"] = kl_coef_next
    row["curriculum/batch_stage_fraction"] = sum(stage_fracs) / len(stage_fracs)
    row["curriculum/batch_prefix_chars"] = sum(book["prefix_chars"]) / n_rows
    row.update(curriculum)
    for v in VERDICTS:
        row[f"verdict/{v}"] = list(verdicts).count(v) / n_rows
    row["excluded"] = sum(v in UNDEFINED_VERDICTS for v in verdicts)  # samples with no defined reward
    row["unfinished"] = sum(not f for f in book["finished"]) / n_rows
    row["prompt_truncated"] = sum(book["prompt_truncated"]) / n_rows
    row.update({f"time/{k}": round(v, 4) for k, v in seconds.items()})
    row["time/iteration"] = round(iteration_s, 4)
    return {k: jsonable(v) for k, v in row.items()}


def one_line(row: Mapping[str, Any]) -> str:
    """The log line of one iteration: the numbers to watch, from its metrics row."""
    ev = row.get("explained_variance")
    ev_text = "  nan" if ev is None else f"{ev:+.2f}"
    return (f"step {row['step']:>4}  reward {row['reward']:+.3f}  pass {row['pass_rate']:.3f}  "
            f"kl {row['kl']:.3f}  clip {row.get('clipfrac', 0):.3f}  approx_kl {row.get('approx_kl', 0):.4f}  "
            f"ev {ev_text}  fgo_masked {row['fgo_masked_frac']:.2f}  stage {row['curriculum/stage_fraction']:.2f}  "
            f"len {row['response_length']:.0f}  {row['time/iteration']:.1f}s")


class PhaseTimer:
    """Wall seconds per named phase of an iteration: ``with timer("generate"): ...``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
