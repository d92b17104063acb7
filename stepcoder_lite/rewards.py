"""Verdict -> scalar reward: StepCoder's tiers, with an optional partial-credit variant.

StepCoder (Dou et al. 2024, following CodeRL / PPOCoder) rewards a whole program by the
worst thing that happened when its unit tests ran:

| verdict                                   | reward |
|-------------------------------------------|--------|
| pass (every test)                         |  +1.0  |
| wrong_answer                              |  -0.3  |
| runtime_error, timeout                    |  -0.6  |
| memory_limit, output_limit (our choice)   |  -0.6  |  the program ran and crashed into a limit: a runtime error
| syntax_error                              |  -1.0  |
| no_tests, harness_error                   |  raise |  no reward is defined: nothing was learned about the program

``no_tests`` and ``harness_error`` say nothing about the program, so by default
:func:`reward` raises :class:`RewardUndefined`; pass ``undefined=VALUE`` to get a value instead
(e.g. ``undefined=0.0`` to keep a training loop going). They are never a pass.

**Partial credit** (``partial_credit=True``): a program that ran but failed some tests moves
from its tier towards +1 by the fraction of tests it passed,

    r = r_tier + (1 - r_tier) * passed / num_tests

so 0 of n passed gives the tier, n of n gives +1 (the pass reward), and it is monotone in
between. Syntax errors stay at -1. With ``early_exit`` the tests not run count as failed.
"""

from __future__ import annotations

from stepcoder_lite.executor import ExecResult, Verdict

TIER_REWARDS: dict[Verdict, float] = {
    Verdict.PASS: 1.0,
    Verdict.WRONG_ANSWER: -0.3,
    Verdict.RUNTIME_ERROR: -0.6,
    Verdict.TIMEOUT: -0.6,
    Verdict.MEMORY_LIMIT: -0.6,
    Verdict.OUTPUT_LIMIT: -0.6,
    Verdict.SYNTAX_ERROR: -1.0,
}


class RewardUndefined(ValueError):
    """The execution says nothing about the program (no tests, or the harness failed)."""


def tier_reward(verdict: Verdict | str, *, undefined: float | None = None) -> float:
    """The StepCoder tier of a verdict (see the table above)."""
    v = Verdict(verdict)
    if v in TIER_REWARDS:
        return TIER_REWARDS[v]
    if undefined is not None:
        return float(undefined)
    raise RewardUndefined(f"no reward is defined for verdict {v.value!r}; pass undefined=VALUE to use one")


def partial_credit_reward(r_tier: float, pass_fraction: float) -> float:
    """The partial-credit reward of a program in tier ``r_tier`` that passed ``pass_fraction`` of its tests."""
    # r = r_tier + (1 - r_tier) * passed / num_tests
    return r_tier + (1.0 - r_tier) * pass_fraction


def reward(result: ExecResult, partial_credit: bool = False, *, undefined: float | None = None) -> float:
    """Scalar reward of one executed program (placed on its last response token by the trainer)."""
    r_tier = tier_reward(result.verdict, undefined=undefined)
    if not partial_credit or result.verdict in (Verdict.PASS, Verdict.SYNTAX_ERROR):
        return r_tier
    if result.verdict not in TIER_REWARDS:  # undefined value was asked for: no partial credit
        return r_tier
    return partial_credit_reward(r_tier, result.pass_fraction)


def rewards(results: list[ExecResult], partial_credit: bool = False, *, undefined: float | None = None) -> list[float]:
    """:func:`reward` over a batch."""
    return [reward(r, partial_credit, undefined=undefined) for r in results]
