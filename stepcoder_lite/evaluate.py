"""Scoring sampled programs: pass@k (unbiased estimator), per difficulty, error-type breakdown.

:func:`evaluate_model` is the project's one evaluation path (``eval``, SFT, before and after
RL): sample with :mod:`~stepcoder_lite.rollout`, run with the executor, then count here.
Everything else in this module only counts and needs numpy, not torch.

pass@k (Chen et al. 2021, "Evaluating Large Language Models Trained on Code", section 2.1):
draw n >= k samples for a problem, of which c pass every test; the probability that at least
one of k samples drawn without replacement from those n passes is

    pass@k = 1 - C(n - c, k) / C(n, k)

and the benchmark's pass@k is its mean over problems. The binomials overflow quickly, so it
is computed as the product

    C(n - c, k) / C(n, k) = prod_{i = n - c + 1}^{n} (1 - k / i)

Greedy pass@1 (one greedy sample per problem, n = 1) is the same formula: the fraction of
problems whose sample passes. StepCoder reports pass@1 on APPS+ per difficulty.

Error types, StepCoder style (every sample falls in exactly one bucket, fractions of samples):

| bucket         | executor verdicts                          | why                                           |
|----------------|--------------------------------------------|-----------------------------------------------|
| pass           | pass                                       |                                               |
| syntax_error   | syntax_error                               | the program does not compile                  |
| runtime_error  | runtime_error, memory_limit, output_limit  | it crashed or was killed for a resource limit |
| wrong_answer   | wrong_answer                               | it ran and printed/returned the wrong thing   |
| timeout        | timeout                                    | it ran out of time                            |
| other          | no_tests, harness_error                    | not the program's fault: check the harness    |

Memory and output limits count as runtime errors: the program ran and was stopped by the
sandbox for misbehaving at run time, and the reward tiers treat them like runtime errors.
The raw counts per verdict are reported too (``verdicts``), so nothing is hidden by the buckets.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

# The executor's Verdict values (stepcoder_lite.executor.Verdict is a str enum of these).
VERDICTS = (
    "pass",
    "wrong_answer",
    "runtime_error",
    "timeout",
    "memory_limit",
    "output_limit",
    "syntax_error",
    "no_tests",
    "harness_error",
)

ERROR_BUCKET = {
    "pass": "pass",
    "syntax_error": "syntax_error",
    "runtime_error": "runtime_error",
    "memory_limit": "runtime_error",
    "output_limit": "runtime_error",
    "wrong_answer": "wrong_answer",
    "timeout": "timeout",
    "no_tests": "other",
    "harness_error": "other",
}
ERROR_TYPES = ("syntax_error", "runtime_error", "wrong_answer", "timeout", "other")
DIFFICULTY_ORDER = ("introductory", "interview", "competition")


def pass_at_k(num_samples: Any, num_correct: Any, k: int) -> np.ndarray:
    """Unbiased pass@k per problem, vectorised: ``1 - C(n - c, k) / C(n, k)``.

    | arg         | shape | meaning                                   |
    |-------------|-------|-------------------------------------------|
    | num_samples | (P,)  | n: samples drawn for each problem (>= k)  |
    | num_correct | (P,)  | c: how many of them passed (0 <= c <= n)  |
    | k           |       | the k of pass@k (>= 1)                    |
    | return      | (P,)  | float64 in [0, 1]; take ``.mean()``       |

    Scalars broadcast (``pass_at_k(10, [0, 3, 10], 5)``).
    """
    n, c = np.broadcast_arrays(np.asarray(num_samples), np.asarray(num_correct))
    n, c = np.atleast_1d(n).astype(np.int64), np.atleast_1d(c).astype(np.int64)
    if k < 1:
        raise ValueError(f"pass_at_k: k must be >= 1, got {k}")
    if (c < 0).any() or (c > n).any():
        raise ValueError(f"pass_at_k: need 0 <= num_correct <= num_samples, got n={n.tolist()} c={c.tolist()}")
    if (n < k).any():
        raise ValueError(f"pass_at_k: every problem needs num_samples >= k={k}, got n={n.tolist()}")
    width = int(c.max(initial=0))
    # the c factors of the product, i = n - c + 1, ..., n, one row per problem (padded with 1)
    j = np.arange(width)[None, :]  # (1, C)
    i = (n - c + 1)[:, None] + j  # (P, C)
    in_product = j < c[:, None]  # (P, C) bool: the first c columns of row p are its factors
    # C(n - c, k) / C(n, k) = prod_{i = n-c+1}^{n} (1 - k / i)
    factors = np.where(in_product, 1.0 - k / i, 1.0)  # (P, C); i >= 1 always
    # fewer than k failures: every draw of k holds a passing sample (the product would cross 0)
    return np.where(n - c < k, 1.0, 1.0 - factors.prod(axis=1))


def verdict_of(result: Any, where: str = "result") -> str:
    """The verdict string of an executor result: an object with ``.verdict`` (an ``ExecResult``),
    a mapping with ``"verdict"`` (``ExecResult.to_dict()``), or a verdict string itself."""
    if isinstance(result, Mapping):
        if "verdict" not in result:
            raise ValueError(f"{where}: result dict has no 'verdict' key (keys: {sorted(result)})")
        verdict = result["verdict"]
    elif isinstance(result, str):
        verdict = result
    elif hasattr(result, "verdict"):
        verdict = result.verdict
    else:
        raise TypeError(f"{where}: expected an ExecResult, a dict with 'verdict' or a verdict string, got {type(result).__name__}")
    verdict = getattr(verdict, "value", verdict)  # a str Enum member -> its value
    if verdict not in ERROR_BUCKET:
        raise ValueError(f"{where}: unknown verdict {verdict!r} (known: {', '.join(VERDICTS)})")
    return verdict


def _pass_at_ks(n: np.ndarray, c: np.ndarray, ks: Sequence[int]) -> dict[str, float]:
    return {f"pass@{k}": float(pass_at_k(n, c, k).mean()) for k in ks}


def _buckets(verdicts: Iterable[str]) -> dict[str, float]:
    counts = Counter(ERROR_BUCKET[v] for v in verdicts)
    total = sum(counts.values())
    return {bucket: counts[bucket] / total if total else 0.0 for bucket in ERROR_TYPES}


def summarize(problems: Sequence[Any], results_per_problem: Sequence[Sequence[Any]], ks: Sequence[int] = (1,)) -> dict:
    """Score an evaluation: pass@k overall and per difficulty, and the error-type breakdown.

    ``problems[p]`` (a ``Problem``: ``.id``, ``.difficulty``) was sampled
    ``len(results_per_problem[p])`` times; each result is an ``ExecResult`` (or its dict, or
    a verdict string). Every problem needs at least ``max(ks)`` samples: pass@k is not
    defined below that, and no problem is silently left out. With one greedy sample per
    problem, ``pass@1`` is greedy pass@1.

    Returns (fractions in [0, 1])::

        {"n_problems", "n_samples",
         "pass@1", "pass@k" for each k in ks,     mean over problems of the unbiased estimate
         "sample_pass_rate",                      passing samples / all samples
         "by_difficulty": {difficulty: {"n_problems", "n_samples", "pass@k"...}},
         "by_holdout": {rule: {...}}              only when problems carry meta["holdout"]
                                                  (the families' held-out splits: "params" =
                                                  unseen literals, "pair" = unseen wording)
         "errors": {syntax_error, runtime_error, wrong_answer, timeout, other},
                                                  fractions of ALL samples (with
                                                  sample_pass_rate they sum to 1)
         "verdicts": {verdict: count}}            raw counts, every known verdict
    """
    if len(problems) != len(results_per_problem):
        raise ValueError(f"summarize: {len(problems)} problems but {len(results_per_problem)} result lists")
    if not problems:
        raise ValueError("summarize: no problems to score")
    ks = sorted({int(k) for k in (1, *ks)})
    n = np.zeros(len(problems), dtype=np.int64)
    c = np.zeros(len(problems), dtype=np.int64)
    verdicts: list[str] = []
    difficulty: list[str] = []
    holdout: list[str | None] = []
    for p, (problem, results) in enumerate(zip(problems, results_per_problem)):
        pid = getattr(problem, "id", f"#{p}")
        if len(results) < ks[-1]:
            raise ValueError(f"summarize: problem {pid!r} has {len(results)} samples; pass@{ks[-1]} needs at least {ks[-1]}")
        these = [verdict_of(r, where=f"problem {pid!r} sample {s}") for s, r in enumerate(results)]
        n[p], c[p] = len(these), sum(v == "pass" for v in these)
        verdicts += these
        difficulty.append(str(getattr(problem, "difficulty", None) or "unknown"))
        holdout.append((getattr(problem, "meta", None) or {}).get("holdout"))

    out: dict[str, Any] = {"n_problems": len(problems), "n_samples": int(n.sum())}
    out.update(_pass_at_ks(n, c, ks))
    out["sample_pass_rate"] = float(c.sum() / n.sum())
    levels = [d for d in DIFFICULTY_ORDER if d in difficulty] + sorted(set(difficulty) - set(DIFFICULTY_ORDER))
    out["by_difficulty"] = {}
    for level in levels:
        rows = np.array([d == level for d in difficulty])
        out["by_difficulty"][level] = {"n_problems": int(rows.sum()), "n_samples": int(n[rows].sum()), **_pass_at_ks(n[rows], c[rows], ks)}
    if any(h is not None for h in holdout):
        out["by_holdout"] = {}
        for rule in sorted({str(h) for h in holdout}):
            rows = np.array([str(h) == rule for h in holdout])
            out["by_holdout"][rule] = {"n_problems": int(rows.sum()), "n_samples": int(n[rows].sum()), **_pass_at_ks(n[rows], c[rows], ks)}
    out["errors"] = _buckets(verdicts)
    counts = Counter(verdicts)
    out["verdicts"] = {v: counts[v] for v in VERDICTS}
    return out


def sign_test(fixed: int, broken: int) -> float:
    """Two-sided exact sign test on paired outcomes: the chance, if training changed nothing
    and each problem that changed were a fair coin, of a split at least this uneven.

        p = min(1, 2 * sum_{i <= min(fixed, broken)} C(n, i) / 2^n),   n = fixed + broken

    Problems that passed (or failed) both times say nothing about the change and are left out.
    """
    if fixed < 0 or broken < 0:
        raise ValueError(f"sign_test: counts must be >= 0, got {fixed}, {broken}")
    n = fixed + broken
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(fixed, broken) + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def paired_outcomes(before: Mapping[str, bool], after: Mapping[str, bool]) -> dict[str, Any]:
    """Per-problem outcomes before and after training (``problem key -> passed``, one greedy
    sample each) -> ``{n_problems, before, after, fixed, broken, sign_test_p}``: pass@1 before
    and after, the problems that went fail -> pass (fixed) and pass -> fail (broken), and
    :func:`sign_test` on the two counts. Both must cover the same problems."""
    if set(before) != set(after):
        raise ValueError(f"paired_outcomes: the evaluations cover different problems "
                         f"({len(set(before) ^ set(after))} differ)")
    n = len(before)
    fixed = sum(after[k] and not before[k] for k in before)
    broken = sum(before[k] and not after[k] for k in before)
    return {"n_problems": n, "before": sum(before.values()) / max(1, n), "after": sum(after.values()) / max(1, n),
            "fixed": fixed, "broken": broken, "sign_test_p": sign_test(fixed, broken)}


def format_summary(summary: Mapping[str, Any]) -> str:
    """A small plain-text table of ``summarize``'s output (percentages), for logs and the CLI."""
    ks = [key for key in summary if key.startswith("pass@")]
    lines = [f"{summary['n_problems']} problems, {summary['n_samples']} samples"]
    header = f"{'':>14}" + "".join(f"{k:>9}" for k in ks) + f"{'problems':>10}"
    lines.append(header)
    lines.append(f"{'all':>14}" + "".join(f"{100 * summary[k]:9.1f}" for k in ks) + f"{summary['n_problems']:>10}")
    for level, row in summary["by_difficulty"].items():
        lines.append(f"{level:>14}" + "".join(f"{100 * row[k]:9.1f}" for k in ks) + f"{row['n_problems']:>10}")
    for rule, row in summary.get("by_holdout", {}).items():
        lines.append(f"{'held out: ' + rule:>14}" + "".join(f"{100 * row[k]:9.1f}" for k in ks) + f"{row['n_problems']:>10}")
    errors = ", ".join(f"{name} {100 * frac:.1f}%" for name, frac in summary["errors"].items())
    lines.append(f"samples: pass {100 * summary['sample_pass_rate']:.1f}%, {errors}")
    return "\n".join(lines)


