"""stepcoder_lite.evaluate: pass@k against brute force, and the summary's counting."""

import itertools
import sys
from dataclasses import dataclass
from enum import Enum
from math import comb
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepcoder_lite.data.problem import Problem
from stepcoder_lite.evaluate import ERROR_BUCKET, VERDICTS, format_summary, pass_at_k, summarize


def brute_force_pass_at_k(n: int, c: int, k: int) -> float:
    """Share of the k-subsets of n samples (the first c passing) that hold a passing sample."""
    subsets = list(itertools.combinations(range(n), k))
    return sum(any(s < c for s in subset) for subset in subsets) / len(subsets)


@pytest.mark.parametrize("n", range(1, 9))
def test_pass_at_k_matches_brute_force_enumeration(n):
    for k in range(1, n + 1):
        cs = np.arange(n + 1)
        got = pass_at_k(n, cs, k)  # vectorised over problems
        expected = [brute_force_pass_at_k(n, c, k) for c in cs]
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_pass_at_k_matches_exact_binomials_on_large_n(data):
    n = data.draw(st.integers(1, 300))
    c = data.draw(st.integers(0, n))
    k = data.draw(st.integers(1, n))
    exact = 1 - comb(n - c, k) / comb(n, k)  # exact integers; the product form must agree
    assert pass_at_k(n, c, k)[0] == pytest.approx(exact, rel=1e-9, abs=1e-12)


def test_pass_at_k_mixed_problems_and_edge_cases():
    n = np.array([10, 10, 200, 5])
    c = np.array([0, 10, 1, 2])
    np.testing.assert_allclose(pass_at_k(n, c, 1), c / n)  # pass@1 = c / n
    out = pass_at_k(n, c, 5)
    assert out[0] == 0.0 and out[1] == 1.0 and out[3] == 1.0  # n - c < k: certain
    assert out[2] == pytest.approx(5 / 200)
    for bad in [dict(num_samples=3, num_correct=4, k=1), dict(num_samples=3, num_correct=1, k=4), dict(num_samples=3, num_correct=1, k=0)]:
        with pytest.raises(ValueError, match="pass_at_k"):
            pass_at_k(**bad)


def problem(pid: str, difficulty: str) -> Problem:
    return Problem(id=pid, question="q", solutions=["print(1)"], inputs=[""], outputs=["1\n"], difficulty=difficulty)


class FakeVerdict(str, Enum):  # the executor's Verdict is a str enum like this one
    PASS = "pass"
    WRONG_ANSWER = "wrong_answer"


@dataclass
class FakeResult:
    verdict: object


def test_summarize_counts_and_breakdowns():
    problems = [problem("a", "introductory"), problem("b", "interview"), problem("c", "interview"), problem("d", "competition")]
    results = [
        [FakeResult(FakeVerdict.PASS), FakeResult(FakeVerdict.PASS), {"verdict": "wrong_answer"}, "syntax_error"],
        ["pass", "runtime_error", "memory_limit", "output_limit"],
        ["timeout", "timeout", "wrong_answer", "harness_error"],
        ["no_tests", "syntax_error", "syntax_error", "wrong_answer"],
    ]
    s = summarize(problems, results, ks=(2,))
    assert s["n_problems"] == 4 and s["n_samples"] == 16
    # per problem c = 2, 1, 0, 0 of n = 4
    assert s["pass@1"] == pytest.approx((2 / 4 + 1 / 4) / 4)
    p2 = [1 - comb(4 - c, 2) / comb(4, 2) for c in (2, 1, 0, 0)]
    assert s["pass@2"] == pytest.approx(sum(p2) / 4)
    assert s["sample_pass_rate"] == pytest.approx(3 / 16)
    assert list(s["by_difficulty"]) == ["introductory", "interview", "competition"]
    assert s["by_difficulty"]["interview"] == {"n_problems": 2, "n_samples": 8, "pass@1": pytest.approx(1 / 8), "pass@2": pytest.approx(p2[1] / 2)}
    assert s["by_difficulty"]["competition"]["pass@1"] == 0.0
    assert s["errors"] == pytest.approx(
        {"syntax_error": 3 / 16, "runtime_error": 3 / 16, "wrong_answer": 3 / 16, "timeout": 2 / 16, "other": 2 / 16}
    )
    assert s["sample_pass_rate"] + sum(s["errors"].values()) == pytest.approx(1.0)
    assert s["verdicts"]["memory_limit"] == 1 and sum(s["verdicts"].values()) == 16
    assert set(s["verdicts"]) == set(VERDICTS) == set(ERROR_BUCKET)
    text = format_summary(s)
    assert "pass@2" in text and "interview" in text and "syntax_error 18.8%" in text


