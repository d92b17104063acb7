"""Verdict -> reward: the StepCoder tiers and partial credit."""

import pytest

from stepcoder_lite.executor import ExecResult, TestResult, Verdict
from stepcoder_lite.rewards import RewardUndefined, reward, rewards, tier_reward


def result(verdict, test_verdicts=(), num_tests=None):
    tests = [TestResult(Verdict(v), 0.0) for v in test_verdicts]
    return ExecResult(Verdict(verdict), tests, num_tests if num_tests is not None else len(tests))


@pytest.mark.parametrize("verdict,value", [
    ("pass", 1.0), ("wrong_answer", -0.3), ("runtime_error", -0.6), ("timeout", -0.6),
    ("memory_limit", -0.6), ("output_limit", -0.6), ("syntax_error", -1.0),
])
def test_tiers(verdict, value):
    assert reward(result(verdict, [verdict])) == value
    assert tier_reward(verdict) == value


@pytest.mark.parametrize("verdict", ["no_tests", "harness_error"])
def test_undefined_verdicts_raise_or_take_the_given_value(verdict):
    with pytest.raises(RewardUndefined, match=verdict):
        reward(result(verdict))
    assert reward(result(verdict), undefined=0.0) == 0.0
    assert reward(result(verdict), partial_credit=True, undefined=-0.5) == -0.5


def test_partial_credit_moves_from_the_tier_towards_one():
    r = result("wrong_answer", ["pass", "pass", "wrong_answer", "pass"])
    # r = r_tier + (1 - r_tier) * 3/4
    assert reward(r, partial_credit=True) == pytest.approx(-0.3 + 1.3 * 0.75)
    assert reward(r) == -0.3
    zero = result("runtime_error", ["runtime_error"], num_tests=3)  # early exit: 2 tests not run
    assert reward(zero, partial_credit=True) == -0.6
    assert reward(result("pass", ["pass"] * 3), partial_credit=True) == 1.0
    assert reward(result("syntax_error", num_tests=3), partial_credit=True) == -1.0


def test_partial_credit_is_monotone_and_below_a_pass():
    values = [reward(result("timeout", ["pass"] * k + ["timeout"] * (5 - k)), partial_credit=True) for k in range(5)]
    assert values == sorted(values) and values[-1] < 1.0


def test_rewards_batch():
    assert rewards([result("pass", ["pass"]), result("syntax_error")]) == [1.0, -1.0]