# =========================================================================== sample, run, score


def evaluate_model(
    policy,
    tokenizer,
    problems,
    *,
    samples: int = 1,
    temperature: float | None = None,
    top_p: float = 0.95,
    max_new_tokens: int = 256,
    batch_size: int = 32,
    seed: int = 0,
    ks: Sequence[int] = (1,),
    given_prefix: str = "none",
    chat: bool = False,
    executor=None,
    timeout_s: float = 2.0,
    progress: bool = False,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Sample ``samples`` programs per problem, run them, score them.

    Args:
        samples: programs per problem; 1 with ``temperature=None`` means greedy decoding.
        temperature: ``None`` = 0 (greedy) for one sample, 0.8 for several.
        ks: the k of pass@k to report (each must be <= ``samples``; 1 is always included).
        given_prefix: ``none`` (the model writes the whole program) or ``starter`` (the
            starter code is the given prefix the model continues, HumanEval-style completion).
        chat: render prompts with the tokenizer's chat template.
        executor: a :class:`stepcoder_lite.executor.Executor` (default: a new 2-worker one).

    Returns:
        ``(summary, records)``: ``summary`` is :func:`stepcoder_lite.evaluate.summarize`'s dict
        plus ``unfinished`` (samples that hit ``max_new_tokens``) and ``truncated_prompts``;
        ``records`` has one ``{"problem_id", "sample", "completion", "verdict"}`` per sample.
    """
    import torch  # sampling needs torch; counting (the rest of this module) does not

    from stepcoder_lite.executor import Executor
    from stepcoder_lite.prompts import build_prompt, program_text
    from stepcoder_lite.rollout import sample as sample_completions

    if given_prefix not in ("none", "starter"):
        raise ValueError(f"given_prefix must be 'none' or 'starter', got {given_prefix!r}")
    ks = sorted({1, *ks})
    if ks[-1] > samples:
        raise ValueError(f"pass@{ks[-1]} needs at least {ks[-1]} samples per problem; got --samples {samples}")
    if temperature is None:
        temperature = 0.0 if samples == 1 else 0.8
    prefixes = [p.starter_code if given_prefix == "starter" else "" for p in problems]
    prompts = [build_prompt(p, given_prefix=pre, chat_template=tokenizer if chat else None) for p, pre in zip(problems, prefixes)]
    rows = [(i, s) for i in range(len(problems)) for s in range(samples)]  # problem-major
    completions, finished, truncated = [], [], []
    iterator = range(0, len(rows), batch_size)
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(iterator, desc="sampling", unit="batch", file=sys.stderr)
    generator = torch.Generator(device=next(policy.parameters()).device).manual_seed(seed)
    for start in iterator:
        chunk = rows[start: start + batch_size]
        r = sample_completions(policy, tokenizer, [prompts[i] for i, _ in chunk], max_new_tokens=max_new_tokens,
                               temperature=temperature, top_p=top_p if temperature > 0 else 1.0, generator=generator)
        completions += r.completions
        finished += r.finished
        truncated += r.prompt_truncated
    jobs = [(program_text(prefixes[i], c), problems[i].tests()) for (i, _), c in zip(rows, completions)]
    own = executor is None
    executor = executor or Executor(workers=2)
    try:
        results = executor.run_batch(jobs, coverage=False, early_exit=True, timeout_s=timeout_s)
    finally:
        if own:
            executor.close()
    per_problem: list[list[Any]] = [[] for _ in problems]
    records = []
    for (i, s), c, res in zip(rows, completions, results):
        per_problem[i].append(res)
        verdict = getattr(res.verdict, "value", res.verdict)
        records.append({"problem_id": problems[i].id, "sample": s, "completion": c, "verdict": verdict})
    summary = summarize(problems, per_problem, ks=ks)
    summary["unfinished"] = int(sum(not f for f in finished))
    summary["truncated_prompts"] = int(sum(truncated[::samples]))
    summary["temperature"] = temperature
    return summary, records