def test_greedy_pass_at_1_is_the_fraction_of_problems_passed():
    problems = [problem(str(i), "introductory") for i in range(5)]
    s = summarize(problems, [["pass"], ["wrong_answer"], ["pass"], ["timeout"], ["pass"]])
    assert s["pass@1"] == pytest.approx(3 / 5) and list(s)[:3] == ["n_problems", "n_samples", "pass@1"]


def test_summarize_refuses_what_it_cannot_score():
    problems = [problem("x", "interview"), problem("y", "interview")]
    with pytest.raises(ValueError, match="2 problems but 1 result lists"):
        summarize(problems, [["pass"]])
    with pytest.raises(ValueError, match=r"problem 'y' has 1 samples; pass@3 needs at least 3"):
        summarize(problems, [["pass"] * 3, ["pass"]], ks=(3,))
    with pytest.raises(ValueError, match=r"problem 'x' sample 1: unknown verdict 'crashed'"):
        summarize(problems, [["pass", "crashed"], ["pass"]])
    with pytest.raises(ValueError, match="no 'verdict' key"):
        summarize(problems, [[{"status": "pass"}], ["pass"]])


def test_evaluate_does_not_import_torch():
    import subprocess

    code = "import sys, stepcoder_lite.evaluate; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_summarize_splits_families_held_out_problems_by_rule():
    problems = [SimpleNamespace(id=str(i), difficulty="introductory", meta={"holdout": rule})
                for i, rule in enumerate(["params", "params", "pair", "params"])]
    s = summarize(problems, [["pass"], ["wrong_answer"], ["pass"], ["pass"]])
    assert s["by_holdout"] == {"pair": {"n_problems": 1, "n_samples": 1, "pass@1": 1.0},
                               "params": {"n_problems": 3, "n_samples": 3, "pass@1": pytest.approx(2 / 3)}}
    plain = summarize([problem("a", "introductory")], [["pass"]])
    assert "by_holdout" not in plain  # only sets that say how their problems were held out
    assert "held out: params" in format_summary(s) and "held out" not in format_summary(plain)


# --------------------------------------------------------------------------- paired outcomes and the sign test


def test_sign_test_is_the_exact_two_sided_binomial_tail():
    from stepcoder_lite.evaluate import sign_test

    assert sign_test(0, 0) == 1.0 and sign_test(3, 3) == 1.0
    assert sign_test(5, 0) == pytest.approx(2 / 32) and sign_test(0, 5) == pytest.approx(2 / 32)
    # brute force: all 2^n fair-coin splits at least as uneven as (fixed, broken)
    for fixed, broken in [(7, 2), (10, 1), (4, 6), (12, 12), (20, 3)]:
        n = fixed + broken
        extreme = abs(fixed - broken)
        brute = sum(comb(n, i) for i in range(n + 1) if abs(2 * i - n) >= extreme) / 2 ** n
        assert sign_test(fixed, broken) == pytest.approx(min(1.0, brute))
    assert sign_test(65, 19) < 1e-6
    with pytest.raises(ValueError):
        sign_test(-1, 2)


def test_paired_outcomes_count_fixed_and_broken_problems():
    from stepcoder_lite.evaluate import paired_outcomes, sign_test

    before = {"a": False, "b": False, "c": True, "d": True, "e": False}
    after = {"a": True, "b": True, "c": True, "d": False, "e": False}
    out = paired_outcomes(before, after)
    assert out == {"n_problems": 5, "before": 0.4, "after": 0.6, "fixed": 2, "broken": 1, "sign_test_p": sign_test(2, 1)}
    with pytest.raises(ValueError, match="different problems"):
        paired_outcomes(before, {**after, "f": True})
